import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import gcalendar from '../index.js';
import { API, calendarEvent, fakeCalendar } from './fake-calendar.js';

const credentials = { access_token: 'ya29.cal' };
const HOLIDAYS = 'en.usa#holiday@group.v.calendar.google.com';

const standup = calendarEvent({
  id: 'standup',
  summary: 'Standup',
  location: 'Room 1',
  description: 'Daily',
  start: { dateTime: '2025-05-15T09:00:00+02:00', timeZone: 'Europe/Paris' },
  end: { dateTime: '2025-05-15T09:15:00+02:00', timeZone: 'Europe/Paris' },
  attendees: [
    { email: 'me@example.com', responseStatus: 'accepted', self: true },
    { email: 'ada@example.com', responseStatus: 'needsAction' },
  ],
});
const holiday = calendarEvent({
  id: 'h1',
  summary: 'Memorial Day',
  start: { date: '2025-05-26' },
  end: { date: '2025-05-27' },
});

test('list_events by default lists the next 7 days of the primary calendar, recurring events expanded', async (t) => {
  const fake = await fakeCalendar(t, { events: { primary: [standup] } });
  const client = await connect(gcalendar, { credentials });
  const before = Date.now();

  const result = await client.callTool({ name: 'list_events', arguments: {} });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', `${API}/calendars/primary/events`);
  assert.equal(req.headers.authorization, 'Bearer ya29.cal');
  const { timeMin, timeMax, ...rest } = query(req) as Record<string, string>;
  assert.deepEqual(rest, { timeZone: 'UTC', singleEvents: 'true', orderBy: 'startTime', maxResults: '10' });
  assert.ok(Date.parse(timeMin ?? '') >= before - 1000 && Date.parse(timeMin ?? '') <= Date.now());
  assert.equal(Date.parse(timeMax ?? '') - Date.parse(timeMin ?? ''), 7 * 86_400_000);
  assert.deepEqual(result.structuredContent, {
    calendar_id: 'primary',
    time_min: timeMin,
    time_max: timeMax,
    count: 1,
    more: false,
    events: [
      {
        id: 'standup',
        summary: 'Standup',
        start: '2025-05-15T09:00:00+02:00',
        end: '2025-05-15T09:15:00+02:00',
        status: 'confirmed',
        location: 'Room 1',
        description: 'Daily',
        htmlLink: 'https://www.google.com/calendar/event?eid=standup',
        attendees: [
          { email: 'me@example.com', responseStatus: 'accepted' },
          { email: 'ada@example.com', responseStatus: 'needsAction' },
        ],
      },
    ],
  });
});

test('list_events reads wall-clock bounds in the given time zone, across a DST change, and passes filters', async (t) => {
  const fake = await fakeCalendar(t, { events: { [HOLIDAYS]: [holiday] } });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({
    name: 'list_events',
    arguments: {
      calendar_id: HOLIDAYS,
      time_min: '2025-03-09 00:00',
      time_max: '2025-03-09',
      time_zone: 'America/New_York',
      order_by: 'updated',
      show_deleted: true,
      q: 'memorial',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  // The calendar id's "#" and "@" are escaped in the path, else "#" would end the URL there.
  const req = only(fake, 'GET', `${API}/calendars/${HOLIDAYS}/events`);
  assert.deepEqual(query(req), {
    timeMin: '2025-03-09T05:00:00.000Z',
    timeMax: '2025-03-10T03:59:59.000Z',
    timeZone: 'America/New_York',
    singleEvents: 'true',
    orderBy: 'updated',
    showDeleted: 'true',
    q: 'memorial',
    maxResults: '10',
  });
  const data = result.structuredContent as { events: { start: string; end: string }[] };
  assert.deepEqual(data.events[0] && [data.events[0].start, data.events[0].end], [
    '2025-05-26',
    '2025-05-27',
  ]);
});

test('list_events follows nextPageToken up to max_results and says more events exist', async (t) => {
  const many = Array.from({ length: 5 }, (_, i) => calendarEvent({ id: `e${i}`, summary: `Event ${i}` }));
  const fake = await fakeCalendar(t, { events: { primary: many }, pageSize: 2 });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({
    name: 'list_events',
    arguments: { time_min: '2025-05-01T00:00:00Z', days: 30, max_results: 3 },
  });

  const data = result.structuredContent as { count: number; more: boolean; events: { id: string }[] };
  assert.deepEqual(
    data.events.map((e) => e.id),
    ['e0', 'e1', 'e2'],
  );
  assert.equal(data.count, 3);
  assert.equal(data.more, true);
  const pages = fake.requests.map(query) as Record<string, string>[];
  assert.deepEqual(
    pages.map((q) => [q.maxResults, q.pageToken, q.timeMin, q.timeMax]),
    [
      ['3', undefined, '2025-05-01T00:00:00.000Z', '2025-05-31T00:00:00.000Z'],
      ['1', 'tok-2', '2025-05-01T00:00:00.000Z', '2025-05-31T00:00:00.000Z'],
    ],
  );
});

test('list_events without single_events leaves orderBy out, and refuses startTime order with it off', async (t) => {
  const fake = await fakeCalendar(t, { events: { primary: [] } });
  const client = await connect(gcalendar, { credentials });

  await client.callTool({ name: 'list_events', arguments: { single_events: false } });
  const refused = await client.callTool({
    name: 'list_events',
    arguments: { single_events: false, order_by: 'startTime' },
  });

  assert.equal(query(only(fake, 'GET', `${API}/calendars/primary/events`)).orderBy, undefined);
  assert.equal(query(only(fake, 'GET', `${API}/calendars/primary/events`)).singleEvents, 'false');
  assert.equal(refused.isError, true);
  assert.match(text(refused), /order_by startTime needs single_events true/);
});

test('list_events names a bad time, a bad zone and an unknown calendar', async (t) => {
  const fake = await fakeCalendar(t, { events: { primary: [] } });
  const client = await connect(gcalendar, { credentials });

  const badTime = await client.callTool({ name: 'list_events', arguments: { time_min: 'next tuesday' } });
  const badZone = await client.callTool({ name: 'list_events', arguments: { time_zone: 'Mars/Olympus' } });
  const unknown = await client.callTool({
    name: 'list_events',
    arguments: { calendar_id: 'nope@example.com' },
  });

  assert.match(text(badTime), /^time_min: "next tuesday" is not a date or time; use YYYY-MM-DD HH:MM/);
  assert.match(text(badZone), /^Unknown time zone "Mars\/Olympus"/);
  assert.equal(text(unknown), 'Calendar not found: nope@example.com');
  assert.equal(fake.requests.length, 1, 'only the unknown calendar reached Google');
});
