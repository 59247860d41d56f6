// An inline diff of two canvas texts: insertions and deletions marked in place (words for documents,
// lines for code), with long unchanged stretches folded so the change is easy to find.
import { useMemo } from "react";
import { diffLines, diffWordsWithSpace, type ChangeObject } from "diff";

const CONTEXT = 220;

function fold(text: string, first: boolean, last: boolean): string {
  if (text.length <= CONTEXT * 2) return text;
  const head = first ? "" : text.slice(0, CONTEXT);
  const tail = last ? "" : text.slice(-CONTEXT);
  return `${head} … ${tail}`;
}

export function DiffView({ before, after, code }: { before: string; after: string; code: boolean }) {
  const parts = useMemo<ChangeObject<string>[]>(() => (code ? diffLines(before, after) : diffWordsWithSpace(before, after)), [before, after, code]);
  const inserted = parts.filter((part) => part.added).reduce((sum, part) => sum + part.value.length, 0);
  const deleted = parts.filter((part) => part.removed).reduce((sum, part) => sum + part.value.length, 0);
  if (!inserted && !deleted) return <p className="muted">No differences.</p>;
  return (
    <div className="diff-view">
      <p className="diff-stats">
        <span className="ins-count">+{inserted}</span> <span className="del-count">−{deleted}</span> characters
      </p>
      <div className={`diff-body${code ? " code" : ""}`}>
        {parts.map((part, index) =>
          part.added ? (
            <ins key={index}>{part.value}</ins>
          ) : part.removed ? (
            <del key={index}>{part.value}</del>
          ) : (
            <span key={index}>{fold(part.value, index === 0, index === parts.length - 1)}</span>
          ),
        )}
      </div>
    </div>
  );
}
