// Prometheus metrics (prom-client) on a private registry, so several servers in one test process
// do not collide.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { RoomRegistry } from "./rooms/registry.ts";

export class Metrics {
  private readonly registry = new Registry();
  readonly contentType = this.registry.contentType;
  readonly clients = new Gauge({
    name: "canvas_clients",
    help: "Connected websocket clients",
    registers: [this.registry],
  });
  readonly rooms = new Gauge({
    name: "canvas_rooms_loaded",
    help: "Rooms loaded in memory",
    registers: [this.registry],
  });
  readonly updates = new Counter({
    name: "canvas_updates_total",
    help: "Document updates stored",
    registers: [this.registry],
  });
  readonly droppedWrites = new Counter({
    name: "canvas_dropped_writes_total",
    help: "Document updates dropped from read-only peers",
    registers: [this.registry],
  });
  readonly socketRejections = new Counter({
    name: "canvas_socket_closes_total",
    help: "Sockets refused or closed by the server, by close code",
    labelNames: ["code"],
    registers: [this.registry],
  });
  readonly runs = new Histogram({
    name: "canvas_run_duration_seconds",
    help: "Agent run durations",
    labelNames: ["status"],
    buckets: [0.5, 1, 2, 5, 10, 20, 40, 80],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: "canvas_errors_total",
    help: "Errors by kind",
    labelNames: ["kind"],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  async render(rooms: RoomRegistry): Promise<string> {
    this.rooms.set(rooms.loadedCount);
    return this.registry.metrics();
  }
}
