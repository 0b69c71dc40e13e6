import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, type TestContext, test } from 'node:test';
import { POSTGRES_URL, REDIS_URL, withService } from '../../testing/services.js';
import { localLocks, type WithLock } from '../locks.js';
import { PostgresStore } from '../postgres.js';
import { RedisStore } from '../redis.js';
import { type KeyValueStore, LockTimeoutError } from '../types.js';

/**
 * Locks as several hosts see them: each "host" is its own store connection. A read-modify-write under
 * the lock loses no update, a lock waits for its holder, and a holder that goes away frees it.
 */

type Hosts = { a: WithLock; b: WithLock };

const KINDS: Record<string, (t: TestContext) => Promise<Hosts | undefined>> = {
  'in-process': async () => {
    const locks = localLocks();
    return { a: locks, b: locks };
  },
  postgres: async (t) => {
    const a = await withService(t, 'PostgreSQL', () =>
      PostgresStore.open(POSTGRES_URL, { timeoutMs: 3_000 }),
    );
    const b = a && (await PostgresStore.open(POSTGRES_URL, { timeoutMs: 3_000 }));
    if (!a || !b) return undefined;
    t.after(() => Promise.all([a.close(), b.close()]));
    return { a: a.withLock.bind(a), b: b.withLock.bind(b) };
  },
  redis: async (t) => {
    const a = await withService(t, 'Redis', () => RedisStore.open(REDIS_URL, { timeoutMs: 3_000 }));
    const b = a && (await RedisStore.open(REDIS_URL, { timeoutMs: 3_000 }));
    if (!a || !b) return undefined;
    t.after(() => Promise.all([a.close(), b.close()]));
    return { a: a.withLock.bind(a), b: b.withLock.bind(b) };
  },
};

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const [kind, open] of Object.entries(KINDS)) {
  describe(`${kind} locks`, () => {
    test('read-modify-write from two hosts under one lock loses no update', async (t) => {
      const hosts = await open(t);
      if (!hosts) return;
      const name = `counter-${randomBytes(4).toString('hex')}`;
      let counter = 0;
      const increment = (withLock: WithLock) =>
        withLock(name, async () => {
          const seen = counter;
          await pause(2);
          counter = seen + 1;
        });
      await Promise.all(Array.from({ length: 20 }, (_, i) => increment(i % 2 ? hosts.a : hosts.b)));
      assert.equal(counter, 20);
    });

    test('a second holder waits for the first, and gives up after its wait', async (t) => {
      const hosts = await open(t);
      if (!hosts) return;
      const name = `wait-${randomBytes(4).toString('hex')}`;
      const order: string[] = [];
      let release = () => {};
      const first = hosts.a(name, async () => {
        order.push('first in');
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        order.push('first out');
      });
      await pause(50);
      const second = hosts.b(name, async () => void order.push('second in'), { waitMs: 5_000 });
      await pause(100);
      release();
      await Promise.all([first, second]);
      assert.deepEqual(order, ['first in', 'first out', 'second in']);

      if (kind === 'in-process') return; // a process's own lock has no wait limit: its holders are its own
      let free = () => {};
      const holder = hosts.a(
        name,
        () =>
          new Promise<void>((resolve) => {
            free = resolve;
          }),
      );
      await pause(50);
      await assert.rejects(
        hosts.b(name, async () => 'never', { waitMs: 150 }),
        LockTimeoutError,
      );
      free();
      await holder;
    });
  });
}

test('a Redis lock whose holder died lapses after its time', async (t) => {
  const store = await withService(t, 'Redis', () => RedisStore.open(REDIS_URL, { timeoutMs: 3_000 }));
  if (!store) return;
  t.after(() => store.close());
  const name = `lapse-${randomBytes(4).toString('hex')}`;
  // A holder that never returns (a host killed mid-refresh): the lock is given a short life.
  void store.withLock(name, () => new Promise(() => {}), { ttlMs: 200 });
  await pause(50);
  const started = Date.now();
  assert.equal(await store.withLock(name, async () => 'mine', { waitMs: 3_000 }), 'mine');
  assert.ok(Date.now() - started >= 100, 'the second holder waited for the lapse');
});

describe('counters shared by hosts', () => {
  for (const kind of ['postgres', 'redis'] as const) {
    test(`${kind}: two hosts counting at once lose no count, and a window that ends starts again at 1`, async (t) => {
      const open = (): Promise<KeyValueStore & { increment: NonNullable<KeyValueStore['increment']> }> =>
        kind === 'postgres'
          ? PostgresStore.open(POSTGRES_URL, { timeoutMs: 3_000 })
          : RedisStore.open(REDIS_URL, { timeoutMs: 3_000 });
      const a = await withService(t, kind === 'postgres' ? 'PostgreSQL' : 'Redis', open);
      if (!a) return;
      const b = await open();
      t.after(() => Promise.all([a.close(), b.close()]));
      const key = `count-${randomBytes(4).toString('hex')}`;

      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).increment('rate', key, 0.5)),
      );
      assert.deepEqual(
        [...counts].sort((x, y) => x - y),
        Array.from({ length: 20 }, (_, i) => i + 1),
      );

      await pause(700);
      assert.equal(await a.increment('rate', key, 0.5), 1, 'a new window');
    });
  }
});
