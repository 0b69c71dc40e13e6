import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ADMIN,
  ADMIN_2,
  adminMessage,
  CONTACT,
  conversation,
  errorList,
  me,
  part,
  tag,
  userMessage,
} from './fake-intercom.js';
import { assertHeaders, CREDENTIALS, data, failure, onlyRequest, setup } from './harness.js';

const joe = { type: 'user', id: CONTACT, name: 'Joe Bloggs' };
const ada = { type: 'admin', id: ADMIN, name: 'Ada Admin' };

test('create_conversation as the contact, then tags it as the signed-in admin', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /conversations', { body: userMessage('499') });
  fake.route('POST /conversations/499/tags', (req) => {
    const { id } = req.body as { id: string };
    return { body: tag(id, id === '86' ? 'Shipping' : 'VIP') };
  });

  const result = data(
    await call('create_conversation', { contact_id: CONTACT, message: 'Hello there', tag_ids: ['86', '87'] }),
  );

  assertHeaders(fake.requests);
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, r.body]),
    [
      ['POST', '/conversations', { from: { type: 'user', id: CONTACT }, body: 'Hello there' }],
      ['POST', '/conversations/499/tags', { id: '86', admin_id: ADMIN }],
      ['POST', '/conversations/499/tags', { id: '87', admin_id: ADMIN }],
    ],
  );
  assert.deepEqual(result, {
    conversation_id: '499',
    message_id: '403918330',
    created_at: '2024-12-18T15:58:21.000Z',
    from: 'contact',
    tags_applied: [
      { id: '86', name: 'Shipping' },
      { id: '87', name: 'VIP' },
    ],
    tag_errors: [],
  });
});

test('create_conversation with admin_id sends an in-app message from that admin, opened as a conversation', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /messages', { body: adminMessage('500') });
  const result = data(
    await call('create_conversation', { contact_id: CONTACT, message: 'Hello there', admin_id: ADMIN_2 }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    message_type: 'in_app',
    body: 'Hello there',
    from: { type: 'admin', id: Number(ADMIN_2) },
    to: { type: 'user', id: CONTACT },
    create_conversation_without_contact_reply: true,
  });
  assert.equal(result.conversation_id, '500');
  assert.equal(result.from, 'admin');
});

test('a tag that fails after the message is sent is reported, not thrown, and the message is not sent again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /conversations', { body: userMessage('499') });
  fake.route('POST /conversations/499/tags', {
    status: 404,
    body: errorList('tag_not_found', 'Tag not found'),
  });
  const result = data(
    await call('create_conversation', { contact_id: CONTACT, message: 'Hi', tag_ids: ['999'] }),
  );
  assert.equal(result.conversation_id, '499');
  assert.deepEqual(result.tag_errors, [{ tag_id: '999', error: 'Tag not found: 999' }]);
  assert.equal(fake.requests.filter((r) => r.path === '/conversations').length, 1);
});

test('create_conversation is not retried after a 5xx: the message may have gone out', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /conversations', { status: 500, body: errorList('server_error', 'Server Error') });
  assert.equal(
    failure(await call('create_conversation', { contact_id: CONTACT, message: 'Hi' })),
    'Intercom failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('reply_to_conversation as a contact without conversation_id goes to their latest conversation', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /conversations/last/reply', {
    body: conversation('527', [part('132', '<p>Thanks again :)</p>', joe)]),
  });
  const result = data(
    await call('reply_to_conversation', {
      message: 'Thanks again :)',
      user_id: CONTACT,
      attachment_urls: ['https://example.com/receipt.png'],
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    message_type: 'comment',
    type: 'user',
    intercom_user_id: CONTACT,
    body: 'Thanks again :)',
    attachment_urls: ['https://example.com/receipt.png'],
  });
  assert.deepEqual(result, {
    conversation_id: '527',
    replied_as: 'contact',
    author_id: CONTACT,
    part: {
      id: '132',
      part_type: 'comment',
      body: '<p>Thanks again :)</p>',
      author: { type: 'user', id: CONTACT, name: 'Joe Bloggs' },
      created_at: '2024-12-18T15:59:21.000Z',
    },
    state: 'open',
  });
});

