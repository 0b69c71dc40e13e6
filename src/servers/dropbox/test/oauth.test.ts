import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizeUrl } from '../../../auth/oauth/authorize.js';
import { requestToken, toStoredCredentials } from '../../../auth/oauth/token.js';
import type { OAuthProvider } from '../../../core/definition.js';
import { startFake } from '../../../testing/fake-service.js';
import dropbox, { DROPBOX_SCOPES } from '../index.js';

/** gumcp's OAuth steps driven by the Dropbox provider description, against a fake token endpoint. */

const provider = (dropbox.auth.kind === 'oauth2' ? dropbox.auth.provider : undefined) as OAuthProvider;
const CLIENT = { clientId: 'dbx-app-key', clientSecret: 'dbx-app-secret-0123456789' };
const REDIRECT = 'http://127.0.0.1:8080/';

test('the authorize URL asks for offline access (a refresh token), the scopes and a PKCE challenge', () => {
  const url = new URL(
    authorizeUrl(provider, CLIENT, {
      redirectUri: REDIRECT,
      scopes: DROPBOX_SCOPES,
      state: 'st4te',
      challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    }),
  );
  assert.equal(`${url.origin}${url.pathname}`, 'https://www.dropbox.com/oauth2/authorize');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: DROPBOX_SCOPES.join(' '),
    state: 'st4te',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    token_access_type: 'offline',
  });
});

test('the code is exchanged with Basic client auth; the refresh token, expiry and account id are kept', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /oauth2/token', {
    body: {
      access_token: 'sl.u.short-lived',
      expires_in: 14400,
      token_type: 'bearer',
      scope: 'account_info.read files.content.read',
      refresh_token: 'dbx-refresh',
      account_id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc',
      uid: '12345',
    },
  });
  const answer = await requestToken(
    provider,
    { ...CLIENT, tokenUrl: `${fake.url}/oauth2/token` },
    { grant_type: 'authorization_code', code: 'code-1', redirect_uri: REDIRECT, code_verifier: 'verifier-1' },
  );
  const [req] = fake.requests;
  assert.equal(
    req?.headers.authorization,
    `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`,
  );
  assert.deepEqual(req?.body, {
    grant_type: 'authorization_code',
    code: 'code-1',
    redirect_uri: REDIRECT,
    code_verifier: 'verifier-1',
  });
  const stored = toStoredCredentials(answer, provider, { now: 1_000 });
  assert.equal(stored.refresh_token, 'dbx-refresh');
  assert.equal(stored.expires_at, 1_000 + 14400);
  assert.equal(stored.account_id, 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc');
});
