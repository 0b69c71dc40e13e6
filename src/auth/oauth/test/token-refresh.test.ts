import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { AuthSpec } from '../../../core/definition.js';
import { AuthRequiredError } from '../../../core/errors.js';
import type { StoredCredentials } from '../../types.js';
import { refreshingLookup } from '../refresh.js';
import { CLIENT_ID, CLIENT_SECRET, type FakeProvider, startFakeProvider } from './fake-provider.js';
import { MemorySource } from './memory-source.js';

let fp: FakeProvider | undefined;
afterEach(async () => {
  await fp?.close();
  fp = undefined;
});

const now = () => Math.floor(Date.now() / 1000);
const USER = 'alice';

/** A fake provider, a source holding `stored` for the user, and the lookup under test for server `chat`. */
async function setup(
  stored: StoredCredentials,
  auth: 'client_secret_basic' | 'client_secret_post' = 'client_secret_basic',
) {
  fp = await startFakeProvider(auth);
  const p = fp;
  if (stored.refresh_token) p.refreshTokens.add(String(stored.refresh_token));
  const source = new MemorySource({ fakesvc: p.client });
  await source.save('fakesvc', USER, stored);
  source.saves.length = 0;
  const specs: Record<string, AuthSpec> = {
    chat: { kind: 'oauth2', provider: p.provider, scopes: ['read'] },
    keyed: { kind: 'api_key', fields: [{ name: 'api_key', label: 'API key', secret: true }] },
    open: { kind: 'none' },
  };
  const lookup = refreshingLookup({
    source,
    authSpec: async (id) => specs[id] ?? assert.fail(`unknown server ${id}`),
  });
  return { p, source, lookup };
}

test('a token expiring within 5 minutes is refreshed at the token endpoint, saved and returned', async () => {
  const { p, source, lookup } = await setup({
    access_token: 'at-old',
    refresh_token: 'rt-old',
    expires_at: now() + 120,
    token_type: 'Bearer',
    team: { id: 'T1' },
  });
  const creds = await lookup('chat', USER);

  const [req, ...more] = p.tokenRequests();
  assert.equal(more.length, 0);
  assert.equal(req?.method, 'POST');
  assert.deepEqual(req?.body, { grant_type: 'refresh_token', refresh_token: 'rt-old' });
  assert.equal(
    req?.headers.authorization,
    `Basic ${Buffer.from(`${CLIENT_ID}:${encodeURIComponent(CLIENT_SECRET)}`).toString('base64')}`,
  );

  assert.equal(creds?.access_token, 'at-1');
  assert.match(String(creds?.refresh_token), /^rt-1-/, 'a rotated refresh token replaces the old one');
  assert.ok(Number(creds?.expires_at) >= now() + 3590);
  assert.deepEqual(creds?.team, { id: 'T1' }, 'fields only the first answer carried are kept');
  assert.deepEqual(source.saves, [{ service: 'fakesvc', userId: USER, credentials: creds }]);
});

test('an expired token is refreshed too, with client_secret_post credentials in the form', async () => {
  const { p, lookup } = await setup(
    { access_token: 'at-old', refresh_token: 'rt-old', expires_at: now() - 60 },
    'client_secret_post',
  );
  assert.equal((await lookup('chat', USER))?.access_token, 'at-1');
  const req = p.tokenRequests()[0];
  assert.equal(req?.headers.authorization, undefined);
  assert.deepEqual(req?.body, {
    grant_type: 'refresh_token',
    refresh_token: 'rt-old',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
  });
});

test('a token far from expiry, or without an expiry, is returned as stored without a request', async () => {
  const stored = { access_token: 'at-old', refresh_token: 'rt-old', expires_at: now() + 3600 };
  const { p, source, lookup } = await setup(stored);
  assert.deepEqual(await lookup('chat', USER), stored);
  await source.save('fakesvc', USER, { access_token: 'at-forever', refresh_token: 'rt-old' });
  assert.deepEqual(await lookup('chat', USER), { access_token: 'at-forever', refresh_token: 'rt-old' });
  assert.equal(p.tokenRequests().length, 0);
});

