// Two pages: the landing page at / and a room at /r/:roomId?token=… (the share-link shape).
import { useEffect, useState } from "react";
import { Landing } from "./components/Landing.tsx";
import { RoomPage } from "./components/RoomPage.tsx";
import { parseRoomPath } from "./lib/roomLinks.ts";

function useLocation(): string {
  const [href, setHref] = useState(window.location.href);
  useEffect(() => {
    const onPop = () => setHref(window.location.href);
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  return href;
}

export function App() {
  const href = useLocation();
  const url = new URL(href);
  const room = parseRoomPath(url.pathname, url.search);
  if (!room) return <Landing />;
  if (!room.token) {
    return (
      <main className="page-message">
        <h1>This link has no access token</h1>
        <p>
          Open the full share link you were given (it ends with <code>?token=…</code>), or create a new room.
        </p>
        <a className="button primary" href="/">
          Create a room
        </a>
      </main>
    );
  }
  return <RoomPage key={`${room.roomId}/${room.token}`} roomId={room.roomId} token={room.token} />;
}
