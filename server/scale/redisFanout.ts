// Fan-out over Redis pub/sub: one channel per room, binary messages, one subscriber connection per
// process shared by all its rooms. A message is [kind][16-byte sender id][payload]; a process
// ignores its own messages (Redis delivers them to its subscriber too).
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Fanout, RoomChannel, RoomChannelHandlers } from "./fanout.ts";
import { DEFAULT_REDIS_PREFIX } from "../config.ts";

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const KIND_PRESENCE_REQUEST = 2;
const KIND_CANCEL_RUN = 3;
const SENDER_BYTES = 16;
/** A room that never attaches (its load failed and nobody left) cannot grow without bound. */
const MAX_BUFFERED = 10_000;

function roomChannelName(prefix: string, roomId: string): string {
  return `${prefix}room:${roomId}`;
}

function encodeFanoutMessage(kind: number, sender: Uint8Array, payload: Uint8Array): Buffer {
  const message = Buffer.allocUnsafe(1 + SENDER_BYTES + payload.byteLength);
  message[0] = kind;
  message.set(sender, 1);
  message.set(payload, 1 + SENDER_BYTES);
  return message;
}

function decodeFanoutMessage(message: Buffer): { kind: number; sender: Buffer; payload: Uint8Array } | null {
  if (message.byteLength < 1 + SENDER_BYTES) return null;
  return {
    kind: message[0]!,
    sender: message.subarray(1, 1 + SENDER_BYTES),
    payload: new Uint8Array(
      message.buffer,
      message.byteOffset + 1 + SENDER_BYTES,
      message.byteLength - 1 - SENDER_BYTES,
    ),
  };
}

export interface RedisFanoutOptions {
  url: string;
  log: Logger;
  /** Prefix of channel names, to share one Redis between deployments (or test runs). */
  prefix?: string;
}

class Subscription implements RoomChannel {
  private handlers: RoomChannelHandlers | null = null;
  private buffered: { kind: number; payload: Uint8Array }[] = [];
  private left = false;

  constructor(
    private readonly fanout: RedisFanout,
    readonly channel: string,
  ) {}

  deliver(kind: number, payload: Uint8Array): void {
    if (this.left) return;
    if (!this.handlers) {
      if (this.buffered.length < MAX_BUFFERED) this.buffered.push({ kind, payload: payload.slice() });
      return;
    }
    dispatch(this.handlers, kind, payload);
  }

  resync(): void {
    if (!this.left) this.handlers?.resync();
  }

  attach(handlers: RoomChannelHandlers): void {
    if (this.handlers) throw new Error(`room channel ${this.channel} attached twice`);
    this.handlers = handlers;
    for (const message of this.buffered.splice(0)) dispatch(handlers, message.kind, message.payload);
  }

  publishUpdate(update: Uint8Array): void {
    this.fanout.publish(this.channel, KIND_UPDATE, update);
  }

  publishAwareness(update: Uint8Array): void {
    this.fanout.publish(this.channel, KIND_AWARENESS, update);
  }

  requestPresence(): void {
    this.fanout.publish(this.channel, KIND_PRESENCE_REQUEST, new Uint8Array(0));
  }

  requestRunCancel(): void {
    this.fanout.publish(this.channel, KIND_CANCEL_RUN, new Uint8Array(0));
  }

  async leave(): Promise<void> {
    if (this.left) return;
    this.left = true;
    this.buffered = [];
    await this.fanout.remove(this);
  }
}

function dispatch(handlers: RoomChannelHandlers, kind: number, payload: Uint8Array): void {
  switch (kind) {
    case KIND_UPDATE:
      handlers.update(payload);
      return;
    case KIND_AWARENESS:
      handlers.awareness(payload);
      return;
    case KIND_PRESENCE_REQUEST:
      handlers.presenceRequested();
      return;
    case KIND_CANCEL_RUN:
      handlers.runCancelRequested();
      return;
    default:
      // A newer process may send kinds this one does not know; ignoring them keeps mixed versions running.
      return;
  }
}

