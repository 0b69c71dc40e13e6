import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Progress } from '@modelcontextprotocol/client';
import { pino } from 'pino';
import type { ToolContext } from '../../../core/context.js';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import { GOOGLE_ERRORS, only, query } from '../../gmail/test/google-fake.js';
import gmeet from '../index.js';
import { awaitConference, CONFERENCE_WAIT } from '../meetings.js';
import { calendarEvent, EVENTS, fakeMeet, MEET_CODE, MEET_URL } from './fake-meet.js';

// Pauses between checks of a pending conference are 1, 2, 4, ... ms here.
CONFERENCE_WAIT.firstDelayMs = 1;

const credentials = { access_token: 'ya29.meet' };
const planning = {
  title: 'Planning',
  description: 'Q3 plan',
  start_time: '2025-05-15 10:00',
  end_time: '2025-05-15T11:30:00',
  attendees: ['ada@example.com', 'bob@example.com'],
};
const gets = (fake: FakeService) => fake.requests.filter((r) => r.method === 'GET');

test('create_meeting inserts an event with a Meet create request and returns its link when it is ready at once', async (t) => {
  const fake = await fakeMeet(t);
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({ name: 'create_meeting', arguments: planning });

  assert.equal(result.isError, undefined, text(result));
  const insert = only(fake, 'POST', EVENTS);
  assert.equal(insert.headers.authorization, 'Bearer ya29.meet');
  assert.deepEqual(query(insert), { conferenceDataVersion: '1' });
  const { id, conferenceData, ...fields } = insert.body as {
    id: string;
    conferenceData: { createRequest: { requestId: string; conferenceSolutionKey: { type: string } } };
  };
  assert.match(id, /^[0-9a-v]{32}$/, 'an event id Calendar accepts: base32hex, 5 to 1024 characters');
  assert.match(conferenceData.createRequest.requestId, /^[0-9a-f-]{36}$/);
  assert.deepEqual(conferenceData.createRequest.conferenceSolutionKey, { type: 'hangoutsMeet' });
  assert.deepEqual(fields, {
    summary: 'Planning',
    description: 'Q3 plan',
    start: { dateTime: '2025-05-15T10:00:00', timeZone: 'UTC' },
    end: { dateTime: '2025-05-15T11:30:00', timeZone: 'UTC' },
    attendees: [{ email: 'ada@example.com' }, { email: 'bob@example.com' }],
  });
  assert.deepEqual(result.structuredContent, {
    meeting_id: id,
    title: 'Planning',
    start: '2025-05-15T10:00:00',
    end: '2025-05-15T11:30:00',
    status: 'confirmed',
    description: 'Q3 plan',
    conference_status: 'ready',
    join_url: MEET_URL,
    meeting_code: MEET_CODE,
    dial_in: [{ number: '+1 650-555-0100', pin: '123456789', region: 'US' }],
    html_link: `https://www.google.com/calendar/event?eid=${id}`,
    organizer: 'me@example.com',
    attendees: [{ email: 'ada@example.com' }, { email: 'bob@example.com' }],
  });
  assert.equal(gets(fake).length, 0, 'a ready conference needs no second look');
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent, 'the text is the same data');
});

test('create_meeting waits while the conference is pending, reporting progress, and returns the link once it comes', async (t) => {
  const fake = await fakeMeet(t, { conference: 2 });
  const client = await connect(gmeet, { credentials });
  const progress: Progress[] = [];

  const result = await client.callTool(
    { name: 'create_meeting', arguments: { ...planning, send_updates: 'all', time_zone: 'Europe/Paris' } },
    { onprogress: (p) => progress.push(p) },
  );

  assert.equal(result.isError, undefined, text(result));
  const insert = only(fake, 'POST', EVENTS);
  assert.deepEqual(query(insert), { conferenceDataVersion: '1', sendUpdates: 'all' });
  assert.deepEqual((insert.body as { start: unknown }).start, {
    dateTime: '2025-05-15T10:00:00',
    timeZone: 'Europe/Paris',
  });
  const id = (insert.body as { id: string }).id;
  assert.deepEqual(
    gets(fake).map((r) => [r.path, r.headers.authorization]),
    [
      [`${EVENTS}/${id}`, 'Bearer ya29.meet'],
      [`${EVENTS}/${id}`, 'Bearer ya29.meet'],
      [`${EVENTS}/${id}`, 'Bearer ya29.meet'],
    ],
  );
  assert.deepEqual(
    progress.map((p) => [p.progress, p.total]),
    [
      [0, 5],
      [1, 5],
      [2, 5],
    ],
  );
  const data = result.structuredContent as { conference_status: string; join_url?: string; note?: string };
  assert.deepEqual([data.conference_status, data.join_url, data.note], ['ready', MEET_URL, undefined]);
});

test('create_meeting says clearly when the Meet link never comes, after a bounded number of checks', async (t) => {
  const fake = await fakeMeet(t, { conference: Number.POSITIVE_INFINITY });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({ name: 'create_meeting', arguments: planning });

  assert.equal(result.isError, undefined, 'the meeting exists: an error would invite a duplicate');
  assert.equal(gets(fake).length, CONFERENCE_WAIT.attempts);
  const data = result.structuredContent as Record<string, unknown>;
  assert.equal(data.conference_status, 'pending');
  assert.equal(data.join_url, undefined);
  assert.equal(
    data.note,
    'The meeting was created, but Google had not finished creating its Meet link after 5 checks. ' +
      `Call get_meeting_details with meeting_id ${String(data.meeting_id)} in a moment to get the link.`,
  );
});

