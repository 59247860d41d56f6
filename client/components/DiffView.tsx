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

interface Part {
  kind: "same" | "ins" | "del";
  value: string;
}

/**
 * Word diffs of a rewritten sentence interleave single words ("~~The~~ Keepers ~~keeper's~~ led…").
 * Runs of changes separated only by whitespace or one short common word are grouped into one
 * deletion followed by one insertion, which reads like a tracked change.
 */
function groupChanges(parts: ChangeObject<string>[]): Part[] {
  const out: Part[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    if (del) out.push({ kind: "del", value: del });
    if (ins) out.push({ kind: "ins", value: ins });
    del = "";
    ins = "";
  };
  parts.forEach((part, index) => {
    if (part.removed) del += part.value;
    else if (part.added) ins += part.value;
    else {
      const inGroup =
        (del || ins) && index < parts.length - 1 && (parts[index + 1]!.added || parts[index + 1]!.removed);
      if (inGroup && /^\s*\S{0,3}\s*$/.test(part.value) && !part.value.includes("\n")) {
        del += part.value;
        ins += part.value;
        return;
      }
      flush();
      out.push({ kind: "same", value: part.value });
    }
  });
  flush();
  return out;
}

export function DiffView({ before, after, code }: { before: string; after: string; code: boolean }) {
  const raw = useMemo<ChangeObject<string>[]>(
    () => (code ? diffLines(before, after) : diffWordsWithSpace(before, after)),
    [before, after, code],
  );
  const parts = useMemo(() => groupChanges(raw), [raw]);
  const inserted = raw.filter((part) => part.added).reduce((sum, part) => sum + part.value.length, 0);
  const deleted = raw.filter((part) => part.removed).reduce((sum, part) => sum + part.value.length, 0);
  if (!inserted && !deleted) return <p className="muted">No differences.</p>;
  return (
    <div className="diff-view">
      <p className="diff-stats">
        <span className="ins-count">+{inserted}</span> <span className="del-count">−{deleted}</span> characters
      </p>
      <div className={`diff-body${code ? " code" : ""}`}>
        {parts.map((part, index) =>
          part.kind === "ins" ? (
            <ins key={index}>{part.value}</ins>
          ) : part.kind === "del" ? (
            <del key={index}>{part.value}</del>
          ) : (
            <span key={index}>{fold(part.value, index === 0, index === parts.length - 1)}</span>
          ),
        )}
      </div>
    </div>
  );
}
