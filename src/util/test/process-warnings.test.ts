import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { pino } from 'pino';
import { logProcessWarnings } from '../log.js';

test("node's process warnings become JSON log lines, and node's own printing comes back after", async () => {
  const lines: string[] = [];
  const log = pino({ base: null }, { write: (line: string) => lines.push(line) });
  const nodePrinters = process.listeners('warning');
  const restore = logProcessWarnings(log);
  assert.equal(process.listeners('warning').length, 1);
  const emitted = once(process, 'warning');
  process.emitWarning('this API is experimental', 'ExperimentalWarning');
  await emitted;
  restore();
  assert.deepEqual(process.listeners('warning'), nodePrinters);
  assert.equal(lines.length, 1);
  const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  assert.equal(entry.msg, 'node warning');
  assert.equal(entry.warning, 'ExperimentalWarning');
  assert.equal(entry.detail, 'this API is experimental');
});
