import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStore } from '../memory.js';

test('the memory store hides expired values and drops ones nobody reads again', async (t) => {
  t.mock.timers.enable({ apis: ['Date'] });
  const store = new MemoryStore();
  await store.set('oauth-states', 'abandoned', { user: 'a' }, 60);
  await store.set('kept', 'k', 'v');
  assert.deepEqual(await store.get('oauth-states', 'abandoned'), { user: 'a' });
  t.mock.timers.tick(61_000);
  assert.equal(await store.get('oauth-states', 'abandoned'), undefined);

  await store.set('oauth-states', 'abandoned-too', 1, 60);
  t.mock.timers.tick(61_000);
  assert.equal(store.size, 2, 'the expired entry is still held until a sweep');
  for (let i = 0; i < 1000; i++) await store.set('other', String(i % 10), i);
  // The sweep dropped the expired entry without anyone reading it.
  assert.equal(store.size, 11);
  assert.equal(await store.get('kept', 'k'), 'v');
});

test('values are copies: changing what was stored or read does not change the store', async () => {
  const store = new MemoryStore();
  const value = { list: [1] };
  await store.set('n', 'k', value);
  value.list.push(2);
  const read = await store.get<{ list: number[] }>('n', 'k');
  read?.list.push(3);
  assert.deepEqual(await store.get('n', 'k'), { list: [1] });
});
