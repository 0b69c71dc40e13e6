import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import gcalendar from '../index.js';

/** guMCP's gcalendar tools with their parameters and required ones (catalog, from the code at c6398c6). */
const CATALOG: Record<string, { params: string[]; required: string[] }> = {
  list_events: {
    params: [
      'calendar_id',
      'time_min',
      'time_max',
      'days',
      'max_results',
      'order_by',
      'show_deleted',
      'single_events',
      'time_zone',
      'q',
    ],
    required: [],
  },
  create_event: {
    params: [
      'calendar_id',
      'summary',
      'start_datetime',
      'end_datetime',
      'description',
      'location',
      'attendees',
      'time_zone',
      'recurrence',
      'reminders',
      'transparency',
      'visibility',
      'color_id',
      'send_updates',
    ],
    required: ['summary', 'start_datetime', 'end_datetime'],
  },
  update_event: {
    params: [
      'calendar_id',
      'event_id',
      'summary',
      'start_datetime',
      'end_datetime',
      'description',
      'location',
      'attendees',
      'time_zone',
      'recurrence',
      'reminders',
      'transparency',
      'visibility',
      'color_id',
      'send_updates',
    ],
    required: ['event_id'],
  },
  delete_event: {
    params: ['calendar_id', 'event_id', 'send_notifications', 'send_updates'],
    required: ['event_id'],
  },
  update_attendee_status: {
    params: [
      'calendar_id',
      'event_id',
      'attendee_email',
      'response_status',
      'send_notifications',
      'send_updates',
      'comment',
    ],
    required: ['event_id', 'attendee_email', 'response_status'],
  },
  check_free_slots: {
    params: [
      'calendar_id',
      'start_datetime',
      'end_datetime',
      'duration_minutes',
      'timezone',
      'items',
      'group_exp_expand',
    ],
    required: ['start_datetime', 'end_datetime'],
  },
};

const READ_ONLY = ['list_events', 'check_free_slots'];
const DESTRUCTIVE = ['update_event', 'delete_event', 'update_attendee_status'];
const NOT_IDEMPOTENT = ['create_event'];

test('gcalendar lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const client = await connect(gcalendar);
  const { tools } = await client.listTools();

  assertCatalogTools(tools, CATALOG);
});

test('annotations say which tools only read, which overwrite or delete, and which are safe to repeat', async () => {
  const client = await connect(gcalendar);
  const { tools } = await client.listTools();

  assertAnnotationKinds(tools, {
    readOnly: READ_ONLY,
    destructive: DESTRUCTIVE,
    notIdempotent: NOT_IDEMPOTENT,
  });
});

test('every tool declares the catalog scope, and the server asks for it at login', () => {
  const scope = 'https://www.googleapis.com/auth/calendar';
  for (const [name, def] of Object.entries(gcalendar.tools)) assert.deepEqual(def.scopes, [scope], name);
  assert.deepEqual(gcalendar.auth.kind === 'oauth2' && gcalendar.auth.scopes, [scope]);
  assert.equal(gcalendar.auth.kind === 'oauth2' && gcalendar.auth.provider.service, 'gcalendar');
});
