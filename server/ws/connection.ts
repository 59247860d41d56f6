// One websocket peer speaking the y-websocket protocol (sync + awareness) to a room. The role
// decides what it may do: viewers and commenters receive everything but their document updates
// are dropped (and logged). Anything that does not decode closes the socket with a clear code.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type { WebSocket } from "ws";
import type { Logger } from "pino";
import { can, type Role } from "../../shared/roles.ts";
import type { Peer, Room } from "../rooms/room.ts";
import { CLOSE } from "../../shared/closeCodes.ts";
import { DEFAULT_PRESENCE_LIMITS, filterPresence, type PresenceLimits } from "./presence.ts";
import { STORAGE_FAILURE_MESSAGE } from "../rooms/room.ts";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

export interface ConnectionLimits {
  /** Token bucket: sustained messages per second and burst size. */
  messagesPerSecond: number;
  burst: number;
  /** Bytes queued for a socket beyond which it is closed as a slow reader (DEFAULT_SEND_BUFFER_BYTES). */
  sendBufferBytes?: number;
  presence?: PresenceLimits;
}

/** Above the largest message, so one full sync always fits; a reader this far behind is not keeping up. */
export const DEFAULT_SEND_BUFFER_BYTES = 16 * 1024 * 1024;

export interface ConnectionHooks {
  onDroppedWrite?: () => void;
  onRejected?: (code: number) => void;
}

