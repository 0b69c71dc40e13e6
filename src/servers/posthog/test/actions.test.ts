import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { action, base, page } from './fake-posthog.js';
import { assertAuth, data, failure, setup } from './harness.js';

const ACTIONS = `${base()}/actions/`;

test('list_actions follows PostHog’s next links across pages up to limit and says where to continue', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ACTIONS}`, (req) => {
    const offset = Number(req.query.get('offset'));
    const size = Number(req.query.get('limit'));
    const all = Array.from({ length: 5 }, (_, i) => action(i + 1, `Action ${i + 1}`));
    const results = all.slice(offset, offset + size);
    return { body: page(req, results, all.length, offset + size < all.length ? offset + size : null) };
  });
  const out = data(await call('list_actions', { limit: 3, offset: 0 }));
  const actions = out.actions as { id: number; name: string; steps: unknown[]; created_by: string }[];
  assert.deepEqual(
    actions.map((a) => a.id),
    [1, 2, 3],
  );
  assert.equal(out.count, 5);
  assert.equal(out.next_offset, 3);
  assert.deepEqual(actions[0]?.steps, [{ event: '$pageview', url: '/signup', url_matching: 'contains' }]);
  assert.equal(actions[0]?.created_by, 'Ada Lovelace <ada@example.com>');
  // limit 3 asks pages of 3: the first page, then nothing more (3 reached).
  assert.equal(fake.requests.length, 1);
  const first = only(fake, 'GET', ACTIONS);
  assertAuth(first);
  assert.deepEqual(query(first), { limit: '3', offset: '0' });

  const rest = data(await call('list_actions', { limit: 3, offset: 3 }));
  assert.deepEqual(
    (rest.actions as { id: number }[]).map((a) => a.id),
    [4, 5],
  );
  assert.equal(rest.next_offset, null);
});

test('list_actions pages through two pages of PostHog’s size to reach a larger limit', async (t) => {
  const { fake, call } = await setup(t);
  const all = Array.from({ length: 150 }, (_, i) => action(i + 1, `A${i + 1}`));
  fake.route(`GET ${ACTIONS}`, (req) => {
    const offset = Number(req.query.get('offset'));
    const size = Number(req.query.get('limit'));
    return {
      body: page(
        req,
        all.slice(offset, offset + size),
        all.length,
        offset + size < all.length ? offset + size : null,
      ),
    };
  });
  const out = data(await call('list_actions', { limit: 120 }));
  assert.equal((out.actions as unknown[]).length, 120);
  assert.equal(out.next_offset, 120);
  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { limit: '100', offset: '0' },
      { limit: '100', offset: '100' },
    ],
  );
  for (const req of fake.requests) assertAuth(req);
});

test('a next link to another host is not followed with the key; the offset to continue is given instead', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ACTIONS}`, (req) => ({
    body: page(req, [action(1, 'A')], 2, 1, 'evil.example.com'),
  }));
  const out = data(await call('list_actions', { limit: 10 }));
  assert.equal((out.actions as unknown[]).length, 1);
  assert.equal(out.next_offset, 1);
  assert.equal(fake.requests.length, 1);
});

test('create_action posts the name, description and steps; one step object is taken as a list', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${ACTIONS}`, (req) => ({
    status: 201,
    body: action(9, 'Signed up', { steps: (req.body as { steps: unknown[] }).steps }),
  }));
  const out = data(
    await call('create_action', {
      name: 'Signed up',
      description: 'Finished sign-up',
      steps: { event: 'signed_up', properties: [{ key: 'plan', value: 'pro' }] },
    }),
  );
  const req = only(fake, 'POST', ACTIONS);
  assertAuth(req);
  assert.equal(req.headers['content-type'], 'application/json');
  assert.deepEqual(req.body, {
    name: 'Signed up',
    description: 'Finished sign-up',
    steps: [{ event: 'signed_up', properties: [{ key: 'plan', value: 'pro' }] }],
  });
  assert.equal(out.message, 'Created action "Signed up" (9).');
  assert.deepEqual((out.action as { steps: unknown }).steps, [
    { event: 'signed_up', properties: [{ key: 'plan', value: 'pro' }] },
  ]);
});

test('create_action refuses a step with nothing to match, naming the argument, and sends nothing', async (t) => {
  const { fake, call } = await setup(t);
  const message = failure(await call('create_action', { name: 'X', steps: [{ url_matching: 'exact' }] }));
  assert.match(message, /steps/);
  assert.match(message, /each step needs something to match/);
  assert.equal(fake.requests.length, 0);
});

test('get_action reads one action, with the record as PostHog gave it on full', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ACTIONS}12/`, { body: action(12, 'Checkout') });
  const out = data(await call('get_action', { action_id: 12, full: true }));
  assert.equal((out.action as { name: string }).name, 'Checkout');
  assert.equal((out.raw as { is_action: boolean }).is_action, true);
  assertAuth(only(fake, 'GET', `${ACTIONS}12/`));
});

test('update_action patches only what was given; a {key: value} properties map becomes exact conditions', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${ACTIONS}12/`, { body: action(12, 'Checkout v2') });
  const out = data(
    await call('update_action', {
      action_id: '12',
      name: 'Checkout v2',
      steps: [{ event: 'purchase', properties: { currency: 'EUR' } }],
    }),
  );
  const req = only(fake, 'PATCH', `${ACTIONS}12/`);
  assertAuth(req);
  assert.deepEqual(req.body, {
    name: 'Checkout v2',
    steps: [
      {
        event: 'purchase',
        properties: [{ key: 'currency', value: 'EUR', operator: 'exact', type: 'event' }],
      },
    ],
  });
  assert.equal(out.message, 'Updated action "Checkout v2" (12): name, steps.');
  assert.equal(
    failure(await call('update_action', { action_id: 12 })),
    'Give at least one of name, description, steps to change',
  );
});

test('a project_id argument works in that project instead of the one chosen at sign-in', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/projects/777/actions/', (req) => ({ body: page(req, [], 0, null) }));
  data(await call('list_actions', { project_id: 777 }));
  assert.equal(fake.requests[0]?.path, '/api/projects/777/actions/');
  assert.match(
    failure(await call('list_actions', { project_id: 'abc' })),
    /project_id[\s\S]*numeric id of the project/,
  );
});
