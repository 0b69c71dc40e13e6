import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query, type RecordedRequest } from '../../../testing/fake-service.js';
import {
  conversation,
  conversationMessage,
  conversationService,
  pageV,
  participant,
  sid,
  twilioError,
} from './fake-twilio.js';
import { data, failure, formOf, onlyRequest, setup } from './harness.js';

const SERVICE = sid('IS', 0x1);
const CONVERSATION = sid('CH', 0x2);
const ISO = '2023-08-24T05:01:45.000Z';

test('list_conversation_services lists services on the Conversations host', async (t) => {
  const { conversations, call } = await setup(t);
  conversations.route('GET /v1/Services', {
    body: pageV('services', 'https://conversations.twilio.com/v1/Services', [conversationService(1)]),
  });
  const out = data(await call('list_conversation_services', {}));
  assert.deepEqual(query(onlyRequest(conversations)), { PageSize: '50' });
  assert.deepEqual(out, {
    count: 1,
    next_page_token: null,
    services: [{ sid: SERVICE, friendly_name: 'Support 1', date_created: ISO }],
  });
});

test('list_conversation_services keeps page_size within the 100 Conversations allows', async (t) => {
  const { conversations, call } = await setup(t);
  assert.match(failure(await call('list_conversation_services', { page_size: 500 })), /page_size/);
  assert.equal(conversations.requests.length, 0);
});

test('create_conversation_service sends FriendlyName', async (t) => {
  const { conversations, call } = await setup(t);
  conversations.route('POST /v1/Services', {
    status: 201,
    body: conversationService(1, { friendly_name: 'Desk' }),
  });
  const out = data(await call('create_conversation_service', { friendly_name: 'Desk' }));
  assert.deepEqual(formOf(onlyRequest(conversations)), { FriendlyName: 'Desk' });
  assert.deepEqual(out, { sid: SERVICE, friendly_name: 'Desk', date_created: ISO });
});

test('list_conversations lists the conversations of a service', async (t) => {
  const { conversations, call } = await setup(t);
  const path = `/v1/Services/${SERVICE}/Conversations`;
  conversations.route(`GET ${path}`, {
    body: pageV('conversations', `https://conversations.twilio.com${path}`, [conversation(SERVICE, 2)]),
  });
  const out = data(await call('list_conversations', { service_sid: SERVICE, page_size: 10 }));
  assert.deepEqual(query(onlyRequest(conversations)), { PageSize: '10' });
  assert.deepEqual(out, {
    service_sid: SERVICE,
    count: 1,
    next_page_token: null,
    conversations: [
      {
        sid: CONVERSATION,
        chat_service_sid: SERVICE,
        friendly_name: 'Case 2',
        unique_name: null,
        state: 'active',
        date_created: ISO,
        date_updated: ISO,
      },
    ],
  });
});

test('create_conversation creates it in the service, with or without a friendly name', async (t) => {
  const { conversations, call } = await setup(t);
  conversations.route(`POST /v1/Services/${SERVICE}/Conversations`, (req) => ({
    status: 201,
    body: conversation(SERVICE, 2, { friendly_name: formOf(req).FriendlyName ?? null }),
  }));
  const named = data(
    await call('create_conversation', { service_sid: SERVICE, friendly_name: 'Order 1001' }),
  );
  const bare = data(await call('create_conversation', { service_sid: SERVICE }));
  assert.deepEqual(formOf(conversations.requests[0] as RecordedRequest), { FriendlyName: 'Order 1001' });
  assert.equal(conversations.requests[1]?.rawBody, '');
  assert.equal(named.friendly_name, 'Order 1001');
  assert.equal(bare.friendly_name, null);
});

test('add_conversation_participant adds an identity, in the default service or a named one', async (t) => {
  const { conversations, call } = await setup(t);
  conversations.route(`POST /v1/Conversations/${CONVERSATION}/Participants`, {
    status: 201,
    body: participant(SERVICE, CONVERSATION),
  });
  conversations.route(`POST /v1/Services/${SERVICE}/Conversations/${CONVERSATION}/Participants`, {
    status: 201,
    body: participant(SERVICE, CONVERSATION, { identity: 'bob' }),
  });
  const out = data(
    await call('add_conversation_participant', { conversation_sid: CONVERSATION, identity: 'alice' }),
  );
  data(
    await call('add_conversation_participant', {
      service_sid: SERVICE,
      conversation_sid: CONVERSATION,
      identity: 'bob',
    }),
  );
  assert.deepEqual(
    conversations.requests.map((r) => [r.path, formOf(r)]),
    [
      [`/v1/Conversations/${CONVERSATION}/Participants`, { Identity: 'alice' }],
      [`/v1/Services/${SERVICE}/Conversations/${CONVERSATION}/Participants`, { Identity: 'bob' }],
    ],
  );
  assert.deepEqual(out, {
    sid: sid('MB', 1),
    conversation_sid: CONVERSATION,
    chat_service_sid: SERVICE,
    identity: 'alice',
    role_sid: sid('RL', 1),
    date_created: ISO,
  });
});

test('adding an identity already in the conversation names the identity argument', async (t) => {
  const { conversations, call } = await setup(t);
  conversations.route(`POST /v1/Conversations/${CONVERSATION}/Participants`, {
    status: 409,
    body: twilioError(409, 50433, 'Participant already exists'),
  });
  assert.equal(
    failure(
      await call('add_conversation_participant', { conversation_sid: CONVERSATION, identity: 'alice' }),
    ),
    'identity: is already a participant of this conversation (error 50433: Participant already exists)',
  );
});

test('send_conversation_message posts Body (and Author) and says what was posted where', async (t) => {
  const { conversations, call } = await setup(t);
  conversations.route(`POST /v1/Services/${SERVICE}/Conversations/${CONVERSATION}/Messages`, (req) => ({
    status: 201,
    body: conversationMessage(SERVICE, CONVERSATION, { body: formOf(req).Body, author: 'alice', index: 3 }),
  }));
  const out = data(
    await call('send_conversation_message', {
      service_sid: SERVICE,
      conversation_sid: CONVERSATION,
      body: 'Your order shipped',
      author: 'alice',
    }),
  );
  assert.deepEqual(formOf(onlyRequest(conversations)), { Body: 'Your order shipped', Author: 'alice' });
  assert.equal(
    out.sent,
    `Posted "Your order shipped" to conversation ${CONVERSATION} as alice: message ${sid('IM', 1)} (index 3)`,
  );
  assert.deepEqual(out.message, {
    sid: sid('IM', 1),
    conversation_sid: CONVERSATION,
    index: 3,
    author: 'alice',
    body: 'Your order shipped',
    participant_sid: null,
    date_created: ISO,
  });
});

test('send_conversation_message takes a conversation unique name in the default service', async (t) => {
  const { conversations, call } = await setup(t);
  conversations.route('POST /v1/Conversations/order-1001/Messages', {
    status: 201,
    body: conversationMessage(SERVICE, CONVERSATION),
  });
  data(await call('send_conversation_message', { conversation_sid: 'order-1001', body: 'Welcome!' }));
  assert.deepEqual(formOf(onlyRequest(conversations)), { Body: 'Welcome!' });
  assert.match(
    failure(await call('send_conversation_message', { conversation_sid: '../Services', body: 'x' })),
    /conversation_sid/,
  );
});
