import assert from 'node:assert/strict';
import { describe, type TestContext, test } from 'node:test';
import { HostMetrics } from '../metrics.js';
import { MemoryReclaimer } from '../reclaim.js';
import { type LiveSession, SessionTable } from '../sessions.js';

/** A reclaimer whose measurements are recorded instead of run, on mocked timers. */
function setup(t: TestContext, minClosed = 10, rounds = 1) {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const reclaimed: number[] = [];
  let measured = 0;
  const reclaimer = new MemoryReclaimer({
    minClosed,
    rounds,
    quietMs: 1000,
    measure: async () => {
      measured++;
      return 1234;
    },
    onReclaimed: (closed, heapBytes) => {
      assert.equal(heapBytes, 1234);
      reclaimed.push(closed);
    },
  });
  const walk = (from: number, to: number) => {
    const step = from < to ? 1 : -1;
    for (let live = from + step; step > 0 ? live <= to : live >= to; live += step) reclaimer.observe(live);
  };
  // The measurement resolves on the microtask queue after its timer fires.
  const tick = async (ms: number) => {
    t.mock.timers.tick(ms);
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return { reclaimer, reclaimed, measures: () => measured, walk, tick };
}

describe('returning memory after many sessions close', () => {
  test('a burst of closes reclaims once, after the quiet time that follows the last close', async (t) => {
    const { reclaimed, walk, tick } = setup(t);
    walk(0, 20);
    walk(20, 0);
    await tick(999);
    assert.deepEqual(reclaimed, []);
    await tick(1);
    assert.deepEqual(reclaimed, [20]);
    await tick(5000);
    assert.deepEqual(reclaimed, [20], 'one GC for the whole burst');
  });

  test('a reclaim runs its rounds of GC a quiet time apart and reports after the last', async (t) => {
    const { reclaimed, measures, walk, tick } = setup(t, 10, 3);
    walk(0, 20);
    walk(20, 0);
    await tick(1000);
    assert.equal(measures(), 1);
    await tick(1000);
    assert.equal(measures(), 2);
    assert.deepEqual(reclaimed, []);
    await tick(1000);
    assert.equal(measures(), 3);
    assert.deepEqual(reclaimed, [20]);
  });

  test('nothing is reclaimed until enough sessions closed and at most half are still open', async (t) => {
    const { reclaimed, walk, tick } = setup(t);
    walk(0, 30);
    walk(30, 16); // 14 closed, but 16 of 30 still open
    await tick(2000);
    assert.deepEqual(reclaimed, []);
    walk(16, 15);
    await tick(1000);
    assert.deepEqual(reclaimed, [15]);

    walk(15, 20); // the peak starts again from what was open
    walk(20, 12); // 8 closed: under the threshold
    await tick(2000);
    assert.deepEqual(reclaimed, [15]);
  });

  test('sessions opened again during the quiet time call the reclaim off', async (t) => {
    const { measures, walk, tick } = setup(t);
    walk(0, 20);
    walk(20, 0);
    walk(0, 15);
    await tick(2000);
    assert.equal(measures(), 0);
  });

  test('the session table reports every open and close to its reclaimer', async (t) => {
    const { reclaimer, reclaimed, tick } = setup(t, 3);
    const table = new SessionTable(100, 60_000, new HostMetrics(), reclaimer);
    t.after(() => table.closeAll());
    const session = (id: string): LiveSession => ({
      id,
      kind: 'sse',
      serverId: 'simple-tools-server',
      userId: 'u',
      lastSeen: Date.now(),
      close: async () => undefined,
    });
    const ids = ['a', 'b', 'c', 'd'];
    for (const id of ids) table.add(session(id));
    for (const id of ids) table.remove(id);
    await tick(1000);
    assert.deepEqual(reclaimed, [4]);
  });

  test('the default measurement runs a real GC and reports the heap it left', async () => {
    // The reclaimer's timer does not hold the process open; this test must.
    const open = setTimeout(() => undefined, 10_000);
    const heap = await new Promise<number>((resolve) => {
      const reclaimer = new MemoryReclaimer({
        minClosed: 1,
        quietMs: 1,
        onReclaimed: (_, bytes) => resolve(bytes),
      });
      reclaimer.observe(1);
      reclaimer.observe(0);
    });
    clearTimeout(open);
    assert.ok(heap > 0 && heap < process.memoryUsage().heapTotal * 2, String(heap));
  });
});
