// The comments rail: a card per comment, aligned with the text it is anchored to (pushed down when
// cards would overlap), with severity colours, replies, resolve and "apply suggestion".
//
// While a mouse button is down on the cards they hold still: a click lands on the element under both
// the press and the release, so a card opening or closing, the text moving under a collaborator's edit
// or a slide still running must not move the button between the two (the first click on "Apply
// suggestion" used to be lost that way, #18). Layout goes on underneath and shows once the click is in.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import type { Editor } from "@tiptap/react";
import type { CommentRecord } from "../../shared/room.ts";
import { commentHighlightsKey, commentSpans } from "../editor/commentHighlights.ts";

export interface CommentsRailProps {
  editor: Editor;
  comments: CommentRecord[];
  canComment: boolean;
  canApply: boolean;
  onReply: (comment: CommentRecord, body: string) => Promise<boolean>;
  onResolve: (comment: CommentRecord, resolved: boolean) => Promise<boolean>;
  onApply: (comment: CommentRecord) => Promise<boolean>;
}

const GAP = 8;

/** Where the cards stood when a press on them began. */
interface Hold {
  tops: Record<string, number>;
  height: number;
}

export function CommentsRail({
  editor,
  comments,
  canComment,
  canApply,
  onReply,
  onResolve,
  onApply,
}: CommentsRailProps) {
  const [showResolved, setShowResolved] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [tops, setTops] = useState<Record<string, number>>({});
  const [spanIds, setSpanIds] = useState<string[]>([]);
  const [height, setHeight] = useState(0);
  const [hold, setHold] = useState<Hold | null>(null);
  const cardRefs = useRef(new Map<string, HTMLElement>());
  const railRef = useRef<HTMLDivElement>(null);
  const releaseHold = useRef<(() => void) | null>(null);

  // Held cards keep their place (and their DOM order: moving the pressed node would lose the click too).
  const shownTops = hold ? { ...tops, ...hold.tops } : tops;
  // In the order of their text (then the ones whose text is gone): the Tab order follows the page.
  const visible = comments
    .filter((comment) => showResolved || !comment.resolved)
    .sort((a, b) => (shownTops[a.id] ?? Infinity) - (shownTops[b.id] ?? Infinity) || a.createdAt - b.createdAt);
  const open = comments.filter((comment) => !comment.resolved).length;

  // Hand the comments to the highlight plugin whenever they or the active card change.
  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dispatch(
      editor.state.tr.setMeta(commentHighlightsKey, { comments, activeId }).setMeta("addToHistory", false),
    );
  }, [editor, comments, activeId]);

  const layout = useCallback(() => {
    if (editor.isDestroyed || !railRef.current) return;
    const spans = commentSpans(editor.state);
    const railTop = railRef.current.getBoundingClientRect().top;
    const ordered: { id: string; want: number }[] = [];
    for (const span of spans) {
      try {
        ordered.push({ id: span.id, want: editor.view.coordsAtPos(span.from).top - railTop });
      } catch {
        // Position outside the rendered doc during a remote update; the next layout fixes it.
      }
    }
    const placed = new Set(ordered.map((entry) => entry.id));
    let cursor = 0;
    const next: Record<string, number> = {};
    for (const entry of ordered.sort((a, b) => a.want - b.want)) {
      const top = Math.max(entry.want, cursor);
      next[entry.id] = top;
      cursor = top + (cardRefs.current.get(entry.id)?.offsetHeight ?? 80) + GAP;
    }
    // Comments whose text is gone (or resolved ones) stack below the anchored ones.
    for (const comment of comments) {
      if (placed.has(comment.id)) continue;
      next[comment.id] = cursor;
      cursor += (cardRefs.current.get(comment.id)?.offsetHeight ?? 80) + GAP;
    }
    setTops((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    setHeight(cursor);
    setSpanIds((current) => {
      const ids = [...placed];
      return current.join() === ids.join() ? current : ids;
    });
  }, [editor, comments]);

  useLayoutEffect(() => {
    layout();
  });

  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(layout);
    };
    editor.on("transaction", schedule);
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      editor.off("transaction", schedule);
      window.removeEventListener("resize", schedule);
    };
  }, [editor, layout]);

  // Clicking highlighted text activates its card.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target.closest("[data-comment-id]") : null;
      const id = target?.getAttribute("data-comment-id");
      if (id) setActiveId(id);
    };
    const dom = editor.view.dom;
    dom.addEventListener("click", onClick);
    return () => dom.removeEventListener("click", onClick);
  }, [editor]);

  // Pin every card where it is drawn now (mid-slide too: the computed top is the animated one) until
  // the click is in. The click is dispatched in the same task as the mouseup (a tap sends mousedown,
  // mouseup and click together), so a task queued at mouseup runs after it, or after a press that
  // ended elsewhere and clicked nothing.
  function holdStill() {
    releaseHold.current?.();
    const pinned: Record<string, number> = {};
    for (const [id, element] of cardRefs.current) pinned[id] = parseFloat(getComputedStyle(element).top) || 0;
    setHold({ tops: pinned, height });
    let timer = 0;
    const release = () => {
      window.clearTimeout(timer);
      window.removeEventListener("mouseup", releaseAfterClick, true);
      window.removeEventListener("blur", release);
      if (releaseHold.current === release) releaseHold.current = null;
      setHold(null);
    };
    const releaseAfterClick = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(release, 0);
    };
    window.addEventListener("mouseup", releaseAfterClick, true);
    window.addEventListener("blur", release);
    releaseHold.current = release;
  }

  useEffect(() => () => releaseHold.current?.(), []);

  if (comments.length === 0) return <div className="comments-rail empty" ref={railRef} aria-hidden="true" />;

  return (
    <aside className="comments-rail" ref={railRef} aria-label="Comments">
      <div className="rail-header">
        <span>
          {open} open comment{open === 1 ? "" : "s"}
        </span>
        <label className="rail-toggle">
          <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} />{" "}
          Show resolved
        </label>
      </div>
      <div
        className={`rail-cards${hold ? " held" : ""}`}
        style={{ minHeight: Math.max(height, hold?.height ?? 0) }}
        onMouseDownCapture={holdStill}
      >
        {visible.map((comment) => (
          <CommentCard
            key={comment.id}
            comment={comment}
            top={shownTops[comment.id] ?? 0}
            anchored={spanIds.includes(comment.id)}
            active={comment.id === activeId}
            canComment={canComment}
            canApply={canApply}
            refCallback={(element) => {
              if (element) cardRefs.current.set(comment.id, element);
              else cardRefs.current.delete(comment.id);
            }}
            onActivate={() => setActiveId(comment.id)}
            onReply={onReply}
            onResolve={onResolve}
            onApply={onApply}
          />
        ))}
      </div>
    </aside>
  );
}

