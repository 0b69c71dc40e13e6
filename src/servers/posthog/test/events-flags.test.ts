import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { flagsAnswer, KEY, me, ORG, PROJECT, PROJECT_TOKEN, project } from './fake-posthog.js';
import { assertAuth, assertIngest, data, failure, setup } from './harness.js';

const CAPTURE = 'POST /i/v0/e/';
const ok = { body: { status: 1 } };

test('capture_event sends the event to /i/v0/e/ with the stored project API key, a uuid and a timestamp', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(CAPTURE, ok);
  const out = data(
    await call('capture_event', {
      distinct_id: 'user-1',
      event: 'signed_up',
      properties: { plan: 'pro' },
      timestamp: '2025-04-01T10:00:00Z',
    }),
  );
  const req = only(fake, 'POST', '/i/v0/e/');
  assertIngest(req);
  const body = req.body as Record<string, unknown>;
  assert.deepEqual(
    { ...body, uuid: undefined },
    {
      api_key: PROJECT_TOKEN,
      event: 'signed_up',
      distinct_id: 'user-1',
      properties: { plan: 'pro' },
      timestamp: '2025-04-01T10:00:00Z',
      uuid: undefined,
    },
  );
  assert.match(String(body.uuid), /^[0-9a-f-]{36}$/);
  assert.equal(out.uuid, body.uuid);
  assert.equal(out.project_id, PROJECT);
  assert.equal(out.message, 'Captured "signed_up" for user-1.');
});

test('a capture that meets a 503 is sent again with the same uuid and timestamp, so PostHog stores it once', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(CAPTURE, { status: 503, body: 'upstream unavailable' });
  fake.route(CAPTURE, ok);
  data(await call('capture_event', { distinct_id: 'user-1', event: 'paid' }));
  const sent = fake.requests
    .filter((r) => r.path === '/i/v0/e/')
    .map((r) => r.body as Record<string, unknown>);
  assert.equal(sent.length, 2);
  assert.equal(sent[0]?.uuid, sent[1]?.uuid);
  assert.equal(sent[0]?.timestamp, sent[1]?.timestamp);
});

test('identify_user sends $identify with $set; group_identify sends $groupidentify with $group_set', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(CAPTURE, ok);
  const identified = data(
    await call('identify_user', { distinct_id: 'user-1', properties: { email: 'a@b.c' } }),
  );
  const grouped = data(
    await call('group_identify', { group_type: 'company', group_key: 'acme', properties: { seats: 40 } }),
  );
  const [first, second] = fake.requests.map((r) => r.body as Record<string, unknown>);
  assert.equal(first?.event, '$identify');
  assert.equal(first?.distinct_id, 'user-1');
  assert.deepEqual(first?.properties, { $set: { email: 'a@b.c' } });
  assert.equal(second?.event, '$groupidentify');
  assert.equal(second?.distinct_id, '$company_acme');
  assert.deepEqual(second?.properties, {
    $group_type: 'company',
    $group_key: 'acme',
    $group_set: { seats: 40 },
  });
  for (const req of fake.requests) assertIngest(req);
  assert.equal(identified.message, 'Set 1 properties on user-1.');
  assert.equal(grouped.group_key, 'acme');
});

test('capture_group_event adds the group to $groups beside the event’s properties', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(CAPTURE, ok);
  data(
    await call('capture_group_event', {
      distinct_id: 'user-1',
      event: 'report_exported',
      group_type: 'company',
      group_key: 'acme',
      properties: { format: 'csv' },
    }),
  );
  const body = only(fake, 'POST', '/i/v0/e/').body as Record<string, unknown>;
  assert.deepEqual(body.properties, { format: 'csv', $groups: { company: 'acme' } });
});

test('without a stored project API key, capture looks up the current project once per key (GET /api/users/@me/)', async (t) => {
  const { fake, call } = await setup(t, { api_key: KEY });
  fake.route('GET /api/users/@me/', { body: me() });
  fake.route(CAPTURE, ok);
  data(await call('capture_event', { distinct_id: 'u', event: 'e' }));
  data(await call('capture_event', { distinct_id: 'u', event: 'e' }));
  assert.equal(fake.requests.filter((r) => r.path === '/api/users/@me/').length, 1);
  assertAuth(only(fake, 'GET', '/api/users/@me/'));
  for (const req of fake.requests.filter((r) => r.path === '/i/v0/e/')) assertIngest(req);
});

