import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { ALICE, BOB, comment, FILE_KEY, me, ok, reaction } from './fake-figma.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const COMMENTS = `/v1/files/${FILE_KEY}/comments`;

test('get_me returns the user of the stored token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v1/me', { body: me() });
  const out = data(await call('get_me'));
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.equal(req.path, '/v1/me');
  assert.deepEqual(out, {
    id: ALICE.id,
    handle: 'Alice Martin',
    email: 'alice@example.com',
    img_url: ALICE.img_url,
  });
});

test('get_file_comments lists comments and replies, with reactions counted by emoji', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${COMMENTS}`, {
    body: {
      comments: [
        comment({
          id: '101',
          reactions: [reaction(':+1:'), reaction(':+1:', ALICE), reaction(':eyes:')],
        }),
        comment({
          id: '102',
          parent_id: '101',
          order_id: null,
          user: BOB,
          message: 'Done.',
          client_meta: null,
        }),
      ],
    },
  });
  const out = data(await call('get_file_comments', { file_key: FILE_KEY, as_md: true }));
  const req = onlyRequest(fake);
  assert.equal(req.path, COMMENTS);
  assert.deepEqual(query(req), { as_md: 'true' });
  assert.deepEqual(out, {
    file_key: FILE_KEY,
    count: 2,
    comments: [
      {
        id: '101',
        message: 'Can we align this button with the grid?',
        user: { id: ALICE.id, handle: 'Alice Martin' },
        created_at: '2025-03-01T09:30:00Z',
        resolved_at: null,
        parent_id: null,
        order_id: '1',
        client_meta: { node_id: '1:2', node_offset: { x: 40, y: 12 } },
        reactions: [
          { emoji: ':+1:', count: 2 },
          { emoji: ':eyes:', count: 1 },
        ],
      },
      {
        id: '102',
        message: 'Done.',
        user: { id: BOB.id, handle: 'Bob Okafor' },
        created_at: '2025-03-01T09:30:00Z',
        resolved_at: null,
        parent_id: '101',
        order_id: null,
        client_meta: null,
        reactions: [],
      },
    ],
  });
});

test('get_file_comments without as_md sends no query', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${COMMENTS}`, { body: { comments: [] } });
  assert.deepEqual(data(await call('get_file_comments', { file_key: FILE_KEY })), {
    file_key: FILE_KEY,
    count: 0,
    comments: [],
  });
  assert.deepEqual(query(onlyRequest(fake)), {});
});

test('post_comment sends message and client_meta, and a reply names its root comment as comment_id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${COMMENTS}`, (req) => {
    const body = req.body as { message: string; comment_id?: string; client_meta?: Record<string, unknown> };
    return {
      body: comment({
        id: '205',
        message: body.message,
        parent_id: body.comment_id ?? '',
        client_meta: (body.client_meta ?? null) as never,
      }),
    };
  });
  const pinned = data(
    await call('post_comment', {
      file_key: FILE_KEY,
      message: 'Looks good',
      client_meta: { node_id: '2:4', node_offset: { x: 10, y: 5 } },
    }),
  );
  const reply = data(await call('post_comment', { file_key: FILE_KEY, message: 'Agreed', parent_id: 101 }));

  const [first, second] = fake.requests;
  assert.equal(first?.method, 'POST');
  assert.equal(first?.headers['content-type'], 'application/json');
  assert.deepEqual(first?.body, {
    message: 'Looks good',
    client_meta: { node_id: '2:4', node_offset: { x: 10, y: 5 } },
  });
  assert.deepEqual(second?.body, { message: 'Agreed', comment_id: '101' });
  assert.equal(pinned.id, '205');
  assert.deepEqual(pinned.client_meta, { node_id: '2:4', node_offset: { x: 10, y: 5 } });
  assert.equal(reply.parent_id, '101');
});

test('post_comment refuses a client_meta Figma would not accept, and an empty message', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(
      await call('post_comment', { file_key: FILE_KEY, message: 'x', client_meta: { node_id: '1:2' } }),
    ),
    /client_meta/,
  );
  assert.match(failure(await call('post_comment', { file_key: FILE_KEY, message: '' })), /message/);
  assert.equal(fake.requests.length, 0);
});

test('a comment posted but answered with 5xx is not sent twice', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${COMMENTS}`, { status: 500, body: { status: 500, err: 'Internal server error' } });
  assert.match(
    failure(await call('post_comment', { file_key: FILE_KEY, message: 'Once' })),
    /may have gone through/,
  );
  assert.equal(fake.requests.length, 1);
});

test('delete_comment sends DELETE and says what it deleted', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE ${COMMENTS}/101`, { body: ok });
  const out = data(await call('delete_comment', { file_key: FILE_KEY, comment_id: '101' }));
  const req = onlyRequest(fake);
  assert.equal(req.method, 'DELETE');
  assert.equal(req.body, undefined);
  assert.deepEqual(out, { deleted: true, file_key: FILE_KEY, comment_id: '101' });
});
