import { createHash } from 'node:crypto';
import { sleep } from '../../util/sleep.js';

/** Time as the throttle sees it; tests pass a virtual clock so spacing is checked without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep };

/** Typeform allows 2 requests a second per account. */
export const REQUESTS_PER_SECOND = 2;

/** Tokens remembered at most; older slots (already in the past) are forgotten first. */
const MAX_TRACKED = 1000;

/**
 * Spaces the requests made with one token `1000 / perSecond` ms apart, so that a list followed page
 * by page (or parallel sessions of one user) stays within Typeform's limit instead of meeting 429s.
 * Slots are reserved synchronously, so concurrent calls queue instead of bursting. Tokens are kept
 * as hashes, never as themselves.
 */
export class TokenThrottle {
  readonly #next = new Map<string, number>();
  readonly #interval: number;
  readonly #clock: Clock;

  constructor(perSecond: number = REQUESTS_PER_SECOND, clock: Clock = realClock) {
    if (!(perSecond > 0)) throw new Error('perSecond must be positive');
    this.#interval = 1000 / perSecond;
    this.#clock = clock;
  }

  /** Waits for the token's next slot; resolves at once when the token has been quiet. */
  async wait(token: string, signal?: AbortSignal): Promise<void> {
    const id = createHash('sha256').update(token).digest('base64url');
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
