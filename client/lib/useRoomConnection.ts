// One room = one Y.Doc synced over the y-websocket protocol. This hook owns the doc and provider for
// the room page and reports the connection state the header shows.
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { CLOSE } from "../../shared/closeCodes.ts";
import type { Identity } from "./identity.ts";

export type ConnectionState = "connecting" | "online" | "reconnecting" | "offline" | "unsaved" | "refused";

export interface RoomConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: ConnectionState;
  synced: boolean;
  /** Why the server refused the socket (bad or revoked link), when it did. */
  refusal: string | null;
}

function wsBase(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}/ws`;
}

export function useRoomConnection(roomId: string, token: string, identity: Identity): RoomConnection | null {
  const [connection, setConnection] = useState<{ doc: Y.Doc; provider: WebsocketProvider } | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [synced, setSynced] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    // No BroadcastChannel: tabs must not pass updates around the server's role checks.
    const provider = new WebsocketProvider(wsBase(), roomId, doc, {
      params: { token },
      disableBc: true,
      maxBackoffTime: 2_500,
    });
    let everConnected = false;
    // The server could not store changes: say so until a sync succeeds (the doc keeps the edits and
    // the provider resends them on reconnect).
    let storageTrouble = false;
    provider.on("connection-close", (event) => {
      if (event?.code === CLOSE.unavailable) storageTrouble = true;
    });
    provider.on("status", ({ status }) => {
      if (status === "connected") {
        everConnected = true;
        setState(storageTrouble ? "unsaved" : "online");
      } else if (!navigator.onLine) setState("offline");
      else if (storageTrouble) setState("unsaved");
      else setState(everConnected ? "reconnecting" : "connecting");
    });
    provider.on("sync", (isSynced) => {
      if (isSynced && storageTrouble) {
        storageTrouble = false;
        setState("online");
      }
      setSynced(isSynced);
    });
    provider.on("closed", (event) => {
      setState("refused");
      setRefusal(
        event.code === CLOSE.notFound
          ? event.reason || "This room does not exist. Check the link you were given."
          : event.code === CLOSE.unauthorized || event.code === CLOSE.forbidden
            ? "This link is not valid any more. Ask the room's owner for a new one."
            : event.reason || `The server closed the connection (${event.code}).`,
      );
    });
    const goOffline = () => setState("offline");
    const goOnline = () => setState(provider.wsconnected ? "online" : "reconnecting");
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    setConnection({ doc, provider });
    return () => {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      provider.destroy();
      doc.destroy();
      setConnection(null);
      setSynced(false);
    };
  }, [roomId, token]);

  useEffect(() => {
    connection?.provider.awareness.setLocalStateField("user", {
      id: identity.id,
      name: identity.name,
      color: identity.color,
    });
  }, [connection, identity.id, identity.name, identity.color]);

  if (!connection) return null;
  return { ...connection, state, synced, refusal };
}
