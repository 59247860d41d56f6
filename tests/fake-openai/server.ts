// A fake OpenAI-compatible server: real HTTP and SSE, so the real `openai` SDK can be tested against
// scripted responses (text, streamed tool calls, errors, broken and hanging streams).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { fakeScriptSchema, type FakeErrorStep, type FakeStep, type FakeStreamStep } from "./steps.ts";

export type { FakeStep } from "./steps.ts";

interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (the raw text when it was not JSON). */
  body: unknown;
}

export interface FakeOpenAI {
  /** Base URL including /v1, for OPENAI_BASE_URL. */
  url: string;
  /** Appends steps to the queue; each chat completion request takes the next one. */
  script(steps: FakeStep[]): void;
  /** Every chat completion request received, in order. */
  requests: RecordedRequest[];
  /** Steps not played yet. */
  pending(): number;
  /** Forgets unplayed steps and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

const FAKE_MODEL = "fake-model";
const EMPTY_QUEUE_MESSAGE = "fake OpenAI: no scripted response left";

export async function startFakeOpenAI(options: { port?: number; host?: string } = {}): Promise<FakeOpenAI> {
  const queue: FakeStep[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: { message: `fake OpenAI crashed: ${String(error)}`, type: "server_error" } });
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0]!;
    const text = await readBody(req);
    if (req.method === "GET" && path === "/v1/models") {
      sendJson(res, 200, { object: "list", data: [{ id: FAKE_MODEL, object: "model", created: 0, owned_by: "fake" }] });
      return;
    }
    if (req.method === "POST" && path === "/__script") {
      const parsed = fakeScriptSchema.safeParse(parseJson(text));
      if (!parsed.success) {
        sendJson(res, 400, { error: { message: `bad script: ${parsed.error.message}` } });
        return;
      }
      queue.push(...parsed.data);
      sendJson(res, 200, { queued: queue.length });
      return;
    }
    if (req.method === "POST" && path === "/__reset") {
      queue.length = 0;
      requests.length = 0;
      sendJson(res, 200, { reset: true });
      return;
    }
    if (req.method === "GET" && path === "/__requests") {
      sendJson(res, 200, { requests, pending: queue.length });
      return;
    }
    if (req.method === "POST" && path === "/v1/chat/completions") {
      const body = parseJson(text);
      requests.push({ method: req.method, path, headers: req.headers, body });
      const step = queue.shift();
      if (step === undefined) {
        sendJson(res, 500, { error: { message: EMPTY_QUEUE_MESSAGE, type: "server_error", param: null, code: null } });
        return;
      }
      await play(step, body, res);
      return;
    }
    sendJson(res, 404, {
      error: { message: `fake OpenAI: no route ${req.method} ${path}`, type: "invalid_request_error" },
    });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    script(steps) {
      queue.push(...fakeScriptSchema.parse(steps));
    },
    requests,
    pending: () => queue.length,
    reset() {
      queue.length = 0;
      requests.length = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function play(step: FakeStep, body: unknown, res: ServerResponse): Promise<void> {
  if ("hang" in step) return; // never answer; the client's timeout or the close() ends it
  if ("status" in step) return sendError(step, body, res);
  const model = modelOf(body);
  const writer = new ChunkWriter(res, model);
  if ("malformed" in step) {
    writer.start();
    for (const piece of pieces(step.text ?? "", 5)) await writer.chunk({ content: piece });
    res.write('data: {"id": "chatcmpl-fake", "choices": [{"delta": {"content": "oops\n\n');
    res.end("data: [DONE]\n\n");
    return;
  }
  await streamAnswer(step, body, writer);
}

async function streamAnswer(step: FakeStreamStep, body: unknown, writer: ChunkWriter): Promise<void> {
  writer.cutAfter = step.cutAfterChunks ?? null;
  writer.stallAfter = step.stallAfterChunks ?? null;
  writer.delayMs = step.delayMs ?? 0;
  const size = step.chunkSize ?? 5;
  writer.start();
  if (!(await writer.chunk({ role: "assistant", content: "" }))) return;
  for (const piece of pieces(step.text ?? "", size)) {
    if (!(await writer.chunk({ content: piece }))) return;
  }
  let argumentsText = "";
  if (step.toolCall) {
    const call = step.toolCall;
    argumentsText = typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments);
    const id = call.id ?? `call_${Math.random().toString(36).slice(2, 14)}`;
    const start = { tool_calls: [{ index: 0, id, type: "function", function: { name: call.name, arguments: "" } }] };
    if (!(await writer.chunk(start))) return;
    for (const piece of pieces(argumentsText, size)) {
      if (!(await writer.chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }))) return;
    }
  }
  if (!(await writer.chunk({}, step.toolCall ? "tool_calls" : "stop"))) return;
  if (includeUsage(body) && !step.omitUsage) {
    const usage = step.usage ?? {
      prompt_tokens: Math.ceil(JSON.stringify(messagesOf(body)).length / 4),
      completion_tokens: Math.ceil(((step.text ?? "").length + argumentsText.length) / 4),
    };
    if (!(await writer.usage({ ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens }))) return;
  }
  writer.finish();
}

/** Writes chat.completion.chunk SSE events, and breaks or stalls the stream where a step asks. */
class ChunkWriter {
  cutAfter: number | null = null;
  stallAfter: number | null = null;
  delayMs = 0;
  private sent = 0;
  private readonly id = `chatcmpl-fake${Math.random().toString(36).slice(2, 10)}`;

