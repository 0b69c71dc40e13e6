import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CLI } from '../../testing/host-process.js';

const README = join(dirname(fileURLToPath(import.meta.url)), '../../../README.md');

test('the README lists every server, as gumcp list --markdown generates the table', () => {
  const table = execFileSync(process.execPath, [CLI, 'list', '--markdown'], { encoding: 'utf8' }).trim();
  assert.ok(table.split('\n').length > 10);
  assert.ok(
    readFileSync(README, 'utf8').includes(table),
    'README.md holds the current table: regenerate it with `gumcp list --markdown`',
  );
});
