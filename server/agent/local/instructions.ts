// What the user asked for, read from their words by one ordered table of rules, like trigger.ts's
// feature table. The table is the whole policy: the engine tries the rules in order and acts on the
// first intent it can carry out. Anything no rule reads needs a model (tone, translation, length…).
import { parseDestination, parseTarget, ordinalNumber, quotedStrings, unquote } from "./phrases.ts";
import type { Destination, Target } from "./phrases.ts";
import type { Signal, TriggerResult } from "./trigger.ts";

export type { Destination, Target } from "./phrases.ts";

/** A mechanical change to the open canvas. */
export type EditIntent =
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
  /** Remove debug output (debug-marked prints, debug logging, prints inside functions), optionally in one function. */
  | { type: "removeLogs"; scope: string | null };

/** The fixed chat answers, for requests the engine can only answer in words. */
export type ReplyName =
  "thanks" | "greeting" | "shortWriting" | "question" | "generic" | "canvasQuestion" | "needsModel";

export type Intent =
  | { type: "edit"; edit: EditIntent }
  /** Review comments on the canvas (or the selection). */
  | { type: "review" }
  /** Open a new canvas with a scaffold. */
  | { type: "create" }
  | { type: "say"; reply: ReplyName };

export type Situation = "canvas" | "chat";

/** One request, as the rules see it. */
export interface Request {
  /** The words as typed. */
  text: string;
  /** The words without polite padding ("could you", "please") and trailing punctuation. */
  instruction: string;
  hasSelection: boolean;
  situation: Situation;
  trigger: TriggerResult;
}

export type RuleName =
  | "fix spelling"
  | "remove debug output"
  | "change case"
  | "set title"
  | "swap paragraphs"
  | "rename"
  | "replace"
  | "replace (French, Spanish, German)"
  | "move"
  | "add section"
  | "switched tool"
  | "stated correction"
  | "delete"
  | "review"
  | "new canvas"
  | "create canvas"
  | "thanks"
  | "greeting"
  | "short writing"
  | "question"
  | "explain"
  | "canvas question";

export interface IntentRule {
  name: RuleName;
  on: Situation | "both";
  /** Words that must appear; tested against `instruction`, or the words as typed when `against` is "text". */
  pattern?: RegExp;
  against?: "instruction" | "text";
  /** Words that rule the intent out (tested against the words as typed). */
  unless?: RegExp;
  /** What the trigger classifier (trigger.ts) must have found too. */
  when?: (trigger: TriggerResult) => boolean;
  /** The intent the match expresses; null when the words fit the pattern but not the rule. */
  intent: (match: RegExpExecArray, request: Request) => Intent | null;
}

const edit = (value: EditIntent): Intent => ({ type: "edit", edit: value });
const say =
  (reply: ReplyName): (() => Intent) =>
  () => ({ type: "say", reply });
const firedAny =
  (...names: Signal[]) =>
  (trigger: TriggerResult): boolean =>
    names.some((name) => trigger.fired.includes(name));
const opensCanvas = (trigger: TriggerResult): boolean => trigger.canvas;

const EVERYWHERE =
  /\s+(?:everywhere|throughout(?:\s+the\s+\w+)?|in\s+the\s+whole\s+\w+|across\s+the\s+\w+|in\s+all\s+places)$/i;
/** ", including function names", "everywhere in the file": how far a rename reaches, not part of the new name. */
const SCOPE_TAIL =
  /(?:\s+everywhere|\s+throughout|,?\s+(?:including|in all|across|in the whole|as well as|and also)\b)[\s\S]*$/i;
const LOG_SCOPE =
  /\b(?:in|from|inside)\s+(?:the\s+)?(?:function\s+|method\s+)?`?([A-Za-z_$][\w$]*)`?(?:\s+function|\s+method)?$/i;
const KIND_ONLY = /^(?:the\s+)?(function|method|class|component|interface|struct|enum|type)\s+(?:to|as|into)\s+/i;
const KIND_AFTER =
  /^([\p{L}_$][\p{L}\p{N}_$]*)\s+(?:function|method|variable|class|type|constant|field|property|parameter|component|interface|struct|enum)$/iu;
