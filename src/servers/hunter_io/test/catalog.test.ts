import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import hunter from '../index.js';

const catalog = catalogServer('hunter_io');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  domain_search: ['offset', 'type', 'seniority', 'department', 'include_sources'],
  list_leads: ['offset'],
  list_leads_lists: ['limit', 'offset'],
  list_campaigns: ['limit', 'offset', 'started', 'archived'],
  list_campaign_recipients: ['limit', 'offset'],
};

test('hunter_io lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(hunter)).listTools();
  assert.equal(tools.length, 22);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: lookups read; creations and sending are not idempotent; updates and deletes overwrite', async () => {
  const { tools } = await (await connect(hunter)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'domain_search',
      'email_finder',
      'email_verifier',
      'email_count',
      'email_enrichment',
      'company_enrichment',
      'account_info',
      'list_leads',
      'get_lead',
      'list_leads_lists',
      'get_leads_list',
      'list_campaigns',
      'list_campaign_recipients',
    ],
    destructive: [
      'update_lead',
      'delete_lead',
      'update_leads_list',
      'delete_leads_list',
      'cancel_campaign_recipients',
    ],
    notIdempotent: ['create_lead', 'create_leads_list', 'add_campaign_recipients', 'start_campaign'],
  });
});

test('the tools that spend credits say so, and the ones that send email say that', async () => {
  const { tools } = await (await connect(hunter)).listTools();
  const described = Object.fromEntries(tools.map((t) => [t.name, t.description ?? '']));
  for (const name of [
    'domain_search',
    'email_finder',
    'email_verifier',
    'email_enrichment',
    'company_enrichment',
  ]) {
    assert.match(described[name] ?? '', /Consumes credits/, name);
  }
  for (const name of ['email_count', 'account_info', 'list_leads', 'get_lead', 'list_campaigns']) {
    assert.doesNotMatch(described[name] ?? '', /Consumes credits/, name);
  }
  assert.match(described.add_campaign_recipients ?? '', /SENDS EMAIL/);
  assert.match(described.start_campaign ?? '', /SENDS EMAIL/);
});

test('auth is an API key under guMCP’s credential field name, checked at sign-in', () => {
  assert.equal(hunter.auth.kind, 'api_key');
  if (hunter.auth.kind !== 'api_key') return;
  assert.deepEqual(
    hunter.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(hunter.auth.fields[0]?.secret, true);
  assert.equal(typeof hunter.auth.verify, 'function');
});

test('resources are the catalog’s lead and campaign templates', async () => {
  const { resourceTemplates } = await (await connect(hunter)).listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    catalog.resources?.uriTemplates,
  );
});
