import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI } from '../../testing/host-process.js';

const ROOT = join(dirname(CLI), '..', '..');

test('gumcp dev runs the host and restarts it when a source file changes', async () => {
  const child = spawn(process.execPath, [CLI, 'dev', '--port', '0', '--metrics-port', '0'], {
    cwd: ROOT,
    env: { ...process.env, GUMCP_STORE: 'memory:', GUMCP_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (d: Buffer) => {
    output += d.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const starts = () => output.split('\n').filter((l) => l.includes('gumcp host listening')).length;
  const waitFor = async (count: number) => {
    for (let i = 0; i < 300 && starts() < count; i++) await sleep(100);
  };
  try {
    await waitFor(1);
    assert.equal(starts(), 1, `the host did not start:\n${output}`);
    // A changed modification time is a change to the watcher; the file's content stays as it is.
    const now = new Date();
    utimesSync(join(ROOT, 'src', 'config.ts'), now, now);
    await waitFor(2);
    assert.equal(starts(), 2, `the host did not restart:\n${output}`);
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
});
