import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonString } from './fake-reducto.js';
import { assertRequest, data, failure, setup } from './harness.js';

test('get_version returns the API version string', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /version', jsonString('v1.12.2-198-g2586471718b0'));
  assert.deepEqual(data(await call('get_version')), { version: 'v1.12.2-198-g2586471718b0' });
  assertRequest(fake.requests[0], { method: 'GET', path: '/version' });
});

test('webhook_portal returns the link to the Svix portal', async (t) => {
  const { fake, call } = await setup(t);
  const portal = 'https://app.svix.com/login#key=eyJhcHBJZCI6ImFwcF8yWGpmIn0';
  fake.route('POST /configure_webhook', jsonString(portal));
  assert.deepEqual(data(await call('webhook_portal')), { url: portal });
  assertRequest(fake.requests[0], { method: 'POST', path: '/configure_webhook' });
});

test('webhook_portal without a URL in the answer says so', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /configure_webhook', { body: null });
  assert.equal(failure(await call('webhook_portal')), 'Reducto answered without a portal URL');
});
