import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { GOOGLE_ERRORS, only, query } from '../../gmail/test/google-fake.js';
import gmeet from '../index.js';
import { EVENTS, fakeMeet, MEET_CODE, MEET_URL, meetEvent } from './fake-meet.js';

const credentials = { access_token: 'ya29.manage' };
const review = () =>
  meetEvent({
    id: 'rev1',
    summary: 'Design review',
    description: 'Slides first',
    location: 'Room 2',
    attendees: [
      { email: 'me@example.com', responseStatus: 'accepted', organizer: true, self: true },
      { email: 'Ada@Example.com', responseStatus: 'needsAction', displayName: 'Ada' },
    ],
  });

test('get_meeting_details reads the event and shows its time, Meet link, code, dial-in and people', async (t) => {
  const fake = await fakeMeet(t, { events: [review()] });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({ name: 'get_meeting_details', arguments: { meeting_id: 'rev1' } });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', `${EVENTS}/rev1`);
  assert.equal(req.headers.authorization, 'Bearer ya29.manage');
  assert.deepEqual(query(req), {});
  assert.deepEqual(result.structuredContent, {
    meeting_id: 'rev1',
    title: 'Design review',
    start: '2025-05-15T10:00:00Z',
    end: '2025-05-15T11:00:00Z',
    status: 'confirmed',
    description: 'Slides first',
    location: 'Room 2',
    conference_status: 'ready',
    join_url: MEET_URL,
    meeting_code: MEET_CODE,
    dial_in: [{ number: '+1 650-555-0100', pin: '123456789', region: 'US' }],
    html_link: 'https://www.google.com/calendar/event?eid=rev1',
    organizer: 'me@example.com',
    attendees: [
      { email: 'me@example.com', response_status: 'accepted' },
      { email: 'Ada@Example.com', response_status: 'needsAction' },
    ],
  });
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent, 'the text is the same data');
});

test('get_meeting_details of an unknown meeting names it', async (t) => {
  await fakeMeet(t);
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({ name: 'get_meeting_details', arguments: { meeting_id: 'ghost' } });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Meeting not found: ghost');
});

