// Two Y.Docs linked like a server and a y-websocket client, with queues in both directions delivered
// when the test says so: a network whose latency the test controls exactly.
import * as Y from "yjs";

/** The origin of updates delivered to the other side (they are not sent back). */
const PERSON = { person: true };

export interface LinkedDocs {
  person: Y.Doc;
  /** Deliver the person's queued updates to the server. */
  toServer(): void;
  /** Deliver the server's queued updates to the person. */
  toPerson(): void;
  /** Deliver both ways until nothing is queued. */
  settle(): void;
}

/** A person's copy of `server`, their updates queued both ways until the test delivers them. */
export function linked(server: Y.Doc): LinkedDocs {
  const person = new Y.Doc();
  Y.applyUpdate(person, Y.encodeStateAsUpdate(server));
  const toPerson: Uint8Array[] = [];
  const toServer: Uint8Array[] = [];
  server.on("update", (update: Uint8Array, origin: unknown) => origin !== PERSON && toPerson.push(update));
  person.on("update", (update: Uint8Array, origin: unknown) => origin !== PERSON && toServer.push(update));
  const deliver = (queue: Uint8Array[], doc: Y.Doc) => {
    for (const update of queue.splice(0)) Y.applyUpdate(doc, update, PERSON);
  };
  return {
    person,
    toServer: () => deliver(toServer, server),
    toPerson: () => deliver(toPerson, person),
    settle() {
      while (toServer.length || toPerson.length) {
        deliver(toServer, server);
        deliver(toPerson, person);
      }
    },
  };
}
