// Connects what the scale-out settings ask for and hands it to startServer. Nothing configured:
// nothing connected, and the server keeps its embedded SQLite single-process mode.
import type { Logger } from "pino";
import type { Store } from "../store/store.ts";
import { PostgresStore } from "../store/postgres.ts";
import type { Fanout } from "./fanout.ts";
import type { RoomLocks } from "./roomLock.ts";
import { RedisFanout, redactUrl } from "./redisFanout.ts";
import { RedisRoomLocks } from "./redisRoomLock.ts";
import type { ScaleConfig } from "../config.ts";

export interface ScaleOut {
  store?: Store;
  fanout?: Fanout;
  roomLocks?: RoomLocks;
  /** One line for the start banner: which backends are in use. */
  describe(): string;
  /** Closes the Redis connections (the store is closed by the server). */
  close(): Promise<void>;
}

export async function connectScaleOut(config: ScaleConfig, log: Logger): Promise<ScaleOut> {
  const store = config.databaseUrl ? await PostgresStore.connect({ connectionString: config.databaseUrl }) : undefined;
  let fanout: RedisFanout | undefined;
  let roomLocks: RedisRoomLocks | undefined;
  try {
    if (config.redisUrl) {
      fanout = await RedisFanout.connect({ url: config.redisUrl, log, prefix: config.redisPrefix });
      roomLocks = await RedisRoomLocks.connect({ url: config.redisUrl, log, prefix: config.redisPrefix });
    }
  } catch (error) {
    await Promise.allSettled([store?.close(), fanout?.close()]);
    throw error;
  }
  if (fanout && !store) {
    log.warn(
      "REDIS_URL without DATABASE_URL: each process keeps its own SQLite file, so rooms are not shared; set DATABASE_URL too",
    );
  }
  return {
    store,
    fanout,
    roomLocks,
    describe: () =>
      [
        config.databaseUrl ? `Postgres ${redactUrl(config.databaseUrl)}` : "SQLite",
        config.redisUrl ? `Redis fan-out ${redactUrl(config.redisUrl)}` : "single process",
      ].join(", "),
    close: async () => {
      await Promise.allSettled([fanout?.close(), roomLocks?.close()]);
    },
  };
}
