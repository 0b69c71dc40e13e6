import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import gmeet from '../index.js';
import { EVENT_PAGE_SIZE } from '../resources.js';
import { calendarEvent, EVENTS, fakeMeet, MEET_URL, meetEvent } from './fake-meet.js';

const credentials = { access_token: 'ya29.res' };

test('resources/list pages through upcoming events, listing those with a Meet conference, from one fixed start', async (t) => {
  const fake = await fakeMeet(t, {
    events: [
      meetEvent({ id: 'm1', summary: 'Standup' }),
      calendarEvent({ id: 'e2', summary: 'Dentist' }),
      meetEvent({ id: 'm3', summary: 'Retro', start: { date: '2025-05-16' } }),
    ],
    pageSize: 2,
  });
  const client = await connect(gmeet, { credentials });
  const before = Date.now();

  const first = await client.request({ method: 'resources/list', params: {} });
  const second = await client.listResources({ cursor: first.nextCursor });

  assert.deepEqual(first.resources, [
    {
      uri: 'gmeet://meeting/m1',
      name: 'Standup',
      description: '2025-05-15T10:00:00Z on Google Meet',
      mimeType: 'application/json',
    },
  ]);
  assert.ok(first.nextCursor);
  assert.deepEqual(
    second.resources.map((r) => [r.uri, r.description]),
    [['gmeet://meeting/m3', '2025-05-16 on Google Meet']],
  );
  assert.equal(second.nextCursor, undefined);
  const [one, two] = fake.requests.map(query) as Record<string, string>[];
  assert.ok(Date.parse(one?.timeMin ?? '') >= before - 1000);
  assert.deepEqual(one, {
    timeMin: one?.timeMin,
    singleEvents: 'true',
    orderBy: 'startTime',
    maxResults: String(EVENT_PAGE_SIZE),
  });
  assert.deepEqual(two, { ...one, pageToken: 'tok-2' }, 'the second page asks the same query');
  for (const r of fake.requests) assert.equal(r.headers.authorization, 'Bearer ya29.res');
});

test('resources/list refuses a cursor it did not make', async (t) => {
  await fakeMeet(t);
  const client = await connect(gmeet, { credentials });

  await assert.rejects(client.listResources({ cursor: 'tok-2' }), /Invalid cursor/);
});

test('resources/read gives the meeting as JSON', async (t) => {
  const fake = await fakeMeet(t, { events: [meetEvent({ id: 'm1', summary: 'Standup' })] });
  const client = await connect(gmeet, { credentials });

  const result = await client.readResource({ uri: 'gmeet://meeting/m1' });

  const content = result.contents[0] as { uri: string; mimeType: string; text: string };
  assert.deepEqual([content.uri, content.mimeType], ['gmeet://meeting/m1', 'application/json']);
  const data = JSON.parse(content.text) as { meeting_id: string; title: string; join_url: string };
  assert.deepEqual([data.meeting_id, data.title, data.join_url], ['m1', 'Standup', MEET_URL]);
  assert.equal(only(fake, 'GET', `${EVENTS}/m1`).headers.authorization, 'Bearer ya29.res');
});

test('resources/read of an unknown meeting names it', async (t) => {
  await fakeMeet(t);
  const client = await connect(gmeet, { credentials });

  await assert.rejects(client.readResource({ uri: 'gmeet://meeting/nope' }), /Meeting not found: nope/);
});
