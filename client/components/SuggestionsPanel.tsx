// The review bar of a canvas's suggestions: how many are pending, previous/next, and (for editors and
// owners) accept or reject the current one or all of its change. It feeds the suggestions to the
// editor's inline rendering and answers the editor's keyboard commands, keeping this person's own
// decisions so Ctrl+Z can undo them.
import { useEffect, useMemo, useState, type MutableRefObject } from "react";
import type { Editor } from "@tiptap/react";
import type * as Y from "yjs";
import { chatArray, readChatMessage } from "../../shared/room.ts";
import { listSuggestions, suggestionsMap, type SuggestionRecord } from "../../shared/suggestions/record.ts";
import type { Decided } from "../lib/reviewHistory.ts";
import {
  currentSuggestion,
  moveToSuggestion,
  setSuggestions,
  suggestionSpans,
  type SuggestionCommands,
} from "../editor/suggestions.ts";

/** What the bar and the keymap ask the room to do; decisions are kept for this person's Ctrl+Z. */
export interface SuggestionActions {
  decide(suggestionId: string, decision: "accept" | "reject"): Promise<Decided>;
  decideChange(changeId: string, decision: "accept" | "reject"): Promise<Decided>;
  /** Undo (or redo) this person's last decision when it is newer than `since`; true when it took the key. */
  undo(since: number): boolean;
  redo(since: number): boolean;
}

export interface SuggestionsPanelProps {
  editor: Editor;
  doc: Y.Doc;
  canvasId: string;
  canDecide: boolean;
  actions: SuggestionActions;
  commands: MutableRefObject<SuggestionCommands | null>;
}

function useCanvasSuggestions(doc: Y.Doc, canvasId: string): SuggestionRecord[] {
  const [suggestions, setList] = useState(() => listSuggestions(doc, canvasId));
  useEffect(() => {
    const map = suggestionsMap(doc);
    const update = () => setList(listSuggestions(doc, canvasId));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc, canvasId]);
  return suggestions;
}

/** The run a suggestion came from, named by the request that started it ("for “make it shorter”"). */
function RunLabel({ doc, runId }: { doc: Y.Doc; runId: string | null }) {
  if (!runId) return null;
  // Only the matching entry is read (its text is a Y.Text): the bar re-renders as the caret moves.
  const entry = chatArray(doc)
    .toArray()
    .find((candidate) => candidate.get("runId") === runId && candidate.get("role") === "user");
  const request = entry ? readChatMessage(entry) : null;
  return (
    <span className="suggestion-run" title={`Run ${runId}`}>
      {request?.text.trim() ? <> · for “{clip(request.text, 40)}”</> : <> · run {runId}</>}
    </span>
  );
}

