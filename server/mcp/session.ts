// One MCP client connected to one room with one share link: an McpServer whose tools are the built-in
// agent's tools (the same zod schemas, plus the canvas they work on) and whose every write goes through
// the edit engine's seam as a change of this session (an AgentOrigin, so people can undo it like any
// AI change), with a version kept before it, a card in the chat and the agent's caret in the room.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type * as Y from "yjs";
import { z } from "zod";
import { can, type Role } from "../../shared/roles.ts";
import { addReplyActivity, appendChatMessage, listCanvases, newId } from "../../shared/room.ts";
import { applyRawToolCall, navigateCanvas, type EngineResult } from "../../shared/engine/index.ts";
import { AI_AUTHOR, AgentOrigin, ChatOrigin, type Author } from "../../shared/origins.ts";
import { NAVIGATION_TOOL_NAMES, navigationArgSchemas, TOOL_NAMES, type ToolName } from "../../shared/tools.ts";
import { editModeSchema, roomEditMode, type EditMode } from "../../shared/suggestions/record.ts";
import type { AppContext } from "../appContext.ts";
import type { Room } from "../rooms/room.ts";
import { saveVersionBeforeAi } from "../agent/versionBefore.ts";
import { activityFor, refusedActivity } from "../agent/replies.ts";
import type { ChangeLog } from "../changes/store.ts";
import { canvasSuggestions, suggestionsByIds } from "./suggestions.ts";
import { AgentPresence } from "./presence.ts";
import { CanvasResources } from "./resources.ts";
import { describeCanvas, findCanvas, ToolError } from "./canvases.ts";
import {
  changeMode,
  describeTool,
  instructionsFor,
  listSuggestionsSchema,
  offersTool,
  withCanvas,
  writeToolSchemas,
} from "./tools.ts";

export interface SessionLink {
  roomId: string;
  role: Role;
  tokenHash: string;
}

export interface SessionOptions {
  /** Returns 0 when a tool call may run now, else the ms until one may. */
  takeCall(tokenHash: string): number;
  /** The room's change log: each write is recorded there, so people can show and undo it. */
  changes: ChangeLog;
}

/** Re-save a "before-ai" version of a canvas this session writes when its last one is older than this. */
const VERSION_EVERY_MS = 5 * 60_000;
const MAX_NAME = 60;

export class McpSession {
  readonly server: McpServer;
  readonly origin = new AgentOrigin(`mcp-${newId()}`);
  lastActive = Date.now();
  private presence: AgentPresence | null = null;
  private chatEntry: Y.Map<unknown> | null = null;
  private readonly versioned = new Map<string, number>();
  private readonly resources: CanvasResources;
  private releaseRoom: (() => void) | null = null;
  private room: Room | null = null;
  private closed = false;

  constructor(
    private readonly app: AppContext,
    readonly link: SessionLink,
    private readonly options: SessionOptions,
  ) {
    this.server = new McpServer(
      { name: "canvas", version: "1.0.0" },
      {
        capabilities: { resources: { subscribe: true, listChanged: true } },
        instructions: instructionsFor(link.role),
      },
    );
    this.registerTools();
    this.resources = new CanvasResources(this.server, () => this.limitedRoom());
    this.server.server.oninitialized = () => void this.join();
  }

  /** The agent's name, from the MCP client's info (what people see in presence, the chat and change records). */
  get author(): Author {
    const raw = this.server.server.getClientVersion()?.name ?? "";
    // Control characters and bidi overrides would let a client pose as someone else in the presence list.
    const cleaned =
      raw
        .replace(/[\p{Cc}\p{Cf}]/gu, "")
        .trim()
        .slice(0, MAX_NAME) || "MCP agent";
    // Nobody may pose as the built-in model.
    const name = cleaned.toLowerCase() === AI_AUTHOR.name.toLowerCase() ? `${cleaned} (MCP)` : cleaned;
    return { id: `mcp:${this.origin.runId}`, name };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.resources.close();
    this.presence?.close();
    this.releaseRoom?.();
    await this.server.close().catch(() => undefined);
  }

  /** Hold the room while the session lives (its presence and subscriptions need it loaded). */
  private async join(): Promise<void> {
    if (this.room || this.closed) return;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const loaded = new Promise<Room>((resolve, reject) => {
      this.app.registry
        .hold(this.link.roomId, async (room) => {
          resolve(room);
          await released;
        })
        .catch(reject);
    });
    this.releaseRoom = release;
    this.room = await loaded;
    if (this.closed) {
      release();
      return;
    }
    this.presence = new AgentPresence(this.room, this.author);
  }

  /** The room for a resource request, which counts against the link's rate like a tool call. */
  private async limitedRoom(): Promise<Room> {
    this.lastActive = Date.now();
    const wait = this.options.takeCall(this.link.tokenHash);
    if (wait > 0) throw new ToolError(`Too many calls from this link. Try again in ${Math.ceil(wait / 1000)} s.`);
    return this.liveRoom();
  }

  private async liveRoom(): Promise<Room> {
    await this.join();
    if (!this.room) throw new Error("The session is closed.");
    return this.room;
  }

