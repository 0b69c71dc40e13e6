import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import teams from '../index.js';

const catalog = catalogServer('teams');

/** Optional parameters this server adds to guMCP's (never required, so guMCP's calls keep working). */
const EXTRAS: Record<string, string[]> = {
  get_chats: ['limit'],
  send_chat_message: ['content_type'],
  send_team_channel_message: ['content_type'],
  post_message_reply: ['content_type'],
};
const expected = Object.fromEntries(
  Object.entries(catalog.tools).map(([name, t]) => [
    name,
    { params: [...t.params, ...(EXTRAS[name] ?? [])], required: t.required },
  ]),
);

test('teams lists exactly the 15 catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(teams)).listTools();

  assert.equal(tools.length, 15);
  assertCatalogTools(tools, expected);
});

test('annotations: reads only read, creating and posting add anew, membership changes are repeatable', async () => {
  const { tools } = await (await connect(teams)).listTools();

  assertAnnotationKinds(tools, {
    readOnly: [
      'get_teams',
      'get_team_details',
      'get_team_channels',
      'get_chats',
      'get_chat_messages',
      'get_team_channel_messages',
      'get_team_members',
    ],
    destructive: ['remove_team_member'],
    notIdempotent: [
      'create_team',
      'create_team_channel',
      'send_chat_message',
      'send_team_channel_message',
      'post_message_reply',
      'create_meeting',
    ],
  });
});

test('sign-in asks for the catalog’s scopes at the Microsoft identity platform; each tool names a scope among them', () => {
  assert.equal(teams.auth.kind, 'oauth2');
  if (teams.auth.kind !== 'oauth2') return;
  assert.deepEqual(teams.auth.scopes, catalog.auth.scopes);
  assert.equal(teams.auth.provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(teams.auth.provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(teams.auth.provider.scopeSeparator, ' ');
  assert.equal(teams.auth.provider.service, 'teams');
  for (const [name, def] of Object.entries(teams.tools)) {
    assert.ok(def.scopes?.length, `${name} names its scopes`);
    for (const scope of def.scopes ?? [])
      assert.ok(catalog.auth.scopes?.includes(scope), `${name}: ${scope}`);
  }
});

test('the channel resource template is the catalog’s', async () => {
  const { resourceTemplates } = await (await connect(teams)).listResourceTemplates();

  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    catalog.resources?.uriTemplates,
  );
});
