import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import canva from '../index.js';
import { setup } from './harness.js';

const catalog = catalogServer('canva');

/** Optional parameters this server adds to guMCP's (exports, uploads, autofill, resize, paging). */
const EXTRAS: Record<string, string[]> = {
  get_design: ['export_format', 'export_pages', 'export_quality'],
  list_designs: ['limit'],
  create_design: [
    'asset_url',
    'asset_base64',
    'asset_name',
    'brand_template_id',
    'autofill_data',
    'resize_design_id',
  ],
};

test("canva lists the catalog's 14 tools with its parameter names, required fields and output schemas", async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assert.equal(tools.length, 14);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations tell reads from writes, and which writes repeat safely', async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_user_profile',
      'get_user_details',
      'get_thread',
      'list_replies',
      'get_reply',
      'get_design',
      'list_designs',
      'get_folder',
    ],
    destructive: ['delete_folder'],
    notIdempotent: ['create_reply', 'create_thread', 'create_design', 'create_folder'],
  });
});

test("each tool declares the catalog's scope first", () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    assert.equal(canva.tools[name]?.scopes?.[0], spec.requiredScopes?.[0], name);
  }
});

test("auth is Canva's OAuth: the catalog's URLs and scopes, PKCE, Basic client auth", () => {
  assert.deepEqual(canva.auth, {
    kind: 'oauth2',
    provider: {
      service: 'canva',
      authorizeUrl: catalog.auth.authorizeUrl,
      tokenUrl: catalog.auth.tokenUrl,
      scopeSeparator: ' ',
      tokenEndpointAuth: 'client_secret_basic',
    },
    scopes: catalog.auth.scopes,
  });
});

test('the server lists the canva://design resource template', async (t) => {
  const { client } = await setup(t);
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    catalog.resources?.uriTemplates,
  );
});
