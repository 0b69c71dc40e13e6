import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import apollo from '../index.js';

const catalog = catalogServer('apollo');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  search_contacts: ['limit', 'full'],
  search_accounts: ['limit', 'full'],
  list_deals: ['limit', 'full', 'sort_by_field'],
  list_users: ['limit', 'full'],
  create_contact: ['run_dedupe'],
};

test('apollo lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(apollo)).listTools();
  assert.equal(tools.length, 17);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: creates and credit-spending enrichment are not idempotent; updates and the delete are destructive', async () => {
  const { tools } = await (await connect(apollo)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'search_contacts',
      'search_accounts',
      'list_contact_stages',
      'list_account_stages',
      'list_deals',
      'list_deal_stages',
      'list_users',
    ],
    destructive: ['update_contact', 'delete_contact', 'update_account', 'update_deal'],
    notIdempotent: [
      'enrich_person',
      'enrich_organization',
      'create_contact',
      'create_account',
      'create_deal',
      'create_task',
    ],
  });
});

test('the enrichment tools say they spend credits', async () => {
  const { tools } = await (await connect(apollo)).listTools();
  for (const name of ['enrich_person', 'enrich_organization']) {
    assert.match(String(tools.find((t) => t.name === name)?.description), /Spends Apollo credits/, name);
  }
});

test('auth is an API key under guMCP’s credential field name, checked at sign-in', () => {
  assert.equal(apollo.auth.kind, 'api_key');
  if (apollo.auth.kind !== 'api_key') return;
  assert.deepEqual(
    apollo.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(apollo.auth.fields[0]?.secret, true);
  assert.equal(typeof apollo.auth.verify, 'function');
});
