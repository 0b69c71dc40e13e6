import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import figma from '../index.js';
import { setup } from './harness.js';

const catalog = catalogServer('figma');

/** Optional parameters this server adds to guMCP's (paging and the file outline's controls). */
const EXTRAS: Record<string, string[]> = {
  get_file: ['depth', 'node_ids', 'max_nodes', 'include_properties', 'version'],
  get_comment_reactions: ['max_results'],
  get_file_versions: ['max_results', 'before'],
};

test("figma lists exactly the catalog's tools, with its parameter names, required fields and output schemas", async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assert.equal(tools.length, 11);
  // The extras are optional; with them set aside, every tool has exactly guMCP's parameters.
  const catalogView = tools.map((tool) => {
    const extras = EXTRAS[tool.name] ?? [];
    const properties = { ...tool.inputSchema.properties };
    for (const name of extras) {
      assert.ok(name in properties, `${tool.name} has ${name}`);
      assert.ok(!tool.inputSchema.required?.includes(name), `${tool.name}: ${name} is optional`);
      delete properties[name];
    }
    return { ...tool, inputSchema: { ...tool.inputSchema, properties } };
  });
  assertCatalogTools(catalogView, catalog.tools);
});

test('annotations tell reads from writes, and which writes repeat safely', async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_me',
      'get_file',
      'get_file_comments',
      'get_comment_reactions',
      'get_team_projects',
      'get_project_files',
      'get_file_versions',
    ],
    destructive: ['delete_comment', 'delete_comment_reaction'],
    notIdempotent: ['post_comment'],
  });
});

test("each tool declares Figma's granular scope first, and the catalog's scope among its scopes", () => {
  const granular: Record<string, string> = {
    get_me: 'current_user:read',
    get_file: 'file_content:read',
    get_file_comments: 'file_comments:read',
    get_comment_reactions: 'file_comments:read',
    post_comment: 'file_comments:write',
    delete_comment: 'file_comments:write',
    post_comment_reaction: 'file_comments:write',
    delete_comment_reaction: 'file_comments:write',
    get_team_projects: 'projects:read',
    get_project_files: 'projects:read',
    get_file_versions: 'file_versions:read',
  };
  for (const [name, spec] of Object.entries(catalog.tools)) {
    const scopes = figma.tools[name]?.scopes ?? [];
    assert.equal(scopes[0], granular[name], name);
    for (const scope of spec.requiredScopes ?? [])
      assert.ok(scopes.includes(scope), `${name} lists ${scope}`);
  }
});

test("auth is Figma's OAuth with the catalog's URLs, Basic client auth and the granular scopes", () => {
  assert.deepEqual(figma.auth, {
    kind: 'oauth2',
    provider: {
      service: 'figma',
      authorizeUrl: catalog.auth.authorizeUrl,
      tokenUrl: catalog.auth.tokenUrl,
      refreshUrl: 'https://api.figma.com/v1/oauth/refresh',
      scopeSeparator: ' ',
      tokenEndpointAuth: 'client_secret_basic',
      keepTokenFields: ['user_id', 'user_id_string'],
    },
    scopes: [
      'current_user:read',
      'file_content:read',
      'file_comments:read',
      'file_comments:write',
      'projects:read',
      'file_versions:read',
    ],
  });
  assert.equal(catalog.auth.tokenUrl, 'https://api.figma.com/v1/oauth/token');
  // Every catalog scope but the deprecated files:read is asked for.
  const asked = figma.auth.kind === 'oauth2' ? figma.auth.scopes : [];
  for (const scope of catalog.auth.scopes ?? []) {
    if (scope !== 'files:read') assert.ok(asked.includes(scope), scope);
  }
});

test('the server lists the figma://project resource template', async (t) => {
  const { client } = await setup(t);
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    catalog.resources?.uriTemplates,
  );
});
