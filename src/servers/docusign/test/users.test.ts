import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { USER_ID, user, userList } from './fake-docusign.js';
import { data, failure, onlyRequest, route, setup } from './harness.js';

test('create_user posts newUsers with isAdmin as DocuSign’s string and groupId as a group, and lists each result', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'users'), {
    status: 201,
    body: {
      newUsers: [
        {
          userId: 'u-1',
          uri: '/users/u-1',
          email: 'john@example.com',
          userName: 'John Doe',
          userStatus: 'ActivationSent',
          createdDateTime: '2026-11-30T02:50:00.0000000Z',
          membershipId: 'm-1',
        },
        {
          email: 'mary@example.com',
          userName: 'Mary Major',
          errorDetails: {
            errorCode: 'USER_ALREADY_EXISTS_IN_ACCOUNT',
            message: 'Username and email combination already exists for this account.',
          },
        },
      ],
    },
  });

  const out = data(
    await call('create_user', {
      users: [
        {
          userName: 'John Doe',
          email: 'john@example.com',
          firstName: 'John',
          lastName: 'Doe',
          isAdmin: false,
          groupId: '42',
          title: 'Counsel',
        },
        { userName: 'Mary Major', email: 'mary@example.com', permissionProfileId: '11111' },
      ],
    }),
  );

  assert.deepEqual(onlyRequest(fake).body, {
    newUsers: [
      {
        userName: 'John Doe',
        email: 'john@example.com',
        firstName: 'John',
        lastName: 'Doe',
        title: 'Counsel',
        isAdmin: 'false',
        groupList: [{ groupId: '42' }],
      },
      { userName: 'Mary Major', email: 'mary@example.com', permissionProfileId: '11111' },
    ],
  });
  assert.deepEqual(out, {
    users: [
      {
        userId: 'u-1',
        userName: 'John Doe',
        email: 'john@example.com',
        userStatus: 'ActivationSent',
        createdDateTime: '2026-11-30T02:50:00.0000000Z',
        error: null,
      },
      {
        userId: null,
        userName: 'Mary Major',
        email: 'mary@example.com',
        userStatus: null,
        createdDateTime: null,
        error: {
          errorCode: 'USER_ALREADY_EXISTS_IN_ACCOUNT',
          message: 'Username and email combination already exists for this account.',
        },
      },
    ],
    created: 1,
    failed: 1,
  });
});

test('create_user where DocuSign added nobody is an error naming each refusal', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'users'), {
    status: 201,
    body: {
      newUsers: [
        {
          email: 'bad@example.com',
          errorDetails: { errorCode: 'INVALID_EMAIL_ADDRESS', message: 'Invalid email address.' },
        },
      ],
    },
  });
  assert.equal(
    failure(await call('create_user', { users: [{ userName: 'Bad', email: 'bad@example.com' }] })),
    'DocuSign added none of the users: bad@example.com: INVALID_EMAIL_ADDRESS Invalid email address.',
  );
});

test('create_user is not retried after a 5xx, and says it may have gone through', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'users'), {
    status: 500,
    body: { errorCode: 'UNSPECIFIED_ERROR', message: 'Internal error' },
  });
  assert.equal(
    failure(await call('create_user', { users: [{ userName: 'John', email: 'john@example.com' }] })),
    'DocuSign failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('list_users maps username to user_name_substring and follows pages from start_position up to count', async (t) => {
  const { fake, call } = await setup(t);
  const all = Array.from({ length: 230 }, (_, i) => user(`u-${i}`, `User ${i}`));
  fake.route(route('GET', 'users'), (req) => {
    const start = Number(req.query.get('start_position'));
    const count = Number(req.query.get('count'));
    return { body: userList(all.slice(start, start + count), start, all.length) };
  });

  const out = data(
    await call('list_users', {
      username: 'User',
      email: 'x@example.com',
      status: 'Active',
      additional_info: 'group_information',
      count: 150,
      start_position: 10,
    }),
  );

  assert.deepEqual(query(fake.requests[0] ?? assert.fail()), {
    email: 'x@example.com',
    user_name_substring: 'User',
    status: 'Active',
    additional_info: 'true',
    start_position: '10',
    count: '100',
  });
  assert.deepEqual(
    fake.requests.map((r) => [r.query.get('start_position'), r.query.get('count')]),
    [
      ['10', '100'],
      ['110', '50'],
    ],
  );
  const users = out.users as { userId: string }[];
  assert.equal(users.length, 150);
  assert.equal(users[0]?.userId, 'u-10');
  assert.equal(out.totalSetSize, 230);
  assert.equal(out.nextStartPosition, 160);
});

test('list_users at the end says there is no next page', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'users'), { body: userList([user()], 0, 1) });
  const out = data(await call('list_users'));
  assert.equal(out.nextStartPosition, null);
  assert.deepEqual(query(onlyRequest(fake)), { start_position: '0', count: '100' });
});

test('get_user answers the user with booleans and numbers as such, and additional_info false is sent as false', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `users/${USER_ID}`), {
    body: user(USER_ID, 'Susan Smart', { groupList: [{ groupId: '1', groupName: 'Everyone' }] }),
  });

  const out = data(await call('get_user', { user_id: USER_ID, additional_info: false }));

  assert.deepEqual(query(onlyRequest(fake)), { additional_info: 'false' });
  assert.deepEqual(out, {
    userId: USER_ID,
    userName: 'Susan Smart',
    email: 'susan@example.com',
    firstName: 'Susan',
    lastName: 'Smart',
    title: null,
    userStatus: 'Active',
    userType: 'CompanyUser',
    isAdmin: true,
    permissionProfileId: '11111',
    permissionProfileName: 'Account Administrator',
    createdDateTime: '2024-02-01T12:00:00.0000000Z',
    lastLogin: '2026-11-28T08:00:00.0000000Z',
    groups: [{ groupId: '1', groupName: 'Everyone' }],
  });
});
