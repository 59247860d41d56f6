// Short code canvases (raw source, no fences) shared by the edit and comment datasets. Several carry
// a real bug that an edit case asks to fix.
import { family } from "./family.ts";
import type { CanvasSeed } from "./writing.ts";

const code = (title: string, language: string, lines: string[]): CanvasSeed => ({ kind: "code", language, title, content: lines.join("\n") });

export const PY_CART_SUBTOTAL = [
  "def subtotal(items):",
  "    total = 0",
  "    for i in range(len(items) + 1):",
  "        total += items[i].price * items[i].quantity",
  "    return total",
].join("\n");
export const PY_CART_DISCOUNT = ["def apply_discount(amount, percent):", "    return amount - amount * percent"].join("\n");
export const PY_CART_FORMAT = ["def format_price(amount):", '    return f"${amount:.2f}"'].join("\n");

export const pyCart = code("cart.py", "python", [
  "from dataclasses import dataclass",
  "",
  "",
  "@dataclass",
  "class Item:",
  "    name: str",
  "    price: float",
  "    quantity: int",
  "",
  "",
  PY_CART_SUBTOTAL,
  "",
  "",
  PY_CART_DISCOUNT,
  "",
  "",
  PY_CART_FORMAT,
  "",
  "",
  'if __name__ == "__main__":',
  '    cart = [Item("pen", 1.5, 4), Item("notebook", 3.25, 2)]',
  "    print(format_price(apply_discount(subtotal(cart), 10)))",
]);

export const TS_USERS_ADD = [
  "export function addUser(email: string, name: string): User {",
  "  const user: User = { id: crypto.randomUUID(), email, name, createdAt: new Date() };",
  "  users.set(user.id, user);",
  "  return user;",
  "}",
].join("\n");
export const TS_USERS_FIND = [
  "export function findByEmail(email: string): User | undefined {",
  "  for (const user of users.values()) {",
  "    if (user.email === email) return user;",
  "  }",
  "  return undefined;",
  "}",
].join("\n");
export const TS_USERS_LIST = [
  "export function listUsers(): User[] {",
  "  return [...users.values()].sort((a, b) => a.name.localeCompare(b.name));",
  "}",
].join("\n");

export const tsUsers = code("users.ts", "typescript", [
  "export interface User {",
  "  id: string;",
  "  email: string;",
  "  name: string;",
  "  createdAt: Date;",
  "}",
  "",
  "const users = new Map<string, User>();",
  "",
  TS_USERS_ADD,
  "",
  "export function getUsr(id: string): User | undefined {",
  "  return users.get(id);",
  "}",
  "",
  TS_USERS_FIND,
  "",
  "export function removeUser(id: string): boolean {",
  '  console.log("removing", id);',
  "  return users.delete(id);",
  "}",
  "",
  TS_USERS_LIST,
]);

export const JS_CART_ADD = ["function addItem(cart, item) {", "  cart.push(item);", "  return cart;", "}"].join("\n");
export const JS_CART_REMOVE = [
  "function removeItem(cart, name) {",
  "  return cart.filter(function (item) {",
  "    return item.name != name;",
  "  });",
  "}",
].join("\n");

export const jsCart = code("cart.js", "javascript", [
  "var TAX_RATE = 0.2;",
  "",
  "function cartTotal(cart) {",
  '  console.log("cart", cart);',
  "  var total = 0;",
  "  for (var i = 0; i < cart.length; i++) {",
  "    total = total + cart[i].price * cart[i].qty;",
  "  }",
  '  console.log("total before tax", total);',
  "  return total * (1 + TAX_RATE);",
  "}",
  "",
  JS_CART_ADD,
  "",
  JS_CART_REMOVE,
  "",
  "module.exports = { cartTotal, addItem, removeItem };",
]);

export const PY_INV_ADD = [
  "def add_item(conn, name, qty):",
  '    conn.execute("INSERT INTO items (name, qty) VALUES (?, ?)", (name, qty))',
  "    conn.commit()",
].join("\n");
export const PY_INV_FIND = [
  "def find_item(conn, name):",
  "    cursor = conn.execute(\"SELECT name, qty FROM items WHERE name = '\" + name + \"'\")",
  "    return cursor.fetchone()",
].join("\n");
export const PY_INV_LOW = [
  "def low_stock(conn, threshold=5):",
  '    rows = conn.execute("SELECT name, qty FROM items").fetchall()',
  "    return [row for row in rows if row[1] < threshold]",
].join("\n");
export const PY_INV_REMOVE = [
  "def remove_item(conn, name):",
  '    conn.execute("DELETE FROM items WHERE name = ?", (name,))',
  "    conn.commit()",
].join("\n");

