// The fake OpenAI server as its own process, for e2e tests that run the app as a child process:
//   FAKE_OPENAI_PORT=4010 node --import tsx tests/fake-openai/main.ts
// Script it with `POST /__script` (a JSON array of steps, see steps.ts); read what it received with
// `GET /__requests`; forget both with `POST /__reset`. Prints "fake OpenAI listening at <base URL>" once ready.
import { startFakeOpenAI } from "./server.ts";

const raw = process.env.FAKE_OPENAI_PORT ?? process.env.PORT ?? "0";
const port = Number(raw);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`FAKE_OPENAI_PORT=${JSON.stringify(raw)} is not a port number (0-65535)`);
  process.exit(2);
}

const fake = await startFakeOpenAI({ port, host: process.env.FAKE_OPENAI_HOST ?? "127.0.0.1" });
console.log(`fake OpenAI listening at ${fake.url}`);

const stop = () => {
  void fake.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
