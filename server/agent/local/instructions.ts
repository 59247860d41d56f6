// Edit instructions the offline engine can carry out mechanically, parsed from the user's words into
// intents. Anything that does not parse is a request that needs a model (tone, translation, length…).

/** A part of the canvas: the Nth paragraph (1-based; -1 is the last), a section by heading, or literal text. */
export type Target =
  | { unit: "paragraph"; index: number }
  | { unit: "section"; name: string }
  | { unit: "text"; text: string }
  | { unit: "selection" }
  /** Unquoted words that may be a heading ("before Escalation") or text in the canvas. */
  | { unit: "named"; name: string };

export type Destination =
  { where: "start" } | { where: "end" } | { where: "before"; target: Target } | { where: "after"; target: Target };

export type Intent =
  | { type: "replace"; from: string; to: string; quoted: boolean; everywhere: boolean }
  /** `declaration` set ("class") when the user named the kind but not the symbol: "rename the class to X". */
  | { type: "rename"; from: string; to: string; declaration: string | null }
  | { type: "delete"; target: Target }
  | { type: "move"; target: Target; destination: Destination }
  | { type: "swap"; a: Target; b: Target }
  | { type: "spelling" }
  | { type: "addSection"; heading: string; destination: Destination | null }
  | { type: "title"; title: string }
  | { type: "case"; to: "upper" | "lower" }
  /** Remove single-line debug output (console.log, print), optionally in one function. */
  | { type: "removeLogs"; scope: string | null };

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  last: -1,
  final: -1,
  opening: 1,
  closing: -1,
};

const QUOTE_PAIRS: [string, string][] = [
  ['"', '"'],
  ["“", "”"],
  ["‘", "’"],
  ["'", "'"],
  ["`", "`"],
  ["«", "»"],
];

/** Strings the user put in quotes, in order of appearance. */
export function quotedStrings(text: string): string[] {
  const found: { at: number; value: string }[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    const escape = (char: string): string => char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // A single quote only opens after a non-letter, so apostrophes (don't) are not quotes.
    const lead = open === "'" ? "(?<![\\p{L}\\p{N}])" : "";
    const pattern = new RegExp(`${lead}${escape(open)}([^${escape(close)}\\n]+?)${escape(close)}`, "gu");
    for (const match of text.matchAll(pattern)) found.push({ at: match.index, value: match[1]! });
  }
  found.sort((a, b) => a.at - b.at);
  const result: { at: number; end: number; value: string }[] = [];
  for (const item of found) {
    const end = item.at + item.value.length + 2;
    if (result.some((other) => item.at < other.end && other.at < end)) continue;
    result.push({ ...item, end });
  }
  return result.map((item) => item.value);
}

const unquote = (text: string): string => {
  const trimmed = text
    .trim()
    .replace(/[.!]+$/, "")
    .trim();
  const quoted = quotedStrings(trimmed);
  return quoted.length === 1 && quoted[0]!.length >= trimmed.length - 2 ? quoted[0]! : trimmed;
};

/** "paragraph 3", "the third paragraph", "the last paragraph", "the section Background", "“some text”". */
export function parseTarget(phrase: string, hasSelection: boolean): Target | null {
  const text = phrase.trim().replace(/[.!]+$/, "");
  const lower = text.toLowerCase();
  if (
    hasSelection &&
    /^(?:this|it|that|the selection|the selected text|selected text|these lines|this part|this text|this sentence|this paragraph)$/.test(
      lower,
    )
  ) {
    return { unit: "selection" };
  }
  const numbered = /^(?:the\s+)?(?:paragraph|para|p)\s*#?(-?\d+)$/.exec(lower);
  if (numbered) return { unit: "paragraph", index: Number(numbered[1]) };
  const ordinal = /^(?:the\s+)?(\w+)\s+paragraph$/.exec(lower);
  if (ordinal && ordinal[1]! in ORDINALS) return { unit: "paragraph", index: ORDINALS[ordinal[1]!]! };
  const sectionQuoted = /^(?:the\s+)?(?:section|heading|part|chapter)\s+(?:called\s+|named\s+|titled\s+)?(.+)$/i.exec(
    text,
  );
  if (sectionQuoted) return { unit: "section", name: unquote(sectionQuoted[1]!) };
  const sectionSuffix = /^(?:the\s+)?(.+?)\s+(?:section|part|chapter)$/i.exec(text);
  if (sectionSuffix) return { unit: "section", name: unquote(sectionSuffix[1]!) };
  const quoted = quotedStrings(text);
  if (quoted.length === 1) return { unit: "text", text: quoted[0]! };
  if (/^(?:the\s+)?(?:intro|introduction)$/.test(lower)) return { unit: "section", name: "introduction" };
  if (/^(?:the\s+)?conclusion$/.test(lower)) return { unit: "section", name: "conclusion" };
  const words = text.replace(/^the\s+/i, "");
  if (words && words.split(/\s+/).length <= 6) return { unit: "named", name: words };
  return null;
}