export const pyInventory = code("inventory.py", "python", [
  "import sqlite3",
  "",
  "",
  'def connect(path="inventory.db"):',
  "    conn = sqlite3.connect(path)",
  "    conn.execute(",
  '        "CREATE TABLE IF NOT EXISTS items (name TEXT PRIMARY KEY, qty INTEGER NOT NULL)"',
  "    )",
  "    return conn",
  "",
  "",
  PY_INV_ADD,
  "",
  "",
  PY_INV_FIND,
  "",
  "",
  PY_INV_LOW,
  "",
  "",
  PY_INV_REMOVE,
]);

export const GO_LIST = [
  "func listBooks(w http.ResponseWriter, r *http.Request) {",
  '\tw.Header().Set("Content-Type", "application/json")',
  "\tjson.NewEncoder(w).Encode(books)",
  "}",
].join("\n");
export const GO_BOOKS = [
  "var books = []Book{",
  '\t{ID: 1, Title: "Dune", Author: "Frank Herbert"},',
  '\t{ID: 2, Title: "Kindred", Author: "Octavia E. Butler"},',
  "}",
].join("\n");

export const goBooks = code("books.go", "go", [
  "package main",
  "",
  "import (",
  '\t"encoding/json"',
  '\t"net/http"',
  '\t"strconv"',
  ")",
  "",
  "type Book struct {",
  '\tID     int    `json:"id"`',
  '\tTitle  string `json:"title"`',
  '\tAuthor string `json:"author"`',
  "}",
  "",
  GO_BOOKS,
  "",
  "func getBook(w http.ResponseWriter, r *http.Request) {",
  '\tid, _ := strconv.Atoi(r.URL.Query().Get("id"))',
  "\tfor _, b := range books {",
  "\t\tif b.ID == id {",
  "\t\t\tjson.NewEncoder(w).Encode(b)",
  "\t\t\treturn",
  "\t\t}",
  "\t}",
  "\tw.WriteHeader(http.StatusNotFound)",
  "}",
  "",
  GO_LIST,
  "",
  "func main() {",
  '\thttp.HandleFunc("/book", getBook)',
  '\thttp.HandleFunc("/books", listBooks)',
  '\thttp.ListenAndServe(":8080", nil)',
  "}",
]);

export const JAVA_ADD = ["    public void add(String title) {", "        titles.add(title);", "    }"].join("\n");
export const JAVA_COUNT = ["    public int count() {", "        return titles.size();", "    }"].join("\n");

export const javaLibrary = code("Library.java", "java", [
  "import java.util.ArrayList;",
  "import java.util.List;",
  "",
  "public class Library {",
  "    private final List<String> titles = new ArrayList<>();",
  "",
  JAVA_ADD,
  "",
  "    public boolean contains(String title) {",
  "        for (String t : titles) {",
  "            if (t == title) {",
  "                return true;",
  "            }",
  "        }",
  "        return false;",
  "    }",
  "",
  JAVA_COUNT,
  "",
  "    public List<String> all() {",
  "        return titles;",
  "    }",
  "}",
]);

export const PY_STATS_READ = [
  "def read_scores(path):",
  "    with open(path) as f:",
  '        return [int(row["score"]) for row in csv.DictReader(f)]',
].join("\n");
export const PY_STATS_MEAN = ["def mean(values):", "    return sum(values) / len(values)"].join("\n");
export const PY_STATS_MEDIAN = [
  "def median(values):",
  "    ordered = sorted(values)",
  "    middle = len(ordered) // 2",
  "    return ordered[middle]",
].join("\n");
export const PY_STATS_REPORT = [
  "def report(path):",
  "    scores = read_scores(path)",
  '    print("count:", len(scores))',
  '    print("mean:", mean(scores))',
  '    print("median:", median(scores))',
].join("\n");

export const pyStats = code("scores.py", "python", [
  "import csv",
  "import sys",
  "",
  "",
  PY_STATS_READ,
  "",
  "",
  PY_STATS_MEAN,
  "",
  "",
  PY_STATS_MEDIAN,
  "",
  "",
  PY_STATS_REPORT,
  "",
  "",
  'if __name__ == "__main__":',
  "    report(sys.argv[1])",
]);

for (const [name, seed] of Object.entries({ "py-cart": pyCart, "ts-users": tsUsers, "js-cart": jsCart, "py-inventory": pyInventory, "go-books": goBooks, "java-library": javaLibrary, "py-stats": pyStats }))
  family(name, seed);
