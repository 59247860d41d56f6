// Is the store taking writes? One probe (store.probe: a one-row write and read, with a time limit)
// answers for everyone for `cacheMs`, so a flood of /readyz or of HTTP writes costs at most one probe
// per second. A write refused anywhere marks the store failing at once, until a later probe or write
// succeeds.
// `guardStore` is the store the server uses: its failures become 503s and feed this health.
import type { Logger } from "pino";
import { storageUnavailable } from "../http/errors.ts";
import type { Store } from "./store.ts";

export interface StoreHealthOptions {
  /** How long one probe's answer (or a failed write) stands before the store is probed again (ms). */
  cacheMs?: number;
  /** A probe that takes longer than this counts as a failure (a hung disk or database) (ms). */
  timeoutMs?: number;
}

export const DEFAULT_PROBE_CACHE_MS = 1_000;
export const DEFAULT_PROBE_TIMEOUT_MS = 2_000;

export class StoreHealth {
  private known: { at: number; error: Error | null } | null = null;
  private probing: Promise<Error | null> | null = null;
  private readonly cacheMs: number;
  private readonly timeoutMs: number;
  /** Probes run so far (observability, and tests that count them). */
  probes = 0;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    options: StoreHealthOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? DEFAULT_PROBE_CACHE_MS;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  }

  /** null while the store takes writes, else why not; probes when the last answer is older than `cacheMs`. */
  async check(): Promise<Error | null> {
    if (this.known && performance.now() - this.known.at < this.cacheMs) return this.known.error;
    this.probing ??= this.probe().finally(() => (this.probing = null));
    return this.probing;
  }

  /** A store write just failed: the store counts as failing until a probe after `cacheMs` or a write succeeds. */
  writeFailed(error: Error): void {
    this.record(error);
  }

  /** A store write just succeeded: a failing store takes writes again (a room storing its kept changes). */
  writeSucceeded(): void {
    if (this.known?.error) this.record(null);
  }

  private async probe(): Promise<Error | null> {
    this.probes++;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the store did not answer a probe within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      timer.unref();
    });
    try {
      await Promise.race([this.store.probe(), timeout]);
      this.record(null);
    } catch (error) {
      this.record(error instanceof Error ? error : new Error(String(error)));
    } finally {
      clearTimeout(timer);
    }
    return this.known!.error;
  }

  private record(error: Error | null): void {
    const wasFailing = this.known?.error != null;
    this.known = { at: performance.now(), error };
    if (error && !wasFailing) this.log.error({ err: error }, "the store refuses writes");
    else if (!error && wasFailing) this.log.warn("the store takes writes again");
  }
}

/** Store methods that write (their failures mark the store failing). */
export const STORE_WRITES = [
  "createRoom",
  "setLink",
  "setSealedLinks",
  "deleteRoom",
  "appendUpdate",
  "compact",
  "saveVersion",
  "saveChange",
  "setChangeStatus",
  "saveFeedback",
  "pruneFeedback",
] as const satisfies readonly (keyof Store)[];
const WRITES: ReadonlySet<PropertyKey> = new Set<PropertyKey>(STORE_WRITES);

/**
 * The store as the server uses it: a write it refuses is reported to `health` and thrown as a 503
 * (storage_unavailable, the original error as its cause), never as a 500 with a stack. Every method
 * runs on the store itself.
 */
export function guardStore(store: Store, health: StoreHealth): Store {
  return new Proxy(store, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== "function") return value;
      if (!WRITES.has(name)) return value.bind(target);
      return async (...args: unknown[]) => {
        try {
          const result = await (value as (...args: unknown[]) => Promise<unknown>).apply(target, args);
          health.writeSucceeded();
          return result;
        } catch (error) {
          health.writeFailed(error instanceof Error ? error : new Error(String(error)));
          throw storageUnavailable(error);
        }
      };
    },
  });
}
