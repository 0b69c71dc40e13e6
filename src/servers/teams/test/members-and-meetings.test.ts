import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS, graphError, graphPage } from '../../../providers/microsoft/test/graph-fake.js';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import teams from '../index.js';
import { chatMessage, member, startTeamsFake, TEAM, V1, workToken } from './fake-teams.js';

const token = workToken('teams-people');
const credentials = { access_token: token };
const members = `${V1}/teams/${TEAM}/members`;
const ADELE = '8b081ef6-4792-4def-b2c9-c363a1bf41d5';
const MEETING_CHAT = '19:meeting_MjA5YjJiYjgtYzliZi00YmE5LWJhNWMtY2Q0YmQ5M2MwNWRh@thread.v2';

test('get_team_members pages through members up to top and gives their roles', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${members}`, (req) =>
    req.query.get('$skiptoken')
      ? {
          body: graphPage(fake, [member({ id: 'm3', userId: 'u3', roles: ['guest'], displayName: 'Guest' })]),
        }
      : {
          body: graphPage(
            fake,
            [
              member({ id: 'm1', userId: ADELE, roles: ['owner'] }),
              member({ id: 'm2', userId: 'u2', email: null }),
            ],
            `teams/${TEAM}/members?$top=5&$skiptoken=p2`,
          ),
        },
  );
  const client = await connect(teams, { credentials });

  const result = await client.callTool({ name: 'get_team_members', arguments: { team_id: TEAM, top: 5 } });

  assert.deepEqual(result.structuredContent, {
    teamId: TEAM,
    count: 3,
    more: false,
    members: [
      { id: 'm1', userId: ADELE, displayName: 'Adele Vance', email: 'AdeleV@contoso.com', roles: ['owner'] },
      { id: 'm2', userId: 'u2', displayName: 'Adele Vance', roles: [] },
      { id: 'm3', userId: 'u3', displayName: 'Guest', email: 'AdeleV@contoso.com', roles: ['guest'] },
    ],
  });
  assert.deepEqual(
    fake.requests.map((r) => [query(r), r.headers.authorization]),
    [
      [{ $top: '5' }, `Bearer ${token}`],
      [{ $top: '5', $skiptoken: 'p2' }, `Bearer ${token}`],
    ],
  );
});

test('add_team_member binds the user by id or principal name, as an owner when asked', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`POST ${members}`, {
    status: 201,
    body: member({ id: 'MCMjNew', userId: ADELE, roles: ['owner'] }),
  });
  const client = await connect(teams, { credentials });

  const owner = await client.callTool({
    name: 'add_team_member',
    arguments: { team_id: TEAM, user_id: ADELE, roles: ['owner'] },
  });
  await client.callTool({
    name: 'add_team_member',
    arguments: { team_id: TEAM, user_id: "o'neil@contoso.com" },
  });

  assert.equal(owner.isError, undefined, text(owner));
  const [first, second] = fake.requests;
  assert.equal(first?.headers.authorization, `Bearer ${token}`);
  assert.deepEqual(first?.body, {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles: ['owner'],
    'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${ADELE}')`,
  });
  assert.deepEqual(second?.body, {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles: [],
    'user@odata.bind': "https://graph.microsoft.com/v1.0/users('o''neil@contoso.com')",
  });
  assert.deepEqual(owner.structuredContent, {
    id: 'MCMjNew',
    userId: ADELE,
    displayName: 'Adele Vance',
    email: 'AdeleV@contoso.com',
    roles: ['owner'],
    teamId: TEAM,
  });
});

test('adding a member is safe to repeat, so a 5xx is retried', async (t) => {
  const fake = await startTeamsFake(t);
  fake.once(`POST ${members}`, {
    status: 503,
    headers: { 'retry-after': '0' },
    body: GRAPH_ERRORS.unavailable,
  });
  fake.route(`POST ${members}`, { status: 201, body: member({ id: 'MCMjNew', userId: ADELE }) });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'add_team_member',
    arguments: { team_id: TEAM, user_id: ADELE },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.length, 2);
});

test('remove_team_member finds the membership by user id or email and deletes it', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${members}`, {
    body: {
      value: [
        member({ id: 'm-adele', userId: ADELE }),
        member({ id: 'm-alex', userId: 'u2', email: 'AlexW@contoso.com' }),
      ],
    },
  });
  fake.route(`DELETE ${members}/m-alex`, { status: 204, body: '' });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'remove_team_member',
    arguments: { team_id: TEAM, user_id: 'alexw@contoso.com' },
  });

  assert.equal(result.isError, undefined, text(result));
  const del = only(fake, 'DELETE', `${members}/m-alex`);
  assert.equal(del.headers.authorization, `Bearer ${token}`);
  assert.deepEqual(result.structuredContent, {
    removed: true,
    teamId: TEAM,
    member: { id: 'm-alex', userId: 'u2', displayName: 'Adele Vance', email: 'AlexW@contoso.com', roles: [] },
  });
});

test('removing someone who is not in the team says so and deletes nothing', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${members}`, { body: { value: [member({ id: 'm-adele', userId: ADELE })] } });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'remove_team_member',
    arguments: { team_id: TEAM, user_id: 'nobody@contoso.com' },
  });

  assert.equal(text(result), `user_id: nobody@contoso.com is not a member of team ${TEAM}`);
  assert.equal(fake.requests.filter((r) => r.method === 'DELETE').length, 0);
});

