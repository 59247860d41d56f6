// A fixed-window-with-memory rate limiter: at most `limit` events per `windowMs` per key.
export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Record an event; returns 0 when allowed, else how many ms until the next one would be. */
  take(key: string, now = Date.now()): number {
    const recent = (this.events.get(key) ?? []).filter((time) => now - time < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return this.windowMs - (now - recent[0]!);
    }
    recent.push(now);
    this.events.set(key, recent);
    if (this.events.size > 10_000) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [key, times] of this.events)
      if (times.every((time) => now - time >= this.windowMs)) this.events.delete(key);
  }
}
