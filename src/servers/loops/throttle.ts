import { createHash } from 'node:crypto';
import { sleep } from '../../util/sleep.js';

/** Time as the throttle sees it; tests pass a virtual clock so spacing is checked without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep };

/** Keys remembered at most; those whose next slot has passed are forgotten first. */
const MAX_TRACKED = 1000;

/**
 * Loops allows a few requests a second per team and answers a burst with 429s, so requests made
 * with one API key are spaced on the client: each takes the next free slot, `1000 / perSecond` ms
 * after the previous one. Keys are tracked by a hash, never kept as they are.
 */
export class KeyThrottle {
  readonly #next = new Map<string, number>();
  readonly #interval: number;
  readonly #clock: Clock;

  constructor(perSecond: number, clock: Clock = realClock) {
    if (!(perSecond > 0)) throw new Error('perSecond must be positive');
    this.#interval = 1000 / perSecond;
    this.#clock = clock;
  }

  /** Waits for the key's next slot; resolves at once when the key has been quiet. */
  async wait(apiKey: string, signal?: AbortSignal): Promise<void> {
    const id = createHash('sha256').update(apiKey).digest('base64url');
    const now = this.#clock.now();
    const slot = Math.max(now, this.#next.get(id) ?? 0);
    this.#next.delete(id);
    this.#next.set(id, slot + this.#interval);
    if (this.#next.size > MAX_TRACKED) {
      for (const [key, next] of this.#next) {
        if (next > now || this.#next.size <= MAX_TRACKED) break;
        this.#next.delete(key);
      }
    }
    if (slot > now) await this.#clock.sleep(slot - now, signal);
  }
}
