import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import clickup from '../index.js';

const catalog = catalogServer('clickup');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = { get_tasks: ['max_pages'], add_comment: ['notify_all'] };

test('clickup lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(clickup)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which overwrite, and which add anew', async () => {
  const { tools } = await (await connect(clickup)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_authenticated_user',
      'get_workspaces',
      'get_spaces',
      'get_folders',
      'get_lists',
      'get_tasks',
      'get_task_by_id',
    ],
    destructive: ['update_task'],
    notIdempotent: ['create_task', 'add_comment', 'create_list', 'create_folder'],
  });
});

test('auth is ClickUp OAuth with the catalog’s URLs and no scopes', () => {
  assert.deepEqual(clickup.auth, {
    kind: 'oauth2',
    provider: {
      service: 'clickup',
      authorizeUrl: catalog.auth.authorizeUrl,
      tokenUrl: catalog.auth.tokenUrl,
      tokenEndpointAuth: 'client_secret_post',
      pkce: false,
    },
    scopes: [],
  });
});
