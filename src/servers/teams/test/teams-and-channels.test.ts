import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS } from '../../../providers/microsoft/test/graph-fake.js';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import { operationTiming } from '../api.js';
import teams from '../index.js';
import {
  CHANNEL,
  channel,
  joinedTeam,
  startTeamsFake,
  TEAM,
  V1,
  WORK_TENANT,
  workToken,
} from './fake-teams.js';

const token = workToken('teams-tc');
const credentials = { access_token: token };
operationTiming.initialDelayMs = 1;

test('create_team posts the standard template, polls the operation at Location, and names the new team', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`POST ${V1}/teams`, {
    status: 202,
    headers: {
      location: `/teams('${TEAM}')/operations('op-1')`,
      'content-location': `/teams('${TEAM}')`,
    },
    body: '',
  });
  let looks = 0;
  fake.route(`GET ${V1}/teams('${TEAM}')/operations('op-1')`, () => ({
    body: {
      id: 'op-1',
      operationType: 'createTeam',
      createdDateTime: '2025-06-01T10:00:00Z',
      status: ++looks < 2 ? 'inProgress' : 'succeeded',
      lastActionDateTime: '2025-06-01T10:00:05Z',
      attemptsCount: 1,
      targetResourceId: TEAM,
      targetResourceLocation: `/teams('${TEAM}')`,
      error: null,
    },
  }));
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'create_team',
    arguments: { name: 'Launch', description: 'The Q3 launch' },
  });

  assert.equal(result.isError, undefined, text(result));
  const post = only(fake, 'POST', `${V1}/teams`);
  assert.equal(post.headers.authorization, `Bearer ${token}`);
  assert.deepEqual(post.body, {
    'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
    displayName: 'Launch',
    description: 'The Q3 launch',
  });
  assert.equal(looks, 2);
  assert.deepEqual(result.structuredContent, {
    id: TEAM,
    displayName: 'Launch',
    description: 'The Q3 launch',
    status: 'created',
  });
});

test('a team creation Teams reports as failed says why, with the team id to look for', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`POST ${V1}/teams`, {
    status: 202,
    headers: { location: `/teams('${TEAM}')/operations('op-2')`, 'content-location': `/teams('${TEAM}')` },
    body: '',
  });
  fake.route(`GET ${V1}/teams('${TEAM}')/operations('op-2')`, {
    body: {
      id: 'op-2',
      status: 'failed',
      targetResourceId: TEAM,
      error: { code: 'Conflict', message: 'A team with this mail nickname already exists.' },
    },
  });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({ name: 'create_team', arguments: { name: 'Launch' } });

  assert.equal(
    text(result),
    `The creation of team "Launch" failed: A team with this mail nickname already exists. (team id ${TEAM})`,
  );
  assert.deepEqual(only(fake, 'POST', `${V1}/teams`).body, {
    'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
    displayName: 'Launch',
  });
});

