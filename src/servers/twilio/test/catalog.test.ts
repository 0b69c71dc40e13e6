import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import twilio from '../index.js';

const catalog = catalogServer('twilio');

/** Optional parameters this server adds to guMCP's (paging, callbacks, the whole resource, an author). */
const EXTRAS: Record<string, string[]> = {
  send_message: ['status_callback'],
  list_messages: ['max_results'],
  fetch_message: ['full'],
  make_call: ['status_callback'],
  list_calls: ['max_results'],
  fetch_call: ['full'],
  list_verify_services: ['page_token', 'max_results'],
  list_conversation_services: ['page_token', 'max_results'],
  list_conversations: ['page_token', 'max_results'],
  send_conversation_message: ['author'],
  list_video_rooms: ['page_token', 'max_results'],
  fetch_video_room: ['full'],
};

test("twilio lists exactly the catalog's 22 tools, with its parameter names, required fields and output schemas", async () => {
  const { tools } = await (await connect(twilio)).listTools();
  assert.equal(tools.length, 22);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: reads, what ends or removes, and what sends or creates anew on every call', async () => {
  const { tools } = await (await connect(twilio)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'list_messages',
      'fetch_message',
      'list_calls',
      'fetch_call',
      'list_verify_services',
      'lookup_phone_number',
      'list_conversation_services',
      'list_conversations',
      'list_video_rooms',
      'fetch_video_room',
    ],
    destructive: ['delete_message', 'complete_video_room'],
    notIdempotent: [
      'send_message',
      'make_call',
      'create_verify_service',
      'start_verification',
      'check_verification',
      'create_conversation_service',
      'create_conversation',
      'add_conversation_participant',
      'send_conversation_message',
      'create_video_room',
    ],
  });
});

test("auth is an API key under guMCP's credential names, the secret typed unseen, checked at sign-in", () => {
  assert.equal(twilio.auth.kind, 'api_key');
  if (twilio.auth.kind !== 'api_key') return;
  assert.deepEqual(
    twilio.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.deepEqual(
    twilio.auth.fields.filter((f) => f.secret).map((f) => f.name),
    ['api_key_secret'],
  );
  assert.equal(typeof twilio.auth.verify, 'function');
});
