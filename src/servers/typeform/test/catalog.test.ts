import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import typeform from '../index.js';

const catalog = catalogServer('typeform');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  list_workspaces: ['max_results'],
  list_forms_by_workspace: ['max_results'],
  search_forms: ['max_results'],
  get_form_responses: ['before'],
};

test('typeform lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(typeform)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('every tool only reads', async () => {
  const { tools } = await (await connect(typeform)).listTools();
  assertAnnotationKinds(tools, { readOnly: Object.keys(catalog.tools), destructive: [], notIdempotent: [] });
});

test('each tool names the scope of what it reads', () => {
  const scopes = Object.fromEntries(Object.entries(typeform.tools).map(([name, def]) => [name, def.scopes]));
  assert.deepEqual(scopes, {
    list_workspaces: ['workspaces:read'],
    list_forms_by_workspace: ['forms:read'],
    search_forms: ['forms:read'],
    get_form_responses: ['responses:read'],
  });
});

test('auth is Typeform OAuth with the catalog’s URLs, scopes (and offline, for a refresh token), no PKCE', () => {
  const { auth } = typeform;
  assert.equal(auth.kind, 'oauth2');
  if (auth.kind !== 'oauth2') return;
  const { discover, ...provider } = auth.provider;
  assert.equal(typeof discover, 'function');
  assert.deepEqual(provider, {
    service: 'typeform',
    authorizeUrl: catalog.auth.authorizeUrl,
    tokenUrl: catalog.auth.tokenUrl,
    scopeSeparator: catalog.auth.scopeSeparator,
    tokenEndpointAuth: 'client_secret_post',
    pkce: catalog.auth.pkce,
  });
  assert.deepEqual(auth.scopes, [...(catalog.auth.scopes ?? []), 'offline']);
});

test('resources have guMCP’s URIs (typeform://workspace/{id}, typeform://form/{id})', async () => {
  const { resourceTemplates } = await (await connect(typeform)).listResourceTemplates();
  const shape = (t: string) => t.replace(/\{[^}]+\}/g, '{}');
  assert.deepEqual(
    resourceTemplates.map((r) => shape(r.uriTemplate)),
    (catalog.resources?.uriTemplates ?? []).map(shape),
  );
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    ['typeform://workspace/{workspace_id}', 'typeform://form/{form_id}'],
  );
});
