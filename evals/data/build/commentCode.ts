// Planted defects in code: security holes (SQL and shell injection, XSS, a password in the logs, a
// ReDoS-prone pattern), bugs (a negated check, a missing await, a wrong end of a queue, a mutable
// default) and performance traps (N+1 queries, quadratic string building). Canvases whose edit-suite
// version has a known bug are reviewed in a fixed copy, so the only defects are the planted ones.
import * as J from "./codeJs.ts";
import * as L from "./long.ts";
import * as P from "./codePy.ts";
import * as R from "./reviewBases.ts";
import { BUGS, CODE_REVIEW, fixed, type Variant } from "./plant.ts";

export const cleanBank = fixed(P.pyBank, [["        self.balance -= amount", '        if amount > self.balance:\n            raise ValueError("insufficient funds")\n        self.balance -= amount']]);
export const cleanLru = fixed(P.pyLru, [["        return self.items[key]", "        self.items.move_to_end(key)\n        return self.items[key]"]]);
export const cleanSlug = fixed(P.pySlug, [['r"[^a-zA-Z0-9]"', 'r"[^a-zA-Z0-9]+"']]);
export const cleanMoney = fixed(J.tsMoney, [
  [J.TS_MONEY_FORMAT, ["export function formatCents(cents: number): string {", '  const sign = cents < 0 ? "-" : "";', "  const abs = Math.abs(cents);", '  return `${sign}€${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;', "}"].join("\n")],
  ["  return cents * (1 + rate);", "  return Math.round(cents * (1 + rate));"],
]);
export const cleanEmitter = fixed(J.jsEmitter, [["    delete this.listeners[event];", "    this.listeners[event] = (this.listeners[event] ?? []).filter((item) => item !== listener);"]]);
export const cleanValidate = fixed(J.tsValidate, [
  ["/[^@\\s]+@[^@\\s]+\\.[a-z]{2,}/i", "/^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$/i"],
  ["\n\nfunction legacyCheck(value: string): boolean {\n  return value.length > 0;\n}", ""],
]);
export const cleanTiming = fixed(J.jsTiming, [["    timer = setTimeout(", "    clearTimeout(timer);\n    timer = setTimeout("]]);

const INJECTION = ["injection", "parameterized", "parameterised", "placeholder", "prepared statement", "bind", "sanitize", "sanitise", "escape"];

