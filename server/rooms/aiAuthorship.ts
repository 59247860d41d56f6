// Only the server writes as the AI. A peer's transaction that adds a chat message, a comment or a
// reply authored "ai" (or named like the AI, or an assistant message) is answered at once by a
// server transaction that relabels it as a person's: the forgery is stored and broadcast for a
// moment, but nobody is left with a human's words shown as "Canvas AI".
import * as Y from "yjs";
import { AI_AUTHOR, ApiOrigin, imitatesAi, isTransactionOrigin } from "../../shared/origins.ts";
import { chatArray, commentRepliesMap, commentsMap } from "../../shared/room.ts";

const RELABEL = new ApiOrigin("editor", "strip_forged_ai");
const FORGED_NAME = "Someone (not Canvas AI)";

interface Authored {
  author?: unknown;
  authorName?: unknown;
}

const claimsAi = (value: Authored | undefined): boolean =>
  !!value && (value.author === AI_AUTHOR.id || (typeof value.authorName === "string" && imitatesAi(value.authorName)));

/** Watch `doc` for peer transactions that write as the AI; returns the unsubscribe. */
export function guardAiAuthorship(doc: Y.Doc): () => void {
  const onTransaction = (transaction: Y.Transaction): void => {
    if (!isTransactionOrigin(transaction.origin) || transaction.origin.source !== "peer") return;
    const fixes: (() => void)[] = [];
    const relabelMap = <T extends Authored>(map: Y.Map<T>): void => {
      for (const key of transaction.changed.get(map as unknown as Y.AbstractType<Y.YEvent<Y.Map<T>>>) ?? []) {
        const value = key === null ? undefined : map.get(key);
        if (key !== null && value && claimsAi(value))
          fixes.push(() => map.set(key, { ...value, author: "forged", authorName: FORGED_NAME }));
      }
    };
    relabelMap(commentsMap(doc));
    relabelMap(commentRepliesMap(doc));
    const chat = chatArray(doc);
    if (transaction.changedParentTypes.has(chat) || transaction.changed.has(chat)) {
      for (const entry of chat.toArray()) {
        if (!(entry instanceof Y.Map) || !createdIn(entry, transaction)) continue;
        const fields = { author: entry.get("author"), authorName: entry.get("authorName") };
        if (claimsAi(fields) || entry.get("role") === "assistant")
          fixes.push(() => {
            entry.set("role", "user");
            entry.set("author", "forged");
            entry.set("authorName", FORGED_NAME);
          });
      }
    }
    if (fixes.length) doc.transact(() => fixes.forEach((fix) => fix()), RELABEL);
  };
  doc.on("afterTransaction", onTransaction);
  return () => doc.off("afterTransaction", onTransaction);
}

/** Whether `type` was inserted by `transaction` (its item's clock is past the state before it). */
function createdIn(type: { _item: Y.Item | null }, transaction: Y.Transaction): boolean {
  const item = type._item;
  if (!item) return false;
  return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}
