import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import gmeet from '../index.js';
import { calendarEvent, EVENTS, fakeMeet, MEET_URL, meetEvent } from './fake-meet.js';

const credentials = { access_token: 'ya29.day' };

test('fetch_meetings_by_date lists the day’s events in UTC, in start order, each with its Meet link if any', async (t) => {
  const fake = await fakeMeet(t, {
    events: [meetEvent({ id: 'm1', summary: 'Standup' }), calendarEvent({ id: 'e2', summary: 'Lunch' })],
  });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({ name: 'fetch_meetings_by_date', arguments: { date: '2025-05-15' } });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', EVENTS);
  assert.equal(req.headers.authorization, 'Bearer ya29.day');
  assert.deepEqual(query(req), {
    timeMin: '2025-05-15T00:00:00.000Z',
    timeMax: '2025-05-15T23:59:59.000Z',
    timeZone: 'UTC',
    singleEvents: 'true',
    orderBy: 'startTime',
    maxResults: '100',
  });
  const data = result.structuredContent as {
    date: string;
    time_zone: string;
    count: number;
    more: boolean;
    meetings: { meeting_id: string; title: string; conference_status: string; join_url?: string }[];
  };
  assert.deepEqual([data.date, data.time_zone, data.count, data.more], ['2025-05-15', 'UTC', 2, false]);
  assert.deepEqual(
    data.meetings.map((m) => [m.meeting_id, m.title, m.conference_status, m.join_url]),
    [
      ['m1', 'Standup', 'ready', MEET_URL],
      ['e2', 'Lunch', 'none', undefined],
    ],
  );
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent, 'the text is the same data');
});

test('fetch_meetings_by_date takes the day in the given time zone', async (t) => {
  const fake = await fakeMeet(t);
  const client = await connect(gmeet, { credentials });

  await client.callTool({
    name: 'fetch_meetings_by_date',
    arguments: { date: '2025-07-01', time_zone: 'Asia/Kolkata' },
  });

  const q = query(only(fake, 'GET', EVENTS));
  assert.deepEqual(
    [q.timeMin, q.timeMax, q.timeZone],
    ['2025-06-30T18:30:00.000Z', '2025-07-01T18:29:59.000Z', 'Asia/Kolkata'],
  );
});

test('fetch_meetings_by_date follows nextPageToken up to max_results and says the day has more', async (t) => {
  const events = Array.from({ length: 5 }, (_, i) => meetEvent({ id: `m${i}` }));
  const fake = await fakeMeet(t, { events, pageSize: 2 });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({
    name: 'fetch_meetings_by_date',
    arguments: { date: '2025-05-15', max_results: 3 },
  });

  const data = result.structuredContent as {
    count: number;
    more: boolean;
    meetings: { meeting_id: string }[];
  };
  assert.deepEqual(
    data.meetings.map((m) => m.meeting_id),
    ['m0', 'm1', 'm2'],
  );
  assert.equal(data.more, true);
  assert.deepEqual(
    fake.requests.map((r) => [query(r).maxResults, query(r).pageToken, query(r).timeMin]),
    [
      ['3', undefined, '2025-05-15T00:00:00.000Z'],
      ['1', 'tok-2', '2025-05-15T00:00:00.000Z'],
    ],
  );
});

test('fetch_meetings_by_date names a date that is not one', async (t) => {
  const fake = await fakeMeet(t);
  const client = await connect(gmeet, { credentials });

  const badFormat = await client.callTool({ name: 'fetch_meetings_by_date', arguments: { date: 'today' } });
  const noSuchDay = await client.callTool({
    name: 'fetch_meetings_by_date',
    arguments: { date: '2025-02-30' },
  });

  assert.equal(
    text(badFormat),
    'Invalid arguments for tool fetch_meetings_by_date: date: must be a date, YYYY-MM-DD',
  );
  assert.match(text(noSuchDay), /^date: "2025-02-30" is not a date or time/);
  assert.equal(fake.requests.length, 0);
});
