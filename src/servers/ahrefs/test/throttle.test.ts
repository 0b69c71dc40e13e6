import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Clock, MinuteWindow } from '../throttle.js';
import { single } from './fake-ahrefs.js';
import { data, setup } from './harness.js';

/** A clock that moves only when something sleeps on it, recording each wait. */
function virtualClock(start = 1_000_000): Clock & { waits: number[]; at(): number } {
  let now = start;
  const waits: number[] = [];
  return {
    waits,
    at: () => now,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

test('a key sends up to its limit at once, then waits until the oldest request leaves the minute', async () => {
  const clock = virtualClock();
  const window = new MinuteWindow(3, clock);

  await window.wait('key-a');
  await window.wait('key-a');
  await clock.sleep(10_000); // ten seconds later
  await window.wait('key-a');
  assert.deepEqual(clock.waits, [10_000], 'three within the minute: no wait');

  await window.wait('key-a');
  assert.deepEqual(clock.waits, [10_000, 50_000], 'the fourth waits for the first to be a minute old');
  await window.wait('key-a');
  assert.deepEqual(clock.waits, [10_000, 50_000], 'the second left with the first');
});

test('keys have windows of their own', async () => {
  const clock = virtualClock();
  const window = new MinuteWindow(1, clock);
  await window.wait('key-a');
  await window.wait('key-b');
  assert.deepEqual(clock.waits, []);
  await window.wait('key-a');
  assert.deepEqual(clock.waits, [60_000]);
});

test('a cancelled wait stops waiting', async () => {
  const window = new MinuteWindow(1);
  await window.wait('key-c');
  const controller = new AbortController();
  const waiting = window.wait('key-c', controller.signal);
  controller.abort(new Error('cancelled'));
  await assert.rejects(waiting, /cancelled/);
});

test('tool calls past the per-minute limit wait for the window instead of drawing a 429', async (t) => {
  const clock = virtualClock();
  const { fake, call, sleeps } = await setup(t, undefined, { requestsPerMinute: 2, clock });
  fake.route(
    'GET /v3/site-explorer/domain-rating',
    single('domain_rating', { domain_rating: 91, ahrefs_rank: 5 }),
  );
  const args = { target: 'ahrefs.com', date: '2025-03-01' };

  for (let i = 0; i < 3; i++) data(await call('domain_rating', args));

  assert.equal(fake.requests.length, 3);
  assert.deepEqual(clock.waits, [60_000], 'the third request waited a minute');
  assert.deepEqual(sleeps, [], 'no retry waits');
});
