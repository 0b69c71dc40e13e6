import { createHash } from 'node:crypto';
import { sleep } from '../../util/sleep.js';

/** Time as the throttle sees it; tests pass a virtual clock so the spacing shows without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep };

/** lemlist's limit, per API key: 20 requests in any 2 seconds. */
export const LEMLIST_REQUESTS = 20;
export const LEMLIST_WINDOW_MS = 2000;

/** Keys remembered at most; those idle for a whole window are forgotten first. */
const MAX_TRACKED = 1000;

/**
 * Keeps the requests made with one API key within `limit` per `windowMs`, on the client: a request
 * takes the earliest slot at which fewer than `limit` requests fall in the window before it. Slots are
 * reserved before waiting, so concurrent calls (sessions of one key in one process) queue instead of
 * bursting into 429s. Keys are tracked by a hash, never kept as they are.
 */
export class WindowThrottle {
  /** Per key, the start times of its last `limit` requests, oldest first. */
  readonly #slots = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #clock: Clock;

  constructor(limit = LEMLIST_REQUESTS, windowMs = LEMLIST_WINDOW_MS, clock: Clock = realClock) {
    if (!(limit > 0) || !(windowMs > 0)) throw new Error('limit and windowMs must be positive');
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#clock = clock;
  }

  /** Waits for the key's next free slot; at once while the key is under its limit. */
  async wait(apiKey: string, signal?: AbortSignal): Promise<void> {
    const id = createHash('sha256').update(apiKey).digest('base64url');
    const now = this.#clock.now();
    const slots = this.#slots.get(id) ?? [];
    // The request `limit` places back must have left the window before this one starts.
    const oldest = slots.length >= this.#limit ? (slots[slots.length - this.#limit] as number) : -Infinity;
    const slot = Math.max(now, oldest + this.#windowMs);
    slots.push(slot);
    if (slots.length > this.#limit) slots.splice(0, slots.length - this.#limit);
    // Re-inserted so the map stays ordered by last use, oldest first.
    this.#slots.delete(id);
    this.#slots.set(id, slots);
    this.#prune(now);
    if (slot > now) await this.#clock.sleep(slot - now, signal);
  }

  #prune(now: number): void {
    for (const [id, slots] of this.#slots) {
      if (this.#slots.size <= MAX_TRACKED) return;
      if ((slots[slots.length - 1] ?? 0) + this.#windowMs > now) return;
      this.#slots.delete(id);
    }
  }
}
