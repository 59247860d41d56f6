// A floating box over a text selection: "Ask AI" sends the request with the selected text, so the model
// edits or comments on just that part; "Comment" anchors a person's comment to it; "Suggest edit" proposes
// a replacement for it as a suggestion (SuggestEditForm).
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import type { Editor } from "@tiptap/react";
import type { CanvasKind } from "../../shared/tools.ts";
import { anchorForRange } from "../editor/anchors.ts";
import { suggestionTarget, type SuggestionTarget } from "../editor/suggestionTarget.ts";
import { Icon } from "./Icon.tsx";
import { SuggestEditForm, type SuggestEditFormProps } from "./SuggestEditForm.tsx";

export interface SelectionBubbleProps {
  editor: Editor;
  canAsk: boolean;
  canComment: boolean;
  /** May propose suggestions (the route asks for the "comment" action: commenters, editors, owners). */
  canSuggest: boolean;
  /** The canvas's kind: on a code canvas the selection is source text. */
  kind: CanvasKind;
  onAsk: (request: string, selection: string) => Promise<boolean>;
  onComment: (input: { anchor: { start: string; end: string }; quote: string; body: string }) => Promise<boolean>;
  onSuggest: SuggestEditFormProps["onSuggest"];
}

interface Snapshot {
  from: number;
  to: number;
  text: string;
  /** The selection's first line top and last line bottom, and its left, in .canvas-page coordinates. */
  top: number;
  bottom: number;
  left: number;
}

/** Above the selection, or below it when the text above has no room (the first lines of the canvas). */
interface Placement {
  below: boolean;
  /** Moved left by this much so the box ends inside the page (a form is wider than the buttons). */
  shift: number;
}

const GAP = 10;

export function SelectionBubble(props: SelectionBubbleProps) {
  const { editor, canAsk, canComment, canSuggest, onAsk, onComment } = props;
  const [selection, setSelection] = useState<Snapshot | null>(null);
  const [mode, setMode] = useState<"idle" | "ask" | "comment" | "suggest">("idle");
  const [target, setTarget] = useState<SuggestionTarget | null>(null);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [placement, setPlacement] = useState<Placement>({ below: false, shift: 0 });
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const inputRef = useRef<HTMLInputElement>(null);
  const bubbleRef = useRef<HTMLDivElement>(null);
  const canAskRef = useRef(canAsk);
  canAskRef.current = canAsk;
  /** Read the editor's selection again (after a cancel: remote edits may have moved it meanwhile). */
  const reread = useRef<() => void>(() => undefined);

  useEffect(() => {
    const update = (props?: { event?: FocusEvent; returning?: boolean }) => {
      if (modeRef.current !== "idle") return;
      // Tab from the text lands on the bubble's buttons: that blur keeps the bubble (and the selection).
      const next = props?.event?.relatedTarget;
      if (next instanceof Node && bubbleRef.current?.contains(next)) return;
      const { from, to, empty } = editor.state.selection;
      // Read-only editors (commenters, viewers) never take focus, but their selection still counts.
      if (empty || (editor.isEditable && !editor.isFocused && !props?.event && !props?.returning)) {
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
      const bottom = Math.max(start.bottom, end.bottom) - box.top;
      const left = Math.max(0, Math.min(start.left - box.left, box.width - 340));
      setSelection({ from, to, text, top, bottom, left });
    };
    const onSelection = () => update();
    reread.current = () => update({ returning: true });
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

  // Measured before paint, and again whenever the box changes size (a form opens, an error shows).
  useLayoutEffect(() => {
    const bubble = bubbleRef.current;
    const page = bubble?.offsetParent;
    const scroller = bubble?.closest(".canvas-scroll");
    if (!bubble || !selection || !(page instanceof HTMLElement) || !scroller) return;
    const place = () => {
      const roomAbove = page.getBoundingClientRect().top + selection.top - scroller.getBoundingClientRect().top;
      const below = roomAbove < bubble.offsetHeight + GAP;
      const over = selection.left + bubble.offsetWidth - page.clientWidth;
      const shift = over > 0 ? Math.min(over, selection.left) : 0;
      setPlacement((old) => (old.below === below && old.shift === shift ? old : { below, shift }));
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(bubble);
    return () => observer.disconnect();
  }, [selection]);

  if (!selection || (!canAsk && !canComment && !canSuggest)) return null;

  /** Back to the text. Done, the box goes; cancelled, the selection stays and so do the box's buttons. */
  function close(cancelled = false) {
    setMode("idle");
    modeRef.current = "idle";
    setTarget(null);
    setDraft("");
    editor.commands.focus();
    if (cancelled) reread.current();
    else setSelection(null);
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
      className={`selection-bubble${placement.below ? " below" : ""}`}
      style={{
        top: placement.below ? selection.bottom : selection.top,
        left: selection.left - placement.shift,
      }}
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
        const field = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
        if (!field) event.preventDefault();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          close(true);
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
          {canSuggest && (
            <button
              type="button"
              className="bubble-button"
              title="Propose a replacement for the selection; an editor accepts or rejects it"
              onClick={() => {
                // The editor's selection, not the snapshot: remote edits map it, and it is what is highlighted.
                const { from, to, empty } = editor.state.selection;
                const found = empty ? null : suggestionTarget(editor.state, from, to);
                if (!found) return;
                setTarget(found);
                setMode("suggest");
              }}
            >
              <Icon name="pencil" size={14} /> Suggest edit
            </button>
          )}
        </div>
      ) : mode === "suggest" && target ? (
        <SuggestEditForm
          editor={editor}
          kind={props.kind}
          target={target}
          onSuggest={props.onSuggest}
          onDone={() => close()}
          onCancel={() => close(true)}
        />
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
          <button type="button" className="icon-button" aria-label="Cancel" onClick={() => close(true)}>
            ✕
          </button>
        </form>
      )}
    </div>
  );
}