function parseDestination(phrase: string, hasSelection: boolean): Destination | null {
  const lower = phrase
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, "");
  if (/^(?:to\s+)?the\s+(?:end|bottom)(?:\s+of\s+the\s+\w+)?$|^to\s+the\s+end$|^last$/.test(lower))
    return { where: "end" };
  if (/^(?:to\s+)?the\s+(?:top|start|beginning)(?:\s+of\s+the\s+\w+)?$|^first$/.test(lower)) return { where: "start" };
  const relative = /^(before|above|after|below|under)\s+(.+)$/i.exec(phrase.trim());
  if (!relative) return null;
  const target = parseTarget(relative[2]!, hasSelection);
  if (!target) return null;
  return /^(?:before|above)$/i.test(relative[1]!) ? { where: "before", target } : { where: "after", target };
}

const EVERYWHERE =
  /\s+(?:everywhere|throughout(?:\s+the\s+\w+)?|in\s+the\s+whole\s+\w+|across\s+the\s+\w+|in\s+all\s+places)$/i;

const POLITE = /^\s*(?:(?:can|could|would|will) you\s+|please\s+|now\s+|and\s+|also\s+|ok(?:ay)?,?\s+|then\s+)*/i;
const TRAILING = /\s*(?:,?\s*please)?[.!?]*\s*$/i;

/** The intent of an instruction, or null when it is not something the offline engine can do. */
export function parseInstruction(userText: string, hasSelection: boolean): Intent | null {
  const text = userText.replace(POLITE, "").replace(TRAILING, "").trim();
  const lower = text.toLowerCase();

  if (
    /\b(?:fix|correct|check|clean up)\b.*\b(?:spelling|typos?|misspellings?)\b|\bspell-?check\b|\bcorrige(?:r)? (?:l'|les )?(?:orthographe|fautes)|\bcorrige la ortograf[íi]a\b|\brechtschreibung\b/.test(
      lower,
    )
  ) {
    return { type: "spelling" };
  }
  if (
    /\b(?:remove|delete|strip|drop|get rid of|take out|clean up)\b.*(?:console\.\w+|\bconsole logs?\b|\bdebug(?:ging)? (?:logging|logs|output|statements|prints|lines)\b|\blog(?:ging)? (?:statements|calls|lines)\b|\bprint (?:statements|calls)\b|\bprints\b|\bdebug logging\b)/i.test(
      text,
    )
  ) {
    const scope =
      /\b(?:in|from|inside)\s+(?:the\s+)?(?:function\s+|method\s+)?`?([A-Za-z_$][\w$]*)`?(?:\s+function|\s+method)?$/i.exec(
        text,
      );
    return { type: "removeLogs", scope: scope && !/^(?:the|this|it|code|file)$/i.test(scope[1]!) ? scope[1]! : null };
  }
  const caseChange =
    /\b(?:convert|change|make|turn|put|set|write)\b.*\b(upper ?case|all caps|capital letters|capitals|lower ?case|small letters)\b/.exec(
      lower,
    );
  if (caseChange) return { type: "case", to: /upper|caps|capital/.test(caseChange[1]!) ? "upper" : "lower" };

  const title =
    /^(?:make|set|change|rename|update)\s+the\s+(?:main\s+)?(?:title|heading)\s+(?:to\s+|as\s+|into\s+)?(.+)$/i.exec(
      text,
    ) ??
    /^(?:title|call|name)\s+it\s+(.+)$/i.exec(text) ??
    /^(?:add|give it)\s+(?:a\s+)?title\s*:?\s*(.+)$/i.exec(text);
  if (title) return { type: "title", title: unquote(title[1]!) };

  const swap =
    /^(?:swap|switch|exchange)\s+(?:paragraphs?\s+)?(\d+|\w+)(?:\s+paragraph)?\s+(?:and|with)\s+(?:paragraph\s+)?(\d+|\w+)(?:\s+paragraph)?$/i.exec(
      text,
    );
  if (swap && /paragraph/i.test(text)) {
    const a = parseTarget(`paragraph ${ordinalNumber(swap[1]!)}`, hasSelection);
    const b = parseTarget(`paragraph ${ordinalNumber(swap[2]!)}`, hasSelection);
    if (a && b) return { type: "swap", a, b };
  }

  const rename =
    /^rename\s+(?:the\s+)?(?:function|method|variable|var|class|constant|const|symbol|field|property|type|parameter|param|component|identifier|term|word)?\s*(.+?)\s+(?:to|as|into)\s+(.+)$/i.exec(
      text,
    );
  if (rename) {
    const kindOnly =
      /^(?:the\s+)?(function|method|class|component|interface|struct|enum|type)\s+(?:to|as|into)\s+/i.exec(
        text.replace(/^rename\s+/i, ""),
      );
    const declaration = kindOnly ? kindOnly[1]!.toLowerCase() : null;
    const from = declaration ? "" : unquote(rename[1]!);
    const to = unquote(rename[2]!.replace(EVERYWHERE, ""));
    const section = /^(?:the\s+)?(?:section|heading)\s+(.+)$/i.exec(rename[1]!);
    if (section) return { type: "replace", from: unquote(section[1]!), to, quoted: true, everywhere: false };
    if ((from || declaration) && to) return { type: "rename", from, to, declaration };
  }

  const replace =
    /^(?:replace|change|substitute|switch|swap|update|correct)\s+(?:all\s+(?:occurrences\s+of\s+|instances\s+of\s+|the\s+)?|every\s+(?:occurrence\s+of\s+|instance\s+of\s+)?|each\s+)?(.+?)\s+(?:with|to|by|into|for)\s+(.+?)(\s+(?:everywhere|throughout(?:\s+the\s+\w+)?|in\s+the\s+whole\s+\w+|across\s+the\s+\w+))?$/i.exec(
      text,
    ) ?? /^(?:remplace[rz]?|reemplaza[r]?|cambia[r]?|ersetze)\s+(.+?)\s+(?:par|por|durch|con)\s+(.+?)()$/i.exec(text);
  if (replace) {
    const quoted = quotedStrings(text);
    const everywhere = Boolean(replace[3]) || /^(?:replace|change|substitute)\s+(?:all|every|each)\b/i.test(text);
    if (quoted.length >= 2) return { type: "replace", from: quoted[0]!, to: quoted[1]!, quoted: true, everywhere };
    return { type: "replace", from: unquote(replace[1]!), to: unquote(replace[2]!), quoted: false, everywhere };
  }

  const move =
    /^move\s+(.+?)\s+((?:to\s+)?the\s+(?:end|bottom|top|start|beginning)(?:\s+of\s+the\s+\w+)?|(?:before|above|after|below|under)\s+.+)$/i.exec(
      text,
    );
  if (move) {
    const target = parseTarget(move[1]!, hasSelection);
    const destination = parseDestination(move[2]!, hasSelection);
    if (target && destination) return { type: "move", target, destination };
  }

  const addSection =
    /^(?:add|insert|create|append)\s+(?:a\s+)?(?:new\s+)?(?:section|heading|header|subheading)\s*(?:called\s+|named\s+|titled\s+|saying\s+|:\s*)?(.+?)(?:\s+((?:at\s+)?the\s+(?:end|bottom|top|start|beginning)|(?:before|above|after|below|under)\s+.+))?$/i.exec(
      text,
    );
  if (addSection) {
    const destination = addSection[2] ? parseDestination(addSection[2].replace(/^at\s+/i, ""), hasSelection) : null;
    if (!addSection[2] || destination) return { type: "addSection", heading: unquote(addSection[1]!), destination };
  }

  const fact = factUpdate(text);
  if (fact) return fact;

  const remove =
    /^(?:delete|remove|drop|cut|erase|get rid of|take out|supprime[rz]?|elimina[r]?|borra[r]?|lösche|entferne)\s+(.+)$/i.exec(
      text,
    );
  if (remove) {
    const target = parseTarget(remove[1]!, hasSelection);
    if (target) return { type: "delete", target };
  }
  return null;
}

