import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE, recId, record, TABLE } from './fake-airtable.js';
import { data, setup } from './harness.js';

test('a token refreshed mid-session (Airtable rotates both tokens) is used from the next request on', async (t) => {
  // The credential source refreshes after the second lookup, as the core's refresh does for an expiring token.
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return lookups <= 2
      ? { access_token: 'at-old', refresh_token: 'rt-old' }
      : { access_token: 'at-new', refresh_token: 'rt-new' };
  };
  const { fake, call } = await setup(t, credentials);
  fake.route(`GET /v0/${BASE}/${TABLE}/${recId(1)}`, { body: record(recId(1)) });

  for (let i = 0; i < 4; i++)
    data(await call('get_record', { base_id: BASE, table_id: TABLE, record_id: recId(1) }));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer at-old', 'Bearer at-old', 'Bearer at-new', 'Bearer at-new'],
  );
});
