import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  error,
  insufficientPlan,
  limitsAndUsage,
  rateLimited,
  serverError,
  single,
  unauthorized,
  unitsUsedUp,
} from './fake-ahrefs.js';
import { data, failure, setup } from './harness.js';

const DR = 'GET /v3/site-explorer/domain-rating';
const LIMITS = 'GET /v3/subscription-info/limits-and-usage';
const args = { target: 'ahrefs.com', date: '2025-03-01' };
const rating = single('domain_rating', { domain_rating: 91, ahrefs_rank: 5 });
const REAUTH =
  'Not authenticated with ahrefs: Ahrefs rejected the stored API key (expired: keys last a year; revoked; ' +
  'or its creator left the workspace)';

test('401: the stored key was rejected; re-authenticate with a new key, not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(DR, unauthorized);

  assert.equal(
    failure(await call('domain_rating', args)),
    `${REAUTH} (Invalid API key); create a new one at https://app.ahrefs.com/account/api-keys. ` +
      'Re-authenticate with `gumcp auth ahrefs`.',
  );
  assert.equal(fake.requests.length, 1);
});

test('a 403 about the key is a key problem too', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(DR, error(403, 'API key has expired'));

  assert.match(
    failure(await call('domain_rating', args)),
    /^Not authenticated with ahrefs: .*\(API key has expired\)/,
  );
  assert.equal(fake.requests.length, 1);
});

test('no stored key asks to authenticate before any request', async (t) => {
  const { fake, call } = await setup(t, { token: 'not the field guMCP used' });
  assert.equal(
    failure(await call('domain_rating', args)),
    'Not authenticated with ahrefs: the stored credentials hold no Ahrefs API key (field api_key). ' +
      'Re-authenticate with `gumcp auth ahrefs`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('403 Insufficient plan: the plan has no access to the report; not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(DR, insufficientPlan);

  assert.equal(
    failure(await call('domain_rating', args)),
    "Ahrefs denied access to the Domain Rating of ahrefs.com: Insufficient plan. The plan, or this key's " +
      "permissions, do not include this report: check the plan's API access in Ahrefs (API v3 comes with the " +
      'Enterprise plan)',
  );
  assert.equal(fake.requests.length, 1);
});

test('used-up API units are not retried, and the message says when they reset (the limits call is free)', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(DR, unitsUsedUp);
  fake.route(LIMITS, { body: limitsAndUsage });

  assert.equal(
    failure(await call('domain_rating', args)),
    'Ahrefs refused: the API units of this key or workspace are used up (API units limit reached. Expected ' +
      'usage: 50, API units left: 0). Retrying will not help until they reset on 2025-07-01T00:00:00Z; raise ' +
      "the key's monthly cap or the workspace's units at https://app.ahrefs.com/account/api-keys",
  );
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/v3/site-explorer/domain-rating', '/v3/subscription-info/limits-and-usage'],
  );
  assert.deepEqual(sleeps, []);
});

test('used-up units reported with a 429 are not retried either; without the reset date the message stands', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(DR, error(429, 'API units limit reached. Expected usage: 120, API units left: 3.'));
  fake.route(LIMITS, serverError);

  assert.match(
    failure(await call('domain_rating', args)),
    /^Ahrefs refused: the API units .* used up \(API units limit reached\. Expected usage: 120, API units left: 3\)\. Retrying will not help until they reset; /,
  );
  assert.equal(fake.requests.filter((r) => r.path.endsWith('domain-rating')).length, 1);
  assert.deepEqual(sleeps, []);
});

test('used-up units are not retried even when their 429 carries a short Retry-After', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(DR, {
    ...error(429, 'API units limit reached. Expected usage: 120, API units left: 3.'),
    headers: { 'retry-after': '1' },
  });
  fake.route(LIMITS, serverError);

  assert.match(failure(await call('domain_rating', args)), /^Ahrefs refused: the API units .* used up/);
  assert.equal(fake.requests.filter((r) => r.path.endsWith('domain-rating')).length, 1);
  assert.deepEqual(sleeps, []);
});

test('429 is retried after Retry-After, or after the rate-limit pause without it, then succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(DR, { ...rateLimited, headers: { 'retry-after': '2' } }, rateLimited);
  fake.route(DR, rating);

  assert.deepEqual(data(await call('domain_rating', args)).data, { domain_rating: 91, ahrefs_rank: 5 });
  assert.equal(fake.requests.length, 3);
  assert.deepEqual(sleeps, [2000, 7]);
});

test('a 429 that persists stops after the retries and says when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(DR, { ...rateLimited, headers: { 'retry-after': '3' } });

  assert.equal(
    failure(await call('domain_rating', args)),
    'Rate limited by Ahrefs (60 requests a minute per API key, fewer when Ahrefs is busy); try again in 3 s',
  );
  assert.equal(fake.requests.length, 3, 'the first try and two retries');
});

test('a 429 whose Retry-After is longer than the client waits fails at once, saying when', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(DR, { ...rateLimited, headers: { 'retry-after': '120' } });

  assert.match(failure(await call('domain_rating', args)), /try again in 120 s$/);
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('5xx is retried, and a lasting one says to try later', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(DR, serverError);
  fake.route(DR, rating);
  data(await call('domain_rating', args));
  assert.equal(fake.requests.length, 2);

  fake.requests.length = 0;
  fake.route(DR, serverError);
  assert.equal(failure(await call('domain_rating', args)), 'Ahrefs failed (HTTP 500); try again later');
  assert.equal(fake.requests.length, 3);
});

test('a 400 naming a parameter names the tool argument it came from', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/site-explorer/organic-keywords', error(400, 'Unknown column "traffc" in select'));
  fake.route('GET /v3/keywords-explorer/overview', error(400, 'Invalid value "exact" for mode'));

  assert.equal(
    failure(
      await call('organic_keywords', {
        target: 'ahrefs.com',
        country: 'us',
        date: '2025-03-01',
        select: 'keyword,traffc',
      }),
    ),
    'Invalid argument select: Ahrefs rejected the request for the organic keywords of ahrefs.com (HTTP 400): ' +
      'Unknown column "traffc" in select',
  );
  assert.equal(
    failure(
      await call('keywords_overview', {
        country: 'us',
        select: 'keyword',
        keywords: 'seo',
        target: 'ahrefs.com',
        target_mode: 'exact',
      }),
    ),
    'Invalid argument target_mode: Ahrefs rejected the request for the Keywords Explorer overview of "seo" ' +
      '(HTTP 400): Invalid value "exact" for mode',
  );
  assert.equal(fake.requests.length, 2, 'not retried');
});

test('a 404 says Ahrefs has no data for the target, naming it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(DR, error(404, 'Not found'));

  assert.equal(
    failure(await call('domain_rating', { ...args, target: 'nosuch.example' })),
    'Ahrefs has no data for the Domain Rating of nosuch.example: Not found: check the target or keyword, the ' +
      'date (Ahrefs may not have data for it yet), and the country',
  );
});
