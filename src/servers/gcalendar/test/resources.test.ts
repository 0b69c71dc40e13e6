import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import gcalendar from '../index.js';
import { CALENDAR_PAGE_SIZE, UPCOMING_EVENTS } from '../resources.js';
import { API, calendarEntry, calendarEvent, fakeCalendar } from './fake-calendar.js';

const credentials = { access_token: 'ya29.res' };
const calendars = [
  calendarEntry({ id: 'me@example.com', summary: 'Me', primary: true }),
  calendarEntry({ id: 'team@group.calendar.google.com', summary: 'Team', description: 'Shared' }),
  calendarEntry({
    id: 'en.usa#holiday@group.v.calendar.google.com',
    summary: 'Holidays',
    accessRole: 'reader',
  }),
];

test('resources/list walks the calendar list with Google’s page tokens', async (t) => {
  const fake = await fakeCalendar(t, { calendars, pageSize: 2 });
  const client = await connect(gcalendar, { credentials });

  // One page at a time: listResources() without a cursor would walk them all.
  const first = await client.request({ method: 'resources/list', params: {} });
  assert.deepEqual(first.resources, [
    { uri: 'gcalendar://calendar/me@example.com', name: 'Me', mimeType: 'application/json' },
    {
      uri: 'gcalendar://calendar/team@group.calendar.google.com',
      name: 'Team',
      description: 'Shared',
      mimeType: 'application/json',
    },
  ]);
  assert.ok(first.nextCursor);
  const second = await client.listResources({ cursor: first.nextCursor });
  assert.deepEqual(
    second.resources.map((r) => r.uri),
    ['gcalendar://calendar/en.usa%23holiday@group.v.calendar.google.com'],
  );
  assert.equal(second.nextCursor, undefined);

  const lists = fake.requests.filter((r) => r.path === `${API}/users/me/calendarList`);
  assert.deepEqual(lists.map(query), [
    { maxResults: String(CALENDAR_PAGE_SIZE) },
    { maxResults: String(CALENDAR_PAGE_SIZE), pageToken: 'tok-2' },
  ]);
  for (const r of lists) assert.equal(r.headers.authorization, 'Bearer ya29.res');
});

test('the calendar template is advertised', async (t) => {
  await fakeCalendar(t);
  const client = await connect(gcalendar, { credentials });

  const { resourceTemplates } = await client.listResourceTemplates();

  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    ['gcalendar://calendar/{calendar_id}'],
  );
});

test('resources/read of a calendar gives the calendar and its next events', async (t) => {
  const id = 'en.usa#holiday@group.v.calendar.google.com';
  const events = Array.from({ length: UPCOMING_EVENTS + 1 }, (_, i) =>
    calendarEvent({ id: `h${i}`, summary: `Holiday ${i}` }),
  );
  const fake = await fakeCalendar(t, { events: { [id]: events } });
  const client = await connect(gcalendar, { credentials });
  const before = Date.now();

  const result = await client.readResource({
    uri: 'gcalendar://calendar/en.usa%23holiday@group.v.calendar.google.com',
  });

  const content = result.contents[0] as { uri: string; mimeType: string; text: string };
  assert.equal(content.mimeType, 'application/json');
  const data = JSON.parse(content.text) as { calendar: object; upcoming: { id: string; summary: string }[] };
  assert.deepEqual(data.calendar, { id, summary: `Calendar ${id}`, timeZone: 'UTC' });
  assert.equal(data.upcoming.length, UPCOMING_EVENTS);
  assert.deepEqual(data.upcoming[0] && [data.upcoming[0].id, data.upcoming[0].summary], ['h0', 'Holiday 0']);

  assert.equal(only(fake, 'GET', `${API}/calendars/${id}`).headers.authorization, 'Bearer ya29.res');
  const { timeMin, ...rest } = query(only(fake, 'GET', `${API}/calendars/${id}/events`)) as Record<
    string,
    string
  >;
  assert.deepEqual(rest, { singleEvents: 'true', orderBy: 'startTime', maxResults: String(UPCOMING_EVENTS) });
  assert.ok(Date.parse(timeMin ?? '') >= before - 1000);
});

test('resources/read of an unknown calendar names it', async (t) => {
  await fakeCalendar(t);
  const client = await connect(gcalendar, { credentials });

  await assert.rejects(
    client.readResource({ uri: 'gcalendar://calendar/nobody@example.com' }),
    /Calendar not found: nobody@example.com/,
  );
});
