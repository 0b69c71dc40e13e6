import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools } from '../../../testing/catalog.js';
import slack from '../index.js';
import { setup } from './harness.js';

/**
 * guMCP's Slack tools (catalog: tool, parameters, required). Two deliberate differences:
 * remove_from_channel requires the parameters it has (guMCP lists `channel`/`user`, which it
 * does not define), and list_users_in_channel takes an optional `limit` like the other lists.
 */
const CATALOG: Record<string, { params: string[]; required: string[]; scopes: string[] }> = {
  read_messages: {
    params: ['channel', 'limit', 'start_timestamp', 'end_timestamp'],
    required: ['channel'],
    scopes: ['channels:history', 'groups:history', 'im:read'],
  },
  send_message: {
    params: ['channel', 'text', 'thread_ts'],
    required: ['channel', 'text'],
    scopes: ['chat:write', 'chat:write.customize'],
  },
  create_canvas: {
    params: ['channel', 'title', 'blocks', 'thread_ts'],
    required: ['channel', 'title', 'blocks'],
    scopes: ['chat:write', 'chat:write.customize'],
  },
  add_user_to_channel: {
    params: ['channel', 'user'],
    required: ['channel', 'user'],
    scopes: ['channels:manage', 'groups:write'],
  },
  react_to_message: {
    params: ['channel', 'timestamp', 'reaction'],
    required: ['channel', 'timestamp', 'reaction'],
    scopes: ['reactions:write'],
  },
  delete_message: {
    params: ['channel', 'timestamp'],
    required: ['channel', 'timestamp'],
    scopes: ['chat:write'],
  },
  get_message_thread: {
    params: ['channel', 'thread_ts', 'limit'],
    required: ['channel', 'thread_ts'],
    scopes: ['channels:history', 'groups:history', 'im:read'],
  },
  pin_message: {
    params: ['channel', 'timestamp'],
    required: ['channel', 'timestamp'],
    scopes: ['pins:write'],
  },
  unpin_message: {
    params: ['channel', 'timestamp'],
    required: ['channel', 'timestamp'],
    scopes: ['pins:write'],
  },
  get_user_presence: { params: ['user'], required: ['user'], scopes: ['users:read'] },
  remove_from_channel: {
    params: ['channel_id', 'user_id'],
    required: ['channel_id', 'user_id'],
    scopes: ['channels:manage', 'groups:write'],
  },
  list_pinned_items: { params: ['channel'], required: ['channel'], scopes: ['pins:read'] },
  create_channel: {
    params: ['name', 'is_private', 'team_id'],
    required: ['name'],
    scopes: ['channels:manage', 'groups:write'],
  },
  update_channel_topic: {
    params: ['channel', 'topic'],
    required: ['channel', 'topic'],
    scopes: ['channels:manage', 'groups:write'],
  },
  update_channel_purpose: {
    params: ['channel', 'purpose'],
    required: ['channel', 'purpose'],
    scopes: ['channels:manage', 'groups:write'],
  },
  archive_channel: {
    params: ['channel'],
    required: ['channel'],
    scopes: ['channels:manage', 'groups:write'],
  },
  unarchive_channel: {
    params: ['channel'],
    required: ['channel'],
    scopes: ['channels:manage', 'groups:write'],
  },
  list_users_in_channel: {
    params: ['channel', 'limit'],
    required: ['channel'],
    scopes: ['channels:read', 'groups:read', 'users:read'],
  },
};

const READ_ONLY = [
  'read_messages',
  'get_message_thread',
  'get_user_presence',
  'list_pinned_items',
  'list_users_in_channel',
];
/** Writes that remove or overwrite something. */
const DESTRUCTIVE = [
  'delete_message',
  'unpin_message',
  'remove_from_channel',
  'update_channel_topic',
  'update_channel_purpose',
  'archive_channel',
];
/** Writes that are not idempotent: each call posts or creates something new. */
const REPEATABLE = ['send_message', 'create_canvas', 'create_channel'];

test("the server lists guMCP's 18 Slack tools with their parameters and required fields", async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assertCatalogTools(tools, CATALOG);
});

test('annotations say truly which tools read, destroy, or can be repeated safely', async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assertAnnotationKinds(tools, { readOnly: READ_ONLY, destructive: DESTRUCTIVE, notIdempotent: REPEATABLE });
});

test("each tool declares the catalog's scopes", () => {
  for (const [name, def] of Object.entries(slack.tools))
    assert.deepEqual(def.scopes, CATALOG[name]?.scopes, name);
});

test('auth is Slack OAuth v2 with comma-separated scopes and the token fields worth keeping', () => {
  assert.equal(slack.id, 'slack');
  assert.deepEqual(slack.auth, {
    kind: 'oauth2',
    provider: {
      service: 'slack',
      authorizeUrl: 'https://slack.com/oauth/v2/authorize',
      tokenUrl: 'https://slack.com/api/oauth.v2.access',
      scopeSeparator: ',',
      tokenEndpointAuth: 'client_secret_post',
      keepTokenFields: [
        'team',
        'enterprise',
        'authed_user',
        'bot_user_id',
        'app_id',
        'is_enterprise_install',
      ],
    },
    scopes: [
      'channels:history',
      'channels:read',
      'chat:write',
      'chat:write.customize',
      'groups:read',
      'groups:write',
      'groups:history',
      'pins:read',
      'pins:write',
      'reactions:write',
      'files:read',
      'files:write',
      'im:read',
      'channels:manage',
      'users:read',
    ],
  });
});
