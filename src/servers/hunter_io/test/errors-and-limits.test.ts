import assert from 'node:assert/strict';
import { test } from 'node:test';
import { throttleKind } from '../errors.js';
import {
  account,
  domainSearch,
  errors,
  lead,
  quotaUsedUp,
  rateLimited403,
  rateLimited429,
  unauthorized,
  wrongParams,
} from './fake-hunter.js';
import { data, failure, setup } from './harness.js';

const SEARCH = 'GET /v2/domain-search';
const search = { domain: 'stripe.com' };
const found = { body: domainSearch([], 0, 10, 0) };

test('401: the stored key was rejected; re-authenticate, and the key is not echoed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, unauthorized);

  assert.equal(
    failure(await call('domain_search', search)),
    'Not authenticated with hunter_io: Hunter rejected the stored API key (revoked, or not copied whole) (No ' +
      'user found for the API key supplied). Re-authenticate with `gumcp auth hunter_io`.',
  );
  assert.equal(fake.requests.length, 1, 'not retried');
});

test('no stored key, or credentials without api_key, ask to authenticate before any request', async (t) => {
  const { fake, call } = await setup(t, { key: 'guMCP stored it as api_key' });
  assert.equal(
    failure(await call('account_info')),
    'Not authenticated with hunter_io: the stored credentials hold no Hunter API key (field api_key). ' +
      'Re-authenticate with `gumcp auth hunter_io`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('403 rate limit (Hunter’s documented one) is waited out and retried, then succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(SEARCH, rateLimited403, rateLimited403);
  fake.route(SEARCH, found);

  data(await call('domain_search', search));

  assert.equal(fake.requests.length, 3);
  assert.deepEqual(sleeps, [1000, 1000]);
});

test('403 rate limit that persists says so, names the monthly allowance as the other cause, and stops', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, rateLimited403);

  assert.equal(
    failure(await call('domain_search', search)),
    'Rate limited by Hunter (its per-second and per-minute request limits); try again in a minute. If it ' +
      'persists, the monthly allowance may be used up: account_info shows it.',
  );
  assert.equal(fake.requests.length, 3, 'the first try and two retries');
});

test('429 rate limit is retried after Retry-After, or a second without it', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(SEARCH, { ...rateLimited429, headers: { 'retry-after': '2' } }, rateLimited429);
  fake.route(SEARCH, found);

  data(await call('domain_search', search));

  assert.equal(fake.requests.length, 3);
  assert.deepEqual(sleeps, [2000, 1000]);
});

test('a 429 whose Retry-After is longer than the client waits fails at once, saying when to try again', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(SEARCH, { ...rateLimited429, headers: { 'retry-after': '120' } });

  assert.equal(
    failure(await call('domain_search', search)),
    'Rate limited by Hunter (its per-second and per-minute request limits); try again in 120 s. If it ' +
      'persists, the monthly allowance may be used up: account_info shows it.',
  );
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('a write that meets a rate limit is retried: Hunter did nothing with it', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /v2/leads', rateLimited403);
  fake.route('POST /v2/leads', { status: 201, body: { data: lead(3) } });

  data(await call('create_lead', { email: 'lead3@example.com' }));

  assert.equal(fake.requests.length, 2);
});

test('429 with the monthly allowance used up is not retried, and says when it resets', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(SEARCH, quotaUsedUp);
  fake.route('GET /v2/account', { body: account });

  assert.equal(
    failure(await call('domain_search', search)),
    "Hunter refused: the account's monthly allowance is used up (You've reached the limit for the number of " +
      'searches per billing period included in your plan). Retrying will not help until it resets on ' +
      '2025-07-01; account_info shows the usage, or upgrade the plan in Hunter.',
  );
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/v2/domain-search', '/v2/account'],
  );
  assert.deepEqual(sleeps, []);
});

