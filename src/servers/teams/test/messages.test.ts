import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS, graphPage } from '../../../providers/microsoft/test/graph-fake.js';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import teams from '../index.js';
import {
  CHANNEL,
  CHAT,
  chat,
  chatMessage,
  member,
  startTeamsFake,
  TEAM,
  V1,
  workToken,
} from './fake-teams.js';

const token = workToken('teams-msg');
const credentials = { access_token: token };
const channelPath = `${V1}/teams/${TEAM}/channels/${CHANNEL}`;

test('get_chats lists chats with their members, passing the OData filter and expanding members', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/me/chats`, {
    body: {
      value: [
        chat({
          id: CHAT,
          topic: 'Launch',
          chatType: 'group',
          members: [
            member({
              id: 'MCMjMCMj1',
              userId: 'u1',
              displayName: 'Adele Vance',
              email: 'AdeleV@contoso.com',
            }),
            member({ id: 'MCMjMCMj2', userId: 'u2', displayName: 'Alex Wilber', email: null }),
          ],
        }),
      ],
    },
  });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({ name: 'get_chats', arguments: { filter: "chatType eq 'group'" } });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', `${V1}/me/chats`);
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.deepEqual(query(req), { $expand: 'members', $filter: "chatType eq 'group'", $top: '50' });
  assert.deepEqual(result.structuredContent, {
    count: 1,
    more: false,
    chats: [
      {
        id: CHAT,
        topic: 'Launch',
        chatType: 'group',
        createdDateTime: '2025-05-01T08:00:00Z',
        lastUpdatedDateTime: '2025-06-01T10:00:00Z',
        webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(CHAT)}/0?tenantId=dcd219dd-bc68-4b9b-bf0b-4a33a796be35`,
        members: ['Adele Vance <AdeleV@contoso.com>', 'Alex Wilber'],
      },
    ],
  });
});

test('get_chat_messages follows @odata.nextLink up to top, and gives HTML bodies and system events as text', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/chats/${CHAT}/messages`, (req) =>
    req.query.get('$skiptoken')
      ? {
          body: graphPage(fake, [
            chatMessage({
              id: '3',
              from: null,
              body: { contentType: 'html', content: '<systemEventMessage/>' },
            }),
            chatMessage({ id: '4' }),
          ]),
        }
      : {
          body: graphPage(
            fake,
            [
              chatMessage({ id: '1' }),
              chatMessage({
                id: '2',
                body: { contentType: 'html', content: '<p>Ship it <at id="0">Adele</at> &amp; go</p>' },
                attachments: [
                  {
                    id: '153fa47d',
                    contentType: 'reference',
                    contentUrl: 'https://contoso.sharepoint.com/plan.docx',
                    name: 'plan.docx',
                  },
                ],
              }),
            ],
            `chats/${CHAT}/messages?$top=3&$skiptoken=M2UyZA%3d%3d`,
          ),
        },
  );
  const client = await connect(teams, { credentials });

  const result = await client.callTool({ name: 'get_chat_messages', arguments: { chat_id: CHAT, top: 3 } });

  const data = result.structuredContent as {
    count: number;
    more: boolean;
    messages: Record<string, unknown>[];
  };
  assert.equal(data.count, 3);
  assert.equal(data.more, true);
  assert.deepEqual(data.messages[1], {
    id: '2',
    createdDateTime: '2025-06-01T10:00:00.000Z',
    from: 'Robin Kline',
    text: 'Ship it @Adele & go',
    messageType: 'message',
    importance: 'normal',
    attachments: [
      { name: 'plan.docx', contentType: 'reference', url: 'https://contoso.sharepoint.com/plan.docx' },
    ],
  });
  assert.deepEqual([data.messages[2]?.from, data.messages[2]?.text], ['system', '']);
  assert.deepEqual(
    fake.requests.map((r) => [query(r), r.headers.authorization]),
    [
      [{ $top: '3' }, `Bearer ${token}`],
      [{ $top: '3', $skiptoken: 'M2UyZA==' }, `Bearer ${token}`],
    ],
  );
});

test('send_chat_message sends text escaped as HTML and returns the posted message', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`POST ${V1}/chats/${CHAT}/messages`, (req) => ({
    status: 201,
    body: chatMessage({
      id: '1616990032035',
      body: (req.body as { body: { contentType: string; content: string } }).body,
    }),
  }));
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'send_chat_message',
    arguments: { chat_id: CHAT, content: 'Is 3 < 4 & "5"?\nYes' },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'POST', `${V1}/chats/${CHAT}/messages`);
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.deepEqual(req.body, {
    body: { contentType: 'html', content: 'Is 3 &lt; 4 &amp; &quot;5&quot;?<br>Yes' },
  });
  const data = result.structuredContent as { id: string; text: string; chatId: string };
  assert.deepEqual([data.id, data.text, data.chatId], ['1616990032035', 'Is 3 < 4 & "5"?\nYes', CHAT]);
});

test('a 5xx on a post is not retried: the message may have been posted', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`POST ${V1}/chats/${CHAT}/messages`, {
    status: 502,
    headers: { 'retry-after': '0' },
    body: GRAPH_ERRORS.unavailable,
  });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'send_chat_message',
    arguments: { chat_id: CHAT, content: 'hi' },
  });

  assert.equal(
    text(result),
    'Microsoft Teams failed (HTTP 502); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('get_team_channel_messages reads a channel’s top-level messages as text', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${channelPath}/messages`, {
    body: {
      '@odata.count': 1,
      value: [
        chatMessage({
          id: '1590776551682',
          subject: 'Release',
          importance: 'high',
          webUrl: 'https://teams.microsoft.com/l/message/19%3A4a95@thread.tacv2/1590776551682',
          body: { contentType: 'html', content: '<div>Hello <emoji alt="👋"></emoji><br>world</div>' },
        }),
      ],
    },
  });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'get_team_channel_messages',
    arguments: { team_id: TEAM, channel_id: CHANNEL },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(query(only(fake, 'GET', `${channelPath}/messages`)), { $top: '20' });
  assert.deepEqual(result.structuredContent, {
    teamId: TEAM,
    channelId: CHANNEL,
    count: 1,
    more: false,
    messages: [
      {
        id: '1590776551682',
        createdDateTime: '2025-06-01T10:00:00.000Z',
        from: 'Robin Kline',
        text: 'Hello 👋\nworld',
        messageType: 'message',
        subject: 'Release',
        importance: 'high',
        webUrl: 'https://teams.microsoft.com/l/message/19%3A4a95@thread.tacv2/1590776551682',
      },
    ],
  });
});

