import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { permission, user } from './fake-jira.js';
import { data, only, route, SITE, setup } from './harness.js';

test('get_myself answers your account', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'myself'), { body: user() });

  assert.deepEqual(data(await call('get_myself', {})), {
    account_id: '5b10a2844c20165700ede21g',
    display_name: 'Mia Krystof',
    email: 'mia@example.com',
    active: true,
    time_zone: 'Australia/Sydney',
    locale: 'en_US',
    account_type: 'atlassian',
    site: SITE,
  });
  assert.deepEqual(query(only(fake, 'GET', 'myself')), {});
});

test('get_my_permissions checks guMCP’s four permissions by default, or the ones asked', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'mypermissions'), (req) => ({
    body: {
      permissions: Object.fromEntries(
        String(req.query.get('permissions'))
          .split(',')
          .map((key, i) => [key, permission(key, key.replace(/_/g, ' '), i % 2 === 0)]),
      ),
    },
  }));

  const out = data(await call('get_my_permissions', { project_key: 'EX' }));
  assert.deepEqual(out.permissions, [
    {
      key: 'BROWSE_PROJECTS',
      name: 'BROWSE PROJECTS',
      type: 'PROJECT',
      have_permission: true,
      description: 'Ability to browse projects.',
    },
    {
      key: 'CREATE_ISSUES',
      name: 'CREATE ISSUES',
      type: 'PROJECT',
      have_permission: false,
      description: 'Ability to create issues.',
    },
    {
      key: 'EDIT_ISSUES',
      name: 'EDIT ISSUES',
      type: 'PROJECT',
      have_permission: true,
      description: 'Ability to edit issues.',
    },
    {
      key: 'ASSIGN_ISSUES',
      name: 'ASSIGN ISSUES',
      type: 'PROJECT',
      have_permission: false,
      description: 'Ability to assign issues.',
    },
  ]);
  assert.equal(out.project_key, 'EX');

  data(
    await call('get_my_permissions', {
      project_key: 'EX',
      permissions: ['delete_issues', 'TRANSITION_ISSUES'],
    }),
  );

  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { projectKey: 'EX', permissions: 'BROWSE_PROJECTS,CREATE_ISSUES,EDIT_ISSUES,ASSIGN_ISSUES' },
      { projectKey: 'EX', permissions: 'DELETE_ISSUES,TRANSITION_ISSUES' },
    ],
  );
  assert.ok(fake.requests.every((r) => r.path.endsWith('/rest/api/3/mypermissions')));
});
