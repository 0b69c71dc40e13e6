import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { issueTypeStatuses, listedProject, project, user } from './fake-jira.js';
import { data, failure, only, route, SITE, setup } from './harness.js';

test('create_project posts the project with you as lead, and answers its key and address', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'myself'), { body: user('me-123', 'Me') });
  fake.route(route('POST', 'project'), {
    status: 201,
    body: { id: 10010, key: 'EX', self: 'https://acme.atlassian.net/rest/api/3/project/10010' },
  });

  const out = data(
    await call('create_project', {
      key: 'ex',
      name: 'Example',
      description: 'Cloud migration initiative',
      project_type_key: 'business',
      template_key: 'com.atlassian.jira-core-project-templates:jira-core-simplified-process-control',
    }),
  );

  assert.deepEqual(out, { id: '10010', key: 'EX', url: 'https://acme.atlassian.net/browse/EX', site: SITE });
  only(fake, 'GET', 'myself');
  assert.deepEqual(only(fake, 'POST', 'project').body, {
    key: 'EX',
    name: 'Example',
    projectTypeKey: 'business',
    leadAccountId: 'me-123',
    description: 'Cloud migration initiative',
    projectTemplateKey: 'com.atlassian.jira-core-project-templates:jira-core-simplified-process-control',
  });
});

test('create_project with a lead makes one request, and refuses a key Jira would refuse', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'project'), { status: 201, body: { id: 10011, key: 'OPS', self: 'x' } });

  data(
    await call('create_project', {
      key: 'OPS',
      name: 'Ops',
      project_type_key: 'software',
      lead_account_id: 'lead-1',
    }),
  );
  assert.deepEqual(only(fake, 'POST', 'project').body, {
    key: 'OPS',
    name: 'Ops',
    projectTypeKey: 'software',
    leadAccountId: 'lead-1',
  });

  assert.match(
    failure(await call('create_project', { key: '1-bad', name: 'x', project_type_key: 'software' })),
    /key: must be 2-10 uppercase letters/,
  );
  assert.match(
    failure(await call('create_project', { key: 'OK', name: 'x', project_type_key: 'kanban' })),
    /project_type_key/,
  );
  assert.equal(fake.requests.length, 1);
});

test('get_project answers the project trimmed: lead, type, issue types, components', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'project/EX'), { body: project('EX') });

  assert.deepEqual(data(await call('get_project', { project_key: 'EX' })), {
    id: '10000',
    key: 'EX',
    name: 'Project EX',
    url: 'https://acme.atlassian.net/browse/EX',
    description: 'This project was created as an example for REST.',
    project_type: 'software',
    style: 'classic',
    lead: { account_id: '5b10a2844c20165700ede21g', display_name: 'Mia Krystof' },
    issue_types: [
      { id: '3', name: 'Task', subtask: false },
      { id: '1', name: 'Bug', subtask: false },
    ],
    components: ['Component 1'],
    site: SITE,
  });
  assert.deepEqual(query(only(fake, 'GET', 'project/EX')), {});
});

test('update_project sends only what is given, and needs something to change', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('PUT', 'project/EX'), (req) => ({
    body: project('EX', { name: (req.body as { name: string }).name }),
  }));

  const out = data(
    await call('update_project', { project_key: 'EX', name: 'Renamed', lead_account_id: 'lead-2' }),
  );
  assert.equal(out.name, 'Renamed');
  assert.deepEqual(only(fake, 'PUT', 'project/EX').body, { name: 'Renamed', leadAccountId: 'lead-2' });

  assert.equal(
    failure(await call('update_project', { project_key: 'EX' })),
    'Invalid arguments: give at least one of name, description, lead_account_id',
  );
  assert.equal(fake.requests.length, 1);
});

test('delete_project moves the project to the trash (enableUndo)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('DELETE', 'project/EX'), { status: 204 });

  assert.deepEqual(data(await call('delete_project', { project_key: 'EX' })), {
    success: true,
    project_key: 'EX',
    message: 'Project EX moved to the Jira trash (restorable for 60 days)',
    site: SITE,
  });
  assert.deepEqual(query(only(fake, 'DELETE', 'project/EX')), { enableUndo: 'true' });
});

test('list_projects follows startAt pages until max_results', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'project/search'), (req) => {
    const startAt = Number(req.query.get('startAt'));
    const maxResults = Number(req.query.get('maxResults'));
    const values = Array.from({ length: maxResults }, (_, i) =>
      listedProject(`P${startAt + i}`, String(10000 + startAt + i)),
    );
    return { body: { isLast: false, maxResults, startAt, total: 500, values } };
  });

  const out = data(await call('list_projects', { max_results: 150 }));

  assert.equal(out.count, 150);
  assert.equal(out.more, true);
  const projects = out.projects as { key: string; url: string }[];
  assert.equal(projects[0]?.key, 'P0');
  assert.equal(projects[149]?.key, 'P149');
  assert.equal(projects[149]?.url, 'https://acme.atlassian.net/browse/P149');
  assert.deepEqual(fake.requests.map(query), [
    { startAt: '0', maxResults: '100', orderBy: 'key' },
    { startAt: '100', maxResults: '50', orderBy: 'key' },
  ]);
});

test('list_projects stops at the last page', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'project/search'), (req) => {
    const startAt = Number(req.query.get('startAt'));
    return {
      body: {
        isLast: startAt > 0,
        startAt,
        maxResults: 100,
        total: 102,
        values: [listedProject(`P${startAt}`, '1')],
      },
    };
  });
  const out = data(await call('list_projects', {}));
  assert.equal(out.count, 2);
  assert.equal(out.more, false);
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(fake.requests.map(query)[0], { startAt: '0', maxResults: '50', orderBy: 'key' });
});

test('get_issue_types_for_project answers each type with its statuses', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'project/EX/statuses'), { body: issueTypeStatuses() });

  assert.deepEqual(data(await call('get_issue_types_for_project', { project_key: 'EX' })), {
    project_key: 'EX',
    issue_types: [
      {
        id: '3',
        name: 'Task',
        subtask: false,
        statuses: [
          { id: '10000', name: 'In Progress', category: 'In Progress' },
          { id: '5', name: 'Closed', category: null },
        ],
      },
    ],
    site: SITE,
  });
  only(fake, 'GET', 'project/EX/statuses');
});
