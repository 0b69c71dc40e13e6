import { sleep } from './sleep.js';

/**
 * Time as a throttle or a retry loop sees it: what time it is, and an abortable wait. Tests pass a
 * virtual clock (`src/testing/virtual-clock.ts`) so spacing and waits show without real time passing.
 */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The wall clock, waiting with the one abortable sleep. */
export const realClock: Clock = { now: () => Date.now(), sleep };
