// Who made a change: the origin of every Yjs transaction in a room, in one place, in the style of
// Hocuspocus's typed transaction origins (`isTransactionOrigin(origin) && origin.source === "…"`).
// Storage, broadcast and undo tell writers apart by `source`. Origins that an undo manager tracks are
// classes: Y.UndoManager's `trackedOrigins` matches an origin by instance or by its constructor, so
// `new Set([AgentOrigin])` tracks every agent change (subclasses would not match).
import type { Role } from "./roles.ts";

const ORIGIN_SOURCES = ["agent", "chat", "api", "load", "remote", "peer"] as const;
export type OriginSource = (typeof ORIGIN_SOURCES)[number];

/** Who a change or a comment is by. */
export interface Author {
  id: string;
  name: string;
}

/** The model (or the offline engine) as an author. */
export const AI_AUTHOR: Author = { id: "ai", name: "Canvas AI" };

/** True when a person's display name reads as the AI's ("Canvas AI", "canvas-ai", "CANVAS  AI"…): refused. */
export function imitatesAi(name: string): boolean {
  const squashed = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
  return squashed(name) === squashed(AI_AUTHOR.name);
}

/**
 * A change by the model (or the offline engine) during a run. Each tool call or streamed write is one
 * change, begun with `beginChange()`; every transaction of it carries the origin while `changeId` names it,
 * which is how the undo manager cuts one step per change.
 */
export class AgentOrigin {
  readonly source = "agent";
  private step = 0;
  constructor(readonly runId: string) {}

  /** Start the next change of this run; returns its id. */
  beginChange(): string {
    this.step++;
    return this.changeId;
  }

  /** The id of the change being made now. */
  get changeId(): string {
    return `${this.runId}.${this.step}`;
  }
}

/** A run's chat messages: their own origin, so they never land on the canvas undo stack. */
export class ChatOrigin {
  readonly source = "chat";
  constructor(readonly runId: string) {}
}

/** What a person did through the HTTP API. */
export type ApiAction =
  | "create_room"
  | "create_canvas"
  | "comment"
  | "restore"
  | "rename_room"
  | "rename_canvas"
  | "trash_canvas"
  | "restore_canvas"
  | "undo_change"
  /** The server relabelling a message or comment a peer wrote as the AI (server/rooms/aiAuthorship.ts). */
  | "strip_forged_ai"
  | "review_suggestion"
  | "room_settings";

/** A change the server makes on behalf of a person through the HTTP API. */
export class ApiOrigin {
  readonly source = "api";
  constructor(
    /** The role of the link used. */
    readonly role: Role,
    readonly action: ApiAction,
  ) {}
}

/** Updates read from storage while a room loads: already stored, so not stored again. */
export interface LoadOrigin {
  readonly source: "load";
}
export const LOAD_ORIGIN: LoadOrigin = Object.freeze({ source: "load" });

/** Updates from another process (scale-out): stored by it, so only broadcast to local sockets. */
export interface RemoteOrigin {
  readonly source: "remote";
}
export const REMOTE_ORIGIN: RemoteOrigin = Object.freeze({ source: "remote" });

/** A websocket peer: the server's peer object is the origin of the updates it sent (not echoed back to it). */
export interface PeerOrigin {
  readonly source: "peer";
}

export type TransactionOrigin = AgentOrigin | ChatOrigin | ApiOrigin | LoadOrigin | RemoteOrigin | PeerOrigin;

/** The origins a tool call is applied with (the edit engine's seam): a model run, or a person through the API. */
export type ToolCallOrigin = AgentOrigin | ApiOrigin;

const SOURCES: ReadonlySet<string> = new Set(ORIGIN_SOURCES);

/** True for the origins above (anything else: a client library's own origin, a test's string). */
export function isTransactionOrigin(origin: unknown): origin is TransactionOrigin {
  return (
    typeof origin === "object" &&
    origin !== null &&
    "source" in origin &&
    typeof origin.source === "string" &&
    SOURCES.has(origin.source)
  );
}