const QUESTION =
  /^\s*(?:what|why|how|when|where|who|which|is|are|does|do|did|can|could|should|explain|tell me)\b|\?\s*$/i;

function renameIntent(match: RegExpExecArray, text: string): Intent | null {
  const kindOnly = KIND_ONLY.exec(text.replace(/^rename\s+/i, ""));
  const declaration = kindOnly ? kindOnly[1]!.toLowerCase() : null;
  // "rename the read_scores function to …": the kind after the name is not part of it.
  const named = unquote(match[1]!);
  const from = declaration ? "" : (KIND_AFTER.exec(named)?.[1] ?? named);
  const to = unquote(match[2]!.replace(EVERYWHERE, "").replace(SCOPE_TAIL, ""));
  const section = /^(?:the\s+)?(?:section|heading)\s+(.+)$/i.exec(match[1]!);
  if (section) return edit({ type: "replace", from: unquote(section[1]!), to, quoted: true, everywhere: false });
  return (from || declaration) && to ? edit({ type: "rename", from, to, declaration }) : null;
}

function replaceIntent(match: RegExpExecArray, text: string): Intent {
  const quoted = quotedStrings(text);
  const everywhere = Boolean(match[3]) || /^(?:replace|change|substitute)\s+(?:all|every|each)\b/i.test(text);
  if (quoted.length >= 2) return edit({ type: "replace", from: quoted[0]!, to: quoted[1]!, quoted: true, everywhere });
  return edit({ type: "replace", from: unquote(match[1]!), to: unquote(match[2]!), quoted: false, everywhere });
}

/** "This is release 3.5, not 3.4": the old value is replaced by the last value of the same shape before "not". */
function correctionIntent(match: RegExpExecArray): Intent | null {
  const old = match[2]!;
  const shape = /^\d[\d.,]*$/.test(old) ? /\d[\d.,]*\d|\d/g : /^\p{Lu}/u.test(old) ? /(?<=\s)\p{Lu}[\w.-]*/gu : null;
  if (!shape) return null;
  const candidates = match[1]!.match(shape) ?? [];
  const replacement = candidates[candidates.length - 1];
  return replacement && replacement !== old
    ? edit({ type: "replace", from: old, to: replacement, quoted: false, everywhere: true })
    : null;
}

