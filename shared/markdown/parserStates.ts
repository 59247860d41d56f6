// markdown-it's parser states with cheaper tokens, for the one parser instance of parse.ts.
//
// markdown-it's build sets each Token field through a `defineProperty` helper shared by every class it
// has (property keys normalised, stores megamorphic): on inputs that are all tokens ("*a **b" repeated,
// tables) that constructor was about a third of the parse. Delimiter scanning also tested every ASCII
// letter against Unicode punctuation regexes. The states below build the same tokens (same prototype,
// same fields in the same order) and classify ASCII by table; the token stream is identical.
import markdownItFactory, { type MarkdownIt, type Token } from "markdown-it";

type Nesting = -1 | 0 | 1;

const TokenClass = markdownItFactory.Token;

/** A Token exactly as `new Token(type, tag, nesting)` makes it (fields in its order), without the helper. */
export function makeToken(type: string, tag: string, nesting: Nesting): Token {
  const token = Object.create(TokenClass.prototype) as Token;
  token.map = null;
  token.level = 0;
  token.children = null;
  token.content = "";
  token.markup = "";
  token.info = "";
  token.block = false;
  token.hidden = false;
  token.type = type;
  token.tag = tag;
  token.attrs = null;
  token.nesting = nesting;
  token.meta = null;
  return token;
}

/** `new Token(…)` for the rules that call `new state.Token(…)` (core: inline, linkify). */
function TokenFactory(this: unknown, type: string, tag: string, nesting: Nesting): Token {
  return makeToken(type, tag, nesting);
}
const TokenConstructor = TokenFactory as unknown as typeof TokenClass;

/** Unicode punctuation or symbol, as markdown-it decides it; ASCII by its table (the regexes agree there). */
function isPunctuation(md: MarkdownIt, code: number): boolean {
  return code < 0x80 ? md.utils.isMdAsciiPunct(code) : md.utils.isPunctChar(md.utils.fromCodePoint(code));
}

