import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import airtable from '../index.js';

const catalog = catalogServer('airtable');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  search_records: ['max_records'],
  create_records: ['typecast'],
  update_records: ['typecast'],
};

test('airtable lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(airtable)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which overwrite or delete, and which add anew', async () => {
  const { tools } = await (await connect(airtable)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: ['read_records', 'search_records', 'get_record', 'list_bases', 'list_tables', 'base_schema'],
    destructive: ['update_records', 'delete_records', 'update_table', 'update_field', 'delete_base'],
    notIdempotent: ['create_records', 'create_table', 'create_field', 'create_base'],
  });
});

test('tools declare the catalog’s scopes; delete_base the enterprise scope Airtable requires for it', () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    const declared = airtable.tools[name]?.scopes ?? [];
    if (name === 'delete_base') assert.deepEqual(declared, ['workspacesAndBases:manage']);
    else assert.equal(declared[0], spec.requiredScopes?.[0], name);
  }
  assert.deepEqual(airtable.tools.search_records?.scopes, ['data.records:read', 'schema.bases:read']);
});

test('auth is Airtable OAuth with the catalog’s URLs, scopes and client_secret_basic', () => {
  assert.deepEqual(airtable.auth, {
    kind: 'oauth2',
    provider: {
      service: 'airtable',
      authorizeUrl: catalog.auth.authorizeUrl,
      tokenUrl: catalog.auth.tokenUrl,
      scopeSeparator: ' ',
      tokenEndpointAuth: 'client_secret_basic',
    },
    scopes: catalog.auth.scopes,
  });
});
