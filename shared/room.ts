// The layout of a room's Y.Doc, in one place. Every reader and writer (client, server, agent,
// evals, tests) goes through these accessors so the names and shapes cannot drift apart.
import * as Y from "yjs";
import type { CanvasKind, Severity } from "./tools.ts";

export interface CanvasMeta {
  id: string;
  title: string;
  kind: CanvasKind;
  language: string | null;
  createdAt: number;
}

export interface CommentReply {
  id: string;
  author: string;
  authorName: string;
  body: string;
  createdAt: number;
}

export interface CommentRecord {
  id: string;
  canvasId: string;
  /** Encoded Y.RelativePosition (Y.encodeRelativePosition), base64 so the map holds plain JSON. */
  anchor: { start: string; end: string };
  quote: string;
  body: string;
  severity: Severity;
  suggestion: string | null;
  /** "ai" for the model, else the user id of a person. */
  author: string;
  authorName: string;
  resolved: boolean;
  replies: CommentReply[];
  createdAt: number;
  runId: string | null;
  /** The AI change that left it (shared/changes.ts), so undoing that change removes it; absent on older comments. */
  changeId?: string | null;
}

export type ChatRole = "user" | "assistant";
export type ChatStatus = "streaming" | "done" | "error" | "cancelled";

export interface ToolActivity {
  tool: string;
  canvasId: string | null;
  ok: boolean;
  summary: string;
  /** How many passages/comments the call touched, for cards like "Edited 2 passages". */
  count: number;
  /** The change it made (shared/changes.ts), so its card shows and undoes that change; absent when refused. */
  changeId?: string | null;
}

/** A chat message lives in `chat` as a Y.Map; its text is a Y.Text so it can stream live. */
export interface ChatMessageView {
  id: string;
  role: ChatRole;
  author: string;
  authorName: string;
  text: string;
  status: ChatStatus;
  runId: string | null;
  createdAt: number;
  error: string | null;
  activity: ToolActivity[];
}

export const ROOM_KEYS = {
  canvases: "canvases",
  comments: "comments",
  chat: "chat",
  meta: "meta",
  /** Canvases moved out of the room, with their metadata (shared/trash.ts). */
  trash: "trash",
  /** People's own quick actions, shared with the room (shared/customActions.ts). */
  quickActions: "quickActions",
} as const;

export const canvasFragmentName = (canvasId: string): string => `canvas/${canvasId}`;

export function canvasesMap(doc: Y.Doc): Y.Map<CanvasMeta> {
  return doc.getMap<CanvasMeta>(ROOM_KEYS.canvases);
}

export function canvasFragment(doc: Y.Doc, canvasId: string): Y.XmlFragment {
  return doc.getXmlFragment(canvasFragmentName(canvasId));
}

export function commentsMap(doc: Y.Doc): Y.Map<CommentRecord> {
  return doc.getMap<CommentRecord>(ROOM_KEYS.comments);
}

export function chatArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(ROOM_KEYS.chat);
}

/** Room-level metadata (title). */
export function roomMeta(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(ROOM_KEYS.meta);
}

export function listCanvases(doc: Y.Doc): CanvasMeta[] {
  return [...canvasesMap(doc).values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function newId(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes]
    .map((b) => b.toString(36).padStart(2, "0"))
    .join("")
    .slice(0, 12);
}

export interface NewChatMessage {
  id?: string;
  role: ChatRole;
  author: string;
  authorName: string;
  text?: string;
  status?: ChatStatus;
  runId?: string | null;
}

/** Append a chat message; returns its Y.Map so a streaming reply can append to its `text`. */
export function appendChatMessage(doc: Y.Doc, message: NewChatMessage): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  const text = new Y.Text(message.text ?? "");
  entry.set("id", message.id ?? newId());
  entry.set("role", message.role);
  entry.set("author", message.author);
  entry.set("authorName", message.authorName);
  entry.set("text", text);
  entry.set("status", message.status ?? "done");
  entry.set("runId", message.runId ?? null);
  entry.set("createdAt", Date.now());
  entry.set("error", null);
  entry.set("activity", []);
  chatArray(doc).push([entry]);
  return entry;
}

export function readChatMessage(entry: Y.Map<unknown>): ChatMessageView {
  const text = entry.get("text");
  return {
    id: String(entry.get("id") ?? ""),
    role: entry.get("role") === "assistant" ? "assistant" : "user",
    author: String(entry.get("author") ?? ""),
    authorName: String(entry.get("authorName") ?? ""),
    text: text instanceof Y.Text ? text.toString() : String(text ?? ""),
    status: (entry.get("status") as ChatStatus | undefined) ?? "done",
    runId: (entry.get("runId") as string | null | undefined) ?? null,
    createdAt: Number(entry.get("createdAt") ?? 0),
    error: (entry.get("error") as string | null | undefined) ?? null,
    activity: (entry.get("activity") as ToolActivity[] | undefined) ?? [],
  };
}

export function readChat(doc: Y.Doc): ChatMessageView[] {
  return chatArray(doc).toArray().map(readChatMessage);
}

/** Append streamed text to a chat message (an assistant reply while the model writes). */
export function appendReplyText(entry: Y.Map<unknown>, delta: string): void {
  const text = entry.get("text");
  if (!(text instanceof Y.Text))
    throw new Error(`appendReplyText: chat message ${String(entry.get("id"))} has no Y.Text`);
  text.insert(text.length, delta);
}

/** The text of a chat message so far (what a streaming reply shows now). */
export function replyTextLength(entry: Y.Map<unknown>): number {
  const text = entry.get("text");
  return text instanceof Y.Text ? text.length : String(text ?? "").length;
}

/** Set a chat message's status, and the error shown with it when there is one. */
export function setReplyStatus(entry: Y.Map<unknown>, status: ChatStatus, error?: string): void {
  entry.set("status", status);
  if (error !== undefined) entry.set("error", error);
}

/** Add a tool call's card to an assistant reply. */
export function addReplyActivity(entry: Y.Map<unknown>, activity: ToolActivity): void {
  entry.set("activity", [...((entry.get("activity") as ToolActivity[] | undefined) ?? []), activity]);
}
