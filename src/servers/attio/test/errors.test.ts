import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRetryAfter } from '../../../upstream/client.js';
import { company, error, rateLimited, recordNotFound, rid, valueNotFound } from './fake-attio.js';
import { assertAuth, data, failure, onlyRequest, setup, TOKEN } from './harness.js';

const RECORD = `/v2/objects/companies/records/${rid(1)}`;
/** An HTTP date (RFC 9110 IMF-fixdate), as Attio's Retry-After gives the time the limit resets. */
const httpDate = (ms: number) => new Date(ms).toUTCString();

test('401 asks the user to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORD}`, {
    status: 401,
    body: error(401, 'auth_error', 'unauthorized', 'The access token is invalid.'),
  });
  const message = failure(await call('read_company', { id: rid(1) }));
  assert.equal(
    message,
    'Not authenticated with attio: Attio rejected the stored token (revoked, or the app was uninstalled). ' +
      'Re-authenticate with `gumcp auth attio`.',
  );
  assert.ok(!message.includes(TOKEN));
  onlyRequest(fake);
});

test('403 names the Attio scope the tool needs and where to grant it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/objects/companies/records', {
    status: 403,
    body: error(403, 'auth_error', 'forbidden', 'Token does not have the required scopes.'),
  });
  assert.equal(
    failure(await call('create_company', { name: 'Acme' })),
    'Permission denied: the stored token lacks the scope "record_permission:read-write". Re-authenticate to grant it. ' +
      'Attio sets scopes on the app: tick it in the app’s Scopes tab at build.attio.com, then sign in again. ' +
      'Attio said: Token does not have the required scopes.',
  );
});

test('404 names the record', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORD}`, { status: 404, body: recordNotFound(rid(1)) });
  assert.equal(failure(await call('read_company', { id: rid(1) })), `Company not found: ${rid(1)}`);
});

test('400 gives Attio’s code and message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${RECORD}`, { status: 400, body: valueNotFound });
  assert.equal(
    failure(await call('update_company', { id: rid(1), attributes: { stage: 'In Progress' } })),
    `Attio rejected the request for Company ${rid(1)} (HTTP 400): value_not_found: ` +
      'Cannot find select attribute with select option title "In Progress".',
  );
});

test('429 with Retry-After as an HTTP date is retried, even for a write (Attio did not process it)', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /v2/objects/companies/records', {
    status: 429,
    headers: { 'retry-after': httpDate(Date.now()) },
    body: rateLimited,
  });
  fake.route('POST /v2/objects/companies/records', { body: { data: company(1, 'Acme') } });
  assert.equal(data(await call('create_company', { name: 'Acme' })).id, rid(1));
  assert.equal(fake.requests.length, 2);
  for (const req of fake.requests) assertAuth(req);
});

test('429 whose Retry-After date is far fails at once, saying when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORD}`, {
    status: 429,
    headers: { 'retry-after': httpDate(Date.now() + 600_000) },
    body: rateLimited,
  });
  assert.match(
    failure(await call('read_company', { id: rid(1) })),
    /^Rate limited by Attio; try again in (59\d|600) s$/,
  );
  onlyRequest(fake);
});

test('parseRetryAfter reads Attio’s HTTP-date Retry-After as the time left until then', () => {
  const now = Date.parse('2023-05-23T14:42:00Z');
  assert.equal(parseRetryAfter('Tue, 23 May 2023 14:42:01 GMT', now), 1000);
  assert.equal(parseRetryAfter('Tue, 23 May 2023 14:41:00 GMT', now), 0);
  assert.equal(parseRetryAfter('not a date', now), undefined);
});

test('5xx on a search (a read sent as POST) is retried; on a create it is not', async (t) => {
  const { fake, call } = await setup(t);
  const down = { status: 503, body: error(503, 'api_error', 'service_unavailable', 'Service unavailable') };
  fake.route('POST /v2/objects/companies/records/query', down);
  fake.route('POST /v2/objects/companies/records', down);
  assert.equal(
    failure(await call('search_companies', { query: 'a' })),
    'Attio failed (HTTP 503); try again later',
  );
  assert.equal(fake.requests.length, 3);
  assert.equal(
    failure(await call('create_company', { name: 'Acme' })),
    'Attio failed (HTTP 503); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 4);
});

test('without stored credentials, or without an access token, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(failure(await none.call('list_lists')), /Not authenticated with attio: no credentials/);
  const empty = await setup(t, { token_type: 'Bearer' });
  assert.match(failure(await empty.call('list_lists')), /stored credentials hold no access token/);
  assert.equal(none.fake.requests.length + empty.fake.requests.length, 0);
});
