import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnyToolDef } from '../../../core/definition.js';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import gdocs from '../index.js';

const catalog = catalogServer('gdocs');

/** Optional parameters this port adds to guMCP's (none is required). */
const EXTRAS: Record<string, string[]> = { search_docs: ['max_results'], read_doc: ['max_chars'] };
const withExtras = Object.fromEntries(
  Object.entries(catalog.tools).map(([name, spec]) => [
    name,
    { ...spec, params: [...spec.params, ...(EXTRAS[name] ?? [])] },
  ]),
);

test('gdocs lists exactly the catalog tools, with its parameter names (and two optional extras), required fields and output schemas', async () => {
  const { tools } = await (await connect(gdocs)).listTools();

  assertCatalogTools(tools, withExtras);
});

test('annotations say which tools only read, which overwrite, and which add on every call', async () => {
  const { tools } = await (await connect(gdocs)).listTools();

  assertAnnotationKinds(tools, {
    readOnly: ['search_docs', 'read_doc'],
    destructive: ['update_doc'],
    notIdempotent: ['create_doc', 'append_to_doc'],
  });
});

test('each tool declares the scopes the catalog gives it, and login asks for the catalog’s scopes', () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    assert.deepEqual((gdocs.tools as Record<string, AnyToolDef>)[name]?.scopes, spec.requiredScopes, name);
  }
  assert.equal(gdocs.auth.kind, 'oauth2');
  if (gdocs.auth.kind !== 'oauth2') return;
  assert.deepEqual(gdocs.auth.scopes, catalog.auth.scopes);
  assert.equal(gdocs.auth.provider.service, 'gdocs');
  assert.equal(gdocs.auth.provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(gdocs.auth.provider.tokenUrl, catalog.auth.tokenUrl);
});

test('the document template is the catalog’s URI scheme', async () => {
  const { resourceTemplates } = await (await connect(gdocs)).listResourceTemplates();

  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    ['gdocs://document/{doc_id}'],
  );
  assert.equal(catalog.resources?.uriScheme, 'gdocs');
});
