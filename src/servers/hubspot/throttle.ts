import { sleep } from '../../util/sleep.js';

/** Time as the throttle sees it; tests pass a virtual clock so the spacing shows without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep };

/**
 * HubSpot's search endpoints allow about 5 requests a second per account (and answer a burst with a
 * 429 "secondly limit"); 4 leaves room for the account's other apps.
 */
export const SEARCHES_PER_SECOND = 4;

/** Accounts remembered at most; those whose next slot is already past are dropped first. */
const MAX_ACCOUNTS = 1000;

/**
 * Spaces search requests per account on the client: each takes the next free slot, `1000 / rate` ms
 * after the one before. A slot is reserved before any waiting, so concurrent searches (parallel
 * sessions of one account in one process) queue up instead of bursting.
 */
export class SearchThrottle {
  readonly #slots = new Map<string, number>();
  readonly #spacing: number;
  readonly #clock: Clock;

  constructor(perSecond: number = SEARCHES_PER_SECOND, clock: Clock = realClock) {
    if (!(perSecond > 0)) throw new Error('perSecond must be positive');
    this.#spacing = 1000 / perSecond;
    this.#clock = clock;
  }

  /** Waits for the account's next slot; at once when it has been quiet. */
  async wait(account: string, signal?: AbortSignal): Promise<void> {
    const now = this.#clock.now();
    const slot = Math.max(now, this.#slots.get(account) ?? 0);
    // Re-inserted so the map stays ordered by last use, oldest first.
    this.#slots.delete(account);
    this.#slots.set(account, slot + this.#spacing);
    this.#prune(now);
    if (slot > now) await this.#clock.sleep(slot - now, signal);
  }

  #prune(now: number): void {
    for (const [account, next] of this.#slots) {
      if (this.#slots.size <= MAX_ACCOUNTS || next > now) return;
      this.#slots.delete(account);
    }
  }
}
