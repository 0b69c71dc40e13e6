import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { GOOGLE_ERRORS } from '../../gmail/test/google-fake.js';
import gcalendar from '../index.js';
import { API, calendarEvent, fakeCalendar } from './fake-calendar.js';

const credentials = { access_token: 'ya29.secret-calendar-token' };
const deleteE1 = { name: 'delete_event', arguments: { event_id: 'e1' } };
const eventPath = `${API}/calendars/primary/events/e1`;
const events = { primary: [calendarEvent({ id: 'e1', summary: 'Sync' })] };

test('401 from Google Calendar asks the user to re-authenticate, without echoing the token', async (t) => {
  const fake = await fakeCalendar(t, { events });
  fake.once(`GET ${eventPath}`, { status: 401, body: GOOGLE_ERRORS.expiredToken });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool(deleteE1);

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Not authenticated with gcalendar: Google Calendar rejected the stored token. Re-authenticate with `gumcp auth gcalendar`.',
  );
  assert.doesNotMatch(text(result), /secret-calendar-token/);
  assert.equal(fake.requests.length, 1);
});

test('403 insufficient scope names the calendar scope', async (t) => {
  const fake = await fakeCalendar(t, { events });
  fake.once(`GET ${eventPath}`, { status: 403, body: GOOGLE_ERRORS.insufficientScope });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool(deleteE1);

  assert.equal(
    text(result),
    'Permission denied: the stored token lacks the scope "https://www.googleapis.com/auth/calendar". Re-authenticate to grant it.',
  );
  assert.equal(fake.requests.filter((r) => r.method === 'DELETE').length, 0);
});

test('404 (Calendar’s documented notFound body) names the event and its calendar', async (t) => {
  const fake = await fakeCalendar(t, { events });
  fake.once(`GET ${eventPath}`, {
    status: 404,
    body: {
      error: {
        errors: [{ domain: 'global', reason: 'notFound', message: 'Not Found' }],
        code: 404,
        message: 'Not Found',
      },
    },
  });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool(deleteE1);

  assert.equal(text(result), 'Event not found: e1 (calendar primary)');
});

test('429 with Retry-After is retried, then succeeds', async (t) => {
  const fake = await fakeCalendar(t, { events });
  fake.once(`GET ${eventPath}`, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: GOOGLE_ERRORS.rateLimited,
  });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool(deleteE1);

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(
    fake.requests.map((r) => r.method),
    ['GET', 'GET', 'DELETE'],
  );
});

test('5xx on every attempt ends in a clear try-later message after the retries', async (t) => {
  const fake = await fakeCalendar(t, { events });
  fake.route(`GET ${eventPath}`, { status: 500, body: GOOGLE_ERRORS.backendError });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool(deleteE1);

  assert.equal(text(result), 'Google Calendar failed (HTTP 500); try again later');
  assert.equal(fake.requests.length, 4, 'first attempt and three retries');
});

test('other 4xx answers carry Google’s own message', async (t) => {
  const fake = await fakeCalendar(t, { events });
  fake.route(`POST ${API}/freeBusy`, {
    status: 400,
    body: {
      error: {
        errors: [
          { domain: 'calendar', reason: 'timeRangeEmpty', message: 'The specified time range is empty.' },
        ],
        code: 400,
        message: 'The specified time range is empty.',
      },
    },
  });
  const client = await connect(gcalendar, { credentials });

  const result = await client.callTool({
    name: 'check_free_slots',
    arguments: { start_datetime: '2025-05-15 09:00', end_datetime: '2025-05-15 10:00' },
  });

  assert.equal(
    text(result),
    'Google Calendar rejected the request (HTTP 400): The specified time range is empty.',
  );
});
