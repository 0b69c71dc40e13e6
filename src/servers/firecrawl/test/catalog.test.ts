import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import firecrawl from '../index.js';

const catalog = catalogServer('firecrawl');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  scrape_url: ['offset', 'maxChars', 'scrapeId', 'fullMetadata', 'includeTags', 'proxy', 'actions'],
  batch_scrape: ['waitSeconds', 'maxDocuments', 'maxChars'],
  crawl_website: ['waitSeconds', 'maxDocuments', 'maxChars'],
  get_batch_status: ['skip', 'maxDocuments', 'maxChars'],
  get_crawl_status: ['skip', 'maxDocuments', 'maxChars'],
  extract_data: ['waitSeconds'],
  search: ['maxChars'],
};

test('firecrawl lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(firecrawl)).listTools();
  assert.equal(tools.length, 12);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: reads and lookups read; starting jobs is not idempotent; cancelling overwrites', async () => {
  const { tools } = await (await connect(firecrawl)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'scrape_url',
      'get_batch_status',
      'get_batch_error',
      'get_crawl_status',
      'map_website',
      'get_extract_status',
      'search',
      'check_credit_usage',
    ],
    destructive: ['cancel_crawl'],
    notIdempotent: ['batch_scrape', 'crawl_website', 'extract_data'],
  });
});

test('the tools that spend credits say so; the lookups do not', async () => {
  const { tools } = await (await connect(firecrawl)).listTools();
  const described = Object.fromEntries(tools.map((t) => [t.name, t.description ?? '']));
  for (const name of [
    'scrape_url',
    'batch_scrape',
    'crawl_website',
    'map_website',
    'extract_data',
    'search',
  ]) {
    assert.match(described[name] ?? '', /Spends Firecrawl credits/, name);
  }
  for (const name of ['get_crawl_status', 'get_batch_status', 'check_credit_usage', 'cancel_crawl']) {
    assert.doesNotMatch(described[name] ?? '', /Spends Firecrawl credits/, name);
  }
});

test('auth is an API key under guMCP’s credential field name, checked at sign-in', () => {
  assert.equal(firecrawl.auth.kind, 'api_key');
  if (firecrawl.auth.kind !== 'api_key') return;
  assert.deepEqual(
    firecrawl.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(firecrawl.auth.fields[0]?.secret, true);
  assert.equal(typeof firecrawl.auth.verify, 'function');
});
