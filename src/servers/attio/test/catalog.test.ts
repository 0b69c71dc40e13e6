import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import attio from '../index.js';

const catalog = catalogServer('attio');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  search_companies: ['limit'],
  search_contacts: ['limit'],
  read_list: ['limit'],
};

test('attio lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(attio)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which change records, and which add anew', async () => {
  const { tools } = await (await connect(attio)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'search_companies',
      'read_company',
      'search_contacts',
      'read_contact',
      'list_lists',
      'read_list',
    ],
    destructive: ['update_company', 'update_contact'],
    // Updates prepend multiselect values, so repeating one is not harmless.
    notIdempotent: ['create_company', 'create_contact', 'add_to_list', 'update_company', 'update_contact'],
  });
});

test('tools declare Attio’s own scopes, read or write as the catalog’s read/write says', () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    const [first] = attio.tools[name]?.scopes ?? [];
    const writes = spec.requiredScopes?.includes('write');
    assert.ok(first, name);
    assert.equal(first.endsWith(':read-write'), !!writes, `${name}: ${first}`);
  }
});

test('auth is Attio OAuth with the catalog’s URLs, the secret in the token request, and no scope sent', () => {
  assert.deepEqual(attio.auth, {
    kind: 'oauth2',
    provider: {
      service: 'attio',
      authorizeUrl: catalog.auth.authorizeUrl,
      tokenUrl: catalog.auth.tokenUrl,
      tokenEndpointAuth: 'client_secret_post',
      pkce: false,
    },
    scopes: [],
  });
});
