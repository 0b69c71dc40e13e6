import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { LocalCredentialSource } from '../local.js';
import { tempDir } from './helpers.js';

const mode = async (path: string) => (await stat(path)).mode & 0o777;

test('credential and OAuth config files are 0600, and the folders created for them 0700', async (t) => {
  const cwd = await tempDir(t);
  const source = LocalCredentialSource.fromEnv({}, cwd);
  await source.save('github', 'alice', { access_token: 'gho_1' });
  await source.saveOAuthConfig('github', { client_id: 'c', client_secret: 's' });

  for (const dir of [
    'local_auth',
    'local_auth/credentials',
    'local_auth/credentials/github',
    'local_auth/oauth_configs/github',
  ]) {
    assert.equal(await mode(join(cwd, dir)), 0o700, dir);
  }
  assert.equal(await mode(join(cwd, 'local_auth/credentials/github/alice_credentials.json')), 0o600);
  assert.equal(await mode(join(cwd, 'local_auth/oauth_configs/github/oauth.json')), 0o600);
});

test('saving over a world-readable file guMCP left makes it 0600', async (t) => {
  const cwd = await tempDir(t);
  const dir = join(cwd, 'local_auth/credentials/github');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'alice_credentials.json'), '{"access_token": "old"}', { mode: 0o644 });

  await LocalCredentialSource.fromEnv({}, cwd).save('github', 'alice', { access_token: 'new' });
  assert.equal(await mode(join(dir, 'alice_credentials.json')), 0o600);
  assert.deepEqual(JSON.parse(await readFile(join(dir, 'alice_credentials.json'), 'utf8')), {
    access_token: 'new',
  });
});

test('concurrent saves leave one whole file and no temp file', async (t) => {
  const cwd = await tempDir(t);
  const source = LocalCredentialSource.fromEnv({}, cwd);
  const writes = Array.from({ length: 20 }, (_, i) => ({
    access_token: `token-${i}`,
    padding: 'x'.repeat(10_000 + i),
  }));
  await Promise.all(writes.map((w) => source.save('notion', 'bob', w)));

  const dir = join(cwd, 'local_auth/credentials/notion');
  assert.deepEqual(await readdir(dir), ['bob_credentials.json']);
  const saved = JSON.parse(await readFile(join(dir, 'bob_credentials.json'), 'utf8'));
  assert.ok(writes.some((w) => w.access_token === saved.access_token && w.padding === saved.padding));
});

test('a write that fails cleans up its temp file and keeps what was there', async (t) => {
  const cwd = await tempDir(t);
  const dir = join(cwd, 'local_auth/credentials/notion');
  // A folder where the file should go makes the final rename fail.
  await mkdir(join(dir, 'bob_credentials.json', 'inner'), { recursive: true });

  await assert.rejects(LocalCredentialSource.fromEnv({}, cwd).save('notion', 'bob', { access_token: 't' }));
  assert.deepEqual(await readdir(dir), ['bob_credentials.json']);
  assert.deepEqual(await readdir(join(dir, 'bob_credentials.json')), ['inner']);
});
