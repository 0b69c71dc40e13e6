import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTOR, DATASET_ID, error, invalidToken, list, TASK_ID, TOKEN } from './fake-apify.js';
import { data, failure, setup } from './harness.js';

const REAUTH =
  'Not authenticated with apify: Apify rejected the stored API token (expired, revoked, or not copied whole). ' +
  'Re-authenticate with `gumcp auth apify`.';

test('401 invalid-token: re-authenticate, not retried, the token not echoed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/actors', invalidToken);
  assert.equal(failure(await call('list_actors')), REAUTH);
  assert.equal(fake.requests.length, 1);
});

test('no stored token, or credentials without the token field, ask to authenticate before any request', async (t) => {
  const { fake, call } = await setup(t, { api_key: 'guMCP stored it as token' });
  assert.equal(
    failure(await call('list_tasks')),
    'Not authenticated with apify: the stored credentials hold no Apify API token (field token). ' +
      'Re-authenticate with `gumcp auth apify`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('403 from a scoped token names the permission the call needs', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    `POST /v2/actors/${ACTOR}/runs`,
    error(403, 'insufficient-permissions', 'Insufficient permissions for the Actor'),
  );
  assert.equal(
    failure(await call('run_actor', { actor_id: ACTOR })),
    `Permission denied: the Apify token may not run actor ${ACTOR} (the Run permission on it): Insufficient ` +
      'permissions for the Actor. A scoped token needs that permission (Apify Console > Settings > API & ' +
      'Integrations); scoped tokens cannot create or modify Actors at all.',
  );
});

test('404 names what was not found and its id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/actor-tasks/${TASK_ID}`, error(404, 'record-not-found', 'Actor task was not found'));
  assert.equal(failure(await call('get_task', { task_id: TASK_ID })), `Actor task not found: ${TASK_ID}`);

  fake.route('POST /v2/actor-tasks', error(404, 'actor-not-found', 'Actor was not found'));
  assert.equal(
    failure(await call('create_task', { actor_id: 'janedoe~gone' })),
    'Actor not found: janedoe~gone',
  );

  fake.route(`DELETE /v2/datasets/${DATASET_ID}`, error(404, 'record-not-found', 'Dataset was not found'));
  assert.equal(
    failure(await call('delete_dataset', { dataset_id: DATASET_ID })),
    `Dataset not found: ${DATASET_ID}`,
  );
});

test('invalid input names the body argument and gives Apify’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    `POST /v2/actors/${ACTOR}/runs`,
    error(400, 'invalid-input', 'Input is not valid: Field input.startUrls is required'),
  );
  assert.equal(
    failure(await call('run_actor', { actor_id: ACTOR, body: {} })),
    `Invalid argument body: Apify rejected the request for actor ${ACTOR} (invalid-input): Input is not valid: ` +
      'Field input.startUrls is required',
  );
  assert.equal(fake.requests.length, 1);
});

test('a paid Actor without enough usage left says retrying will not help', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    `POST /v2/actors/${ACTOR}/runs`,
    error(
      402,
      'not-enough-usage-to-run-paid-actor',
      'By launching this job you will exceed the memory limit of 8192MB for all your Actor runs and builds',
    ),
  );
  assert.equal(
    failure(await call('run_actor', { actor_id: ACTOR })),
    `Apify refused to run actor ${ACTOR} (the Run permission on it): By launching this job you will exceed the ` +
      'memory limit of 8192MB for all your Actor runs and builds (not-enough-usage-to-run-paid-actor). Retrying ' +
      'will not help: check the plan, its usage limits and prepaid usage in Apify Console (Billing).',
  );
  assert.equal(fake.requests.length, 1);
});

test('429 is retried after Retry-After, then succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  const limited = error(
    429,
    'rate-limit-exceeded',
    'You have exceeded the rate limit of 60 requests per second',
  );
  fake.once('GET /v2/datasets', { ...limited, headers: { 'retry-after': '1' } }, limited);
  fake.route('GET /v2/datasets', { body: list([]) });

  data(await call('list_datasets'));

  assert.equal(fake.requests.length, 3);
  assert.equal(sleeps[0], 1000);
  assert.equal(sleeps.length, 2, 'the second wait is the backoff');
});

test('a 429 that persists says when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/datasets', {
    ...error(429, 'rate-limit-exceeded', 'You have exceeded the rate limit'),
    headers: { 'retry-after': '2' },
  });
  assert.match(
    failure(await call('list_datasets')),
    /^Rate limited by Apify \(at most 60 requests a second to one Actor, run or dataset\); try again in 2 s \(after \d{4}-\d\d-\d\dT[\d:.]+Z\)$/,
  );
  assert.equal(fake.requests.length, 3);
});

test('5xx on a read is retried, then reported without the body', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('GET /v2/actor-tasks', { status: 500, body: '<html>oops</html>' });
  fake.route('GET /v2/actor-tasks', { body: list([]) });
  data(await call('list_tasks'));
  assert.equal(fake.requests.length, 2);

  fake.route('GET /v2/actor-tasks', { status: 502, body: '<html>Bad gateway</html>' });
  assert.equal(failure(await call('list_tasks')), 'Apify failed (HTTP 502); try again later');
});

test('a message that echoes the token, or a URL with it, reaches the user cleaned of both', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'GET /v2/actors',
    error(
      400,
      'invalid-parameter',
      `Bad value in https://api.apify.com/v2/acts?token=${TOKEN}&limit=x (${TOKEN})`,
    ),
  );
  assert.equal(
    failure(await call('list_actors')),
    'Apify rejected the request for actors (invalid-parameter): Bad value in ' +
      'https://api.apify.com/v2/acts?token=[redacted]&limit=x ([redacted])',
  );
});
