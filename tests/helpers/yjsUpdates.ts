// Small Yjs fixtures for the storage tests: the updates of typing words into a text, and the text a
// stored snapshot plus update log rebuilds to.
import * as Y from "yjs";

export function typedUpdates(words: string[], doc = new Y.Doc()): { doc: Y.Doc; updates: Uint8Array[] } {
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const text = doc.getText("t");
  for (const word of words) text.insert(text.length, word);
  return { doc, updates };
}

export function rebuild(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc.getText("t").toString();
}
