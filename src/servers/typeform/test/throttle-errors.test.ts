import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authFailed, form, formNotFound, list, tfError, workspace } from './fake-typeform.js';
import { data, failure, setup, TOKEN } from './harness.js';

test('requests with one token are spaced half a second apart (2 a second), on the client', async (t) => {
  const { fake, clock, call } = await setup(t);
  const at: number[] = [];
  fake.route('GET /workspaces', (req) => {
    at.push(clock.now());
    const page = Number(req.query.get('page'));
    return {
      body: list(
        Array.from({ length: 200 }, (_, i) => workspace(`w${page}-${i}`, 'W')),
        600,
        3,
      ),
    };
  });
  data(await call('list_workspaces', { max_results: 600 }));
  assert.deepEqual(
    at.map((ms) => ms - (at[0] ?? 0)),
    [0, 500, 1000],
  );
  assert.deepEqual(clock.sleeps, [500, 500]);
});

test('401 asks to sign in again, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /workspaces', { status: 401, body: authFailed });
  const message = failure(await call('list_workspaces'));
  assert.equal(
    message,
    'Not authenticated with typeform: Typeform rejected the stored token (expired or revoked): ' +
      'Authentication credentials not found on the Request Headers. Re-authenticate with `gumcp auth typeform`.',
  );
  assert.ok(!message.includes(TOKEN));
});

test('403 for want of a scope names the scope the tool needs', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /forms/u6nXL7', { body: form('u6nXL7', 'F') });
  fake.route('GET /forms/u6nXL7/responses', {
    status: 403,
    body: tfError('FORBIDDEN', 'The token does not have the required scope responses:read'),
  });
  assert.equal(
    failure(await call('get_form_responses', { form_id: 'u6nXL7' })),
    'Permission denied: the stored token lacks the scope "responses:read". Re-authenticate to grant it.',
  );
});

test('404 names the form', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /forms/nope', { status: 404, body: formNotFound('nope') });
  assert.equal(failure(await call('get_form_responses', { form_id: 'nope' })), 'Form not found: nope');
});

test('400 gives Typeform’s description and each field’s problem', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /forms/u6nXL7', { body: form('u6nXL7', 'F') });
  fake.route('GET /forms/u6nXL7/responses', {
    status: 400,
    body: tfError('VALIDATION_ERROR', 'The request contains invalid data', [
      { code: 'INVALID_FIELD', description: 'field does not exist', field: 'fields', in: 'query' },
    ]),
  });
  assert.equal(
    failure(await call('get_form_responses', { form_id: 'u6nXL7', fields: ['nope'] })),
    'Typeform rejected the request for Form u6nXL7 (HTTP 400): The request contains invalid data (fields: field does not exist)',
  );
});

test('429 is retried after a second (Typeform’s window), then succeeds', async (t) => {
  const { fake, clock, call } = await setup(t);
  fake.once('GET /workspaces', { status: 429, body: tfError('RATE_LIMIT_EXCEEDED', 'Too many requests') });
  fake.route('GET /workspaces', { body: list([], 0) });
  data(await call('list_workspaces'));
  // The retry's wait, then no throttle wait: the second has passed.
  assert.deepEqual(clock.sleeps, [1000]);
  assert.equal(fake.requests.length, 2);
});

test('429 with Retry-After 0 is retried after the throttle’s half second', async (t) => {
  const { fake, clock, call } = await setup(t);
  fake.once('GET /workspaces', { status: 429, headers: { 'retry-after': '0' }, body: {} });
  fake.route('GET /workspaces', { body: list([], 0) });
  data(await call('list_workspaces'));
  assert.deepEqual(clock.sleeps, [0, 500]);
});

test('a 429 that persists says to slow down', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /workspaces', { status: 429, body: tfError('RATE_LIMIT_EXCEEDED', 'Too many requests') });
  assert.equal(
    failure(await call('list_workspaces')),
    'Rate limited by Typeform (2 requests a second per account); try again in a second',
  );
  assert.equal(fake.requests.length, 3);
});

test('5xx is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /workspaces', { status: 502, body: 'Bad Gateway' });
  assert.equal(failure(await call('list_workspaces')), 'Typeform failed (HTTP 502); try again later');
  assert.equal(fake.requests.length, 3);
});

test('a token refreshed mid-session is used from the next request on', async (t) => {
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return { access_token: lookups <= 1 ? 'at-old' : 'at-new', refresh_token: 'rt' };
  };
  const { fake, call } = await setup(t, credentials);
  fake.route('GET /workspaces', { body: list([], 0) });
  data(await call('list_workspaces'));
  data(await call('list_workspaces'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer at-old', 'Bearer at-new'],
  );
});

test('no stored access token is a sign-in error', async (t) => {
  const { fake, call } = await setup(t, { refresh_token: 'r' });
  assert.equal(
    failure(await call('list_workspaces')),
    'Not authenticated with typeform: the stored credentials hold no access token. Re-authenticate with `gumcp auth typeform`.',
  );
  assert.equal(fake.requests.length, 0);
});
