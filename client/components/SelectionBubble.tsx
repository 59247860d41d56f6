// A floating box over a text selection: "Ask AI" sends the request with the selected text, so the model
// edits or comments on just that part; "Comment" anchors a person's comment to it.
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Editor } from "@tiptap/react";
import { anchorForRange } from "../editor/anchors.ts";
import { Icon } from "./Icon.tsx";

export interface SelectionBubbleProps {
  editor: Editor;
  canAsk: boolean;
  canComment: boolean;
  onAsk: (request: string, selection: string) => Promise<boolean>;
  onComment: (input: { anchor: { start: string; end: string }; quote: string; body: string }) => Promise<boolean>;
}

interface Snapshot {
  from: number;
  to: number;
  text: string;
  top: number;
  left: number;
}

export function SelectionBubble({ editor, canAsk, canComment, onAsk, onComment }: SelectionBubbleProps) {
  const [selection, setSelection] = useState<Snapshot | null>(null);
  const [mode, setMode] = useState<"idle" | "ask" | "comment">("idle");
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const update = () => {
      if (modeRef.current !== "idle") return;
      const { from, to, empty } = editor.state.selection;
      // Read-only editors (commenters, viewers) never take focus, but their selection still counts.
      if (empty || (editor.isEditable && !editor.isFocused)) {
        setSelection((current) => (current ? null : current));
        return;
      }
      const text = editor.state.doc.textBetween(from, to, "\n").trim();
      if (!text) return setSelection(null);
      // The bubble is positioned inside .canvas-page, which scrolls with the text.
      const page = editor.view.dom.closest(".canvas-page");
      if (!page) return;
      const box = page.getBoundingClientRect();
      const start = editor.view.coordsAtPos(from);
      const end = editor.view.coordsAtPos(to);
      const top = Math.min(start.top, end.top) - box.top;
      const left = Math.max(0, Math.min(start.left - box.left, box.width - 340));
      setSelection({ from, to, text, top, left });
    };
    editor.on("selectionUpdate", update);
    editor.on("blur", update);
    return () => {
      editor.off("selectionUpdate", update);
      editor.off("blur", update);
    };
  }, [editor]);

  useEffect(() => {
    if (mode !== "idle") inputRef.current?.focus();
  }, [mode]);

  if (!selection || (!canAsk && !canComment)) return null;

  function close() {
    setMode("idle");
    setDraft("");
    setSelection(null);
    editor.commands.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!selection || !draft.trim()) return;
    setBusy(true);
    const anchor = mode === "comment" ? anchorForRange(editor.state, selection.from, selection.to) : null;
    const done =
      mode === "ask"
        ? await onAsk(draft.trim(), selection.text)
        : anchor !== null && (await onComment({ anchor, quote: selection.text, body: draft.trim() }));
    setBusy(false);
    if (done) close();
  }

  return (
    <div
      className="selection-bubble"
      style={{ top: selection.top, left: selection.left }}
      onMouseDown={(event) => {
        // Keep the editor selection while clicking the bubble's buttons.
        if (!(event.target instanceof HTMLInputElement)) event.preventDefault();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          close();
        }
      }}
    >
      {mode === "idle" ? (
        <div className="bubble-buttons">
          {canAsk && (
            <button type="button" className="bubble-button ask" onClick={() => setMode("ask")}>
              <Icon name="sparkle" size={14} /> Ask AI
            </button>
          )}
          {canComment && (
            <button type="button" className="bubble-button" onClick={() => setMode("comment")}>
              <Icon name="comment" size={14} /> Comment
            </button>
          )}
        </div>
      ) : (
        <form className="bubble-form" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="bubble-input">
            {mode === "ask" ? "Ask Canvas AI about the selection" : "Comment on the selection"}
          </label>
          <input
            id="bubble-input"
            ref={inputRef}
            value={draft}
            placeholder={mode === "ask" ? "Ask AI to change or explain this…" : "Add a comment…"}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button primary small" disabled={busy || !draft.trim()}>
            {mode === "ask" ? "Ask" : "Comment"}
          </button>
          <button type="button" className="icon-button" aria-label="Cancel" onClick={close}>
            ✕
          </button>
        </form>
      )}
    </div>
  );
}
