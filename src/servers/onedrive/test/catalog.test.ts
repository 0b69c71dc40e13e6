import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import onedrive from '../index.js';

const catalog = catalogServer('onedrive');

/** Optional parameters this server adds to guMCP's (never required, so guMCP's calls keep working). */
const EXTRAS: Record<string, string[]> = {
  list_files: ['limit'],
  upload_file: ['content', 'content_base64'],
  search_files: ['limit'],
  get_file_sharing_link: ['type', 'scope'],
};
const expected = Object.fromEntries(
  Object.entries(catalog.tools).map(([name, t]) => [
    name,
    { params: [...t.params, ...(EXTRAS[name] ?? [])], required: t.required },
  ]),
);

test('onedrive lists exactly the 7 catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(onedrive)).listTools();

  assert.equal(tools.length, 7);
  assertCatalogTools(tools, expected);
});

test('annotations: listing and searching only read; uploads, downloads (a local file) and deletes overwrite', async () => {
  const { tools } = await (await connect(onedrive)).listTools();

  assertAnnotationKinds(tools, {
    readOnly: ['list_files', 'search_files'],
    destructive: ['upload_file', 'download_file', 'delete_item'],
    notIdempotent: ['create_folder'],
  });
});

test('sign-in asks for the catalog’s scopes at the Microsoft identity platform; every tool names Files.ReadWrite.All', () => {
  assert.equal(onedrive.auth.kind, 'oauth2');
  if (onedrive.auth.kind !== 'oauth2') return;
  assert.deepEqual(onedrive.auth.scopes, catalog.auth.scopes);
  assert.equal(onedrive.auth.provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(onedrive.auth.provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(onedrive.auth.provider.service, 'onedrive');
  for (const [name, def] of Object.entries(onedrive.tools)) {
    assert.deepEqual(def.scopes, ['https://graph.microsoft.com/Files.ReadWrite.All'], name);
  }
});
