// Small JavaScript and TypeScript modules (raw source) with realistic bugs. Edit cases run a test
// against the canvas after the turn with node + tsx (editCode.ts); no dependencies beyond Node.
import { family } from "./family.ts";
import type { CanvasSeed } from "./writing.ts";

const code = (title: string, language: string, lines: string[]): CanvasSeed => ({ kind: "code", language, title, content: lines.join("\n") });

export const TS_BUCKET_TAKE = [
  "  take(): boolean {",
  "    this.refill();",
  "    if (this.tokens < 1) return false;",
  "    this.tokens -= 1;",
  "    return true;",
  "  }",
].join("\n");
export const TS_BUCKET_REFILL = [
  "  private refill(): void {",
  "    const now = this.clock();",
  "    const elapsed = now - this.last;",
  "    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perSecond);",
  "    this.last = now;",
  "  }",
].join("\n");
export const tsBucket = family("ts-bucket", code("tokenBucket.ts", "typescript", [
  "/** Allows `capacity` requests at once, refilled at `perSecond` tokens per second. */",
  "export class TokenBucket {",
  "  private tokens: number;",
  "  private last: number;",
  "",
  "  constructor(",
  "    private readonly capacity: number,",
  "    private readonly perSecond: number,",
  "    private readonly clock: () => number = Date.now,",
  "  ) {",
  "    this.tokens = capacity;",
  "    this.last = clock();",
  "  }",
  "",
  TS_BUCKET_TAKE,
  "",
  TS_BUCKET_REFILL,
  "}",
]));

export const TS_MONEY_FORMAT = [
  "export function formatCents(cents: number): string {",
  "  const euros = Math.floor(cents / 100);",
  '  const rest = String(cents % 100).padStart(2, "0");',
  "  return `€${euros}.${rest}`;",
  "}",
].join("\n");
export const TS_MONEY_VAT = [
  "export function withVat(cents: number, rate = 0.21): number {",
  "  return cents * (1 + rate);",
  "}",
].join("\n");
export const TS_MONEY_SPLIT = [
  "export function splitEvenly(cents: number, people: number): number[] {",
  "  const share = Math.floor(cents / people);",
  "  const shares = Array.from({ length: people }, () => share);",
  "  for (let i = 0; i < cents - share * people; i++) shares[i] += 1;",
  "  return shares;",
  "}",
].join("\n");
export const tsMoney = family("ts-money", code("money.ts", "typescript", [TS_MONEY_FORMAT, "", TS_MONEY_VAT, "", TS_MONEY_SPLIT]));

export const JS_EMITTER_OFF = [
  "  off(event, listener) {",
  "    delete this.listeners[event];",
  "  }",
].join("\n");
export const JS_EMITTER_ON = [
  "  on(event, listener) {",
  "    (this.listeners[event] ??= []).push(listener);",
  "    return this;",
  "  }",
].join("\n");
export const JS_EMITTER_EMIT = [
  "  emit(event, ...args) {",
  "    for (const listener of this.listeners[event] ?? []) listener(...args);",
  "  }",
].join("\n");
export const jsEmitter = family("js-emitter", code("emitter.js", "javascript", [
  "class Emitter {",
  "  constructor() {",
  "    this.listeners = {};",
  "  }",
  "",
  JS_EMITTER_ON,
  "",
  JS_EMITTER_OFF,
  "",
  JS_EMITTER_EMIT,
  "}",
  "",
  "module.exports = { Emitter };",
]));

export const TS_VALID_EMAIL = [
  "export function isEmail(value: string): boolean {",
  "  return /[^@\\s]+@[^@\\s]+\\.[a-z]{2,}/i.test(value);",
  "}",
].join("\n");
export const TS_VALID_POSTCODE = [
  "export function isDutchPostcode(value: string): boolean {",
  "  return /^[1-9][0-9]{3} ?[A-Z]{2}$/.test(value.toUpperCase());",
  "}",
].join("\n");
export const TS_VALID_PHONE = [
  "export function normalisePhone(value: string): string {",
  '  return value.replace(/[\\s()-]/g, "");',
  "}",
].join("\n");
export const tsValidate = family("ts-validate", code("validate.ts", "typescript", [
  TS_VALID_EMAIL,
  "",
  TS_VALID_POSTCODE,
  "",
  TS_VALID_PHONE,
  "",
  "function legacyCheck(value: string): boolean {",
  "  return value.length > 0;",
  "}",
]));

export const JS_TODOS_TOGGLE = [
  "function toggle(todos, id) {",
  "  const todo = todos.find((item) => item.id === id);",
  "  todo.done = !todo.done;",
  "  return todos;",
  "}",
].join("\n");
export const JS_TODOS_ADD = [
  "function addTodo(todos, title) {",
  '  console.log("adding", title);',
  "  const id = todos.length ? Math.max(...todos.map((item) => item.id)) + 1 : 1;",
  "  return [...todos, { id, title, done: false }];",
  "}",
].join("\n");
export const JS_TODOS_REMAINING = [
  "function remaining(todos) {",
  "  return todos.filter((item) => !item.done).length;",
  "}",
].join("\n");
export const jsTodos = family("js-todos", code("todos.js", "javascript", [
  JS_TODOS_ADD,
  "",
  JS_TODOS_TOGGLE,
  "",
  JS_TODOS_REMAINING,
  "",
  "module.exports = { addTodo, toggle, remaining };",
]));

export const JS_DEBOUNCE = [
  "function debounce(fn, waitMs) {",
  "  let timer = null;",
  "  return function (...args) {",
  "    timer = setTimeout(() => fn.apply(this, args), waitMs);",
  "  };",
  "}",
].join("\n");
export const JS_ONCE = [
  "function once(fn) {",
  "  let called = false;",
  "  let result;",
  "  return function (...args) {",
  "    if (!called) {",
  "      called = true;",
  "      result = fn.apply(this, args);",
  "    }",
  "    return result;",
  "  };",
  "}",
].join("\n");
export const jsTiming = family("js-timing", code("timing.js", "javascript", [JS_DEBOUNCE, "", JS_ONCE, "", "module.exports = { debounce, once };"]));

export const TS_CART_REDUCER = [
  "export function cartReducer(state: CartState, action: CartAction): CartState {",
  "  switch (action.type) {",
  '    case "add": {',
  "      const existing = state.lines.find((line) => line.sku === action.sku);",
  "      const lines = existing",
  "        ? state.lines.map((line) => (line.sku === action.sku ? { ...line, qty: line.qty + 1 } : line))",
  "        : [...state.lines, { sku: action.sku, qty: 1 }];",
  "      return { ...state, lines };",
  "    }",
  '    case "remove":',
  "      return { ...state, lines: state.lines.filter((line) => line.sku !== action.sku) };",
  "  }",
  "}",
].join("\n");
export const tsCart = family("ts-cart", code("cartReducer.ts", "typescript", [
  "export interface CartLine {",
  "  sku: string;",
  "  qty: number;",
  "}",
  "",
  "export interface CartState {",
  "  lines: CartLine[];",
  "}",
  "",
  'export type CartAction = { type: "add"; sku: string } | { type: "remove"; sku: string } | { type: "setQty"; sku: string; qty: number };',
  "",
  TS_CART_REDUCER,
  "",
  "export function itemCount(state: CartState): number {",
  "  return state.lines.reduce((sum, line) => sum + line.qty, 0);",
  "}",
]));

export const JS_BASES: CanvasSeed[] = [tsBucket, tsMoney, jsEmitter, tsValidate, jsTodos, jsTiming, tsCart];
