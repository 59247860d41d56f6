// A bare y-websocket protocol client on `ws` + y-protocols: lighter than a WebsocketProvider (no
// awareness, no reconnect), so benchmarks can open hundreds of them, and tests can also send raw bytes.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { WebSocket, type RawData } from "ws";

const MESSAGE_SYNC = 0;

export interface WireClient {
  readonly doc: Y.Doc;
  readonly socket: WebSocket;
  /** Resolves when the socket is open. */
  readonly opened: Promise<void>;
  /** Resolves when the server's state has been received (sync step 2). */
  readonly synced: Promise<void>;
  /** Resolves with the close code and reason when the socket closes. */
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Count of document updates received from the server after sync. */
  readonly received: () => number;
  /** Send raw bytes (or a text frame) as they are. */
  sendRaw(data: Uint8Array | string): void;
  close(): void;
}

const REMOTE = Symbol("remote");

export interface WireOptions {
  doc?: Y.Doc;
  /** Called after each update from the server is applied to the doc. */
  onRemoteUpdate?: (doc: Y.Doc) => void;
}

export function connectWire(url: string, options: WireOptions = {}): WireClient {
  const doc = options.doc ?? new Y.Doc();
  const socket = new WebSocket(url);
  socket.binaryType = "nodebuffer";
  let received = 0;
  let markSynced!: () => void;
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  // Never left unhandled: tests that only care about the close code do not await `opened`.
  opened.catch(() => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  socket.on("error", () => undefined);

  const send = (data: Uint8Array): void => {
    if (socket.readyState === WebSocket.OPEN) socket.send(data);
  };

  const onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    send(encoding.toUint8Array(encoder));
  };
  doc.on("update", onLocalUpdate);

  socket.on("open", () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, doc);
    send(encoding.toUint8Array(encoder));
  });

  socket.on("message", (raw: RawData) => {
    const data = toBytes(raw);
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return; // awareness and the rest: not needed here
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MESSAGE_SYNC);
    const type = syncProtocol.readSyncMessage(decoder, reply, doc, REMOTE);
    if (encoding.length(reply) > 1) send(encoding.toUint8Array(reply));
    if (type === syncProtocol.messageYjsSyncStep2) markSynced();
    if (type === syncProtocol.messageYjsUpdate) {
      received++;
      options.onRemoteUpdate?.(doc);
    }
  });

  return {
    doc,
    socket,
    opened,
    synced,
    closed,
    received: () => received,
    sendRaw(data) {
      if (socket.readyState === WebSocket.OPEN) socket.send(data, { binary: typeof data !== "string" });
    },
    close() {
      doc.off("update", onLocalUpdate);
      socket.close();
    },
  };
}

function toBytes(raw: RawData): Uint8Array {
  if (Array.isArray(raw)) return new Uint8Array(Buffer.concat(raw));
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}

/** A sync-protocol update message carrying `update`, as a client would send it. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
