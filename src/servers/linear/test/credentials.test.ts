import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verifyApiKey } from '../api.js';
import {
  API_KEY,
  data,
  FAST,
  failure,
  fakeLinear,
  LINEAR_ERRORS,
  linearClient,
  operation,
  TOKEN,
} from './fake-linear.js';

const search = { name: 'search_issues', arguments: { query: 'x' } };

test('an OAuth access token is sent as a Bearer token', async (t) => {
  const fake = await fakeLinear(t);
  const client = await linearClient(t, { access_token: TOKEN, refresh_token: 'lin_refresh_x' });

  data(await client.callTool(search));

  assert.equal(fake.requests[0]?.headers.authorization, `Bearer ${TOKEN}`);
});

test('a personal API key (api_key) is sent bare, as Linear requires', async (t) => {
  const fake = await fakeLinear(t);
  const client = await linearClient(t, { api_key: API_KEY });

  data(await client.callTool(search));

  assert.equal(fake.requests[0]?.headers.authorization, API_KEY);
});

test('a personal API key stored as access_token (lin_api_...) is sent bare too', async (t) => {
  const fake = await fakeLinear(t);
  const client = await linearClient(t, { access_token: API_KEY });

  data(await client.callTool(search));

  assert.equal(fake.requests[0]?.headers.authorization, API_KEY);
});

test('without credentials no request is made and the user is told to sign in', async (t) => {
  const fake = await fakeLinear(t);
  const none = await linearClient(t, async () => undefined);
  const empty = await linearClient(t, { refresh_token: 'r' });

  assert.match(
    failure(await none.callTool(search)),
    /^Not authenticated with linear: no credentials are stored/,
  );
  assert.match(
    failure(await empty.callTool(search)),
    /^Not authenticated with linear: the stored credentials hold neither an access token nor an API key\./,
  );
  assert.equal(fake.requests.length, 0);
});

test('a token refreshed mid-session is used from the next call on', async (t) => {
  const fake = await fakeLinear(t);
  let lookups = 0;
  const client = await linearClient(t, async () => ({
    access_token: ++lookups <= 1 ? 'lin_oauth_old' : 'lin_oauth_new',
  }));

  data(await client.callTool(search));
  data(await client.callTool(search));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer lin_oauth_old', 'Bearer lin_oauth_new'],
  );
});

test('an API key is checked with Linear when it is entered', async (t) => {
  const fake = await fakeLinear(t);

  assert.equal(await verifyApiKey({ api_key: API_KEY }, FAST), undefined);

  assert.deepEqual(
    fake.requests.map((r) => [operation(r), r.headers.authorization]),
    [['Viewer', API_KEY]],
  );
});

test('a refused API key fails the sign-in without echoing it', async (t) => {
  const fake = await fakeLinear(t);
  fake.route('POST /graphql', { status: 400, body: { errors: [LINEAR_ERRORS.authentication] } });

  await assert.rejects(verifyApiKey({ api_key: API_KEY }, FAST), (error: Error) => {
    assert.equal(
      error.message,
      'Linear rejected the API key: check that it was copied whole and has not been revoked',
    );
    return true;
  });
});
