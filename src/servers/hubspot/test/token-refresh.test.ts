import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crmObject } from './fake-hubspot.js';
import { data, setup } from './harness.js';

test('a token refreshed mid-session (HubSpot’s last 30 minutes) is used from the next request on', async (t) => {
  // The credential source refreshes after the second lookup, as the core does for an expiring token;
  // HubSpot keeps the refresh token, so only the access token changes.
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return { access_token: lookups <= 2 ? 'at-old' : 'at-new', refresh_token: 'rt-same', hub_id: 62515 };
  };
  const { fake, call } = await setup(t, credentials);
  fake.route('GET /crm/v3/objects/tickets/31', { body: crmObject('31', { subject: 'Jammed' }) });

  for (let i = 0; i < 4; i++) data(await call('get_ticket', { ticket_id: '31' }));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer at-old', 'Bearer at-old', 'Bearer at-new', 'Bearer at-new'],
  );
});
