import { sleep } from '../../util/sleep.js';

/** Time as the throttle sees it; tests pass a virtual clock so spacing is checked without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep };

/** Bases remembered at most; older slots (already in the past) are forgotten first. */
const MAX_TRACKED = 1000;

/**
 * Airtable allows 5 requests per second per base and answers a burst with a 429 that locks the base
 * for 30 seconds, so requests to one base are spaced on the client: each takes the next free slot,
 * `1000 / perSecond` ms after the previous one. Slots are reserved synchronously, so concurrent
 * calls (a bulk write, parallel sessions of one process) queue up instead of bursting.
 */
export class BaseThrottle {
  readonly #next = new Map<string, number>();
  readonly #interval: number;
  readonly #clock: Clock;

  constructor(perSecond: number, clock: Clock = realClock) {
    if (!(perSecond > 0)) throw new Error('perSecond must be positive');
    this.#interval = 1000 / perSecond;
    this.#clock = clock;
  }

  /** Waits for the next slot of `base`; resolves at once when the base has been quiet. */
  async wait(base: string, signal?: AbortSignal): Promise<void> {
    const now = this.#clock.now();
    const slot = Math.max(now, this.#next.get(base) ?? 0);
    this.#next.delete(base);
    this.#next.set(base, slot + this.#interval);
    this.#forget(now);
    if (slot > now) await this.#clock.sleep(slot - now, signal);
  }

  /** Drops bases whose next slot has passed, oldest first, once too many are tracked. */
  #forget(now: number): void {
    if (this.#next.size <= MAX_TRACKED) return;
    for (const [base, next] of this.#next) {
      if (next > now || this.#next.size <= MAX_TRACKED) break;
      this.#next.delete(base);
    }
  }
}
