// What the model is told about a canvas's pending suggestions: the ones that still apply (not
// outdated), in order, as quote → replacement.
import type * as Y from "yjs";
import { listSuggestions } from "../../shared/suggestions/record.ts";
import { suggestionState } from "../../shared/suggestions/review.ts";
import type { PendingSuggestion } from "../agent/types.ts";

/** At most this many are read (the prompt shows fewer); reading one resolves its anchors. */
const MAX_READ = 100;

export function pendingSuggestions(doc: Y.Doc, canvasId: string): PendingSuggestion[] {
  return (
    listSuggestions(doc, canvasId)
      // A comment's own suggestion reaches the model with its comment.
      .filter((suggestion) => suggestion.status === "pending" && suggestion.commentId === null)
      .slice(0, MAX_READ)
      .filter((suggestion) => suggestionState(doc, suggestion).state === "pending")
      .map(({ quote, replacement }) => ({ quote, replacement }))
  );
}
