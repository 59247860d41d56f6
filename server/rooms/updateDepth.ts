// How deep an update would nest types (elements in elements, maps in arrays…) once applied to a room,
// worked out from the update's bytes and the room's document before anything is applied. Every reader
// of a canvas (markdown, export, the agent's prompt, the browser's editor) recurses per level, and past
// about 3,000 levels Node's stack overflows, so a peer must not be able to write 100,000 levels.
// Resolution follows Yjs (Item.getMissing): a struct sits in its left neighbour's parent, else in its
// right neighbour's, else in the parent it names. It runs without recursion: a chain of neighbours in
// one update can be as long as the update.
import * as Y from "yjs";
import { Placement, type UpdateStructs } from "./updateCost.ts";

/**
 * Most levels of types a room's document may hold, its root types counted. Markdown parsing nests at
 * most 100 blocks (markdown-it's maxNesting), so anything the parser makes fits with room to spare,
 * and readers stay an order of magnitude below the depth that overflows their stack.
 */
export const MAX_NESTING = 128;

/** What an update would do to a document's nesting. */
export interface UpdateNesting {
  /** Deepest level a type of the update would sit at (0 when it adds no type). */
  depth: number;
  /**
   * Types whose place cannot be worked out yet: they hang from content neither the room nor the update
   * has, and Yjs keeps them pending until it arrives. Counted from where they hang, as if it were a root.
   */
  unplaced: number;
}

/** The struct will be garbage (its neighbour or parent was collected): it nests nothing. */
const COLLECTED = -1;
// state: 0 not seen yet, then IN_PROGRESS (waiting on the struct it follows), then DONE.
const IN_PROGRESS = 1;
const DONE = 2;

/** Nesting of the types `structs` (read from one update by readUpdate) would add to `doc`. */
export function updateNesting(doc: Y.Doc, structs: UpdateStructs): UpdateNesting {
  const count = structs.client.length;
  // Level of the type each struct sits in (its parent; root types are level 1), or COLLECTED.
  const parentLevel = new Int32Array(count);
  // Set when that level counts from missing content (taken as level 0) rather than from a root.
  const unplacedFrom = new Uint8Array(count);
  const state = new Uint8Array(count);
  const byClient = indexByClient(structs);
  const docLevels = new Map<Y.AbstractType<unknown>, number>();

  const find = (client: number, clock: number): number => {
    const indices = byClient.get(client);
    if (!indices) return -1;
    let low = 0;
    let high = indices.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const index = indices[middle]!;
      if (structs.clock[index]! > clock) high = middle - 1;
      else if (structs.clock[index]! + structs.length[index]! <= clock) low = middle + 1;
      else return index;
    }
    return -1;
  };

  /** Where struct `index` sits when the room (or nothing) decides it, else the struct of the update it follows. */
  const place = (index: number): { level: number; unplaced?: true } | { after: number; nested: boolean } => {
    const placement = structs.placement[index]!;
    if (placement === Placement.None) return { level: COLLECTED };
    if (placement === Placement.Root) return { level: 1 };
    const client = structs.refClient[index]!;
    const clock = structs.refClock[index]!;
    if (clock < Y.getState(doc.store, client)) {
      const item = Y.getItem(doc.store, Y.createID(client, clock));
      if (!(item instanceof Y.Item)) return { level: COLLECTED };
      if (placement === Placement.ParentItem) {
        const type = (item.content as { type?: Y.AbstractType<unknown> }).type;
        return { level: type && !item.deleted ? levelInDoc(type, docLevels) : COLLECTED };
      }
      const parent = item.parent;
      return { level: parent instanceof Y.AbstractType ? levelInDoc(parent, docLevels) : COLLECTED };
    }
    const other = find(client, clock);
    if (other === -1) return { level: 0, unplaced: true };
    if (placement === Placement.ParentItem && !structs.isType[other]) return { level: COLLECTED };
    return { after: other, nested: placement === Placement.ParentItem };
  };

  const resolve = (start: number): void => {
    const stack = [start];
    while (stack.length > 0) {
      const index = stack[stack.length - 1]!;
      if (state[index] === DONE) {
        stack.pop();
        continue;
      }
      const where = place(index);
      if ("level" in where) {
        parentLevel[index] = where.level;
        unplacedFrom[index] = where.unplaced ? 1 : 0;
      } else if (state[where.after] === DONE) {
        const level = parentLevel[where.after]!;
        parentLevel[index] = level === COLLECTED ? COLLECTED : level + (where.nested ? 1 : 0);
        unplacedFrom[index] = unplacedFrom[where.after]!;
      } else if (state[where.after] === IN_PROGRESS) {
        // A cycle of references: no document is like that, and Yjs would never integrate it.
        parentLevel[index] = 0;
        unplacedFrom[index] = 1;
      } else {
        state[index] = IN_PROGRESS;
        stack.push(where.after);
        continue;
      }
      state[index] = DONE;
      stack.pop();
    }
  };

  let depth = 0;
  let unplaced = 0;
  for (let index = 0; index < count; index++) {
    if (!structs.isType[index]) continue;
    resolve(index);
    const level = parentLevel[index]!;
    if (level === COLLECTED) continue;
    if (unplacedFrom[index]) unplaced++;
    depth = Math.max(depth, level + 1);
  }
  return { depth, unplaced };
}

/** A type's level in the document (root types are 1), memoised; walks up without recursion. */
function levelInDoc(type: Y.AbstractType<unknown>, memo: Map<Y.AbstractType<unknown>, number>): number {
  const path: Y.AbstractType<unknown>[] = [];
  let current: Y.AbstractType<unknown> | null = type;
  let base = 0;
  while (current) {
    const known = memo.get(current);
    if (known !== undefined) {
      base = known;
      break;
    }
    path.push(current);
    const parent: unknown = current._item?.parent;
    current = parent instanceof Y.AbstractType ? parent : null;
  }
  for (let index = path.length - 1; index >= 0; index--) memo.set(path[index]!, base + (path.length - index));
  return memo.get(type)!;
}

function indexByClient(structs: UpdateStructs): Map<number, number[]> {
  const byClient = new Map<number, number[]>();
  for (let index = 0; index < structs.client.length; index++) {
    const client = structs.client[index]!;
    let indices = byClient.get(client);
    if (!indices) byClient.set(client, (indices = []));
    indices.push(index);
  }
  return byClient;
}
