import type { HostMetrics } from './metrics.js';
import type { MemoryReclaimer } from './reclaim.js';

/** A live connection the host holds between requests: a Streamable HTTP session or an SSE stream. */
export interface LiveSession {
  readonly id: string;
  readonly kind: 'streamable' | 'sse';
  readonly serverId: string;
  readonly userId: string;
  lastSeen: number;
  /** Closes the transport; the table forgets the session through `remove`. */
  close(): Promise<void>;
}

/**
 * Every live session of the host, so that nothing grows without bound: sessions idle for longer
 * than `idleMs` are closed by a sweep, and no more than `max` are held at once.
 */
export class SessionTable {
  readonly #sessions = new Map<string, LiveSession>();
  readonly #sweep: NodeJS.Timeout;

  constructor(
    readonly max: number,
    readonly idleMs: number,
    private readonly metrics: HostMetrics,
    private readonly reclaimer?: MemoryReclaimer,
  ) {
    this.#sweep = setInterval(() => void this.evictIdle(), Math.max(1000, Math.min(idleMs / 2, 30_000)));
    this.#sweep.unref();
  }

  get size(): number {
    return this.#sessions.size;
  }

  hasRoom(): boolean {
    return this.#sessions.size < this.max;
  }

  add(session: LiveSession): void {
    this.#sessions.set(session.id, session);
    this.metrics.opened(session.serverId);
    this.reclaimer?.observe(this.#sessions.size);
  }

  get(id: string): LiveSession | undefined {
    const session = this.#sessions.get(id);
    if (session) session.lastSeen = Date.now();
    return session;
  }

  /** Forgets a session; safe to call more than once (transports report closing twice). */
  remove(id: string): void {
    const session = this.#sessions.get(id);
    if (!session) return;
    this.#sessions.delete(id);
    this.metrics.closed(session.serverId);
    this.reclaimer?.observe(this.#sessions.size);
  }

  async evictIdle(now = Date.now()): Promise<number> {
    const idle = [...this.#sessions.values()].filter((s) => now - s.lastSeen >= this.idleMs);
    for (const session of idle) {
      this.metrics.sessionsEvicted.inc();
      this.remove(session.id);
      await session.close().catch(() => undefined);
    }
    return idle.length;
  }

  async closeAll(): Promise<void> {
    clearInterval(this.#sweep);
    this.reclaimer?.stop();
    const all = [...this.#sessions.values()];
    for (const session of all) this.remove(session.id);
    await Promise.allSettled(all.map((s) => s.close()));
  }
}
