// Engine and tool errors are written for the model ("Use create_canvas…", "Quote the exact text…").
// People see them in activity cards and notices; this maps them to words a person can act on. The
// engine's own messages stay as they are: the model needs them to retry.
const RULES: [RegExp, string][] = [
  [
    /no canvas is open|there is no canvas|use create_canvas/i,
    "There was no open canvas to change. Open one, or ask Canvas AI to write a new one.",
  ],
  [
    /is not in the canvas|could not be found|not found in the canvas/i,
    "The passage to change is no longer in the canvas (it may have just been edited), so nothing was changed.",
  ],
  [
    /occurs \d+ times|more than once|ambiguous/i,
    "The passage to change appears several times, so nothing was changed.",
  ],
  [/overlap/i, "Two of the changes touched the same text, so nothing was changed."],
  [/the limit is [\d,]+/i, "The change would have made the canvas too long, so nothing was changed."],
  [/only markup/i, "A comment pointed at formatting rather than words, so it was not added."],
  [
    /wrong kind|is a code canvas|is a document canvas/i,
    "That change does not fit this kind of canvas, so nothing was changed.",
  ],
];

/** Words the model is told that people should never have to read. */
const FOR_THE_MODEL =
  /\b(?:create|edit|rewrite|comment)_canvas\b|\bfind\b.*\breplace\b|quote the exact|copy the exact|send (?:it )?again/i;

export function forPeople(message: string): string {
  for (const [pattern, words] of RULES) if (pattern.test(message)) return words;
  if (FOR_THE_MODEL.test(message)) return "Canvas AI's change could not be applied, so the canvas was left as it was.";
  return message;
}

/** Why a person's own suggestion ("Suggest edit") was refused, in words that say what to do next. */
export function suggestionRefusal(failure: { code: string; message: string }): string {
  if (failure.code === "cannot_suggest" && /is not in the canvas/i.test(failure.message))
    return "Someone changed this passage while you were writing, so it was not suggested. Your text is kept: select the passage again to suggest it there.";
  if (failure.code === "cannot_suggest" && /occurs \d+ times/i.test(failure.message))
    return "These words appear more than once in the canvas. Select a few more words around them so it is clear which place you mean.";
  return forPeople(failure.message);
}

/**
 * An assistant's chat text with engine errors it quotes ("Last problem: No canvas is open. Use
 * create_canvas…") put in people's words; the rest of the text stays as written.
 */
export function chatForPeople(text: string): string {
  const quoted = /(Last problem: )([\s\S]*)$/.exec(text);
  if (quoted) return text.slice(0, quoted.index) + quoted[1] + forPeople(quoted[2]!.trim());
  return FOR_THE_MODEL.test(text) && /\b(?:create|edit|rewrite|comment)_canvas\b/.test(text)
    ? text.replace(/[^.\n]*\b(?:create|edit|rewrite|comment)_canvas\b[^.\n]*\.?/g, (sentence) => forPeople(sentence))
    : text;
}
