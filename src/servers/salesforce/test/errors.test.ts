import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACCOUNT_ID,
  created,
  invalidSession,
  LEAD_ID,
  limitInfo,
  notFound,
  orgLimits,
  requestLimit,
  serverError,
  sfError,
  soapFault,
  USER_ID,
} from './fake-salesforce.js';
import { data, failure, route, setup, TOKEN } from './harness.js';

const RECORD = `sobjects/Account/${ACCOUNT_ID}`;

test('401 INVALID_SESSION_ID asks the user to re-authenticate, never echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', RECORD), invalidSession);
  const message = failure(await call('get_record', { object_name: 'Account', record_id: ACCOUNT_ID }));
  assert.equal(
    message,
    'Not authenticated with salesforce: Salesforce rejected the stored session (INVALID_SESSION_ID): it expired or was revoked. ' +
      'Re-authenticate with `gumcp auth salesforce`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(fake.requests.length, 1);
});

test('an expired session in a SOAP fault (lead conversion) also asks to re-authenticate', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'POST /services/Soap/u/66.0',
    soapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session'),
  );
  const message = failure(await call('convert_lead', { lead_id: LEAD_ID, converted_status: 'Qualified' }));
  assert.match(message, /^Not authenticated with salesforce: .*INVALID_SESSION_ID/);
  assert.ok(!message.includes(TOKEN));
});

test('403 REQUEST_LIMIT_EXCEEDED is a rate limit with the org’s usage, and is not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'limits'), requestLimit(100_000));
  const message = failure(await call('get_org_limits'));
  assert.match(
    message,
    /^Rate limited by Salesforce: REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded\. /,
  );
  assert.match(message, /100000 of 100000 API requests of the last 24 hours used \(100%\)/);
  assert.match(message, /it was not retried: try again later/);
  assert.equal(fake.requests.length, 1);
});

test('a token without the api scope names the scope', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'limits'), {
    status: 403,
    body: sfError('API_DISABLED_FOR_ORG', 'API is not enabled for this Organization or Partner'),
  });
  assert.match(failure(await call('get_org_limits')), /lacks the scope "api"/);
});

test('a validation error names the fields Salesforce named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'sobjects/Contact'), {
    status: 400,
    body: sfError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [LastName]', ['LastName']),
  });
  assert.equal(
    failure(await call('create_record', { object_name: 'Contact', data: { FirstName: 'Ada' } })),
    'Salesforce rejected the request for Contact record (new) (HTTP 400): REQUIRED_FIELD_MISSING: Required fields are missing: [LastName] (fields: LastName)',
  );
});

test('404 names the record that is not there', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', RECORD), notFound);
  assert.equal(
    failure(await call('get_record', { object_name: 'Account', record_id: ACCOUNT_ID })),
    `Account record not found: ${ACCOUNT_ID} (NOT_FOUND: The requested resource does not exist)`,
  );
});

test('reads are retried after a 5xx or a 429 with Retry-After, then succeed', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(route('GET', 'limits'), { status: 503, body: sfError('SERVER_UNAVAILABLE', 'Server is busy') });
  fake.once(route('GET', 'limits'), { status: 429, headers: { 'retry-after': '0' }, body: [] });
  fake.route(route('GET', 'limits'), { body: orgLimits });
  assert.deepEqual(data(await call('get_org_limits')), { limits: orgLimits });
  assert.equal(fake.requests.length, 3);
});

test('a read that keeps failing with 5xx says so after the retries', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'limits'), serverError);
  assert.match(
    failure(await call('get_org_limits')),
    /^Salesforce failed \(HTTP 500\): UNKNOWN_EXCEPTION: .*; try again later$/,
  );
  assert.equal(fake.requests.length, 3);
});

test('a create that fails with 500 is sent once, and the error says how to check with SOQL', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'sobjects/Account'), serverError);
  const message = failure(await call('create_record', { object_name: 'Account', data: { Name: 'Acme' } }));
  assert.match(
    message,
    /the Account record may have been created: Salesforce has no idempotency key for creates, so it was not sent again/,
  );
  assert.match(
    message,
    new RegExp(
      `SELECT Id, CreatedDate FROM Account WHERE CreatedDate = TODAY AND CreatedById = '${USER_ID}' ORDER BY CreatedDate DESC LIMIT 5`,
    ),
  );
  assert.equal(fake.requests.length, 1);
});

test('a create that gets no answer in time is not sent again, and says it may have gone through', async (t) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const { fake, call } = await setup(t, undefined, { timeoutMs: 100 });
  t.after(() => release());
  fake.route(route('POST', 'sobjects/Account'), async () => {
    await held;
    return created(ACCOUNT_ID);
  });
  const message = failure(await call('create_record', { object_name: 'Account', data: { Name: 'Acme' } }));
  assert.match(message, /^Salesforce did not answer; the Account record may have been created/);
  assert.equal(fake.requests.length, 1);
});

test('results carry the org’s API usage when it is over 90% of the limit, and not below', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(route('GET', 'limits'), { headers: limitInfo(1000), body: orgLimits });
  fake.route(route('GET', 'limits'), { headers: limitInfo(95_500), body: orgLimits });
  assert.equal(data(await call('get_org_limits')).api_usage, undefined);
  assert.deepEqual(data(await call('get_org_limits')).api_usage, {
    used: 95_500,
    limit: 100_000,
    percent: 96,
    warning:
      "Near the org's API limit: 95500 of 100000 API requests of the last 24 hours used (96%); requests fail once it is reached.",
  });
});
