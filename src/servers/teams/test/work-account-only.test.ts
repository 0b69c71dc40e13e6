import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeSignIn } from '../../../auth/oauth/complete.js';
import { GRAPH_ERRORS, graphError } from '../../../providers/microsoft/test/graph-fake.js';
import { connect, text } from '../../../testing/mcp.js';
import { CONSUMER_TENANT, WORK_ACCOUNT_ONLY } from '../account.js';
import teams from '../index.js';
import { accessToken, startTeamsFake, V1, workToken } from './fake-teams.js';

const personal = accessToken(CONSUMER_TENANT);
const provider =
  teams.auth.kind === 'oauth2' ? teams.auth.provider : assert.fail('teams signs in with OAuth');
const tokenResponse = (access_token: string) => ({
  token_type: 'Bearer',
  scope: 'User.Read Team.ReadBasic.All',
  expires_in: 3599,
  access_token,
  refresh_token: 'M.C123_refresh',
});

test('a personal account is refused at sign-in, before its tokens are stored', async () => {
  await assert.rejects(completeSignIn(provider, tokenResponse(personal)), { message: WORK_ACCOUNT_ONLY });

  const work = await completeSignIn(provider, tokenResponse(workToken()));
  assert.equal(work.access_token, workToken());
  assert.equal(work.refresh_token, 'M.C123_refresh');
});

test('a token that is not a JWT is let through at sign-in: its kind cannot be told', async () => {
  const stored = await completeSignIn(provider, tokenResponse('EwB-fake-teams-token'));

  assert.equal(stored.access_token, 'EwB-fake-teams-token');
});

test('stored credentials of a personal account get a clear answer from every tool, and Graph is not called', async (t) => {
  const fake = await startTeamsFake(t);
  const client = await connect(teams, { credentials: { access_token: personal } });

  const listed = await client.callTool({ name: 'get_teams', arguments: {} });
  const sent = await client.callTool({
    name: 'send_chat_message',
    arguments: { chat_id: '19:x@thread.v2', content: 'hi' },
  });

  for (const result of [listed, sent]) {
    assert.equal(result.isError, true);
    assert.equal(text(result), WORK_ACCOUNT_ONLY);
  }
  assert.match(WORK_ACCOUNT_ONLY, /^Microsoft Teams needs a work or school account/);
  assert.equal(fake.requests.length, 0);
});

test('when the token cannot tell the account’s kind, a refusal adds that Teams needs a work or school account', async (t) => {
  const fake = await startTeamsFake(t);
  fake.once(`GET ${V1}/me/chats`, {
    status: 403,
    body: graphError('Forbidden', 'No authorization information present on the request.'),
  });
  fake.once(`GET ${V1}/me/chats`, { status: 401, body: GRAPH_ERRORS.expiredToken });
  const client = await connect(teams, { credentials: { access_token: 'EwB-fake-teams-token' } });

  const forbidden = await client.callTool({ name: 'get_chats', arguments: {} });
  const unauthorized = await client.callTool({ name: 'get_chats', arguments: {} });

  assert.match(
    text(forbidden),
    /^Permission denied by Microsoft Teams: Forbidden: No authorization information present on the request\. .* If you signed in with a personal Microsoft account \(outlook\.com, hotmail\.com, live\.com\), note that Microsoft Teams needs a work or school account\.$/,
  );
  assert.equal(
    text(unauthorized),
    'Not authenticated with teams: Microsoft Teams rejected the stored token. If you signed in with a personal Microsoft account (outlook.com, hotmail.com, live.com), note that Microsoft Teams needs a work or school account. Re-authenticate with `gumcp auth teams`.',
  );
  assert.doesNotMatch(text(unauthorized), /EwBwA8l6/);
});

test('a work account’s refusal is not blamed on the account kind', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/me/chats`, { status: 403, body: GRAPH_ERRORS.accessDenied });
  const client = await connect(teams, { credentials: { access_token: workToken() } });

  const result = await client.callTool({ name: 'get_chats', arguments: {} });

  assert.doesNotMatch(text(result), /personal Microsoft account/);
});
