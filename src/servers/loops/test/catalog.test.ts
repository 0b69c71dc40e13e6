import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import loops from '../index.js';

const catalog = catalogServer('loops');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  send_transactional_email: ['idempotency_key'],
  send_event_by_email: ['idempotency_key'],
  send_event_by_user_id: ['idempotency_key'],
};

test('loops lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(loops)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: sends and creations are not idempotent; deletes and updates overwrite', async () => {
  const { tools } = await (await connect(loops)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: ['get_contact_by_email', 'get_contact_by_user_id'],
    destructive: [
      'delete_contact_by_email',
      'delete_contact_by_user_id',
      'update_contact_by_email',
      'update_contact_by_user_id',
    ],
    notIdempotent: [
      'add_contact',
      'add_custom_property',
      'send_transactional_email',
      'send_event_by_email',
      'send_event_by_user_id',
    ],
  });
});

test('auth is an API key under guMCP’s credential field name, checked at sign-in', () => {
  assert.equal(loops.auth.kind, 'api_key');
  if (loops.auth.kind !== 'api_key') return;
  assert.deepEqual(
    loops.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(loops.auth.fields[0]?.secret, true);
  assert.equal(typeof loops.auth.verify, 'function');
});