test('a used-up allowance is not retried even when its 429 carries a short Retry-After', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(SEARCH, { ...quotaUsedUp, headers: { 'retry-after': '1' } });
  fake.route('GET /v2/account', { body: account });

  assert.match(
    failure(await call('domain_search', search)),
    /^Hunter refused: the account's monthly allowance is used up/,
  );
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/v2/domain-search', '/v2/account'],
  );
  assert.deepEqual(sleeps, []);
});

test('a used-up allowance is reported without a reset date when the account cannot be read', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/email-finder', errors(402, 'usage_exceeded', 'Not enough credits'));
  fake.route('GET /v2/account', { status: 503, body: '' });

  assert.equal(
    failure(await call('email_finder', { domain: 'stripe.com', first_name: 'A', last_name: 'B' })),
    "Hunter refused: the account's monthly allowance is used up (Not enough credits). Retrying will not help " +
      'until it resets; account_info shows the usage, or upgrade the plan in Hunter.',
  );
  assert.equal(fake.requests.length, 2, 'one try each, no retry of the account either');
});

test('rate limits and used-up allowances are told apart by errors[].id and details', () => {
  const body = (id: string, details?: string) => ({
    errors: [{ id, code: 0, ...(details ? { details } : {}) }],
  });
  assert.equal(throttleKind(403, body('too_many_requests', 'You have reached the rate limit.')), 'rate');
  assert.equal(throttleKind(429, body('too_many_requests', 'Too many requests per second')), 'rate');
  assert.equal(throttleKind(429, quotaUsedUp.body), 'quota');
  assert.equal(throttleKind(429, body('usage_exceeded')), 'quota');
  assert.equal(
    throttleKind(403, body('too_many_requests', 'Your monthly quota of verifications is used')),
    'quota',
  );
  assert.equal(throttleKind(402, undefined), 'quota');
  // Saying neither: a 429 or a bare 403 is a rate limit (waiting costs nothing); another 403 is a denial.
  assert.equal(throttleKind(429, undefined), 'rate');
  assert.equal(throttleKind(403, undefined), 'rate');
  assert.equal(
    throttleKind(403, body('restricted_feature', 'Your plan does not include the Campaigns API')),
    undefined,
  );
  assert.equal(throttleKind(400, body('too_many_requests')), undefined);
});

test('a 403 that is no rate limit is a denial, with Hunter’s reason, and is not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'GET /v2/campaigns',
    errors(403, 'restricted_feature', 'Your plan does not include the Campaigns API'),
  );

  assert.equal(
    failure(await call('list_campaigns')),
    'Hunter denied access to campaigns: Your plan does not include the Campaigns API',
  );
  assert.equal(fake.requests.length, 1);
});

test('400 wrong_params names the argument Hunter complains about', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/email-count', wrongParams('You are missing the domain parameter'));

  assert.equal(
    failure(await call('email_count', { domain: 'stripe.com' })),
    'Invalid argument domain: Hunter rejected the request for the email count of stripe.com (HTTP 400): You ' +
      'are missing the domain parameter',
  );
});

test('5xx on a read is retried, then reported without the body', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(SEARCH, { status: 500, body: '<html>oops</html>' });
  fake.route(SEARCH, found);
  data(await call('domain_search', search));
  assert.equal(fake.requests.length, 2);

  fake.route(SEARCH, { status: 502, body: '<html>Bad gateway</html>' });
  assert.equal(failure(await call('domain_search', search)), 'Hunter failed (HTTP 502); try again later');
  assert.equal(fake.requests.length, 5);
});

test('an error body with an object of errors is read too, and a long detail is cut short', async (t) => {
  const { fake, call } = await setup(t);
  const long = `The company parameter ${'is wrong '.repeat(60)}`;
  fake.route('GET /v2/leads', {
    status: 400,
    body: { errors: { company: { id: 'wrong_params', details: long } } },
  });

  const message = failure(await call('list_leads', { company: 'X' }));

  assert.match(
    message,
    /^Invalid argument company: Hunter rejected the request for leads \(HTTP 400\): The company parameter is wrong/,
  );
  assert.ok(message.length < 420, `${message.length} characters`);
  assert.ok(message.endsWith('…'));
});
