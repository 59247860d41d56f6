// The card of a step that looked at the canvas without changing it (read_canvas, search_canvas):
// "Read lines 840–910", "Searched for “budget”: 12 passages". It appears in the reply as the step
// finishes, so people follow a multi-step turn while it works. Changes keep their ActivityCard. The
// step in progress shows as a pending card ("Reading the canvas…") until its own card replaces it.
import type { ToolActivity } from "../../shared/room.ts";
import { isNavigationTool } from "../../shared/tools.ts";

const ICONS: Record<string, string> = { read_canvas: "☰", search_canvas: "⌕" };

const PENDING: Record<string, string> = {
  read_canvas: "Reading the canvas…",
  search_canvas: "Searching the canvas…",
  create_canvas: "Writing a new canvas…",
  edit_canvas: "Editing…",
  rewrite_canvas: "Rewriting the canvas…",
  comment_canvas: "Writing comments…",
};

/** True for the cards StepCard draws. */
export function isLookingStep(activity: ToolActivity): boolean {
  return isNavigationTool(activity.tool);
}

function stepLabel(activity: ToolActivity): string {
  if (activity.ok) return activity.summary;
  // The error was written for the model, which tries again with it; people only need to know that.
  return activity.tool === "search_canvas"
    ? "A search of the canvas did not work; Canvas AI tried again"
    : "Tried to read a part that is not in the canvas; Canvas AI tried again";
}

export function StepCard({ activity }: { activity: ToolActivity }) {
  return (
    <div className={`activity-card step-card${activity.ok ? "" : " failed"}`} data-tool={activity.tool}>
      <span className="activity-icon" aria-hidden="true">
        {ICONS[activity.tool] ?? "•"}
      </span>
      <span className="activity-text">
        <span className="activity-label">{stepLabel(activity)}</span>
      </span>
    </div>
  );
}

/** The step the model is taking now. */
export function PendingStepCard({ tool }: { tool: string }) {
  return (
    <div className="activity-card step-card pending" data-tool={tool} aria-live="polite">
      <span className="activity-icon" aria-hidden="true">
        …
      </span>
      <span className="activity-text">
        <span className="activity-label">{PENDING[tool] ?? "Working…"}</span>
      </span>
    </div>
  );
}
