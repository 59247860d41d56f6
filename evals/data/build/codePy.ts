// Small Python modules (raw source) with the kind of bug people ask to have fixed. Edit cases run a
// test against the canvas after the turn (editCode.ts), so each module only uses the standard library.
import { family } from "./family.ts";
import type { CanvasSeed } from "./writing.ts";

const code = (title: string, lines: string[]): CanvasSeed => ({ kind: "code", language: "python", title, content: lines.join("\n") });

export const PY_WORDS_TOP = [
  "def top_words(text, n=3):",
  "    counts = count_words(text)",
  "    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))",
  "    return [word for word, _ in ranked[:n]]",
].join("\n");
export const PY_WORDS_COUNT = [
  "def count_words(text):",
  "    counts = {}",
  "    for word in re.findall(r\"[A-Za-z']+\", text):",
  "        counts[word] = counts.get(word, 0) + 1",
  "    return counts",
].join("\n");
export const pyWords = family("py-words", code("wordfreq.py", [
  "import re",
  "",
  "",
  PY_WORDS_COUNT,
  "",
  "",
  PY_WORDS_TOP,
  "",
  "",
  "def longest_word(text):",
  "    words = re.findall(r\"[A-Za-z']+\", text)",
  "    return max(words, key=len) if words else None",
]));

export const PY_BANK_WITHDRAW = [
  "    def withdraw(self, amount):",
  "        if amount <= 0:",
  '            raise ValueError("amount must be positive")',
  "        self.balance -= amount",
  '        self.history.append(("withdraw", amount))',
].join("\n");
export const PY_BANK_DEPOSIT = [
  "    def deposit(self, amount):",
  "        if amount <= 0:",
  '            raise ValueError("amount must be positive")',
  "        self.balance += amount",
  '        self.history.append(("deposit", amount))',
].join("\n");
export const pyBank = family("py-bank", code("account.py", [
  "class Account:",
  "    def __init__(self, owner, balance=0):",
  "        self.owner = owner",
  "        self.balance = balance",
  "        self.history = []",
  "",
  PY_BANK_DEPOSIT,
  "",
  PY_BANK_WITHDRAW,
  "",
  "    def statement(self):",
  '        lines = [f"{kind}: {amount}" for kind, amount in self.history]',
  '        lines.append(f"balance: {self.balance}")',
  '        return "\\n".join(lines)',
]));

export const PY_DUR_PARSE = [
  "def parse_duration(text):",
  '    """Seconds in a duration such as "1h30m" or "45m"."""',
  "    total = 0",
  '    for amount, unit in re.findall(r"(\\d+)([hm])", text):',
  "        total += int(amount) * UNITS[unit]",
  "    return total",
].join("\n");
export const PY_DUR_FORMAT = [
  "def format_duration(seconds):",
  "    hours, rest = divmod(seconds, 3600)",
  "    minutes = rest // 60",
  '    return f"{hours}h{minutes:02d}m"',
].join("\n");
export const pyDurations = family("py-durations", code("durations.py", [
  "import re",
  "",
  'UNITS = {"h": 3600, "m": 60, "s": 1}',
  "",
  "",
  PY_DUR_PARSE,
  "",
  "",
  PY_DUR_FORMAT,
]));

export const PY_GRADE = [
  "def letter_grade(score):",
  "    if score > 90:",
  '        return "A"',
  "    if score > 80:",
  '        return "B"',
  "    if score > 70:",
  '        return "C"',
  "    if score > 60:",
  '        return "D"',
  '    return "F"',
].join("\n");
export const PY_GRADE_AVG = [
  "def class_average(scores):",
  "    if not scores:",
  "        return 0.0",
  "    return round(sum(scores) / len(scores), 1)",
].join("\n");
export const pyGrades = family("py-grades", code("grades.py", [
  "# Scores are whole numbers from 0 to 100; 90 and above is an A, 80 and above a B, and so on.",
  "",
  "",
  PY_GRADE,
  "",
  "",
  PY_GRADE_AVG,
  "",
  "",
  "def _debug_dump(scores):",
  "    for score in scores:",
  "        print(score, letter_grade(score))",
]));

export const PY_SLUG = [
  "def slugify(title):",
  "    text = unicodedata.normalize(\"NFKD\", title).encode(\"ascii\", \"ignore\").decode()",
  "    text = re.sub(r\"[^a-zA-Z0-9]\", \"-\", text).lower()",
  "    return text.strip(\"-\")",
].join("\n");
export const pySlug = family("py-slug", code("slug.py", [
  "import re",
  "import unicodedata",
  "",
  "",
  PY_SLUG,
  "",
  "",
  "def unique_slug(title, taken):",
  "    slug = slugify(title)",
  "    candidate, number = slug, 2",
  "    while candidate in taken:",
  '        candidate = f"{slug}-{number}"',
  "        number += 1",
  "    return candidate",
]));

export const PY_LRU_GET = [
  "    def get(self, key):",
  "        if key not in self.items:",
  "            return None",
  "        return self.items[key]",
].join("\n");
export const PY_LRU_PUT = [
  "    def put(self, key, value):",
  "        if key in self.items:",
  "            self.items.move_to_end(key)",
  "        self.items[key] = value",
  "        if len(self.items) > self.capacity:",
  "            self.items.popitem(last=False)",
].join("\n");
export const pyLru = family("py-lru", code("lru.py", [
  "from collections import OrderedDict",
  "",
  "",
  "class LRUCache:",
  "    def __init__(self, capacity):",
  "        self.capacity = capacity",
  "        self.items = OrderedDict()",
  "",
  PY_LRU_GET,
  "",
  PY_LRU_PUT,
]));

export const PY_TEMPS_CF = ["def c_to_f(celsius):", '    print("converting", celsius)', "    return celsius * 9 / 5 + 32"].join("\n");
export const PY_TEMPS_FC = ["def f_to_c(fahrenheit):", '    print("converting", fahrenheit)', "    return fahrenheit - 32 * 5 / 9"].join("\n");
export const pyTemps = family("py-temps", code("temps.py", [
  PY_TEMPS_CF,
  "",
  "",
  PY_TEMPS_FC,
  "",
  "",
  "def describe(celsius):",
  "    if celsius < 0:",
  '        return "freezing"',
  "    if celsius < 15:",
  '        return "cold"',
  "    if celsius < 25:",
  '        return "mild"',
  '    return "hot"',
]));

export const PYTHON_BASES: CanvasSeed[] = [pyWords, pyBank, pyDurations, pyGrades, pySlug, pyLru, pyTemps];
