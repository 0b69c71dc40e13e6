import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { refreshingLookup } from '../../oauth/refresh.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  type FakeProvider,
  startFakeProvider,
} from '../../oauth/test/fake-provider.js';
import { LocalCredentialSource } from '../local.js';

let fp: FakeProvider | undefined;
let dir: string | undefined;
afterEach(async () => {
  await fp?.close();
  fp = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** What guMCP's Google servers saved: google-auth's Credentials.to_json(). */
const googleAuthFile = (expiry: string) => ({
  token: 'ya29.old-access',
  refresh_token: 'rt-google',
  token_uri: 'https://oauth2.googleapis.com/token',
  client_id: CLIENT_ID,
  client_secret: CLIENT_SECRET,
  scopes: ['https://www.googleapis.com/auth/gmail.modify', 'https://www.googleapis.com/auth/gmail.labels'],
  universe_domain: 'googleapis.com',
  account: '',
  expiry,
});

async function sourceWith(file: Record<string, unknown>) {
  dir = await mkdtemp(join(tmpdir(), 'gumcp-google-'));
  const source = new LocalCredentialSource({
    oauthConfigDir: join(dir, 'oauth_configs'),
    credentialsDir: join(dir, 'credentials'),
  });
  await mkdir(join(dir, 'credentials', 'gmail'), { recursive: true });
  await writeFile(source.credentialsFile('gmail', 'local'), JSON.stringify(file));
  return source;
}

test("a guMCP Google file's token, expiry and scopes read as access_token, expires_at and scope", async () => {
  const source = await sourceWith(googleAuthFile('2025-05-01T12:34:56.123456Z'));
  const { client_secret: _secret, ...rest } = (await source.get('gmail', 'local')) ?? {};
  assert.deepEqual(rest, {
    access_token: 'ya29.old-access',
    refresh_token: 'rt-google',
    token_uri: 'https://oauth2.googleapis.com/token',
    client_id: CLIENT_ID,
    scope: 'https://www.googleapis.com/auth/gmail.modify https://www.googleapis.com/auth/gmail.labels',
    universe_domain: 'googleapis.com',
    account: '',
    expires_at: Date.UTC(2025, 4, 1, 12, 34, 56) / 1000,
  });
});

test('an expiry without a zone is UTC, as google-auth writes it; an unreadable one is kept as it is', async () => {
  const naive = await sourceWith(googleAuthFile('2025-05-01T12:34:56'));
  assert.equal((await naive.get('gmail', 'local'))?.expires_at, Date.UTC(2025, 4, 1, 12, 34, 56) / 1000);
  await rm(dir ?? '', { recursive: true, force: true });
  const odd = await sourceWith(googleAuthFile('next tuesday'));
  const creds = await odd.get('gmail', 'local');
  assert.equal(creds?.expires_at, undefined);
  assert.equal(creds?.expiry, 'next tuesday');
});

test('gumcp-shaped files are read unchanged', async () => {
  const stored = {
    access_token: 'a',
    refresh_token: 'r',
    expires_at: 1_900_000_000,
    scope: 's',
    token: 'other',
  };
  const source = await sourceWith(stored);
  assert.deepEqual(await source.get('gmail', 'local'), stored);
});

test('an expired guMCP Google file is refreshed, and saved back in gumcp shape', async () => {
  fp = await startFakeProvider('client_secret_post');
  fp.refreshTokens.add('rt-google');
  const expired = new Date(Date.now() - 60_000).toISOString().replace('Z', '123Z');
  const source = await sourceWith(googleAuthFile(expired));
  await source.saveOAuthConfig('gmail', fp.client);
  const provider = { ...fp.provider, service: 'gmail' };
  const lookup = refreshingLookup({
    source,
    authSpec: async () => ({ kind: 'oauth2', provider, scopes: [] }),
  });

  const creds = await lookup('gmail', 'local');
  assert.equal(creds?.access_token, 'at-1');
  const [refresh, ...more] = fp.tokenRequests();
  assert.equal(more.length, 0);
  assert.equal((refresh?.body as Record<string, string>).refresh_token, 'rt-google');

  const saved = JSON.parse(await readFile(source.credentialsFile('gmail', 'local'), 'utf8'));
  assert.equal(saved.access_token, 'at-1');
  assert.equal(saved.token, undefined, 'the stale google-auth token is not written back');
  assert.equal(saved.expiry, undefined);
  assert.ok(saved.expires_at > Date.now() / 1000 + 3000);
});
