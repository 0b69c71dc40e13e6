import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { connect } from '../../../testing/mcp.js';
import browserbase from '../index.js';

const loaded = () =>
  Object.keys(createRequire(import.meta.url).cache).filter((p) => p.includes('/playwright-core/'));

test('the server loads, and lists its tool, without importing playwright-core (a cold start does not pay for it)', async () => {
  const { tools } = await (await connect(browserbase)).listTools();
  assert.equal(tools.length, 1);
  assert.deepEqual(loaded(), []);
});
