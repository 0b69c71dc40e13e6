import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFake } from '../../testing/fake-service.js';
import { VirtualClock } from '../../testing/virtual-clock.js';
import { UpstreamClient } from '../client.js';
import { Spacer } from '../spacer.js';

/** A clock whose time stands still: each sleep is the distance from the same instant to the slot given. */
function frozen(): { now(): number; sleep(ms: number): Promise<void>; sleeps: number[] } {
  const sleeps: number[] = [];
  return { now: () => 0, sleep: async (ms: number) => void sleeps.push(ms), sleeps };
}

test('one request per interval: requests of one key take slots 1000/rate ms apart; another key is not held up', async () => {
  const clock = new VirtualClock();
  const spacer = Spacer.perSecond(5, clock);
  const start = clock.time;
  const times: [string, number][] = [];
  for (const key of ['appA', 'appA', 'appB', 'appA']) {
    await spacer.wait(key);
    times.push([key, clock.time - start]);
  }
  assert.deepEqual(times, [
    ['appA', 0],
    ['appA', 200],
    ['appB', 200],
    ['appA', 400],
  ]);
});

test('concurrent waits of one key queue up in order instead of bursting; a quiet key goes at once', async () => {
  const clock = frozen();
  const spacer = Spacer.perSecond(4, clock);
  await Promise.all([spacer.wait('hub:1'), spacer.wait('hub:1'), spacer.wait('hub:1'), spacer.wait('hub:2')]);
  assert.deepEqual(clock.sleeps, [250, 500]);
});

test('a key that has been quiet for an interval goes at once', async () => {
  const clock = new VirtualClock();
  const spacer = Spacer.perSecond(5, clock);
  await spacer.wait('appA');
  clock.time += 1000;
  await spacer.wait('appA');
  assert.deepEqual(clock.sleeps, []);
});

test('keys are spaced apart from each other: another key does not wait', async () => {
  const clock = new VirtualClock();
  const spacer = Spacer.perSecond(2, clock);
  await spacer.wait('a');
  await spacer.wait('b');
  await spacer.wait('a');
  assert.deepEqual(clock.sleeps, [500]);
});

test('N per interval: a key sends up to N at once, then waits until the oldest leaves the interval', async () => {
  const clock = new VirtualClock(1_000_000);
  const spacer = new Spacer({ requests: 3, intervalMs: 60_000, clock });

  await spacer.wait('key-a');
  await spacer.wait('key-a');
  await clock.sleep(10_000); // ten seconds later
  await spacer.wait('key-a');
  assert.deepEqual(clock.sleeps, [10_000], 'three within the interval: no wait');

  await spacer.wait('key-a');
  assert.deepEqual(clock.sleeps, [10_000, 50_000], 'the fourth waits for the first to be an interval old');
  await spacer.wait('key-a');
  assert.deepEqual(clock.sleeps, [10_000, 50_000], 'the second left with the first');
});

test('N per interval: keys have intervals of their own, and concurrent callers reserve slots', async () => {
  const clock = new VirtualClock();
  const spacer = new Spacer({ requests: 2, intervalMs: 1000, clock });
  await Promise.all([spacer.wait('a'), spacer.wait('a'), spacer.wait('a'), spacer.wait('b')]);
  assert.deepEqual(clock.sleeps, [1000]);

  const minute = new VirtualClock();
  const once = new Spacer({ requests: 1, intervalMs: 60_000, clock: minute });
  await once.wait('key-a');
  await once.wait('key-b');
  assert.deepEqual(minute.sleeps, []);
  await once.wait('key-a');
  assert.deepEqual(minute.sleeps, [60_000]);
});

test('a cancelled wait stops waiting with the signal’s reason', async () => {
  const spacer = new Spacer({ requests: 1, intervalMs: 60_000 });
  await spacer.wait('key-c');
  const controller = new AbortController();
  const waiting = spacer.wait('key-c', controller.signal);
  controller.abort(new Error('cancelled'));
  await assert.rejects(waiting, /cancelled/);
});

test('memory is bounded: keys quiet for an interval are forgotten past maxKeys, busy ones kept', async () => {
  const clock = new VirtualClock();
  const spacer = new Spacer({ requests: 1, intervalMs: 1000, clock, maxKeys: 3 });
  for (let i = 0; i < 10; i++) {
    await spacer.wait(`key-${i}`);
    clock.time += 1000;
  }
  assert.equal(spacer.size, 3, 'only as many quiet keys as allowed');

  // Keys used within the interval are kept (their slots still matter), even past the bound.
  for (let i = 0; i < 5; i++) await spacer.wait(`busy-${i}`);
  assert.equal(spacer.size, 5, 'the quiet keys went first; the busy ones stay');
  await spacer.wait('busy-0');
  assert.deepEqual(clock.sleeps, [1000], 'a busy key still waits for its slot');
});

test('the rate and the limits must be positive', () => {
  assert.throws(() => Spacer.perSecond(0), /perSecond must be positive/);
  assert.throws(() => new Spacer({ requests: 0, intervalMs: 1000 }), /requests must be/);
  assert.throws(() => new Spacer({ requests: 1.5, intervalMs: 1000 }), /requests must be/);
  assert.throws(() => new Spacer({ requests: 1, intervalMs: 0 }), /intervalMs must be positive/);
});

test('from the client’s beforeAttempt: every attempt takes a slot, and a cancelled wait cancels the call', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.once('GET /items', { status: 503, body: {} });
  fake.route('GET /items', { body: { items: [] } });
  const clock = new VirtualClock();
  const spacer = Spacer.perSecond(2, clock);
  const client = new UpstreamClient({
    service: 'Items',
    serverId: 'items',
    baseUrl: fake.url,
    backoffMs: 1,
    beforeAttempt: (_path, signal) => spacer.wait('token', signal),
    sleep: async () => undefined,
  });
  assert.deepEqual(await client.get('items'), { items: [] });
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(clock.sleeps, [500], 'the retry took the next slot');

  const slow = new Spacer({ requests: 1, intervalMs: 60_000 });
  const cancelling = new UpstreamClient({
    service: 'Items',
    serverId: 'items',
    baseUrl: fake.url,
    beforeAttempt: (_path, signal) => slow.wait('token', signal),
  });
  await slow.wait('token');
  const controller = new AbortController();
  const call = cancelling.get('items', {}, controller.signal);
  controller.abort();
  await assert.rejects(call, { message: 'Request to Items was cancelled' });
  assert.equal(fake.requests.length, 2, 'nothing was sent');
});
