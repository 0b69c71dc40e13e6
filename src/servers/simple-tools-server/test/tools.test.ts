import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import simpleTools from '../index.js';

test('store-data then retrieve-data returns the stored value', async () => {
  const client = await connect(simpleTools);
  const stored = await client.callTool({ name: 'store-data', arguments: { key: 'colour', value: 'teal' } });
  assert.equal(text(stored), 'Stored value for key "colour"');
  const got = await client.callTool({ name: 'retrieve-data', arguments: { key: 'colour' } });
  assert.equal(text(got), 'teal');
  assert.equal(got.isError, undefined);
});

test('list-data lists every key of the user in order, and says when there is none', async () => {
  const client = await connect(simpleTools);
  assert.equal(text(await client.callTool({ name: 'list-data', arguments: {} })), 'No data stored');
  await client.callTool({ name: 'store-data', arguments: { key: 'b', value: '2' } });
  await client.callTool({ name: 'store-data', arguments: { key: 'a', value: '1' } });
  assert.equal(text(await client.callTool({ name: 'list-data', arguments: {} })), 'a: 1\nb: 2');
});

test('retrieve-data of a missing key is a tool error naming the key', async () => {
  const client = await connect(simpleTools);
  const result = await client.callTool({ name: 'retrieve-data', arguments: { key: 'nope' } });
  assert.equal(result.isError, true);
  assert.equal(text(result), 'No value is stored for key "nope"');
});

test('missing and mistyped arguments are tool errors that name the argument', async () => {
  const client = await connect(simpleTools);
  const missing = await client.callTool({ name: 'store-data', arguments: { key: 'k' } });
  assert.equal(missing.isError, true);
  assert.match(text(missing), /^Invalid arguments for tool store-data: value: .*expected string/);
  const wrongType = await client.callTool({ name: 'retrieve-data', arguments: { key: 42 } });
  assert.match(text(wrongType), /key: .*expected string, received number/);
});

test('tools carry true annotations', async () => {
  const client = await connect(simpleTools);
  const { tools } = await client.listTools();
  const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
  assert.equal(byName['retrieve-data']?.annotations?.readOnlyHint, true);
  assert.equal(byName['list-data']?.annotations?.readOnlyHint, true);
  assert.equal(byName['store-data']?.annotations?.readOnlyHint, false);
  assert.deepEqual(byName['store-data']?.inputSchema.required, ['key', 'value']);
});
