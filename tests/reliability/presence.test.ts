// Presence you can trust: a socket sets and removes only its own client ids (a few), never the
// AI's; the `ai` flag is the server's; a name imitating the AI is refused; states are bounded, so
// a frame of 20,000 ids or a megabyte of state reaches nobody.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import { setAgentPresence } from "../../server/agent/presence.ts";
import { CLOSE } from "../../shared/closeCodes.ts";
import {
  connectClient,
  startTestServer,
  waitFor,
  type RoomLinks,
  type TestClient,
  type TestServer,
} from "../helpers/server.ts";
import { connectWire, type WireClient } from "./wireClient.ts";

let server: TestServer;
let room: RoomLinks;
const clients: TestClient[] = [];
const wires: WireClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  room = await server.createRoom("Presence");
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const wire of wires.splice(0)) wire.close();
  await server.close();
});

function person(name: string, token = room.tokens.editor): TestClient {
  const client = connectClient(server.wsUrl, room.roomId, token);
  client.provider.awareness.setLocalStateField("user", { id: name, name, color: "#123456" });
  clients.push(client);
  return client;
}

function attacker(token = room.tokens.viewer): WireClient {
  const client = connectWire(`${server.wsUrl}/${room.roomId}?token=${token}`);
  wires.push(client);
  return client;
}

/** An awareness message setting `states` (null removes), as any client could hand-build it. */
function awarenessMessage(states: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, states.length);
  for (const entry of states) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

async function liveAwareness() {
  return (await server.running.app.registry.get(room.roomId)).awareness;
}

/** Send `message`, then a harmless own update, and wait until that one is applied: the first was handled. */
async function sendAndSettle(wire: WireClient, message: Uint8Array, ownId: number, clock: number): Promise<void> {
  wire.sendRaw(message);
  wire.sendRaw(awarenessMessage([{ clientId: ownId, clock, state: { user: { name: "Mallory" }, marker: clock } }]));
  const awareness = await liveAwareness();
  await waitFor(() => awareness.getStates().get(ownId)?.marker === clock, "the attacker's own state to apply");
}

describe("presence", () => {
  it("a viewer cannot rename, remove or impersonate another person", async () => {
    const alice = person("Alice");
    await alice.synced;
    const awareness = await liveAwareness();
    const aliceId = alice.doc.clientID;
    await waitFor(() => awareness.getStates().get(aliceId)?.user?.name === "Alice", "alice's presence");
    const mallory = attacker();
    await mallory.opened;

    await sendAndSettle(
      mallory,
      awarenessMessage([{ clientId: aliceId, clock: 1_000, state: { user: { name: "Alice is a fool" } } }]),
      7_001,
      1,
    );
    expect(awareness.getStates().get(aliceId)?.user?.name).toBe("Alice");
    await sendAndSettle(mallory, awarenessMessage([{ clientId: aliceId, clock: 2_000, state: null }]), 7_001, 2);
    expect(awareness.getStates().get(aliceId)?.user?.name).toBe("Alice");
  });

  it("nobody but the server announces the AI: the ai flag is stripped, AI names and the server's id are refused", async () => {
    const awareness = await liveAwareness();
    const live = await server.running.app.registry.get(room.roomId);
    setAgentPresence(live, { working: true, canvasId: null });
    const serverId = awareness.clientID;
    const mallory = attacker(room.tokens.editor);
    await mallory.opened;

    await sendAndSettle(
      mallory,
      awarenessMessage([
        { clientId: 8_001, clock: 1, state: { user: { name: "Canvas AI", color: "#7c3aed" }, ai: true } },
        { clientId: 8_002, clock: 1, state: { user: { name: "Totally human" }, ai: true } },
        { clientId: serverId, clock: 10_000, state: null },
      ]),
      8_003,
      1,
    );
    expect(awareness.getStates().has(8_001)).toBe(false);
    expect(awareness.getStates().get(8_002)?.ai).toBeUndefined();
    expect(awareness.getStates().get(8_002)?.user?.name).toBe("Totally human");
    expect(awareness.getStates().get(serverId)?.ai).toBe(true);
    const aiEntries = [...awareness.getStates().values()].filter((state) => state.ai === true);
    expect(aiEntries).toHaveLength(1);
  });

  it("a frame of 20,000 client ids or a megabyte of state closes the socket; 50 ids in a frame claim only 4", async () => {
    const flood = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        clientId: 100_000 + index,
        clock: 1,
        state: { user: { name: `bot ${index}` } },
      }));
    const first = attacker();
    await first.opened;
    first.sendRaw(awarenessMessage(flood(20_000)));
    expect((await first.closed).code).toBe(CLOSE.tooLarge);
    const second = attacker();
    await second.opened;
    second.sendRaw(
      awarenessMessage([
        { clientId: 9_998, clock: 1, state: { user: { name: "big" }, junk: "j".repeat(1024 * 1024) } },
      ]),
    );
    expect((await second.closed).code).toBe(CLOSE.tooLarge);
    const awareness = await liveAwareness();
    expect(awareness.getStates().size).toBe(0);

    const third = attacker();
    await third.opened;
    await sendAndSettle(third, awarenessMessage([]), 9_999, 1);
    await sendAndSettle(third, awarenessMessage(flood(50)), 9_999, 2);
    expect(awareness.getStates().size).toBeLessThanOrEqual(4);

    const late = person("Late");
    await late.synced;
    await waitFor(() => late.provider.awareness.getStates().has(9_999), "the late joiner to get the presence replay");
    expect(late.provider.awareness.getStates().size).toBeLessThanOrEqual(5);
  });

  it("presence updates beyond 20 a second (bursts of 40) are dropped, so one socket cannot flood every peer", async () => {
    const awareness = await liveAwareness();
    let applied = 0;
    awareness.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(6_001)) applied++;
    });
    const mallory = attacker();
    await mallory.opened;
    let answered = false;
    mallory.socket.on("message", (raw: Buffer) => {
      if (raw[0] === 1) answered = true;
    });
    for (let clock = 1; clock <= 200; clock++)
      mallory.sendRaw(awarenessMessage([{ clientId: 6_001, clock, state: { user: { name: "M" }, n: clock } }]));
    mallory.sendRaw(new Uint8Array([3])); // answered only after every earlier frame was handled
    await waitFor(() => answered, "the awareness query to be answered");
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThanOrEqual(45);
  });
});