test('create_meeting reports a conference Google failed to create, without waiting for it', async (t) => {
  const fake = await fakeMeet(t, { conference: 'failure' });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({ name: 'create_meeting', arguments: planning });

  const data = result.structuredContent as Record<string, unknown>;
  assert.equal(data.conference_status, 'failed');
  assert.match(String(data.note), /could not create a Meet conference/);
  assert.equal(gets(fake).length, 0);
});

test('a client that cancels while the link is pending stops the wait', async (t) => {
  CONFERENCE_WAIT.firstDelayMs = 60_000;
  t.after(() => {
    CONFERENCE_WAIT.firstDelayMs = 1;
  });
  const fake = await fakeMeet(t, { conference: Number.POSITIVE_INFINITY });
  const client = await connect(gmeet, { credentials });
  const controller = new AbortController();

  await assert.rejects(
    client.callTool(
      { name: 'create_meeting', arguments: planning },
      { signal: controller.signal, onprogress: () => controller.abort() },
    ),
  );
  assert.equal(gets(fake).length, 0);
});

test('the wait for a pending link ends at once when its signal aborts, and says the meeting exists', {
  timeout: 10_000,
}, async (t) => {
  CONFERENCE_WAIT.firstDelayMs = 60_000;
  t.after(() => {
    CONFERENCE_WAIT.firstDelayMs = 1;
  });
  const fake = await fakeMeet(t);
  const controller = new AbortController();
  const ctx = {
    serverId: 'gmeet',
    log: pino({ level: 'silent' }),
    credentials: async () => credentials,
    signal: controller.signal,
    // Cancelled once the pause has begun.
    progress: async () => {
      setImmediate(() => controller.abort());
    },
  } as unknown as ToolContext;
  const pending = calendarEvent({
    id: 'm1',
    conferenceData: { createRequest: { requestId: 'r1', status: { statusCode: 'pending' } } },
  });

  // A pause that ignored the signal would outlast the test's timeout.
  await assert.rejects(
    awaitConference(ctx, pending),
    /^ToolError: Cancelled while waiting for the Meet link; meeting m1 was created all the same\.$/,
  );
  assert.equal(fake.requests.length, 0);
});

test('an insert whose answer was lost is retried with the same event id, and the event it made is returned', async (t) => {
  const fake = await fakeMeet(t, { loseFirstInsertAnswer: true });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({ name: 'create_meeting', arguments: planning });

  assert.equal(result.isError, undefined, text(result));
  const inserts = fake.requests.filter((r) => r.method === 'POST');
  assert.equal(inserts.length, 2);
  assert.deepEqual(inserts[0]?.body, inserts[1]?.body, 'the retry is the same request, same event id');
  const id = (inserts[0]?.body as { id: string }).id;
  assert.deepEqual(
    gets(fake).map((r) => r.path),
    [`${EVENTS}/${id}`],
  );
  assert.equal(fake.events.size, 1, 'one meeting, not two');
  assert.equal((result.structuredContent as { meeting_id: string }).meeting_id, id);
});

test('an insert refused with 503 and not processed is retried and succeeds', async (t) => {
  const fake = await fakeMeet(t);
  fake.once(`POST ${EVENTS}`, { status: 503, body: GOOGLE_ERRORS.backendError });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({ name: 'create_meeting', arguments: planning });

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 2);
  assert.equal(fake.events.size, 1);
});

test('create_meeting names a wrong time, an end before the start, a date mixed with a time, and a bad zone', async (t) => {
  const fake = await fakeMeet(t);
  const client = await connect(gmeet, { credentials });
  const call = async (args: Record<string, unknown>) =>
    text(await client.callTool({ name: 'create_meeting', arguments: { ...planning, ...args } }));

  assert.match(
    await call({ start_time: 'tomorrow 10am' }),
    /^start_time: "tomorrow 10am" is not a date or time/,
  );
  assert.equal(await call({ end_time: '2025-05-15 09:00' }), 'end_time must be after start_time.');
  assert.equal(
    await call({ end_time: '2025-05-16' }),
    'start_time and end_time must both be dates (all day) or both be times.',
  );
  assert.match(await call({ time_zone: 'Mars/Olympus' }), /^Unknown time zone "Mars\/Olympus"/);
  assert.match(
    await call({ attendees: ['not-an-email'] }),
    /^Invalid arguments for tool create_meeting: attendees\.0: /,
  );
  assert.equal(fake.requests.length, 0);
});

test('create_meeting makes an all-day meeting from two dates', async (t) => {
  const fake = await fakeMeet(t);
  const client = await connect(gmeet, { credentials });

  await client.callTool({
    name: 'create_meeting',
    arguments: { title: 'Offsite', start_time: '2025-06-02', end_time: '2025-06-04' },
  });

  const body = only(fake, 'POST', EVENTS).body as Record<string, unknown>;
  assert.deepEqual(
    [body.start, body.end, body.description],
    [{ date: '2025-06-02' }, { date: '2025-06-04' }, undefined],
  );
});
