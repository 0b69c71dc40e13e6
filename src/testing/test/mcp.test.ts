import assert from 'node:assert/strict';
import { test } from 'node:test';
import simpleTools from '../../servers/simple-tools-server/index.js';
import { MemoryStore } from '../../store/memory.js';
import { userStore } from '../../store/user-store.js';
import { connect, text } from '../mcp.js';

test('connect runs the session on the store given, which the test then reads as the tools do', async (t) => {
  const store = new MemoryStore();
  await userStore(store, 'simple-tools-server', 'ada').set('kept', 'from before');
  const client = await connect(simpleTools, { userId: 'ada', store });
  t.after(() => client.close());

  const stored = await client.callTool({ name: 'store-data', arguments: { key: 'k', value: 'v' } });
  assert.equal(stored.isError, undefined, text(stored));
  assert.equal(await userStore(store, 'simple-tools-server', 'ada').get('k'), 'v');
  const read = await client.callTool({ name: 'retrieve-data', arguments: { key: 'kept' } });
  assert.equal(text(read), 'from before');
  assert.equal(await userStore(store, 'simple-tools-server', 'someone-else').get('k'), undefined);
});

test('without a store, each session starts with an empty one of its own', async (t) => {
  const first = await connect(simpleTools);
  const second = await connect(simpleTools);
  t.after(() => Promise.all([first.close(), second.close()]));
  await first.callTool({ name: 'store-data', arguments: { key: 'k', value: 'v' } });
  const other = await second.callTool({ name: 'retrieve-data', arguments: { key: 'k' } });
  assert.equal(other.isError, true);
});
