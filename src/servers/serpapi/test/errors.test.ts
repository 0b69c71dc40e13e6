import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coffeePage, errorReply, invalidKey, metadata, outOfSearches, SEARCH_ID } from './fake-serpapi.js';
import { data, failure, setup } from './harness.js';

test('a rejected key asks to authenticate again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search', invalidKey);
  assert.equal(
    failure(await call({ q: 'coffee' })),
    'Not authenticated with serpapi: SerpApi rejected the stored API key (revoked, or not copied whole). ' +
      'Re-authenticate with `gumcp auth serpapi`.',
  );
});

test('no stored key asks to authenticate, without calling SerpApi', async (t) => {
  const { fake, call } = await setup(t, {});
  assert.match(
    failure(await call({ q: 'coffee' })),
    /^Not authenticated with serpapi: the stored credentials hold no SerpApi API key \(field api_key\)/,
  );
  assert.equal(fake.requests.length, 0);
});

test('searches used up (429) say so and are not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search', outOfSearches);
  assert.match(
    failure(await call({ q: 'coffee' })),
    /^SerpApi refused: Your account has run out of searches\. Retrying will not help until the plan renews/,
  );
  assert.equal(fake.requests.length, 1);
});

test('the hourly throughput limit (429) is retried, then says when to try again', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  const limited = errorReply(429, 'Your account has exceeded its hourly searches throughput.');
  fake.once('GET /search', { ...limited, headers: { 'retry-after': '1' } });
  fake.route('GET /search', { body: coffeePage() });
  data(await call({ q: 'coffee' }));
  assert.deepEqual(sleeps, [1000]);

  fake.route('GET /search', { ...limited, headers: { 'retry-after': '3' } });
  assert.equal(
    failure(await call({ q: 'tea' })),
    "Rate limited by SerpApi (the account's searches per hour): Your account has exceeded its hourly searches " +
      'throughput; try again in 3 s',
  );
  assert.equal(fake.requests.length, 5, 'one try and two retries');
});

test('a 400 naming a parameter names the argument', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search', errorReply(400, 'Missing query `q` parameter.'));
  assert.equal(
    failure(await call({ q: 'coffee' })),
    'Invalid argument q: SerpApi rejected the search for "coffee" (HTTP 400): Missing query `q` parameter',
  );
  fake.route('GET /search', errorReply(400, 'Unsupported `gl` - country. Check the supported countries.'));
  assert.match(failure(await call({ q: 'coffee', gl: 'xx' })), /^Invalid argument gl: /);
});

test('an unknown or expired search id is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /searches/${SEARCH_ID}.json`, errorReply(404, 'Search not found.'));
  assert.equal(failure(await call({ q: 'coffee', search_id: SEARCH_ID })), `Search not found: ${SEARCH_ID}`);
  fake.route(`GET /searches/${SEARCH_ID}.json`, errorReply(410, 'Search has expired.'));
  assert.equal(
    failure(await call({ q: 'coffee', search_id: SEARCH_ID })),
    `Search ${SEARCH_ID} has expired and was deleted from SerpApi's archive (it keeps searches 31 days)`,
  );
});

test('a failed search (503, status Error) is retried, then gives SerpApi’s reason', async (t) => {
  const { fake, call } = await setup(t);
  const failed = errorReply(503, "We couldn't get valid results for this search. Please try again later.", {
    search_metadata: metadata(SEARCH_ID, 'Error'),
  });
  fake.once('GET /search', failed);
  fake.route('GET /search', { body: coffeePage() });
  data(await call({ q: 'coffee' }));
  assert.equal(fake.requests.length, 2, 'SerpApi does not charge a failed search, so it is retried');

  fake.route('GET /search', failed);
  assert.equal(
    failure(await call({ q: 'coffee' })),
    "SerpApi failed (HTTP 503): We couldn't get valid results for this search. Please try again later",
  );
  fake.route('GET /search', { status: 502, body: '<html>Bad gateway</html>' });
  assert.equal(failure(await call({ q: 'coffee' })), 'SerpApi failed (HTTP 502); try again later');
});

test('a 403 says the account may be gone', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search', errorReply(403, 'Account was deleted.'));
  assert.equal(
    failure(await call({ q: 'coffee' })),
    'SerpApi refused the search for "coffee": Account was deleted (the account of this key may have been deleted)',
  );
});

test('an archived search that ended in Error fails with SerpApi’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /searches/${SEARCH_ID}.json`, {
    body: { search_metadata: metadata(SEARCH_ID, 'Error'), error: 'Proxy timeout.' },
  });
  assert.equal(
    failure(await call({ q: 'coffee', search_id: SEARCH_ID })),
    `Search ${SEARCH_ID} ended in error at SerpApi: Proxy timeout`,
  );
});
