// Everything the room page asks the server to do, as callbacks that report failures as notices
// (values the user can act on) and tell the editor which remote changes to highlight.
import { useCallback, useMemo, useRef } from "react";
import type { ActionRequest } from "../../shared/actions.ts";
import type { ChatMessageView, CommentRecord } from "../../shared/room.ts";
import type { EditMode } from "../../shared/suggestions/record.ts";
import type { SuggestionActions } from "../components/SuggestionsPanel.tsx";
import type { ReviewDecision } from "../../shared/suggestions/review.ts";
import { ReviewHistory } from "./reviewHistory.ts";
import type { Api } from "./api.ts";
import type { Identity } from "./identity.ts";
import { readImport } from "./files.ts";
import { forPeople, suggestionRefusal } from "./peopleWords.ts";
import type { AiSignal } from "../components/CanvasEditor.tsx";
import type { NewCanvasInput } from "../components/NewCanvasDialog.tsx";

export interface RoomActionsInput {
  api: Api;
  identity: Identity;
  activeCanvasId: string | null;
  messages: ChatMessageView[];
  aiSignal: AiSignal;
  notify: (text: string) => void;
  onCanvasCreated: (canvasId: string) => void;
  /** How the model's edits land for messages sent now ("suggest": as suggestions). */
  mode: EditMode;
}

const EXPECT_MS = 4_000;

export function useRoomActions(input: RoomActionsInput) {
  const { api, identity, activeCanvasId, messages, aiSignal, notify, onCanvasCreated, mode } = input;

  const send = useCallback(
    async (
      text: string,
      extra: { selection?: string | null; action?: ActionRequest | null } = {},
    ): Promise<boolean> => {
      const result = await api.sendMessage({
        text,
        canvasId: activeCanvasId,
        selection: extra.selection ?? null,
        action: extra.action ?? null,
        authorName: identity.name,
        mode,
      });
      if (!result.ok) notify(result.message);
      return result.ok;
    },
    [api, activeCanvasId, identity.name, notify, mode],
  );

  const expectChange = useCallback(() => {
    aiSignal.expectUntil = Date.now() + EXPECT_MS;
  }, [aiSignal]);

  const report = useCallback(
    async (promise: Promise<{ ok: true } | { ok: false; message: string }>): Promise<boolean> => {
      const result = await promise;
      if (!result.ok) notify(forPeople(result.message));
      return result.ok;
    },
    [notify],
  );

  const createCanvas = useCallback(
    async (canvas: NewCanvasInput): Promise<string | null> => {
      const result = await api.createCanvas(canvas);
      if (!result.ok) return result.message;
      onCanvasCreated(result.value.canvasId);
      return null;
    },
    [api, onCanvasCreated],
  );

  const sendDecision = useCallback(
    (ids: string[], decision: ReviewDecision) => {
      expectChange();
      return report(api.decideSuggestions(ids, decision, identity.name));
    },
    [api, report, expectChange, identity.name],
  );
  const latestSend = useRef(sendDecision);
  latestSend.current = sendDecision;
  // One history per room view: it outlives re-renders and canvas switches.
  const history = useMemo(() => new ReviewHistory((ids, decision) => latestSend.current(ids, decision)), []);

  const suggestions = useMemo(
    (): SuggestionActions => ({
      decide: (suggestionId, decision) =>
        history.decide(decision, async () => ((await sendDecision([suggestionId], decision)) ? [suggestionId] : null)),
      decideChange: (changeId, decision) => {
        const canvasId = activeCanvasId;
        if (!canvasId) return Promise.resolve(null);
        return history.decide(decision, async () => {
          expectChange();
          const result = await api.decideChange(changeId, decision, canvasId, identity.name);
          if (!result.ok) notify(forPeople(result.message));
          return result.ok ? result.value.suggestions.map((suggestion) => suggestion.id) : null;
        });
      },
      undo: (since) => history.undo(since),
      redo: (since) => history.redo(since),
    }),
    [api, sendDecision, expectChange, activeCanvasId, history, identity.name, notify],
  );

  return useMemo(
    () => ({
      suggestions,
      send,
      stop: () => void report(api.cancelRun()),
      retry: (failed: ChatMessageView) => {
        const index = messages.findIndex((message) => message.id === failed.id);
        const previous = messages
          .slice(0, index)
          .reverse()
          .find((message) => message.role === "user");
        if (previous) void send(previous.text);
      },
      feedback: (message: ChatMessageView, value: "up" | "down") => {
        if (message.runId) void report(api.feedback({ runId: message.runId, messageId: message.id, value }));
      },
      ask: (request: string, selection: string) => send(request, { selection }),
      action: (action: ActionRequest) => void send("", { action }),
      comment: (comment: { anchor: { start: string; end: string }; quote: string; body: string }) =>
        activeCanvasId
          ? report(api.addComment({ canvasId: activeCanvasId, ...comment, authorName: identity.name }))
          : Promise.resolve(false),
      /** A person's suggestion; answers null when proposed, else what to tell them (their text stays). */
      suggest: async (proposal: { find: string; replace: string }): Promise<string | null> => {
        if (!activeCanvasId) return "Open a canvas first.";
        const result = await api.proposeSuggestion({
          canvasId: activeCanvasId,
          ...proposal,
          authorName: identity.name,
        });
        return result.ok ? null : suggestionRefusal(result);
      },
      reply: (comment: CommentRecord, body: string) => report(api.reply(comment.id, body, identity.name)),
      resolve: (comment: CommentRecord, resolved: boolean) => report(api.resolve(comment.id, resolved)),
      // Kept for Ctrl+Z at once, like an accept: the text may arrive before the answer does.
      apply: async (comment: CommentRecord) =>
        (await history.decide("accept", async () => {
          expectChange();
          const result = await api.applySuggestion(comment.id);
          if (!result.ok) notify(forPeople(result.message));
          return result.ok ? result.value.suggestionIds : null;
        })) !== null,
      /** Undo exactly this AI change, or the open canvas's newest one. */
      undo: (changeId?: string) => {
        if (changeId) {
          expectChange();
          return report(api.undoChange(changeId, identity.name));
        }
        if (!activeCanvasId) return Promise.resolve(false);
        expectChange();
        return report(api.undoAiChange(activeCanvasId, identity.name));
      },
      restore: (versionId: string) => {
        expectChange();
        return report(api.restoreVersion(versionId, identity.name));
      },
      createCanvas,
      importFiles: async (files: File[]) => {
        for (const file of files) {
          const imported = await readImport(file);
          if ("error" in imported) {
            notify(imported.error);
            continue;
          }
          const failure = await createCanvas(imported);
          if (failure) notify(failure);
        }
      },
    }),
    [
      api,
      send,
      report,
      messages,
      activeCanvasId,
      identity.name,
      expectChange,
      createCanvas,
      notify,
      suggestions,
      history,
    ],
  );
}
