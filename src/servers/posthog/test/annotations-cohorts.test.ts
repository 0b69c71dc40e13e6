import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { annotation, base, cohort, page } from './fake-posthog.js';
import { assertAuth, data, failure, setup } from './harness.js';

const ANNOTATIONS = `${base()}/annotations/`;
const COHORTS = `${base()}/cohorts/`;

test('list_annotations passes the search and pages with limit and offset', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ANNOTATIONS}`, (req) => ({ body: page(req, [annotation(1), annotation(2)], 2, null) }));
  const out = data(await call('list_annotations', { search: 'launch', limit: 20 }));
  const req = only(fake, 'GET', ANNOTATIONS);
  assertAuth(req);
  assert.deepEqual(query(req), { search: 'launch', limit: '20', offset: '0' });
  assert.equal((out.annotations as unknown[]).length, 2);
  assert.deepEqual((out.annotations as Record<string, unknown>[])[0], {
    id: 1,
    content: 'Launched v2',
    date_marker: '2025-03-01T12:00:00Z',
    scope: 'project',
    creation_type: 'USR',
    dashboard_id: null,
    dashboard_name: null,
    insight_short_id: null,
    insight_name: null,
    updated_at: '2025-03-01T12:01:00Z',
    deleted: false,
    created_at: '2025-03-01T12:01:00Z',
    created_by: 'Ada Lovelace <ada@example.com>',
  });
  assert.equal(out.next_offset, null);
});

test('create_annotation posts the note with its scope; a dashboard scope takes dashboard_id, a date becomes midnight', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${ANNOTATIONS}`, {
    status: 201,
    body: annotation(5, { scope: 'dashboard', dashboard_id: 12 }),
  });
  const out = data(
    await call('create_annotation', {
      content: 'Pricing change',
      date_marker: '2025-03-01',
      scope: 'dashboard',
      dashboard_id: 12,
      creation_type: 'USR',
    }),
  );
  const req = only(fake, 'POST', ANNOTATIONS);
  assertAuth(req);
  assert.deepEqual(req.body, {
    content: 'Pricing change',
    date_marker: '2025-03-01T00:00:00Z',
    scope: 'dashboard',
    creation_type: 'USR',
    dashboard_id: 12,
  });
  assert.equal(out.message, 'Added annotation 5 at 2025-03-01T12:00:00Z (dashboard).');
});

test('create_annotation names the missing id of its scope and a date it cannot read, and sends nothing', async (t) => {
  const { fake, call } = await setup(t);
  const args = { content: 'x', date_marker: '2025-03-01', creation_type: 'GIT' };
  assert.equal(
    failure(await call('create_annotation', { ...args, scope: 'dashboard' })),
    'dashboard_id: required when scope is dashboard',
  );
  assert.equal(
    failure(await call('create_annotation', { ...args, scope: 'dashboard_item' })),
    'insight_id: required when scope is dashboard_item',
  );
  assert.match(
    failure(await call('create_annotation', { ...args, scope: 'project', date_marker: 'next week' })),
    /date_marker/,
  );
  assert.equal(fake.requests.length, 0);
});

test('get_annotation and update_annotation read and patch one annotation', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ANNOTATIONS}5/`, { body: annotation(5) });
  fake.route(`PATCH ${ANNOTATIONS}5/`, { body: annotation(5, { content: 'Launched v2.1' }) });
  const got = data(await call('get_annotation', { annotation_id: 5 }));
  assert.equal(got.message, 'Annotation 5: Launched v2');
  assertAuth(only(fake, 'GET', `${ANNOTATIONS}5/`));
  const updated = data(
    await call('update_annotation', { annotation_id: 5, content: 'Launched v2.1', scope: 'organization' }),
  );
  const req = only(fake, 'PATCH', `${ANNOTATIONS}5/`);
  assertAuth(req);
  assert.deepEqual(req.body, { content: 'Launched v2.1', scope: 'organization' });
  assert.equal((updated.annotation as { content: string }).content, 'Launched v2.1');
});

test('list_cohorts gives summaries with sizes', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${COHORTS}`, (req) => ({ body: page(req, [cohort(3, 'Pro users')], 1, null) }));
  const out = data(await call('list_cohorts'));
  assert.deepEqual((out.cohorts as Record<string, unknown>[])[0], {
    id: 3,
    name: 'Pro users',
    description: 'Paying customers',
    is_static: false,
    count: 128,
    is_calculating: false,
    last_calculation: '2025-01-05T08:05:00Z',
    deleted: false,
    created_at: '2025-01-05T08:00:00Z',
    created_by: 'Ada Lovelace <ada@example.com>',
  });
  assert.deepEqual(query(only(fake, 'GET', COHORTS)), { limit: '100', offset: '0' });
});

test('create_cohort posts guMCP’s match groups; get_cohort shows them with the member count', async (t) => {
  const { fake, call } = await setup(t);
  const groups = [{ properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'person' }] }];
  fake.route(`POST ${COHORTS}`, {
    status: 201,
    body: cohort(3, 'Pro users', { is_calculating: true, count: null }),
  });
  fake.route(`GET ${COHORTS}3/`, { body: cohort(3, 'Pro users') });
  const created = data(await call('create_cohort', { name: 'Pro users', groups, description: 'Paying' }));
  const req = only(fake, 'POST', COHORTS);
  assertAuth(req);
  assert.deepEqual(req.body, { name: 'Pro users', description: 'Paying', groups });
  assert.equal(created.message, 'Created cohort "Pro users" (3); PostHog is counting its members.');
  const got = data(await call('get_cohort', { cohort_id: 3 }));
  assert.deepEqual((got.cohort as { groups: unknown }).groups, groups);
  assert.equal(got.message, 'Cohort "Pro users" (3): 128 persons.');
  assertAuth(only(fake, 'GET', `${COHORTS}3/`));
});

test('update_cohort patches what was given; delete_cohort marks it deleted (PostHog refuses DELETE)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${COHORTS}3/`, (req) => ({
    body: cohort(3, 'Pro', req.body as Record<string, unknown>),
  }));
  data(await call('update_cohort', { cohort_id: 3, name: 'Pro', is_static: false }));
  const out = data(await call('delete_cohort', { cohort_id: 3 }));
  const [update, removal] = fake.requests;
  assert.deepEqual(update?.body, { name: 'Pro', is_static: false });
  assert.deepEqual(removal?.body, { deleted: true });
  assert.equal(removal?.method, 'PATCH');
  assert.deepEqual(out, { deleted: true, cohort_id: '3', message: 'Deleted cohort 3.' });
});

test('a cohort condition with an unknown type is refused before PostHog is asked', async (t) => {
  const { fake, call } = await setup(t);
  const message = failure(
    await call('create_cohort', {
      name: 'X',
      groups: [{ properties: [{ key: 'a', value: 1, type: 'planet' }] }],
    }),
  );
  assert.match(message, /groups/);
  assert.equal(fake.requests.length, 0);
});
