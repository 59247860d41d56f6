// Agent runs in live rooms: one at a time per room, cancellable, everything written into the room's
// Y.Doc (chat message streaming, canvas changes, comments, the model's presence) so every
// collaborator sees it live. A version is stored before each AI change; each change can be undone.
import * as Y from "yjs";
import type { Logger } from "pino";
import type { QuickAction } from "../../shared/actions.ts";
import { actionInstruction } from "../../shared/actions.ts";
import { appendChatMessage, canvasesMap, listCanvases, newId, readChat, type ToolActivity } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { createAgentUndoManager } from "../../shared/engine/index.ts";
import { AI_AUTHOR, AgentOrigin, ChatOrigin } from "../../shared/origins.ts";
import type { Room } from "../rooms/room.ts";
import type { RoomRegistry } from "../rooms/registry.ts";
import type { Store } from "../store/store.ts";
import type { Metrics } from "../metrics.ts";
import { runTurnOnDoc, TurnCancelled } from "./turn.ts";
import type { ToolCallTrace, TurnEngine, TurnInput } from "./types.ts";
import { describeFailure } from "./failures.ts";
import { setAgentPresence } from "./presence.ts";

const MAX_RUN_RECORDS = 1_000;
const MAX_LAST_CHANGES = 500;

export type RunStatus = "running" | "done" | "error" | "cancelled";

export interface RunRecord {
  id: string;
  roomId: string;
  status: RunStatus;
  error: string | null;
  toolCalls: ToolCallTrace[];
  userText: string;
  canvasId: string | null;
  /** What the model saw, so feedback can become an eval case. */
  selection: string | null;
  canvasBefore: string | null;
  canvasKind: string | null;
  canvasTitle: string | null;
  startedAt: number;
  finishedAt: number | null;
}

export interface LastChange {
  runId: string;
  canvasId: string;
  before: string;
  after: string;
  summary: string;
}

export interface StartRequest {
  text: string;
  canvasId?: string | null;
  selection?: string | null;
  action?: QuickAction | null;
  authorName?: string;
  author: string;
}

interface ActiveRun {
  record: RunRecord;
  controller: AbortController;
  finished: Promise<void>;
}

export class RunManager {
  private readonly active = new Map<string, ActiveRun>();
  /** Rooms whose lock is being taken (async with a shared lock store), so a second start waits no lock. */
  private readonly starting = new Set<string>();
  private readonly runs = new Map<string, RunRecord>();
  private readonly undoManagers = new Map<string, Y.UndoManager>();
  private readonly lastChanges = new Map<string, LastChange>();

  constructor(
    private readonly registry: RoomRegistry,
    private readonly store: Store,
    private readonly engine: TurnEngine,
    private readonly log: Logger,
    private readonly metrics: Metrics,
    private readonly contextTokens: number,
  ) {}

  get engineInfo(): { kind: "local" | "openai"; model: string } {
    return { kind: this.engine.kind, model: this.engine.model };
  }

  isActive(roomId: string): boolean {
    return this.active.has(roomId);
  }

  getRun(roomId: string, runId: string): RunRecord | null {
    const run = this.runs.get(runId);
    return run && run.roomId === roomId ? run : null;
  }

  lastChange(roomId: string, canvasId: string): LastChange | null {
    return this.lastChanges.get(`${roomId}/${canvasId}`) ?? null;
  }

  /** Start a run; returns null when one is already running in the room (in this or another process). */
  async start(roomId: string, request: StartRequest): Promise<RunRecord | null> {
    if (this.active.has(roomId) || this.starting.has(roomId)) return null;
    this.starting.add(roomId);
    let lease;
    try {
      lease = await this.registry.locks.acquire(roomId);
    } finally {
      this.starting.delete(roomId);
    }
    if (!lease) return null;
    const runId = newId();
    const record: RunRecord = {
      id: runId,
      roomId,
      status: "running",
      error: null,
      toolCalls: [],
      userText: request.text,
      canvasId: request.canvasId ?? null,
      selection: request.selection ?? null,
      canvasBefore: null,
      canvasKind: null,
      canvasTitle: null,
      startedAt: Date.now(),
      finishedAt: null,
    };
    const controller = new AbortController();
    // Losing the room lock (its store unreachable too long) means another process may start a run: stop.
    const stopOnLostLock = () => controller.abort();
    lease.lost.addEventListener("abort", stopOnLostLock, { once: true });
    this.runs.set(runId, record);
    // Keep the records of recent runs only (status polling and feedback context), not every run ever.
    while (this.runs.size > MAX_RUN_RECORDS) this.runs.delete(this.runs.keys().next().value!);
    const finished = this.registry
      .hold(roomId, async (room) => {
        // A stop pressed on a client connected to another process arrives through the fan-out.
        const offCancel = room.onRunCancelRequested(() => controller.abort());
        try {
          await this.execute(room, record, request, controller.signal);
        } finally {
          offCancel();
        }
      })
      .catch((error: unknown) => this.log.error({ err: error, roomId, runId }, "run crashed"))
      .finally(async () => {
        lease.lost.removeEventListener("abort", stopOnLostLock);
        await lease.release();
        this.active.delete(roomId);
      });
    this.active.set(roomId, { record, controller, finished });
    return record;
  }