  private registerTools(): void {
    const read = { readOnlyHint: true, openWorldHint: false } as const;
    const role = this.link.role;
    this.server.registerTool(
      "list_canvases",
      { description: describeTool("list_canvases", role), inputSchema: z.strictObject({}), annotations: read },
      async () =>
        this.call(async (room) => {
          const canvases = listCanvases(room.doc).map((meta) => describeCanvas(room, meta));
          return ok(JSON.stringify({ roomId: room.id, canvases }, null, 2));
        }),
    );
    for (const name of NAVIGATION_TOOL_NAMES) {
      this.server.registerTool(
        name,
        {
          description: describeTool(name, role),
          inputSchema: withCanvas(navigationArgSchemas[name]),
          annotations: read,
        },
        async (args: Record<string, unknown>) =>
          this.call(async (room) => {
            const { canvas_id: target, ...navigation } = args;
            const meta = findCanvas(room, String(target));
            const result = navigateCanvas(room.doc, meta.id, name, navigation);
            return result.ok ? ok(result.content) : fail(result.error);
          }),
      );
    }
    this.server.registerTool(
      "list_suggestions",
      { description: describeTool("list_suggestions", role), inputSchema: listSuggestionsSchema, annotations: read },
      async ({ canvas_id: target, status }) =>
        this.call(async (room) => {
          const meta = findCanvas(room, target);
          return ok(JSON.stringify({ canvasId: meta.id, ...canvasSuggestions(room.doc, meta.id, status) }, null, 2));
        }),
    );
    for (const name of TOOL_NAMES) {
      if (!offersTool(role, name)) continue;
      // A link that may not write only proposes: its rewrite cannot destroy anything.
      const destructive = name === "rewrite_canvas" && can(role, "write");
      this.server.registerTool(
        name,
        {
          description: describeTool(name, role),
          inputSchema: writeToolSchemas[name],
          annotations: { readOnlyHint: false, destructiveHint: destructive, openWorldHint: false },
        },
        async (args: Record<string, unknown>) => this.call(async (room) => this.write(room, name, args)),
      );
    }
  }

  /**
   * One write through the seam: a version before it, the change (or, in suggest mode, its suggestions),
   * its record in the change log, its chat card, the caret.
   */
  private async write(room: Room, name: ToolName, args: Record<string, unknown>): Promise<CallToolResult> {
    const { canvas_id: target, mode: requestedMode, ...toolArgs } = args;
    const canvas = typeof target === "string" ? findCanvas(room, target) : null;
    const changesText = name === "edit_canvas" || name === "rewrite_canvas";
    let mode: EditMode = "edit";
    if (changesText) {
      // Validated by the tool's schema already; read back typed.
      const requested = editModeSchema.safeParse(requestedMode).data;
      const decided = changeMode(this.link.role, requested, roomEditMode(room.doc));
      if (!decided.ok) return fail(decided.error);
      mode = decided.mode;
    }
    const suggesting = mode === "suggest";
    // A suggestion leaves the text as it is: only an accept (a person's change) writes it.
    if (canvas && name !== "comment_canvas" && !suggesting) await this.keepVersion(room, canvas.id);
    const result = applyRawToolCall(room.doc, name, toolArgs, {
      canvasId: canvas?.id ?? null,
      origin: this.origin,
      author: this.author,
      mode,
    });
    if (!result.ok) {
      this.addCard(room, name, result);
      return fail(result.summary);
    }
    // Recorded before its card shows, so the card's "Show" and undo find it.
    await this.options.changes.record(room.id, result, suggesting ? "suggested" : "applied").catch((error: unknown) => {
      this.app.log.error({ err: error, roomId: room.id, changeId: result.change.id }, "storing an MCP change failed");
    });
    this.addCard(room, name, result);
    const last = result.applied[result.applied.length - 1];
    // A suggestion's offsets are in the text as it is (nothing was written): the caret goes after its quote.
    const caret = name === "comment_canvas" ? null : ((suggesting ? last?.to : last?.newTo) ?? null);
    this.presence?.showAt(result.canvasId, caret);
    return ok(
      JSON.stringify(
        {
          ok: true,
          canvasId: result.canvasId,
          changeId: result.change.id,
          ...(changesText ? { mode } : {}),
          summary: result.summary,
          ...(suggesting ? { suggestions: suggestionsByIds(room.doc, result.suggestionIds ?? []) } : {}),
        },
        null,
        2,
      ),
    );
  }

  private async keepVersion(room: Room, canvasId: string): Promise<void> {
    const last = this.versioned.get(canvasId);
    if (last !== undefined && Date.now() - last < VERSION_EVERY_MS) return;
    await saveVersionBeforeAi(this.app.store, room, canvasId, this.origin.runId);
    this.versioned.set(canvasId, Date.now());
  }

  /** The session's one chat message, with a card per write (people see what the agent did and where). */
  private addCard(room: Room, tool: ToolName, result: EngineResult): void {
    const chat = new ChatOrigin(this.origin.runId);
    room.doc.transact(() => {
      this.chatEntry ??= appendChatMessage(room.doc, {
        role: "assistant",
        author: this.author.id,
        authorName: this.author.name,
        text: `${this.author.name} is working in this room through MCP.`,
        runId: this.origin.runId,
      });
      addReplyActivity(
        this.chatEntry,
        result.ok ? activityFor(result, result.canvasId) : refusedActivity(tool, result.canvasId, result.summary),
      );
    }, chat);
  }

  /** Run a tool: rate-limited per link, errors as tool errors (never a crash of the session). */
  private async call(work: (room: Room) => Promise<CallToolResult>): Promise<CallToolResult> {
    this.lastActive = Date.now();
    const wait = this.options.takeCall(this.link.tokenHash);
    if (wait > 0) return fail(`Too many calls from this link. Try again in ${Math.ceil(wait / 1000)} s.`);
    try {
      return await work(await this.liveRoom());
    } catch (error) {
      if (error instanceof ToolError) return fail(error.message);
      this.app.log.error({ err: error, roomId: this.link.roomId }, "MCP tool call failed");
      return fail("Something went wrong on the server. Try again.");
    }
  }
}

function ok(text: string): CallToolResult {
  return { content: [{ type: "text", text }] };
}

function fail(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}
