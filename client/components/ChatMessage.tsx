// One chat turn: markdown text (streaming in live), tool activity cards, errors with retry, thumbs.
import { memo, useState } from "react";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import type { CanvasMeta, ChatMessageView, ToolActivity } from "../../shared/room.ts";
import { Icon } from "./Icon.tsx";
import { isLookingStep, PendingStepCard, StepCard } from "./StepCard.tsx";
import { chatForPeople, forPeople } from "../lib/peopleWords.ts";

export interface ChatMessageProps {
  message: ChatMessageView;
  canvases: CanvasMeta[];
  canRun: boolean;
  onRetry: (message: ChatMessageView) => void;
  onFeedback: (message: ChatMessageView, value: "up" | "down") => void;
  onShowChange: (canvasId: string, changeId: string | null) => void;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function activityLabel(activity: ToolActivity, title: string | null): string {
  const name = title ? `“${title}”` : "the canvas";
  if (!activity.ok) return `Could not change ${name}: ${forPeople(activity.summary)}`;
  if (activity.suggested) return `Suggested ${plural(activity.count, "change")} in ${name}`;
  switch (activity.tool) {
    case "create_canvas":
      return `Created ${name}`;
    case "edit_canvas":
      return `Edited ${plural(Math.max(1, activity.count), "passage")} in ${name}`;
    case "rewrite_canvas":
      return `Rewrote ${name}`;
    case "comment_canvas":
      return `Left ${plural(activity.count, "comment")} on ${name}`;
    default:
      return activity.summary || activity.tool;
  }
}

const ICONS: Record<string, string> = {
  create_canvas: "✦",
  edit_canvas: "✎",
  rewrite_canvas: "↻",
  comment_canvas: "❝",
};

function ActivityCard({
  activity,
  canvases,
  onShowChange,
}: {
  activity: ToolActivity;
  canvases: CanvasMeta[];
  onShowChange: (canvasId: string, changeId: string | null) => void;
}) {
  const canvas = canvases.find((candidate) => candidate.id === activity.canvasId) ?? null;
  return (
    <div
      className={`activity-card${activity.ok ? "" : " failed"}${activity.undone ? " undone" : ""}`}
      data-tool={activity.tool}
    >
      <span className="activity-icon" aria-hidden="true">
        {ICONS[activity.tool] ?? "•"}
      </span>
      <span className="activity-text">
        <span className="activity-label">
          {activityLabel(activity, canvas?.title ?? null)}
          {activity.undone && <span className="activity-undone"> · Undone</span>}
        </span>
        {activity.ok && activity.summary && activity.tool !== "create_canvas" && (
          <span className="activity-summary">{activity.summary}</span>
        )}
      </span>
      {activity.ok && canvas && (
        <button
          type="button"
          className="link-button"
          onClick={() => onShowChange(canvas.id, activity.changeId ?? null)}
        >
          Show
        </button>
      )}
    </div>
  );
}

function ChatMessageImpl({ message, canvases, canRun, onRetry, onFeedback, onShowChange }: ChatMessageProps) {
  const [vote, setVote] = useState<"up" | "down" | null>(null);
  const isAssistant = message.role === "assistant";
  const streaming = message.status === "streaming";
  const vote_ = (value: "up" | "down") => {
    setVote(value);
    onFeedback(message, value);
  };
  return (
    <article className={`chat-message ${message.role}`} aria-busy={streaming} data-status={message.status}>
      <header className="chat-author">
        {isAssistant ? message.authorName || "Canvas AI" : message.authorName || "Someone"}
      </header>
      {(message.activity.length > 0 || (streaming && message.step)) && (
        <div className="activity-list">
          {message.activity.map((activity, index) =>
            isLookingStep(activity) ? (
              <StepCard key={index} activity={activity} />
            ) : (
              <ActivityCard key={index} activity={activity} canvases={canvases} onShowChange={onShowChange} />
            ),
          )}
          {streaming && message.step && <PendingStepCard tool={message.step} />}
        </div>
      )}
      {message.text ? (
        <div className="chat-text">
          {isAssistant ? (
            <ReactMarkdown remarkPlugins={[remarkGfm]}>
              {streaming ? message.text : chatForPeople(message.text)}
            </ReactMarkdown>
          ) : (
            <p>{message.text}</p>
          )}
        </div>
      ) : (
        streaming && (
          <div className="typing-dots" aria-label="Canvas AI is thinking">
            <span />
            <span />
            <span />
          </div>
        )
      )}
      {message.status === "error" && (
        <div className="chat-error" role="alert">
          <p>{forPeople(message.error ?? "The model could not answer.")}</p>
          {canRun && (
            <button type="button" className="button small" onClick={() => onRetry(message)}>
              Retry
            </button>
          )}
        </div>
      )}
      {isAssistant && message.status === "done" && message.runId && (
        <div className="feedback" role="group" aria-label="Rate this answer">
          <button
            type="button"
            className={`icon-button${vote === "up" ? " chosen" : ""}`}
            aria-pressed={vote === "up"}
            aria-label="Good answer"
            onClick={() => vote_("up")}
          >
            <Icon name="thumbUp" />
          </button>
          <button
            type="button"
            className={`icon-button${vote === "down" ? " chosen" : ""}`}
            aria-pressed={vote === "down"}
            aria-label="Bad answer"
            onClick={() => vote_("down")}
          >
            <Icon name="thumbDown" />
          </button>
        </div>
      )}
    </article>
  );
}

export const ChatMessage = memo(ChatMessageImpl);