/** The rules, in the order they are tried. */
export const INTENT_RULES: readonly IntentRule[] = [
  {
    name: "fix spelling",
    on: "canvas",
    pattern:
      /\b(?:fix|correct|check|clean up)\b.*\b(?:spelling|typos?|misspellings?)\b|\bspell-?check\b|\bcorrige(?:r)? (?:l'|les )?(?:orthographe|fautes)|\bcorrige la ortograf[íi]a\b|\brechtschreibung\b/i,
    intent: () => edit({ type: "spelling" }),
  },
  {
    name: "remove debug output",
    on: "canvas",
    pattern:
      /\b(?:remove|delete|strip|drop|get rid of|take out|clean up)\b.*(?:console\.\w+|\bconsole logs?\b|\bdebug(?:ging)? (?:logging|logs|output|statements|prints|lines)\b|\blog(?:ging)? (?:statements|calls|lines)\b|\bprint (?:statements|calls)\b|\bprints\b|\bdebug logging\b)/i,
    intent: (_, request) => {
      const scope = LOG_SCOPE.exec(request.instruction);
      const named = scope && !/^(?:the|this|it|code|file)$/i.test(scope[1]!) ? scope[1]! : null;
      return edit({ type: "removeLogs", scope: named });
    },
  },
  {
    name: "change case",
    on: "canvas",
    pattern:
      /\b(?:convert|change|make|turn|put|set|write)\b.*\b(upper ?case|all caps|capital letters|capitals|lower ?case|small letters)\b/i,
    intent: (match) => edit({ type: "case", to: /upper|caps|capital/i.test(match[1]!) ? "upper" : "lower" }),
  },
  {
    name: "set title",
    on: "canvas",
    pattern:
      /^(?:(?:make|set|change|rename|update)\s+the\s+(?:main\s+)?(?:title|heading)\s+(?:to\s+|as\s+|into\s+)?|(?:title|call|name)\s+it\s+|(?:add|give it)\s+(?:a\s+)?title\s*:?\s*)(.+)$/i,
    intent: (match) => edit({ type: "title", title: unquote(match[1]!) }),
  },
  {
    name: "swap paragraphs",
    on: "canvas",
    pattern:
      /^(?=.*paragraph)(?:swap|switch|exchange)\s+(?:paragraphs?\s+)?(\d+|\w+)(?:\s+paragraph)?\s+(?:and|with)\s+(?:paragraph\s+)?(\d+|\w+)(?:\s+paragraph)?$/i,
    intent: (match, request) => {
      const a = parseTarget(`paragraph ${ordinalNumber(match[1]!)}`, request.hasSelection);
      const b = parseTarget(`paragraph ${ordinalNumber(match[2]!)}`, request.hasSelection);
      return a && b ? edit({ type: "swap", a, b }) : null;
    },
  },
  {
    name: "rename",
    on: "canvas",
    pattern:
      /^rename\s+(?:the\s+)?(?:function|method|variable|var|class|constant|const|symbol|field|property|type|parameter|param|component|identifier|term|word)?\s*(.+?)\s+(?:to|as|into)\s+(.+)$/i,
    intent: (match, request) => renameIntent(match, request.instruction),
  },
  {
    name: "replace",
    on: "canvas",
    pattern:
      /^(?:replace|change|substitute|switch|swap|update|correct)\s+(?:all\s+(?:occurrences\s+of\s+|instances\s+of\s+|the\s+)?|every\s+(?:occurrence\s+of\s+|instance\s+of\s+)?|each\s+)?(.+?)\s+(?:with|to|by|into|for)\s+(.+?)(\s+(?:everywhere|throughout(?:\s+the\s+\w+)?|in\s+the\s+whole\s+\w+|across\s+the\s+\w+))?$/i,
    intent: (match, request) => replaceIntent(match, request.instruction),
  },
  {
    name: "replace (French, Spanish, German)",
    on: "canvas",
    pattern: /^(?:remplace[rz]?|reemplaza[r]?|cambia[r]?|ersetze)\s+(.+?)\s+(?:par|por|durch|con)\s+(.+?)()$/i,
    intent: (match, request) => replaceIntent(match, request.instruction),
  },
  {
    name: "move",
    on: "canvas",
    pattern:
      /^move\s+(.+?)\s+((?:to\s+)?the\s+(?:end|bottom|top|start|beginning)(?:\s+of\s+the\s+\w+)?|(?:before|above|after|below|under)\s+.+)$/i,
    intent: (match, request) => {
      const target = parseTarget(match[1]!, request.hasSelection);
      const destination = parseDestination(match[2]!, request.hasSelection);
      return target && destination ? edit({ type: "move", target, destination }) : null;
    },
  },
  {
    name: "add section",
    on: "canvas",
    pattern:
      /^(?:add|insert|create|append)\s+(?:a\s+)?(?:new\s+)?(?:section|heading|header|subheading)\s*(?:called\s+|named\s+|titled\s+|saying\s+|:\s*)?(.+?)(?:\s+((?:at\s+)?the\s+(?:end|bottom|top|start|beginning)|(?:before|above|after|below|under)\s+.+))?$/i,
    intent: (match, request) => {
      const where = match[2];
      const destination = where ? parseDestination(where.replace(/^at\s+/i, ""), request.hasSelection) : null;
      return where && !destination ? null : edit({ type: "addSection", heading: unquote(match[1]!), destination });
    },
  },
  {
    // "We switched from Zendesk to Freshdesk."
    name: "switched tool",
    on: "canvas",
    pattern:
      /\b(?:switched|moved|migrated|changed|went)\s+(?:over\s+)?from\s+([\p{Lu}\d][\w.$%-]*)\s+to\s+([\p{Lu}\d][\w.$%-]*)/u,
    intent: (match) => edit({ type: "replace", from: match[1]!, to: match[2]!, quoted: false, everywhere: true }),
  },
  {
    // "This is release 3.5, not 3.4." / "The trial is 14 days now, not 30."
    name: "stated correction",
    on: "canvas",
    pattern:
      /^(.*?)[,;]?\s+not\s+([\w$][\w.$%-]*?)(?:[.!;]\s*(?:(?:please\s+)?(?:update|fix|change|correct)\s+(?:it|that|this|the \w+)\s*)?)?[.!]*$/i,
    intent: correctionIntent,
  },
  {
    name: "delete",
    on: "canvas",
    pattern:
      /^(?:delete|remove|drop|cut|erase|get rid of|take out|supprime[rz]?|elimina[r]?|borra[r]?|lösche|entferne)\s+(.+)$/i,
    intent: (match, request) => {
      const target = parseTarget(match[1]!, request.hasSelection);
      return target ? edit({ type: "delete", target }) : null;
    },
  },
  {
    name: "review",
    on: "canvas",
    against: "text",
    pattern:
      /\b(?:review|critique|criticise|criticize|feedback|suggest (?:edits|changes|improvements)|proofread|comment on|leave comments|add comments? on|what do you think|thoughts on|look over|check (?:my|this|the) (?:writing|text|essay|draft|code|grammar)|any (?:issues|problems|mistakes|bugs)|relis|critiquer?|revisa|korrigiere|überprüfe)\b/i,
    intent: () => ({ type: "review" }),
  },
  {
    name: "new canvas",
    on: "canvas",
    against: "text",
    pattern: /\b(?:new|another|separate|second|different)\b/i,
    when: opensCanvas,
    intent: () => ({ type: "create" }),
  },
  { name: "create canvas", on: "chat", when: opensCanvas, intent: () => ({ type: "create" }) },
  {
    name: "thanks",
    on: "both",
    against: "text",
    pattern: /^\s*(?:thanks|thank you|thx|cheers|merci|gracias|danke)/i,
    when: firedAny("chit-chat"),
    intent: say("thanks"),
  },
  { name: "greeting", on: "both", when: firedAny("chit-chat"), intent: say("greeting") },
  {
    name: "short writing",
    on: "chat",
    when: (trigger) => firedAny("short form", "short cue")(trigger) && trigger.fired.includes("create verb"),
    intent: say("shortWriting"),
  },
  { name: "question", on: "chat", against: "text", pattern: QUESTION, intent: say("question") },
  { name: "explain", on: "chat", when: firedAny("explain or summarise"), intent: say("question") },
  {
    name: "canvas question",
    on: "canvas",
    against: "text",
    pattern: QUESTION,
    unless: /^\s*(?:can|could) you\b/i,
    intent: say("canvasQuestion"),
  },
];

/** What the engine says when no rule reads the request. */
export const FALLBACK: Readonly<Record<Situation, Intent>> = {
  chat: { type: "say", reply: "generic" },
  canvas: { type: "say", reply: "needsModel" },
};

const POLITE = /^\s*(?:(?:can|could|would|will) you\s+|please\s+|now\s+|and\s+|also\s+|ok(?:ay)?,?\s+|then\s+)*/i;
const TRAILING = /\s*(?:,?\s*please)?[.!?]*\s*$/i;
const MATCH_ALL = /(?:)/;

/** The request as the rules read it. */
export function readRequest(
  text: string,
  situation: Situation,
  hasSelection: boolean,
  trigger: TriggerResult,
): Request {
  const instruction = text.replace(POLITE, "").replace(TRAILING, "").trim();
  return { text, instruction, hasSelection, situation, trigger };
}

/** Every intent the rules read in the request, in table order, ending with the situation's fallback. */
export function* intentsOf(request: Request): Generator<{ rule: RuleName | "fallback"; intent: Intent }> {
  for (const rule of INTENT_RULES) {
    if (rule.on !== "both" && rule.on !== request.situation) continue;
    if (rule.when && !rule.when(request.trigger)) continue;
    if (rule.unless?.test(request.text)) continue;
    const match = (rule.pattern ?? MATCH_ALL).exec(rule.against === "text" ? request.text : request.instruction);
    const intent = match && rule.intent(match, request);
    if (intent) yield { rule: rule.name, intent };
  }
  yield { rule: "fallback", intent: FALLBACK[request.situation] };
}
