// What a Yjs update (v1, as the y-websocket protocol carries it) would cost a room, read without
// building a single struct: how many structs it adds and how many delete ranges it carries. A
// delete range can split an existing item in two places, so a small update of many ranges (every
// other character of a long text deleted) turns into millions of items in the heap; applying it
// first and measuring after is too late. Anything that does not decode is a malformed update.
import * as decoding from "lib0/decoding";

export interface UpdateCost {
  /** Structs (items, GC and skip ranges) the update adds. */
  structs: number;
  /** Ranges in its delete set; each may split up to two existing items. */
  deleteRanges: number;
  /** Upper bound on the items the room holds more after applying it. */
  items: number;
}

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;
const YXML_ELEMENT = 3;
const YXML_HOOK = 5;

/** How a struct finds its parent: as Yjs integrates it (Item.getMissing). */
export const Placement = {
  /** GC or skip range: no parent. */
  None: 0,
  /** After its left neighbour (origin), in that one's parent. */
  Origin: 1,
  /** Before its right neighbour (right origin), in that one's parent. */
  RightOrigin: 2,
  /** Inside the type that item `ref` holds. */
  ParentItem: 3,
  /** Inside a root type (a top-level name). */
  Root: 4,
} as const;
export type Placement = (typeof Placement)[keyof typeof Placement];

/**
 * Where each struct of an update sits, column by column (index = struct), for the nesting check
 * (updateDepth.ts). `ref` is the id (client, clock) its placement names, when it names one.
 */
export interface UpdateStructs {
  client: number[];
  clock: number[];
  length: number[];
  placement: Placement[];
  refClient: number[];
  refClock: number[];
  /** True when the struct holds a type (an XmlElement, XmlText, Map, Array…): something that nests. */
  isType: boolean[];
}

/** The cost of `update`; throws on bytes that are not a v1 update (a count larger than the bytes left, a bad content type). */
export function measureUpdate(update: Uint8Array): UpdateCost {
  return readUpdate(update).cost;
}

/** The cost of `update` and where its structs sit; throws like measureUpdate. */
export function readUpdate(update: Uint8Array): { cost: UpdateCost; structs: UpdateStructs } {
  const decoder = decoding.createDecoder(update);
  const table: UpdateStructs = {
    client: [],
    clock: [],
    length: [],
    placement: [],
    refClient: [],
    refClock: [],
    isType: [],
  };
  let structs = 0;
  const clients = readCount(decoder);
  for (let client = 0; client < clients; client++) {
    const count = readCount(decoder);
    const id = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    for (let index = 0; index < count; index++) {
      table.client.push(id);
      table.clock.push(clock);
      clock += readStruct(decoder, table);
    }
    structs += count;
  }
  let deleteRanges = 0;
  const deleteClients = readCount(decoder);
  for (let client = 0; client < deleteClients; client++) {
    decoding.readVarUint(decoder); // client id
    const ranges = readCount(decoder);
    for (let index = 0; index < ranges; index++) {
      decoding.readVarUint(decoder); // clock
      decoding.readVarUint(decoder); // length
    }
    deleteRanges += ranges;
  }
  return { cost: { structs, deleteRanges, items: structs + 2 * deleteRanges }, structs: table };
}

/** A count of things that follow; each takes at least one byte, so more than the bytes left is a lie. */
function readCount(decoder: decoding.Decoder): number {
  const count = decoding.readVarUint(decoder);
  if (count > decoder.arr.length - decoder.pos) throw new Error(`update claims ${count} entries in fewer bytes`);
  return count;
}

/** Read one struct into `table`; returns its length in clock ticks. */
function readStruct(decoder: decoding.Decoder, table: UpdateStructs): number {
  const info = decoding.readUint8(decoder);
  const ref = info & BITS5;
  if (ref === 0 || ref === 10) {
    const length = decoding.readVarUint(decoder); // GC or skip length
    table.length.push(length);
    table.placement.push(Placement.None);
    table.refClient.push(0);
    table.refClock.push(0);
    table.isType.push(false);
    return length;
  }
  let placement: Placement = Placement.None;
  let refClient = 0;
  let refClock = 0;
  if ((info & BIT8) !== 0) {
    placement = Placement.Origin;
    refClient = decoding.readVarUint(decoder);
    refClock = decoding.readVarUint(decoder);
  }
  if ((info & BIT7) !== 0) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // Yjs takes the parent from the left neighbour when there is one, else from the right one.
    if (placement === Placement.None) [placement, refClient, refClock] = [Placement.RightOrigin, client, clock];
  }
  if ((info & (BIT7 | BIT8)) === 0) {
    if (decoding.readVarUint(decoder) === 1) {
      decoding.readVarString(decoder); // root type key
      placement = Placement.Root;
    } else {
      placement = Placement.ParentItem;
      refClient = decoding.readVarUint(decoder);
      refClock = decoding.readVarUint(decoder);
    }
    if ((info & BIT6) !== 0) decoding.readVarString(decoder); // map key
  }
  const length = readContent(decoder, ref);
  table.length.push(length);
  table.placement.push(placement);
  table.refClient.push(refClient);
  table.refClock.push(refClock);
  table.isType.push(ref === 7);
  return length;
}

/** Skip one item's content; returns its length in clock ticks (as Yjs counts them). */
function readContent(decoder: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1: // deleted
      return decoding.readVarUint(decoder);
    case 2: {
      // JSON
      const count = readCount(decoder);
      for (let index = count; index > 0; index--) decoding.readVarString(decoder);
      return count;
    }
    case 3: // binary
      decoding.readVarUint8Array(decoder);
      return 1;
    case 4: // string (its length in UTF-16 code units, as Yjs counts)
      return decoding.readVarString(decoder).length;
    case 5: // embed
      decoding.readVarString(decoder);
      return 1;
    case 6: // format: key, value
      decoding.readVarString(decoder);
      decoding.readVarString(decoder);
      return 1;
    case 7: {
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef === YXML_ELEMENT || typeRef === YXML_HOOK) decoding.readVarString(decoder);
      return 1;
    }
    case 8: {
      // any
      const count = readCount(decoder);
      for (let index = count; index > 0; index--) decoding.readAny(decoder);
      return count;
    }
    case 9: // subdocument
      decoding.readVarString(decoder);
      decoding.readAny(decoder);
      return 1;
    default:
      throw new Error(`unknown struct content type ${ref}`);
  }
}

/** Items a document holds now (what `measureUpdate` estimates growth of). */
export function structCount(doc: { store: { clients: Map<number, unknown[]> } }): number {
  let count = 0;
  for (const structs of doc.store.clients.values()) count += structs.length;
  return count;
}
