import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import apify from '../index.js';

const catalog = catalogServer('apify');

const RUN = [
  'wait_secs',
  'items_limit',
  'fields',
  'max_bytes',
  'build',
  'memory_mbytes',
  'timeout_secs',
  'max_items',
  'max_total_charge_usd',
];

/** Optional parameters this server adds to guMCP's. */
const EXTRAS: Record<string, string[]> = {
  build_actor: ['wait_secs'],
  list_actors: ['my', 'desc'],
  get_actor: ['full'],
  run_actor: RUN,
  list_actor_runs: ['limit', 'offset', 'desc', 'status'],
  list_tasks: ['limit', 'offset', 'desc'],
  get_task: ['full'],
  run_task: RUN,
  list_task_runs: ['limit', 'offset', 'desc', 'status'],
  list_datasets: ['dataset_id', 'limit', 'offset', 'desc', 'unnamed', 'fields', 'max_bytes'],
};

test('apify lists exactly the catalog tools, with their parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(apify)).listTools();
  assert.equal(tools.length, 17);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: lists and gets read; creating, building and running are not idempotent; deletes overwrite', async () => {
  const { tools } = await (await connect(apify)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'list_actors',
      'get_actor',
      'list_actor_runs',
      'list_tasks',
      'get_task',
      'list_task_runs',
      'list_datasets',
    ],
    destructive: ['delete_actor', 'delete_task', 'delete_dataset'],
    notIdempotent: ['create_actor', 'build_actor', 'run_actor', 'create_task', 'run_task'],
  });
});

test('the credential field is guMCP’s token, a secret', () => {
  assert.equal(apify.auth.kind, 'api_key');
  if (apify.auth.kind !== 'api_key') return;
  assert.deepEqual(
    apify.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(apify.auth.fields[0]?.secret, true);
});
