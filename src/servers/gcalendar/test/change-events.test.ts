import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import gcalendar from '../index.js';
import { API, calendarEvent, fakeCalendar } from './fake-calendar.js';

const credentials = { access_token: 'ya29.write' };
const TEAM = 'team@group.calendar.google.com';
const review = () =>
  calendarEvent({
    id: 'rev1',
    summary: 'Design review',
    attendees: [
      { email: 'me@example.com', responseStatus: 'accepted', organizer: true },
      { email: 'Ada@Example.com', responseStatus: 'needsAction', displayName: 'Ada' },
    ],
  });

test('create_event inserts a timed event with every field, in the caller’s zone, and returns it', async (t) => {
  const fake = await fakeCalendar(t, { events: { [TEAM]: [] } });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({
    name: 'create_event',
    arguments: {
      calendar_id: TEAM,
      summary: 'Planning',
      start_datetime: '2025-05-15 10:00',
      end_datetime: '2025-05-15 11:30',
      description: 'Q3 plan',
      location: 'Room 2',
      attendees: ['ada@example.com', 'bob@example.com'],
      time_zone: 'Europe/Paris',
      recurrence: ['RRULE:FREQ=WEEKLY;COUNT=4'],
      reminders: { overrides: [{ method: 'popup', minutes: 15 }] },
      transparency: 'opaque',
      visibility: 'private',
      color_id: '5',
      send_updates: 'all',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'POST', `${API}/calendars/${TEAM}/events`);
  assert.equal(req.headers.authorization, 'Bearer ya29.write');
  assert.deepEqual(query(req), { sendUpdates: 'all' });
  assert.deepEqual(req.body, {
    summary: 'Planning',
    description: 'Q3 plan',
    location: 'Room 2',
    start: { dateTime: '2025-05-15T10:00:00', timeZone: 'Europe/Paris' },
    end: { dateTime: '2025-05-15T11:30:00', timeZone: 'Europe/Paris' },
    attendees: [{ email: 'ada@example.com' }, { email: 'bob@example.com' }],
    recurrence: ['RRULE:FREQ=WEEKLY;COUNT=4'],
    reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 15 }] },
    transparency: 'opaque',
    visibility: 'private',
    colorId: '5',
  });
  assert.deepEqual(result.structuredContent, {
    id: 'evt-new',
    summary: 'Planning',
    start: '2025-05-15T10:00:00',
    end: '2025-05-15T11:30:00',
    status: 'confirmed',
    location: 'Room 2',
    description: 'Q3 plan',
    htmlLink: 'https://www.google.com/calendar/event?eid=evt-new',
    attendees: [{ email: 'ada@example.com' }, { email: 'bob@example.com' }],
  });
});

test('create_event makes an all-day event from dates, on the primary calendar, without notifying', async (t) => {
  const fake = await fakeCalendar(t, { events: { primary: [] } });
  const client = await connect(gcalendar, { credentials });

  await client.callTool({
    name: 'create_event',
    arguments: { summary: 'Offsite', start_datetime: '2025-06-02', end_datetime: '2025-06-04' },
  });

  const req = only(fake, 'POST', `${API}/calendars/primary/events`);
  assert.deepEqual(query(req), {});
  assert.deepEqual(req.body, {
    summary: 'Offsite',
    start: { date: '2025-06-02' },
    end: { date: '2025-06-04' },
  });
});

test('create_event rejects an impossible date before calling Google', async (t) => {
  const fake = await fakeCalendar(t, { events: { primary: [] } });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({
    name: 'create_event',
    arguments: { summary: 'x', start_datetime: '2025-02-30 10:00', end_datetime: '2025-02-30 11:00' },
  });

  assert.equal(result.isError, true);
  assert.match(text(result), /^start_datetime: "2025-02-30 10:00" is not a date or time/);
  assert.equal(fake.requests.length, 0);
});