const meeting = (body: Record<string, unknown>) => ({
  id: 'MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZiMi04ZjZhNDQyZjRhMzQqMCoqMTk6bWVldGluZ19NVEl6',
  creationDateTime: '2025-06-01T10:00:00.0000000Z',
  joinWebUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_MjA5YjJi%40thread.v2/0?context=%7b%7d',
  chatInfo: { threadId: MEETING_CHAT, messageId: '0', replyChainMessageId: null },
  joinMeetingIdSettings: { isPasscodeRequired: false, joinMeetingId: '1234567890', passcode: null },
  ...body,
});

test('create_meeting creates an online meeting with attendees and posts the agenda in its chat', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`POST ${V1}/me/onlineMeetings`, (req) => ({
    status: 201,
    body: meeting(req.body as Record<string, unknown>),
  }));
  fake.route(`POST ${V1}/chats/${MEETING_CHAT}/messages`, { status: 201, body: chatMessage({ id: '1' }) });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'create_meeting',
    arguments: {
      subject: 'Design review',
      start_time: '2025-06-10T14:00:00+02:00',
      end_time: '2025-06-10T13:00:00',
      attendees: ['AdeleV@contoso.com', ' alexw@contoso.com'],
      content: 'Agenda:\n1. Mockups',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  const created = only(fake, 'POST', `${V1}/me/onlineMeetings`);
  assert.equal(created.headers.authorization, `Bearer ${token}`);
  assert.deepEqual(created.body, {
    subject: 'Design review',
    startDateTime: '2025-06-10T12:00:00.000Z',
    endDateTime: '2025-06-10T13:00:00.000Z',
    participants: {
      attendees: [
        { upn: 'AdeleV@contoso.com', role: 'attendee' },
        { upn: 'alexw@contoso.com', role: 'attendee' },
      ],
    },
  });
  assert.deepEqual(only(fake, 'POST', `${V1}/chats/${MEETING_CHAT}/messages`).body, {
    body: { contentType: 'html', content: 'Agenda:<br>1. Mockups' },
  });
  assert.deepEqual(result.structuredContent, {
    id: 'MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZiMi04ZjZhNDQyZjRhMzQqMCoqMTk6bWVldGluZ19NVEl6',
    subject: 'Design review',
    startDateTime: '2025-06-10T12:00:00.000Z',
    endDateTime: '2025-06-10T13:00:00.000Z',
    joinWebUrl:
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_MjA5YjJi%40thread.v2/0?context=%7b%7d',
    attendees: ['AdeleV@contoso.com', 'alexw@contoso.com'],
    chatId: MEETING_CHAT,
    agendaPosted: true,
  });
});

test('a meeting whose agenda could not be posted is still returned, with the reason', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`POST ${V1}/me/onlineMeetings`, (req) => ({
    status: 201,
    body: meeting(req.body as Record<string, unknown>),
  }));
  fake.route(`POST ${V1}/chats/${MEETING_CHAT}/messages`, {
    status: 403,
    body: graphError('Forbidden', 'User is not a member of the chat.'),
  });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'create_meeting',
    arguments: {
      subject: 'Sync',
      start_time: '2025-06-10T09:00:00Z',
      end_time: '2025-06-10T09:30:00Z',
      content: 'Notes',
    },
  });

  const data = result.structuredContent as { agendaPosted: boolean; agendaNote: string; joinWebUrl: string };
  assert.equal(data.agendaPosted, false);
  assert.match(
    data.agendaNote,
    /^The agenda could not be posted in the meeting chat: Permission denied by Microsoft Teams: Forbidden: User is not a member of the chat\./,
  );
  assert.match(data.joinWebUrl, /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
});

test('create_meeting refuses unreadable or reversed times before calling Graph', async (t) => {
  const fake = await startTeamsFake(t);
  const client = await connect(teams, { credentials });

  const unreadable = await client.callTool({
    name: 'create_meeting',
    arguments: { subject: 'x', start_time: 'tomorrow 10am', end_time: '2025-06-10T09:30:00Z' },
  });
  const reversed = await client.callTool({
    name: 'create_meeting',
    arguments: { subject: 'x', start_time: '2025-06-10T10:00:00Z', end_time: '2025-06-10T09:30:00Z' },
  });

  assert.equal(
    text(unreadable),
    'start_time: "tomorrow 10am" is not an ISO 8601 date and time, e.g. 2025-04-20T10:00:00Z',
  );
  assert.equal(text(reversed), 'end_time: must be after start_time');
  assert.equal(fake.requests.length, 0);
});
