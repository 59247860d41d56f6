// A long report for long-canvas tests and the token benchmark: deterministic prose of a given length
// in words, in sections with headings, ending with a Conclusion whose text is known.
const WORDS = (
  "the team budget project plan market customer growth risk quarter region supplier delivery schedule " +
  "quality report review process system network partner contract service product revenue cost margin " +
  "forecast staff training office policy safety audit research design launch support feedback survey " +
  "target strategy investment program pilot rollout migration platform tooling release roadmap metric " +
  "steady careful modest strong early late local global annual monthly internal external shared clear " +
  "improved reduced expanded delayed reviewed approved planned measured reported tested built moved"
).split(" ");

export const CONCLUSION_HEADING = "Conclusion";
/** The conclusion's paragraph: what "make the conclusion more optimistic" is about. */
export const CONCLUSION_TEXT =
  "The outlook for next year is uncertain, the budget is tight, and the team is tired after a difficult year.";

/** Words of a text, as a word counter counts them. */
export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** A markdown report of at least `words` words: "# Annual report", many "## Section n", "## Conclusion". */
export function longReport(words: number): string {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const sentence = () => {
    const length = 10 + Math.floor(random() * 10);
    const parts = Array.from({ length }, word);
    return `${parts[0]!.charAt(0).toUpperCase()}${parts.join(" ").slice(1)}.`;
  };
  const blocks: string[] = ["# Annual report"];
  let count = 2;
  for (let section = 1; count < words; section++) {
    blocks.push(`## Section ${section}: ${word()} and ${word()}`);
    count += 5;
    for (let paragraph = 0; paragraph < 8 && count < words; paragraph++) {
      const text = Array.from({ length: 5 + Math.floor(random() * 3) }, sentence).join(" ");
      blocks.push(text);
      count += wordCount(text);
    }
  }
  blocks.push(`## ${CONCLUSION_HEADING}`, CONCLUSION_TEXT);
  return blocks.join("\n\n");
}

/** A TypeScript file of `functions` small functions (8 lines each): `export function handlerN(…)`. */
export function longCode(functions: number): string {
  const blocks = Array.from({ length: functions }, (_, index) =>
    [
      `export function handler${index + 1}(input: number): number {`,
      `  const doubled = input * 2;`,
      `  if (doubled > ${index + 100}) {`,
      `    return doubled - ${index + 1};`,
      `  }`,
      `  return doubled + ${index + 1};`,
      `}`,
    ].join("\n"),
  );
  return `// Generated handlers.\n\n${blocks.join("\n\n")}\n`;
}
