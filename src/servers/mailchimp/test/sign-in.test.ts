import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeSignIn } from '../../../auth/oauth/complete.js';
import { fakeFor, only } from '../../../testing/fake-service.js';
import { discoverDataCentre, verifyApiKey } from '../api.js';
import mailchimp from '../index.js';
import { invalidKey, listsPage, metadata, PROBLEM, subscriberList } from './fake-mailchimp.js';
import { API_KEY, data, FAST, route, setup, TOKEN } from './harness.js';

test('discovery after sign-in reads the data centre from the metadata endpoint with the new token', async (t) => {
  const login = await fakeFor(t, 'mailchimp-login');
  login.route('GET /oauth2/metadata', { body: metadata('us6') });

  const stored = await discoverDataCentre({ access_token: 'fresh-token' }, FAST);

  assert.deepEqual(stored, {
    dc: 'us6',
    api_endpoint: 'https://us6.api.mailchimp.com',
    account_name: 'Acme',
  });
  assert.equal(only(login, 'GET', '/oauth2/metadata').headers.authorization, 'OAuth fresh-token');
});

test('a completed sign-in stores the never-expiring token with its data centre', async (t) => {
  const login = await fakeFor(t, 'mailchimp-login');
  login.route('GET /oauth2/metadata', { body: metadata('us19') });
  assert.equal(mailchimp.auth.kind, 'oauth2');
  if (mailchimp.auth.kind !== 'oauth2') return;

  const stored = await completeSignIn(mailchimp.auth.provider, {
    access_token: TOKEN,
    expires_in: 0,
    scope: null,
  });

  assert.equal(stored.access_token, TOKEN);
  assert.equal(stored.dc, 'us19');
  assert.equal(stored.api_endpoint, 'https://us19.api.mailchimp.com');
  assert.equal(stored.expires_at, undefined, 'Mailchimp tokens do not expire');
});

test('a token the metadata endpoint refuses, or metadata without a data centre, fails the sign-in', async (t) => {
  const login = await fakeFor(t, 'mailchimp-login');
  login.route('GET /oauth2/metadata', { status: 401, body: { error: 'invalid_token' } });
  await assert.rejects(discoverDataCentre({ access_token: 'bad' }, FAST), /Re-authenticate/);
  login.route('GET /oauth2/metadata', { body: { ...metadata('us6'), dc: '' } });
  await assert.rejects(discoverDataCentre({ access_token: 'ok' }, FAST), /named no data centre/);
  await assert.rejects(discoverDataCentre({}, FAST), /no access token/);
});

test('an API key is checked with GET /ping in the data centre its suffix names', async (t) => {
  const fake = await fakeFor(t, 'mailchimp', '/{dc}/3.0');
  fake.route('GET /us6/3.0/ping', { body: { health_status: "Everything's Chimpy!" } });

  assert.deepEqual(await verifyApiKey({ api_key: API_KEY }, FAST), {
    dc: 'us6',
    api_endpoint: 'https://us6.api.mailchimp.com',
  });
  const basic = Buffer.from(`anystring:${API_KEY}`).toString('base64');
  assert.equal(only(fake, 'GET', '/us6/3.0/ping').headers.authorization, `Basic ${basic}`);
});

test('a key without a data centre, or one Mailchimp rejects, fails with a message that does not echo it', async (t) => {
  const fake = await fakeFor(t, 'mailchimp', '/{dc}/3.0');
  await assert.rejects(verifyApiKey({ api_key: '0123456789abcdef' }, FAST), (e: Error) => {
    assert.match(e.message, /^api_key: a Mailchimp API key ends with its data centre, like -us6/);
    assert.ok(!e.message.includes('0123456789abcdef'));
    return true;
  });
  assert.equal(fake.requests.length, 0);

  fake.route('GET /us6/3.0/ping', { status: 401, headers: PROBLEM, body: invalidKey });
  await assert.rejects(verifyApiKey({ api_key: API_KEY }, FAST), (e: Error) => {
    assert.equal(
      e.message,
      'Mailchimp rejected the API key: check that it was copied whole and has not been disabled',
    );
    return true;
  });
  await assert.rejects(verifyApiKey({ api_key: '  ' }, FAST), /api_key: enter the Mailchimp API key/);
});

test('a token stored without its data centre (signed in elsewhere) has it looked up once', async (t) => {
  const login = await fakeFor(t, 'mailchimp-login');
  login.route('GET /oauth2/metadata', { body: metadata('us8') });
  const { fake, call } = await setup(t, { access_token: TOKEN });
  fake.route(route('GET', 'lists', '/us8/3.0'), { body: listsPage([subscriberList('a1', 'N')], 1) });

  data(await call('get_audience_list'));
  data(await call('get_all_list'));

  assert.equal(login.requests.length, 1);
  assert.equal(login.requests[0]?.headers.authorization, `OAuth ${TOKEN}`);
  assert.deepEqual(
    fake.requests.map((r) => [r.path, r.headers.authorization]),
    [
      ['/us8/3.0/lists', `Bearer ${TOKEN}`],
      ['/us8/3.0/lists', `Bearer ${TOKEN}`],
    ],
  );
});

test('a token replaced mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({
    access_token: ++lookups <= 1 ? 'old-token' : 'new-token',
    dc: 'us6',
  }));
  fake.route(route('GET', 'lists'), { body: listsPage([], 0) });
  data(await call('get_audience_list'));
  data(await call('get_audience_list'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-token', 'Bearer new-token'],
  );
});
