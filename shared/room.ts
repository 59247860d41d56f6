// The layout of a room's Y.Doc, in one place. Every reader and writer (client, server, agent,
// evals, tests) goes through these accessors so the names and shapes cannot drift apart.
import * as Y from "yjs";
import { z } from "zod";
import { CANVAS_KINDS, SEVERITIES, type CanvasKind, type Severity } from "./tools.ts";

export interface CanvasMeta {
  id: string;
  title: string;
  kind: CanvasKind;
  language: string | null;
  createdAt: number;
  /** "crlf" when the canvas was made from a file with CRLF line ends: it is exported with them again. */
  lineEnding?: "crlf";
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
  /** True when the call proposed suggestions (suggest mode) instead of changing the text; `count` counts them. */
  suggested?: boolean;
  /** True once a person undid the change (its card says so for everyone). */
  undone?: boolean;
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
  /** The tool of the step the model is taking now (its card shows while it works), or null. */
  step: string | null;
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
  /**
   * Replies to comments, one entry each (keyed by reply id): a reply is a small update, not a
   * rewrite of the whole comment with every earlier reply.
   */
  commentReplies: "commentReplies",
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

/** A reply as stored in `commentReplies`: the reply and the comment it answers. */
export interface StoredReply extends CommentReply {
  commentId: string;
}

export function commentRepliesMap(doc: Y.Doc): Y.Map<StoredReply> {
  return doc.getMap<StoredReply>(ROOM_KEYS.commentReplies);
}

/** Add a reply to a comment (call inside the caller's transaction). */
export function addCommentReply(doc: Y.Doc, commentId: string, reply: CommentReply): void {
  commentRepliesMap(doc).set(reply.id, { ...reply, commentId });
}

const replySchema = z.object({
  id: z.string(),
  author: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.number(),
});

/** What a stored comment must look like; anything else (written by a hostile socket) is skipped on read. */
const commentSchema = z.object({
  id: z.string(),
  canvasId: z.string(),
  anchor: z.object({ start: z.string(), end: z.string() }),
  quote: z.string(),
  body: z.string(),
  severity: z.enum(SEVERITIES),
  suggestion: z.string().nullable(),
  author: z.string(),
  authorName: z.string(),
  resolved: z.boolean(),
  replies: z.array(replySchema),
  createdAt: z.number(),
  runId: z.string().nullable(),
});

/**
 * Every well-formed comment with all its replies (those kept inside the record, from before replies
 * had their own map, then the others by time), oldest first. Malformed entries are left out and
 * counted in `skipped`, so one bad value cannot break the list for everyone.
 */
export function readComments(doc: Y.Doc): { comments: CommentRecord[]; skipped: number } {
  const replies = new Map<string, CommentReply[]>();
  for (const stored of commentRepliesMap(doc).values()) {
    const parsed = replySchema.extend({ commentId: z.string() }).safeParse(stored);
    if (!parsed.success) continue;
    const { commentId, ...reply } = parsed.data;
    replies.set(commentId, [...(replies.get(commentId) ?? []), reply]);
  }
  const comments: CommentRecord[] = [];
  let skipped = 0;
  for (const value of commentsMap(doc).values()) {
    const parsed = commentSchema.safeParse(value);
    if (!parsed.success) {
      skipped++;
      continue;
    }
    const extra = (replies.get(parsed.data.id) ?? []).sort((a, b) => a.createdAt - b.createdAt);
    comments.push({ ...parsed.data, replies: [...parsed.data.replies, ...extra] });
  }
  comments.sort((a, b) => a.createdAt - b.createdAt);
  return { comments, skipped };
}

/** One comment with its replies, or null when absent or malformed. */
export function readComment(doc: Y.Doc, commentId: string): CommentRecord | null {
  return readComments(doc).comments.find((comment) => comment.id === commentId) ?? null;
}

export function chatArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(ROOM_KEYS.chat);
}

/** Room-level metadata (title). */
export function roomMeta(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(ROOM_KEYS.meta);
}

/** What a canvas entry must look like; a socket may write anything into the map, so readers check. */
const canvasMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(CANVAS_KINDS),
  language: z.string().nullable(),
  createdAt: z.number(),
  lineEnding: z.literal("crlf").optional(),
});

/** The room's well-formed canvases, oldest first; malformed entries are left out. */
export function listCanvases(doc: Y.Doc): CanvasMeta[] {
  const canvases: CanvasMeta[] = [];
  for (const [key, value] of canvasesMap(doc).entries()) {
    const parsed = canvasMetaSchema.safeParse(value);
    if (parsed.success && parsed.data.id === key) canvases.push(parsed.data);
  }
  return canvases.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The room's title, or `fallback` when it is missing or not a string. */
export function readRoomTitle(doc: Y.Doc, fallback: string): string {
  const title: unknown = roomMeta(doc).get("title");
  return typeof title === "string" ? title : fallback;
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
    step: (entry.get("step") as string | null | undefined) ?? null,
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

/** Add a tool call's card to an assistant reply; the step it finishes is no longer in progress. */
export function addReplyActivity(entry: Y.Map<unknown>, activity: ToolActivity): void {
  entry.set("activity", [...((entry.get("activity") as ToolActivity[] | undefined) ?? []), activity]);
  if (entry.get("step") != null) entry.set("step", null);
}

/** Mark the chat card of change `changeId` as undone (in the caller's transaction; a no-op without one). */
export function markActivityUndone(doc: Y.Doc, changeId: string): void {
  for (const entry of chatArray(doc)) {
    const activity = (entry.get("activity") as ToolActivity[] | undefined) ?? [];
    if (!activity.some((card) => card.changeId === changeId && !card.undone)) continue;
    entry.set(
      "activity",
      activity.map((card) => (card.changeId === changeId ? { ...card, undone: true } : card)),
    );
  }
}

/** The step (tool) an assistant reply is taking now, or null once it is done. */
export function setReplyStep(entry: Y.Map<unknown>, tool: string | null): void {
  if ((entry.get("step") ?? null) !== tool) entry.set("step", tool);
}