  constructor(
    private readonly res: ServerResponse,
    private readonly model: string,
  ) {}

  start(): void {
    this.res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    this.res.flushHeaders();
  }

  chunk(delta: Record<string, unknown>, finishReason: string | null = null): Promise<boolean> {
    return this.write({ choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] });
  }

  usage(usage: Record<string, unknown>): Promise<boolean> {
    return this.write({ choices: [], usage });
  }

  finish(): void {
    this.res.end("data: [DONE]\n\n");
  }

  /** False when the step ends the stream here (cut or stalled). */
  private async write(fields: Record<string, unknown>): Promise<boolean> {
    if (this.cutAfter !== null && this.sent >= this.cutAfter) {
      // Destroy the socket without ending the chunked body: the client sees a broken stream.
      this.res.socket?.destroy();
      return false;
    }
    if (this.stallAfter !== null && this.sent >= this.stallAfter) return false;
    if (this.sent > 0 && this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.res.destroyed) return false;
    const chunk = {
      id: this.id,
      object: "chat.completion.chunk",
      created: Math.floor(Date.now() / 1000),
      model: this.model,
      ...fields,
    };
    // Wait until the chunk reached the socket, so a later cut cannot discard it.
    await new Promise<void>((resolve) => this.res.write(`data: ${JSON.stringify(chunk)}\n\n`, () => resolve()));
    this.sent += 1;
    return true;
  }
}

function sendError(step: FakeErrorStep, body: unknown, res: ServerResponse): void {
  const headers: Record<string, string> = {};
  if (step.retryAfter !== undefined) headers["retry-after"] = String(step.retryAfter);
  sendJson(res, step.status, step.body ?? defaultErrorBody(step.status, modelOf(body)), headers);
}

function defaultErrorBody(status: number, model: string): unknown {
  const error = (message: string, type: string, code: string | null) => ({
    error: { message, type, param: null, code },
  });
  switch (status) {
    case 401:
      return error(
        "Incorrect API key provided: test-key. You can find your API key at https://platform.openai.com/account/api-keys.",
        "invalid_request_error",
        "invalid_api_key",
      );
    case 404:
      return error(
        `The model \`${model}\` does not exist or you do not have access to it.`,
        "invalid_request_error",
        "model_not_found",
      );
    case 429:
      return error("Rate limit reached for requests. Please try again in 1s.", "requests", "rate_limit_exceeded");
    case 400:
      return error("Invalid request.", "invalid_request_error", null);
    default:
      return error("The server had an error while processing your request. Sorry about that!", "server_error", null);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** Splits text into pieces of `size` code points, so no piece ends inside a surrogate pair. */
function pieces(text: string, size: number): string[] {
  const points = Array.from(text);
  const result: string[] = [];
  for (let i = 0; i < points.length; i += size) result.push(points.slice(i, i + size).join(""));
  return result;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function field(body: unknown, name: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function modelOf(body: unknown): string {
  const model = field(body, "model");
  return typeof model === "string" ? model : FAKE_MODEL;
}

function messagesOf(body: unknown): unknown {
  return field(body, "messages") ?? [];
}

function includeUsage(body: unknown): boolean {
  return field(field(body, "stream_options"), "include_usage") === true;
}
