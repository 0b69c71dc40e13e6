import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { base, collaborator, dashboard, dashboardBasic, page, sharing, USER_UUID } from './fake-posthog.js';
import { assertAuth, data, failure, setup } from './harness.js';

const DASHBOARDS = `${base()}/dashboards/`;

test('list_dashboards gives summaries with who may edit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${DASHBOARDS}`, (req) => ({ body: page(req, [dashboardBasic(12, 'Growth')], 1, null) }));
  const out = data(await call('list_dashboards'));
  const [d] = out.dashboards as Record<string, unknown>[];
  assert.equal(d?.name, 'Growth');
  assert.equal(d?.restriction, 'only those invited can edit');
  assert.deepEqual(d?.tags, ['growth']);
  assertAuth(only(fake, 'GET', DASHBOARDS));
});

test('create_dashboard posts name, description and filters; get_dashboard lists its tiles', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${DASHBOARDS}`, { status: 201, body: dashboard(12, 'Growth', { tiles: [] }) });
  fake.route(`GET ${DASHBOARDS}12/`, { body: dashboard(12, 'Growth') });
  const created = data(
    await call('create_dashboard', { name: 'Growth', description: 'Weekly', filters: { date_from: '-30d' } }),
  );
  assert.deepEqual(only(fake, 'POST', DASHBOARDS).body, {
    name: 'Growth',
    description: 'Weekly',
    filters: { date_from: '-30d' },
  });
  assert.equal(created.message, 'Created dashboard "Growth" (12).');
  const got = data(await call('get_dashboard', { dashboard_id: 12 }));
  assert.deepEqual((got.dashboard as { tiles: unknown }).tiles, [
    { id: 301, insight_id: 77, insight_short_id: 'aBcD1234', insight_name: 'Signups', text: null },
    { id: 302, insight_id: null, insight_short_id: null, insight_name: null, text: '## Notes' },
  ]);
  assert.equal(got.message, 'Dashboard "Growth" (12) with 2 tiles.');
  assertAuth(only(fake, 'GET', `${DASHBOARDS}12/`));
});

test('update_dashboard patches what was given; delete_dashboard marks it deleted', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${DASHBOARDS}12/`, { body: dashboard(12, 'Growth 2') });
  data(await call('update_dashboard', { dashboard_id: 12, name: 'Growth 2' }));
  const out = data(await call('delete_dashboard', { dashboard_id: 12 }));
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.body]),
    [
      ['PATCH', { name: 'Growth 2' }],
      ['PATCH', { deleted: true }],
    ],
  );
  for (const req of fake.requests) assertAuth(req);
  assert.equal(out.message, 'Deleted dashboard 12; its insights stay.');
});

test('collaborators: listed with their level, added with PostHog’s number for the level given in words', async (t) => {
  const { fake, call } = await setup(t);
  const path = `${DASHBOARDS}12/collaborators/`;
  fake.route(`GET ${path}`, { body: [collaborator()] });
  fake.route(`POST ${path}`, { status: 201, body: collaborator() });
  const listed = data(await call('list_dashboard_collaborators', { dashboard_id: 12 }));
  assert.deepEqual(listed.collaborators, [
    {
      user_uuid: USER_UUID,
      user: 'Ada Lovelace <grace@example.com>',
      level: 37,
      level_name: 'can edit',
      added_at: '2025-04-02T08:00:00Z',
    },
  ]);
  const added = data(
    await call('add_dashboard_collaborator', { dashboard_id: 12, user_uuid: USER_UUID, level: 'edit' }),
  );
  const req = only(fake, 'POST', path);
  assertAuth(req);
  assert.deepEqual(req.body, { user_uuid: USER_UUID, level: 37 });
  assert.equal(added.message, 'Ada Lovelace <grace@example.com> can edit dashboard 12.');
  assert.match(
    failure(await call('add_dashboard_collaborator', { dashboard_id: 12, user_uuid: USER_UUID, level: 5 })),
    /level/,
  );
});

test('PostHog’s refusal of a collaborator names the argument from its attr', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${DASHBOARDS}12/collaborators/`, {
    status: 400,
    body: {
      type: 'validation_error',
      code: 'invalid_input',
      detail: 'Only edit access can be explicitly specified currently.',
      attr: 'level',
    },
  });
  assert.equal(
    failure(await call('add_dashboard_collaborator', { dashboard_id: 12, user_uuid: USER_UUID, level: 21 })),
    'PostHog refused adding a collaborator to dashboard 12 (HTTP 400): level: Only edit access can be explicitly specified currently.',
  );
});

test('get_dashboard_sharing gives the public link when sharing is on', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${DASHBOARDS}12/sharing/`, { body: [sharing(true)] });
  const out = data(await call('get_dashboard_sharing', { dashboard_id: 12 }));
  assert.deepEqual(out.sharing, {
    enabled: true,
    access_token: 'shAreT0ken_x1',
    shared_url: 'https://us.posthog.com/shared/shAreT0ken_x1',
    password_required: false,
    created_at: '2025-04-03T08:00:00Z',
  });
  assertAuth(only(fake, 'GET', `${DASHBOARDS}12/sharing/`));
});
