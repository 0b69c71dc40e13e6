import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import discourse from '../index.js';

const catalog = catalogServer('discourse');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  list_categories: ['include_subcategories'],
  search_topics: ['page', 'max_pages'],
};

test('discourse lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(discourse)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read and which add anew', async () => {
  const { tools } = await (await connect(discourse)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: ['list_categories', 'search_topics', 'get_user_info'],
    destructive: [],
    notIdempotent: ['create_topic', 'create_post'],
  });
});

test('the key form stores guMCP’s credential names, with labels that say what each is', () => {
  assert.ok(discourse.auth.kind === 'api_key');
  assert.deepEqual(
    discourse.auth.fields.map((f) => f.name).sort(),
    [...(catalog.auth.credentialFields ?? [])].sort(),
  );
  assert.deepEqual(
    discourse.auth.fields.map((f) => [f.name, f.label, f.secret ?? false]),
    [
      ['metadata[Discourse URL]', 'Discourse site URL (e.g. https://forum.example.com)', false],
      ['metadata[Username]', 'Discourse username the API key acts as', false],
      ['value', 'Discourse API key', true],
    ],
  );
});

test('the resources are guMCP’s discourse://category/{id} and discourse://topic/{id}', async () => {
  const { resourceTemplates } = await (await connect(discourse)).listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    ['discourse://category/{category_id}', 'discourse://topic/{topic_id}'],
  );
});