  /** Cancel the room's run; resolves when it has stopped. Returns false when nothing was running. */
  async cancel(roomId: string): Promise<boolean> {
    const run = this.active.get(roomId);
    if (!run) return this.cancelElsewhere(roomId);
    run.controller.abort();
    await run.finished;
    return true;
  }

  /** Scale-out: the run may be executing in another process; ask it to stop and wait for its lock. */
  private async cancelElsewhere(roomId: string, timeoutMs = 10_000): Promise<boolean> {
    const locks = this.registry.locks;
    if (!(await locks.isHeld(roomId))) return false;
    const relayed = await this.registry.hold(roomId, async (room) => room.requestRunCancel());
    if (!relayed) return false;
    const deadline = Date.now() + timeoutMs;
    while ((await locks.isHeld(roomId)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return true;
  }

  async cancelAll(): Promise<void> {
    await Promise.all([...this.active.keys()].map((roomId) => this.cancel(roomId)));
  }

  /** Wait for the room's current run (tests, shutdown). */
  async settle(roomId: string): Promise<void> {
    await this.active.get(roomId)?.finished;
  }

  private undoManager(room: Room): Y.UndoManager {
    let manager = this.undoManagers.get(room.id);
    if (!manager || manager.doc !== room.doc) {
      const created = createAgentUndoManager(room.doc);
      manager = created;
      this.undoManagers.set(room.id, created);
      // An unloaded room's doc is destroyed: drop its undo history with it instead of keeping the doc alive.
      room.doc.once("destroy", () => {
        created.destroy();
        if (this.undoManagers.get(room.id) === created) this.undoManagers.delete(room.id);
      });
    }
    return manager;
  }

  /** Undo the room's last AI change; false when there is none left to undo. */
  undoLast(room: Room): boolean {
    const manager = this.undoManager(room);
    if (!manager.canUndo()) return false;
    manager.undo();
    return true;
  }

  private async execute(room: Room, record: RunRecord, request: StartRequest, signal: AbortSignal): Promise<void> {
    const log = this.log.child({ roomId: room.id, runId: record.id });
    const doc = room.doc;
    const chatOrigin = new ChatOrigin(record.id);
    const undo = this.undoManager(room);
    undo.stopCapturing();
    const history = readChat(doc)
      .filter((message) => message.status === "done" && message.text.trim())
      .map((message) => ({ role: message.role, content: message.text }));
    const canvasId = this.pickCanvas(doc, request.canvasId ?? null);
    record.canvasId = canvasId;
    const userText = request.action && !request.text.trim() ? actionInstruction(request.action) : request.text;

    let reply!: Y.Map<unknown>;
    doc.transact(() => {
      appendChatMessage(doc, {
        role: "user",
        author: request.author,
        authorName: request.authorName ?? "Someone",
        text: userText,
        runId: record.id,
      });
      reply = appendChatMessage(doc, {
        role: "assistant",
        author: AI_AUTHOR.id,
        authorName: AI_AUTHOR.name,
        status: "streaming",
        runId: record.id,
      });
    }, chatOrigin);
    const replyText = reply.get("text") as Y.Text;
    const writeChat = (fn: () => void) => doc.transact(fn, chatOrigin);

    const input: TurnInput = {
      userText,
      history,
      canvas: canvasId ? this.canvasContext(doc, canvasId) : null,
      selection: request.selection ?? null,
      action: request.action ?? null,
    };
    const canvasBefore = input.canvas?.content ?? null;
    record.canvasBefore = canvasBefore;
    record.canvasKind = input.canvas?.kind ?? null;
    record.canvasTitle = input.canvas?.title ?? null;
    const started = Date.now();
    log.info({ engine: this.engine.kind, canvasId, action: request.action?.id ?? null }, "run started");
    setAgentPresence(room, { working: true, canvasId });
    try {
      const trace = await runTurnOnDoc({
        doc,
        canvasId,
        input,
        engine: this.engine,
        origin: new AgentOrigin(record.id),
        signal,
        contextTokens: this.contextTokens,
        hooks: {
          onText: (delta) => writeChat(() => replyText.insert(replyText.length, delta)),
          onActivity: (activity: ToolActivity) =>
            writeChat(() =>
              reply.set("activity", [...((reply.get("activity") as ToolActivity[] | undefined) ?? []), activity]),
            ),
          beforeChange: async (id) => {
            await this.store.saveVersion({
              id: newId(),
              roomId: room.id,
              canvasId: id,
              reason: "before-ai",
              author: AI_AUTHOR.id,
              text: canvasText(doc, id),
              runId: record.id,
              createdAt: Date.now(),
            });
          },
          onWriting: (id) => setAgentPresence(room, { working: true, canvasId: id }),
        },
      });
      record.toolCalls = trace.toolCalls;
      record.status = trace.error ? "error" : "done";
      record.error = trace.error;
      const changedCanvas = trace.createdCanvas?.id ?? canvasId;
      if (
        changedCanvas &&
        trace.canvasAfter !== null &&
        trace.canvasAfter !== (trace.createdCanvas ? null : canvasBefore)
      ) {
        const applied = trace.toolCalls.find((call) => call.applied);
        const key = `${room.id}/${changedCanvas}`;
        this.lastChanges.delete(key);
        // Most recently changed canvases only: each entry holds two copies of a canvas.
        while (this.lastChanges.size >= MAX_LAST_CHANGES)
          this.lastChanges.delete(this.lastChanges.keys().next().value!);
        this.lastChanges.set(key, {
          runId: record.id,
          canvasId: changedCanvas,
          before: trace.createdCanvas ? "" : (canvasBefore ?? ""),
          after: trace.canvasAfter,
          summary: applied ? summaryOf(applied) : "",
        });
      }
      writeChat(() => {
        reply.set("status", trace.error ? "error" : "done");
        if (trace.error) reply.set("error", trace.error);
      });
      log.info(
        { status: record.status, toolCalls: trace.toolCalls.length, retries: trace.retries, ms: Date.now() - started },
        "run finished",
      );
    } catch (error) {
      if (error instanceof TurnCancelled || signal.aborted) {
        record.status = "cancelled";
        writeChat(() => {
          replyText.insert(replyText.length, replyText.length ? "\n\n(Stopped.)" : "Stopped.");
          reply.set("status", "cancelled");
        });
        log.info("run cancelled");
      } else {
        const failure = describeFailure(error);
        record.status = "error";
        record.error = failure.message;
        this.metrics.errors.inc({ kind: failure.kind });
        log.warn({ kind: failure.kind, err: error instanceof Error ? error.message : String(error) }, "run failed");
        writeChat(() => {
          reply.set("status", "error");
          reply.set("error", failure.message);
        });
      }
    } finally {
      undo.stopCapturing();
      setAgentPresence(room, { working: false, canvasId: null });
      record.finishedAt = Date.now();
      this.metrics.runs.observe({ status: record.status }, (record.finishedAt - record.startedAt) / 1000);
      await room.flush();
    }
  }

  private pickCanvas(doc: Y.Doc, requested: string | null): string | null {
    if (requested && canvasesMap(doc).has(requested)) return requested;
    const canvases = listCanvases(doc);
    return canvases.length ? canvases[canvases.length - 1]!.id : null;
  }

  private canvasContext(doc: Y.Doc, canvasId: string): TurnInput["canvas"] {
    const meta = canvasesMap(doc).get(canvasId)!;
    return {
      id: canvasId,
      title: meta.title,
      kind: meta.kind,
      language: meta.language,
      content: canvasText(doc, canvasId),
    };
  }
}

function summaryOf(call: ToolCallTrace): string {
  const args = call.arguments as { summary?: unknown; title?: unknown } | null;
  if (args && typeof args.summary === "string") return args.summary;
  if (args && typeof args.title === "string") return `Created "${args.title}"`;
  return call.name;
}