test('10 concurrent lookups for one user and service trigger exactly one refresh', async () => {
  const { p, source, lookup } = await setup({
    access_token: 'at-old',
    refresh_token: 'rt-old',
    expires_at: now() + 10,
  });
  p.tokenDelayMs = 50;
  const results = await Promise.all(Array.from({ length: 10 }, () => lookup('chat', USER)));
  assert.equal(p.tokenRequests().length, 1);
  assert.deepEqual(new Set(results.map((c) => c?.access_token)), new Set(['at-1']));
  assert.equal(source.saves.length, 1);
  // Once refreshed, later lookups use the saved token.
  assert.equal((await lookup('chat', USER))?.access_token, 'at-1');
  assert.equal(p.tokenRequests().length, 1);
});

test('the stored refresh_token is kept when the provider does not send a new one', async () => {
  const { p, source, lookup } = await setup({
    access_token: 'at-old',
    refresh_token: 'rt-keep',
    expires_at: now() + 5,
  });
  p.rotate = false;
  const creds = await lookup('chat', USER);
  assert.equal(creds?.access_token, 'at-1');
  assert.equal(creds?.refresh_token, 'rt-keep');
  assert.equal((await source.get('fakesvc', USER))?.refresh_token, 'rt-keep');
});

test('a refused refresh asks the user to run `gumcp auth <server>` and names no secret', async () => {
  const { p, source, lookup } = await setup({
    access_token: 'at-old',
    refresh_token: 'rt-old',
    expires_at: now() - 1,
  });
  p.refreshTokens.clear();
  const error = await lookup('chat', USER).then(
    () => assert.fail('the lookup should fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AuthRequiredError);
  assert.equal(
    error.message,
    'Not authenticated with chat: refreshing the access token failed: fakesvc refused the refresh token: ' +
      'invalid_grant (Unknown refresh token). Re-authenticate with `gumcp auth chat`.',
  );
  for (const secret of ['rt-old', 'at-old', CLIENT_SECRET]) assert.ok(!error.message.includes(secret));
  assert.equal(source.saves.length, 0);
});

test('a provider message that echoes the refresh token is redacted', async () => {
  const { p, lookup } = await setup({
    access_token: 'at-old',
    refresh_token: 'rt-old-abc',
    expires_at: now() - 1,
  });
  p.fake.once('POST /token', {
    status: 400,
    body: { error: 'invalid_grant', error_description: 'Token rt-old-abc has been revoked' },
  });
  await assert.rejects(lookup('chat', USER), {
    message:
      'Not authenticated with chat: refreshing the access token failed: fakesvc refused the refresh token: ' +
      'invalid_grant (Token [redacted] has been revoked). Re-authenticate with `gumcp auth chat`.',
  });
});

test('an expired token with no refresh token needs a new sign-in', async () => {
  const { p, lookup } = await setup({ access_token: 'at-old', expires_at: now() - 1 });
  await assert.rejects(lookup('chat', USER), {
    name: 'ToolError',
    message:
      'Not authenticated with chat: the access token expired and no refresh token is stored. Re-authenticate with `gumcp auth chat`.',
  });
  assert.equal(p.tokenRequests().length, 0);
});

test('an outage at the token endpoint keeps using a token that has not expired yet', async () => {
  const { p, source, lookup } = await setup({
    access_token: 'at-old',
    refresh_token: 'rt-old',
    expires_at: now() + 60,
  });
  p.fake.once('POST /token', { status: 503, body: { error: 'temporarily_unavailable' } });
  assert.equal((await lookup('chat', USER))?.access_token, 'at-old');
  assert.equal(p.tokenRequests().length, 1);
  assert.equal(source.saves.length, 0);
});

test('API-key and no-auth servers get their stored credentials as they are, under the server id', async () => {
  const { p, source, lookup } = await setup({ access_token: 'unused' });
  await source.save('keyed', USER, { api_key: 'k-123' });
  assert.deepEqual(await lookup('keyed', USER), { api_key: 'k-123' });
  assert.equal(await lookup('open', USER), undefined);
  assert.equal(await lookup('keyed', 'bob'), undefined);
  assert.equal(p.fake.requests.length, 0);
});
