import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, test } from 'node:test';
import { signInWithBrowser } from '../authorize.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  type FakeProvider,
  scriptedBrowser,
  startFakeProvider,
} from './fake-provider.js';
import { screen } from './screen.js';

let fp: FakeProvider | undefined;
afterEach(async () => {
  await fp?.close();
  fp = undefined;
});

/** Runs the flow against the fake with a scripted browser; returns the outcome and what the browser saw. */
async function signIn(p: FakeProvider, scopes = ['read', 'write'], timeoutMs = 5000) {
  const browser = scriptedBrowser();
  const out = screen();
  const result = signInWithBrowser({
    provider: p.provider,
    scopes,
    client: p.client,
    port: 0,
    timeoutMs,
    out: out.stream,
    openBrowser: browser.open,
  });
  const settled = await result.then(
    (credentials) => ({ credentials, error: undefined }),
    (error: Error) => ({ credentials: undefined, error }),
  );
  return { ...settled, page: await browser.visit(), out: out.text() };
}

const authorizeRequest = (p: FakeProvider) => {
  const found = p.fake.requests.find((r) => r.path === '/authorize');
  assert.ok(found, 'the browser reached the authorize endpoint');
  return found;
};

/** The callback server is gone once the flow ends: nothing listens at the redirect URI any more. */
async function assertClosed(redirectUri: string) {
  await assert.rejects(fetch(redirectUri), /fetch failed/);
}

