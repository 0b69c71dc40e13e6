import assert from 'node:assert/strict';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { SqliteStore } from '../sqlite.js';
import { tempDir } from './helpers.js';

async function open(t: TestContext): Promise<SqliteStore> {
  const store = new SqliteStore(join(await tempDir(t), 'gumcp.db'));
  t.after(() => store.close());
  return store;
}

test('the same key in two namespaces holds two values, and one namespace never sees the other', async (t) => {
  const store = await open(t);
  await store.set('user:slack:alice', 'token', 'alice-value');
  await store.set('user:slack:bob', 'token', 'bob-value');
  await store.set('user:slack:alice:x', 'other', 1); // a namespace that merely starts like another

  assert.equal(await store.get('user:slack:alice', 'token'), 'alice-value');
  assert.equal(await store.get('user:slack:bob', 'token'), 'bob-value');
  assert.deepEqual(await store.keys('user:slack:alice'), ['token']);
  assert.equal(await store.get('user:slack:alice', 'other'), undefined);

  assert.equal(await store.delete('user:slack:alice', 'token'), true);
  assert.equal(await store.get('user:slack:alice', 'token'), undefined);
  assert.equal(await store.get('user:slack:bob', 'token'), 'bob-value');
});

test('keys() lists a namespace in lexical order whatever the order of writes', async (t) => {
  const store = await open(t);
  for (const key of ['pear', 'Apple', 'apple', 'b', 'a10', 'a2', 'a']) await store.set('fruit', key, true);
  assert.deepEqual(await store.keys('fruit'), ['Apple', 'a', 'a10', 'a2', 'apple', 'b', 'pear']);
  assert.deepEqual(await store.keys('empty'), []);
});

test('delete says whether there was a value, once', async (t) => {
  const store = await open(t);
  await store.set('ns', 'k', { a: 1 });
  assert.equal(await store.delete('ns', 'k'), true);
  assert.equal(await store.delete('ns', 'k'), false);
  assert.equal(await store.delete('ns', 'never'), false);
  assert.deepEqual(await store.keys('ns'), []);
});
