// A real SQLite store whose writes fail on demand, as a broken disk's do. "readonly" refuses every
// write, the store's probe included (a read-only or failing disk); "full" refuses every write but the
// probe's one-row rewrite, which still fits in place (a full disk: the probe cannot see it, the
// first real write does).
import type { Store } from "../../server/store/store.ts";
import { STORE_WRITES } from "../../server/store/health.ts";

export type DiskMode = "ok" | "readonly" | "full";

export class FailingDisk {
  mode: DiskMode = "ok";
  readonly store: Store;

  constructor(inner: Store) {
    const store = Object.create(inner) as Store;
    const methods = store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const name of STORE_WRITES) {
      const write = inner[name] as (...args: unknown[]) => Promise<unknown>;
      methods[name] = async (...args) => {
        this.refuseIf("readonly", "full");
        return write.apply(inner, args);
      };
    }
    store.probe = async () => {
      this.refuseIf("readonly");
      return inner.probe();
    };
    this.store = store;
  }

  private refuseIf(...modes: DiskMode[]): void {
    if (!modes.includes(this.mode)) return;
    throw new Error(
      this.mode === "full"
        ? "SQLITE_FULL: database or disk is full"
        : "SQLITE_READONLY: attempt to write a readonly database",
    );
  }
}