export const codeVariants: Variant[] = [
  { base: R.pyScores, name: "scores-a", instruction: CODE_REVIEW, plants: [
    { find: 'int(row["score"])', replace: 'eval(row["score"])', quote: 'eval(row["score"])', kind: "security", keywords: ["arbitrary code", "code execution", "int(", "int()", "unsafe", "untrusted", "injection", "dangerous"] },
  ] },
  { base: R.pyScores, name: "scores-b", instruction: BUGS, plants: [
    { find: "    if not scores:", replace: "    if scores:", quote: "if scores:", kind: "bug", keywords: ["if not scores", "not", "inverted", "negated", "backwards", "empty", "ZeroDivision", "StatisticsError"] },
  ] },
  { base: R.tsUserStore, name: "userstore-a", instruction: CODE_REVIEW, plants: [
    { find: "if (!user) return false;", replace: "if (user) return false;", quote: "if (user) return false;", kind: "bug", keywords: ["!user", "inverted", "negated", "backwards", "never removes", "always returns false", "undefined"] },
    { find: "return byEmail.get(email.toLowerCase());", replace: "return [...users.values()].find((user) => user.email === email.toLowerCase());", quote: "[...users.values()].find((user) => user.email === email.toLowerCase())", kind: "performance", severity: "suggestion", keywords: ["byEmail", "O(n)", "linear", "scan", "index", "lookup", "map"] },
  ] },
  { base: R.tsUserStore, name: "userstore-b", instruction: CODE_REVIEW, plants: [
    { find: "  byEmail.set(user.email, user);\n", replace: '  byEmail.set(user.email, user);\n  console.log("DEBUG new user", user);\n', quote: 'console.log("DEBUG new user", user);', kind: "style", severity: "info", keywords: ["logging", "remove", "leftover", "personal data", "PII", "email address", "log statement"] },
  ] },
  { base: R.expressAuth, name: "auth-a", instruction: BUGS, plants: [
    { find: 'db.query("SELECT id, password_hash FROM users WHERE email = $1", [email])', replace: "db.query(`SELECT id, password_hash FROM users WHERE email = '${email}'`)", quote: "`SELECT id, password_hash FROM users WHERE email = '${email}'`", kind: "security", keywords: [...INJECTION, "$1"] },
    { find: "  const { email, password } = req.body;\n", replace: '  const { email, password } = req.body;\n  console.log("login attempt", email, password);\n', quote: 'console.log("login attempt", email, password);', kind: "security", keywords: ["plaintext", "plain text", "logs", "leak", "leaks", "sensitive", "never log", "credentials", "secret"] },
  ] },
  { base: R.expressAuth, name: "auth-b", instruction: CODE_REVIEW, plants: [
    { find: "const ok = await bcrypt.compare(", replace: "const ok = bcrypt.compare(", quote: "const ok = bcrypt.compare(password, user.rows[0].password_hash);", kind: "bug", keywords: ["await", "promise", "Promise", "always truthy", "async"] },
    { find: 'if (!user.rows.length) {\n    return res.status(401).json({ error: "Invalid email or password" });', replace: 'if (!user.rows.length) {\n    return res.status(401).json({ error: "No account with that email" });', quote: '"No account with that email"', kind: "security", severity: "suggestion", keywords: ["enumeration", "enumerate", "reveals", "leaks", "generic", "same message", "user enumeration", "account exists"] },
  ] },
  { base: R.expressAuth, name: "auth-c", instruction: BUGS, plants: [
    { find: '  if (!req.session.userId) {\n    return res.status(401).json({ error: "Sign in first" });\n  }\n', replace: "" },
    { find: "[req.session.userId]);", replace: "[req.query.userId]);", quote: "[req.query.userId]", kind: "security", keywords: ["session", "authorization", "authorisation", "authentication", "any user", "IDOR", "insecure direct object", "spoof", "tamper", "trust"] },
  ] },
  { base: R.flaskPing, name: "ping-a", instruction: BUGS, plants: [
    { find: '    if not host.replace(".", "").replace("-", "").isalnum():\n        return jsonify(error="invalid host"), 400\n', replace: "" },
    { find: 'subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True, timeout=5)', replace: 'subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True, text=True)', quote: 'subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True, text=True)', kind: "security", keywords: ["command injection", "injection", "shell=False", "list of arguments", "argument list", "validate", "sanitize", "sanitise", "arbitrary commands"] },
    { find: "    app.run()", replace: '    app.run(host="0.0.0.0", debug=True)', quote: 'app.run(host="0.0.0.0", debug=True)', kind: "security", keywords: ["debugger", "production", "remote code", "Werkzeug", "exposed", "debug mode", "debug=False"] },
  ] },
  { base: R.jsComments, name: "comments-a", instruction: BUGS, plants: [
    { find: "body.textContent = comment.body;", replace: "body.innerHTML = comment.body;", quote: "body.innerHTML = comment.body;", kind: "security", keywords: ["XSS", "cross-site scripting", "textContent", "sanitize", "sanitise", "escape", "script injection", "untrusted"] },
    { find: "const comments = await response.json();", replace: "const comments = response.json();", quote: "const comments = response.json();", kind: "bug", keywords: ["await", "promise", "Promise", "async"] },
  ] },
  { base: R.jsComments, name: "comments-b", instruction: CODE_REVIEW, plants: [
    { find: "  list.replaceChildren(...comments.map(renderComment));", replace: "  for (const comment of comments) {\n    list.innerHTML += renderComment(comment).outerHTML;\n  }", quote: "list.innerHTML += renderComment(comment).outerHTML;", kind: "performance", severity: "suggestion", keywords: ["reparse", "re-parse", "reflow", "quadratic", "O(n²)", "O(n^2)", "replaceChildren", "append", "fragment", "DocumentFragment", "slow"] },
  ] },
  { base: R.javaReport, name: "salesreport-a", instruction: CODE_REVIEW, plants: [
    { find: "        StringBuilder out = new StringBuilder();", replace: '        String out = "";' },
    { find: '            out.append(entry.getKey()).append(": ").append(entry.getValue()).append("\\n");', replace: '            out += entry.getKey() + ": " + entry.getValue() + "\\n";', quote: 'out += entry.getKey() + ": " + entry.getValue() + "\\n";', kind: "performance", severity: "suggestion", keywords: ["StringBuilder", "quadratic", "O(n²)", "O(n^2)", "concatenation", "immutable", "copies"] },
    { find: "        return out.toString();", replace: "        return out;" },
    { find: "return sales.stream().mapToInt(Sale::amount).average().orElse(0.0);", replace: "return sales.stream().mapToInt(Sale::amount).sum() / sales.size();", quote: "sales.stream().mapToInt(Sale::amount).sum() / sales.size()", kind: "bug", keywords: ["integer division", "truncates", "truncated", "double", "cast", "average()", "rounds down"] },
  ] },
  { base: R.goWorker, name: "worker-a", instruction: CODE_REVIEW, plants: [
    { find: "\tvar mu sync.Mutex\n", replace: "" },
    { find: "\t\t\t\tmu.Lock()\n", replace: "" },
    { find: "\t\t\t\tmu.Unlock()\n", replace: "" },
    { find: "if firstErr == nil {", replace: "if firstErr == nil {", kind: "bug", keywords: ["race", "data race", "mutex", "lock", "concurrent", "synchronize", "synchronise", "errgroup"] },
  ] },
  { base: R.goWorker, name: "worker-b", instruction: BUGS, plants: [
    { find: "\t\twg.Add(1)\n", replace: "" },
    { find: "\t\t\tdefer wg.Done()", replace: "\t\t\twg.Add(1)\n\t\t\tdefer wg.Done()", quote: "wg.Add(1)", kind: "bug", keywords: ["before", "race", "Wait", "outside", "goroutine starts", "early", "returns early"] },
  ] },
  { base: R.pyContacts, name: "contacts-a", instruction: CODE_REVIEW, plants: [
    { find: "    seen = set()", replace: "    seen = []", quote: "seen = []", kind: "performance", severity: "suggestion", keywords: ["set", "O(n)", "quadratic", "O(n²)", "O(n^2)", "membership", "lookup"] },
    { find: "        seen.add(key)", replace: "        seen.append(key)" },
    { find: "return sorted(duplicates)", replace: "return sorted(seen)", quote: "return sorted(seen)", kind: "bug", keywords: ["duplicates", "every email", "all emails", "wrong variable", "not the duplicates"] },
  ] },
  { base: R.pyContacts, name: "contacts-b", instruction: BUGS, plants: [
    { find: "    return merged", replace: '    return merged\n\n\ndef add_tag(contact, tag, tags=[]):\n    tags.append(tag)\n    contact["tags"] = tags\n    return contact', quote: "def add_tag(contact, tag, tags=[]):", kind: "bug", keywords: ["mutable default", "default argument", "shared", "None", "every call", "persists", "between calls"] },
  ] },
  { base: R.pyOrders, name: "orders-report-a", instruction: CODE_REVIEW, plants: [
    { find: '    customers = {\n        row[0]: row[1] for row in db.execute("SELECT id, name FROM customers").fetchall()\n    }\n    return [(order[0], customers.get(order[1]), order[2]) for order in orders]', replace: '    result = []\n    for order in orders:\n        name = db.execute("SELECT name FROM customers WHERE id = ?", (order[1],)).fetchone()[0]\n        result.append((order[0], name, order[2]))\n    return result', quote: 'name = db.execute("SELECT name FROM customers WHERE id = ?", (order[1],)).fetchone()[0]', kind: "performance", severity: "suggestion", keywords: ["N+1", "n+1", "one query per", "a query per", "per order", "join", "JOIN", "batch", "dictionary", "round trip", "round trips"] },
  ] },
  { base: cleanBank, name: "bank-a", instruction: BUGS, plants: [
    { find: "    def deposit(self, amount):\n        if amount <= 0:", replace: "    def deposit(self, amount):\n        if amount < 0:", quote: "if amount < 0:", kind: "bug", keywords: ["zero", "<=", "non-positive", "positive", "empty deposit"] },
  ] },
  { base: cleanBank, name: "bank-b", instruction: CODE_REVIEW, plants: [
    { find: "class Account:\n", replace: "class Account:\n    history = []\n\n" },
    { find: "        self.balance = balance\n        self.history = []\n", replace: "        self.balance = balance\n", quote: "    history = []", kind: "bug", keywords: ["shared", "class attribute", "class variable", "instance", "every account", "all accounts", "__init__", "self.history"] },
  ] },
  { base: cleanLru, name: "lru-a", instruction: BUGS, plants: [
    { find: "self.items.popitem(last=False)", replace: "self.items.popitem()", quote: "self.items.popitem()", kind: "bug", keywords: ["last=False", "oldest", "least recently", "most recently", "newest", "wrong end", "LIFO"] },
  ] },
  { base: cleanSlug, name: "slug-a", instruction: BUGS, plants: [
    { find: "    while candidate in taken:", replace: "    if candidate in taken:", quote: "if candidate in taken:", kind: "bug", keywords: ["while", "loop", "already taken", "once", "collision", "collides"] },
  ] },
  { base: cleanMoney, name: "money-a", instruction: CODE_REVIEW, plants: [
    { find: "  const share = Math.floor(cents / people);", replace: "  const share = Math.round(cents / people);", quote: "Math.round(cents / people)", kind: "bug", keywords: ["Math.floor", "floor", "remainder", "negative", "add up", "adds up", "total", "more than", "overshoot"] },
  ] },
  { base: cleanEmitter, name: "emitter-a", instruction: BUGS, plants: [
    { find: "listener(...args);", replace: "listener(args);", quote: "listener(args)", kind: "bug", keywords: ["...args", "spread", "array", "single argument", "one argument", "apply"] },
  ] },
  { base: cleanValidate, name: "validate-a", instruction: CODE_REVIEW, plants: [
    { find: "/^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$/i", replace: "/^([a-z0-9]+)+@[^@\\s]+\\.[a-z]{2,}$/i", quote: "/^([a-z0-9]+)+@", kind: "security", keywords: ["backtracking", "ReDoS", "catastrophic", "nested quantifier", "exponential", "denial of service"] },
  ] },
  { base: cleanTiming, name: "timing-a", instruction: BUGS, plants: [
    { find: "    timer = setTimeout(() => fn.apply(this, args), waitMs);", replace: "    timer = setTimeout(function () {\n      fn.apply(this, args);\n    }, waitMs);", quote: "setTimeout(function () {", kind: "bug", keywords: ["this", "arrow", "context", "binding", "bind"] },
  ] },
  { base: L.orderService, name: "orders-a", instruction: CODE_REVIEW, plants: [
    { find: "return items.slice(start, start + size + 1);", replace: "return items.slice(start, start + size + 1);", quote: "start + size + 1", kind: "bug", keywords: ["off-by-one", "one too many", "extra item", "one extra"] },
    { find: 'console.log("creating order for", customer.email, lines);', replace: 'console.log("creating order for", customer.email, lines);', kind: "security", severity: "suggestion", keywords: ["personal data", "PII", "email address", "debug", "logging", "remove", "leftover", "privacy"] },
    { find: "// Kept from the v1 CSV export; nothing calls it any more.\nexport function legacyFormat(order: Order): string {", replace: "// Kept from the v1 CSV export; nothing calls it any more.\nexport function legacyFormat(order: Order): string {", quote: "export function legacyFormat(order: Order): string {", kind: "style", severity: "info", keywords: ["unused", "dead code", "delete", "remove", "nothing calls"] },
  ] },
  { base: L.orderService, name: "orders-b", instruction: BUGS, plants: [
    { find: "start + size + 1", replace: "start + size" },
    { find: '  console.log("creating order for", customer.email, lines);\n', replace: "" },
    { find: 'if (order.status !== "draft") return', replace: 'if (order.status === "draft") return', quote: 'if (order.status === "draft")', kind: "bug", keywords: ["!==", "inverted", "negated", "backwards", "never be placed", "cannot place", "can't place", "only drafts"] },
    { find: 'if (order.status === "shipped") return', replace: 'if (order.status === "cancelled") return', quote: 'if (order.status === "cancelled")', kind: "bug", keywords: ["shipped", "already shipped", "cancel a shipped", "wrong status"] },
  ] },
];
