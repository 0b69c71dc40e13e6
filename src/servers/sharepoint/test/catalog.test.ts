import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertAnnotationKinds,
  assertCatalogTools,
  type CatalogTool,
  catalogServer,
} from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import sharepoint from '../index.js';

/** Parameters this port adds to guMCP's (all optional): limits, publishing, and upload content. */
const EXTRAS: Record<string, string[]> = {
  list_site_lists: ['limit'],
  search_sites: ['limit'],
  create_site_page: ['publish'],
  upload_file: ['content', 'content_base64'],
};

const withExtras = (tools: Record<string, CatalogTool>) =>
  Object.fromEntries(
    Object.entries(tools).map(([name, spec]) => [
      name,
      { ...spec, params: [...spec.params, ...(EXTRAS[name] ?? [])] },
    ]),
  );

test('sharepoint lists exactly the catalog tools, with its parameters (and the declared extras) and output schemas', async () => {
  const client = await connect(sharepoint);
  const { tools } = await client.listTools();

  assertCatalogTools(tools, withExtras(catalogServer('sharepoint').tools));
});

test('annotations say which tools only read, which overwrite or delete, and which add anew', async () => {
  const client = await connect(sharepoint);
  const { tools } = await client.listTools();

  assertAnnotationKinds(tools, {
    readOnly: [
      'get_users',
      'list_site_lists',
      'get_list',
      'get_list_item',
      'get_list_items',
      'get_site_page',
      'list_site_pages',
      'get_site_info',
      'search_sites',
    ],
    // download_file may replace a local file where GUMCP_LOCAL_FILES_DIR allows local files.
    destructive: ['update_list_item', 'delete_list_item', 'upload_file', 'download_file'],
    notIdempotent: ['create_list', 'create_list_item', 'create_folder', 'create_site_page'],
  });
});

test('the server signs in with the catalog’s scopes at Microsoft’s endpoints; each tool names one of them', () => {
  const catalog = catalogServer('sharepoint');
  assert.equal(sharepoint.auth.kind, 'oauth2');
  if (sharepoint.auth.kind !== 'oauth2') return;
  assert.deepEqual([...sharepoint.auth.scopes], catalog.auth.scopes);
  assert.equal(sharepoint.auth.provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(sharepoint.auth.provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(sharepoint.auth.provider.service, 'sharepoint');
  for (const [name, def] of Object.entries(sharepoint.tools)) {
    for (const scope of def.scopes ?? assert.fail(`${name} declares its scopes`)) {
      assert.ok(catalog.auth.scopes?.includes(scope), `${name}: ${scope}`);
    }
  }
});
