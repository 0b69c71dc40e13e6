import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterEach, mock, test } from 'node:test';
import type { Hono } from 'hono';
import { pino } from 'pino';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  type FakeProvider,
  startFakeProvider,
} from '../../../auth/oauth/test/fake-provider.js';
import { MemorySource } from '../../../auth/oauth/test/memory-source.js';
import { compile } from '../../../core/compile.js';
import { defineServer, type ServerDefinition } from '../../../core/definition.js';
import { MemoryStore } from '../../../store/memory.js';
import { connectRoutes, OAUTH_STATES_NAMESPACE, STATE_TTL_SECONDS } from '../connect.js';

const PUBLIC_URL = 'https://mcp.example.test';

/** A logger whose warnings reach `onWarn`, for tests of what the host tells its operator. */
function warnLog(onWarn: ((message: string) => void) | undefined) {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      const line = JSON.parse(String(chunk)) as { level: number; msg: string };
      if (line.level === 40) onWarn?.(line.msg);
      done();
    },
  });
  return pino({ level: 'warn' }, stream);
}
const TENANT_KEY = 'tenant-key-of-alice';

/** Records the TTL of every write, so the test sees how long a pending state may live. */
class RecordingStore extends MemoryStore {
  readonly ttls: (number | undefined)[] = [];
  override async set(namespace: string, key: string, value: unknown, ttlSeconds?: number): Promise<void> {
    this.ttls.push(ttlSeconds);
    await super.set(namespace, key, value, ttlSeconds);
  }
}

interface Setup {
  app: Hono;
  fp: FakeProvider;
  store: RecordingStore;
  source: MemorySource;
}

let fp: FakeProvider | undefined;
afterEach(async () => {
  mock.timers.reset();
  await fp?.close();
  fp = undefined;
});

async function setup(
  options: { withClient?: boolean; onWarn?: (message: string) => void } = {},
): Promise<Setup> {
  fp = await startFakeProvider('client_secret_post', { scopeSeparator: ',' });
  const oauthServer = defineServer({
    id: 'oauthy',
    name: 'Oauthy',
    description: 'A server that signs in with OAuth',
    auth: { kind: 'oauth2', provider: fp.provider, scopes: ['chat:write', 'users:read'] },
    tools: {},
  });
  const plainServer = defineServer({
    id: 'plain',
    name: 'Plain',
    description: 'A server without sign-in',
    auth: { kind: 'none' },
    tools: {},
  });
  const servers = new Map<string, ServerDefinition>([
    ['oauthy', oauthServer],
    ['oauthy-too', { ...oauthServer, id: 'oauthy-too', name: 'Oauthy Too' }],
    ['plain', plainServer],
  ]);
  const store = new RecordingStore();
  const source = new MemorySource(options.withClient === false ? {} : { fakesvc: fp.client });
  const app = connectRoutes({
    registry: {
      has: (id) => servers.has(id),
      load: async (id) => compile(servers.get(id) as ServerDefinition),
    },
    store,
    sources: { environment: 'local', forSession: () => source },
    authenticate: async (request) =>
      request.headers.get('authorization') === `Bearer ${TENANT_KEY}`
        ? { userId: 'alice' }
        : Response.json({ error: 'invalid API key' }, { status: 401 }),
    publicUrl: `${PUBLIC_URL}/`,
    log: warnLog(options.onWarn),
  });
  return { app, fp, store, source };
}

const asTenant = { headers: { authorization: `Bearer ${TENANT_KEY}` } };

