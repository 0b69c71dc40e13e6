import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ticket } from './fake-zendesk.js';
import { CREDENTIALS, data, route, setup } from './harness.js';

test('a token refreshed mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const credentials = async () => ({
    ...CREDENTIALS,
    access_token: ++lookups <= 2 ? 'old-access' : 'new-access',
  });
  const { fake, call } = await setup(t, credentials);
  fake.route(route('PUT', 'tickets/1'), { body: { ticket: ticket(1) } });

  // Each call reads the credentials twice: for the account's address, then for the request.
  data(await call('update_ticket', { ticket_id: 1, status: 'open' }));
  data(await call('update_ticket', { ticket_id: 1, status: 'open' }));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-access', 'Bearer new-access'],
  );
});
