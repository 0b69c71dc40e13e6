import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENDPOINT, ok, shop, throttled } from './fake-shopify.js';
import { CREDENTIALS, data, setup } from './harness.js';

test('a token refreshed mid-session is used from the next request on, even within one call', async (t) => {
  let lookups = 0;
  // The call reads the credentials once for the shop, then once per request for the header.
  const credentials = async () => ({
    ...CREDENTIALS,
    access_token: ++lookups <= 2 ? 'old-token' : 'new-token',
  });
  const { fake, call } = await setup(t, credentials);
  fake.once(`POST ${ENDPOINT}`, throttled(2, 1, 100_000));
  fake.route(`POST ${ENDPOINT}`, ok({ shop: shop() }));

  data(await call('get_shop_details'));
  data(await call('get_shop_details'));

  assert.deepEqual(
    fake.requests.map((r) => r.headers['x-shopify-access-token']),
    ['old-token', 'new-token', 'new-token'],
  );
});
