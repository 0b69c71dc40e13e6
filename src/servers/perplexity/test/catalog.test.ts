import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import perplexity from '../index.js';

const catalog = catalogServer('perplexity');

/** Optional parameters this server adds to guMCP's. */
const EXTRAS: Record<string, string[]> = {
  search: ['max_tokens', 'search_domain_filter', 'search_context_size'],
  chat: ['max_tokens', 'disable_search'],
};

test('perplexity lists exactly the catalog tools, with their parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(perplexity)).listTools();
  assert.equal(tools.length, 2);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: both tools are billed per call, so neither is read-only nor idempotent', async () => {
  const { tools } = await (await connect(perplexity)).listTools();
  assertAnnotationKinds(tools, { readOnly: [], destructive: [], notIdempotent: ['search', 'chat'] });
  for (const t of tools) assert.match(t.description ?? '', /billed by Perplexity/, t.name);
});

test('the credential field is guMCP’s api_key, a secret', () => {
  assert.equal(catalog.auth.type, 'API key');
  assert.equal(perplexity.auth.kind, 'api_key');
  if (perplexity.auth.kind !== 'api_key') return;
  assert.deepEqual(
    perplexity.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(perplexity.auth.fields[0]?.secret, true);
});
