// Edit cases on JavaScript and TypeScript canvases, each with a test run by node + tsx against the
// canvas after the turn and a reference answer the builder checks.
import * as C from "./code.ts";
import * as J from "./codeJs.ts";
import * as L from "./long.ts";
import * as R from "./reviewBases.ts";
import { jsTest, pyTest, tsTest } from "./codeTests.ts";
import { r, swap, t, type EditSeed } from "./editSeed.ts";

const productBlock = L.ENTITY_BLOCKS["Product"]!;
const UPDATE_PRODUCT = productBlock.slice(productBlock.indexOf("export function updateProduct"), productBlock.indexOf("export function deleteProduct")).trimEnd();
const customer = 'const c = m.createCustomer({ name: "Ana", email: "ana@x.io", country: "NL" }).value;';

export const jsEdits: EditSeed[] = [
  // tokenBucket.ts
  { canvas: J.tsBucket, slice: "fix", instruction: "The bucket refills a thousand times too fast: the clock is in milliseconds but perSecond is per second. Fix refill.",
    expect: t({ target: ["    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perSecond);"], unchanged: [J.TS_BUCKET_TAKE], maxChangedRatio: 0.1, run: { test: tsTest(
      "let now = 0;",
      "const bucket = new m.TokenBucket(2, 1, () => now);",
      "assert.equal(bucket.take(), true); assert.equal(bucket.take(), true); assert.equal(bucket.take(), false);",
      "now = 500; assert.equal(bucket.take(), false);",
      "now = 1000; assert.equal(bucket.take(), true); assert.equal(bucket.take(), false);") } }),
    reference: (s) => swap(s, "elapsed * this.perSecond", "(elapsed / 1000) * this.perSecond") },
  { canvas: J.tsBucket, slice: "insert", instruction: "Add a reset() method that fills the bucket back to capacity.",
    expect: t({ mustContain: ["reset()"], unchanged: [J.TS_BUCKET_TAKE, J.TS_BUCKET_REFILL], maxChangedRatio: 0.3, run: { test: tsTest(
      "const bucket = new m.TokenBucket(1, 0, () => 0);",
      "assert.equal(bucket.take(), true); assert.equal(bucket.take(), false);",
      "bucket.reset();",
      "assert.equal(bucket.take(), true);") } }),
    reference: (s) => swap(s, "  private refill(): void {", "  reset(): void {\n    this.tokens = this.capacity;\n    this.last = this.clock();\n  }\n\n  private refill(): void {") },
  { canvas: J.tsBucket, slice: "rename", instruction: "Rename the class TokenBucket to RateLimiter.",
    expect: t({ mustContain: ["export class RateLimiter"], mustNotContain: ["TokenBucket"], maxChangedRatio: 0.05, run: { test: tsTest(
      "assert.equal(m.TokenBucket, undefined);",
      "const limiter = new m.RateLimiter(1, 1, () => 0);",
      "assert.equal(limiter.take(), true);") } }),
    reference: (s) => s.replaceAll("TokenBucket", "RateLimiter") },

  // money.ts
  { canvas: J.tsMoney, slice: "fix", instruction: "formatCents(-150) prints \"€-2.-50\". Make negative amounts print as \"-€1.50\".",
    expect: t({ target: [J.TS_MONEY_FORMAT], unchanged: [J.TS_MONEY_VAT, J.TS_MONEY_SPLIT], maxChangedRatio: 0.35, run: { test: tsTest(
      'assert.equal(m.formatCents(-150), "-€1.50");',
      'assert.equal(m.formatCents(1234), "€12.34");',
      'assert.equal(m.formatCents(5), "€0.05");') } }),
    reference: (s) => swap(s, J.TS_MONEY_FORMAT, [
      "export function formatCents(cents: number): string {",
      '  const sign = cents < 0 ? "-" : "";',
      "  const abs = Math.abs(cents);",
      '  return `${sign}€${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;',
      "}",
    ].join("\n")) },
  { canvas: J.tsMoney, slice: "fix", instruction: "withVat returns fractions of a cent. Round it to the nearest whole cent.",
    expect: t({ target: ["  return cents * (1 + rate);"], unchanged: [J.TS_MONEY_FORMAT, J.TS_MONEY_SPLIT], maxChangedRatio: 0.1, run: { test: tsTest(
      "assert.equal(m.withVat(999), 1209);",
      "assert.equal(m.withVat(100, 0.09), 109);",
      "assert.deepEqual(m.splitEvenly(10, 3), [4, 3, 3]);") } }),
    reference: (s) => swap(s, "  return cents * (1 + rate);", "  return Math.round(cents * (1 + rate));") },
  { canvas: J.tsMoney, slice: "translate", instruction: "Port money.ts to Python.",
    expect: r({ mustNotContain: ["export function", ": number"], entities: ["0.21"], run: { language: "python", test: pyTest(
      'fmt = getattr(subject, "format_cents", None) or getattr(subject, "formatCents")',
      'split = getattr(subject, "split_evenly", None) or getattr(subject, "splitEvenly")',
      'assert fmt(1234) == "€12.34"',
      "assert split(10, 3) == [4, 3, 3]") } }),
    reference: () => [
      "def format_cents(cents):",
      "    euros = cents // 100",
      '    return f"€{euros}.{cents % 100:02d}"',
      "",
      "",
      "def with_vat(cents, rate=0.21):",
      "    return cents * (1 + rate)",
      "",
      "",
      "def split_evenly(cents, people):",
      "    share = cents // people",
      "    shares = [share] * people",
      "    for i in range(cents - share * people):",
      "        shares[i] += 1",
      "    return shares",
    ].join("\n") },

  // emitter.js
  { canvas: J.jsEmitter, slice: "fix", instruction: "off() removes every listener for the event, not just the one passed in. Fix it.",
    expect: t({ target: ["    delete this.listeners[event];"], unchanged: [J.JS_EMITTER_ON, J.JS_EMITTER_EMIT], maxChangedRatio: 0.2, run: { test: jsTest(
      "const e = new m.Emitter(); const seen = [];",
      "const a = () => seen.push('a'); const b = () => seen.push('b');",
      "e.on('x', a).on('x', b); e.off('x', a); e.emit('x');",
      "assert.deepEqual(seen, ['b']);") } }),
    reference: (s) => swap(s, "    delete this.listeners[event];", "    this.listeners[event] = (this.listeners[event] ?? []).filter((item) => item !== listener);") },
  { canvas: J.jsEmitter, slice: "insert", instruction: "Add a once(event, listener) method: the listener runs on the next emit only.",
    expect: t({ mustContain: ["once(event, listener)"], unchanged: [J.JS_EMITTER_ON, J.JS_EMITTER_EMIT], maxChangedRatio: 0.8, run: { test: jsTest(
      "const e = new m.Emitter(); let count = 0;",
      "e.once('x', () => count++); e.emit('x'); e.emit('x');",
      "assert.equal(count, 1);") } }),
    reference: (s) => swap(s, "  emit(event, ...args) {", "  once(event, listener) {\n    const wrapper = (...args) => {\n      this.listeners[event] = (this.listeners[event] ?? []).filter((item) => item !== wrapper);\n      listener(...args);\n    };\n    return this.on(event, wrapper);\n  }\n\n  emit(event, ...args) {") },
  { canvas: J.jsEmitter, slice: "translate", instruction: "Port the emitter to TypeScript with types for the listeners.",
    expect: r({ language: undefined, mustContain: [": "], mustNotContain: ["module.exports"], entities: ["Emitter"], run: { language: "typescript", test: tsTest(
      "const e = new m.Emitter(); const seen = [];",
      "e.on('x', (v) => seen.push(v)); e.emit('x', 1);",
      "assert.deepEqual(seen, [1]);") } }),
    reference: () => [
      "type Listener = (...args: unknown[]) => void;",
      "",
      "export class Emitter {",
      "  private listeners: Record<string, Listener[]> = {};",
      "",
      "  on(event: string, listener: Listener): this {",
      "    (this.listeners[event] ??= []).push(listener);",
      "    return this;",
      "  }",
      "",
      "  off(event: string, _listener: Listener): void {",
      "    delete this.listeners[event];",
      "  }",
      "",
      "  emit(event: string, ...args: unknown[]): void {",
      "    for (const listener of this.listeners[event] ?? []) listener(...args);",
      "  }",
      "}",
    ].join("\n") },

  // validate.ts
  { canvas: J.tsValidate, slice: "fix", instruction: "isEmail accepts \"not an email: a@b.co!!\" because the pattern is not anchored. Fix it.",
    expect: t({ target: ["  return /[^@\\s]+@[^@\\s]+\\.[a-z]{2,}/i.test(value);"], unchanged: [J.TS_VALID_POSTCODE, J.TS_VALID_PHONE], maxChangedRatio: 0.1, run: { test: tsTest(
      'assert.equal(m.isEmail("ana@example.com"), true);',
      'assert.equal(m.isEmail("not an email: a@b.co!!"), false);',
      'assert.equal(m.isDutchPostcode("1234 ab"), true);') } }),
    reference: (s) => swap(s, "/[^@\\s]+@[^@\\s]+\\.[a-z]{2,}/i", "/^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$/i") },
  { canvas: J.tsValidate, slice: "delete", instruction: "Delete legacyCheck; nothing uses it.",
    expect: t({ target: ["function legacyCheck(value: string): boolean {\n  return value.length > 0;\n}"], mustNotContain: ["legacyCheck"], deletion: true, unchanged: [J.TS_VALID_EMAIL, J.TS_VALID_POSTCODE, J.TS_VALID_PHONE], maxChangedRatio: 0.3, run: { test: tsTest(
      "import { readFileSync } from 'node:fs';",
      "assert.ok(!readFileSync('subject.ts', 'utf8').includes('legacyCheck'));",
      'assert.equal(m.normalisePhone("(020) 123-45"), "02012345");') } }),
    reference: (s) => s.slice(0, s.indexOf("\n\nfunction legacyCheck")) },
  { canvas: J.tsValidate, slice: "selection", instruction: "Also accept Belgian postcodes (four digits, e.g. 1000) here.", selection: J.TS_VALID_POSTCODE,
    expect: t({ unchanged: [J.TS_VALID_EMAIL, J.TS_VALID_PHONE], maxChangedRatio: 0.3, run: { test: tsTest(
      "const check = m.isDutchPostcode ?? m.isPostcode ?? m.isBeneluxPostcode;",
      'assert.equal(check("1000"), true);',
      'assert.equal(check("1234 AB"), true);',
      'assert.equal(check("123"), false);') } }),
    reference: (s) => swap(s, "/^[1-9][0-9]{3} ?[A-Z]{2}$/", "/^[1-9][0-9]{3}( ?[A-Z]{2})?$/") },

  // todos.js
  { canvas: J.jsTodos, slice: "fix", instruction: "toggle changes the todo inside the array it was given. Make it return a new array and leave the input alone.",
    expect: t({ target: [J.JS_TODOS_TOGGLE], unchanged: [J.JS_TODOS_REMAINING], maxChangedRatio: 0.35, run: { test: jsTest(
      "const before = [{ id: 1, title: 'a', done: false }];",
      "const after = m.toggle(before, 1);",
      "assert.equal(before[0].done, false);",
      "assert.equal(after[0].done, true);",
      "assert.equal(m.remaining(after), 0);") } }),
    reference: (s) => swap(s, J.JS_TODOS_TOGGLE, "function toggle(todos, id) {\n  return todos.map((item) => (item.id === id ? { ...item, done: !item.done } : item));\n}") },
  { canvas: J.jsTodos, slice: "delete", instruction: "Remove the console.log.",
    expect: t({ mustNotContain: ["console.log"], deletion: true, unchanged: [J.JS_TODOS_TOGGLE, J.JS_TODOS_REMAINING], maxChangedRatio: 0.15, run: { test: jsTest(
      "const list = m.addTodo([], 'milk');",
      "assert.deepEqual(list, [{ id: 1, title: 'milk', done: false }]);",
      "assert.deepEqual(logs, []);") } }),
    reference: (s) => swap(s, '  console.log("adding", title);\n', "") },
  { canvas: J.jsTodos, slice: "insert", instruction: "Add clearCompleted(todos), which returns the todos that are not done, and export it.",
    expect: t({ mustContain: ["clearCompleted"], unchanged: [J.JS_TODOS_TOGGLE, J.JS_TODOS_REMAINING], maxChangedRatio: 0.4, run: { test: jsTest(
      "const list = [{ id: 1, done: true }, { id: 2, done: false }];",
      "assert.deepEqual(m.clearCompleted(list), [{ id: 2, done: false }]);") } }),
    reference: (s) => swap(s, "module.exports = { addTodo, toggle, remaining };", "function clearCompleted(todos) {\n  return todos.filter((item) => !item.done);\n}\n\nmodule.exports = { addTodo, toggle, remaining, clearCompleted };") },

  // timing.js
  { canvas: J.jsTiming, slice: "fix", instruction: "debounce calls fn once per call instead of once after the calls stop. Fix it.",
    expect: t({ target: ["    timer = setTimeout(() => fn.apply(this, args), waitMs);"], unchanged: [J.JS_ONCE], maxChangedRatio: 0.15, run: { test: jsTest(
      "let calls = 0;",
      "const f = m.debounce(() => calls++, 20);",
      "f(); f(); f();",
      "await new Promise((resolve) => setTimeout(resolve, 80));",
      "assert.equal(calls, 1);") } }),
    reference: (s) => swap(s, "    timer = setTimeout(", "    clearTimeout(timer);\n    timer = setTimeout(") },
  { canvas: J.jsTiming, slice: "rename", instruction: "Rename once to runOnce, including the export.",
    expect: t({ mustContain: ["function runOnce(fn)"], mustNotContain: ["function once(", " once }"], unchanged: [J.JS_DEBOUNCE], maxChangedRatio: 0.05, run: { test: jsTest(
      "assert.equal(m.once, undefined);",
      "let n = 0; const g = m.runOnce(() => ++n); g(); g();",
      "assert.equal(n, 1);") } }),
    reference: (s) => swap(swap(s, "function once(fn)", "function runOnce(fn)"), "{ debounce, once }", "{ debounce, runOnce }") },

  // cartReducer.ts
  { canvas: J.tsCart, slice: "fix", instruction: "The reducer returns undefined for setQty. Handle setQty, and return the state unchanged for any unknown action.",
    expect: t({ target: [J.TS_CART_REDUCER], maxChangedRatio: 0.4, run: { test: tsTest(
      "const s1 = m.cartReducer({ lines: [] }, { type: 'add', sku: 'a' });",
      "const s2 = m.cartReducer(s1, { type: 'setQty', sku: 'a', qty: 5 });",
      "assert.equal(m.itemCount(s2), 5);",
      "assert.equal(m.cartReducer(s2, { type: 'nope' }), s2);") } }),
    reference: (s) => swap(s, '      return { ...state, lines: state.lines.filter((line) => line.sku !== action.sku) };\n  }', '      return { ...state, lines: state.lines.filter((line) => line.sku !== action.sku) };\n    case "setQty":\n      return { ...state, lines: state.lines.map((line) => (line.sku === action.sku ? { ...line, qty: action.qty } : line)) };\n    default:\n      return state;\n  }') },
  { canvas: J.tsCart, slice: "insert", instruction: "Add a \"clear\" action that empties the cart.",
    expect: t({ mustContain: ['"clear"'], maxChangedRatio: 0.3, run: { test: tsTest(
      "const s1 = m.cartReducer({ lines: [] }, { type: 'add', sku: 'a' });",
      "assert.deepEqual(m.cartReducer(s1, { type: 'clear' }).lines, []);") } }),
    reference: (s) => swap(swap(s, '| { type: "setQty"; sku: string; qty: number };', '| { type: "setQty"; sku: string; qty: number } | { type: "clear" };'), '    case "remove":', '    case "clear":\n      return { ...state, lines: [] };\n    case "remove":') },

  // users.ts
  { canvas: C.tsUsers, slice: "rename", instruction: "Rename getUsr to getUser.",
    expect: t({ mustContain: ["export function getUser(id: string)"], mustNotContain: ["getUsr"], unchanged: [C.TS_USERS_ADD, C.TS_USERS_FIND, C.TS_USERS_LIST], maxChangedRatio: 0.05, run: { test: tsTest(
      "assert.equal(m.getUsr, undefined);",
      "const u = m.addUser('a@x.io', 'A');",
      "assert.equal(m.getUser(u.id), u);") } }),
    reference: (s) => s.replace("getUsr", "getUser") },
  { canvas: C.tsUsers, slice: "fix", instruction: "Make findByEmail case-insensitive.",
    expect: t({ target: ["    if (user.email === email) return user;"], unchanged: [C.TS_USERS_ADD, C.TS_USERS_LIST], maxChangedRatio: 0.15, run: { test: tsTest(
      "m.addUser('Ann@Example.com', 'Ann');",
      "assert.equal(m.findByEmail('ann@example.com')?.name, 'Ann');",
      "assert.equal(m.findByEmail('bob@example.com'), undefined);") } }),
    reference: (s) => swap(s, "if (user.email === email) return user;", "if (user.email.toLowerCase() === email.toLowerCase()) return user;") },
  { canvas: C.tsUsers, slice: "delete", instruction: "Remove the console.log.",
    expect: t({ mustNotContain: ["console.log"], deletion: true, unchanged: [C.TS_USERS_ADD, C.TS_USERS_FIND, C.TS_USERS_LIST], maxChangedRatio: 0.1, run: { test: tsTest(
      "const u = m.addUser('a@x.io', 'A');",
      "assert.equal(m.removeUser(u.id), true);",
      "assert.deepEqual(logs, []);") } }),
    reference: (s) => swap(s, '  console.log("removing", id);\n', "") },
  { canvas: C.tsUsers, slice: "insert", instruction: "Add an updateUser(id, changes) function that updates a user's email or name.",
    expect: t({ mustContain: ["export function updateUser("], unchanged: [C.TS_USERS_ADD, C.TS_USERS_FIND, C.TS_USERS_LIST], maxChangedRatio: 0.5, run: { test: tsTest(
      "const u = m.addUser('a@x.io', 'A');",
      "m.updateUser(u.id, { name: 'B' });",
      "assert.equal(m.getUsr(u.id).name, 'B');",
      "assert.equal(m.getUsr(u.id).email, 'a@x.io');") } }),
    reference: (s) => `${s}\n\nexport function updateUser(id: string, changes: Partial<Pick<User, "email" | "name">>): User | undefined {\n  const user = users.get(id);\n  if (!user) return undefined;\n  Object.assign(user, changes);\n  return user;\n}` },

  // cart.js
  { canvas: C.jsCart, slice: "delete", instruction: "Remove all the console.log statements.",
    expect: t({ mustNotContain: ["console.log"], deletion: true, unchanged: [C.JS_CART_ADD, C.JS_CART_REMOVE], maxChangedRatio: 0.2, run: { test: jsTest(
      "assert.ok(Math.abs(m.cartTotal([{ price: 10, qty: 2 }]) - 24) < 1e-9);",
      "assert.deepEqual(logs, []);") } }),
    reference: (s) => s.replace(/\n {2}console\.log\([^\n]*\);/g, "") },
  { canvas: C.jsCart, slice: "fix", instruction: "addItem should not mutate the cart it receives.",
    expect: t({ target: [C.JS_CART_ADD], unchanged: [C.JS_CART_REMOVE], maxChangedRatio: 0.2, run: { test: jsTest(
      "const cart = [];",
      "const next = m.addItem(cart, { name: 'pen', price: 1, qty: 1 });",
      "assert.equal(cart.length, 0);",
      "assert.equal(next.length, 1);") } }),
    reference: (s) => swap(s, "  cart.push(item);\n  return cart;", "  return [...cart, item];") },
  { canvas: C.jsCart, slice: "fix", instruction: "Use strict inequality in removeItem.",
    expect: t({ mustContain: ["item.name !== name"], mustNotContain: ["item.name != name"], unchanged: [C.JS_CART_ADD], maxChangedRatio: 0.05, run: { test: jsTest(
      "assert.deepEqual(m.removeItem([{ name: '1' }, { name: 1 }], 1), [{ name: '1' }]);") } }),
    reference: (s) => swap(s, "item.name != name", "item.name !== name") },
  { canvas: C.jsCart, slice: "restructure", instruction: "Convert the whole file to an ES module with arrow functions.",
    expect: r({ mustContain: ["export"], mustNotContain: ["module.exports", "function ("], entities: ["TAX_RATE", "cartTotal"], run: { test: jsTest(
      "assert.ok(Math.abs(m.cartTotal([{ price: 10, qty: 1 }]) - 12) < 1e-9);",
      "assert.deepEqual(m.removeItem([{ name: 'a' }, { name: 'b' }], 'a'), [{ name: 'b' }]);") } }),
    reference: () => [
      "const TAX_RATE = 0.2;",
      "",
      "export const cartTotal = (cart) => cart.reduce((total, item) => total + item.price * item.qty, 0) * (1 + TAX_RATE);",
      "",
      "export const addItem = (cart, item) => [...cart, item];",
      "",
      "export const removeItem = (cart, name) => cart.filter((item) => item.name !== name);",
    ].join("\n") },

  // userStore.ts and orderService.ts
  { canvas: R.tsUserStore, slice: "insert", instruction: "Add listUsers(), returning all users sorted by name.",
    expect: t({ mustContain: ["export function listUsers("], unchanged: ["export function getUser(id: string): User | undefined {\n  return users.get(id);\n}"], maxChangedRatio: 0.35, run: { test: tsTest(
      "m.addUser('b@x.io', 'Bea'); m.addUser('a@x.io', 'Al');",
      "assert.deepEqual(m.listUsers().map((u) => u.name), ['Al', 'Bea']);") } }),
    reference: (s) => `${s}\n\nexport function listUsers(): User[] {\n  return [...users.values()].sort((a, b) => a.name.localeCompare(b.name));\n}` },
  { canvas: L.orderService, slice: "fix", instruction: "paginate returns one item too many. Fix it.",
    expect: t({ target: ["  return items.slice(start, start + size + 1);"], unchanged: [L.TS_TOTAL, L.ENTITY_BLOCKS["Customer"]!, L.ENTITY_BLOCKS["Invoice"]!], maxChangedRatio: 0.01, run: { test: tsTest(
      "for (const name of ['a', 'b', 'c']) m.createCustomer({ name, email: `${name}@x.io`, country: 'NL' });",
      "assert.equal(m.listCustomers(1, 2).length, 2);",
      "assert.equal(m.listCustomers(2, 2).length, 1);") } }),
    reference: (s) => swap(s, "start + size + 1", "start + size") },
  { canvas: L.orderService, slice: "rename", instruction: "Rename findCustomerById to getCustomer.",
    expect: t({ mustContain: ["export function getCustomer(id: string)", "const customer = getCustomer(customerId);"], mustNotContain: ["findCustomerById"], unchanged: [L.TS_PAGINATE, L.ENTITY_BLOCKS["Product"]!], maxChangedRatio: 0.01, run: { test: tsTest(
      customer,
      "assert.equal(m.findCustomerById, undefined);",
      "assert.equal(m.getCustomer(c.id), c);") } }),
    reference: (s) => s.replaceAll("findCustomerById", "getCustomer") },
  { canvas: L.orderService, slice: "delete", instruction: "Remove the debug logging in createOrder.",
    expect: t({ mustNotContain: ["console.log"], deletion: true, unchanged: [L.TS_PAGINATE, L.TS_TOTAL, L.ENTITY_BLOCKS["Supplier"]!], maxChangedRatio: 0.01, run: { test: tsTest(
      customer,
      "const p = m.createProduct({ sku: 's', title: 'Pen', priceCents: 100 }).value;",
      "assert.equal(m.createOrder(c.id, [{ productId: p.id, quantity: 2 }]).ok, true);",
      "assert.deepEqual(logs, []);") } }),
    reference: (s) => swap(s, '  console.log("creating order for", customer.email, lines);\n', "") },
  { canvas: L.orderService, slice: "fix", instruction: "totalFor should round to whole cents before converting to dollars.",
    expect: t({ target: [L.TS_TOTAL], unchanged: [L.TS_PAGINATE, L.TS_LEGACY, L.ENTITY_BLOCKS["Shipment"]!], maxChangedRatio: 0.02, run: { test: tsTest(
      "assert.equal(m.totalFor({ lines: [{ unitPriceCents: 333, quantity: 1 }] }), 3.6);",
      "assert.equal(m.totalFor({ lines: [{ unitPriceCents: 1000, quantity: 2 }] }), 21.6);") } }),
    reference: (s) => swap(s, "  return (gross * (1 + TAX_RATE)) / 100;", "  return Math.round(gross * (1 + TAX_RATE)) / 100;") },
  { canvas: L.orderService, slice: "selection", instruction: "Reject a negative price here.", selection: UPDATE_PRODUCT,
    expect: t({ mustContain: ["< 0"], unchanged: [L.ENTITY_BLOCKS["Customer"]!, L.ENTITY_BLOCKS["Supplier"]!, L.TS_TOTAL], maxChangedRatio: 0.03, run: { test: tsTest(
      "const p = m.createProduct({ sku: 's', title: 'Pen', priceCents: 100 }).value;",
      "assert.equal(m.updateProduct(p.id, { priceCents: -5 }).ok, false);",
      "assert.equal(m.findProductById(p.id).priceCents, 100);",
      "assert.equal(m.updateProduct(p.id, { priceCents: 80 }).ok, true);") } }),
    reference: (s) => swap(s, "  const current = productStore.get(id);", '  if (changes.priceCents !== undefined && changes.priceCents < 0) return { ok: false, error: "Price cannot be negative" };\n  const current = productStore.get(id);') },
  { canvas: L.orderService, slice: "rename", instruction: "Rename the Warehouse type to Depot everywhere, including function names.",
    expect: t({ mustContain: ["export interface Depot {", "export function createDepot("], mustNotContain: ["Warehouse"], unchanged: [L.ENTITY_BLOCKS["Customer"]!, L.TS_TOTAL], maxChangedRatio: 0.03, run: { test: tsTest(
      "assert.equal(m.createWarehouse, undefined);",
      "const d = m.createDepot({ code: 'D1', city: 'Utrecht', capacity: 10 }).value;",
      "assert.equal(m.findDepotById(d.id).city, 'Utrecht');") } }),
    reference: (s) => s.replaceAll("Warehouse", "Depot") },
  { canvas: L.orderService, slice: "insert", instruction: "Add a countOrdersByStatus(status) function after listOrders.",
    expect: t({ mustContain: ["countOrdersByStatus"], unchanged: [L.TS_PAGINATE, L.TS_TOTAL, L.ENTITY_BLOCKS["Customer"]!], maxChangedRatio: 0.05, run: { test: tsTest(
      customer,
      "const p = m.createProduct({ sku: 's', title: 'Pen', priceCents: 100 }).value;",
      "m.createOrder(c.id, [{ productId: p.id, quantity: 1 }]);",
      "assert.equal(m.countOrdersByStatus('draft'), 1);",
      "assert.equal(m.countOrdersByStatus('placed'), 0);") } }),
    reference: (s) => swap(s, "export function placeOrder(", "export function countOrdersByStatus(status: OrderStatus): number {\n  return [...orderStore.values()].filter((order) => order.status === status).length;\n}\n\nexport function placeOrder(") },
];
