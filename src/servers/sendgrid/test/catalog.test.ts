import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import sendgrid from '../index.js';

const catalog = catalogServer('sendgrid');

/** Optional parameters this server adds to guMCP's. */
const EXTRAS = {
  send_email: ['content_type', 'dynamic_template_data', 'sandbox_mode'],
  get_email_stats: ['aggregated_by'],
  list_templates: ['generations'],
};

test('sendgrid lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(sendgrid)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('send_email is destructive and not idempotent; add_contact overwrites; create_template adds', async () => {
  const { tools } = await (await connect(sendgrid)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: ['get_email_stats', 'list_templates'],
    destructive: ['send_email', 'add_contact'],
    notIdempotent: ['send_email', 'create_template'],
  });
});

test('auth is an API key under guMCP’s field name, with an optional region, checked at sign-in', () => {
  assert.equal(sendgrid.auth.kind, 'api_key');
  if (sendgrid.auth.kind !== 'api_key') return;
  assert.deepEqual(
    sendgrid.auth.fields.filter((f) => !f.optional).map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.deepEqual(
    sendgrid.auth.fields.map((f) => [f.name, Boolean(f.secret), Boolean(f.optional)]),
    [
      ['api_key', true, false],
      ['region', false, true],
    ],
  );
  assert.equal(typeof sendgrid.auth.verify, 'function');
});
