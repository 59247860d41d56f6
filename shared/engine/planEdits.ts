// Targeted edits as a pure string operation: locate every `find`, refuse the whole call on any
// problem (not found, ambiguous, overlapping), else return the new text and what changed.
import { MAX_CANVAS_CHARS, type CanvasKind, type EditSpec } from "../tools.ts";
import { locate, reindent, type TextMatch } from "./locate.ts";
import { clip, closestPassages } from "./similarity.ts";
import { applyChanges, type TextChange } from "./textChanges.ts";
import type { AppliedChange, EngineError } from "./result.ts";

type EditPlan =
  { ok: true; text: string; changes: TextChange[]; applied: AppliedChange[] } | { ok: false; errors: EngineError[] };

export function planEdits(text: string, edits: readonly EditSpec[], kind: CanvasKind): EditPlan {
  const errors: EngineError[] = [];
  const changes: TextChange[] = [];
  edits.forEach((edit, index) => {
    const label = edits.length > 1 ? `Edit ${index + 1}` : "The edit";
    if (edit.find.length === 0) {
      errors.push({
        code: "invalid",
        editIndex: index,
        message: `${label} has an empty \`find\`. Quote the exact text to replace.`,
      });
      return;
    }
    const found = locate(text, edit.find, { kind });
    if (!found.matches.length) {
      errors.push(notFound(text, edit.find, index, label));
      return;
    }
    if (found.matches.length > 1 && !edit.all) {
      errors.push(ambiguous(text, edit.find, found.matches, index, label));
      return;
    }
    for (const match of found.matches) {
      const insert = match.reindent ? reindent(edit.replace, match.reindent) : edit.replace;
      changes.push({ index, from: match.from, to: match.to, insert, tier: match.tier });
    }
  });
  if (errors.length) return { ok: false, errors };

  changes.sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < changes.length; i++) {
    const previous = changes[i - 1]!;
    const current = changes[i]!;
    if (current.from < previous.to || (current.from === previous.to && current.from === current.to)) {
      const which =
        previous.index === current.index
          ? `Edit ${current.index + 1} matches overlapping passages`
          : `Edits ${previous.index + 1} and ${current.index + 1} overlap`;
      errors.push({
        code: "overlap",
        editIndex: current.index,
        message: `${which} ("${clip(text.slice(previous.from, previous.to), 80)}" and "${clip(text.slice(current.from, current.to), 80)}"). Merge them into one edit or quote passages that do not overlap. Nothing was changed.`,
      });
    }
  }
  if (errors.length) return { ok: false, errors };

  // A short `find` with `all` and a long `replace` can multiply the canvas: refuse before building it.
  const resultLength = changes.reduce(
    (length, change) => length + change.insert.length - (change.to - change.from),
    text.length,
  );
  if (resultLength > MAX_CANVAS_CHARS) {
    return {
      ok: false,
      errors: [
        {
          code: "too_large",
          message: `These edits would make the canvas ${resultLength.toLocaleString("en")} characters long (${changes.length} replacements); the limit is ${MAX_CANVAS_CHARS.toLocaleString("en")}. Quote a longer, more specific \`find\` or a shorter \`replace\`. Nothing was changed.`,
        },
      ],
    };
  }

  const applied: AppliedChange[] = [];
  let cursor = 0;
  let newLength = 0;
  for (const change of changes) {
    newLength += change.from - cursor;
    const before = text.slice(change.from, change.to);
    applied.push({
      index: change.index,
      from: change.from,
      to: change.to,
      newFrom: newLength,
      newTo: newLength + change.insert.length,
      before,
      after: change.insert,
      inserted: change.insert.length,
      deleted: before.length,
      tier: change.tier,
    });
    newLength += change.insert.length;
    cursor = change.to;
  }
  // Built on first use: the block write path only needs the edited slice (see applyChanges).
  let built: string | null = null;
  return {
    ok: true,
    get text() {
      built ??= applyChanges(text, changes, 0, text.length);
      return built;
    },
    changes,
    applied,
  };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) line++;
  return line;
}

function notFound(text: string, find: string, index: number, label: string): EngineError {
  const candidates = closestPassages(text, find, 3);
  const list = candidates.length
    ? ` Closest passages:\n${candidates.map((c) => `- line ${c.line} (similarity ${c.similarity.toFixed(2)}): "${c.text}"`).join("\n")}`
    : " The canvas is empty.";
  return {
    code: "not_found",
    editIndex: index,
    candidates,
    message: `${label}: \`find\` text "${clip(find, 120)}" is not in the canvas (not even ignoring whitespace, quotes and dashes).${list}\nCopy the exact text from the canvas into \`find\` and try again. Nothing was changed.`,
  };
}

function ambiguous(text: string, find: string, matches: TextMatch[], index: number, label: string): EngineError {
  const lines = text.split("\n");
  const shown = matches.slice(0, 5).map((match) => {
    const line = lineOf(text, match.from);
    const around = [lines[line - 2], lines[line - 1], lines[line]].filter((l): l is string => Boolean(l?.trim()));
    return `- line ${line}: "${around.map((l) => clip(l.trim(), 100)).join(" ⏎ ")}"`;
  });
  return {
    code: "ambiguous",
    editIndex: index,
    message: `${label}: \`find\` text "${clip(find, 120)}" occurs ${matches.length} times:\n${shown.join("\n")}${matches.length > 5 ? `\n- …and ${matches.length - 5} more` : ""}\nInclude more of the surrounding text so it matches exactly one place, or set \`all\` to true to change every occurrence. Nothing was changed.`,
  };
}