/** Starts a connect as alice and plays the browser at the provider; returns the callback path it lands on. */
async function connectAndAuthorize(s: Setup, serverId = 'oauthy') {
  const start = await s.app.request(`/connect/${serverId}`, asTenant);
  assert.equal(start.status, 302);
  const authorize = new URL(start.headers.get('location') ?? '');
  const atProvider = await fetch(authorize, { redirect: 'manual' });
  assert.equal(atProvider.status, 302);
  const back = new URL(atProvider.headers.get('location') ?? '');
  assert.equal(back.origin, PUBLIC_URL, 'the provider sends the browser back to the public URL');
  return { authorize, callback: back.pathname + back.search };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

test('connect redirects to the authorize URL, and the callback exchanges the code with PKCE and saves for the tenant', async () => {
  const s = await setup();
  const { authorize, callback } = await connectAndAuthorize(s);

  assert.equal(authorize.origin + authorize.pathname, `${s.fp.fake.url}/authorize`);
  const q = authorize.searchParams;
  const redirectUri = `${PUBLIC_URL}/connect/oauthy/callback`;
  assert.equal(q.get('client_id'), CLIENT_ID);
  assert.equal(q.get('redirect_uri'), redirectUri);
  assert.equal(q.get('response_type'), 'code');
  assert.equal(q.get('scope'), 'chat:write,users:read');
  assert.equal(q.get('code_challenge_method'), 'S256');
  assert.equal(q.get('client_secret'), null, 'the secret never goes to the browser');
  const state = q.get('state') ?? '';
  assert.ok(state.length >= 43, 'the state is a long random token');

  const pending = await s.store.get<Record<string, unknown>>(OAUTH_STATES_NAMESPACE, state);
  assert.equal(pending?.userId, 'alice');
  assert.equal(pending?.serverId, 'oauthy');
  assert.equal(sha256(String(pending?.verifier)), q.get('code_challenge'));
  assert.deepEqual(s.store.ttls, [STATE_TTL_SECONDS]);
  assert.equal(STATE_TTL_SECONDS, 600);

  const done = await s.app.request(callback);
  const html = await done.text();
  assert.equal(done.status, 200, html);
  assert.match(html, /Connected Oauthy\. You can close this tab\./);
  assert.equal(done.headers.get('cache-control'), 'no-store');

  const [token, ...more] = s.fp.tokenRequests();
  assert.equal(more.length, 0);
  assert.equal(token?.method, 'POST');
  const form = token?.body as Record<string, string>;
  assert.equal(form.grant_type, 'authorization_code');
  assert.equal(form.code, new URLSearchParams(callback.split('?')[1]).get('code'));
  assert.equal(form.redirect_uri, redirectUri);
  assert.equal(sha256(form.code_verifier ?? ''), q.get('code_challenge'));
  assert.equal(form.client_id, CLIENT_ID);
  assert.equal(form.client_secret, CLIENT_SECRET);

  assert.equal(s.source.saves.length, 1);
  const saved = s.source.saves[0];
  assert.equal(saved?.service, 'fakesvc');
  assert.equal(saved?.userId, 'alice');
  assert.equal(saved?.credentials.access_token, 'at-1');
  assert.match(String(saved?.credentials.refresh_token), /^rt-1-/);
  assert.deepEqual(saved?.credentials.team, { id: 'T1', name: 'Team' });
  assert.ok(Number(saved?.credentials.expires_at) > Date.now() / 1000);

  for (const secret of ['at-1', CLIENT_SECRET, String(saved?.credentials.refresh_token), TENANT_KEY]) {
    assert.ok(!html.includes(secret), 'the page holds no secret');
  }
  assert.equal(await s.store.get(OAUTH_STATES_NAMESPACE, state), undefined, 'the state is consumed');
});

test('a state works once: replaying the callback is refused without a second exchange', async () => {
  const s = await setup();
  const { callback } = await connectAndAuthorize(s);
  assert.equal((await s.app.request(callback)).status, 200);

  const replay = await s.app.request(callback);
  assert.equal(replay.status, 400);
  assert.match(await replay.text(), /unknown, expired or already used/);
  assert.equal(s.fp.tokenRequests().length, 1);
  assert.equal(s.source.saves.length, 1);
});

test('a forged state, or one issued for another server, is refused', async () => {
  const s = await setup();
  const forged = await s.app.request('/connect/oauthy/callback?code=c&state=not-a-state');
  assert.equal(forged.status, 400);
  assert.match(await forged.text(), /unknown, expired or already used/);

  const start = await s.app.request('/connect/oauthy', asTenant);
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  // Same state delivered to another server's callback: rejected (and spent).
  const crossed = await s.app.request(`/connect/oauthy-too/callback?code=c&state=${state}`);
  assert.match(await crossed.clone().text(), /unknown, expired or already used/);
  assert.equal(crossed.status, 400);
  assert.equal(await s.store.get(OAUTH_STATES_NAMESPACE, state), undefined, 'the crossed state is spent');
  assert.equal(s.fp.tokenRequests().length, 0);
  assert.equal(s.source.saves.length, 0);
});

test('a state older than ten minutes is refused', async () => {
  const s = await setup();
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  const start = await s.app.request('/connect/oauthy', asTenant);
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  mock.timers.tick(STATE_TTL_SECONDS * 1000 + 1);

  const late = await s.app.request(`/connect/oauthy/callback?code=c&state=${state}`);
  assert.equal(late.status, 400);
  assert.match(await late.text(), /expired/);
  assert.equal(s.fp.tokenRequests().length, 0);
  assert.equal(s.source.saves.length, 0);
});

test('without a valid API key the authenticate answer passes through and nothing is stored', async () => {
  const s = await setup();
  for (const init of [{}, { headers: { authorization: 'Bearer wrong' } }]) {
    const res = await s.app.request('/connect/oauthy', init);
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), { error: 'invalid API key' });
  }
  assert.deepEqual(await s.store.keys(OAUTH_STATES_NAMESPACE), []);
});