test('update_event patches only the given fields and returns the updated event', async (t) => {
  const fake = await fakeCalendar(t, { events: { primary: [review()] } });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({
    name: 'update_event',
    arguments: {
      event_id: 'rev1',
      summary: 'Design review (moved)',
      start_datetime: '2025-05-16T14:00:00+02:00',
      send_updates: 'externalOnly',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'PATCH', `${API}/calendars/primary/events/rev1`);
  assert.equal(req.headers.authorization, 'Bearer ya29.write');
  assert.deepEqual(query(req), { sendUpdates: 'externalOnly' });
  assert.deepEqual(req.body, {
    summary: 'Design review (moved)',
    start: { dateTime: '2025-05-16T14:00:00+02:00', timeZone: 'UTC' },
  });
  const data = result.structuredContent as { summary: string; start: string; end: string };
  assert.deepEqual(
    [data.summary, data.start, data.end],
    ['Design review (moved)', '2025-05-16T14:00:00+02:00', '2025-05-15T11:00:00Z'],
  );
  assert.equal(fake.requests.length, 1, 'a patch needs no read first');
});

test('update_event with nothing to change is refused, and an unknown event is named', async (t) => {
  const fake = await fakeCalendar(t, { events: { primary: [review()] } });
  const client = await connect(gcalendar, { credentials });

  const empty = await client.callTool({ name: 'update_event', arguments: { event_id: 'rev1' } });
  const unknown = await client.callTool({
    name: 'update_event',
    arguments: { event_id: 'gone', summary: 'x' },
  });

  assert.match(text(empty), /Nothing to change/);
  assert.equal(text(unknown), 'Event not found: gone (calendar primary)');
  assert.equal(fake.requests.length, 1);
});

test('delete_event reads the title, deletes with the notification choice, and reports what it deleted', async (t) => {
  const fake = await fakeCalendar(t, { events: { [TEAM]: [review()] } });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({
    name: 'delete_event',
    arguments: { calendar_id: TEAM, event_id: 'rev1', send_updates: 'none', send_notifications: false },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, {
    success: true,
    message: 'Event deleted',
    event_id: 'rev1',
    event_title: 'Design review',
    calendar_id: TEAM,
  });
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, query(r), r.headers.authorization]),
    [
      ['GET', `${API}/calendars/${TEAM}/events/rev1`, {}, 'Bearer ya29.write'],
      [
        'DELETE',
        `${API}/calendars/${TEAM}/events/rev1`,
        { sendUpdates: 'none', sendNotifications: 'false' },
        'Bearer ya29.write',
      ],
    ],
  );
});

test('delete_event of an unknown event names it and deletes nothing', async (t) => {
  const fake = await fakeCalendar(t, { events: { primary: [] } });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({ name: 'delete_event', arguments: { event_id: 'ghost' } });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Event not found: ghost (calendar primary)');
  assert.equal(fake.requests.filter((r) => r.method === 'DELETE').length, 0);
});

test('update_attendee_status sets the attendee’s answer, matching the email in any case, and keeps the others', async (t) => {
  const fake = await fakeCalendar(t, { events: { primary: [review()] } });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({
    name: 'update_attendee_status',
    arguments: {
      event_id: 'rev1',
      attendee_email: 'ada@example.com',
      response_status: 'tentative',
      comment: 'Might be late',
      send_updates: 'all',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  only(fake, 'GET', `${API}/calendars/primary/events/rev1`);
  const patch = only(fake, 'PATCH', `${API}/calendars/primary/events/rev1`);
  assert.equal(patch.headers.authorization, 'Bearer ya29.write');
  assert.deepEqual(query(patch), { sendUpdates: 'all' });
  assert.deepEqual(patch.body, {
    attendees: [
      { email: 'me@example.com', responseStatus: 'accepted', organizer: true },
      { email: 'Ada@Example.com', responseStatus: 'tentative', displayName: 'Ada', comment: 'Might be late' },
    ],
  });
  assert.deepEqual((result.structuredContent as { attendees: unknown }).attendees, [
    { email: 'me@example.com', responseStatus: 'accepted' },
    { email: 'Ada@Example.com', responseStatus: 'tentative', comment: 'Might be late' },
  ]);
});

test('update_attendee_status adds an attendee who is not on the event yet', async (t) => {
  const fake = await fakeCalendar(t, {
    events: { primary: [calendarEvent({ id: 'solo', summary: 'Focus' })] },
  });
  const client = await connect(gcalendar, { credentials });

  await client.callTool({
    name: 'update_attendee_status',
    arguments: { event_id: 'solo', attendee_email: 'bob@example.com', response_status: 'accepted' },
  });

  const patch = only(fake, 'PATCH', `${API}/calendars/primary/events/solo`);
  assert.deepEqual(patch.body, { attendees: [{ email: 'bob@example.com', responseStatus: 'accepted' }] });
  assert.deepEqual(query(patch), {});
});
