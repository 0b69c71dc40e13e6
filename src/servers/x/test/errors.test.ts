import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clientForbidden,
  forbidden,
  invalidRequest,
  page,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
} from './fake-x.js';
import { CREDENTIALS, data, failure, route, setup, TOKEN } from './harness.js';

const ID = '1275828087666679809';
const SEARCH = route('GET', 'tweets/search/recent');

test('401 (token expired or revoked) asks the user to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { status: 401, body: unauthorized });
  const message = failure(await call('search_recent_tweet', { query: 'x' }));
  assert.equal(
    message,
    'Not authenticated with x: X rejected the stored token (expired or revoked). Re-authenticate with `gumcp auth x`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(fake.requests.length, 1, 'a 401 is not retried');
});

test('403 for a token granted without tweet.write names the scope', async (t) => {
  const { fake, call } = await setup(t, { ...CREDENTIALS, scope: 'tweet.read users.read offline.access' });
  fake.route(route('DELETE', `tweets/${ID}`), { status: 403, body: forbidden });
  assert.equal(
    failure(await call('delete_tweet', { id: ID })),
    'Permission denied: the stored token lacks the scope "tweet.write". Re-authenticate to grant it.',
  );
});

test('403 with the scopes granted gives X’s reason and the scopes the call needs', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('DELETE', `tweets/${ID}`), { status: 403, body: forbidden });
  assert.equal(
    failure(await call('delete_tweet', { id: ID })),
    `Permission denied by X for Post ${ID}: Forbidden: Forbidden (this call needs the scopes tweet.read, tweet.write, users.read)`,
  );
});

test('403 client-forbidden says the app’s access level lacks the endpoint', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { status: 403, body: clientForbidden });
  assert.match(
    failure(await call('search_recent_tweet', { query: 'x' })),
    /^X refused the app for this endpoint: Client Forbidden: When authenticating.*The app's access level \(or its project\) does not include it\.$/,
  );
});

test('400 names the arguments X found invalid', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { status: 400, body: invalidRequest });
  assert.equal(
    failure(await call('search_recent_tweet', { query: 'x', tweet_fields: 'colour' })),
    'X rejected the request for Search recent posts (HTTP 400): argument tweet_fields: The `tweet.fields` query parameter value [colour] is not one of [article,attachments,author_id,created_at,id,lang,public_metrics,text]',
  );
});

test('404 names the post', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('DELETE', `tweets/${ID}`), {
    status: 404,
    body: { title: 'Not Found Error', type: 'about:blank', status: 404, detail: 'Not Found' },
  });
  assert.equal(failure(await call('delete_tweet', { id: ID })), `Post not found: ${ID}`);
});

test('429 waits until the window resets when it is near, then succeeds', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.once(SEARCH, {
    status: 429,
    headers: {
      'x-rate-limit-limit': '450',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': String(clock.time / 1000 + 20),
    },
    body: tooManyRequests,
  });
  fake.route(SEARCH, { body: page(['1']) });
  data(await call('search_recent_tweet', { query: 'x' }));
  assert.deepEqual(clock.sleeps, [20_000]);
  assert.equal(fake.requests.length, 2);
});

test('429 whose window resets later fails at once, saying when', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.route(SEARCH, {
    status: 429,
    headers: {
      'x-rate-limit-limit': '450',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': String(clock.time / 1000 + 600),
    },
    body: tooManyRequests,
  });
  assert.equal(
    failure(await call('search_recent_tweet', { query: 'x' })),
    'Rate limited by X: the limit of 450 requests for this endpoint resets at 2025-06-15T15:16:40.000Z (in 10 min); try again then',
  );
  assert.deepEqual(clock.sleeps, []);
  assert.equal(fake.requests.length, 1);
});

test('a spent daily posting cap is reported with its own reset, not the window’s', async (t) => {
  const { fake, call, clock } = await setup(t);
  const now = clock.time / 1000;
  fake.route(route('POST', 'tweets'), {
    status: 429,
    headers: {
      'x-rate-limit-limit': '100',
      'x-rate-limit-remaining': '99',
      'x-rate-limit-reset': String(now + 30),
      'x-user-limit-24hour-limit': '17',
      'x-user-limit-24hour-remaining': '0',
      'x-user-limit-24hour-reset': String(now + 7200),
    },
    body: tooManyRequests,
  });
  assert.match(
    failure(await call('create_tweet', { text: 'hi' })),
    /resets at 2025-06-15T17:06:40.000Z \(in 120 min\)/,
  );
  assert.equal(fake.requests.length, 1);
});

test('5xx on a read is retried, then reported; then success returns the data', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { status: 503, body: serviceUnavailable });
  assert.equal(
    failure(await call('search_recent_tweet', { query: 'x' })),
    'X failed (HTTP 503); try again later',
  );
  assert.equal(fake.requests.length, 3, 'one try and two retries');

  fake.once(route('GET', `tweets/${ID}`), { status: 502, body: '' });
  fake.route(route('GET', `tweets/${ID}`), { body: { data: { id: ID, text: 'hello' } } });
  assert.equal((data(await call('get_tweet_by_id', { id: ID })).tweet as { id: string }).id, ID);
});

test('without stored credentials or an access token, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(
    failure(await none.call('search_recent_tweet', { query: 'x' })),
    /^Not authenticated with x: no credentials/,
  );
  const { access_token: _, ...noToken } = CREDENTIALS;
  const empty = await setup(t, noToken);
  assert.match(
    failure(await empty.call('search_recent_tweet', { query: 'x' })),
    /stored credentials hold no access token/,
  );
  assert.equal(none.fake.requests.length + empty.fake.requests.length, 0);
});
