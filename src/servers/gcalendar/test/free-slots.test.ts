import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import gcalendar from '../index.js';
import { API, fakeCalendar } from './fake-calendar.js';

const credentials = { access_token: 'ya29.fb' };

test('check_free_slots asks freeBusy for the range in the caller’s zone and returns the gaps long enough', async (t) => {
  const fake = await fakeCalendar(t);
  // freeBusy.query's documented answer: busy periods per calendar, in UTC.
  fake.route(`POST ${API}/freeBusy`, {
    body: {
      kind: 'calendar#freeBusy',
      timeMin: '2025-05-15T07:00:00.000Z',
      timeMax: '2025-05-15T15:00:00.000Z',
      calendars: {
        primary: {
          busy: [
            { start: '2025-05-15T08:00:00Z', end: '2025-05-15T09:00:00Z' },
            { start: '2025-05-15T09:10:00Z', end: '2025-05-15T10:00:00Z' },
          ],
        },
      },
    },
  });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({
    name: 'check_free_slots',
    arguments: {
      start_datetime: '2025-05-15 09:00',
      end_datetime: '2025-05-15 17:00',
      timezone: 'Europe/Paris',
      duration_minutes: 30,
    },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'POST', `${API}/freeBusy`);
  assert.equal(req.headers.authorization, 'Bearer ya29.fb');
  assert.deepEqual(query(req), {});
  assert.deepEqual(req.body, {
    timeMin: '2025-05-15T07:00:00.000Z',
    timeMax: '2025-05-15T15:00:00.000Z',
    timeZone: 'Europe/Paris',
    items: [{ id: 'primary' }],
  });
  assert.deepEqual(result.structuredContent, {
    time_min: '2025-05-15T09:00:00+02:00',
    time_max: '2025-05-15T17:00:00+02:00',
    timezone: 'Europe/Paris',
    duration_minutes: 30,
    calendars: [
      {
        id: 'primary',
        busy: [
          { start: '2025-05-15T08:00:00Z', end: '2025-05-15T09:00:00Z' },
          { start: '2025-05-15T09:10:00Z', end: '2025-05-15T10:00:00Z' },
        ],
      },
    ],
    // 10:00-11:00 and 11:10-12:00 Paris time are busy; the 10-minute gap between them is too short.
    free_slots: [
      { start: '2025-05-15T09:00:00+02:00', end: '2025-05-15T10:00:00+02:00', minutes: 60 },
      { start: '2025-05-15T12:00:00+02:00', end: '2025-05-15T17:00:00+02:00', minutes: 300 },
    ],
  });
});

test('check_free_slots over several calendars finds time when all are free and reports unreadable ones', async (t) => {
  const fake = await fakeCalendar(t);
  fake.route(`POST ${API}/freeBusy`, {
    body: {
      kind: 'calendar#freeBusy',
      timeMin: '2025-05-15T00:00:00.000Z',
      timeMax: '2025-05-15T23:59:59.000Z',
      calendars: {
        'ada@example.com': { busy: [{ start: '2025-05-15T00:00:00Z', end: '2025-05-15T12:00:00Z' }] },
        'bob@example.com': { busy: [{ start: '2025-05-15T11:00:00Z', end: '2025-05-15T20:00:00Z' }] },
        'private@example.com': { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] },
      },
    },
  });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({
    name: 'check_free_slots',
    arguments: {
      start_datetime: '2025-05-15',
      end_datetime: '2025-05-15',
      items: [{ id: 'ada@example.com' }, { id: 'bob@example.com' }, { id: 'private@example.com' }],
      group_exp_expand: true,
      duration_minutes: 60,
    },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(only(fake, 'POST', `${API}/freeBusy`).body, {
    timeMin: '2025-05-15T00:00:00.000Z',
    timeMax: '2025-05-15T23:59:59.000Z',
    timeZone: 'UTC',
    groupExpansionMax: 100,
    items: [{ id: 'ada@example.com' }, { id: 'bob@example.com' }, { id: 'private@example.com' }],
  });
  const data = result.structuredContent as {
    calendars: { id: string; errors?: string[] }[];
    free_slots: unknown[];
  };
  assert.deepEqual(data.calendars.find((c) => c.id === 'private@example.com')?.errors, ['notFound']);
  assert.deepEqual(data.free_slots, [
    { start: '2025-05-15T20:00:00Z', end: '2025-05-15T23:59:59Z', minutes: 240 },
  ]);
});

test('check_free_slots refuses an end before the start without calling Google', async (t) => {
  const fake = await fakeCalendar(t);
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({
    name: 'check_free_slots',
    arguments: { start_datetime: '2025-05-15 17:00', end_datetime: '2025-05-15 09:00' },
  });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'end_datetime must be after start_datetime.');
  assert.equal(fake.requests.length, 0);
});