/** Install the cheaper states on `md` (its own parsers only; other markdown-it instances are untouched). */
export function useCheapTokens(md: MarkdownIt): void {
  const utils = md.utils;

  class CoreState extends md.core.State {
    constructor(...args: ConstructorParameters<typeof md.core.State>) {
      super(...args);
      this.Token = TokenConstructor;
    }
  }

  class BlockState extends md.block.State {
    constructor(...args: ConstructorParameters<typeof md.block.State>) {
      super(...args);
      this.Token = TokenConstructor;
    }

    override push(type: string, tag: string, nesting: Nesting): Token {
      const token = makeToken(type, tag, nesting);
      token.block = true;
      if (nesting < 0) this.level--;
      token.level = this.level;
      if (nesting > 0) this.level++;
      this.tokens.push(token);
      return token;
    }
  }

  const Inline = md.inline.State;
  type InlineState = InstanceType<typeof Inline>;
  // A state per inline run (every table cell has one): its fields are set here, in the order of
  // markdown-it's constructor, instead of through the base constructor and its helper.
  function InlineState(
    this: InlineState,
    src: string,
    parser: MarkdownIt,
    env: InlineState["env"],
    tokens: Token[],
  ): void {
    this.pos = 0;
    this.level = 0;
    this.pending = "";
    this.pendingLevel = 0;
    this.cache = {};
    this.backticks = {};
    this.backticksScanned = false;
    this.skipHtmlSpecial = false;
    this.linkLevel = 0;
    this.delimiters = [];
    this._prev_delimiters = [];
    this.Token = TokenConstructor;
    this.src = src;
    this.env = env;
    this.md = parser;
    this.tokens = tokens;
    this.tokens_meta = Array<InlineState["tokens_meta"][number]>(tokens.length);
    this.posMax = src.length;
  }
  const methods: Pick<InlineState, "pushPending" | "push" | "scanDelims"> & ThisType<InlineState> = {
    pushPending(): Token {
      const token = makeToken("text", "", 0);
      token.content = this.pending;
      token.level = this.pendingLevel;
      this.tokens.push(token);
      this.pending = "";
      return token;
    },

    push(type: string, tag: string, nesting: Nesting): Token {
      if (this.pending) this.pushPending();
      const token = makeToken(type, tag, nesting);
      let meta: { delimiters: InlineState["delimiters"] } | undefined;
      if (nesting < 0) {
        this.level--;
        this.delimiters = this._prev_delimiters.pop()!;
      }
      token.level = this.level;
      if (nesting > 0) {
        this.level++;
        this._prev_delimiters.push(this.delimiters);
        this.delimiters = [];
        meta = { delimiters: this.delimiters };
      }
      this.pendingLevel = this.level;
      this.tokens.push(token);
      this.tokens_meta.push(meta);
      return token;
    },

    /** markdown-it's scanDelims (CommonMark's flanking rules), line for line, with ASCII classified by table. */
    scanDelims(start: number, canSplitWord: boolean): { can_open: boolean; can_close: boolean; length: number } {
      const src = this.src;
      const max = this.posMax;
      const marker = src.charCodeAt(start);
      let lastChar: number;
      if (start === 0) lastChar = 0x20;
      else if (start === 1) {
        lastChar = src.charCodeAt(0);
        if ((lastChar & 0xf800) === 0xd800) lastChar = 0xfffd;
      } else {
        lastChar = src.charCodeAt(start - 1);
        if ((lastChar & 0xfc00) === 0xdc00) {
          const high = src.charCodeAt(start - 2);
          lastChar = (high & 0xfc00) === 0xd800 ? 0x10000 + ((high - 0xd800) << 10) + (lastChar - 0xdc00) : 0xfffd;
        } else if ((lastChar & 0xfc00) === 0xd800) lastChar = 0xfffd;
      }
      let pos = start;
      while (pos < max && src.charCodeAt(pos) === marker) pos++;
      const count = pos - start;
      let nextChar = pos < max ? src.charCodeAt(pos) : 0x20;
      if ((nextChar & 0xfc00) === 0xd800) {
        const low = src.charCodeAt(pos + 1);
        nextChar = (low & 0xfc00) === 0xdc00 ? 0x10000 + ((nextChar - 0xd800) << 10) + (low - 0xdc00) : 0xfffd;
      } else if ((nextChar & 0xfc00) === 0xdc00) nextChar = 0xfffd;
      const lastPunct = isPunctuation(md, lastChar);
      const nextPunct = isPunctuation(md, nextChar);
      const lastSpace = utils.isWhiteSpace(lastChar);
      const nextSpace = utils.isWhiteSpace(nextChar);
      const leftFlanking = !nextSpace && (!nextPunct || lastSpace || lastPunct);
      const rightFlanking = !lastSpace && (!lastPunct || nextSpace || nextPunct);
      return {
        can_open: leftFlanking && (canSplitWord || !rightFlanking || lastPunct),
        can_close: rightFlanking && (canSplitWord || !leftFlanking || nextPunct),
        length: count,
      };
    },
  };
  InlineState.prototype = Object.assign(Object.create(Inline.prototype) as InlineState, methods);

  md.core.State = CoreState;
  md.block.State = BlockState;
  md.inline.State = InlineState as unknown as typeof Inline;
  usePlainRuns(md);
}

/** Characters that can start inline markup: markdown-it's text rule stops at these ("/" and ":" for links). */
const MARKUP = /[\n!#$%&*+\-/:<=>@[\\\]^_`{}~]/;

/** The rules whose behaviour the plain-run shortcut stands for; with any other set it is not used. */
const INLINE_RULES =
  "text linkify newline escape backticks strikethrough emphasis link image autolink html_inline entity";
const INLINE_POST_RULES = "balance_pairs strikethrough emphasis fragments_join";

/**
 * Inline text with no character any inline rule acts on (most table cells, many paragraphs) is one text
 * token: markdown-it's text rule takes it whole and the post-processing rules find no delimiter in it,
 * so the token is made directly, without an inline state and a pass of every rule over it.
 */
function usePlainRuns(md: MarkdownIt): void {
  const inline = md.inline;
  const names = (chain: { __rules__: { name: string; enabled: boolean }[] }): string =>
    chain.__rules__
      .filter((rule) => rule.enabled)
      .map((rule) => rule.name)
      .join(" ");
  if (names(inline.ruler) !== INLINE_RULES || names(inline.ruler2) !== INLINE_POST_RULES) return;
  const parse = inline.parse.bind(inline);
  inline.parse = (src, parser, env, tokens) => {
    if (!src || MARKUP.test(src)) {
      parse(src, parser, env, tokens);
      return;
    }
    const token = makeToken("text", "", 0);
    token.content = src;
    tokens.push(token);
  };
}
