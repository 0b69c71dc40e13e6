import { createHash } from 'node:crypto';
import { sleep } from '../../util/sleep.js';

/** Time as the window sees it; tests pass a virtual clock so the waits show without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep };

/** Ahrefs' documented limit: 60 requests a minute per API key. */
export const REQUESTS_PER_MINUTE = 60;
const WINDOW_MS = 60_000;

/** Keys remembered at most; those quiet for a whole window are dropped first. */
const MAX_KEYS = 1000;

/**
 * Keeps a process under Ahrefs' 60 requests a minute per key, so parallel sessions of one key queue
 * here instead of drawing 429s: a request goes at once while the key sent fewer than 60 in the last
 * minute, else it waits until the oldest of them leaves the window. A burst of up to 60 is not slowed.
 * Keys are held as a short hash, never as themselves.
 */
export class MinuteWindow {
  readonly #sent = new Map<string, number[]>();
  readonly #limit: number;
  readonly #clock: Clock;

  constructor(perMinute: number = REQUESTS_PER_MINUTE, clock: Clock = realClock) {
    if (!(perMinute >= 1)) throw new Error('perMinute must be at least 1');
    this.#limit = perMinute;
    this.#clock = clock;
  }

  /** Waits for a free place in the key's window, then takes it. */
  async wait(key: string, signal?: AbortSignal): Promise<void> {
    const id = keyId(key);
    for (;;) {
      const now = this.#clock.now();
      const times = (this.#sent.get(id) ?? []).filter((t) => t > now - WINDOW_MS);
      // Re-inserted so the map stays ordered by last use, oldest first.
      this.#sent.delete(id);
      this.#sent.set(id, times);
      if (times.length < this.#limit) {
        times.push(now);
        this.#prune(now);
        return;
      }
      await this.#clock.sleep((times[0] ?? now) + WINDOW_MS - now, signal);
    }
  }

  #prune(now: number): void {
    for (const [id, times] of this.#sent) {
      if (this.#sent.size <= MAX_KEYS) return;
      if ((times.at(-1) ?? 0) > now - WINDOW_MS) return;
      this.#sent.delete(id);
    }
  }
}

function keyId(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}