test('access_denied at the provider answers 400 with a clear message and saves nothing', async () => {
  const s = await setup();
  s.fp.authorize = (query) => ({ error: 'access_denied', state: query.get('state') ?? '' });
  const { authorize, callback } = await connectAndAuthorize(s);

  const res = await s.app.request(callback);
  assert.equal(res.status, 400);
  assert.match(await res.text(), /Access to Oauthy was denied at the provider; nothing was saved/);
  assert.equal(s.fp.tokenRequests().length, 0);
  assert.equal(s.source.saves.length, 0);
  const state = authorize.searchParams.get('state') ?? '';
  assert.equal(await s.store.get(OAUTH_STATES_NAMESPACE, state), undefined, 'the refused attempt is over');
});

test('another provider error is shown escaped, without letting the query inject markup', async () => {
  const s = await setup();
  const res = await s.app.request(
    '/connect/oauthy/callback?error=invalid_scope&error_description=%3Cscript%3Ex%3C%2Fscript%3E',
  );
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.match(html, /Oauthy did not authorize the connection: invalid_scope/);
  assert.ok(!html.includes('<script>'));
});

test('a refused code answers 502 with the provider reason and no secret', async () => {
  const s = await setup();
  const { callback } = await connectAndAuthorize(s);
  const code = new URLSearchParams(callback.split('?')[1]).get('code') ?? '';
  const tampered = callback.replace(`code=${code}`, 'code=stolen-code-123');

  const res = await s.app.request(tampered);
  assert.equal(res.status, 502);
  const html = await res.text();
  assert.match(html, /invalid_grant/);
  for (const secret of [CLIENT_SECRET, 'stolen-code-123']) assert.ok(!html.includes(secret));
  assert.equal(s.fp.tokenRequests().length, 1);
  assert.equal(s.source.saves.length, 0);
});

test('unknown server 404; a server without sign-in 400', async () => {
  const s = await setup();
  for (const path of ['/connect/nope', '/connect/nope/callback?code=c&state=s']) {
    const res = await s.app.request(path, asTenant);
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { error: 'Unknown server "nope"' });
  }
  const plain = await s.app.request('/connect/plain', asTenant);
  assert.equal(plain.status, 400);
  assert.deepEqual(await plain.json(), { error: 'Plain needs no sign-in, so there is nothing to connect' });
});

test('without an OAuth client the answer is 503 saying what the operator must configure, warned once', async () => {
  const warnings: string[] = [];
  const s = await setup({ withClient: false, onWarn: (m) => warnings.push(m) });

  const json = await s.app.request('/connect/oauthy', asTenant);
  assert.equal(json.status, 503);
  assert.deepEqual(await json.json(), {
    error:
      "Oauthy cannot be connected yet: no OAuth client is configured for fakesvc on this host; its operator must add the fakesvc OAuth app's client_id and client_secret in fakesvc/oauth.json under GUMCP_OAUTH_CONFIG_DIR (local_auth/oauth_configs by default).",
  });
  const browser = await s.app.request('/connect/oauthy', {
    headers: { ...asTenant.headers, accept: 'text/html,application/xhtml+xml' },
  });
  assert.equal(browser.status, 503);
  assert.match(browser.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(
    await browser.text(),
    /<p>Oauthy cannot be connected yet: no OAuth client is configured for fakesvc/,
  );

  assert.equal(warnings.length, 1, 'one warning for the service, not one per request');
  assert.match(warnings[0] ?? '', /no OAuth client for fakesvc/);
  assert.deepEqual(await s.store.keys(OAUTH_STATES_NAMESPACE), []);
  assert.equal(s.fp.fake.requests.length, 0);
});
