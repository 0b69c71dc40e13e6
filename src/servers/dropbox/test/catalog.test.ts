import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import dropbox from '../index.js';
import { setup } from './harness.js';

const catalog = catalogServer('dropbox');

/** Optional parameters this server adds to guMCP's. */
const EXTRAS: Record<string, string[]> = {
  list_files: ['limit', 'recursive', 'cursor'],
  upload_file: ['content', 'content_base64', 'autorename'],
  create_folder: ['autorename'],
  download: ['max_bytes'],
  search: ['path', 'max_results', 'filename_only'],
  move: ['autorename'],
};

test("dropbox lists the catalog's 9 tools with its parameter names and required fields", async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assert.equal(tools.length, 9);
  // download answers with MCP content (text and the file as a resource, image or blob), not
  // structured content, so it has no output schema; every other tool has one.
  const download = tools.find((tool) => tool.name === 'download');
  assert.equal(download?.outputSchema, undefined);
  const { download: downloadSpec, ...withSchemas } = catalog.tools;
  assertCatalogTools(
    tools.filter((tool) => tool.name !== 'download'),
    withSchemas,
    EXTRAS,
  );
  assert.deepEqual(download?.inputSchema.required?.sort(), [...(downloadSpec?.required ?? [])].sort());
  for (const param of [...(downloadSpec?.params ?? []), 'max_bytes']) {
    assert.ok(param in (download?.inputSchema.properties ?? {}), `download accepts ${param}`);
  }
});

test('annotations tell reads from writes, and which writes repeat safely', async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assertAnnotationKinds(tools, {
    readOnly: ['list_files', 'download', 'search', 'get_user_info', 'get_file_metadata'],
    destructive: ['upload_file', 'delete'],
    notIdempotent: ['create_folder'],
  });
});

test("each tool declares the catalog's scopes", () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    assert.deepEqual(dropbox.tools[name]?.scopes, spec.requiredScopes, name);
  }
});

test("auth is Dropbox's OAuth: the catalog's URLs and scopes, Basic client auth, PKCE and offline access", () => {
  assert.deepEqual(dropbox.auth, {
    kind: 'oauth2',
    provider: {
      service: 'dropbox',
      authorizeUrl: catalog.auth.authorizeUrl,
      tokenUrl: catalog.auth.tokenUrl,
      scopeSeparator: ' ',
      tokenEndpointAuth: 'client_secret_basic',
      authorizeParams: { token_access_type: 'offline' },
      keepTokenFields: ['account_id', 'uid'],
    },
    scopes: catalog.auth.scopes,
  });
  // PKCE is on (no `pkce: false`): Dropbox supports S256 challenges for confidential clients too.
  assert.equal(dropbox.auth.kind === 'oauth2' && dropbox.auth.provider.pkce, undefined);
});
