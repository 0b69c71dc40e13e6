import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALICE, BOB, DESIGN, REPLY, reply, T0, THREAD, thread } from './fake-canva.js';
import { assertRequest, data, failure, setup } from './harness.js';

const COMMENTS = `/rest/v1/designs/${DESIGN}/comments`;
const REPLIES = `${COMMENTS}/${THREAD}/replies`;

test('get_user_profile and get_user_details read /users/me/profile and /users/me', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /rest/v1/users/me/profile', { body: { profile: { display_name: 'Alice Martin' } } });
  fake.route('GET /rest/v1/users/me', {
    body: { team_user: { user_id: 'auDAbliZ2rQNNOsUl5ZD', team_id: 'Oi2RJILTrKk0KRhRUZozX' } },
  });
  assert.deepEqual(data(await call('get_user_profile')), { display_name: 'Alice Martin' });
  assert.deepEqual(data(await call('get_user_details')), {
    user_id: 'auDAbliZ2rQNNOsUl5ZD',
    team_id: 'Oi2RJILTrKk0KRhRUZozX',
  });
  assertRequest(fake.requests[0], { method: 'GET', path: '/rest/v1/users/me/profile' });
  assertRequest(fake.requests[1], { method: 'GET', path: '/rest/v1/users/me' });
});

test('get_thread gives the comment, its author, assignee and times', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${COMMENTS}/${THREAD}`, { body: { thread: thread() } });
  const result = data(await call('get_thread', { design_id: DESIGN, thread_id: THREAD }));
  assertRequest(fake.requests[0], { method: 'GET', path: `${COMMENTS}/${THREAD}` });
  assert.deepEqual(result, {
    id: THREAD,
    design_id: DESIGN,
    type: 'comment',
    message: 'Great work [oUnPjZ2k2yuhftbWF7873o:oBpVhLW22VrqtwKgaayRbP]!',
    author: ALICE,
    assignee: BOB,
    resolver: null,
    created_at: new Date(T0 * 1000).toISOString(),
    updated_at: new Date(T0 * 1000).toISOString(),
  });
});

test('a suggestion thread has no message but its status', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${COMMENTS}/${THREAD}`, {
    body: {
      thread: thread({
        thread_type: {
          type: 'suggestion',
          suggested_edits: [{ type: 'add', text: 'hello' }],
          status: 'open',
        },
      }),
    },
  });
  const result = data(await call('get_thread', { design_id: DESIGN, thread_id: THREAD }));
  assert.equal(result.message, null);
  assert.equal(result.suggestion_status, 'open');
});

test('create_thread posts message_plaintext and assignee_id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${COMMENTS}`, { body: { thread: thread() } });
  data(
    await call('create_thread', {
      design_id: DESIGN,
      message_plaintext: 'Please check',
      assignee_id: BOB.id,
    }),
  );
  data(await call('create_thread', { design_id: DESIGN, message_plaintext: 'No assignee' }));
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: COMMENTS,
    body: { message_plaintext: 'Please check', assignee_id: BOB.id },
  });
  assertRequest(fake.requests[1], {
    method: 'POST',
    path: COMMENTS,
    body: { message_plaintext: 'No assignee' },
  });
});

test('create_reply posts to the thread’s replies', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${REPLIES}`, { body: { reply: reply(REPLY, 'On it') } });
  const result = data(
    await call('create_reply', { design_id: DESIGN, thread_id: THREAD, message_plaintext: 'On it' }),
  );
  assertRequest(fake.requests[0], { method: 'POST', path: REPLIES, body: { message_plaintext: 'On it' } });
  assert.equal(result.message, 'On it');
  assert.deepEqual(result.author, BOB);
});

test('get_reply reads one reply', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${REPLIES}/${REPLY}`, { body: { reply: reply() } });
  const result = data(await call('get_reply', { design_id: DESIGN, thread_id: THREAD, reply_id: REPLY }));
  assertRequest(fake.requests[0], { method: 'GET', path: `${REPLIES}/${REPLY}` });
  assert.equal(result.id, REPLY);
  assert.equal(result.thread_id, THREAD);
});

test('list_replies follows continuation until limit replies are collected', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${REPLIES}`, (req) =>
    req.query.get('continuation')
      ? { body: { items: [reply('r3'), reply('r4')], continuation: 'tok-2' } }
      : { body: { items: [reply('r1'), reply('r2')], continuation: 'tok-1' } },
  );
  const result = data(await call('list_replies', { design_id: DESIGN, thread_id: THREAD, limit: 4 }));
  assertRequest(fake.requests[0], { method: 'GET', path: REPLIES, query: { limit: '4' } });
  assertRequest(fake.requests[1], {
    method: 'GET',
    path: REPLIES,
    query: { limit: '2', continuation: 'tok-1' },
  });
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(
    (result.replies as { id: string }[]).map((r) => r.id),
    ['r1', 'r2', 'r3', 'r4'],
  );
  assert.equal(result.continuation, 'tok-2');
});

test('list_replies stops when Canva gives no continuation', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${REPLIES}`, { body: { items: [reply('r1')] } });
  const result = data(
    await call('list_replies', { design_id: DESIGN, thread_id: THREAD, continuation: 'tok-9' }),
  );
  assertRequest(fake.requests[0], {
    method: 'GET',
    path: REPLIES,
    query: { limit: '50', continuation: 'tok-9' },
  });
  assert.equal(result.count, 1);
  assert.equal(result.continuation, null);
});

test('an id that could leave its path segment is refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('get_thread', { design_id: '../users', thread_id: THREAD })),
    /design_id: must be a Canva design id/,
  );
  assert.match(
    failure(await call('create_reply', { design_id: DESIGN, thread_id: THREAD, message_plaintext: '' })),
    /message_plaintext/,
  );
  assert.equal(fake.requests.length, 0);
});