interface CardProps {
  comment: CommentRecord;
  top: number;
  anchored: boolean;
  active: boolean;
  canComment: boolean;
  canApply: boolean;
  refCallback: (element: HTMLElement | null) => void;
  onActivate: () => void;
  onReply: CommentsRailProps["onReply"];
  onResolve: CommentsRailProps["onResolve"];
  onApply: CommentsRailProps["onApply"];
}

function CommentCard({
  comment,
  top,
  anchored,
  active,
  canComment,
  canApply,
  refCallback,
  onActivate,
  onReply,
  onResolve,
  onApply,
}: CardProps) {
  const [reply, setReply] = useState("");
  const [busy, setBusy] = useState(false);

  async function submitReply(event: FormEvent) {
    event.preventDefault();
    if (!reply.trim()) return;
    setBusy(true);
    if (await onReply(comment, reply.trim())) setReply("");
    setBusy(false);
  }

  async function run(action: () => Promise<boolean>) {
    setBusy(true);
    await action();
    setBusy(false);
  }

  return (
    <article
      ref={refCallback}
      className={`comment-card severity-${comment.severity}${active ? " active" : ""}${comment.resolved ? " resolved" : ""}`}
      style={{ top }}
      data-comment-id={comment.id}
      tabIndex={0}
      onClick={onActivate}
      onFocus={(event) => {
        // Activating a card shows its reply box and lets the card above shrink, which moves the cards
        // below. On a mouse press that would move the button away before the click lands (the first
        // click on "Apply suggestion" was lost), so a press activates on click; the keyboard on focus.
        if (event.target instanceof Element && event.target.matches(":focus-visible")) onActivate();
      }}
      aria-label={`Comment by ${comment.author === "ai" ? "Canvas AI" : comment.authorName} on “${comment.quote.slice(0, 60)}”`}
    >
      <header>
        <span className="comment-author">{comment.author === "ai" ? "✦ Canvas AI" : comment.authorName}</span>
        {/* Severity is the model's judgement; a person's comment is just a comment. */}
        {comment.author === "ai" && <span className={`severity-badge ${comment.severity}`}>{comment.severity}</span>}
      </header>
      {!anchored && !comment.resolved && (
        <p className="comment-lost">The text this was about has changed: “{comment.quote.slice(0, 80)}”</p>
      )}
      <p className="comment-body">{comment.body}</p>
      {comment.suggestion !== null && (
        <div className="comment-suggestion">
          <span className="label">Suggestion</span>
          <del>{comment.quote}</del>
          <ins>{comment.suggestion}</ins>
        </div>
      )}
      {comment.replies.map((entry) => (
        <div className="comment-reply" key={entry.id}>
          <span className="comment-author">{entry.authorName}</span> {entry.body}
        </div>
      ))}
      <div className="comment-actions">
        {canApply && comment.suggestion !== null && !comment.resolved && anchored && (
          <button
            type="button"
            className="button small primary"
            disabled={busy}
            onClick={() => void run(() => onApply(comment))}
          >
            Apply suggestion
          </button>
        )}
        {canComment && (
          <button
            type="button"
            className="button small"
            disabled={busy}
            onClick={() => void run(() => onResolve(comment, !comment.resolved))}
          >
            {comment.resolved ? "Reopen" : "Resolve"}
          </button>
        )}
      </div>
      {active && canComment && !comment.resolved && (
        <form className="reply-form" onSubmit={submitReply}>
          <label className="visually-hidden" htmlFor={`reply-${comment.id}`}>
            Reply
          </label>
          <input
            id={`reply-${comment.id}`}
            value={reply}
            placeholder="Reply…"
            onChange={(event) => setReply(event.target.value)}
          />
        </form>
      )}
    </article>
  );
}
