import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { GOOGLE_ERRORS } from '../../gmail/test/google-fake.js';
import gmeet from '../index.js';
import { EVENTS, fakeMeet, meetEvent } from './fake-meet.js';

const credentials = { access_token: 'ya29.secret-meet-token' };
const events = [meetEvent({ id: 'm1', summary: 'Sync' })];
const details = { name: 'get_meeting_details', arguments: { meeting_id: 'm1' } };

test('401 asks the user to re-authenticate, without echoing the token', async (t) => {
  const fake = await fakeMeet(t, { events });
  fake.once(`GET ${EVENTS}/m1`, { status: 401, body: GOOGLE_ERRORS.expiredToken });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool(details);

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Not authenticated with gmeet: Google Calendar rejected the stored token. Re-authenticate with `gumcp auth gmeet`.',
  );
  assert.doesNotMatch(text(result), /secret-meet-token/);
});

test('403 insufficient scope names the scope the tool needs: events.readonly to read, events to write', async (t) => {
  const fake = await fakeMeet(t, { events });
  fake.once(`GET ${EVENTS}/m1`, { status: 403, body: GOOGLE_ERRORS.insufficientScope });
  fake.once(`PATCH ${EVENTS}/m1`, { status: 403, body: GOOGLE_ERRORS.insufficientScope });
  const client = await connect(gmeet, { credentials });

  const read = await client.callTool(details);
  const write = await client.callTool({
    name: 'update_meeting',
    arguments: { meeting_id: 'm1', summary: 'x' },
  });

  assert.equal(
    text(read),
    'Permission denied: the stored token lacks the scope "https://www.googleapis.com/auth/calendar.events.readonly". Re-authenticate to grant it.',
  );
  assert.equal(
    text(write),
    'Permission denied: the stored token lacks the scope "https://www.googleapis.com/auth/calendar.events". Re-authenticate to grant it.',
  );
});

test('429 with Retry-After is retried, then succeeds; one that outlasts the wait says when to try again', async (t) => {
  const fake = await fakeMeet(t, { events });
  fake.once(`GET ${EVENTS}/m1`, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: GOOGLE_ERRORS.rateLimited,
  });
  const client = await connect(gmeet, { credentials });

  const retried = await client.callTool(details);
  fake.route(`GET ${EVENTS}/m1`, {
    status: 429,
    headers: { 'retry-after': '90' },
    body: GOOGLE_ERRORS.rateLimited,
  });
  const limited = await client.callTool(details);

  assert.equal(retried.isError, undefined, text(retried));
  assert.equal(text(limited), 'Rate limited by Google Calendar; try again in 90 s');
  assert.equal(fake.requests.length, 3);
});

test('5xx on every attempt ends in a try-later message after the retries', async (t) => {
  const fake = await fakeMeet(t, { events });
  fake.route(`GET ${EVENTS}/m1`, { status: 500, body: GOOGLE_ERRORS.backendError });
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool(details);

  assert.equal(text(result), 'Google Calendar failed (HTTP 500); try again later');
  assert.equal(fake.requests.length, 4, 'first attempt and three retries');
});

test('other 4xx answers carry Google’s own message', async (t) => {
  const fake = await fakeMeet(t, { events });
  fake.route(`PATCH ${EVENTS}/m1`, {
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
  const client = await connect(gmeet, { credentials });

  const result = await client.callTool({
    name: 'update_meeting',
    arguments: { meeting_id: 'm1', start_time: '2025-05-15 12:00' },
  });

  assert.equal(
    text(result),
    'Google Calendar rejected the request (HTTP 400): The specified time range is empty.',
  );
});

test('a token refreshed mid-session is used from the next request on', async (t) => {
  const fake = await fakeMeet(t, { events });
  let uses = 0;
  const client = await connect(gmeet, {
    credentials: async () => ({ access_token: uses++ === 0 ? 'ya29.before' : 'ya29.after' }),
  });

  await client.callTool(details);
  await client.callTool({ name: 'delete_meeting', arguments: { meeting_id: 'm1' } });

  assert.deepEqual(
    fake.requests.map((r) => [`${r.method} ${r.path}`, r.headers.authorization]),
    [
      [`GET ${EVENTS}/m1`, 'Bearer ya29.before'],
      [`GET ${EVENTS}/m1`, 'Bearer ya29.after'],
      [`DELETE ${EVENTS}/m1`, 'Bearer ya29.after'],
    ],
  );
});
