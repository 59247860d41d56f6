// Agent runs in live rooms: the run lifecycle. One run at a time per room (runLock.ts), cancellable,
// everything written into the room's Y.Doc so every collaborator sees it live: the chat (runChat.ts),
// canvas changes and comments (through the turn and the edit engine's seam), the model's presence. A
// version is stored before the first AI change (versionBefore.ts); each change is recorded in the room's
// change log (server/changes), from which it can be shown and undone on its own.
import type * as Y from "yjs";
import type { Logger } from "pino";
import type { QuickAction } from "../../shared/actions.ts";
import { actionInstruction } from "../../shared/actions.ts";
import { canvasesMap, listCanvases, newId, readChat } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { AgentOrigin, AI_AUTHOR } from "../../shared/origins.ts";
import type { Room } from "../rooms/room.ts";
import type { RoomRegistry } from "../rooms/registry.ts";
import type { Store } from "../store/store.ts";
import type { Metrics } from "../metrics.ts";
import { describeFailure } from "./failures.ts";
import { followAgentWrites, setAgentPresence } from "./presence.ts";
import { RunChat } from "./runChat.ts";
import { RunLock } from "./runLock.ts";
import { runTurnOnDoc, TurnCancelled } from "./turn.ts";
import type { ToolCallTrace, TurnEngine, TurnInput } from "./types.ts";
import { saveVersionBeforeAi } from "./versionBefore.ts";
import type { TurnLimits } from "./budget.ts";
import type { EngineInfo } from "../../shared/engineInfo.ts";
import type { EditMode } from "../../shared/suggestions/record.ts";
import { pendingSuggestions } from "../suggestions/pending.ts";
import { addKeptEditComments, watchLateTyping, type EngineSuccess } from "../../shared/engine/index.ts";
import { ChangeLog } from "../changes/store.ts";

const MAX_RUN_RECORDS = 1_000;
/** How long after a run typing that arrives for a block it removed is still caught (network latency). */
const LATE_TYPING_GRACE_MS = 5_000;

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

export interface StartRequest {
  text: string;
  canvasId?: string | null;
  selection?: string | null;
  action?: QuickAction | null;
  authorName?: string;
  author: string;
  /** "suggest": the run's edits and rewrites become suggestions (shared/suggestions). */
  mode?: EditMode;
}

interface ActiveRun {
  record: RunRecord;
  controller: AbortController;
  finished: Promise<void>;
}

export class RunManager {
  private readonly active = new Map<string, ActiveRun>();
  private readonly runs = new Map<string, RunRecord>();
  private readonly lock: RunLock;
  /** Per room, the watcher of typing that arrives for blocks a run removed (shared/engine/lateTyping.ts). */
  private readonly lateTyping = new Map<string, () => void>();
  /** Every AI change of every room, stored. */
  readonly changes: ChangeLog;

  constructor(
    private readonly registry: RoomRegistry,
    private readonly store: Store,
    private readonly engine: TurnEngine,
    private readonly log: Logger,
    private readonly metrics: Metrics,
    private readonly contextTokens: number,
    private readonly limits: TurnLimits = {},
  ) {
    this.lock = new RunLock(registry);
    this.changes = new ChangeLog(store);
  }

  get engineInfo(): EngineInfo {
    return { kind: this.engine.kind, model: this.engine.model };
  }

  isActive(roomId: string): boolean {
    return this.active.has(roomId);
  }

  getRun(roomId: string, runId: string): RunRecord | null {
    const run = this.runs.get(runId);
    return run && run.roomId === roomId ? run : null;
  }

  /** Start a run; returns null when one is already running in the room (in this or another process). */
  async start(roomId: string, request: StartRequest): Promise<RunRecord | null> {
    if (this.active.has(roomId)) return null;
    const lease = await this.lock.acquire(roomId);
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
        const offCancel = room.runCancel.onRequested(() => controller.abort());
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
    if (!run) return this.lock.cancelElsewhere(roomId);
    run.controller.abort();
    await run.finished;
    return true;
  }

  async cancelAll(): Promise<void> {
    await Promise.all([...this.active.keys()].map((roomId) => this.cancel(roomId)));
  }

  /** Wait for the room's current run (tests, shutdown). */
  async settle(roomId: string): Promise<void> {
    await this.active.get(roomId)?.finished;
  }

