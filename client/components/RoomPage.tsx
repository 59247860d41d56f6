// The room page: loads who I am in the room (role, engine), connects the room's Y.Doc, then renders
// the room. A refused link shows why instead of an empty editor.
import { useEffect, useMemo, useState } from "react";
import { Api, type RoomInfo } from "../lib/api.ts";
import { loadIdentity, saveIdentity, type Identity } from "../lib/identity.ts";
import { useRoomConnection } from "../lib/useRoomConnection.ts";
import { RoomView } from "./RoomView.tsx";
import { rememberRoom } from "../lib/library.ts";

export function RoomPage({ roomId, token }: { roomId: string; token: string }) {
  const api = useMemo(() => new Api(roomId, token), [roomId, token]);
  const [identity, setIdentity] = useState<Identity>(loadIdentity);
  const [info, setInfo] = useState<RoomInfo | null>(null);
  const [infoError, setInfoError] = useState<{ status: number; message: string } | null>(null);
  const connection = useRoomConnection(roomId, token, identity);

  useEffect(() => {
    let live = true;
    void api.room().then((result) => {
      if (!live) return;
      if (result.ok) {
        setInfo(result.value);
        document.title = `${result.value.title} · Canvas`;
        rememberRoom({
          roomId,
          token,
          role: result.value.role,
          title: result.value.title,
          canvases: result.value.canvases.length,
          lastActivity: result.value.lastActivity ?? Date.now(),
        });
      } else setInfoError({ status: result.status, message: result.message });
    });
    return () => {
      live = false;
    };
  }, [api, roomId, token]);

  const refused = infoError && (infoError.status === 401 || infoError.status === 403 || infoError.status === 404);
  if (refused || connection?.state === "refused") {
    return (
      <main className="page-message">
        <h1>Cannot open this room</h1>
        <p>{infoError?.message ?? connection?.refusal}</p>
        <a className="button primary" href="/">
          Create a new room
        </a>
      </main>
    );
  }
  if (!connection)
    return (
      <main className="page-message" aria-busy="true">
        <p>Opening the room…</p>
      </main>
    );
  return (
    <RoomView
      api={api}
      info={info}
      infoError={infoError?.message ?? null}
      connection={connection}
      identity={identity}
      onIdentity={(next) => {
        saveIdentity(next);
        setIdentity(next);
      }}
    />
  );
}