/**
 * Corrections stated as facts: "This is release 3.5, not 3.4." / "The trial is 14 days now, not 30." /
 * "We switched from Zendesk to Freshdesk." The old value is replaced by the new one of the same shape.
 */
function factUpdate(text: string): Intent | null {
  const switched =
    /\b(?:switched|moved|migrated|changed|went)\s+(?:over\s+)?from\s+([\p{Lu}\d][\w.$%-]*)\s+to\s+([\p{Lu}\d][\w.$%-]*)/u.exec(
      text,
    );
  if (switched) return { type: "replace", from: switched[1]!, to: switched[2]!, quoted: false, everywhere: true };
  const correction =
    /^(.*?)[,;]?\s+not\s+([\w$][\w.$%-]*?)(?:[.!;]\s*(?:(?:please\s+)?(?:update|fix|change|correct)\s+(?:it|that|this|the \w+)\s*)?)?$/i.exec(
      text.replace(/[.!]+$/, ""),
    );
  if (!correction) return null;
  const old = correction[2]!;
  const shape = /^\d[\d.,]*$/.test(old) ? /\d[\d.,]*\d|\d/g : /^\p{Lu}/u.test(old) ? /(?<=\s)\p{Lu}[\w.-]*/gu : null;
  if (!shape) return null;
  const candidates = correction[1]!.match(shape) ?? [];
  const replacement = candidates[candidates.length - 1];
  return replacement && replacement !== old
    ? { type: "replace", from: old, to: replacement, quoted: false, everywhere: true }
    : null;
}

function ordinalNumber(word: string): string {
  const lower = word.toLowerCase();
  return lower in ORDINALS ? String(ORDINALS[lower]) : lower;
}
