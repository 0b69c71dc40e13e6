import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { connect } from '../../../testing/mcp.js';
import snowflake from '../index.js';

const loaded = () =>
  Object.keys(createRequire(import.meta.url).cache).filter((p) => p.includes('/snowflake-sdk/'));

test('the server loads, and lists its tools, without importing snowflake-sdk (a cold start does not pay for it)', async () => {
  const { tools } = await (await connect(snowflake)).listTools();
  assert.equal(tools.length, 8);
  assert.deepEqual(loaded(), []);
});
