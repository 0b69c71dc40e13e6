import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { ADMIN, CONTACT, conversation, conversationList, errorList, part } from './fake-intercom.js';
import { assertHeaders, setup } from './harness.js';

test('conversations are listed as intercom:// resources, a page at a time with Intercom’s cursor', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /conversations', (req) =>
    req.query.get('starting_after')
      ? { body: conversationList([conversation('525', [], { title: 'Refund request', state: 'closed' })]) }
      : { body: conversationList([conversation('524')], 'WzE3MzQ1Mzc1NTkwMDAsNTI0XQ==') },
  );

  // One resources/list page is one page of Intercom's list; its cursor leads to the next page.
  const first = await client.request({ method: 'resources/list', params: {} });
  assert.deepEqual(first.resources, [
    {
      uri: 'intercom://conversation/524',
      name: 'Conversation with Joe Bloggs',
      description: 'open conversation, updated 2024-12-18T15:59:21.000Z',
      mimeType: 'application/json',
    },
  ]);
  assert.ok(first.nextCursor, 'a cursor to the next page');
  const second = await client.request({ method: 'resources/list', params: { cursor: first.nextCursor } });
  assert.deepEqual(
    second.resources.map((r) => [r.uri, r.name]),
    [['intercom://conversation/525', 'Refund request']],
  );
  // The core's walker may still point at the placeholder template, which lists nothing.
  if (second.nextCursor) {
    const third = await client.request({ method: 'resources/list', params: { cursor: second.nextCursor } });
    assert.deepEqual(third.resources, []);
    assert.equal(third.nextCursor, undefined);
  }
  assertHeaders(fake.requests);
  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [{ per_page: '50' }, { per_page: '50', starting_after: 'WzE3MzQ1Mzc1NTkwMDAsNTI0XQ==' }],
  );

  // A client asking for everything walks both pages.
  assert.equal((await client.listResources()).resources.length, 2);
});

test('reading a conversation gives it with its messages, as plain text', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /conversations/524', {
    body: conversation('524', [
      part('131', 'Where is my order?', { type: 'user', id: CONTACT, name: 'Joe Bloggs' }),
      part('132', 'It ships today.', { type: 'admin', id: ADMIN, name: 'Ada Admin' }),
    ]),
  });
  const { contents } = await client.readResource({ uri: 'intercom://conversation/524' });
  assert.equal(fake.requests[0]?.query.get('display_as'), 'plaintext');
  const [content] = contents;
  assert.equal(content?.mimeType, 'application/json');
  const body = JSON.parse(String((content as { text: string }).text));
  assert.equal(body.id, '524');
  assert.deepEqual(body.tags, [{ id: '86', name: 'Shipping' }]);
  assert.equal(body.parts_total, 2);
  assert.deepEqual(
    body.parts.map((p: { author: { name: string }; body: string }) => `${p.author.name}: ${p.body}`),
    ['Joe Bloggs: Where is my order?', 'Ada Admin: It ships today.'],
  );
});

test('with no conversation, guMCP’s placeholder is listed, and reading it says why', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /conversations', { body: conversationList([]) });
  const { resources } = await client.listResources();
  assert.deepEqual(
    resources.map((r) => r.uri),
    ['intercom://placeholder/no-conversations'],
  );
  const { contents } = await client.readResource({ uri: 'intercom://placeholder/no-conversations' });
  assert.match(String((contents[0] as { text: string }).text), /No conversations available/);
});

test('reading a conversation that does not exist names it', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /conversations/999', { status: 404, body: errorList('not_found', 'Resource Not Found') });
  await assert.rejects(
    client.readResource({ uri: 'intercom://conversation/999' }),
    /Conversation not found: 999/,
  );
});
