import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BaseThrottle } from '../throttle.js';
import { VirtualClock } from './harness.js';

test('requests to one base take slots 1000/rate ms apart; another base is not held up', async () => {
  const clock = new VirtualClock();
  const throttle = new BaseThrottle(5, clock);
  const start = clock.time;
  const times: [string, number][] = [];
  for (const base of ['appA', 'appA', 'appB', 'appA']) {
    await throttle.wait(base);
    times.push([base, clock.time - start]);
  }
  assert.deepEqual(times, [
    ['appA', 0],
    ['appA', 200],
    ['appB', 200],
    ['appA', 400],
  ]);
});

test('concurrent waits for one base queue up instead of bursting', async () => {
  // Time stands still, so each sleep is the distance from the same instant to the slot it was given.
  const sleeps: number[] = [];
  const frozen = { now: () => 0, sleep: async (ms: number) => void sleeps.push(ms) };
  const throttle = new BaseThrottle(5, frozen);
  await Promise.all([throttle.wait('appA'), throttle.wait('appA'), throttle.wait('appA')]);
  assert.deepEqual(sleeps, [200, 400]);
});

test('a base that has been quiet for a slot goes at once', async () => {
  const clock = new VirtualClock();
  const throttle = new BaseThrottle(5, clock);
  await throttle.wait('appA');
  clock.time += 1000;
  await throttle.wait('appA');
  assert.deepEqual(clock.sleeps, []);
});

test('the rate must be positive', () => {
  assert.throws(() => new BaseThrottle(0), /perSecond must be positive/);
});
