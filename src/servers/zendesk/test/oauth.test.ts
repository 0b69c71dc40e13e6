import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizeUrl } from '../../../auth/oauth/authorize.js';
import { requestToken, toStoredCredentials } from '../../../auth/oauth/token.js';
import { startFake } from '../../../testing/fake-service.js';
import { ZENDESK_OAUTH, ZENDESK_SCOPES } from '../index.js';

/**
 * The provider description drives gumcp's OAuth flow: these tests run its steps against a fake of
 * Zendesk's token endpoint, to show the requests are the ones Zendesk documents, at the subdomain.
 */

const CLIENT = { clientId: 'gumcp_zendesk', clientSecret: 'zendesk-client-secret-0123456789abcdef' };
const REDIRECT = 'http://127.0.0.1:8080/';

test('the authorize URL is at the subdomain, asks for "read write" and carries a PKCE challenge', () => {
  const url = new URL(
    authorizeUrl(ZENDESK_OAUTH, CLIENT, {
      redirectUri: REDIRECT,
      scopes: ZENDESK_SCOPES,
      state: 'st4te',
      challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      tenant: 'acme',
    }),
  );
  assert.equal(`${url.origin}${url.pathname}`, 'https://acme.zendesk.com/oauth/authorizations/new');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'read write',
    state: 'st4te',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
});

test('the code and the refresh token are exchanged at the subdomain as a JSON body with the client secret', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  const tokens = (n: number) => ({
    access_token: `zd-access-${n}`,
    refresh_token: `zd-refresh-${n}`,
    token_type: 'bearer',
    scope: 'read write',
    expires_in: 172800,
    refresh_token_expires_in: 2592000,
  });
  let n = 0;
  fake.route('POST /acme/oauth/tokens', () => ({ status: 201, body: tokens(++n) }));
  const client = { ...CLIENT, tokenUrl: `${fake.url}/{subdomain}/oauth/tokens` };

  const first = await requestToken(
    ZENDESK_OAUTH,
    client,
    { grant_type: 'authorization_code', code: 'code-1', redirect_uri: REDIRECT, code_verifier: 'verifier-1' },
    { tenant: 'acme' },
  );
  const refreshed = await requestToken(
    ZENDESK_OAUTH,
    client,
    { grant_type: 'refresh_token', refresh_token: 'zd-refresh-1' },
    { tenant: 'acme' },
  );

  const [code, refresh] = fake.requests;
  assert.match(String(code?.headers['content-type']), /^application\/json/);
  assert.equal(code?.headers.authorization, undefined);
  assert.deepEqual(code?.body, {
    grant_type: 'authorization_code',
    code: 'code-1',
    redirect_uri: REDIRECT,
    code_verifier: 'verifier-1',
    client_id: CLIENT.clientId,
    client_secret: CLIENT.clientSecret,
  });
  assert.deepEqual(refresh?.body, {
    grant_type: 'refresh_token',
    refresh_token: 'zd-refresh-1',
    client_id: CLIENT.clientId,
    client_secret: CLIENT.clientSecret,
  });
  const stored = toStoredCredentials(refreshed, ZENDESK_OAUTH, { now: 1_000 });
  assert.equal(stored.refresh_token, 'zd-refresh-2', 'the rotated refresh token is the one kept');
  assert.equal(stored.expires_at, 1_000 + 172800);
  assert.equal(first.access_token, 'zd-access-1');
});
