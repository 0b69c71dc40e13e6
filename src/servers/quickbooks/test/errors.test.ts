import assert from 'node:assert/strict';
import { test } from 'node:test';
import { companyApiRoot, ENVIRONMENT_VARIABLE, PRODUCTION_API, SANDBOX_API } from '../api.js';
import {
  customer,
  entityAnswer,
  expiredToken,
  fault,
  objectNotFound,
  queryRoute,
  REALM,
} from './fake-quickbooks.js';
import { assertRequests, CREDENTIALS, data, failure, setup, TOKEN } from './harness.js';

const Q = `GET /v3/company/${REALM}/query`;
const CUSTOMER = `GET /v3/company/${REALM}/customer/58`;

test('a fault inside an HTTP 200 is an error, naming QuickBooks’ message, detail and element', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    Q,
    fault(
      'ValidationFault',
      [
        {
          Message: 'Error parsing query',
          Detail: 'QueryParserError: Encountered " <INTEGER> "1 "" at line 1',
          code: '4000',
          element: 'query',
        },
      ],
      200,
    ),
  );
  assert.equal(
    failure(await call('analyze_cash_flow', { period: 'month' })),
    'QuickBooks rejected the request for Invoice query of the company: Error parsing query (4000): QueryParserError: Encountered " <INTEGER> "1 "" at line 1 [query]',
  );
  assert.equal(fake.requests.length, 1);
});

test('401 (a lower-case fault) asks the user to re-authenticate, never echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(Q, expiredToken);
  const message = failure(
    await call('find_duplicate_transactions', { start_date: '2025-01-01', end_date: '2025-01-31' }),
  );
  assert.equal(
    message,
    'Not authenticated with quickbooks: QuickBooks rejected the stored token (expired or revoked). Re-authenticate with `gumcp auth quickbooks`.',
  );
  assert.ok(!message.includes(TOKEN));
});

test('403 ApplicationAuthorizationFailed names the accounting scope', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    Q,
    fault(
      'AUTHORIZATION',
      [{ Message: 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403', code: '3100' }],
      403,
    ),
  );
  assert.match(
    failure(await call('search_customers', { query: 'a' })),
    /lacks the scope "com\.intuit\.quickbooks\.accounting"/,
  );
});

test('an object that does not exist (610) names the id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(CUSTOMER, objectNotFound);
  assert.match(
    failure(await call('analyze_customer_payment_patterns', { customer_id: '58' })),
    /^Customer not found: 58 \(Object Not Found \(610\)/,
  );
});

test('429 is retried after Retry-After, then succeeds; 5xx after the retries says so', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(Q, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: {
      Fault: {
        Error: [
          {
            Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
            Detail: 'The request limit was reached.',
            code: '3001',
          },
        ],
        type: 'SERVICE',
      },
    },
  });
  fake.route(Q, queryRoute({ Customer: [customer('1', 'Amy')] }));
  assert.equal(data(await call('search_customers', { query: 'Amy' })).count, 1);
  assert.equal(fake.requests.length, 3);

  fake.route(CUSTOMER, { status: 503, body: 'Service Unavailable' });
  assert.equal(
    failure(await call('analyze_customer_payment_patterns', { customer_id: '58' })),
    'QuickBooks failed (HTTP 503); try again later',
  );
});

test('a rate limit that persists says when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(Q, {
    status: 429,
    headers: { 'retry-after': '30' },
    body: { Fault: { Error: [{ Message: 'ThrottleExceeded', code: '3001' }], type: 'SERVICE' } },
  });
  assert.match(
    failure(await call('search_customers', { query: 'a' })),
    /^Rate limited by QuickBooks .*try again in 30 s/,
  );
});

test('a token refreshed mid-session (QuickBooks rotates refresh tokens) is used from the next request on', async (t) => {
  // Every request reads the credentials; the core refreshes (and rotates) them between two calls here.
  let refreshed = false;
  const credentials = async () =>
    refreshed ? { ...CREDENTIALS, access_token: 'eyJ-new', refresh_token: 'AB11-rotated' } : CREDENTIALS;
  const { fake, call } = await setup(t, credentials);
  fake.route(CUSTOMER, entityAnswer('Customer', customer('58', 'Cool Cars')));
  fake.route(Q, queryRoute({}));
  data(await call('analyze_customer_payment_patterns', { customer_id: '58' }));
  refreshed = true;
  data(await call('analyze_customer_payment_patterns', { customer_id: '58' }));
  const tokens = fake.requests.map((r) => r.headers.authorization);
  assert.deepEqual(tokens.slice(0, 3), Array(3).fill(`Bearer ${TOKEN}`));
  assert.deepEqual(tokens.slice(3), Array(3).fill('Bearer eyJ-new'));
  assertRequests(fake.requests.slice(0, 3));
});

test('credentials without a company ask to sign in again', async (t) => {
  const { fake, call } = await setup(t, { access_token: TOKEN });
  assert.match(
    failure(await call('search_customers', { query: 'a' })),
    /^Not authenticated with quickbooks: no QuickBooks company \(realmId\)/,
  );
  assert.equal(fake.requests.length, 0);
});

test('the host is production unless GUMCP_QUICKBOOKS_ENVIRONMENT says sandbox', (t) => {
  const saved = process.env[ENVIRONMENT_VARIABLE];
  t.after(() => {
    if (saved === undefined) delete process.env[ENVIRONMENT_VARIABLE];
    else process.env[ENVIRONMENT_VARIABLE] = saved;
  });
  delete process.env[ENVIRONMENT_VARIABLE];
  assert.equal(companyApiRoot(), PRODUCTION_API);
  process.env[ENVIRONMENT_VARIABLE] = 'Sandbox';
  assert.equal(companyApiRoot(), SANDBOX_API);
  process.env[ENVIRONMENT_VARIABLE] = 'staging';
  assert.throws(() => companyApiRoot(), /must be "production" or "sandbox"/);
});
