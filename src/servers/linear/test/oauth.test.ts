import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizeUrl } from '../../../auth/oauth/authorize.js';
import { requestToken, toStoredCredentials } from '../../../auth/oauth/token.js';
import type { OAuthProvider } from '../../../core/definition.js';
import { startFake } from '../../../testing/fake-service.js';
import linear from '../index.js';

/**
 * The provider description drives gumcp's OAuth flow: these tests run that flow's steps with it
 * against a fake of Linear's token endpoint, to show the requests are the ones Linear documents.
 */

const provider = (linear.auth.kind === 'oauth2' ? linear.auth.provider : undefined) as OAuthProvider;
const CLIENT = { clientId: 'linear-client-id', clientSecret: 'linear-client-secret-0123456789' };
const REDIRECT = 'http://127.0.0.1:8080/';

test('the authorize URL asks for read,write (comma-separated) with a PKCE challenge, as the user', () => {
  const url = new URL(
    authorizeUrl(provider, CLIENT, {
      redirectUri: REDIRECT,
      scopes: linear.auth.kind === 'oauth2' ? linear.auth.scopes : [],
      state: 'st4te',
      challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    }),
  );
  assert.equal(`${url.origin}${url.pathname}`, 'https://linear.app/oauth/authorize');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'read,write',
    state: 'st4te',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    actor: 'user',
  });
});

test('the code is exchanged with the client id and secret in a form body; the refresh token and expiry are kept', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /oauth/token', {
    body: {
      access_token: 'lin_oauth_abc',
      token_type: 'Bearer',
      expires_in: 86399,
      refresh_token: 'lin_refresh_abc',
    },
  });

  const answer = await requestToken(
    provider,
    { ...CLIENT, tokenUrl: `${fake.url}/oauth/token` },
    { grant_type: 'authorization_code', code: 'code-1', redirect_uri: REDIRECT, code_verifier: 'verifier-1' },
  );

  const [req] = fake.requests;
  assert.equal(req?.headers.authorization, undefined);
  assert.match(String(req?.headers['content-type']), /^application\/x-www-form-urlencoded/);
  assert.deepEqual(req?.body, {
    grant_type: 'authorization_code',
    code: 'code-1',
    redirect_uri: REDIRECT,
    code_verifier: 'verifier-1',
    client_id: CLIENT.clientId,
    client_secret: CLIENT.clientSecret,
  });
  const stored = toStoredCredentials(answer, provider, { now: 1_000 });
  assert.equal(stored.refresh_token, 'lin_refresh_abc');
  assert.equal(stored.expires_at, 1_000 + 86399);
});