test('signs in end to end with PKCE S256 and a Basic client header, keeping the provider fields', async () => {
  fp = await startFakeProvider('client_secret_basic', {
    scopeSeparator: ',',
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
  });
  const before = Math.floor(Date.now() / 1000);
  const { credentials, error, page, out } = await signIn(fp, ['chat:write', 'users:read']);
  assert.equal(error, undefined);

  const q = authorizeRequest(fp).query;
  const redirectUri = q.get('redirect_uri') ?? '';
  assert.match(redirectUri, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  assert.equal(q.get('client_id'), CLIENT_ID);
  assert.equal(q.get('response_type'), 'code');
  assert.equal(q.get('scope'), 'chat:write,users:read');
  assert.equal(q.get('code_challenge_method'), 'S256');
  assert.equal(q.get('access_type'), 'offline');
  assert.equal(q.get('prompt'), 'consent');
  assert.ok((q.get('state') ?? '').length >= 43, 'state is long and random');
  assert.ok(out.includes(redirectUri), 'the authorize URL is printed');

  const [token, ...more] = fp.tokenRequests();
  assert.ok(token);
  assert.equal(more.length, 0);
  assert.equal(token.method, 'POST');
  assert.match(String(token.headers['content-type']), /application\/x-www-form-urlencoded/);
  assert.equal(token.headers.accept, 'application/json');
  const expectedBasic = `Basic ${Buffer.from(`${CLIENT_ID}:sec%2Fret%2B%3D42`).toString('base64')}`;
  assert.equal(token.headers.authorization, expectedBasic);
  const body = token.body as Record<string, string>;
  const verifier = body.code_verifier ?? '';
  assert.deepEqual(Object.keys(body).sort(), ['code', 'code_verifier', 'grant_type', 'redirect_uri']);
  assert.equal(body.grant_type, 'authorization_code');
  assert.equal(body.redirect_uri, redirectUri);
  assert.equal(createHash('sha256').update(verifier).digest('base64url'), q.get('code_challenge'));
  assert.ok(!authorizeRequest(fp).rawBody.includes(verifier) && !q.toString().includes(verifier));

  assert.equal(credentials?.access_token, 'at-1');
  assert.match(String(credentials?.refresh_token), /^rt-1-/);
  assert.equal(credentials?.token_type, 'Bearer');
  assert.equal(credentials?.scope, 'read write');
  assert.deepEqual(credentials?.team, { id: 'T1', name: 'Team' });
  assert.equal(credentials?.ok, undefined, 'fields not listed in keepTokenFields are dropped');
  const expiresAt = Number(credentials?.expires_at);
  assert.ok(expiresAt >= before + 3600 && expiresAt <= before + 3602);

  assert.equal(page.status, 200);
  assert.match(page.text, /Signed in to fakesvc/);
  assert.match(page.text, /You can close this tab/);
  await assertClosed(redirectUri);
});

test('client_secret_post sends the client id and secret as form fields and no Authorization header', async () => {
  fp = await startFakeProvider('client_secret_post');
  const { credentials, error } = await signIn(fp);
  assert.equal(error, undefined);
  const token = fp.tokenRequests()[0];
  assert.equal(token?.headers.authorization, undefined);
  const body = token?.body as Record<string, string>;
  assert.equal(body.client_id, CLIENT_ID);
  assert.equal(body.client_secret, CLIENT_SECRET);
  assert.equal(credentials?.access_token, 'at-1');
  assert.equal(authorizeRequest(fp).query.get('scope'), 'read write', 'space is the default separator');
});

test('a callback whose state differs from the one sent is rejected and no code is exchanged', async () => {
  fp = await startFakeProvider('client_secret_basic');
  fp.authorize = (_query, code) => ({ code, state: 'forged-state' });
  const { error, page } = await signIn(fp);
  assert.match(String(error?.message), /different state than this attempt sent/);
  assert.equal(fp.tokenRequests().length, 0);
  assert.equal(page.status, 400);
  assert.match(page.text, /different state/);
  assert.match(page.text, /You can close this tab/);
});

test('access_denied from the provider ends the flow with a clear message and no token request', async () => {
  fp = await startFakeProvider('client_secret_basic');
  fp.authorize = (query) => ({ error: 'access_denied', state: query.get('state') ?? '' });
  const { error, page } = await signIn(fp);
  assert.equal(error?.message, 'Access to fakesvc was denied in the browser; nothing was saved.');
  assert.equal(fp.tokenRequests().length, 0);
  assert.match(page.text, /denied/);
});

test('the wait for the browser ends after the time limit and frees the port', async () => {
  fp = await startFakeProvider('client_secret_basic');
  const out = screen();
  let redirectUri = '';
  const started = Date.now();
  await assert.rejects(
    signInWithBrowser({
      provider: fp.provider,
      scopes: ['read'],
      client: fp.client,
      port: 0,
      timeoutMs: 300,
      out: out.stream,
      openBrowser: (url) => {
        redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
      },
    }),
    /No sign-in came back from the browser within 1 s .*run the command again/,
  );
  assert.ok(Date.now() - started < 3000);
  assert.equal(fp.fake.requests.length, 0);
  await assertClosed(redirectUri);
});

test('invalid_grant at the token endpoint is reported with the reason and without any secret', async () => {
  fp = await startFakeProvider('client_secret_post');
  fp.fake.once('POST /token', {
    status: 400,
    body: { error: 'invalid_grant', error_description: 'The authorization code has expired' },
  });
  const { error, page } = await signIn(fp);
  assert.equal(
    error?.message,
    'fakesvc refused the authorization code: invalid_grant (The authorization code has expired)',
  );
  const sent = fp.tokenRequests()[0]?.body as Record<string, string>;
  for (const secret of [CLIENT_SECRET, sent.code ?? '?', sent.code_verifier ?? '?']) {
    assert.ok(!error?.message.includes(secret) && !page.text.includes(secret));
  }
  assert.equal(page.status, 400);
  assert.match(page.text, /Signing in to fakesvc failed/);
});

test("Slack's 200 answer with ok:false is a failure, not credentials", async () => {
  fp = await startFakeProvider('client_secret_post');
  fp.fake.once('POST /token', { body: { ok: false, error: 'invalid_code' } });
  const { credentials, error } = await signIn(fp);
  assert.equal(credentials, undefined);
  assert.equal(error?.message, 'fakesvc refused the authorization code: invalid_code');
});

test("GitHub's form-encoded token answer is read, and its 200 error answer is a failure", async () => {
  fp = await startFakeProvider('client_secret_post');
  fp.fake.once('POST /token', { body: 'access_token=gho_abc&scope=repo%2Cuser&token_type=bearer' });
  const ok = await signIn(fp);
  assert.deepEqual(ok.credentials, { access_token: 'gho_abc', scope: 'repo,user', token_type: 'bearer' });

  fp.fake.once('POST /token', {
    body: { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' },
  });
  const failed = await signIn(fp);
  assert.equal(
    failed.error?.message,
    'fakesvc refused the authorization code: bad_verification_code (The code passed is incorrect or expired.)',
  );
});

test('a loopback redirect_uri from oauth.json is used as registered, and keepTokenFields may come from the callback', async () => {
  fp = await startFakeProvider('client_secret_basic', { keepTokenFields: ['realmId'] });
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  const registered = `http://localhost:${port}/oauth/done`;
  fp.client = { ...fp.client, redirect_uri: registered };
  fp.authorize = (query, code) => ({ code, state: query.get('state') ?? '', realmId: '9130' });
  const browser = scriptedBrowser();
  const credentials = await signInWithBrowser({
    provider: fp.provider,
    scopes: ['read'],
    client: fp.client,
    port: 1,
    timeoutMs: 5000,
    out: screen().stream,
    openBrowser: browser.open,
  });
  await browser.visit();
  assert.equal(authorizeRequest(fp).query.get('redirect_uri'), registered);
  assert.equal((fp.tokenRequests()[0]?.body as Record<string, string> | undefined)?.redirect_uri, registered);
  assert.equal(credentials.realmId, '9130');
});

test('a redirect_uri that is not on this machine is refused before anything starts', async () => {
  fp = await startFakeProvider('client_secret_basic');
  await assert.rejects(
    signInWithBrowser({
      provider: fp.provider,
      scopes: [],
      client: { ...fp.client, redirect_uri: 'https://app.example.com/callback' },
      port: 0,
      out: screen().stream,
      openBrowser: () => assert.fail('no browser should open'),
    }),
    /redirect_uri https:\/\/app\.example\.com\/callback is not on this machine/,
  );
});