test('add_attendees keeps who is invited, adds the new ones once, and patches only the attendee list', async (t) => {
  const fake = await fakeMeet(t, { events: [review()] });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({
    name: 'add_attendees',
    arguments: {
      meeting_id: 'rev1',
      attendees: ['ada@example.com', 'bob@example.com', 'BOB@example.com'],
      send_updates: 'all',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  const patch = only(fake, 'PATCH', `${EVENTS}/rev1`);
  assert.equal(patch.headers.authorization, 'Bearer ya29.manage');
  assert.deepEqual(query(patch), { sendUpdates: 'all' });
  assert.deepEqual(patch.body, {
    attendees: [
      { email: 'me@example.com', responseStatus: 'accepted', organizer: true, self: true },
      { email: 'Ada@Example.com', responseStatus: 'needsAction', displayName: 'Ada' },
      { email: 'bob@example.com' },
    ],
  });
  const data = result.structuredContent as {
    added: string[];
    attendees: { email: string }[];
    join_url: string;
  };
  assert.deepEqual(data.added, ['bob@example.com']);
  assert.deepEqual(
    data.attendees.map((a) => a.email),
    ['me@example.com', 'Ada@Example.com', 'bob@example.com'],
  );
  assert.equal(data.join_url, MEET_URL, 'the conference is untouched');
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent, 'the text is the same data');
});

test('add_attendees of people already invited changes nothing', async (t) => {
  const fake = await fakeMeet(t, { events: [review()] });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({
    name: 'add_attendees',
    arguments: { meeting_id: 'rev1', attendees: ['ADA@example.com'] },
  });

  assert.deepEqual((result.structuredContent as { added: string[] }).added, []);
  assert.equal(fake.requests.filter((r) => r.method === 'PATCH').length, 0);
});

test('update_meeting patches only the given fields and leaves the conference alone', async (t) => {
  const fake = await fakeMeet(t, { events: [review()] });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({
    name: 'update_meeting',
    arguments: {
      meeting_id: 'rev1',
      summary: 'Design review (moved)',
      start_time: '2025-05-16 14:00',
      end_time: '2025-05-16 15:00',
      time_zone: 'America/New_York',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  const patch = only(fake, 'PATCH', `${EVENTS}/rev1`);
  assert.equal(patch.headers.authorization, 'Bearer ya29.manage');
  assert.deepEqual(query(patch), {}, 'no conferenceDataVersion: Calendar keeps the conference as it is');
  assert.deepEqual(patch.body, {
    summary: 'Design review (moved)',
    start: { dateTime: '2025-05-16T14:00:00', timeZone: 'America/New_York' },
    end: { dateTime: '2025-05-16T15:00:00', timeZone: 'America/New_York' },
  });
  const data = result.structuredContent as { title: string; start: string; join_url: string };
  assert.deepEqual(
    [data.title, data.start, data.join_url],
    ['Design review (moved)', '2025-05-16T14:00:00', MEET_URL],
  );
  assert.equal(fake.requests.length, 1, 'a patch needs no read first');
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent, 'the text is the same data');
});

test('update_meeting with nothing to change is refused, and an unknown meeting is named', async (t) => {
  const fake = await fakeMeet(t, { events: [review()] });
  const client = await connect(gmeet, { credentials });

  const empty = await client.callTool({ name: 'update_meeting', arguments: { meeting_id: 'rev1' } });
  const unknown = await client.callTool({
    name: 'update_meeting',
    arguments: { meeting_id: 'gone', description: 'x' },
  });

  assert.equal(text(empty), 'Nothing to change: give summary, description, start_time or end_time.');
  assert.equal(text(unknown), 'Meeting not found: gone');
  assert.equal(fake.requests.length, 1);
});

test('delete_meeting reads the title, deletes with the notification choice, and says what it deleted', async (t) => {
  const fake = await fakeMeet(t, { events: [review()] });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({
    name: 'delete_meeting',
    arguments: { meeting_id: 'rev1', send_updates: 'externalOnly' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, {
    success: true,
    message: 'Meeting deleted',
    meeting_id: 'rev1',
    title: 'Design review',
  });
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, query(r), r.headers.authorization]),
    [
      ['GET', `${EVENTS}/rev1`, {}, 'Bearer ya29.manage'],
      ['DELETE', `${EVENTS}/rev1`, { sendUpdates: 'externalOnly' }, 'Bearer ya29.manage'],
    ],
  );
  assert.equal(fake.events.has('rev1'), false);
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent, 'the text is the same data');
});

test('delete_meeting of an unknown meeting names it and deletes nothing', async (t) => {
  const fake = await fakeMeet(t);
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({ name: 'delete_meeting', arguments: { meeting_id: 'ghost' } });

  assert.equal(text(result), 'Meeting not found: ghost');
  assert.equal(fake.requests.filter((r) => r.method === 'DELETE').length, 0);
});

test('a delete retried after a 5xx that had gone through finds it gone (410) and reports it deleted', async (t) => {
  const fake = await fakeMeet(t, { events: [review()] });
  // The first DELETE is carried out, but its answer is a 503.
  fake.route(`DELETE ${EVENTS}/rev1`, () => {
    if (!fake.events.delete('rev1')) {
      return {
        status: 410,
        body: {
          error: {
            errors: [{ domain: 'global', reason: 'deleted', message: 'Resource has been deleted' }],
            code: 410,
            message: 'Resource has been deleted',
          },
        },
      };
    }
    return { status: 503, body: GOOGLE_ERRORS.backendError };
  });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({ name: 'delete_meeting', arguments: { meeting_id: 'rev1' } });

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.filter((r) => r.method === 'DELETE').length, 2);
});
