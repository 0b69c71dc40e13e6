import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invalidKey, listsPage, PROBLEM, problem, subscriberList, tooMany } from './fake-mailchimp.js';
import { API_KEY, data, failure, route, setup, TOKEN } from './harness.js';

const LISTS = route('GET', 'lists');
const page = listsPage([subscriberList('a1', 'Newsletter')], 1);

test('401 asks to sign in again, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LISTS, { status: 401, headers: PROBLEM, body: invalidKey });
  const message = failure(await call('get_audience_list'));
  assert.equal(
    message,
    'Not authenticated with mailchimp: Mailchimp rejected the stored credentials (revoked token or API key, or the ' +
      "wrong data centre): API Key Invalid: Your API key may be invalid, or you've attempted to access the wrong " +
      'datacenter.. Re-authenticate with `gumcp auth mailchimp`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(fake.requests.length, 1);
});

test('403 says what Mailchimp denied (Mailchimp has no scopes to name)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LISTS, {
    status: 403,
    headers: PROBLEM,
    body: problem(403, 'User Disabled', 'This account has been disabled.'),
  });
  assert.equal(
    failure(await call('get_audience_list')),
    'Mailchimp denied access to Audiences of the account: User Disabled: This account has been disabled.',
  );
});

test('429 (too many simultaneous connections) is retried, then succeeds', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(LISTS, { status: 429, headers: PROBLEM, body: tooMany });
  fake.route(LISTS, { body: page });
  assert.equal(data(await call('get_audience_list')).total_items, 1);
  assert.equal(fake.requests.length, 2);
});

test('a 429 that persists says the limit and when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LISTS, { status: 429, headers: PROBLEM, body: tooMany });
  assert.equal(
    failure(await call('get_audience_list')),
    'Rate limited by Mailchimp (at most 10 simultaneous connections per user); try again in a few seconds',
  );
  assert.equal(fake.requests.length, 3);
});

test('a read that meets 5xx is retried, and says so when it persists', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(LISTS, { status: 503, body: 'Service Unavailable' });
  fake.route(LISTS, { body: page });
  assert.equal(data(await call('get_audience_list')).total_items, 1);

  fake.route(LISTS, { status: 502, body: 'Bad gateway' });
  assert.equal(failure(await call('get_audience_list')), 'Mailchimp failed (HTTP 502); try again later');
});

test('an API key signs requests with Basic auth in its own data centre, never echoing it', async (t) => {
  const { fake, call } = await setup(t, { api_key: 'fakemailchimpkey-us21' });
  fake.route(route('GET', 'lists', '/us21/3.0'), { body: page });
  data(await call('get_audience_list'));
  const [req] = fake.requests;
  assert.equal(req?.path, '/us21/3.0/lists');
  const basic = Buffer.from('anystring:fakemailchimpkey-us21').toString('base64');
  assert.equal(req?.headers.authorization, `Basic ${basic}`);

  fake.route(route('GET', 'lists', '/us21/3.0'), { status: 401, headers: PROBLEM, body: invalidKey });
  const message = failure(await call('get_audience_list'));
  assert.match(message, /Re-authenticate with `gumcp auth mailchimp`/);
  assert.ok(!message.includes('fakemailchimpkey'));
});

test('missing credentials, or a stored data centre that is not one, ask to sign in again', async (t) => {
  const { fake, call } = await setup(t, async () => ({ token_type: 'bearer' }));
  assert.equal(
    failure(await call('get_audience_list')),
    'Not authenticated with mailchimp: the stored credentials hold no access token or API key. Re-authenticate with `gumcp auth mailchimp`.',
  );
  const bad = await setup(t, { access_token: TOKEN, dc: 'evil.example.com/x' });
  assert.equal(
    failure(await bad.call('get_audience_list')),
    'Not authenticated with mailchimp: the stored data centre is not one Mailchimp names. Re-authenticate with `gumcp auth mailchimp`.',
  );
  const keyless = await setup(t, { api_key: 'no-data-centre-here!' });
  assert.match(failure(await keyless.call('get_audience_list')), /names no data centre/);
  assert.equal(fake.requests.length + bad.fake.requests.length + keyless.fake.requests.length, 0);
  assert.ok(API_KEY.endsWith('-us6'));
});