  private async execute(room: Room, record: RunRecord, request: StartRequest, signal: AbortSignal): Promise<void> {
    const log = this.log.child({ roomId: room.id, runId: record.id });
    const doc = room.doc;
    // Each change is stored as it lands; the run ends once all of them are.
    const recording: Promise<unknown>[] = [];
    const recordChange = (result: EngineSuccess): void => {
      lastChangeOn.set(result.canvasId, result.change.id);
      recording.push(
        this.changes
          .record(room.id, result, suggested(request, result) ? "suggested" : "applied")
          .catch((error: unknown) => log.error({ err: error, changeId: result.change.id }, "storing a change failed")),
      );
    };
    const history = readChat(doc)
      .filter((message) => message.status === "done" && message.text.trim())
      .map((message) => ({ role: message.role, content: message.text }));
    const canvasId = this.pickCanvas(doc, request.canvasId ?? null);
    record.canvasId = canvasId;
    const userText = request.action && !request.text.trim() ? actionInstruction(request.action) : request.text;
    const chat = RunChat.open(doc, record.id, {
      author: request.author,
      authorName: request.authorName ?? "Someone",
      text: userText,
    });

    const input: TurnInput = {
      userText,
      history,
      canvas: canvasId ? this.canvasContext(doc, canvasId) : null,
      selection: request.selection ?? null,
      action: request.action ?? null,
      pendingSuggestions: canvasId ? pendingSuggestions(doc, canvasId) : [],
    };
    const canvasBefore = input.canvas?.content ?? null;
    record.canvasBefore = canvasBefore;
    record.canvasKind = input.canvas?.kind ?? null;
    record.canvasTitle = input.canvas?.title ?? null;
    const started = Date.now();
    log.info({ engine: this.engine.kind, canvasId, action: request.action?.id ?? null }, "run started");
    setAgentPresence(room, { working: true, canvasId });
    const origin = new AgentOrigin(record.id);
    const stopFollowing = followAgentWrites(room, origin);
    const lastChangeOn = new Map<string, string>();
    this.watchLateTyping(room, origin, lastChangeOn);
    try {
      const trace = await runTurnOnDoc({
        doc,
        canvasId,
        input,
        engine: this.engine,
        origin,
        signal,
        contextTokens: this.contextTokens,
        ...this.limits,
        mode: request.mode,
        hooks: {
          onText: (delta) => chat.text(delta),
          onStepStart: (tool) => chat.step(tool),
          onActivity: (activity) => chat.activity(activity),
          beforeChange: (id) => saveVersionBeforeAi(this.store, room, id, record.id),
          onWriting: (id) => setAgentPresence(room, { working: true, canvasId: id }),
          onChange: recordChange,
        },
      });
      record.toolCalls = trace.toolCalls;
      record.status = trace.error ? "error" : "done";
      record.error = trace.error;
      chat.finished(trace.error);
      log.info(
        { status: record.status, toolCalls: trace.toolCalls.length, retries: trace.retries, ms: Date.now() - started },
        "run finished",
      );
    } catch (error) {
      if (error instanceof TurnCancelled || signal.aborted) {
        record.status = "cancelled";
        chat.cancelled();
        log.info("run cancelled");
      } else {
        const failure = describeFailure(error);
        record.status = "error";
        record.error = failure.message;
        this.metrics.errors.inc({ kind: failure.kind });
        log.warn({ kind: failure.kind, err: error instanceof Error ? error.message : String(error) }, "run failed");
        chat.finished(failure.message);
      }
    } finally {
      stopFollowing();
      this.endLateTypingWatch(room.id);
      await Promise.all(recording);
      setAgentPresence(room, { working: false, canvasId: null });
      record.finishedAt = Date.now();
      this.metrics.runs.observe({ status: record.status }, (record.finishedAt - record.startedAt) / 1000);
      // A failing store rejects the flush; the room keeps and retries the run's changes and tells
      // everyone itself (4503, /readyz), so the run's end must not throw on top of that.
      await room.flush().catch(() => undefined);
    }
  }

  /** Keep typing that arrives for blocks this run removes, in comments, during the run and a grace period. */
  private watchLateTyping(room: Room, origin: AgentOrigin, lastChangeOn: ReadonlyMap<string, string>): void {
    this.lateTyping.get(room.id)?.();
    const stop = watchLateTyping(room.doc, (late) => {
      for (const { canvasId, edit } of late) {
        const meta = canvasesMap(room.doc).get(canvasId);
        if (meta) addKeptEditComments(room.doc, meta, [edit], origin, AI_AUTHOR, lastChangeOn.get(canvasId) ?? null);
      }
    });
    const once = () => {
      stop();
      room.doc.off("destroy", once);
      if (this.lateTyping.get(room.id) === once) this.lateTyping.delete(room.id);
    };
    this.lateTyping.set(room.id, once);
    room.doc.once("destroy", once);
  }

  private endLateTypingWatch(roomId: string): void {
    const stop = this.lateTyping.get(roomId);
    if (stop) setTimeout(() => this.lateTyping.get(roomId) === stop && stop(), LATE_TYPING_GRACE_MS).unref();
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

/** A suggest-mode edit or rewrite: it stored suggestions and left the text as it was. */
function suggested(request: StartRequest, result: EngineSuccess): boolean {
  return request.mode === "suggest" && (result.call.name === "edit_canvas" || result.call.name === "rewrite_canvas");
}
