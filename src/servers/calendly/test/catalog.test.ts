import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import calendly from '../index.js';

const catalog = catalogServer('calendly');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  list_event_types: ['max_results'],
  list_scheduled_events: ['max_results'],
};

test('calendly lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(calendly)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which overwrite, and which add anew', async () => {
  const { tools } = await (await connect(calendly)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: ['list_event_types', 'get_availability', 'list_scheduled_events'],
    destructive: ['cancel_event'],
    notIdempotent: ['create_scheduling_link'],
  });
});

test('every tool needs the catalog scope', () => {
  for (const [name, def] of Object.entries(calendly.tools)) {
    assert.deepEqual(def.scopes, catalog.tools[name]?.requiredScopes, name);
  }
});

test('auth is Calendly OAuth with the catalog’s URLs, scope and separator, no PKCE, owner and organization kept', () => {
  assert.deepEqual(calendly.auth, {
    kind: 'oauth2',
    provider: {
      service: 'calendly',
      authorizeUrl: catalog.auth.authorizeUrl,
      tokenUrl: catalog.auth.tokenUrl,
      scopeSeparator: catalog.auth.scopeSeparator,
      tokenEndpointAuth: 'client_secret_post',
      pkce: catalog.auth.pkce,
      keepTokenFields: ['owner', 'organization'],
    },
    scopes: catalog.auth.scopes,
  });
});

test('resources use the catalog’s URI templates', () => {
  assert.deepEqual(
    calendly.resources?.map((r) => ('uriTemplate' in r ? r.uriTemplate : r.uri)),
    catalog.resources?.uriTemplates,
  );
});