test('reply_to_conversation without user_id or admin_id replies as the admin the token belongs to', async (t) => {
  // guMCP's credential files hold no admin_id: the admin is asked of Intercom.
  const { fake, call } = await setup(t, { access_token: CREDENTIALS.access_token });
  fake.route('GET /me', { body: me() });
  fake.route('POST /conversations/524/reply', {
    body: conversation('524', [part('133', 'Internal', ada, 'note')]),
  });
  const result = data(
    await call('reply_to_conversation', {
      conversation_id: '524',
      message: 'Internal',
      message_type: 'note',
    }),
  );
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    ['GET /me', 'POST /conversations/524/reply'],
  );
  assert.deepEqual(fake.requests[1]?.body, {
    message_type: 'note',
    type: 'admin',
    admin_id: ADMIN,
    body: 'Internal',
  });
  assert.equal(result.replied_as, 'admin');
  assert.equal(result.author_id, ADMIN);
});

test('reply_to_conversation says what is missing or contradictory, without calling Intercom', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('reply_to_conversation', { message: 'Hi', admin_id: ADMIN })),
    /^conversation_id: needed for a reply from an admin/,
  );
  assert.match(
    failure(
      await call('reply_to_conversation', {
        message: 'Hi',
        admin_id: ADMIN,
        user_id: CONTACT,
        conversation_id: '1',
      }),
    ),
    /not both/,
  );
  assert.match(
    failure(await call('reply_to_conversation', { message: 'Hi', user_id: CONTACT, message_type: 'note' })),
    /^message_type: a note is written by an admin/,
  );
  assert.match(
    failure(
      await call('reply_to_conversation', {
        message: 'Hi',
        user_id: CONTACT,
        attachment_urls: ['ftp://x/y'],
      }),
    ),
    /attachment_urls/,
  );
  assert.equal(fake.requests.length, 0);
});

test('add_tags_to_conversation tags as the given admin, one request per tag', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /conversations/524/tags', (req) => ({
    body: tag((req.body as { id: string }).id, 'Shipping'),
  }));
  const result = data(
    await call('add_tags_to_conversation', {
      conversation_id: '524',
      tag_ids: ['86', '86', '88'],
      admin_id: ADMIN_2,
    }),
  );
  assert.deepEqual(
    fake.requests.map((r) => r.body),
    [
      { id: '86', admin_id: ADMIN_2 },
      { id: '88', admin_id: ADMIN_2 },
    ],
  );
  assert.deepEqual(result, {
    conversation_id: '524',
    admin_id: ADMIN_2,
    tags: [
      { id: '86', name: 'Shipping' },
      { id: '88', name: 'Shipping' },
    ],
  });
});

test('when a tag fails part way, the error says which tags were applied before it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /conversations/524/tags', (req) =>
    (req.body as { id: string }).id === '86'
      ? { body: tag('86', 'Shipping') }
      : { status: 404, body: errorList('tag_not_found', 'Tag not found') },
  );
  assert.equal(
    failure(await call('add_tags_to_conversation', { conversation_id: '524', tag_ids: ['86', '404'] })),
    'Tag not found: 404 (tagged before it: 86)',
  );
});

test('remove_tags_from_conversation deletes each tag with the acting admin in the body', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('DELETE /conversations/524/tags/86', { body: tag('86', 'Shipping') });
  const result = data(
    await call('remove_tags_from_conversation', { conversation_id: '524', tag_ids: ['86'] }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'DELETE');
  assert.deepEqual(req.body, { admin_id: ADMIN });
  assert.deepEqual(result.removed, [{ id: '86', name: 'Shipping' }]);
});

test('a conversation that does not exist is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /conversations/404404/tags', {
    status: 404,
    body: errorList('not_found', 'Conversation not found'),
  });
  assert.equal(
    failure(await call('add_tags_to_conversation', { conversation_id: '404404', tag_ids: ['86'] })),
    'Conversation not found: 404404',
  );
});
