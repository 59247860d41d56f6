// Suggestions as an MCP client reads them: the fields GET /api/rooms/:roomId/suggestions lists, with
// the state now ("outdated" once a person changed the passage), the author by name.
import type * as Y from "yjs";
import { listSuggestions, suggestionsMap } from "../../shared/suggestions/record.ts";
import type { SuggestionState } from "../../shared/suggestions/review.ts";
import { suggestionView } from "../suggestions/routes.ts";

/** At most this many suggestions per list_suggestions answer (the newest; the answer says how many more). */
const MAX_LISTED = 200;

export interface ListedSuggestion {
  id: string;
  changeId: string;
  status: SuggestionState;
  quote: string;
  replacement: string;
  author: string;
}

/** A canvas's suggestions (in `status` only, when given), oldest first; `older` counts those left out. */
export function canvasSuggestions(
  doc: Y.Doc,
  canvasId: string,
  status?: SuggestionState,
): { suggestions: ListedSuggestion[]; older?: number } {
  const matching = listSuggestions(doc, canvasId)
    .map((record) => listed(doc, record.id))
    .filter((view): view is ListedSuggestion => view !== null && (!status || view.status === status));
  const shown = matching.slice(-MAX_LISTED);
  return { suggestions: shown, ...(shown.length < matching.length ? { older: matching.length - shown.length } : {}) };
}

/** The suggestions a call stored, as listed. */
export function suggestionsByIds(doc: Y.Doc, ids: readonly string[]): ListedSuggestion[] {
  return ids.map((id) => listed(doc, id)).filter((view) => view !== null);
}

function listed(doc: Y.Doc, id: string): ListedSuggestion | null {
  const record = suggestionsMap(doc).get(id);
  if (!record) return null;
  const { changeId, status, quote, replacement, author } = suggestionView(doc, record);
  return { id, changeId, status, quote, replacement, author: author.name };
}
