// A room lock in Redis: SET key token NX PX ttl to take it, renewed while held, released with a
// compare-and-delete script so a process never deletes a lock that expired and went to someone else.
// If the holder dies, the lock expires after `ttlMs` and another process may run the agent.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { RoomLease, RoomLocks } from "./roomLock.ts";
import { redactUrl } from "./redisFanout.ts";
import { DEFAULT_REDIS_PREFIX } from "../config.ts";

const RELEASE_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;
const RENEW_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) else return 0 end`;

export interface RedisRoomLocksOptions {
  url: string;
  log: Logger;
  prefix?: string;
  /** How long a lock outlives a holder that stopped renewing it. */
  ttlMs?: number;
}

export class RedisRoomLocks implements RoomLocks {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly log: Logger;
  private readonly leases = new Set<() => Promise<void>>();

  private constructor(options: RedisRoomLocksOptions) {
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.log = options.log.child({ component: "room-lock" });
    this.redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.redis.on("error", (error: Error) => this.log.warn({ err: error.message }, "redis connection error"));
  }

  static async connect(options: RedisRoomLocksOptions): Promise<RedisRoomLocks> {
    const locks = new RedisRoomLocks(options);
    try {
      await locks.redis.connect();
    } catch (error) {
      locks.redis.disconnect();
      throw new Error(
        `Could not connect to Redis at ${redactUrl(options.url)}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    return locks;
  }

  lockKey(roomId: string): string {
    return `${this.prefix}lock:room:${roomId}`;
  }

  async acquire(roomId: string): Promise<RoomLease | null> {
    const key = this.lockKey(roomId);
    const token = randomBytes(16).toString("hex");
    const taken = await this.redis.set(key, token, "PX", this.ttlMs, "NX");
    if (taken !== "OK") return null;

    const lost = new AbortController();
    let lastRenewed = Date.now();
    const renew = async (): Promise<void> => {
      try {
        const renewed = await this.redis.eval(RENEW_SCRIPT, 1, key, token, String(this.ttlMs));
        if (renewed === 1) {
          lastRenewed = Date.now();
          return;
        }
        this.log.warn({ roomId }, "room lock expired while held; stopping the run");
      } catch (error) {
        // Unreachable Redis: keep trying while the lock may still be ours, then give up the run.
        if (Date.now() - lastRenewed < this.ttlMs * 0.8) return;
        this.log.warn(
          { roomId, err: error instanceof Error ? error.message : String(error) },
          "could not renew the room lock; stopping the run",
        );
      }
      clearInterval(timer);
      lost.abort(new Error(`lost the lock of room ${roomId}`));
    };
    const timer = setInterval(() => void renew(), Math.max(50, Math.floor(this.ttlMs / 3)));
    timer.unref();

    let released = false;
    const release = async (): Promise<void> => {
      if (released) return;
      released = true;
      clearInterval(timer);
      this.leases.delete(release);
      await this.redis.eval(RELEASE_SCRIPT, 1, key, token).catch((error: unknown) => {
        this.log.warn(
          { roomId, err: error instanceof Error ? error.message : String(error) },
          "could not release the room lock; it expires by itself",
        );
      });
    };
    this.leases.add(release);
    return { lost: lost.signal, release };
  }

  async isHeld(roomId: string): Promise<boolean> {
    return (await this.redis.exists(this.lockKey(roomId))) === 1;
  }

  async close(): Promise<void> {
    await Promise.all([...this.leases].map((release) => release()));
    await this.redis.quit().catch(() => undefined);
  }
}
