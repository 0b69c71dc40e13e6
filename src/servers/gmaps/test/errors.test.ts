import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import gmaps from '../index.js';
import { credentials, fakeMaps, fakeRoutes, KEY, MAPS, quickServer, routesError } from './fake-maps.js';

/**
 * The legacy services answer HTTP 200 with a failure `status`; the Routes API and the hosts themselves
 * answer HTTP errors. Each becomes a message a user can act on, and none carries the API key.
 */

const GEOCODE = `${MAPS}/geocode/json`;
const geocode = { name: 'address_to_coordinates', arguments: { address: 'Paris' } };
const directions = { name: 'get_directions', arguments: { origin: 'A', destination: 'B' } };
const failed = (status: string, error_message?: string) => ({
  body: { results: [], status, ...(error_message ? { error_message } : {}) },
});

test('a key Google calls invalid (REQUEST_DENIED) asks to store another, without echoing it', async (t) => {
  const fake = await fakeMaps(t);
  const client = await connect(gmaps, { credentials: { api_key: 'AIzaSy-wrong-key-123' } });

  const result = await client.callTool(geocode);

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Not authenticated with gmaps: the Geocoding API refused the stored API key (REQUEST_DENIED: The provided API key is invalid). Re-authenticate with `gumcp auth gmaps`.',
  );
  assert.equal(
    fake.requests[0]?.query.get('key'),
    'AIzaSy-wrong-key-123',
    'the legacy services take the key in the URL',
  );
  assert.doesNotMatch(text(result), /wrong-key/);
  assert.equal(fake.requests.length, 1, 'not retried');
});

test('a key whose project may not use the API (REQUEST_DENIED) says what to enable', async (t) => {
  const fake = await fakeMaps(t);
  fake.route(
    `GET ${GEOCODE}`,
    failed('REQUEST_DENIED', 'This API project is not authorized to use this API.'),
  );
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool(geocode);

  assert.equal(
    text(result),
    'The Geocoding API refused the stored API key (REQUEST_DENIED: This API project is not authorized to use this API). ' +
      "Enable the Geocoding API in the key's Google Cloud project, allow it in the key's API restrictions, and check " +
      'that billing is enabled; `gumcp auth gmaps` stores another key.',
  );
});

test('an error message that echoes the key or a URL with it is cleaned of both', async (t) => {
  const fake = await fakeMaps(t);
  fake.route(
    `GET ${GEOCODE}`,
    failed(
      'INVALID_REQUEST',
      `Bad request https://maps.googleapis.com/maps/api/geocode/json?address=x&key=${KEY} (key ${KEY})`,
    ),
  );
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool(geocode);

  assert.equal(
    text(result),
    'The Geocoding API rejected the request as invalid (INVALID_REQUEST: Bad request ' +
      'https://maps.googleapis.com/maps/api/geocode/json?address=x&key=[redacted] (key [redacted]))',
  );
  assert.ok(!text(result).includes(KEY));
});

test('OVER_DAILY_LIMIT names its causes (key, billing, cap) and when daily quotas reset', async (t) => {
  const fake = await fakeMaps(t);
  fake.route(
    `GET ${GEOCODE}`,
    failed('OVER_DAILY_LIMIT', 'You have exceeded your daily request quota for this API.'),
  );
  const { server, waits } = quickServer();
  const client = await connect(server, { credentials });

  const result = await client.callTool(geocode);

  assert.equal(
    text(result),
    'The Geocoding API refused the request (OVER_DAILY_LIMIT: You have exceeded your daily request quota for this API): ' +
      'the API key is missing or invalid, billing is not enabled on its Google Cloud project, a usage cap set on the ' +
      'project was reached, or its payment method is no longer valid. Check billing and quotas in the Google Cloud ' +
      'console; daily quotas reset at midnight Pacific Time.',
  );
  assert.deepEqual(waits, [], 'not retried');
  assert.equal(fake.requests.length, 1);
});

test('OVER_QUERY_LIMIT is retried with backoff, then succeeds', async (t) => {
  const fake = await fakeMaps(t, { geocode: {} });
  fake.once(`GET ${GEOCODE}`, failed('OVER_QUERY_LIMIT', 'You have exceeded your rate-limit for this API.'));
  const { server, waits } = quickServer();
  const client = await connect(server, { credentials });

  const result = await client.callTool(geocode);

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(waits, [1000]);
});

test('OVER_QUERY_LIMIT that persists ends after two retries, saying when to try again', async (t) => {
  const fake = await fakeMaps(t);
  fake.route(`GET ${GEOCODE}`, failed('OVER_QUERY_LIMIT'));
  const { server, waits } = quickServer();
  const client = await connect(server, { credentials });

  const result = await client.callTool(geocode);

  assert.equal(
    text(result),
    'The Geocoding API is over its quota or rate limit (OVER_QUERY_LIMIT), still after 2 retries. Try again in a ' +
      'minute; if it persists, the daily quota is used up (it resets at midnight Pacific Time) or the project’s ' +
      'billing needs attention.',
  );
  assert.equal(fake.requests.length, 3);
  assert.deepEqual(waits, [1000, 2000]);
});

