import { afterEach, describe, expect, it } from "vitest";
import { canvasFragment } from "../../shared/room.ts";
import { connectClient, startTestServer, typeParagraph, type TestServer } from "../helpers/server.ts";

let server: TestServer;
afterEach(async () => server.close());

interface VersionList {
  versions: { reason: string; canvasId: string }[];
}

describe("periodic versions of human work", () => {
  it("a canvas people changed gets a snapshot version; an unchanged one gets none", async () => {
    server = await startTestServer({ snapshotEveryMs: 40 });
    const room = await server.createRoom();
    const created = await server.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: { title: "Notes", kind: "document", language: null, content: "# Notes\n\nFirst line." },
    });
    const { canvasId } = created.json as { canvasId: string };
    const list = async () =>
      (
        (await server.api(`/api/rooms/${room.roomId}/versions?canvasId=${canvasId}`, { token: room.tokens.viewer }))
          .json as VersionList
      ).versions;

    // Several intervals pass without a change: no versions.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await list()).toEqual([]);

    const client = connectClient(server.wsUrl, room.roomId, room.tokens.editor);
    await client.synced;
    typeParagraph(canvasFragment(client.doc, canvasId), "A person typed this.");
    let versions: VersionList["versions"] = [];
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && versions.length === 0) {
      versions = await list();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(versions).toEqual([expect.objectContaining({ reason: "snapshot", canvasId })]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await list()).toHaveLength(1);
    client.destroy();
  });
});
