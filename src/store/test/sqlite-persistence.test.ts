import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { SqliteStore } from '../sqlite.js';
import { rawDb, tempDir } from './helpers.js';

test('the first open creates the folder (0700) and the file (0600), in WAL mode', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'nested', 'deeper', 'gumcp.db');
  const store = new SqliteStore(file);
  await store.set('ns', 'k', 1);

  assert.equal((await stat(join(dir, 'nested', 'deeper'))).mode & 0o777, 0o700);
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  assert.equal((await stat(`${file}-wal`)).mode & 0o777, 0o600);
  assert.equal(rawDb(t, file).pragma('journal_mode', { simple: true }), 'wal');
  await store.close();
});

test('values survive closing and reopening the file, as the same JSON', async (t) => {
  const file = join(await tempDir(t), 'gumcp.db');
  const values: Record<string, unknown> = {
    text: 'héllo ✓',
    number: 42.5,
    flag: false,
    nothing: null,
    list: [1, 'two', { three: 3 }],
    nested: { token: { access: 'a', scopes: ['x', 'y'] }, empty: {} },
  };
  const first = new SqliteStore(file);
  for (const [key, value] of Object.entries(values)) await first.set('data', key, value);
  await first.set('data', 'text', 'replaced');
  await first.close();

  const second = new SqliteStore(file);
  for (const [key, value] of Object.entries(values)) {
    assert.deepEqual(await second.get('data', key), key === 'text' ? 'replaced' : value, key);
  }
  assert.equal(await second.get('data', 'missing'), undefined);
  await second.close();

  const row = rawDb(t, file).prepare("SELECT value FROM kv WHERE namespace = 'data' AND key = 'list'").get();
  assert.deepEqual(row, { value: '[1,"two",{"three":3}]' });
});

test('a value with no JSON form is refused, and nothing is stored', async (t) => {
  const store = new SqliteStore(join(await tempDir(t), 'gumcp.db'));
  await assert.rejects(store.set('ns', 'k', undefined), /Cannot store undefined under "k": values are JSON/);
  await assert.rejects(
    store.set('ns', 'f', () => 1),
    /Cannot store function/,
  );
  assert.deepEqual(await store.keys('ns'), []);
  await store.close();
});

test('close is idempotent and later calls fail loudly instead of losing writes', async (t) => {
  const store = new SqliteStore(join(await tempDir(t), 'gumcp.db'));
  await store.close();
  await store.close();
  await assert.rejects(store.set('ns', 'k', 1), /not open/);
});