test('get_teams lists joined teams without Graph’s nulls, filtering and selecting fields itself', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/me/joinedTeams`, {
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#teams',
      value: [
        joinedTeam(TEAM, 'Contoso Team'),
        joinedTeam('8f3b7c1e-0000-4000-8000-000000000002', 'Sales', { isArchived: true }),
      ],
    },
  });
  const client = await connect(teams, { credentials });

  const all = await client.callTool({ name: 'get_teams', arguments: {} });
  const some = await client.callTool({
    name: 'get_teams',
    arguments: { filter: "startswith(displayName,'contoso')", select: 'displayName' },
  });
  const badSelect = await client.callTool({ name: 'get_teams', arguments: { select: 'displayName,webUrl' } });

  assert.deepEqual(all.structuredContent, {
    count: 2,
    teams: [
      {
        id: TEAM,
        displayName: 'Contoso Team',
        description: 'About Contoso Team',
        isArchived: false,
        tenantId: WORK_TENANT,
      },
      {
        id: '8f3b7c1e-0000-4000-8000-000000000002',
        displayName: 'Sales',
        description: 'About Sales',
        isArchived: true,
        tenantId: WORK_TENANT,
      },
    ],
  });
  assert.deepEqual(some.structuredContent, { count: 1, teams: [{ id: TEAM, displayName: 'Contoso Team' }] });
  assert.equal(
    text(badSelect),
    'select: webUrl is not among the fields Teams gives for joined teams (id, displayName, description, isArchived, tenantId)',
  );
  // joinedTeams takes no query options, so none are sent.
  assert.deepEqual(
    fake.requests.map((r) => [r.path, query(r), r.headers.authorization]),
    [
      [`${V1}/me/joinedTeams`, {}, `Bearer ${token}`],
      [`${V1}/me/joinedTeams`, {}, `Bearer ${token}`],
    ],
  );
});

test('get_team_details gives the team with its settings and counts', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/teams/${TEAM}`, {
    body: {
      id: TEAM,
      createdDateTime: '2024-11-29T17:23:29.307Z',
      displayName: 'Contoso Team',
      description: 'This is a Contoso team.',
      internalId: '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2',
      classification: null,
      specialization: 'none',
      visibility: 'public',
      webUrl: `https://teams.microsoft.com/l/team/19%3A4a95f7d8db4c4e7fae857bcebe0623e6%40thread.tacv2/conversations?groupId=${TEAM}&tenantId=${WORK_TENANT}`,
      isArchived: false,
      tenantId: WORK_TENANT,
      memberSettings: { allowCreateUpdateChannels: true, allowDeleteChannels: true },
      guestSettings: { allowCreateUpdateChannels: false, allowDeleteChannels: false },
      messagingSettings: { allowUserEditMessages: true, allowUserDeleteMessages: true },
      funSettings: { allowGiphy: true, giphyContentRating: 'strict' },
      summary: { ownersCount: 2, membersCount: 3, guestsCount: 0 },
    },
  });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({ name: 'get_team_details', arguments: { team_id: TEAM } });

  const data = result.structuredContent as Record<string, unknown>;
  assert.equal(data.displayName, 'Contoso Team');
  assert.equal(data.visibility, 'public');
  assert.equal(data.classification, undefined, 'nulls are left out');
  assert.deepEqual(data.summary, { ownersCount: 2, membersCount: 3, guestsCount: 0 });
  assert.deepEqual(data.funSettings, { allowGiphy: true, giphyContentRating: 'strict' });
  assert.equal(only(fake, 'GET', `${V1}/teams/${TEAM}`).headers.authorization, `Bearer ${token}`);
});

test('get_team_details of an unknown team names it', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/teams/nope`, { status: 404, body: GRAPH_ERRORS.notFound });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({ name: 'get_team_details', arguments: { team_id: 'nope' } });

  assert.equal(text(result), 'Team not found: nope');
});

test('get_team_channels lists the team’s channels', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/teams/${TEAM}/channels`, {
    body: {
      value: [
        channel({ id: CHANNEL }),
        channel({
          id: '19:8a2b@thread.tacv2',
          displayName: 'Secret',
          membershipType: 'private',
          description: 'Hush',
        }),
      ],
    },
  });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({ name: 'get_team_channels', arguments: { team_id: TEAM } });

  assert.deepEqual(result.structuredContent, {
    teamId: TEAM,
    count: 2,
    channels: [
      {
        id: CHANNEL,
        displayName: 'General',
        membershipType: 'standard',
        webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(CHANNEL)}/General?groupId=${TEAM}`,
        createdDateTime: '2025-05-20T09:00:00Z',
      },
      {
        id: '19:8a2b@thread.tacv2',
        displayName: 'Secret',
        description: 'Hush',
        membershipType: 'private',
        webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent('19:8a2b@thread.tacv2')}/General?groupId=${TEAM}`,
        createdDateTime: '2025-05-20T09:00:00Z',
      },
    ],
  });
  assert.deepEqual(query(only(fake, 'GET', `${V1}/teams/${TEAM}/channels`)), {});
});

test('create_team_channel posts the name, description and membership type and returns the channel', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`POST ${V1}/teams/${TEAM}/channels`, (req) => ({
    status: 201,
    body: channel({
      id: '19:new@thread.tacv2',
      ...(req.body as { displayName: string; membershipType: string; description: string }),
    }),
  }));
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'create_team_channel',
    arguments: { team_id: TEAM, display_name: 'Design', description: 'UI work', membership_type: 'private' },
  });
  const standard = await client.callTool({
    name: 'create_team_channel',
    arguments: { team_id: TEAM, display_name: 'Ops' },
  });

  assert.equal(result.isError, undefined, text(result));
  const [first, second] = fake.requests;
  assert.equal(first?.headers.authorization, `Bearer ${token}`);
  assert.deepEqual(first?.body, { displayName: 'Design', description: 'UI work', membershipType: 'private' });
  assert.deepEqual(second?.body, { displayName: 'Ops', membershipType: 'standard' });
  const made = result.structuredContent as { id: string; displayName: string; membershipType: string };
  assert.deepEqual(
    [made.id, made.displayName, made.membershipType],
    ['19:new@thread.tacv2', 'Design', 'private'],
  );
  assert.equal((standard.structuredContent as { displayName: string }).displayName, 'Ops');
});
