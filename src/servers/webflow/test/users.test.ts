import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { error, paged, SITE_ID, user } from './fake-webflow.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const USERS = `/v2/sites/${SITE_ID}/users`;
const USER_ID = '6287ec36a841b25637c663df';

const USER = {
  id: USER_ID,
  email: 'arthur.dent@earthling.com',
  name: 'Arthur Dent',
  status: 'verified',
  isEmailVerified: true,
  accessGroups: [{ slug: 'heart-of-gold-crew', type: 'admin' }],
  createdOn: '2022-05-17T03:34:06.720Z',
  invitedOn: null,
  lastLogin: null,
  lastUpdated: '2022-05-17T03:34:06.720Z',
  data: {
    'accept-privacy': false,
    'accept-communications': false,
    email: 'arthur.dent@earthling.com',
    name: 'Arthur Dent',
  },
};

test('list_users pages with the users list’s top-level total, and sorts', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${USERS}`, paged('users', [user(USER_ID)], true));
  const out = data(await call('list_users', { site_id: SITE_ID, sort: '-CreatedOn', limit: 5 }));
  assert.deepEqual(query(onlyRequest(fake)), { sort: '-CreatedOn', offset: '0', limit: '5' });
  assert.deepEqual(out, { count: 1, offset: 0, total: 1, next_offset: null, users: [USER] });
});

test('get_user, delete_user and invite_user call the user endpoints', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${USERS}/${USER_ID}`, { body: user(USER_ID) });
  fake.route(`DELETE ${USERS}/${USER_ID}`, { status: 204 });
  fake.route(`POST ${USERS}/invite`, (req) => ({
    body: user('new-user', {
      status: 'invited',
      isEmailVerified: false,
      invitedOn: '2024-01-01T00:00:00.000Z',
      data: { data: { email: (req.body as { email: string }).email } },
    }),
  }));
  assert.deepEqual(data(await call('get_user', { site_id: SITE_ID, user_id: USER_ID })), USER);
  assert.deepEqual(data(await call('delete_user', { site_id: SITE_ID, user_id: USER_ID })), {
    deleted: true,
    site_id: SITE_ID,
    user_id: USER_ID,
  });
  const invited = data(
    await call('invite_user', { site_id: SITE_ID, email: 'ford@betelgeuse.org', accessGroups: ['crew'] }),
  );
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    [`GET ${USERS}/${USER_ID}`, `DELETE ${USERS}/${USER_ID}`, `POST ${USERS}/invite`],
  );
  assert.deepEqual(fake.requests[2]?.body, { email: 'ford@betelgeuse.org', accessGroups: ['crew'] });
  // The description nests the user's fields as data.data; that shape is read too.
  assert.equal(invited.email, 'ford@betelgeuse.org');
  assert.equal(invited.status, 'invited');
});

test('invite_user checks the email address before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('invite_user', { site_id: SITE_ID, email: 'not-an-email' })), /email/);
  assert.equal(fake.requests.length, 0);
});

test('since Webflow switched User Accounts off, a 404 from the users API says so', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${USERS}`, {
    status: 404,
    body: error('resource_not_found', 'Requested resource not found'),
  });
  fake.route(`GET ${USERS}/${USER_ID}`, { status: 404, body: error('user_not_found', 'User not found') });
  fake.route(`POST ${USERS}/invite`, {
    status: 400,
    body: error('users_not_enabled', 'Users are not enabled'),
  });
  assert.equal(
    failure(await call('list_users', { site_id: SITE_ID })),
    'Webflow disabled User Accounts on all sites on 29 January 2026, and its users endpoints no longer answer ' +
      '(HTTP 404, resource_not_found).',
  );
  assert.match(
    failure(await call('get_user', { site_id: SITE_ID, user_id: USER_ID })),
    new RegExp(`^User not found: ${USER_ID} on site ${SITE_ID}\\. Webflow disabled User Accounts`),
  );
  assert.match(
    failure(await call('invite_user', { site_id: SITE_ID, email: 'a@b.co' })),
    /users_not_enabled/,
  );
});

test('every user tool says Webflow switched User Accounts off', async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  for (const name of ['list_users', 'get_user', 'delete_user', 'invite_user']) {
    assert.match(tools.find((tool) => tool.name === name)?.description ?? '', /29 January 2026/, name);
  }
});
