import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import cal from '../index.js';

const catalog = catalogServer('cal');

test('cal lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(cal)).listTools();
  assertCatalogTools(tools, catalog.tools);
});

test('annotations say which tools only read, which overwrite or remove, and which add anew', async () => {
  const { tools } = await (await connect(cal)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: ['get_me', 'get_event_types', 'get_booking', 'get_bookings', 'get_schedules'],
    destructive: ['reschedule_booking', 'cancel_booking', 'decline_booking'],
    notIdempotent: ['create_booking', 'reschedule_booking'],
  });
});

test('auth is an API key under guMCP’s credential field name, checked at sign-in', () => {
  assert.equal(cal.auth.kind, 'api_key');
  if (cal.auth.kind !== 'api_key') return;
  assert.deepEqual(
    cal.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(cal.auth.fields[0]?.secret, true);
  assert.equal(typeof cal.auth.verify, 'function');
});
