import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { base, experiment, page, person } from './fake-posthog.js';
import { assertAuth, data, failure, setup } from './harness.js';

const PERSONS = `${base()}/persons/`;
const EXPERIMENTS = `${base()}/experiments/`;

test('list_persons sends the search and property filters as PostHog’s JSON list', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PERSONS}`, (req) => ({ body: page(req, [person(1)], 1, null) }));
  const out = data(
    await call('list_persons', {
      search: 'ada@',
      properties: ['plan=pro', 'email', { key: 'age', value: 30, operator: 'gt' }],
      limit: 10,
    }),
  );
  const req = only(fake, 'GET', PERSONS);
  assertAuth(req);
  const q = query(req);
  assert.equal(q.search, 'ada@');
  assert.deepEqual(JSON.parse(String(q.properties)), [
    { key: 'plan', value: 'pro', operator: 'exact', type: 'person' },
    { key: 'email', operator: 'is_set', value: 'is_set', type: 'person' },
    { type: 'person', operator: 'gt', key: 'age', value: 30 },
  ]);
  assert.deepEqual((out.persons as Record<string, unknown>[])[0], {
    id: '1',
    uuid: '0189d7e2-6b8f-0000-aaaa-bbbbccccdddd',
    name: 'ada@example.com',
    distinct_ids: ['ada-distinct', 'anon-123'],
    distinct_id_count: 2,
    properties: { email: 'ada@example.com', plan: 'pro' },
    created_at: '2025-01-01T00:00:00Z',
  });
});

test('get_person reads by id or UUID, and finds a person by a distinct id through the list', async (t) => {
  const { fake, call } = await setup(t);
  const uuid = '0189d7e2-6b8f-0000-aaaa-bbbbccccdddd';
  fake.route(`GET ${PERSONS}${uuid}/`, { body: person(1) });
  fake.route(`GET ${PERSONS}`, (req) => ({
    body: page(req, req.query.get('distinct_id') === 'anon-123' ? [person(1)] : [], 1, null),
  }));
  const byUuid = data(await call('get_person', { person_id: uuid, full: true }));
  assert.equal(byUuid.matched_by, 'id');
  assert.equal((byUuid.raw as { id: number }).id, 1);
  const byDistinct = data(await call('get_person', { person_id: 'anon-123' }));
  assert.equal(byDistinct.matched_by, 'distinct_id');
  const lookup = fake.requests[1];
  assert.ok(lookup);
  assert.deepEqual(query(lookup), { distinct_id: 'anon-123', limit: '1', offset: '0' });
  assert.equal(failure(await call('get_person', { person_id: 'nobody@x' })), 'Person not found: nobody@x');
});

test('list_experiments gives each experiment’s flag and status', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${EXPERIMENTS}`, (req) => ({
    body: page(
      req,
      [experiment(8, 'Button'), experiment(9, 'Pricing', { start_date: '2025-03-01T00:00:00Z' })],
      2,
      null,
    ),
  }));
  const out = data(await call('list_experiments'));
  assert.deepEqual(
    (out.experiments as { id: number; status: string; feature_flag_key: string }[]).map((e) => [
      e.id,
      e.status,
      e.feature_flag_key,
    ]),
    [
      [8, 'draft', 'new-button'],
      [9, 'running', 'new-button'],
    ],
  );
  assertAuth(only(fake, 'GET', EXPERIMENTS));
});

test('create_experiment posts only what was given; get_experiment shows variants', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${EXPERIMENTS}`, { status: 201, body: experiment(8, 'Button') });
  fake.route(`GET ${EXPERIMENTS}8/`, { body: experiment(8, 'Button') });
  const variants = [
    { key: 'control', rollout_percentage: 50 },
    { key: 'test', rollout_percentage: 50 },
  ];
  const created = data(
    await call('create_experiment', {
      name: 'Button',
      feature_flag_key: 'new-button',
      parameters: { feature_flag_variants: variants, minimum_detectable_effect: 5 },
    }),
  );
  const req = only(fake, 'POST', EXPERIMENTS);
  assertAuth(req);
  assert.deepEqual(req.body, {
    name: 'Button',
    feature_flag_key: 'new-button',
    parameters: { feature_flag_variants: variants, minimum_detectable_effect: 5 },
  });
  assert.equal(created.message, 'Created draft experiment "Button" (8) on flag "new-button".');
  const got = data(await call('get_experiment', { experiment_id: 8 }));
  const e = got.experiment as Record<string, unknown>;
  assert.deepEqual(e.parameters, { feature_flag_variants: variants });
  assert.deepEqual(e.feature_flag, { id: 55, key: 'new-button', active: true });
  assertAuth(only(fake, 'GET', `${EXPERIMENTS}8/`));
  assert.match(
    failure(await call('create_experiment', { name: 'X', feature_flag_key: 'has space' })),
    /feature_flag_key/,
  );
});

test('update_experiment patches only what was given (guMCP erased parameters it was not given)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${EXPERIMENTS}8/`, { body: experiment(8, 'Button v2') });
  data(await call('update_experiment', { experiment_id: 8, name: 'Button v2' }));
  assert.deepEqual(only(fake, 'PATCH', `${EXPERIMENTS}8/`).body, { name: 'Button v2' });
});

test('check_experiments_requiring_flag lists the experiments whose flag is not called yet', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${EXPERIMENTS}requires_flag_implementation/`, { body: [experiment(8, 'Button')] });
  const out = data(await call('check_experiments_requiring_flag'));
  assert.equal((out.experiments as unknown[]).length, 1);
  assert.equal(out.message, '1 experiments need their feature flag implemented.');
  assertAuth(only(fake, 'GET', `${EXPERIMENTS}requires_flag_implementation/`));
});
