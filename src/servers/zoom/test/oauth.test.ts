import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizeUrl } from '../../../auth/oauth/authorize.js';
import { refreshingLookup } from '../../../auth/oauth/refresh.js';
import { requestToken, toStoredCredentials } from '../../../auth/oauth/token.js';
import type { CredentialSource, OAuthClientConfig, StoredCredentials } from '../../../auth/types.js';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import zoom, { zoomOAuth } from '../index.js';
import { MEETING_ID, meeting } from './fake-zoom.js';
import { data } from './harness.js';

/**
 * Zoom's provider description drives gumcp's OAuth flow: these tests run its steps against a fake of
 * Zoom's token endpoint, in the shapes Zoom documents (Basic client auth, a form body, and a refresh
 * that answers with a new refresh token and ends the old one).
 */

const CLIENT = { clientId: 'zoomClientId123', clientSecret: 'zoomClientSecret-0123456789' };
const REDIRECT = 'http://127.0.0.1:8080/';
const BASIC = `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`;
const SCOPE = 'meeting:read:meeting meeting:write:meeting meeting:update:meeting';

/** Zoom's token answer. */
const tokens = (n: number) => ({
  access_token: `zoom-access-${n}`,
  token_type: 'bearer',
  refresh_token: `zoom-refresh-${n}`,
  expires_in: 3599,
  scope: SCOPE,
});

/**
 * Zoom's token endpoint: a refresh token works once, and its answer carries the next one. A spent or
 * unknown refresh token is refused as Zoom refuses it.
 */
function tokenEndpoint(fake: FakeService, first = 1) {
  const live = new Set([`zoom-refresh-${first}`]);
  let issued = first;
  fake.route('POST /oauth/token', (req) => {
    const form = req.body as Record<string, string>;
    if (form.grant_type === 'authorization_code') return { body: tokens(issued) };
    if (!live.delete(form.refresh_token ?? '')) {
      return { status: 401, body: { reason: 'Invalid Token!', error: 'invalid_request' } };
    }
    issued += 1;
    live.add(`zoom-refresh-${issued}`);
    return { body: tokens(issued) };
  });
  return { tokenRequests: (): RecordedRequest[] => fake.requests.filter((r) => r.path === '/oauth/token') };
}

/** A credential source in memory, with Zoom's client registration pointing at the fake. */
class MemorySource implements CredentialSource {
  readonly saved: StoredCredentials[] = [];
  constructor(
    private stored: StoredCredentials,
    private readonly config: OAuthClientConfig,
  ) {}
  async get(): Promise<StoredCredentials | undefined> {
    return this.stored;
  }
  async save(_service: string, _user: string, credentials: StoredCredentials): Promise<void> {
    this.stored = credentials;
    this.saved.push(credentials);
  }
  async oauthConfig(): Promise<OAuthClientConfig | undefined> {
    return this.config;
  }
}

test('the authorize URL carries no scope (Zoom takes the app’s) and no PKCE challenge', () => {
  const url = new URL(
    authorizeUrl(zoomOAuth, CLIENT, {
      redirectUri: REDIRECT,
      scopes: zoom.auth.kind === 'oauth2' ? zoom.auth.scopes : ['unexpected'],
      state: 'st4te',
      challenge: 'ch',
    }),
  );
  assert.equal(`${url.origin}${url.pathname}`, 'https://zoom.us/oauth/authorize');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    state: 'st4te',
  });
});

test('the code is exchanged with Basic client auth and a form body', async (t) => {
  const fake = await fakeFor(t, 'zoom-oauth');
  tokenEndpoint(fake);
  const answer = await requestToken(
    zoomOAuth,
    { ...CLIENT, tokenUrl: `${fake.url}/oauth/token` },
    { grant_type: 'authorization_code', code: 'code-123', redirect_uri: REDIRECT },
  );
  const [req] = fake.requests;
  assert.equal(req?.headers.authorization, BASIC);
  assert.match(String(req?.headers['content-type']), /^application\/x-www-form-urlencoded/);
  assert.deepEqual(req?.body, { grant_type: 'authorization_code', code: 'code-123', redirect_uri: REDIRECT });
  const stored = toStoredCredentials(answer, zoomOAuth, { now: 1_000 });
  assert.deepEqual(stored, {
    access_token: 'zoom-access-1',
    refresh_token: 'zoom-refresh-1',
    token_type: 'bearer',
    scope: SCOPE,
    expires_at: 4599,
  });
});

test('calls that find the token expired share one refresh, store the new refresh token, and use the new access token', async (t) => {
  const fake = await fakeFor(t, 'zoom', '/v2');
  const endpoint = tokenEndpoint(fake);
  fake.route(`GET /v2/meetings/${MEETING_ID}`, { body: meeting() });
  const source = new MemorySource(
    {
      access_token: 'zoom-access-1',
      refresh_token: 'zoom-refresh-1',
      expires_at: Math.floor(Date.now() / 1000) - 10,
    },
    { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, token_uri: `${fake.url}/oauth/token` },
  );
  const lookup = refreshingLookup({ source, authSpec: async () => zoom.auth });
  const client = await connect(zoom, { credentials: () => lookup('zoom', 'alice') });
  t.after(() => client.close());

  const results = await Promise.all(
    [1, 2, 3].map(() => client.callTool({ name: 'get_meeting', arguments: { meeting_id: MEETING_ID } })),
  );
  for (const result of results) assert.equal(data(result).id, MEETING_ID);

  const [refresh, ...more] = endpoint.tokenRequests();
  assert.equal(more.length, 0, 'one refresh for all three calls: the rotating refresh token is spent once');
  assert.equal(refresh?.headers.authorization, BASIC);
  assert.deepEqual(refresh?.body, { grant_type: 'refresh_token', refresh_token: 'zoom-refresh-1' });
  assert.equal(source.saved.length, 1);
  assert.equal(
    source.saved[0]?.refresh_token,
    'zoom-refresh-2',
    'the new refresh token replaces the spent one',
  );
  const api = fake.requests.filter((r) => r.path.startsWith('/v2/'));
  assert.deepEqual(
    api.map((r) => r.headers.authorization),
    ['Bearer zoom-access-2', 'Bearer zoom-access-2', 'Bearer zoom-access-2'],
  );

  // The next expiry refreshes with the stored (second) refresh token, which Zoom still honours.
  await source.save('zoom', 'alice', { ...source.saved[0], expires_at: Math.floor(Date.now() / 1000) - 1 });
  data(await client.callTool({ name: 'get_meeting', arguments: { meeting_id: MEETING_ID } }));
  assert.deepEqual(endpoint.tokenRequests()[1]?.body, {
    grant_type: 'refresh_token',
    refresh_token: 'zoom-refresh-2',
  });
  assert.equal(fake.requests.at(-1)?.headers.authorization, 'Bearer zoom-access-3');
});

test('a token changed mid-session is used from the next call on', async (t) => {
  const fake = await fakeFor(t, 'zoom', '/v2');
  fake.route(`GET /v2/meetings/${MEETING_ID}`, { body: meeting() });
  let lookups = 0;
  const client = await connect(zoom, {
    credentials: async () => ({ access_token: ++lookups <= 1 ? 'zoom-old' : 'zoom-new' }),
  });
  t.after(() => client.close());
  for (let i = 0; i < 2; i++)
    data(await client.callTool({ name: 'get_meeting', arguments: { meeting_id: MEETING_ID } }));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer zoom-old', 'Bearer zoom-new'],
  );
});
