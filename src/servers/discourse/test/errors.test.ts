import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  category,
  invalidKey,
  notFound,
  notPermitted,
  rateLimited,
  titleTooShort,
  topicBody,
} from './fake-discourse.js';
import { CREDENTIALS, data, failure, KEY, setup } from './harness.js';

const CATEGORIES = 'GET /categories.json';
const categories = {
  category_list: { can_create_category: false, can_create_topic: true, categories: [category] },
};

test('a refused key asks the user to sign in again, naming the scope, without echoing the key', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /posts.json', { status: 403, body: invalidKey });
  const message = failure(await call('create_post', { topic_id: 91, raw: 'hi' }));
  assert.equal(
    message,
    'Not authenticated with discourse: Discourse refused the API key: it was revoked, its username does not match, ' +
      'or the key is scoped without "topics:write". Re-authenticate with `gumcp auth discourse`.',
  );
  assert.ok(!message.includes(KEY));
  assert.equal(fake.requests.length, 1, 'a refused key is not retried');
});

test('403 for a user who may not do it gives Discourse’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /posts.json', { status: 403, body: notPermitted });
  assert.equal(
    failure(await call('create_topic', { title: 'A long enough title', raw: 'x', category_id: 9 })),
    "Permission denied by Discourse for Category 9: You are not permitted to view the requested resource. (the API key's user may not do this)",
  );
});

test('404 names the topic or the user', async (t) => {
  const { fake, call, client } = await setup(t);
  fake.route('GET /t/999.json', { status: 404, body: notFound });
  fake.route('GET /u/nobody.json', { status: 404, body: notFound });
  await assert.rejects(client.readResource({ uri: 'discourse://topic/999' }), /Topic not found: 999/);
  assert.equal(failure(await call('get_user_info', { username: 'nobody' })), 'User not found: nobody');
});

test('422 gives Discourse’s validation messages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /posts.json', { status: 422, body: titleTooShort });
  assert.equal(
    failure(await call('create_topic', { title: 'Short', raw: 'x', category_id: 4 })),
    'Discourse rejected the request for Category 4 (HTTP 422): Title is too short (minimum is 15 characters)',
  );
});

test('429 with Retry-After is waited out and retried, then the call succeeds', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(CATEGORIES, { status: 429, headers: { 'retry-after': '0' }, body: rateLimited });
  fake.route(CATEGORIES, { body: categories });
  data(await call('list_categories'));
  assert.equal(fake.requests.length, 2);
});

test('429 without Retry-After waits the wait_seconds Discourse gives', async (t) => {
  const sleeps: number[] = [];
  const { fake, call } = await setup(t, CREDENTIALS, {
    retries: 1,
    backoffMs: 1,
    maxRetryAfterMs: 60_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  fake.once(CATEGORIES, { status: 429, body: rateLimited });
  fake.route(CATEGORIES, { body: categories });
  data(await call('list_categories'));
  assert.deepEqual(sleeps, [10_000]);
});

test('a 429 that lasts says when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(CATEGORIES, { status: 429, headers: { 'retry-after': '30' }, body: rateLimited });
  assert.equal(failure(await call('list_categories')), 'Rate limited by Discourse; try again in 30 s');
  assert.equal(fake.requests.length, 1);
});

test('5xx on a read is retried, then reported; then success returns the data', async (t) => {
  const { fake, call, client } = await setup(t);
  fake.route(CATEGORIES, { status: 503, body: '<html>Service Unavailable</html>' });
  assert.equal(failure(await call('list_categories')), 'Discourse failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 3, 'one try and two retries');

  fake.once('GET /t/91.json', { status: 502, body: '' });
  fake.route('GET /t/91.json', { body: topicBody });
  const read = await client.readResource({ uri: 'discourse://topic/91' });
  assert.match((read.contents[0] as { text: string }).text, /My printer is on fire/);
});

test('without stored credentials, or with a field missing, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(
    failure(await none.call('list_categories')),
    /^Not authenticated with discourse: no credentials/,
  );
  const { value: _, ...noKey } = CREDENTIALS;
  const partial = await setup(t, noKey);
  assert.equal(
    failure(await partial.call('list_categories')),
    'Not authenticated with discourse: the stored credentials lack the API key. Re-authenticate with `gumcp auth discourse`.',
  );
  assert.equal(none.fake.requests.length + partial.fake.requests.length, 0);
});
