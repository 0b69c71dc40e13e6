import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, type TestContext, test } from 'node:test';
import { POSTGRES_URL, REDIS_URL, withService } from '../../testing/services.js';
import { MemoryStore } from '../memory.js';
import { PostgresStore } from '../postgres.js';
import { RedisStore } from '../redis.js';
import { SqliteStore } from '../sqlite.js';
import type { KeyValueStore } from '../types.js';
import { tempDir } from './helpers.js';

/**
 * One contract, every store: what gumcp relies on holds the same on memory, SQLite, PostgreSQL and
 * Redis. The server-backed stores run against the real servers on loopback.
 */

const STORES: Record<string, (t: TestContext) => Promise<KeyValueStore | undefined>> = {
  memory: async () => new MemoryStore(),
  sqlite: async (t) => new SqliteStore(join(await tempDir(t), 'gumcp.db')),
  postgres: (t) => withService(t, 'PostgreSQL', () => PostgresStore.open(POSTGRES_URL, { timeoutMs: 3_000 })),
  redis: (t) => withService(t, 'Redis', () => RedisStore.open(REDIS_URL, { timeoutMs: 3_000 })),
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const [kind, open] of Object.entries(STORES)) {
  describe(`${kind} store`, () => {
    /** The store, and a namespace prefix no other test or run shares (the servers outlive a run). */
    async function setup(t: TestContext) {
      const store = await open(t);
      if (!store) return undefined;
      t.after(() => store.close());
      const ns = (name: string) => `contract-${randomBytes(4).toString('hex')}:${name}`;
      return { store, ns };
    }

    test('namespaces keep the same key apart, including one that merely starts like another', async (t) => {
      const s = await setup(t);
      if (!s) return;
      const [alice, bob, aliceX] = [
        s.ns('user:slack:alice'),
        s.ns('user:slack:bob'),
        s.ns('user:slack:alice:x'),
      ];
      await s.store.set(alice, 'token', 'alice-value');
      await s.store.set(bob, 'token', 'bob-value');
      await s.store.set(aliceX, 'other', 1);

      assert.equal(await s.store.get(alice, 'token'), 'alice-value');
      assert.equal(await s.store.get(bob, 'token'), 'bob-value');
      assert.deepEqual(await s.store.keys(alice), ['token']);
      assert.equal(await s.store.get(alice, 'other'), undefined);
      assert.equal(await s.store.delete(alice, 'token'), true);
      assert.equal(
        await s.store.delete(alice, 'token'),
        false,
        'a delete says whether there was a value, once',
      );
      assert.equal(await s.store.get(bob, 'token'), 'bob-value');
    });

    test('keys are listed in code point order whatever the order of writes', async (t) => {
      const s = await setup(t);
      if (!s) return;
      const fruit = s.ns('fruit');
      const keys = [
        'pear',
        'Apple',
        'apple',
        'b',
        'a10',
        'a2',
        'a',
        'é',
        '😀',
        '\uE000',
        'a b',
        'a:b',
        'a\u0000b',
      ];
      for (const key of keys) await s.store.set(fruit, key, true);
      const codePointOrder = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
      assert.deepEqual(await s.store.keys(fruit), codePointOrder);
      assert.deepEqual(await s.store.keys(s.ns('empty')), []);
    });

    test('a value with a TTL disappears from reads and listings once it expires; a later write without one keeps', async (t) => {
      const s = await setup(t);
      if (!s) return;
      const states = s.ns('oauth-states');
      await s.store.set(states, 'short', { user: 'a' }, 0.3);
      await s.store.set(states, 'renewed', 1, 0.3);
      await s.store.set(states, 'renewed', 2);
      await s.store.set(states, 'long', { user: 'b' }, 60);
      assert.deepEqual(await s.store.get(states, 'short'), { user: 'a' });

      await sleep(600);
      assert.equal(await s.store.get(states, 'short'), undefined);
      assert.equal(await s.store.get(states, 'renewed'), 2);
      assert.deepEqual(await s.store.keys(states), ['long', 'renewed']);
      assert.equal(await s.store.delete(states, 'short'), false, 'an expired value is not there to delete');
    });

    test('concurrent writers: every distinct key lands, and one key ends with one of the values written', async (t) => {
      const s = await setup(t);
      if (!s) return;
      const busy = s.ns('busy');
      const distinct = Array.from({ length: 50 }, (_, i) => `k${String(i).padStart(2, '0')}`);
      await Promise.all([
        ...distinct.map((key) => s.store.set(busy, key, key)),
        ...Array.from({ length: 20 }, (_, i) => s.store.set(busy, 'same', i)),
      ]);
      assert.deepEqual(await s.store.keys(busy), [...distinct, 'same']);
      assert.ok(Number.isInteger(await s.store.get(busy, 'same')));
      for (const key of distinct) assert.equal(await s.store.get(busy, key), key);
    });

    test('large values, and keys and values with any character, come back exactly', async (t) => {
      const s = await setup(t);
      if (!s) return;
      const odd = s.ns('odd');
      const value = {
        text: 'nul\u0000 quote" back\\slash \u2028 tab\t emoji 😀 lone \ud800 é',
        nested: { list: [1, 2.5, -0.125, null, true, 'x'], empty: {} },
        big: 'x'.repeat(1_000_000),
      };
      const keys = ['with\u0000nul', 'path/../x', 'colon:key', '😀', ' ', 'quote\'"'];
      for (const key of keys) await s.store.set(odd, key, value);
      for (const key of keys) assert.deepEqual(await s.store.get(odd, key), value, JSON.stringify(key));
      await assert.rejects(s.store.set(odd, 'undefined', undefined), TypeError);
      await assert.rejects(s.store.set(odd, 'bad-ttl', 1, -1), RangeError);
    });
  });
}

test('a PostgreSQL store that cannot connect says so without echoing the password of its URL', async () => {
  await assert.rejects(
    PostgresStore.open('postgres://gumcp:s3cret-password@127.0.0.1:1/nowhere', { timeoutMs: 2_000 }),
    (error: Error) => {
      assert.match(error.message, /^Could not open the PostgreSQL store: /);
      assert.doesNotMatch(error.message, /s3cret-password/);
      return true;
    },
  );
});

test('a Redis store that cannot connect says so without echoing the password of its URL', async () => {
  await assert.rejects(
    RedisStore.open('redis://:s3cret-password@127.0.0.1:1', { timeoutMs: 2_000 }),
    (error: Error) => {
      assert.match(error.message, /^Could not open the Redis store: /);
      assert.doesNotMatch(error.message, /s3cret-password/);
      return true;
    },
  );
});
