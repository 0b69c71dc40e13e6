import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizeUrl } from '../../../auth/oauth/authorize.js';
import { completeSignIn } from '../../../auth/oauth/complete.js';
import { oauthClient, requestToken } from '../../../auth/oauth/token.js';
import { startFake } from '../../../testing/fake-service.js';
import { DOCUSIGN_SCOPES, docusignOAuth } from '../index.js';
import { ACCOUNT, userInfo } from './fake-docusign.js';
import { fastTuning } from './harness.js';

/**
 * The provider description drives gumcp's OAuth flow: these tests run its steps against a fake sign-in
 * host, to show the requests are the ones DocuSign documents and that discovery asks the same host.
 */

const CLIENT = { clientId: '7c2b8d7e-xxxx-integration-key', clientSecret: 'ds-secret-0123456789abcdef' };
const REDIRECT = 'http://127.0.0.1:8080/';

test('the authorize URL is the demo host’s by default, with "signature impersonation" and a PKCE challenge', () => {
  const url = new URL(
    authorizeUrl(docusignOAuth(), CLIENT, {
      redirectUri: REDIRECT,
      scopes: DOCUSIGN_SCOPES,
      state: 'st4te',
      challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    }),
  );
  assert.equal(`${url.origin}${url.pathname}`, 'https://account-d.docusign.com/oauth/auth');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'signature impersonation',
    state: 'st4te',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
});

test('oauth.json’s auth_uri and token_uri move sign-in to production', () => {
  const client = oauthClient(
    {
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
      auth_uri: 'https://account.docusign.com/oauth/auth',
      token_uri: 'https://account.docusign.com/oauth/token',
    },
    'docusign',
  );
  const url = new URL(
    authorizeUrl(docusignOAuth(), client, {
      redirectUri: REDIRECT,
      scopes: DOCUSIGN_SCOPES,
      state: 's',
      challenge: 'c',
    }),
  );
  assert.equal(`${url.origin}${url.pathname}`, 'https://account.docusign.com/oauth/auth');
  assert.equal(client.tokenUrl, 'https://account.docusign.com/oauth/token');
});

test('the code is exchanged with HTTP Basic client authentication, and discovery asks userinfo at the token URL’s host', async (t) => {
  const host = await startFake();
  t.after(() => host.close());
  host.route('POST /oauth/token', {
    body: {
      access_token: 'ds-access-1',
      token_type: 'Bearer',
      refresh_token: 'ds-refresh-1',
      expires_in: 28800,
    },
  });
  host.route('GET /oauth/userinfo', {
    body: userInfo([
      {
        account_id: ACCOUNT,
        account_name: 'Acme Legal',
        base_uri: 'https://na3.docusign.net',
        is_default: true,
      },
    ]),
  });
  const provider = docusignOAuth(fastTuning([], { authHosts: ['http://127.0.0.1:9'] }));
  const client = { ...CLIENT, tokenUrl: `${host.url}/oauth/token` };

  const tokens = await requestToken(provider, client, {
    grant_type: 'authorization_code',
    code: 'code-1',
    redirect_uri: REDIRECT,
    code_verifier: 'verifier-1',
  });
  // What a core that passes the token URL to discovery does; today's passes only the credentials.
  const discover = provider.discover as (
    c: Record<string, unknown>,
    context: { tokenUrl: string },
  ) => Promise<Record<string, unknown>>;
  const found = await discover({ access_token: tokens.access_token }, { tokenUrl: client.tokenUrl });

  const [exchange, info] = host.requests;
  const basic = `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`;
  assert.equal(exchange?.headers.authorization, basic);
  assert.deepEqual(exchange?.body, {
    grant_type: 'authorization_code',
    code: 'code-1',
    redirect_uri: REDIRECT,
    code_verifier: 'verifier-1',
  });
  assert.equal(info?.path, '/oauth/userinfo');
  assert.equal(info?.headers.authorization, 'Bearer ds-access-1');
  assert.equal(found.base_uri, 'https://na3.docusign.net');
  assert.equal(found.auth_server, host.url);
});

test('the sign-in stores the tokens with the discovered account; a refresh grant also uses HTTP Basic', async (t) => {
  const host = await startFake();
  t.after(() => host.close());
  host.route('GET /oauth/userinfo', {
    body: userInfo([
      {
        account_id: ACCOUNT,
        account_name: 'Acme Legal',
        base_uri: 'https://demo.docusign.net',
        is_default: true,
      },
    ]),
  });
  host.route('POST /oauth/token', {
    body: {
      access_token: 'ds-access-2',
      token_type: 'Bearer',
      refresh_token: 'ds-refresh-2',
      expires_in: 28800,
    },
  });
  const provider = docusignOAuth(fastTuning([], { authHosts: [host.url] }));

  const stored = await completeSignIn(
    provider,
    { access_token: 'ds-access-1', token_type: 'Bearer', refresh_token: 'ds-refresh-1', expires_in: 28800 },
    // The core tells discovery where the code was exchanged: userinfo is asked on that host.
    { tokenUrl: `${host.url}/oauth/token` },
  );
  assert.equal(stored.access_token, 'ds-access-1');
  assert.equal(stored.refresh_token, 'ds-refresh-1');
  assert.equal(stored.account_id, ACCOUNT);
  assert.equal(stored.base_uri, 'https://demo.docusign.net');

  await requestToken(
    provider,
    { ...CLIENT, tokenUrl: `${host.url}/oauth/token` },
    {
      grant_type: 'refresh_token',
      refresh_token: 'ds-refresh-1',
    },
  );
  const refresh = host.requests.at(-1);
  assert.match(String(refresh?.headers.authorization), /^Basic /);
  assert.deepEqual(refresh?.body, { grant_type: 'refresh_token', refresh_token: 'ds-refresh-1' });
});
