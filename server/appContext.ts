// What the wiring (server/app.ts) hands to the parts that register routes and hooks: HTTP routes,
// the agent. A module of its own so those parts depend on this type, not on the wiring itself.
import type { IncomingMessage } from "node:http";
import type { Logger } from "pino";
import type { Store } from "./store/store.ts";
import type { StoreHealth } from "./store/health.ts";
import type { RoomRegistry } from "./rooms/registry.ts";
import type { Router } from "./http/router.ts";
import type { Metrics } from "./metrics.ts";
import type { LiveLinks } from "./ws/liveLinks.ts";
import type { EngineInfo } from "../shared/engineInfo.ts";

export interface AppContext {
  store: Store;
  /** Whether the store takes writes (its cached probe), behind /readyz and every HTTP write. */
  storeHealth: StoreHealth;
  registry: RoomRegistry;
  router: Router;
  log: Logger;
  metrics: Metrics;
  /** Open sockets by room and link role, so a revoked or rotated link also closes them. */
  liveLinks: LiveLinks;
  maxMessageBytes: number;
  /** Rooms one address may create per minute. */
  roomsPerMinute: number;
  /** Base URL for links: PUBLIC_URL, or else the host the request came to. */
  publicUrl(req: IncomingMessage): string;
  /** Called on shutdown before storage closes (e.g. to cancel agent runs). */
  onClose(hook: () => Promise<void> | void): void;
  /** Which engine answers chat messages; set by the agent wiring. */
  engineInfo?: () => EngineInfo;
}
