import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CLI } from '../../testing/host-process.js';

const dir = mkdtempSync(join(tmpdir(), 'gumcp-keycheck-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const base = {
  ENVIRONMENT: 'embedded',
  GUMCP_STORE: `sqlite:${join(dir, 'gumcp.db')}`,
  GUMCP_LOG_LEVEL: 'debug',
};

/** Runs `gumcp serve` on free loopback ports; a start that fails exits, one that works is cut off at 10 s. */
function serve(env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...base, ...env };
  if (env.GUMCP_ENCRYPTION_KEY === undefined) delete childEnv.GUMCP_ENCRYPTION_KEY;
  return spawnSync(process.execPath, [CLI, 'serve', '--port', '0', '--metrics-port', '0'], {
    encoding: 'utf8',
    env: childEnv,
    timeout: 10_000,
  });
}

test('without GUMCP_ENCRYPTION_KEY, gumcp serve exits non-zero naming the variable', () => {
  const run = serve({ GUMCP_ENCRYPTION_KEY: undefined });
  assert.notEqual(run.status, 0);
  assert.notEqual(run.status, null, 'it exited by itself rather than being cut off');
  assert.match(run.stderr, /GUMCP_ENCRYPTION_KEY is not set/);
  assert.doesNotMatch(run.stderr, /gumcp host listening/);
});

test('a malformed key is refused without quoting it', () => {
  const key = `not-a-key-${randomBytes(8).toString('hex')}`;
  const run = serve({ GUMCP_ENCRYPTION_KEY: key });
  assert.notEqual(run.status, 0);
  assert.notEqual(run.status, null);
  assert.match(run.stderr, /GUMCP_ENCRYPTION_KEY is malformed/);
  assert.ok(!(run.stdout + run.stderr).includes(key), 'the key is not printed');
});

test('a well-formed key other than the one the store was first used with stops the start', () => {
  const right = randomBytes(32).toString('base64');
  // The store's first use (here by the keys command) binds it to its key.
  const created = spawnSync(process.execPath, [CLI, 'keys', 'create', '--user', 'alice'], {
    encoding: 'utf8',
    env: { ...process.env, ...base, GUMCP_ENCRYPTION_KEY: right },
  });
  assert.equal(created.status, 0, created.stderr);

  const wrong = randomBytes(32).toString('hex');
  const run = serve({ GUMCP_ENCRYPTION_KEY: wrong });
  assert.notEqual(run.status, 0);
  assert.notEqual(run.status, null);
  assert.match(run.stderr, /GUMCP_ENCRYPTION_KEY is not the key this store was encrypted with/);
  for (const key of [right, wrong]) assert.ok(!(run.stdout + run.stderr).includes(key), 'no key is printed');
});
