import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS } from '../../../providers/microsoft/test/graph-fake.js';
import { query } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import teams from '../index.js';
import { RECENT_MESSAGES, TEAMS_PER_PAGE } from '../resources.js';
import {
  CHANNEL,
  channel,
  chatMessage,
  joinedTeam,
  startTeamsFake,
  TEAM,
  V1,
  workToken,
} from './fake-teams.js';

const token = workToken('teams-res');
const credentials = { access_token: token };
const teamIds = Array.from(
  { length: TEAMS_PER_PAGE + 1 },
  (_, i) => `0000000${i}-aaaa-4bbb-8ccc-000000000000`,
);

test('resources/list gives the channels of the user’s teams, a few teams to a page', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/me/joinedTeams`, {
    body: { value: teamIds.map((id, i) => joinedTeam(id, `Team ${i}`)) },
  });
  fake.route(`GET ${V1}/teams/*`, (req) => ({
    body: {
      value: [
        channel({ id: `19:${req.path.split('/')[3]}-general@thread.tacv2` }),
        channel({
          id: `19:${req.path.split('/')[3]}-priv@thread.tacv2`,
          displayName: 'Priv',
          membershipType: 'private',
        }),
      ],
    },
  }));
  const client = await connect(teams, { credentials });

  const first = await client.request({ method: 'resources/list', params: {} });
  const second = await client.listResources({ cursor: first.nextCursor as string });

  assert.equal(first.resources.length, TEAMS_PER_PAGE * 2);
  assert.deepEqual(first.resources[0], {
    uri: `teams://channel/${teamIds[0]}_19%3A${teamIds[0]}-general%40thread.tacv2`,
    name: 'Team 0 / General',
    description: 'Team channel Team 0 / General',
    mimeType: 'application/json',
  });
  assert.equal(first.resources[1]?.description, 'Private channel Team 0 / Priv');
  assert.deepEqual(
    second.resources.map((r) => r.name),
    [`Team ${TEAMS_PER_PAGE} / General`, `Team ${TEAMS_PER_PAGE} / Priv`],
  );
  assert.equal(second.nextCursor, undefined);
  assert.ok(fake.requests.every((r) => r.headers.authorization === `Bearer ${token}`));
});

test('resources/read of a channel gives it with its recent messages as text', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/teams/${TEAM}/channels/${CHANNEL}`, {
    body: channel({ id: CHANNEL, description: 'Everyone' }),
  });
  fake.route(`GET ${V1}/teams/${TEAM}/channels/${CHANNEL}/messages`, {
    body: {
      value: [
        chatMessage({ id: '1', body: { contentType: 'html', content: '<p>Hi <at id="0">all</at></p>' } }),
      ],
    },
  });
  const client = await connect(teams, { credentials });

  const result = await client.readResource({
    uri: `teams://channel/${TEAM}_${encodeURIComponent(CHANNEL)}`,
  });

  const content = result.contents[0] as { mimeType: string; text: string };
  assert.equal(content.mimeType, 'application/json');
  const data = JSON.parse(content.text) as {
    teamId: string;
    channel: { id: string; description: string };
    messages: { text: string }[];
  };
  assert.deepEqual([data.teamId, data.channel.id, data.channel.description], [TEAM, CHANNEL, 'Everyone']);
  assert.deepEqual(
    data.messages.map((m) => m.text),
    ['Hi @all'],
  );
  const list = fake.requests.find((r) => r.path.endsWith('/messages'));
  assert.deepEqual(list && query(list), { $top: String(RECENT_MESSAGES) });
});

test('a channel URI in guMCP’s raw form (ids unescaped) reads too; an unknown channel is named', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/teams/${TEAM}/channels/19:gone@thread.tacv2`, {
    status: 404,
    body: GRAPH_ERRORS.notFound,
  });
  const client = await connect(teams, { credentials });

  await assert.rejects(
    client.readResource({ uri: `teams://channel/${TEAM}_19:gone@thread.tacv2` }),
    new RegExp(`Channel not found: 19:gone@thread.tacv2 \\(team ${TEAM}\\)`),
  );
  assert.equal(fake.requests.length, 1);
});