export class RedisFanout implements Fanout {
  readonly sender = randomBytes(SENDER_BYTES);
  /** The CLIENT SETNAME of the subscriber connection. */
  readonly subscriberName = `canvas-fanout-${this.sender.toString("hex").slice(0, 12)}-sub`;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly prefix: string;
  private readonly log: Logger;
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  private readyOnce = false;
  private closed = false;

  private constructor(options: RedisFanoutOptions) {
    this.prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    this.log = options.log.child({ component: "fanout" });
    // Named, so an operator (or a test) can find this process's connections in CLIENT LIST.
    this.publisher = new Redis(options.url, {
      lazyConnect: true,
      maxRetriesPerRequest: null,
      connectionName: this.subscriberName.replace(/-sub$/, "-pub"),
    });
    this.subscriber = new Redis(options.url, {
      lazyConnect: true,
      maxRetriesPerRequest: null,
      connectionName: this.subscriberName,
    });
    for (const client of [this.publisher, this.subscriber]) {
      client.on("error", (error: Error) => this.log.warn({ err: error.message }, "redis connection error"));
    }
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message),
    );
    // After a reconnect ioredis resubscribes, but whatever was published meanwhile is gone: every
    // loaded room re-reads the shared store, which has every update that was ever broadcast.
    this.subscriber.on("ready", () => {
      if (!this.readyOnce) {
        this.readyOnce = true;
        return;
      }
      this.log.warn({ rooms: this.subscriptions.size }, "redis reconnected: resyncing loaded rooms from the store");
      for (const subscriptions of this.subscriptions.values())
        for (const subscription of subscriptions) subscription.resync();
    });
  }

  static async connect(options: RedisFanoutOptions): Promise<RedisFanout> {
    const fanout = new RedisFanout(options);
    try {
      await Promise.all([fanout.publisher.connect(), fanout.subscriber.connect()]);
    } catch (error) {
      fanout.publisher.disconnect();
      fanout.subscriber.disconnect();
      throw new Error(
        `Could not connect to Redis at ${redactUrl(options.url)}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    return fanout;
  }

  async join(roomId: string): Promise<RoomChannel> {
    if (this.closed) throw new Error(`fanout is closed; cannot join room ${roomId}`);
    const channel = roomChannelName(this.prefix, roomId);
    const subscription = new Subscription(this, channel);
    let group = this.subscriptions.get(channel);
    if (!group) {
      group = new Set();
      this.subscriptions.set(channel, group);
    }
    group.add(subscription);
    // SUBSCRIBE is acknowledged only once Redis delivers to us: after this, nothing published is missed.
    await this.subscriber.subscribe(channel);
    return subscription;
  }

  /** @internal */
  async remove(subscription: Subscription): Promise<void> {
    const group = this.subscriptions.get(subscription.channel);
    if (!group) return;
    group.delete(subscription);
    if (group.size > 0) return;
    this.subscriptions.delete(subscription.channel);
    if (!this.closed)
      await this.subscriber
        .unsubscribe(subscription.channel)
        .catch((error: unknown) => this.log.warn({ err: error }, "unsubscribe failed"));
  }

  /** @internal */
  publish(channel: string, kind: number, payload: Uint8Array): void {
    if (this.closed) return;
    this.publisher.publish(channel, encodeFanoutMessage(kind, this.sender, payload)).catch((error: unknown) => {
      this.log.error({ err: error, channel }, "publishing to other processes failed; they resync when the bus returns");
    });
  }

  private receive(channel: string, message: Buffer): void {
    const decoded = decodeFanoutMessage(message);
    if (!decoded || decoded.sender.equals(this.sender)) return;
    const group = this.subscriptions.get(channel);
    if (!group) return;
    for (const subscription of group) {
      try {
        subscription.deliver(decoded.kind, decoded.payload);
      } catch (error) {
        this.log.warn(
          { err: error instanceof Error ? error.message : String(error), channel },
          "applying a message from another process failed",
        );
      }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.subscriptions.clear();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, "//***@");
}
