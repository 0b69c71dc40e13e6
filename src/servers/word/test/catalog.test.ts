import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertAnnotationKinds,
  assertCatalogTools,
  type CatalogTool,
  catalogServer,
} from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import word from '../index.js';

/** Parameters this port adds to guMCP's (optional). */
const EXTRAS: Record<string, string[]> = { write_document: ['mode'] };

const withExtras = (tools: Record<string, CatalogTool>) =>
  Object.fromEntries(
    Object.entries(tools).map(([name, spec]) => [
      name,
      { ...spec, params: [...spec.params, ...(EXTRAS[name] ?? [])] },
    ]),
  );

test('word lists exactly the catalog tools, with its parameters (and the declared extra) and output schemas', async () => {
  const client = await connect(word);
  const { tools } = await client.listTools();

  assertCatalogTools(tools, withExtras(catalogServer('word').tools));
});

test('annotations: reads, deletion, and what adds anew on every call', async () => {
  const client = await connect(word);
  const { tools } = await client.listTools();

  assertAnnotationKinds(tools, {
    readOnly: ['list_documents', 'read_document', 'search_documents', 'download_document'],
    destructive: ['write_document', 'delete_document'],
    notIdempotent: ['create_document', 'write_document'],
  });
});

test('the server asks for the catalog’s scopes at Microsoft’s endpoints', () => {
  const catalog = catalogServer('word');
  assert.ok(word.auth.kind === 'oauth2');
  if (word.auth.kind !== 'oauth2') return;
  assert.deepEqual([...word.auth.scopes], catalog.auth.scopes);
  assert.equal(word.auth.provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(word.auth.provider.service, 'word');
});
