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
  const bubbleRef = useRef<HTMLDivElement>(null);
  const canAskRef = useRef(canAsk);
  canAskRef.current = canAsk;

  useEffect(() => {
    const update = (props?: { event?: FocusEvent }) => {
      if (modeRef.current !== "idle") return;
      // Tab from the text lands on the bubble's buttons: that blur keeps the bubble (and the selection).
      const next = props?.event?.relatedTarget;
      if (next instanceof Node && bubbleRef.current?.contains(next)) return;
      const { from, to, empty } = editor.state.selection;
      // Read-only editors (commenters, viewers) never take focus, but their selection still counts.
      if (empty || (editor.isEditable && !editor.isFocused && !props?.event)) {
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
    const onSelection = () => update();
    const onBlur = (props: { event: FocusEvent }) => {
      const next = props.event.relatedTarget;
      if (next instanceof Node && bubbleRef.current?.contains(next)) return;
      if (modeRef.current === "idle" && editor.isEditable) setSelection(null);
    };
    // Ctrl/⌘+K on a selection: ask the model about it, without reaching for the mouse.
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "k" || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (editor.state.selection.empty || !canAskRef.current) return;
      event.preventDefault();
      update();
      setMode("ask");
    };
    editor.on("selectionUpdate", onSelection);
    editor.on("blur", onBlur);
    const dom = editor.view.dom;
    dom.addEventListener("keydown", onKey);
    return () => {
      editor.off("selectionUpdate", onSelection);
      editor.off("blur", onBlur);
      dom.removeEventListener("keydown", onKey);
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
      ref={bubbleRef}
      className="selection-bubble"
      style={{ top: selection.top, left: selection.left }}
      onBlur={(event) => {
        // Focus leaving both the bubble and the text closes the bubble (Shift+Tab back to the text keeps it).
        const next = event.relatedTarget;
        if (
          mode !== "idle" ||
          (next instanceof Node && (event.currentTarget.contains(next) || editor.view.dom.contains(next)))
        )
          return;
        setSelection(null);
      }}
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
            <button
              type="button"
              className="bubble-button ask"
              title="Ask AI about the selection (Ctrl+K)"
              onClick={() => setMode("ask")}
            >
              <Icon name="sparkle" size={14} /> Ask AI <kbd className="shortcut">Ctrl K</kbd>
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
