import assert from 'node:assert/strict';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { SqliteStore } from '../sqlite.js';
import { manualClock, rawDb, tempDir } from './helpers.js';

async function open(t: TestContext) {
  const file = join(await tempDir(t), 'gumcp.db');
  const clock = manualClock();
  const store = new SqliteStore(file, { now: clock.now, purgeIntervalMs: 60_000 });
  t.after(() => store.close());
  const onDisk = rawDb(t, file).prepare('SELECT namespace, key FROM kv ORDER BY namespace, key');
  const rows = () => onDisk.all();
  return { store, clock, rows };
}

test('a value with a TTL is visible until it expires, then gone from get, keys and delete', async (t) => {
  const { store, clock } = await open(t);
  await store.set('oauth_state', 'abc', { verifier: 'v' }, 600);
  await store.set('oauth_state', 'keep', 'forever');

  clock.advance(599_999);
  assert.deepEqual(await store.get('oauth_state', 'abc'), { verifier: 'v' });
  assert.deepEqual(await store.keys('oauth_state'), ['abc', 'keep']);

  clock.advance(1);
  assert.deepEqual(await store.keys('oauth_state'), ['keep']);
  assert.equal(await store.delete('oauth_state', 'abc'), false);
  assert.equal(await store.get('oauth_state', 'abc'), undefined);
  assert.equal(await store.get('oauth_state', 'keep'), 'forever');
});

test('reading an expired value removes its row', async (t) => {
  const { store, clock, rows } = await open(t);
  await store.set('ns', 'short', 1, 1);
  clock.advance(1_000);
  assert.equal(rows().length, 1, 'still on disk before anyone looks');
  assert.equal(await store.get('ns', 'short'), undefined);
  assert.deepEqual(rows(), []);
});

test('a write purges every expired row, at most once per interval', async (t) => {
  const { store, clock, rows } = await open(t);
  await store.set('a', 'x', 1, 10); // the first write purges (nothing yet) and starts the interval
  await store.set('b', 'y', 2, 10);
  clock.advance(30_000);
  await store.set('c', 'z', 3); // within the interval: no purge
  assert.equal(rows().length, 3);

  clock.advance(30_000);
  await store.set('c', 'z', 3);
  assert.deepEqual(rows(), [{ namespace: 'c', key: 'z' }]);
});

test('writing again without a TTL makes a value permanent; a bad TTL is refused', async (t) => {
  const { store, clock } = await open(t);
  await store.set('ns', 'k', 'temp', 5);
  await store.set('ns', 'k', 'kept');
  clock.advance(10_000);
  assert.equal(await store.get('ns', 'k'), 'kept');

  await assert.rejects(store.set('ns', 'bad', 1, -1), /ttlSeconds must be a finite number >= 0, got -1/);
  await assert.rejects(store.set('ns', 'bad', 1, Number.NaN), RangeError);
  assert.deepEqual(await store.keys('ns'), ['k']);
});
