import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doc, errors, JSONAPI, LIST_ID, list, throttled, unauthenticated } from './fake-klaviyo.js';
import { answer, data, failure, route, setup, TOKEN } from './harness.js';

const LISTS = route('GET', 'lists');

test('401 asks to sign in again, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LISTS, { status: 401, headers: JSONAPI, body: unauthenticated });
  const message = failure(await call('get_lists'));
  assert.equal(
    message,
    'Not authenticated with klaviyo: Klaviyo rejected the stored token (expired or revoked). Re-authenticate with `gumcp auth klaviyo`.',
  );
  assert.ok(!message.includes(TOKEN));
});

test('403 names the scopes the tool needs', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST_ID}`), answer(doc(list())));
  fake.route(route('POST', `lists/${LIST_ID}/relationships/profiles`), {
    status: 403,
    headers: JSONAPI,
    body: errors(
      403,
      'permission_denied',
      'You do not have permission to perform this action.',
      'You do not have permission to perform this action.',
    ),
  });
  assert.equal(
    failure(await call('add_profiles_to_list', { list_id: LIST_ID, profile_ids: ['P1'] })),
    'Permission denied by Klaviyo (You do not have permission to perform this action.): the stored token may lack ' +
      'one of the scopes "lists:write", "profiles:write", "lists:read". Re-authenticate with `gumcp auth klaviyo` to grant it.',
  );
  fake.route(LISTS, { status: 403, headers: JSONAPI, body: errors(403, 'permission_denied', 'Denied.', '') });
  assert.match(failure(await call('get_lists')), /lacks? the scope "lists:read"/);
});

test('429 waits as Retry-After says, then succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(LISTS, { status: 429, headers: { ...JSONAPI, 'retry-after': '2' }, body: throttled });
  fake.route(LISTS, answer(doc([list()])));
  assert.equal((data(await call('get_lists')).lists as unknown[]).length, 1);
  assert.deepEqual(sleeps, [2000]);
});

test('429 without Retry-After waits for the RateLimit-Reset of Klaviyo’s window', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(LISTS, { status: 429, headers: { ...JSONAPI, 'ratelimit-reset': '3' }, body: throttled });
  fake.route(LISTS, answer(doc([])));
  data(await call('get_lists'));
  assert.deepEqual(sleeps, [3000]);
});

test('a 429 that persists says when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LISTS, { status: 429, headers: { ...JSONAPI, 'retry-after': '5' }, body: throttled });
  assert.equal(
    failure(await call('get_lists')),
    'Rate limited by Klaviyo (each endpoint has a burst limit per second and a steady limit per minute); try again in 5 s',
  );
  assert.equal(fake.requests.length, 3);
});

test('a read that meets 5xx is retried, and says so when it persists', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(LISTS, {
    status: 503,
    headers: JSONAPI,
    body: errors(503, 'error', 'Unavailable.', 'Try again.'),
  });
  fake.route(LISTS, answer(doc([])));
  data(await call('get_lists'));
  assert.equal(fake.requests.length, 2);
  fake.route(LISTS, { status: 500, body: 'oops' });
  assert.equal(failure(await call('get_lists')), 'Klaviyo failed (HTTP 500); try again later');
});

test('a refused filter names the query parameter', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LISTS, {
    status: 400,
    headers: JSONAPI,
    body: errors(400, 'invalid', 'Invalid input.', "'nam' is not a valid field for the resource 'list'.", {
      parameter: 'filter',
    }),
  });
  assert.equal(
    failure(await call('get_lists', { filter: "equals(nam,'x')" })),
    "Klaviyo rejected the request for Lists of the account (HTTP 400): filter: 'nam' is not a valid field for the resource 'list'.",
  );
});

test('credentials without an access token ask to sign in again, reaching no service', async (t) => {
  const { fake, call } = await setup(t, { refresh_token: 'r' });
  assert.equal(
    failure(await call('get_lists')),
    'Not authenticated with klaviyo: the stored credentials hold no access token. Re-authenticate with `gumcp auth klaviyo`.',
  );
  assert.equal(fake.requests.length, 0);
});
