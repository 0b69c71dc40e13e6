import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRetryAfter } from '../../../upstream/client.js';
import {
  authenticationRequired,
  BASE,
  invalidPermissions,
  invalidPermissionsOrNotFound,
  notFound,
  rateLimited,
  recId,
  record,
  serverError,
  TABLE,
} from './fake-airtable.js';
import { assertAuth, data, failure, onlyRequest, setup, TOKEN } from './harness.js';

const RECORD = `/v0/${BASE}/${TABLE}/${recId(1)}`;
const GET_RECORD = { base_id: BASE, table_id: TABLE, record_id: recId(1) };

test('401 asks the user to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORD}`, { status: 401, body: authenticationRequired });
  const message = failure(await call('get_record', GET_RECORD));
  assert.equal(
    message,
    'Not authenticated with airtable: Airtable rejected the stored token (expired or revoked). ' +
      'Re-authenticate with `gumcp auth airtable`.',
  );
  assert.ok(!message.includes(TOKEN));
  onlyRequest(fake);
});

test('403 INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND names the tool’s scope and the id it named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORD}`, { status: 403, body: invalidPermissionsOrNotFound });
  fake.route(`GET /v0/meta/bases/${BASE}/tables`, { status: 403, body: invalidPermissionsOrNotFound });
  assert.equal(
    failure(await call('get_record', GET_RECORD)),
    'Permission denied: the stored token lacks the scope "data.records:read". Re-authenticate to grant it. ' +
      `Airtable could not reach Record ${recId(1)} in table ${TABLE} of base ${BASE}: the token may lack the scope, ` +
      'your account may not have access to it, or the id may be wrong.',
  );
  assert.match(
    failure(await call('list_tables', { base_id: BASE })),
    /scope "schema\.bases:read".*Base appLkNDICXNqxSDhG/,
  );
});

test('403 INVALID_PERMISSIONS (a user role, not a scope) gives Airtable’s message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE /v0/meta/bases/${BASE}`, { status: 403, body: invalidPermissions });
  assert.equal(
    failure(await call('delete_base', { base_id: BASE })),
    `Airtable refused the request for Base ${BASE}: You are not permitted to perform this operation`,
  );
});

test('404 {"error": "NOT_FOUND"} names what was not found', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORD}`, { status: 404, body: notFound });
  assert.equal(
    failure(await call('get_record', GET_RECORD)),
    `Record not found: ${recId(1)} in table ${TABLE} of base ${BASE}`,
  );
});

test('429 is retried, then the call succeeds', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`GET ${RECORD}`, { status: 429, headers: { 'retry-after': '0' }, body: rateLimited });
  fake.route(`GET ${RECORD}`, { body: record(recId(1)) });
  assert.equal(data(await call('get_record', GET_RECORD)).id, recId(1));
  assert.equal(fake.requests.length, 2);
  for (const req of fake.requests) assertAuth(req);
});

test('a retried request takes its own throttle slot', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.once(`GET ${RECORD}`, { status: 503, body: serverError });
  fake.route(`GET ${RECORD}`, { body: record(recId(1)) });
  data(await call('get_record', GET_RECORD));
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(clock.sleeps.slice(-1), [200]);
});

test('429 that persists says Airtable’s 30 s wait', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORD}`, { status: 429, body: rateLimited });
  assert.equal(
    failure(await call('get_record', GET_RECORD)),
    'Rate limited by Airtable (5 requests per second per base); it asks clients to wait 30 s, so try again in 30 s',
  );
  // One try and two retries (the test tuning's `retries: 2`).
  assert.equal(fake.requests.length, 3);
});

test('5xx on a read is retried; when retries run out the message says to try later', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORD}`, { status: 502, body: serverError });
  assert.equal(failure(await call('get_record', GET_RECORD)), 'Airtable failed (HTTP 502); try again later');
  assert.equal(fake.requests.length, 3);
});

test('5xx on a create is not retried, and the message warns it may have gone through', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /v0/${BASE}/${TABLE}`, { status: 500, body: serverError });
  assert.equal(
    failure(await call('create_records', { base_id: BASE, table_id: TABLE, records: [{ Name: 'x' }] })),
    'Airtable failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('without stored credentials, or without an access token in them, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(
    failure(await none.call('get_record', GET_RECORD)),
    /Not authenticated with airtable: no credentials/,
  );
  assert.equal(none.fake.requests.length, 0);
});

test('empty credentials fail before any request', async (t) => {
  const empty = await setup(t, { refresh_token: 'r' });
  assert.match(
    failure(await empty.call('get_record', GET_RECORD)),
    /stored credentials hold no access token/,
  );
  assert.equal(empty.fake.requests.length, 0);
});

test('parseRetryAfter reads seconds and HTTP dates', () => {
  assert.equal(parseRetryAfter('30'), 30_000);
  assert.equal(parseRetryAfter('Tue, 23 May 2023 14:42:01 GMT', Date.parse('2023-05-23T14:42:00Z')), 1000);
});
