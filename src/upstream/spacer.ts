import { createHash } from 'node:crypto';
import { type Clock, realClock } from '../util/clock.js';

export interface SpacerOptions {
  /** Requests a key may start within any `intervalMs`; 1 spaces them evenly, `intervalMs` apart. */
  requests: number;
  intervalMs: number;
  /** Tests pass a virtual clock (`src/testing/virtual-clock.ts`). */
  clock?: Clock;
  /** Keys remembered at most (default 1000); those quiet for a whole interval are forgotten first. */
  maxKeys?: number;
}

/**
 * Keeps the requests made under one key (a base, a token, an account) within a provider's limit on
 * the client, so parallel sessions of one process queue here instead of drawing 429s: a request takes
 * the earliest slot at which fewer than `requests` slots of its key fall in the `intervalMs` before it.
 * Slots are reserved before waiting, so concurrent callers queue in order instead of bursting; a
 * cancelled wait keeps its slot (the limit is only ever met later, never broken). Keys are held as a
 * hash, never as themselves, since they are often secrets. Use it from the upstream client's
 * `beforeAttempt` hook, so retries take a slot too.
 */
export class Spacer {
  /** Per key hash, the start times of its last `requests` slots, oldest first; ordered by last use. */
  readonly #slots = new Map<string, number[]>();
  readonly #requests: number;
  readonly #intervalMs: number;
  readonly #clock: Clock;
  readonly #maxKeys: number;

  constructor(options: SpacerOptions) {
    const { requests, intervalMs, clock = realClock, maxKeys = 1000 } = options;
    if (!Number.isInteger(requests) || requests < 1) throw new Error('requests must be a whole number ≥ 1');
    if (!(intervalMs > 0)) throw new Error('intervalMs must be positive');
    this.#requests = requests;
    this.#intervalMs = intervalMs;
    this.#clock = clock;
    this.#maxKeys = maxKeys;
  }

  /** One request every `1000 / rate` ms per key: a provider's "N requests a second" as even spacing. */
  static perSecond(rate: number, clock?: Clock): Spacer {
    if (!(rate > 0)) throw new Error('perSecond must be positive');
    return new Spacer({ requests: 1, intervalMs: 1000 / rate, clock });
  }

  /** Waits for the key's next free slot; at once while the key is under its limit. Rejects when `signal` aborts. */
  async wait(key: string, signal?: AbortSignal): Promise<void> {
    const id = createHash('sha256').update(key).digest('base64url').slice(0, 22);
    const now = this.#clock.now();
    const slots = this.#slots.get(id) ?? [];
    // The slot `requests` places back must have left the interval before this one starts.
    const back = slots.length >= this.#requests ? slots[slots.length - this.#requests] : undefined;
    const slot = back === undefined ? now : Math.max(now, back + this.#intervalMs);
    slots.push(slot);
    if (slots.length > this.#requests) slots.splice(0, slots.length - this.#requests);
    // Re-inserted so the map stays ordered by last use, oldest first.
    this.#slots.delete(id);
    this.#slots.set(id, slots);
    this.#forget(now);
    if (slot > now) await this.#clock.sleep(slot - now, signal);
  }

  /** How many keys are remembered (for tests of the bound). */
  get size(): number {
    return this.#slots.size;
  }

  /**
   * Drops keys quiet for a whole interval, least recently used first, once more than `maxKeys` are
   * held. A key used within the last interval is kept, so the map holds at most `maxKeys` plus the
   * keys that made requests in one interval.
   */
  #forget(now: number): void {
    for (const [id, slots] of this.#slots) {
      if (this.#slots.size <= this.#maxKeys) return;
      if ((slots.at(-1) ?? 0) + this.#intervalMs > now) return;
      this.#slots.delete(id);
    }
  }
}
