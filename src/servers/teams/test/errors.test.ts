import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS } from '../../../providers/microsoft/test/graph-fake.js';
import { connect, text } from '../../../testing/mcp.js';
import teams from '../index.js';
import { joinedTeam, startTeamsFake, TEAM, V1, workToken } from './fake-teams.js';

const token = workToken('secret-teams-signature');
const credentials = { access_token: token };
const joined = `GET ${V1}/me/joinedTeams`;

test('401 asks the user to re-authenticate, without echoing the token', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(joined, { status: 401, body: GRAPH_ERRORS.expiredToken });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({ name: 'get_teams', arguments: {} });

  assert.equal(
    text(result),
    'Not authenticated with teams: Microsoft Teams rejected the stored token. Re-authenticate with `gumcp auth teams`.',
  );
  assert.doesNotMatch(text(result), /secret-teams-signature/);
});

test('403 names the scope the tool needs', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`POST ${V1}/teams/${TEAM}/members`, { status: 403, body: GRAPH_ERRORS.accessDenied });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({
    name: 'add_team_member',
    arguments: { team_id: TEAM, user_id: 'u1' },
  });

  assert.equal(
    text(result),
    'Permission denied by Microsoft Teams: Authorization_RequestDenied: Insufficient privileges to complete the operation. (request-id 7d3b2c1a-0000-4000-8000-000000000001). The account or the app may lack a permission this needs (the server asks for TeamMember.ReadWrite.All); re-authenticate, or ask an administrator to grant it.',
  );
});

test('429 with Retry-After is retried, then succeeds', async (t) => {
  const fake = await startTeamsFake(t);
  fake.once(joined, { status: 429, headers: { 'retry-after': '0' }, body: GRAPH_ERRORS.throttled });
  fake.route(joined, { body: { value: [joinedTeam(TEAM, 'Contoso')] } });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({ name: 'get_teams', arguments: {} });

  assert.equal((result.structuredContent as { count: number }).count, 1);
  assert.equal(fake.requests.length, 2);
});

test('throttling past what the client waits for reports when to try again', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(joined, { status: 429, headers: { 'retry-after': '90' }, body: GRAPH_ERRORS.throttled });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({ name: 'get_teams', arguments: {} });

  assert.equal(text(result), 'Rate limited by Microsoft Teams; try again in 90 s');
});

test('a 5xx on a read is retried, then reported as a try-later', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(joined, { status: 503, headers: { 'retry-after': '0' }, body: GRAPH_ERRORS.unavailable });
  const client = await connect(teams, { credentials });

  const result = await client.callTool({ name: 'get_teams', arguments: {} });

  assert.equal(text(result), 'Microsoft Teams failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 4);
});
