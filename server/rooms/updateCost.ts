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

/** The cost of `update`; throws on bytes that are not a v1 update (a count larger than the bytes left, a bad content type). */
export function measureUpdate(update: Uint8Array): UpdateCost {
  const decoder = decoding.createDecoder(update);
  let structs = 0;
  const clients = readCount(decoder);
  for (let client = 0; client < clients; client++) {
    const count = readCount(decoder);
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // first clock
    for (let index = 0; index < count; index++) skipStruct(decoder);
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
  return { structs, deleteRanges, items: structs + 2 * deleteRanges };
}

/** A count of things that follow; each takes at least one byte, so more than the bytes left is a lie. */
function readCount(decoder: decoding.Decoder): number {
  const count = decoding.readVarUint(decoder);
  if (count > decoder.arr.length - decoder.pos) throw new Error(`update claims ${count} entries in fewer bytes`);
  return count;
}

function skipStruct(decoder: decoding.Decoder): void {
  const info = decoding.readUint8(decoder);
  const ref = info & BITS5;
  if (ref === 0 || ref === 10) {
    decoding.readVarUint(decoder); // GC or skip length
    return;
  }
  if ((info & BIT8) !== 0) skipId(decoder); // origin
  if ((info & BIT7) !== 0) skipId(decoder); // right origin
  if ((info & (BIT7 | BIT8)) === 0) {
    if (decoding.readVarUint(decoder) === 1)
      decoding.readVarString(decoder); // root type key
    else skipId(decoder); // parent item
    if ((info & BIT6) !== 0) decoding.readVarString(decoder); // map key
  }
  skipContent(decoder, ref);
}

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
}

function skipContent(decoder: decoding.Decoder, ref: number): void {
  switch (ref) {
    case 1: // deleted
      decoding.readVarUint(decoder);
      return;
    case 2: // JSON
      for (let index = readCount(decoder); index > 0; index--) decoding.readVarString(decoder);
      return;
    case 3: // binary
      decoding.readVarUint8Array(decoder);
      return;
    case 4: // string
    case 5: // embed
      decoding.readVarString(decoder);
      return;
    case 6: // format: key, value
      decoding.readVarString(decoder);
      decoding.readVarString(decoder);
      return;
    case 7: {
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef === YXML_ELEMENT || typeRef === YXML_HOOK) decoding.readVarString(decoder);
      return;
    }
    case 8: // any
      for (let index = readCount(decoder); index > 0; index--) decoding.readAny(decoder);
      return;
    case 9: // subdocument
      decoding.readVarString(decoder);
      decoding.readAny(decoder);
      return;
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
