import type { Clock } from '../util/clock.js';

/**
 * A clock that moves only when something sleeps on it: each sleep is recorded in `sleeps` and moves
 * the time forward at once, so spacing and retry waits can be asserted without any real waiting.
 */
export class VirtualClock implements Clock {
  time: number;
  readonly sleeps: number[] = [];

  constructor(start = 1_700_000_000_000) {
    this.time = start;
  }

  now = (): number => this.time;

  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.time += ms;
  };
}
