import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateLimitMessage } from '../errors.js';
import { COLLECTION_ID, collection, error, SITE_ID, site } from './fake-webflow.js';
import { data, failure, onlyRequest, setup, TOKEN } from './harness.js';

const ITEM = `/v2/collections/${COLLECTION_ID}/items/abc`;
const getItem = { collection_id: COLLECTION_ID, item_id: 'abc' };

test('401 asks the user to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/sites/${SITE_ID}`, {
    status: 401,
    body: error('not_authorized', 'Request not authorized'),
  });
  const message = failure(await call('get_site', { site_id: SITE_ID }));
  assert.equal(
    message,
    'Not authenticated with webflow: Webflow rejected the stored token (revoked, or the app was removed from the ' +
      'site or workspace). Re-authenticate with `gumcp auth webflow`.',
  );
  assert.ok(!message.includes(TOKEN));
  onlyRequest(fake);
});

test("403 missing_scopes names the scope Webflow's message names, or the tool's", async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ITEM}`, {
    status: 403,
    body: error('missing_scopes', 'OAuthForbidden: You are missing the following scopes - cms:read'),
  });
  fake.route(`GET /v2/sites/${SITE_ID}/forms`, {
    status: 403,
    body: error('missing_scopes', 'OAuthForbidden'),
  });
  assert.equal(
    failure(await call('get_collection_item_staging', getItem)),
    'Permission denied: the stored token lacks the scope "cms:read". Re-authenticate to grant it.',
  );
  assert.match(failure(await call('list_forms', { site_id: SITE_ID })), /lacks the scope "forms:read"/);
});

test('403 forbidden says the app must be authorized for the site', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/sites/${SITE_ID}`, {
    status: 403,
    body: error('forbidden', 'User is not authorized to perform this action'),
  });
  assert.equal(
    failure(await call('get_site', { site_id: SITE_ID })),
    `Webflow denied access to site ${SITE_ID}: User is not authorized to perform this action. ` +
      'The app must be authorized for that site or workspace.',
  );
});

test('404 names what was not found, the collection when Webflow says it is the collection', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ITEM}`, { status: 404, body: error('item_not_found', 'Requested resource not found') });
  fake.route('GET /v2/collections/gone/items/abc', {
    status: 404,
    body: error('collection_not_found', 'Collection not found'),
  });
  fake.route('GET /v2/pages/p404', {
    status: 404,
    body: error('resource_not_found', 'Requested resource not found: The page cannot be found'),
  });
  assert.equal(
    failure(await call('get_collection_item_staging', getItem)),
    `Item not found: abc in collection ${COLLECTION_ID}`,
  );
  assert.equal(
    failure(await call('get_collection_item_staging', { collection_id: 'gone', item_id: 'abc' })),
    'Collection not found: gone',
  );
  assert.equal(failure(await call('get_page_metadata', { page_id: 'p404' })), 'Page not found: p404');
});

test("400 validation_error gives Webflow's message and its details", async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /v2/collections/${COLLECTION_ID}/items`, {
    status: 400,
    body: error('validation_error', 'Validation Error', [
      { param: 'fieldData.importance-level', description: 'must be at most 5' },
      'slug is already in use',
    ]),
  });
  assert.equal(
    failure(
      await call('create_collection_item_staging', {
        collection_id: COLLECTION_ID,
        field_data: { name: 'x', 'importance-level': 9 },
      }),
    ),
    `Webflow rejected the request for collection ${COLLECTION_ID} (HTTP 400, validation_error): Validation Error ` +
      '(fieldData.importance-level: must be at most 5; slug is already in use)',
  );
});

test('409 conflict gives the reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /v2/sites/${SITE_ID}/collections`, {
    status: 409,
    body: error('duplicate_collection', 'Conflict: Resource already exists'),
  });
  assert.equal(
    failure(
      await call('create_collection', { site_id: SITE_ID, displayName: 'Posts', singularName: 'Post' }),
    ),
    `Webflow refused the change to site ${SITE_ID} (conflict): Conflict: Resource already exists`,
  );
});

test('429 with Retry-After is retried, then the call succeeds', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`GET /v2/sites/${SITE_ID}`, {
    status: 429,
    headers: { 'retry-after': '0', 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0' },
    body: error('too_many_requests', 'Too many requests'),
  });
  fake.route(`GET /v2/sites/${SITE_ID}`, { body: site() });
  assert.equal(data(await call('get_site', { site_id: SITE_ID })).id, SITE_ID);
  assert.equal(fake.requests.length, 2);
});

test("a 429 that asks for a long wait fails at once, with the plan's limit and when to retry", async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/collections/${COLLECTION_ID}`, {
    status: 429,
    headers: { 'retry-after': '60', 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '0' },
    body: error('too_many_requests', 'Too many requests'),
  });
  assert.match(
    failure(await call('get_collection', { collection_id: COLLECTION_ID })),
    /^Webflow rate limit reached \(120 requests a minute on this site's plan, 0 left\)\. Try again in 60 s \(after \d{4}-[\d-]+T[\d:.]+Z\)\.$/,
  );
  onlyRequest(fake);
});

test('a 429 is retried even for a create, since Webflow did not process it', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`POST /v2/sites/${SITE_ID}/collections`, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: error('too_many_requests', 'Too many requests'),
  });
  fake.route(`POST /v2/sites/${SITE_ID}/collections`, { body: collection() });
  data(
    await call('create_collection', {
      site_id: SITE_ID,
      displayName: 'Guide Entries',
      singularName: 'Guide Entry',
    }),
  );
  assert.equal(fake.requests.length, 2);
});

test('the rate-limit message reads well without the optional headers', () => {
  const now = Date.parse('2025-03-01T00:00:00Z');
  assert.equal(rateLimitMessage(new Headers(), now), 'Webflow rate limit reached. Try again in a minute.');
  assert.equal(
    rateLimitMessage(new Headers({ 'retry-after': '30', 'x-ratelimit-limit': '60' }), now),
    "Webflow rate limit reached (60 requests a minute on this site's plan). Try again in 30 s (after 2025-03-01T00:00:30.000Z).",
  );
});

test('5xx on a read is retried, then reported as a failure to try again later', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/sites', {
    status: 500,
    body: error('internal_error', 'We had a problem with our server'),
  });
  assert.equal(failure(await call('list_sites')), 'Webflow failed (HTTP 500); try again later');
  assert.equal(fake.requests.length, 3);
});

test('a token changed mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const credentials = async () => ({ access_token: ++lookups <= 1 ? 'wf-old' : 'wf-new' });
  const { fake, call } = await setup(t, credentials);
  fake.route('GET /v2/sites', { body: { sites: [] } });
  data(await call('list_sites'));
  data(await call('list_sites'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer wf-old', 'Bearer wf-new'],
  );
});

test('without an access token no request is made, and the message says how to log in', async (t) => {
  const { fake, call } = await setup(t, {});
  assert.equal(
    failure(await call('list_sites')),
    'Not authenticated with webflow: the stored credentials hold no access token. Re-authenticate with `gumcp auth webflow`.',
  );
  assert.equal(fake.requests.length, 0);
});
