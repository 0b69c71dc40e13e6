import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizeUrl } from '../../../auth/oauth/authorize.js';
import { requestToken, toStoredCredentials } from '../../../auth/oauth/token.js';
import type { OAuthProvider } from '../../../core/definition.js';
import { startFake } from '../../../testing/fake-service.js';
import canva, { CANVA_SCOPES } from '../index.js';

/** gumcp's OAuth steps driven by the Canva provider description, against a fake token endpoint. */

const provider = (canva.auth.kind === 'oauth2' ? canva.auth.provider : undefined) as OAuthProvider;
const CLIENT = { clientId: 'OC-AZ_canva_client', clientSecret: 'cnvca-secret-0123456789' };
const REDIRECT = 'http://127.0.0.1:8080/';
const BASIC = `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`;

test('the authorize URL carries the S256 PKCE challenge Canva requires and the space-separated scopes', () => {
  const url = new URL(
    authorizeUrl(provider, CLIENT, {
      redirectUri: REDIRECT,
      scopes: CANVA_SCOPES,
      state: 'st4te',
      challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    }),
  );
  assert.equal(`${url.origin}${url.pathname}`, 'https://www.canva.com/api/oauth/authorize');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: CANVA_SCOPES.join(' '),
    state: 'st4te',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
});

test('the code and its verifier are exchanged with Basic client auth', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /rest/v1/oauth/token', {
    body: {
      access_token: 'at-1',
      refresh_token: 'rt-1',
      token_type: 'Bearer',
      expires_in: 14400,
      scope: 'design:meta:read',
    },
  });
  await requestToken(
    provider,
    { ...CLIENT, tokenUrl: `${fake.url}/rest/v1/oauth/token` },
    { grant_type: 'authorization_code', code: 'code-1', redirect_uri: REDIRECT, code_verifier: 'verifier-1' },
  );
  const [req] = fake.requests;
  assert.equal(req?.headers.authorization, BASIC);
  assert.deepEqual(req?.body, {
    grant_type: 'authorization_code',
    code: 'code-1',
    redirect_uri: REDIRECT,
    code_verifier: 'verifier-1',
  });
});

test('a refresh spends the single-use refresh token and the new one from the answer is what gets stored', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /rest/v1/oauth/token', {
    body: { access_token: 'at-2', refresh_token: 'rt-2', token_type: 'Bearer', expires_in: 14400 },
  });
  const answer = await requestToken(
    provider,
    { ...CLIENT, tokenUrl: `${fake.url}/rest/v1/oauth/token` },
    { grant_type: 'refresh_token', refresh_token: 'rt-1' },
  );
  assert.equal(fake.requests[0]?.headers.authorization, BASIC);
  assert.deepEqual(fake.requests[0]?.body, { grant_type: 'refresh_token', refresh_token: 'rt-1' });
  const stored = toStoredCredentials(answer, provider, { now: 1_000 });
  assert.equal(stored.refresh_token, 'rt-2');
  assert.equal(stored.expires_at, 1_000 + 14400);
});