test('get_team_channel_messages of an unknown channel names it and its team', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/teams/${TEAM}/channels/19:gone@thread.tacv2/messages`, {
    status: 404,
    body: GRAPH_ERRORS.notFound,
  });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'get_team_channel_messages',
    arguments: { team_id: TEAM, channel_id: '19:gone@thread.tacv2' },
  });

  assert.equal(text(result), `Channel not found: 19:gone@thread.tacv2 (team ${TEAM})`);
});

test('send_team_channel_message keeps HTML as written', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`POST ${channelPath}/messages`, (req) => ({
    status: 201,
    body: chatMessage({
      id: '1616991463150',
      body: (req.body as { body: { contentType: string; content: string } }).body,
    }),
  }));
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'send_team_channel_message',
    arguments: { team_id: TEAM, channel_id: CHANNEL, content: '<b>Deploy</b> done' },
  });

  const req = only(fake, 'POST', `${channelPath}/messages`);
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.deepEqual(req.body, { body: { contentType: 'html', content: '<b>Deploy</b> done' } });
  const data = result.structuredContent as { id: string; text: string; teamId: string; channelId: string };
  assert.deepEqual(
    [data.id, data.text, data.teamId, data.channelId],
    ['1616991463150', 'Deploy done', TEAM, CHANNEL],
  );
});

test('post_message_reply posts in the message’s thread, text escaped when asked', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`POST ${channelPath}/messages/1590776551682/replies`, (req) => ({
    status: 201,
    body: chatMessage({
      id: '1591039710682',
      replyToId: '1590776551682',
      body: (req.body as { body: { contentType: string; content: string } }).body,
    }),
  }));
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'post_message_reply',
    arguments: {
      team_id: TEAM,
      channel_id: CHANNEL,
      message_id: '1590776551682',
      content: 'Use <div> here',
      content_type: 'text',
    },
  });

  const req = only(fake, 'POST', `${channelPath}/messages/1590776551682/replies`);
  assert.deepEqual(req.body, { body: { contentType: 'html', content: 'Use &lt;div&gt; here' } });
  const data = result.structuredContent as { replyToId: string; text: string };
  assert.deepEqual([data.replyToId, data.text], ['1590776551682', 'Use <div> here']);
});
