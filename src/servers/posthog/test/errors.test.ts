import assert from 'node:assert/strict';
import { test } from 'node:test';
import { action, base, KEY, missingScope, notFound, page, throttled, unauthorized } from './fake-posthog.js';
import { CREDENTIALS, data, failure, setup } from './harness.js';

const LIST = `GET ${base()}/actions/`;
const listPage = (req: Parameters<typeof page>[0]) => ({ body: page(req, [action(1, 'A')], 1, null) });

test('401: the stored personal API key was refused, so sign in again; the key is not echoed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LIST, unauthorized());
  const message = failure(await call('list_actions'));
  assert.equal(
    message,
    'Not authenticated with posthog: PostHog rejected the stored personal API key (expired, rolled or deleted). ' +
      'Re-authenticate with `gumcp auth posthog`.',
  );
  assert.ok(!message.includes(KEY));
});

test('credentials without guMCP’s api_key field are a sign-in error, and nothing is sent', async (t) => {
  const { fake, call } = await setup(t, { token: KEY });
  assert.equal(
    failure(await call('list_actions')),
    'Not authenticated with posthog: the stored credentials hold no personal API key (field "api_key"). ' +
      'Re-authenticate with `gumcp auth posthog`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('403 for a missing scope names the scope and where to add it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${base()}/dashboards/`, missingScope('dashboard:write'));
  assert.equal(
    failure(await call('create_dashboard', { name: 'X' })),
    'PostHog denied creating dashboard "X": the personal API key lacks the scope "dashboard:write". Add it to the key ' +
      '(PostHog: Settings > Personal API keys) or create a key with it, then sign in again with `gumcp auth posthog`',
  );
});

test('403 for another reason gives PostHog’s words', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${base()}/dashboards/3/`, {
    status: 403,
    body: {
      type: 'authentication_error',
      code: 'permission_denied',
      detail: 'You don’t have edit permissions for this dashboard.',
      attr: null,
    },
  });
  assert.equal(
    failure(await call('update_dashboard', { dashboard_id: 3, name: 'Y' })),
    'PostHog denied updating dashboard 3: You don’t have edit permissions for this dashboard.',
  );
});

test('404 names what was not found and its id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${base()}/cohorts/404/`, notFound());
  assert.equal(failure(await call('get_cohort', { cohort_id: 404 })), 'Cohort not found: 404');
});

test('404 on a list names the project it was asked in', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LIST, notFound());
  assert.equal(failure(await call('list_actions')), 'Project not found: 4242');
});

test('429 with Retry-After is retried after the wait, then succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(LIST, throttled(1, { 'retry-after': '1' }));
  fake.route(LIST, listPage);
  data(await call('list_actions'));
  assert.deepEqual(sleeps, [1000]);
  assert.equal(fake.requests.length, 2);
});

test('a 429 that lasts says which limit and when to try again; a write met by one is retried (nothing was done)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LIST, throttled(3, { 'retry-after': '3' }));
  assert.equal(
    failure(await call('list_actions')),
    'Rate limited by PostHog (the API allows 480 requests a minute and 4,800 an hour); try again in 3 s',
  );
  assert.equal(fake.requests.length, 3);
  fake.route(`GET ${base()}/persons/`, throttled(90, { 'retry-after': '90' }));
  assert.equal(
    failure(await call('list_persons')),
    'Rate limited by PostHog (analytics endpoints (insights, persons) allow 240 requests a minute and 1,200 an hour); try again in 90 s',
  );

  fake.once(`POST ${base()}/actions/`, throttled(0, { 'retry-after': '0' }));
  fake.route(`POST ${base()}/actions/`, { status: 201, body: action(2, 'B') });
  data(await call('create_action', { name: 'B', steps: [{ event: 'b' }] }));
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 2);
});

test('reads are retried after a 5xx; a creation is not, and says to check before trying again', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(LIST, { status: 502, body: 'Bad gateway' });
  fake.route(LIST, listPage);
  data(await call('list_actions'));
  assert.equal(fake.requests.length, 2);

  fake.route(`POST ${base()}/cohorts/`, {
    status: 500,
    body: { type: 'server_error', code: 'error', detail: 'A server error occurred.', attr: null },
  });
  const groups = [{ properties: [{ key: 'plan', value: 'pro', type: 'person' }] }];
  assert.equal(
    failure(await call('create_cohort', { name: 'C', groups })),
    'PostHog failed (HTTP 500) while creating cohort "C": it may exist already; check with list_cohorts before trying again',
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 1);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let reads = 0;
  const { fake, call } = await setup(t, async () => ({
    ...CREDENTIALS,
    api_key: ++reads <= 1 ? 'phx_old_key_aaaaaaaa' : 'phx_new_key_bbbbbbbb',
  }));
  fake.route(LIST, listPage);
  data(await call('list_actions'));
  data(await call('list_actions'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer phx_old_key_aaaaaaaa', 'Bearer phx_new_key_bbbbbbbb'],
  );
});

test('a key PostHog repeats in an error detail is not passed on', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${base()}/annotations/`, {
    status: 400,
    body: {
      type: 'validation_error',
      code: 'invalid',
      detail: `Key ${KEY} cannot annotate`,
      attr: 'content',
    },
  });
  const message = failure(
    await call('create_annotation', {
      content: 'x',
      date_marker: '2025-01-01',
      scope: 'project',
      creation_type: 'USR',
    }),
  );
  assert.equal(
    message,
    'PostHog refused creating an annotation (HTTP 400): content: Key [key] cannot annotate',
  );
});