function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function SuggestionsPanel(props: SuggestionsPanelProps) {
  const { editor, doc, canvasId, canDecide, actions } = props;
  // A comment's own suggestion shows in its comment card (and is applied there), not inline.
  const all = useCanvasSuggestions(doc, canvasId);
  const suggestions = useMemo(() => all.filter((s) => s.commentId === null), [all]);
  const pending = useMemo(() => suggestions.filter((s) => s.status === "pending"), [suggestions]);
  const [current, setCurrent] = useState<{ id: string; outdated: boolean } | null>(null);
  const [shown, setShown] = useState(0);

  useEffect(() => {
    if (!editor.isDestroyed) setSuggestions(editor.view, { suggestions });
  }, [editor, suggestions]);

  useEffect(() => {
    const read = () => {
      const span = currentSuggestion(editor.state) ?? suggestionSpans(editor.state)[0] ?? null;
      setCurrent((old) =>
        old?.id === span?.id && old?.outdated === span?.outdated
          ? old
          : span && { id: span.id, outdated: span.outdated },
      );
      setShown(suggestionSpans(editor.state).length);
    };
    read();
    editor.on("transaction", read);
    return () => {
      editor.off("transaction", read);
    };
  }, [editor]);

  useEffect(() => {
    const decide = async (id: string, decision: "accept" | "reject"): Promise<void> => {
      if (!canDecide) return;
      // Move on first, so the next one is current once this one leaves the canvas.
      const next = suggestionSpans(editor.state).length > 1 ? moveToSuggestion(editor.view, 1) : null;
      const decided = await actions.decide(id, decision);
      if (!decided && next && !editor.isDestroyed) setSuggestions(editor.view, { activeId: id });
    };
    props.commands.current = {
      decide: (id, decision) => void decide(id, decision),
      undoReview: (since) => actions.undo(since),
      redoReview: (since) => actions.redo(since),
    };
    return () => {
      props.commands.current = null;
    };
  }, [editor, actions, canDecide, props.commands]);

  if (!pending.length) return null;
  const record = pending.find((s) => s.id === current?.id) ?? pending[0]!;
  const outdated = current?.id === record.id && current.outdated;
  const index = pending.indexOf(record);
  // From the bar, the caret goes back to the text, so Ctrl+Z there undoes this decision.
  const decide = (decision: "accept" | "reject") => {
    props.commands.current?.decide(record.id, decision);
    if (!editor.isDestroyed) editor.view.focus();
  };
  const decideAll = (decision: "accept" | "reject") => {
    void actions.decideChange(record.changeId, decision);
    if (!editor.isDestroyed) editor.view.focus();
  };
  const ofChange = pending.filter((s) => s.changeId === record.changeId).length;

  return (
    <div
      className="suggestions-bar"
      role="toolbar"
      aria-label="Suggestions"
      // A click here leaves the caret (and the selection) in the text.
      onMouseDown={(event) => event.preventDefault()}
    >
      <span className="suggestions-count" aria-live="polite">
        {pending.length === 1 ? "1 suggestion" : `${pending.length} suggestions`}
        {shown < pending.length ? ` (${pending.length - shown} no longer in the text)` : ""}
      </span>
      <button
        type="button"
        className="button small ghost"
        aria-label="Previous suggestion"
        title="Previous suggestion (Alt+P)"
        onClick={() => moveToSuggestion(editor.view, -1)}
      >
        ‹
      </button>
      <button
        type="button"
        className="button small ghost"
        aria-label="Next suggestion"
        title="Next suggestion (Alt+N)"
        onClick={() => moveToSuggestion(editor.view, 1)}
      >
        ›
      </button>
      <span className="suggestion-current" data-suggestion-id={record.id}>
        <span className="suggestion-position">
          {index + 1}/{pending.length}
        </span>{" "}
        <strong>{record.author.name}</strong>
        <RunLabel doc={doc} runId={record.runId} />:{" "}
        {record.display.quote.trim() ? <del>{clip(record.display.quote)}</del> : null}
        {record.display.quote.trim() && record.display.replacement.trim() ? " → " : null}
        {record.display.replacement.trim() ? <ins>{clip(record.display.replacement)}</ins> : null}
        {outdated ? <em className="suggestion-outdated-note"> · outdated: the text changed since</em> : null}
      </span>
      {canDecide ? (
        <span className="suggestion-actions">
          <button
            type="button"
            className="button small primary"
            title={outdated ? "The text changed since: apply it by hand" : "Accept (Alt+Enter)"}
            disabled={outdated}
            onClick={() => decide("accept")}
          >
            Accept
          </button>
          <button
            type="button"
            className="button small"
            title="Reject (Alt+Backspace)"
            onClick={() => decide("reject")}
          >
            Reject
          </button>
          {ofChange > 1 && (
            <>
              <button type="button" className="button small ghost" onClick={() => decideAll("accept")}>
                Accept all {ofChange}
              </button>
              <button type="button" className="button small ghost" onClick={() => decideAll("reject")}>
                Reject all {ofChange}
              </button>
            </>
          )}
        </span>
      ) : (
        <span className="hint">Editors decide on suggestions.</span>
      )}
    </div>
  );
}
