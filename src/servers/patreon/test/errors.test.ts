import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CAMPAIGN_ID,
  meta,
  notFound,
  patreonError,
  throttled,
  unauthorized,
  userResource,
} from './fake-patreon.js';
import { data, failure, path, setup, TOKEN } from './harness.js';

const MEMBERS = `GET ${path(`campaigns/${CAMPAIGN_ID}/members`)}`;
const IDENTITY = `GET ${path('identity')}`;

test('401 asks to sign in again, naming the scope the tool needs, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(MEMBERS, { status: 401, body: unauthorized });
  const message = failure(await call('get_campaign_members', { campaign_id: CAMPAIGN_ID }));
  assert.equal(
    message,
    'Not authenticated with patreon: Patreon rejected the stored token (expired or revoked, or not granted ' +
      'the "campaigns.members" scope this tool needs). Re-authenticate with `gumcp auth patreon`.',
  );
  assert.ok(!message.includes(TOKEN));
});

test('403 about a scope names the scope', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${path('posts/7')}`, {
    status: 403,
    body: patreonError(403, 1, 'Forbidden', 'This token lacks the campaigns.posts scope.'),
  });
  assert.equal(
    failure(await call('get_post', { post_id: '7' })),
    'Permission denied: the stored token lacks the scope "campaigns.posts". Re-authenticate to grant it.',
  );
});

test('403 otherwise says what was denied', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(MEMBERS, {
    status: 403,
    body: patreonError(403, 1, 'Forbidden', 'The requested is hidden for administrators only.'),
  });
  assert.equal(
    failure(await call('get_campaign_members', { campaign_id: CAMPAIGN_ID })),
    `Patreon denied access to Campaign ${CAMPAIGN_ID}: The requested is hidden for administrators only.`,
  );
});

test('404 names the campaign', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${path('campaigns/999')}`, { status: 404, body: notFound });
  assert.equal(failure(await call('get_campaign', { campaign_id: '999' })), 'Campaign not found: 999');
});

test('400 gives Patreon’s detail (an attribute it does not know)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(IDENTITY, {
    status: 400,
    body: patreonError(400, 1, 'ParameterInvalidOnType', 'fields[user] contains an invalid field: nickname'),
  });
  assert.equal(
    failure(await call('get_identity', { fields: { user: 'nickname' } })),
    'Patreon rejected the request for User of the token (HTTP 400): fields[user] contains an invalid field: nickname',
  );
});

test('429 with Retry-After 0 is retried at once', async (t) => {
  const { fake, call, waits } = await setup(t);
  fake.once(IDENTITY, { status: 429, headers: { 'retry-after': '0' }, body: throttled(0) });
  fake.route(IDENTITY, { body: { data: userResource() } });
  data(await call('get_identity'));
  assert.deepEqual(waits, [0]);
});

test('429 without Retry-After waits the retry_after_seconds of its body', async (t) => {
  const { fake, call, waits } = await setup(t);
  fake.once(MEMBERS, { status: 429, body: throttled(9) });
  fake.route(MEMBERS, { body: { data: [], meta: meta(0, null) } });
  data(await call('get_campaign_members', { campaign_id: CAMPAIGN_ID }));
  assert.deepEqual(waits, [9000]);
  assert.equal(fake.requests.length, 2);
});

test('a 429 that persists says when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(IDENTITY, { status: 429, body: throttled(30) });
  assert.equal(
    failure(await call('get_identity')),
    'Rate limited by Patreon (100 requests a minute per token); try again in 30 s',
  );
  assert.equal(fake.requests.length, 3);
});

test('5xx is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(IDENTITY, { status: 503, body: 'Service Unavailable' });
  assert.equal(failure(await call('get_identity')), 'Patreon failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 3);
});

test('Patreon rotates both tokens on refresh: the new access token is used from the next request on', async (t) => {
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return lookups <= 1
      ? { access_token: 'at-old', refresh_token: 'rt-old' }
      : { access_token: 'at-new', refresh_token: 'rt-new' };
  };
  const { fake, call } = await setup(t, credentials);
  fake.route(IDENTITY, { body: { data: userResource() } });
  data(await call('get_identity'));
  data(await call('get_identity'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer at-old', 'Bearer at-new'],
  );
});

test('no stored access token is a sign-in error', async (t) => {
  const { fake, call } = await setup(t, { refresh_token: 'r' });
  assert.equal(
    failure(await call('get_identity')),
    'Not authenticated with patreon: the stored credentials hold no access token. Re-authenticate with `gumcp auth patreon`.',
  );
  assert.equal(fake.requests.length, 0);
});
