// Edit cases on Python canvases. Every case carries a test (run with python3 against the canvas after
// the turn) and a reference answer; the builder checks the test fails on the original and passes on
// the reference. Targets name the lines the instruction is about, so deleting them is caught.
import * as C from "./code.ts";
import * as P from "./codePy.ts";
import * as R from "./reviewBases.ts";
import { pyQuietTest, pyTest, tsTest, jsTest } from "./codeTests.ts";
import { r, swap, t, type EditSeed } from "./editSeed.ts";

const WORDS_FOR = `    for word in re.findall(r"[A-Za-z']+", text):`;

export const pythonEdits: EditSeed[] = [
  // wordfreq.py
  { canvas: P.pyWords, slice: "fix", instruction: "Count words case-insensitively, so that 'The' and 'the' are the same word.",
    expect: t({ target: [WORDS_FOR], unchanged: [P.PY_WORDS_TOP], maxChangedRatio: 0.15, run: { test: pyTest(
      'assert subject.count_words("The cat saw the dog") == {"the": 2, "cat": 1, "saw": 1, "dog": 1}',
      'assert subject.top_words("b a B a b c", 2) == ["b", "a"]',
      'assert subject.longest_word("a bb ccc") == "ccc"') } }),
    reference: (s) => swap(s, WORDS_FOR, WORDS_FOR.replace("text):", "text.lower()):")) },
  { canvas: P.pyWords, slice: "rename", instruction: "Rename count_words to word_counts.",
    expect: t({ mustContain: ["def word_counts(text):"], mustNotContain: ["count_words"], maxChangedRatio: 0.1, run: { test: pyTest(
      'assert subject.word_counts("a a b") == {"a": 2, "b": 1}',
      'assert not hasattr(subject, "count_words")',
      'assert subject.top_words("x y x", 1) == ["x"]') } }),
    reference: (s) => s.replaceAll("count_words", "word_counts") },
  { canvas: P.pyWords, slice: "insert", instruction: "Add a function unique_words(text) that returns how many different words the text has.",
    expect: t({ mustContain: ["def unique_words("], unchanged: [P.PY_WORDS_COUNT, P.PY_WORDS_TOP], maxChangedRatio: 0.5, run: { test: pyTest(
      'assert subject.unique_words("a b a") == 2',
      'assert subject.unique_words("") == 0',
      'assert subject.top_words("x y x", 1) == ["x"]') } }),
    reference: (s) => `${s}\n\n\ndef unique_words(text):\n    return len(count_words(text))` },
  { canvas: P.pyWords, slice: "translate", instruction: "Port this module to TypeScript.",
    expect: r({ mustNotContain: ["def ", "import re"], entities: ["count"], run: { language: "typescript", test: tsTest(
      "const top = m.topWords ?? m.top_words;",
      "const longest = m.longestWord ?? m.longest_word;",
      'assert.deepEqual(top("b a b c b a", 2), ["b", "a"]);',
      'assert.equal(longest("a bb ccc"), "ccc");') } }),
    reference: () => [
      "export function countWords(text: string): Map<string, number> {",
      "  const counts = new Map<string, number>();",
      "  for (const word of text.match(/[A-Za-z']+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);",
      "  return counts;",
      "}",
      "",
      "export function topWords(text: string, n = 3): string[] {",
      "  return [...countWords(text)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([word]) => word);",
      "}",
      "",
      "export function longestWord(text: string): string | null {",
      "  const words = text.match(/[A-Za-z']+/g) ?? [];",
      "  return words.length ? words.reduce((a, b) => (b.length > a.length ? b : a)) : null;",
      "}",
    ].join("\n") },

  // account.py
  { canvas: P.pyBank, slice: "fix", instruction: "withdraw should raise a ValueError when the balance is too low, instead of letting it go negative.",
    expect: t({ target: ["        self.balance -= amount"], unchanged: [P.PY_BANK_DEPOSIT], maxChangedRatio: 0.2, run: { test: pyTest(
      'a = subject.Account("ana", 50)',
      "try:",
      "    a.withdraw(80)",
      '    raise SystemExit("overdraft allowed")',
      "except ValueError:",
      "    pass",
      "assert a.balance == 50 and a.history == []",
      "a.withdraw(20)",
      'assert a.balance == 30 and a.history == [("withdraw", 20)]') } }),
    reference: (s) => swap(s, "        self.balance -= amount", '        if amount > self.balance:\n            raise ValueError("insufficient funds")\n        self.balance -= amount') },
  { canvas: P.pyBank, slice: "insert", instruction: "Add a transfer(self, other, amount) method that moves money from this account to another one.",
    expect: t({ mustContain: ["def transfer(self, other, amount"], unchanged: [P.PY_BANK_DEPOSIT, P.PY_BANK_WITHDRAW], maxChangedRatio: 0.4, run: { test: pyTest(
      'a, b = subject.Account("a", 100), subject.Account("b")',
      "a.transfer(b, 30)",
      "assert (a.balance, b.balance) == (70, 30)") } }),
    reference: (s) => `${s}\n\n    def transfer(self, other, amount):\n        self.withdraw(amount)\n        other.deposit(amount)` },
  { canvas: P.pyBank, slice: "translate", instruction: "Port the Account class to TypeScript.",
    expect: r({ mustNotContain: ["def ", "self."], entities: ["Account", "deposit", "withdraw"], run: { language: "typescript", test: tsTest(
      'const a = new m.Account("ana", 10);',
      "a.deposit(5);",
      "assert.equal(a.balance, 15);",
      "assert.throws(() => a.deposit(-1));",
      "a.withdraw(3);",
      "assert.equal(a.balance, 12);") } }),
    reference: () => [
      "export class Account {",
      "  history: [string, number][] = [];",
      "  constructor(public owner: string, public balance = 0) {}",
      "",
      "  deposit(amount: number): void {",
      '    if (amount <= 0) throw new Error("amount must be positive");',
      "    this.balance += amount;",
      '    this.history.push(["deposit", amount]);',
      "  }",
      "",
      "  withdraw(amount: number): void {",
      '    if (amount <= 0) throw new Error("amount must be positive");',
      "    this.balance -= amount;",
      '    this.history.push(["withdraw", amount]);',
      "  }",
      "",
      "  statement(): string {",
      "    return [...this.history.map(([kind, amount]) => `${kind}: ${amount}`), `balance: ${this.balance}`].join(\"\\n\");",
      "  }",
      "}",
    ].join("\n") },

  // durations.py
  { canvas: P.pyDurations, slice: "fix", instruction: "parse_duration ignores seconds: \"1m30s\" should give 90. Fix it.",
    expect: t({ target: ['    for amount, unit in re.findall(r"(\\d+)([hm])", text):'], unchanged: [P.PY_DUR_FORMAT], maxChangedRatio: 0.1, run: { test: pyTest(
      'assert subject.parse_duration("1m30s") == 90',
      'assert subject.parse_duration("2h") == 7200',
      'assert subject.parse_duration("45s") == 45',
      'assert subject.format_duration(5400) == "1h30m"') } }),
    reference: (s) => swap(s, "([hm])", "([hms])") },
  { canvas: P.pyDurations, slice: "insert", instruction: "Add type hints to parse_duration and format_duration.",
    expect: t({ mustContain: ["-> int", "-> str"], unchanged: ['UNITS = {"h": 3600, "m": 60, "s": 1}'], maxChangedRatio: 0.2, run: { test: pyTest(
      "import inspect",
      'assert subject.parse_duration("1h30m") == 5400',
      "assert inspect.signature(subject.format_duration).return_annotation is str") } }),
    reference: (s) => swap(swap(s, "def parse_duration(text):", "def parse_duration(text: str) -> int:"), "def format_duration(seconds):", "def format_duration(seconds: int) -> str:") },
  { canvas: P.pyDurations, slice: "selection", instruction: "Rename this function to human_duration.", selection: P.PY_DUR_FORMAT,
    expect: t({ mustContain: ["def human_duration(seconds):"], mustNotContain: ["format_duration"], unchanged: [P.PY_DUR_PARSE], maxChangedRatio: 0.1, run: { test: pyTest(
      'assert subject.human_duration(3600) == "1h00m"',
      'assert not hasattr(subject, "format_duration")') } }),
    reference: (s) => swap(s, "def format_duration(", "def human_duration(") },

  // grades.py
  { canvas: P.pyGrades, slice: "fix", instruction: "A score of exactly 90 should be an A, exactly 80 a B and so on, as the comment at the top says. Fix letter_grade.",
    expect: t({ target: [P.PY_GRADE], unchanged: [P.PY_GRADE_AVG], maxChangedRatio: 0.2, run: { test: pyTest(
      'cases = {100: "A", 90: "A", 89: "B", 80: "B", 79: "C", 70: "C", 60: "D", 59: "F", 0: "F"}',
      "for score, grade in cases.items():",
      "    assert subject.letter_grade(score) == grade, (score, subject.letter_grade(score))",
      "assert subject.class_average([80, 91]) == 85.5") } }),
    reference: (s) => swap(s, P.PY_GRADE, P.PY_GRADE.replaceAll("score > ", "score >= ")) },
  { canvas: P.pyGrades, slice: "delete", instruction: "Delete the unused _debug_dump helper.",
    expect: t({ target: ["def _debug_dump(scores):\n    for score in scores:\n        print(score, letter_grade(score))"], mustNotContain: ["_debug_dump"], deletion: true, unchanged: [P.PY_GRADE, P.PY_GRADE_AVG], maxChangedRatio: 0.3, run: { test: pyTest(
      'assert not hasattr(subject, "_debug_dump")',
      'assert subject.letter_grade(95) == "A"',
      "assert subject.class_average([]) == 0.0") } }),
    reference: (s) => s.slice(0, s.indexOf("\n\n\ndef _debug_dump")) },
  { canvas: P.pyGrades, slice: "translate", instruction: "Port grades.py to JavaScript.",
    expect: r({ mustNotContain: ["def ", "return \"F\"\n\n"], entities: ["90"], run: { language: "javascript", test: jsTest(
      "const grade = m.letterGrade ?? m.letter_grade;",
      "const average = m.classAverage ?? m.class_average;",
      'assert.equal(grade(95), "A");',
      'assert.equal(grade(75), "C");',
      'assert.equal(grade(12), "F");',
      "assert.equal(average([80, 91]), 85.5);") } }),
    reference: () => [
      "// Scores are whole numbers from 0 to 100; 90 and above is an A, 80 and above a B, and so on.",
      "function letterGrade(score) {",
      '  if (score > 90) return "A";',
      '  if (score > 80) return "B";',
      '  if (score > 70) return "C";',
      '  if (score > 60) return "D";',
      '  return "F";',
      "}",
      "",
      "function classAverage(scores) {",
      "  if (!scores.length) return 0;",
      "  return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;",
      "}",
      "",
      "module.exports = { letterGrade, classAverage };",
    ].join("\n") },

  // slug.py
  { canvas: P.pySlug, slice: "fix", instruction: "slugify turns 'Hello,  World!' into 'hello---world'. Make it collapse runs of dashes into one.",
    expect: t({ target: ['    text = re.sub(r"[^a-zA-Z0-9]", "-", text).lower()'], maxChangedRatio: 0.1, run: { test: pyTest(
      'assert subject.slugify("Hello,  World!") == "hello-world"',
      'assert subject.slugify("Crème brûlée") == "creme-brulee"',
      'assert subject.unique_slug("A b", {"a-b"}) == "a-b-2"') } }),
    reference: (s) => swap(s, 'r"[^a-zA-Z0-9]"', 'r"[^a-zA-Z0-9]+"') },
  { canvas: P.pySlug, slice: "insert", instruction: "Give slugify an optional max_length argument (default 60) and cut the slug to that length without leaving a dash at the end.",
    expect: t({ target: [P.PY_SLUG], mustContain: ["max_length"], maxChangedRatio: 0.25, run: { test: pyTest(
      'assert subject.slugify("hello world foo", max_length=6) == "hello"',
      'assert len(subject.slugify("word " * 30)) <= 60',
      'assert subject.slugify("Crème") == "creme"') } }),
    reference: (s) => swap(swap(s, "def slugify(title):", "def slugify(title, max_length=60):"), '    return text.strip("-")', '    return text.strip("-")[:max_length].strip("-")') },

  // lru.py
  { canvas: P.pyLru, slice: "fix", instruction: "get() should count as a use: right now a key that is read all the time is still the first one evicted.",
    expect: t({ target: [P.PY_LRU_GET], unchanged: [P.PY_LRU_PUT], maxChangedRatio: 0.15, run: { test: pyTest(
      "c = subject.LRUCache(2)",
      'c.put("a", 1)',
      'c.put("b", 2)',
      'assert c.get("a") == 1',
      'c.put("c", 3)',
      'assert c.get("b") is None and c.get("a") == 1 and c.get("c") == 3') } }),
    reference: (s) => swap(s, "        return self.items[key]", "        self.items.move_to_end(key)\n        return self.items[key]") },
  { canvas: P.pyLru, slice: "insert", instruction: "Add __len__ so that len(cache) gives the number of items in it.",
    expect: t({ mustContain: ["def __len__(self)"], unchanged: [P.PY_LRU_GET, P.PY_LRU_PUT], maxChangedRatio: 0.3, run: { test: pyTest(
      "c = subject.LRUCache(2)",
      "assert len(c) == 0",
      'c.put("a", 1); c.put("b", 2); c.put("c", 3)',
      "assert len(c) == 2") } }),
    reference: (s) => `${s}\n\n    def __len__(self):\n        return len(self.items)` },

  // temps.py
  { canvas: P.pyTemps, slice: "fix", instruction: "f_to_c gives the wrong answer: f_to_c(212) should be 100. Fix it.",
    expect: t({ target: ["    return fahrenheit - 32 * 5 / 9"], maxChangedRatio: 0.1, run: { test: pyQuietTest(
      "assert abs(subject.f_to_c(212) - 100) < 1e-9",
      "assert abs(subject.f_to_c(32)) < 1e-9",
      "assert subject.c_to_f(100) == 212") } }),
    reference: (s) => swap(s, "fahrenheit - 32 * 5 / 9", "(fahrenheit - 32) * 5 / 9") },
  { canvas: P.pyTemps, slice: "delete", instruction: "Remove the print statements.",
    expect: t({ mustNotContain: ["print("], deletion: true, maxChangedRatio: 0.25, run: { test: pyQuietTest(
      "assert subject.c_to_f(0) == 32",
      "subject.f_to_c(50)",
      'assert out() == "", out()') } }),
    reference: (s) => s.replace(/\n {4}print\("converting", \w+\)/g, "") },
  { canvas: P.pyTemps, slice: "rename", instruction: "Rename describe to describe_weather.",
    expect: t({ mustContain: ["def describe_weather(celsius):"], mustNotContain: ["def describe("], maxChangedRatio: 0.05, run: { test: pyQuietTest(
      'assert subject.describe_weather(-3) == "freezing"',
      'assert subject.describe_weather(30) == "hot"',
      'assert not hasattr(subject, "describe")') } }),
    reference: (s) => swap(s, "def describe(", "def describe_weather(") },

  // cart.py
  { canvas: C.pyCart, slice: "fix", instruction: "Fix the off-by-one error in subtotal.",
    expect: t({ target: ["    for i in range(len(items) + 1):"], unchanged: [C.PY_CART_DISCOUNT, C.PY_CART_FORMAT], maxChangedRatio: 0.1, run: { test: pyTest(
      'items = [subject.Item("pen", 1.5, 4), subject.Item("pad", 3.25, 2)]',
      "assert subject.subtotal(items) == 12.5",
      "assert subject.subtotal([]) == 0") } }),
    reference: (s) => swap(s, "range(len(items) + 1)", "range(len(items))") },
  { canvas: C.pyCart, slice: "fix", instruction: "apply_discount is called with 10 for 10%, but it treats it as a fraction. Fix it.",
    expect: t({ target: ["    return amount - amount * percent"], unchanged: [C.PY_CART_FORMAT], maxChangedRatio: 0.1, run: { test: pyTest(
      "assert subject.apply_discount(200, 10) == 180",
      "assert subject.apply_discount(50, 0) == 50",
      'assert subject.format_price(3.5) == "$3.50"') } }),
    reference: (s) => swap(s, "amount - amount * percent", "amount - amount * percent / 100") },
  { canvas: C.pyCart, slice: "rename", instruction: "Rename subtotal to cart_subtotal.",
    expect: t({ mustContain: ["def cart_subtotal(items):", "cart_subtotal(cart)"], mustNotContain: ["def subtotal(", "(subtotal("], maxChangedRatio: 0.05, run: { test: pyTest(
      "import inspect",
      'assert callable(subject.cart_subtotal) and not hasattr(subject, "subtotal")',
      'assert "cart_subtotal(cart)" in inspect.getsource(subject)') } }),
    reference: (s) => s.replace("def subtotal(", "def cart_subtotal(").replace("(subtotal(cart)", "(cart_subtotal(cart)") },
  { canvas: C.pyCart, slice: "translate", instruction: "Port this to JavaScript.",
    expect: r({ mustNotContain: ["def ", "@dataclass"], entities: ["subtotal"], run: { language: "javascript", test: jsTest(
      "const format = m.formatPrice ?? m.format_price;",
      "const discount = m.applyDiscount ?? m.apply_discount;",
      'assert.equal(format(3.5), "$3.50");',
      "assert.equal(discount(100, 0.1), 90);") } }),
    reference: () => [
      "class Item {",
      "  constructor(name, price, quantity) {",
      "    Object.assign(this, { name, price, quantity });",
      "  }",
      "}",
      "",
      "function subtotal(items) {",
      "  let total = 0;",
      "  for (let i = 0; i < items.length + 1; i++) total += items[i].price * items[i].quantity;",
      "  return total;",
      "}",
      "",
      "function applyDiscount(amount, percent) {",
      "  return amount - amount * percent;",
      "}",
      "",
      "function formatPrice(amount) {",
      "  return `$${amount.toFixed(2)}`;",
      "}",
      "",
      "module.exports = { Item, subtotal, applyDiscount, formatPrice };",
    ].join("\n") },
  { canvas: C.pyCart, slice: "insert", instruction: "Add type hints to every function.",
    expect: t({ mustContain: ["-> str", "-> float"], unchanged: ["@dataclass\nclass Item:"], maxChangedRatio: 0.3, run: { test: pyTest(
      "import inspect",
      'assert subject.format_price(3.5) == "$3.50"',
      "assert inspect.signature(subject.format_price).return_annotation is str") } }),
    reference: (s) => swap(swap(swap(s, "def subtotal(items):", "def subtotal(items: list[Item]) -> float:"), "def apply_discount(amount, percent):", "def apply_discount(amount: float, percent: float) -> float:"), "def format_price(amount):", "def format_price(amount: float) -> str:") },

  // inventory.py
  { canvas: C.pyInventory, slice: "fix", instruction: "Fix the SQL injection in find_item.",
    expect: t({ target: ["    cursor = conn.execute(\"SELECT name, qty FROM items WHERE name = '\" + name + \"'\")"], unchanged: [C.PY_INV_ADD, C.PY_INV_LOW, C.PY_INV_REMOVE], maxChangedRatio: 0.2, run: { test: pyTest(
      'conn = subject.connect(":memory:")',
      'subject.add_item(conn, "pen", 3)',
      'assert tuple(subject.find_item(conn, "pen")) == ("pen", 3)',
      "assert subject.find_item(conn, \"x' OR '1'='1\") is None",
      'assert subject.find_item(conn, "O\'Brien") is None') } }),
    reference: (s) => swap(s, "conn.execute(\"SELECT name, qty FROM items WHERE name = '\" + name + \"'\")", 'conn.execute("SELECT name, qty FROM items WHERE name = ?", (name,))') },
  { canvas: C.pyInventory, slice: "fix", instruction: "Do the low-stock filtering in SQL instead of in Python.",
    expect: t({ target: [C.PY_INV_LOW], mustNotContain: ["if row[1] < threshold"], unchanged: [C.PY_INV_ADD, C.PY_INV_REMOVE], maxChangedRatio: 0.25, run: { test: pyTest(
      'conn = subject.connect(":memory:")',
      'subject.add_item(conn, "pen", 3)',
      'subject.add_item(conn, "ink", 9)',
      'assert [tuple(row) for row in subject.low_stock(conn)] == [("pen", 3)]',
      "assert len(subject.low_stock(conn, threshold=10)) == 2",
      "import inspect",
      'assert "?" in inspect.getsource(subject.low_stock)') } }),
    reference: (s) => swap(s, C.PY_INV_LOW, ['def low_stock(conn, threshold=5):', '    return conn.execute("SELECT name, qty FROM items WHERE qty < ?", (threshold,)).fetchall()'].join("\n")) },
  { canvas: C.pyInventory, slice: "rename", instruction: "Rename the variable conn to connection everywhere.",
    expect: t({ mustContain: ["def add_item(connection, name, qty):"], mustNotContain: ["conn.", "conn,", "conn =", "return conn\n"], maxChangedRatio: 0.2, run: { test: pyTest(
      "import inspect",
      'assert list(inspect.signature(subject.add_item).parameters)[0] == "connection"',
      'c = subject.connect(":memory:")',
      'subject.add_item(c, "pen", 1)',
      'subject.remove_item(c, "pen")') } }),
    reference: (s) => s.replace(/\bconn\b/g, "connection") },

  // scores.py (statistics)
  { canvas: C.pyStats, slice: "fix", instruction: "median is wrong for lists with an even number of items. Fix it.",
    expect: t({ target: [C.PY_STATS_MEDIAN], unchanged: [C.PY_STATS_READ, C.PY_STATS_MEAN, C.PY_STATS_REPORT], maxChangedRatio: 0.3, run: { test: pyTest(
      "assert subject.median([4, 1, 3, 2]) == 2.5",
      "assert subject.median([3, 1, 2]) == 2",
      "assert subject.mean([1, 2]) == 1.5") } }),
    reference: (s) => swap(s, "    return ordered[middle]", "    if len(ordered) % 2 == 0:\n        return (ordered[middle - 1] + ordered[middle]) / 2\n    return ordered[middle]") },
  { canvas: C.pyStats, slice: "fix", instruction: "mean crashes on an empty list; make it return 0.0 instead.",
    expect: t({ target: [C.PY_STATS_MEAN], unchanged: [C.PY_STATS_READ, C.PY_STATS_MEDIAN, C.PY_STATS_REPORT], maxChangedRatio: 0.2, run: { test: pyTest(
      "assert subject.mean([]) == 0.0",
      "assert subject.mean([1, 2]) == 1.5") } }),
    reference: (s) => swap(s, "    return sum(values) / len(values)", "    if not values:\n        return 0.0\n    return sum(values) / len(values)") },
  { canvas: C.pyStats, slice: "rename", instruction: "Rename read_scores to load_scores.",
    expect: t({ mustContain: ["def load_scores(path):", "scores = load_scores(path)"], mustNotContain: ["read_scores"], unchanged: [C.PY_STATS_MEAN, C.PY_STATS_MEDIAN], maxChangedRatio: 0.05, run: { test: pyQuietTest(
      'open("s.csv", "w").write("name,score\\na,3\\nb,5\\n")',
      'assert subject.load_scores("s.csv") == [3, 5]',
      'subject.report("s.csv")',
      'assert "mean: 4" in out()') } }),
    reference: (s) => s.replaceAll("read_scores", "load_scores") },

  // contacts.py and orders_report.py (also reviewed in the comment suite)
  { canvas: R.pyContacts, slice: "insert", instruction: "Make merge_contacts also accept a third, optional dictionary of overrides that win over both.",
    expect: t({ target: ["def merge_contacts(primary, secondary):\n    merged = dict(primary)\n    for key, value in secondary.items():\n        merged.setdefault(key, value)\n    return merged"], unchanged: ["def find_duplicates(emails):\n    seen = set()"], maxChangedRatio: 0.5, run: { test: pyTest(
      'assert subject.merge_contacts({"a": 1}, {"a": 2, "b": 2}) == {"a": 1, "b": 2}',
      'assert subject.merge_contacts({"a": 1}, {"b": 2}, {"a": 9}) == {"a": 9, "b": 2}',
      'assert subject.find_duplicates(["X@a.io", "x@a.io "]) == ["x@a.io"]') } }),
    reference: (s) => swap(swap(s, "def merge_contacts(primary, secondary):", "def merge_contacts(primary, secondary, overrides=None):"), "    return merged", "    merged.update(overrides or {})\n    return merged") },
  { canvas: R.pyOrders, slice: "fix", instruction: "Orders whose customer was deleted come back with None as the name; show \"(deleted customer)\" instead.",
    expect: t({ target: ["    return [(order[0], customers.get(order[1]), order[2]) for order in orders]"], maxChangedRatio: 0.3, run: { test: pyTest(
      "import sqlite3",
      'db = sqlite3.connect(":memory:")',
      'db.executescript("CREATE TABLE orders (id, customer_id, total); CREATE TABLE customers (id, name); INSERT INTO customers VALUES (1, \'Ana\'); INSERT INTO orders VALUES (10, 1, 5), (11, 2, 7);")',
      'assert subject.orders_with_customers(db) == [(10, "Ana", 5), (11, "(deleted customer)", 7)]') } }),
    reference: (s) => swap(s, "customers.get(order[1])", 'customers.get(order[1], "(deleted customer)")') },
];