test('UNKNOWN_ERROR (a server error Google says may pass) is retried, and reported when it does not pass', async (t) => {
  const fake = await fakeMaps(t);
  fake.route(`GET ${GEOCODE}`, failed('UNKNOWN_ERROR'));
  const { server } = quickServer();
  const client = await connect(server, { credentials });

  const result = await client.callTool(geocode);

  assert.equal(
    text(result),
    'The Geocoding API failed with a server error (UNKNOWN_ERROR), 3 times; try again later.',
  );
  assert.equal(fake.requests.length, 3);
});

test('no stored key, or credentials without api_key, ask to authenticate before any request', async (t) => {
  const fake = await fakeMaps(t);
  const none = await connect(gmaps);
  const empty = await connect(gmaps, { credentials: { token: 'not-a-maps-key' } });

  assert.equal(
    text(await none.callTool(geocode)),
    'Not authenticated with gmaps: no credentials are stored for this user. Re-authenticate with `gumcp auth gmaps`.',
  );
  assert.equal(
    text(await empty.callTool(geocode)),
    'Not authenticated with gmaps: no Google Maps API key is stored (field api_key). Re-authenticate with `gumcp auth gmaps`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('HTTP 429 with Retry-After is retried, then succeeds; one that persists says when to try again', async (t) => {
  const fake = await fakeMaps(t, { geocode: {} });
  fake.once(`GET ${GEOCODE}`, { status: 429, headers: { 'retry-after': '0' }, body: '' });
  const client = await connect(gmaps, { credentials });

  const ok = await client.callTool(geocode);
  fake.route(`GET ${GEOCODE}`, { status: 429, headers: { 'retry-after': '120' }, body: '' });
  const limited = await client.callTool(geocode);

  assert.equal(ok.isError, undefined, text(ok));
  assert.equal(text(limited), 'Rate limited by Google Maps; try again in 120 s');
  assert.equal(fake.requests.length, 3);
});

test('HTTP 5xx is retried, then reported without the body', async (t) => {
  const fake = await fakeMaps(t);
  fake.route(`GET ${GEOCODE}`, { status: 503, body: `<html>Service Unavailable for key=${KEY}</html>` });
  const { server } = quickServer();
  const client = await connect(server, { credentials });

  const result = await client.callTool(geocode);

  assert.equal(text(result), 'Google Maps failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 4);
});

test('an HTTP 403 page from the host is reported as a key problem, never with the raw page or the key', async (t) => {
  const fake = await fakeMaps(t);
  fake.route(`GET ${GEOCODE}`, {
    status: 403,
    body: `<html>Forbidden: /maps/api/geocode/json?key=${KEY}</html>`,
  });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool(geocode);

  assert.equal(
    text(result),
    "The Geocoding API refused the stored API key (HTTP 403). Enable the Geocoding API in the key's Google Cloud " +
      "project, allow it in the key's API restrictions, and check that billing is enabled; `gumcp auth gmaps` " +
      'stores another key.',
  );
});

test('the Routes API calling the key invalid (400 API_KEY_INVALID) asks to store another', async (t) => {
  await fakeRoutes(t);
  const client = await connect(gmaps, { credentials: { api_key: 'AIzaSy-wrong-key-123' } });

  const result = await client.callTool(directions);

  assert.equal(
    text(result),
    'Not authenticated with gmaps: the Routes API refused the stored API key (API key not valid. Please pass a valid API key). Re-authenticate with `gumcp auth gmaps`.',
  );
});

test('the Routes API not enabled for the project (403 SERVICE_DISABLED) says so, with Google’s link', async (t) => {
  const fake = await fakeRoutes(t);
  const message =
    'Routes API has not been used in project 123456789 before or it is disabled. Enable it by visiting ' +
    'https://console.developers.google.com/apis/api/routes.googleapis.com/overview?project=123456789 then retry.';
  fake.route('POST /directions/v2:computeRoutes', {
    status: 403,
    body: routesError(403, 'PERMISSION_DENIED', message, 'SERVICE_DISABLED'),
  });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool(directions);

  assert.equal(
    text(result),
    `The Routes API refused the stored API key (SERVICE_DISABLED: ${message.replace(/\.$/, '')}). Enable the Routes ` +
      "API in the key's Google Cloud project, allow it in the key's API restrictions, and check that billing is " +
      'enabled; `gumcp auth gmaps` stores another key.',
  );
});

test('other Routes API 400s carry Google’s message; 429 and 5xx are retried', async (t) => {
  const fake = await fakeRoutes(t);
  fake.route('POST /directions/v2:computeRoutes', {
    status: 400,
    body: routesError(400, 'INVALID_ARGUMENT', 'Timestamp must be set to a future time.'),
  });
  const matrix = 'POST /distanceMatrix/v2:computeRouteMatrix';
  fake.once(matrix, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: routesError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for quota metric', 'RATE_LIMIT_EXCEEDED'),
  });
  fake.once(matrix, {
    status: 503,
    body: routesError(503, 'UNAVAILABLE', 'The service is currently unavailable.'),
  });
  const { server } = quickServer();
  const client = await connect(server, { credentials });

  const invalid = await client.callTool(directions);
  const retried = await client.callTool({
    name: 'get_distance_matrix',
    arguments: { origins: 'A', destinations: 'B' },
  });

  assert.equal(
    text(invalid),
    'The Routes API rejected the request (HTTP 400): Timestamp must be set to a future time',
  );
  assert.equal(retried.isError, undefined, text(retried));
  assert.equal(fake.requests.filter((r) => r.path.startsWith('/distanceMatrix')).length, 3);
});
