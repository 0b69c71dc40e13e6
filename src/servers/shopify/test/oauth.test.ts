import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizeUrl } from '../../../auth/oauth/authorize.js';
import { completeSignIn } from '../../../auth/oauth/complete.js';
import { requestToken, toStoredCredentials } from '../../../auth/oauth/token.js';
import { startFake } from '../../../testing/fake-service.js';
import { SHOPIFY_OAUTH, SHOPIFY_SCOPES } from '../index.js';

/**
 * The provider description drives gumcp's OAuth flow: these tests run its steps against a fake of the
 * shop's token endpoint, to show the requests are the ones Shopify documents, at the shop's address.
 */

const CLIENT = {
  clientId: 'a1b2c3d4e5f6shopifyclient',
  clientSecret: 'shpss_fake_client_secret',
};
const REDIRECT = 'http://127.0.0.1:8080/';

test('the authorize URL is at the shop, asks for the scopes comma-separated and carries no PKCE challenge', () => {
  const url = new URL(
    authorizeUrl(SHOPIFY_OAUTH, CLIENT, {
      redirectUri: REDIRECT,
      scopes: SHOPIFY_SCOPES,
      state: 'st4te',
      challenge: 'unused-challenge',
      tenant: 'acme.myshopify.com',
    }),
  );
  assert.equal(`${url.origin}${url.pathname}`, 'https://acme.myshopify.com/admin/oauth/authorize');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'read_products,write_products,read_inventory,write_inventory,read_locations',
    state: 'st4te',
  });
});

test('the code is exchanged at the shop with the client secret in the body; a non-expiring token is stored with the shop', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /acme.myshopify.com/admin/oauth/access_token', {
    body: { access_token: 'shpua_offline_token', scope: 'write_products,read_inventory' },
  });
  const client = { ...CLIENT, tokenUrl: `${fake.url}/{shop}/admin/oauth/access_token` };

  const answer = await requestToken(
    SHOPIFY_OAUTH,
    client,
    { grant_type: 'authorization_code', code: 'code-1', redirect_uri: REDIRECT },
    { tenant: 'acme.myshopify.com' },
  );
  const stored = await completeSignIn(SHOPIFY_OAUTH, answer, { tenant: 'acme.myshopify.com' });

  const [exchange] = fake.requests;
  assert.match(String(exchange?.headers['content-type']), /^application\/x-www-form-urlencoded/);
  assert.equal(exchange?.headers.authorization, undefined);
  assert.deepEqual(exchange?.body, {
    expiring: '1',
    grant_type: 'authorization_code',
    code: 'code-1',
    redirect_uri: REDIRECT,
    client_id: CLIENT.clientId,
    client_secret: CLIENT.clientSecret,
  });
  assert.equal('expires_at' in stored, false, 'an offline token without expires_in is never refreshed');
  assert.deepEqual(stored, {
    access_token: 'shpua_offline_token',
    scope: 'write_products,read_inventory',
    shop: 'acme.myshopify.com',
  });
});

test('an expiring offline token is refreshed at the shop, and the rotated refresh token is the one kept', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  let n = 0;
  fake.route('POST /acme.myshopify.com/admin/oauth/access_token', () => ({
    body: {
      access_token: `shpat_expiring_${++n}`,
      scope: 'read_products,write_products',
      expires_in: 3600,
      refresh_token: `shprt_refresh_${n}`,
      refresh_token_expires_in: 7776000,
    },
  }));
  const client = { ...CLIENT, tokenUrl: `${fake.url}/{shop}/admin/oauth/access_token` };

  const first = toStoredCredentials(
    await requestToken(
      SHOPIFY_OAUTH,
      client,
      { grant_type: 'authorization_code', code: 'code-2', redirect_uri: REDIRECT },
      { tenant: 'acme.myshopify.com' },
    ),
    SHOPIFY_OAUTH,
    { now: 1_000 },
  );
  assert.equal(first.expires_at, 1_000 + 3600);
  assert.equal(first.refresh_token, 'shprt_refresh_1');

  const refreshed = toStoredCredentials(
    await requestToken(
      SHOPIFY_OAUTH,
      client,
      { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) },
      { tenant: 'acme.myshopify.com' },
    ),
    SHOPIFY_OAUTH,
  );
  assert.deepEqual(fake.requests[1]?.body, {
    grant_type: 'refresh_token',
    refresh_token: 'shprt_refresh_1',
    client_id: CLIENT.clientId,
    client_secret: CLIENT.clientSecret,
  });
  assert.equal(refreshed.access_token, 'shpat_expiring_2');
  assert.equal(refreshed.refresh_token, 'shprt_refresh_2');
});
