import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import lemlist from '../index.js';

const catalog = catalogServer('lemlist');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  get_campaign_export_status: ['wait_seconds'],
};

test('lemlist lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(lemlist)).listTools();
  assert.equal(tools.length, 30);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: enrolling leads, creating and emailing are not idempotent; deletes and overwrites are destructive', async () => {
  const { tools } = await (await connect(lemlist)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_team',
      'get_senders',
      'get_credits',
      'get_user',
      'get_all_campaigns',
      'get_campaign',
      'get_campaign_export_status',
      'get_all_schedules',
      'get_schedule',
      'get_campaign_schedules',
      'get_all_unsubscribes',
      'export_unsubscribes',
      'get_database_filters',
    ],
    destructive: [
      'update_campaign',
      'update_schedule',
      'delete_schedule',
      'delete_lead',
      'mark_lead_as_interested_all_campaigns',
      'mark_lead_as_not_interested_all_campaigns',
      'mark_lead_as_interested_in_campaign',
      'mark_lead_as_not_interested_in_campaign',
      'delete_unsubscribe',
    ],
    notIdempotent: [
      'create_campaign',
      'start_lemlist_campaign_export',
      'export_lemlist_campaign',
      'create_schedule',
      'create_lead_in_campaign',
    ],
  });
});

test('auth is an API key under guMCP’s credential field names, checked at sign-in', () => {
  assert.equal(lemlist.auth.kind, 'api_key');
  if (lemlist.auth.kind !== 'api_key') return;
  assert.deepEqual(
    lemlist.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(lemlist.auth.fields[0]?.secret, true);
  assert.equal(lemlist.auth.fields[1]?.optional, true);
  assert.equal(typeof lemlist.auth.verify, 'function');
});

test('create_lead_in_campaign says it enrols a real person and spends credits on enrichment', async () => {
  const { tools } = await (await connect(lemlist)).listTools();
  const add = tools.find((t) => t.name === 'create_lead_in_campaign');
  assert.match(String(add?.description), /enrols a real person/);
  assert.match(String(add?.description), /spend lemlist credits/);
});
