import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import mailerlite from '../index.js';

const catalog = catalogServer('mailerlite');

/** Optional parameters this server adds to guMCP's. */
const EXTRAS: Record<string, string[]> = {
  list_all_subscribers: ['cursor'],
  get_subscriber: ['full'],
  list_groups: ['page'],
  get_group_subscribers: ['cursor'],
  list_fields: ['page'],
  list_campaigns: ['page'],
  get_campaign: ['full'],
  create_campaign: ['groups', 'segments'],
  update_campaign: ['groups', 'segments'],
  schedule_campaign: ['timezone_id'],
  get_form: ['full'],
  get_webhook: ['full'],
};

test('mailerlite lists exactly the catalog’s 33 tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(mailerlite)).listTools();
  assert.equal(tools.length, 33);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: scheduling and group enrolment send email (destructive, not idempotent); creations add', async () => {
  const { tools } = await (await connect(mailerlite)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'list_all_subscribers',
      'get_subscriber',
      'list_groups',
      'get_group_subscribers',
      'list_fields',
      'list_campaigns',
      'get_campaign',
      'list_forms',
      'get_form',
      'list_campaign_languages',
      'list_webhooks',
      'get_webhook',
    ],
    destructive: [
      'create_subscriber',
      'update_subscriber',
      'delete_subscriber',
      'update_group',
      'delete_group',
      'assign_subscriber_to_group',
      'unassign_subscriber_from_group',
      'update_field',
      'delete_field',
      'update_campaign',
      'schedule_campaign',
      'delete_campaign',
      'update_form',
      'delete_form',
      'update_webhook',
      'delete_webhook',
    ],
    notIdempotent: [
      'create_group',
      'assign_subscriber_to_group',
      'create_field',
      'create_campaign',
      'schedule_campaign',
      'create_webhook',
    ],
  });
});

test('auth is an API key under guMCP’s credential field name, checked at sign-in; resources per the catalog', () => {
  assert.equal(mailerlite.auth.kind, 'api_key');
  if (mailerlite.auth.kind !== 'api_key') return;
  assert.deepEqual(
    mailerlite.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(mailerlite.auth.fields[0]?.secret, true);
  assert.equal(typeof mailerlite.auth.verify, 'function');
  const templates = (mailerlite.resources ?? []).map((r) => ('uriTemplate' in r ? r.uriTemplate : r.uri));
  assert.deepEqual(
    templates.map((u) => u.replace(/\{[^}]+\}/, '{}')).sort(),
    (catalog.resources?.uriTemplates ?? []).map((u) => u.replace(/\{[^}]+\}/, '{}')).sort(),
  );
});
