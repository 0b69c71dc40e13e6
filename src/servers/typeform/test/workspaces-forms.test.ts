import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { formSummary, list, tfError, workspace } from './fake-typeform.js';
import { data, failure, setup, TOKEN } from './harness.js';

test('list_workspaces lists the workspaces, 200 a page, trimmed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /workspaces', { body: list([workspace('a1b2c3', 'My Workspace', { default: true })], 1) });

  const out = data(await call('list_workspaces'));

  assert.deepEqual(out, {
    count: 1,
    total: 1,
    more: false,
    workspaces: [
      {
        id: 'a1b2c3',
        name: 'My Workspace',
        default: true,
        shared: false,
        forms_count: 12,
        account_id: '01GZDBX3R8XHKW5XSXSZ0Q8W9E',
      },
    ],
  });
  const req = only(fake, 'GET', '/workspaces');
  assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
  assert.deepEqual(query(req), { page: '1', page_size: '200' });
});

test('the documentation’s array form of forms and self is read too', async (t) => {
  const { fake, call } = await setup(t);
  const documented = { ...workspace('w', 'W'), forms: [{ count: 3, href: 'x' }], self: [{ href: 'y' }] };
  fake.route('GET /workspaces', { body: list([documented], 1) });
  const out = data(await call('list_workspaces'));
  assert.equal((out.workspaces as { forms_count: number }[])[0]?.forms_count, 3);
});

test('pages are followed by number until page_count, up to max_results', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /workspaces', (req) => {
    const page = Number(req.query.get('page'));
    const items = Array.from({ length: 200 }, (_, i) => workspace(`w${(page - 1) * 200 + i}`, 'W'));
    return { body: list(items, 600, 3) };
  });

  const out = data(await call('list_workspaces', { max_results: 250 }));

  assert.equal(out.count, 250);
  assert.equal(out.more, true);
  assert.equal(out.total, 600);
  assert.deepEqual(
    fake.requests.map((r) => r.query.get('page')),
    ['1', '2'],
  );
});

test('list_forms_by_workspace reads the workspace, then its forms', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /workspaces/a1b2c3', { body: workspace('a1b2c3', 'Marketing') });
  fake.route('GET /forms', { body: list([formSummary('u6nXL7', 'Customer Feedback')], 1) });

  const out = data(await call('list_forms_by_workspace', { workspace_id: 'a1b2c3' }));

  assert.deepEqual(out, {
    workspace: { id: 'a1b2c3', name: 'Marketing' },
    count: 1,
    total: 1,
    more: false,
    forms: [
      {
        id: 'u6nXL7',
        title: 'Customer Feedback',
        created_at: '2024-01-10T12:34:56.000Z',
        last_updated_at: '2024-02-01T09:15:30.000Z',
        is_public: true,
        display_url: 'https://acme.typeform.com/to/u6nXL7',
        workspace_id: 'a1b2c3',
      },
    ],
  });
  assert.deepEqual(query(only(fake, 'GET', '/forms')), {
    workspace_id: 'a1b2c3',
    page: '1',
    page_size: '200',
  });
});

test('an unknown workspace is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /workspaces/nope', {
    status: 404,
    body: tfError('WORKSPACE_NOT_FOUND', 'Workspace not found'),
  });
  assert.equal(
    failure(await call('list_forms_by_workspace', { workspace_id: 'nope' })),
    'Workspace not found: nope',
  );
  assert.equal(fake.requests.length, 1);
});

test('search_forms uses Typeform’s search, in one workspace when given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /forms', { body: list([formSummary('u6nXL7', 'Customer Feedback')], 1) });

  const out = data(await call('search_forms', { query: 'feedback', workspace_id: 'a1b2c3' }));

  assert.equal(out.query, 'feedback');
  assert.equal(out.workspace_id, 'a1b2c3');
  assert.equal((out.forms as { id: string }[])[0]?.id, 'u6nXL7');
  assert.deepEqual(query(only(fake, 'GET', '/forms')), {
    search: 'feedback',
    workspace_id: 'a1b2c3',
    page: '1',
    page_size: '200',
  });
});

test('search_forms without a workspace searches all', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /forms', { body: list([], 0, 0) });
  const out = data(await call('search_forms', { query: 'x' }));
  assert.deepEqual(out, { query: 'x', workspace_id: null, count: 0, total: 0, more: false, forms: [] });
  assert.deepEqual(query(only(fake, 'GET', '/forms')), { search: 'x', page: '1', page_size: '200' });
});

test('wrong arguments name the argument and reach no service', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('search_forms', { query: '' })), /query/);
  assert.match(failure(await call('list_forms_by_workspace', { workspace_id: '../forms' })), /workspace_id/);
  assert.match(failure(await call('list_workspaces', { max_results: 5000 })), /max_results/);
  assert.equal(fake.requests.length, 0);
});
