import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizeUrl } from '../../../auth/oauth/authorize.js';
import { refreshingLookup } from '../../../auth/oauth/refresh.js';
import { MemorySource } from '../../../auth/oauth/test/memory-source.js';
import { requestToken, toStoredCredentials } from '../../../auth/oauth/token.js';
import { startFake } from '../../../testing/fake-service.js';
import { X_OAUTH, X_SCOPES } from '../index.js';

/**
 * The provider description drives gumcp's OAuth flow: these tests run its steps against a fake of X's
 * token endpoint, to show the requests are the ones X documents.
 */

const CLIENT = {
  clientId: 'fake-x-client-id',
  clientSecret: 'x-client-secret-0123456789abcdefghij',
};
const REDIRECT = 'http://127.0.0.1:8080/';
const basic = `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`;

test('the authorize URL asks for the scopes (offline.access among them) with a PKCE S256 challenge', () => {
  const url = new URL(
    authorizeUrl(X_OAUTH, CLIENT, {
      redirectUri: REDIRECT,
      scopes: X_SCOPES,
      state: 'st4te',
      challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    }),
  );
  assert.equal(`${url.origin}${url.pathname}`, 'https://x.com/i/oauth2/authorize');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'tweet.read users.read follows.read tweet.write offline.access',
    state: 'st4te',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
});

test('a confidential client exchanges the code with HTTP Basic and the verifier; the refresh token is kept', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /2/oauth2/token', {
    body: {
      token_type: 'bearer',
      expires_in: 7200,
      access_token: 'x-access-1',
      scope: 'tweet.read users.read follows.read tweet.write offline.access',
      refresh_token: 'x-refresh-1',
    },
  });

  const answer = await requestToken(
    X_OAUTH,
    { ...CLIENT, tokenUrl: `${fake.url}/2/oauth2/token` },
    { grant_type: 'authorization_code', code: 'code-1', redirect_uri: REDIRECT, code_verifier: 'verifier-1' },
  );

  const [req] = fake.requests;
  assert.equal(req?.headers.authorization, basic);
  assert.match(String(req?.headers['content-type']), /^application\/x-www-form-urlencoded/);
  assert.deepEqual(req?.body, {
    grant_type: 'authorization_code',
    code: 'code-1',
    redirect_uri: REDIRECT,
    code_verifier: 'verifier-1',
  });
  const stored = toStoredCredentials(answer, X_OAUTH, { now: 1_000 });
  assert.equal(stored.refresh_token, 'x-refresh-1');
  assert.equal(stored.expires_at, 1_000 + 7200);
  assert.equal(stored.scope, 'tweet.read users.read follows.read tweet.write offline.access');
});

test('a public client (no secret) sends its client_id in the form instead', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /2/oauth2/token', { body: { token_type: 'bearer', expires_in: 7200, access_token: 'a' } });
  await requestToken(
    X_OAUTH,
    { clientId: CLIENT.clientId, tokenUrl: `${fake.url}/2/oauth2/token` },
    { grant_type: 'authorization_code', code: 'c', redirect_uri: REDIRECT, code_verifier: 'v' },
  );
  assert.equal(fake.requests[0]?.headers.authorization, undefined);
  assert.equal((fake.requests[0]?.body as Record<string, string>).client_id, CLIENT.clientId);
});

test('an expiring token is refreshed with Basic auth, and the new refresh token X rotates in is stored', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /2/oauth2/token', {
    body: {
      token_type: 'bearer',
      expires_in: 7200,
      access_token: 'x-access-2',
      scope: 'tweet.read users.read follows.read tweet.write offline.access',
      refresh_token: 'x-refresh-2',
    },
  });
  const source = new MemorySource({
    x: {
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
      token_uri: `${fake.url}/2/oauth2/token`,
    },
  });
  await source.save('x', 'alice', {
    access_token: 'x-access-1',
    refresh_token: 'x-refresh-1',
    expires_at: 1,
  });
  const lookup = refreshingLookup({
    source,
    authSpec: async () => ({ kind: 'oauth2', provider: X_OAUTH, scopes: X_SCOPES }),
  });

  const fresh = await lookup('x', 'alice');

  assert.equal(fresh?.access_token, 'x-access-2');
  assert.equal(fresh?.refresh_token, 'x-refresh-2');
  assert.equal(
    (await source.get('x', 'alice'))?.refresh_token,
    'x-refresh-2',
    'the rotated refresh token is saved',
  );
  const [req] = fake.requests;
  assert.equal(req?.headers.authorization, basic);
  assert.deepEqual(req?.body, { grant_type: 'refresh_token', refresh_token: 'x-refresh-1' });
});
