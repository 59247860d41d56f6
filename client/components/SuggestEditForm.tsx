// "Suggest edit" in the selection box: the selected text, to edit into its replacement, proposed as a
// suggestion that everyone in the room sees inline and an editor accepts or rejects. Commenters can
// propose too; nothing lands in the canvas until someone accepts it. A refusal (the passage changed,
// the server cannot be reached) is shown here and the person's text stays in the box.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { Editor } from "@tiptap/react";
import type { CanvasKind } from "../../shared/tools.ts";
import { resolveAnchor } from "../editor/anchors.ts";
import type { SuggestionTarget } from "../editor/suggestionTarget.ts";

const MAX_ROWS = 8;

/** The mapping to canvas text brings the markdown reader along: loaded once a person opens the box. */
const loadProposeEdit = () => import("../editor/proposeEdit.ts");
/** The CSS highlight (::highlight(suggest-target)) that keeps the passage marked while focus is in the box. */
const HIGHLIGHT = "suggest-target";

/** Mark the passage being edited: the editor's own selection is not drawn once the box has focus. */
function useTargetHighlight(editor: Editor, target: SuggestionTarget): void {
  useEffect(() => {
    if (typeof Highlight === "undefined" || !("highlights" in CSS)) return;
    const paint = () => {
      const range = editor.isDestroyed ? null : resolveAnchor(editor.state, target.anchor);
      if (!range) return void CSS.highlights.delete(HIGHLIGHT);
      const start = editor.view.domAtPos(range.from);
      const end = editor.view.domAtPos(range.to);
      const dom = document.createRange();
      dom.setStart(start.node, start.offset);
      dom.setEnd(end.node, end.offset);
      CSS.highlights.set(HIGHLIGHT, new Highlight(dom));
    };
    paint();
    // Remote edits redraw the text under the range.
    editor.on("transaction", paint);
    return () => {
      editor.off("transaction", paint);
      CSS.highlights.delete(HIGHLIGHT);
    };
  }, [editor, target]);
}

export interface SuggestEditFormProps {
  editor: Editor;
  kind: CanvasKind;
  target: SuggestionTarget;
  /** Propose it; answers null when it was proposed, else what to tell the person. */
  onSuggest: (proposal: { find: string; replace: string }) => Promise<string | null>;
  onDone: () => void;
  onCancel: () => void;
}

export function SuggestEditForm({ editor, kind, target, onSuggest, onDone, onCancel }: SuggestEditFormProps) {
  const [draft, setDraft] = useState(target.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useTargetHighlight(editor, target);

  useEffect(() => {
    void loadProposeEdit().catch(() => undefined); // Warm; a failure is reported when they submit.
  }, []);

  useEffect(() => {
    // The whole selection is selected in the box: typing replaces it, an arrow key edits it.
    input.current?.focus();
    input.current?.select();
  }, []);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const loaded = await loadProposeEdit().catch(() => null);
    const proposal = loaded
      ? loaded.proposeEdit(editor.state, kind, target, draft)
      : {
          ok: false as const,
          message: "The page could not load what it needs to suggest. Check your connection and try again.",
        };
    if (!proposal.ok) {
      setBusy(false);
      return setError(proposal.message);
    }
    const failure = await onSuggest({ find: proposal.find, replace: proposal.replace });
    setBusy(false);
    if (failure === null) return onDone();
    setError(failure);
    input.current?.focus();
  }

  const rows = Math.min(MAX_ROWS, draft.split("\n").length);
  return (
    <form className="bubble-form suggest-form" onSubmit={(event) => void submit(event)}>
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        Suggest a replacement for the selection
      </label>
      <textarea
        id={`${id}-input`}
        ref={input}
        className={kind === "code" ? "code" : undefined}
        rows={rows}
        value={draft}
        readOnly={busy}
        spellCheck={kind !== "code"}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
          event.preventDefault();
          void submit();
        }}
      />
      <div className="suggest-form-actions">
        <span id={`${id}-hint`} className="hint">
          Enter suggests · Shift+Enter new line
        </span>
        <button type="submit" className="button primary small" disabled={busy || draft === target.text}>
          {busy ? "Suggesting…" : "Suggest"}
        </button>
        <button type="button" className="icon-button" aria-label="Cancel" title="Cancel (Esc)" onClick={onCancel}>
          ✕
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="suggest-form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