test('for another project, its project API key is looked up in the organization; a given one is used as is', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /api/organizations/${ORG}/projects/99/`, {
    body: project('99', 'Staging', 'phc_staging_token_1'),
  });
  fake.route(CAPTURE, ok);
  data(await call('capture_event', { distinct_id: 'u', event: 'e', project_id: 99 }));
  assertIngest(only(fake, 'POST', '/i/v0/e/'), 'phc_staging_token_1');
  assertAuth(only(fake, 'GET', `/api/organizations/${ORG}/projects/99/`));
  assert.equal(fake.requests.length, 2, 'the stored organization is used: no look-up of the current project');

  fake.requests.length = 0;
  data(await call('capture_event', { distinct_id: 'u', event: 'e', project_api_token: 'phc_given_token_2' }));
  assert.equal(fake.requests.length, 1);
  assertIngest(only(fake, 'POST', '/i/v0/e/'), 'phc_given_token_2');
});

test('a project API key PostHog refuses says to pass project_api_token or sign in again, without echoing it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(CAPTURE, {
    status: 401,
    body: {
      type: 'authentication_error',
      code: 'invalid_api_key',
      detail: 'Project API key invalid.',
      attr: null,
    },
  });
  const message = failure(await call('capture_event', { distinct_id: 'u', event: 'e' }));
  assert.match(message, /refused the project API key while capturing event "e".*pass project_api_token/);
  assert.ok(!message.includes(PROJECT_TOKEN) && !message.includes(KEY));
});

test('check_feature_flag evaluates with POST /flags?v=2, the person’s properties and groups', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /flags', { body: flagsAnswer() });
  const out = data(
    await call('check_feature_flag', {
      distinct_id: 'user-1',
      flag_key: 'new-button',
      properties: { plan: 'pro' },
      groups: { company: 'acme' },
    }),
  );
  const req = only(fake, 'POST', '/flags');
  assertIngest(req);
  assert.deepEqual(query(req), { v: '2' });
  assert.deepEqual(req.body, {
    api_key: PROJECT_TOKEN,
    distinct_id: 'user-1',
    person_properties: { plan: 'pro' },
    groups: { company: 'acme' },
  });
  assert.equal(out.is_enabled, true);
  assert.equal(out.variant, 'test');
  assert.equal(out.reason, 'Matched condition set 1');
  assert.equal(out.message, 'Flag "new-button" is on for user-1 (variant "test").');

  const missing = data(await call('check_feature_flag', { distinct_id: 'user-1', flag_key: 'gone' }));
  assert.equal(missing.found, false);
  assert.equal(missing.is_enabled, false);
});

test('get_feature_flag_payload parses the JSON payload; an off flag gives none', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /flags', { body: flagsAnswer() });
  const on = data(await call('get_feature_flag_payload', { distinct_id: 'u', flag_key: 'new-button' }));
  assert.deepEqual(on.payload, { color: 'green' });
  const [first] = fake.requests;
  assert.ok(first);
  assertIngest(first);
  assert.deepEqual(query(first), { v: '2' });
  assert.deepEqual(first.body, { api_key: PROJECT_TOKEN, distinct_id: 'u' });
  const off = data(await call('get_feature_flag_payload', { distinct_id: 'u', flag_key: 'beta-page' }));
  assert.equal(off.payload, null);
  assert.equal(off.message, 'Flag "beta-page" gives u no payload.');
});

test('get_all_flags maps every flag to its value and says when PostHog could not compute some', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /flags', { body: { ...flagsAnswer(), errorsWhileComputingFlags: true } });
  const out = data(await call('get_all_flags', { distinct_id: 'u', properties: { plan: 'pro' } }));
  const req = only(fake, 'POST', '/flags');
  assertIngest(req);
  assert.deepEqual(req.body, {
    api_key: PROJECT_TOKEN,
    distinct_id: 'u',
    person_properties: { plan: 'pro' },
  });
  assert.deepEqual(out.flags, { 'new-button': 'test', 'beta-page': false });
  assert.deepEqual(out.enabled, ['new-button']);
  assert.equal(out.errors_while_computing, true);
  assert.equal(
    out.message,
    '1 of 2 flags on for u. PostHog could not evaluate some flags; they read as off.',
  );
});

test('an older instance answering featureFlags maps is read as well', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /flags', {
    body: {
      featureFlags: { a: true, b: 'variant-b' },
      featureFlagPayloads: { b: '[1,2]' },
      errorsWhileComputingFlags: false,
    },
  });
  const out = data(await call('get_feature_flag_payload', { distinct_id: 'u', flag_key: 'b' }));
  assert.deepEqual(out.payload, [1, 2]);
  assert.equal(out.variant, 'variant-b');
});