export function attachConnection(
  socket: WebSocket,
  room: Room,
  role: Role,
  log: Logger,
  limits: ConnectionLimits,
  hooks: ConnectionHooks = {},
): void {
  const mayWrite = can(role, "write");
  const controlledClients = new Set<number>();
  const sendBufferBytes = limits.sendBufferBytes ?? DEFAULT_SEND_BUFFER_BYTES;
  const presenceLimits = limits.presence ?? DEFAULT_PRESENCE_LIMITS;
  let answeredSyncStep1 = false;
  const takeToken = tokenBucket(limits.messagesPerSecond, limits.burst);
  // Each presence update is sent to every peer in the room: its own, lower rate (excess dropped;
  // the client renews its state every 15 s anyway).
  const takePresenceToken = tokenBucket(presenceLimits.updatesPerSecond, presenceLimits.updatesPerSecond * 2);
  let closed = false;

  const peer: Peer = {
    source: "peer",
    send(message) {
      if (socket.readyState !== socket.OPEN) return;
      // What the socket has not taken yet stays in memory: a peer that stops reading is cut off
      // here instead of growing the server without bound.
      if (socket.bufferedAmount > sendBufferBytes) {
        log.warn({ role, buffered: socket.bufferedAmount }, "closing a socket that does not read what it is sent");
        peer.close(CLOSE.slowReader, "The connection is too slow to keep up; reconnecting.");
        return;
      }
      socket.send(message, (error) => {
        if (error) peer.close(CLOSE.internal, "send failed");
      });
    },
    close(code, reason) {
      if (closed) return;
      closed = true;
      hooks.onRejected?.(code);
      socket.close(code, reason);
      // A slow reader's close frame waits behind everything queued: do not keep that around.
      if (code === CLOSE.slowReader) setTimeout(() => socket.terminate(), 1_000).unref();
    },
  };
  if (room.failing) {
    // Until storage works again, a new socket would only queue edits it is never told are lost.
    peer.close(CLOSE.unavailable, STORAGE_FAILURE_MESSAGE);
    return;
  }
  room.peers.add(peer);

  const offUpdate = room.onStoredUpdate((update, origin) => {
    if (origin === peer) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    peer.send(encoding.toUint8Array(encoder));
  });
  const offAwareness = room.onAwarenessUpdate((update, origin) => {
    if (origin === peer) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, update);
    peer.send(encoding.toUint8Array(encoder));
  });

  const handleSync = (decoder: decoding.Decoder): void => {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        // One full answer per socket: each costs an encoding of the whole document. After that the
        // peer is sent every change as it is stored, so a repeat has nothing to learn.
        if (answeredSyncStep1) return;
        answeredSyncStep1 = true;
        // Answer once pending changes are stored: a peer never receives what a crash could still lose.
        void room.flush().then(
          () => {
            const answer = encoding.createEncoder();
            encoding.writeVarUint(answer, MESSAGE_SYNC);
            syncProtocol.writeSyncStep2(answer, room.doc, stateVector);
            peer.send(encoding.toUint8Array(answer));
          },
          () => peer.close(CLOSE.unavailable, STORAGE_FAILURE_MESSAGE),
        );
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        if (!mayWrite) {
          // A read-only peer's sync step 2 after reconnect is normal and usually empty; a real write is logged.
          if (update.byteLength > 2 || syncType === syncProtocol.messageYjsUpdate) {
            log.warn({ role, bytes: update.byteLength }, "dropped a document update from a read-only peer");
            hooks.onDroppedWrite?.();
          }
          return;
        }
        const refused = room.applyPeerUpdate(update, peer);
        if (refused) {
          log.warn({ role, bytes: update.byteLength }, "refused an update over the room's budget");
          peer.close(CLOSE.tooLarge, refused.slice(0, 120));
        }
        return;
      }
      default:
        throw new Error(`unknown sync message type ${syncType}`);
    }
  };

  const handleMessage = (data: Uint8Array): void => {
    const decoder = decoding.createDecoder(data);
    const reply = encoding.createEncoder();
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MESSAGE_SYNC:
        handleSync(decoder);
        break;
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        // More than every state this socket may hold at their largest: not a browser tab.
        if (update.byteLength > presenceLimits.clientsPerSocket * (presenceLimits.stateBytes + 32)) {
          log.warn({ role, bytes: update.byteLength }, "closing a socket that sent an oversized presence update");
          peer.close(CLOSE.tooLarge, "Presence update too large.");
          return;
        }
        if (!takePresenceToken()) return;
        const filtered = filterPresence(
          update,
          peer,
          controlledClients,
          room.presenceOwners,
          room.awareness.clientID,
          presenceLimits,
        );
        if (filtered.dropped)
          log.warn({ role, dropped: filtered.dropped }, "dropped presence entries this socket may not set");
        if (filtered.update) awarenessProtocol.applyAwarenessUpdate(room.awareness, filtered.update, peer);
        break;
      }
      case MESSAGE_QUERY_AWARENESS: {
        encoding.writeVarUint(reply, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(
          reply,
          awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]),
        );
        break;
      }
      case MESSAGE_AUTH:
        break;
      default:
        throw new Error(`unknown message type ${messageType}`);
    }
    if (encoding.length(reply) > 0) peer.send(encoding.toUint8Array(reply));
  };

  socket.on("message", (raw, isBinary) => {
    // A socket the server is closing (e.g. its link was revoked) gets nothing more applied.
    if (closed || socket.readyState !== socket.OPEN) return;
    if (!takeToken()) {
      log.warn({ role }, "closing a socket that exceeded the message rate limit");
      peer.close(CLOSE.rateLimited, "too many messages");
      return;
    }
    if (!isBinary) {
      peer.close(CLOSE.badMessage, "binary y-websocket messages only");
      return;
    }
    const data = toUint8Array(raw);
    try {
      handleMessage(data);
    } catch (error) {
      log.warn(
        { role, err: error instanceof Error ? error.message : String(error) },
        "closing a socket that sent an undecodable message",
      );
      peer.close(CLOSE.badMessage, "malformed message");
    }
  });

  let alive = true;
  socket.on("pong", () => {
    alive = true;
  });
  const heartbeat = setInterval(() => {
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, 30_000);
  heartbeat.unref();

  socket.on("close", () => {
    closed = true;
    clearInterval(heartbeat);
    offUpdate();
    offAwareness();
    room.peers.delete(peer);
    for (const clientId of controlledClients) room.presenceOwners.delete(clientId);
    awarenessProtocol.removeAwarenessStates(room.awareness, [...controlledClients], null);
  });
  socket.on("error", (error) => log.debug({ err: error.message }, "socket error"));

  // Start the sync: our state vector, then everyone's presence.
  const hello = encoding.createEncoder();
  encoding.writeVarUint(hello, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(hello, room.doc);
  peer.send(encoding.toUint8Array(hello));
  const states = room.awareness.getStates();
  if (states.size > 0) {
    const presence = encoding.createEncoder();
    encoding.writeVarUint(presence, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(presence, awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...states.keys()]));
    peer.send(encoding.toUint8Array(presence));
  }
}

/** A token bucket: `take()` is true while fewer than `burst` events came faster than `perSecond`. */
function tokenBucket(perSecond: number, burst: number): () => boolean {
  let tokens = burst;
  let lastRefill = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - lastRefill) / 1000) * perSecond);
    lastRefill = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

function toUint8Array(raw: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(raw)) return new Uint8Array(Buffer.concat(raw));
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}
