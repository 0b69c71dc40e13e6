import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConnectionLimit } from '../api.js';
import { listsPage } from './fake-mailchimp.js';
import { data, FAST, route, setup } from './harness.js';

/** A promise and the function that settles it. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Lets the event loop run until `ready` holds (bounded, so a broken limit fails instead of hanging). */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 10_000 && !ready(); turn++) await new Promise(setImmediate);
  assert.ok(ready(), `never reached: ${what}`);
}

test('the limit lets at most `max` tasks of one key run, and the rest start in order as slots free up', async () => {
  const limit = new ConnectionLimit(2);
  const started: number[] = [];
  const gates = [0, 1, 2, 3].map(() => deferred());
  const runs = gates.map((gate, i) =>
    limit.run('user-a', async () => {
      started.push(i);
      await gate.promise;
      return i;
    }),
  );
  await until(() => started.length === 2, 'two started');
  assert.deepEqual(limit.usage('user-a'), { active: 2, waiting: 2 });

  gates[1]?.resolve();
  await until(() => started.length === 3, 'the third started');
  assert.deepEqual(started, [0, 1, 2]);
  assert.deepEqual(limit.usage('user-a'), { active: 2, waiting: 1 });

  for (const gate of gates) gate.resolve();
  assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3]);
  assert.deepEqual(started, [0, 1, 2, 3]);
  assert.deepEqual(limit.usage(), { active: 0, waiting: 0 }, 'idle keys are forgotten');
});

test('keys do not share slots, a failing task frees its slot, and a cancelled wait leaves the queue', async () => {
  const limit = new ConnectionLimit(1);
  const hold = deferred();
  const first = limit.run('user-a', () => hold.promise);
  const other = await limit.run('user-b', async () => 'b');
  assert.equal(other, 'b');

  const cancel = new AbortController();
  const waiting = limit.run('user-a', async () => 'never', cancel.signal);
  await until(() => limit.usage('user-a').waiting === 1, 'queued');
  cancel.abort();
  await assert.rejects(waiting, /Request to Mailchimp was cancelled/);
  assert.deepEqual(limit.usage('user-a'), { active: 1, waiting: 0 });

  hold.resolve();
  await first;
  await assert.rejects(
    limit.run('user-a', async () => {
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.equal(await limit.run('user-a', async () => 'next'), 'next');
  assert.deepEqual(limit.usage(), { active: 0, waiting: 0 });
  assert.throws(() => new ConnectionLimit(0), /at least 1/);
});

test('tool calls of one user never have more requests at Mailchimp than the limit', async (t) => {
  const limit = new ConnectionLimit(2);
  const { fake, call } = await setup(t, undefined, { ...FAST, connections: limit });
  const gate = deferred();
  let inFlight = 0;
  let most = 0;
  fake.route(route('GET', 'lists'), async () => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await gate.promise;
    inFlight -= 1;
    return { body: listsPage([], 0) };
  });

  const calls = Array.from({ length: 5 }, () => call('get_audience_list'));
  await until(() => limit.usage().waiting === 3, 'three calls queued behind two in flight');
  await until(() => fake.requests.length === 2, 'two requests at the fake');
  assert.equal(fake.requests.length, 2);

  gate.resolve();
  for (const result of await Promise.all(calls)) data(result);
  assert.equal(fake.requests.length, 5);
  assert.equal(most, 2);
});
