import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dailyCreateLimit,
  invalidToken,
  MEETING_ID,
  meeting,
  meetingNotFound,
  missingScopes,
  perSecondLimit,
  serverError,
  validationFailed,
} from './fake-zoom.js';
import { data, failure, onlyRequest, setup, TOKEN } from './harness.js';

const GET = `GET /v2/meetings/${MEETING_ID}`;
const CREATE = 'POST /v2/users/me/meetings';
const NEW_MEETING = { topic: 'Sync', start_time: '2026-05-01T10:00:00Z', duration: 30 };

test('401 with code 124 asks the user to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET, { status: 401, body: invalidToken });
  const message = failure(await call('get_meeting', { meeting_id: MEETING_ID }));
  assert.equal(
    message,
    'Not authenticated with zoom: Zoom rejected the stored token (expired or revoked). Re-authenticate with `gumcp auth zoom`.',
  );
  assert.ok(!message.includes(TOKEN));
  onlyRequest(fake);
});

test('code 4711 names the missing scope (the user-level one of those Zoom lists)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET, { status: 400, body: missingScopes });
  assert.equal(
    failure(await call('get_meeting', { meeting_id: MEETING_ID })),
    'Permission denied: the stored token lacks the scope "meeting:read:meeting". Re-authenticate to grant it.',
  );
});

test('code 3001 names the meeting that is not found', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET, { status: 404, body: meetingNotFound() });
  fake.route(`DELETE /v2/meetings/${MEETING_ID}`, { status: 404, body: meetingNotFound() });
  assert.equal(
    failure(await call('get_meeting', { meeting_id: MEETING_ID })),
    `Meeting not found: ${MEETING_ID}`,
  );
  assert.equal(
    failure(await call('delete_meeting', { meeting_id: MEETING_ID })),
    `Meeting not found: ${MEETING_ID}`,
  );
});

test('a validation error names the argument Zoom objected to', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(CREATE, { status: 400, body: validationFailed });
  assert.equal(
    failure(await call('create_meeting', NEW_MEETING)),
    'Zoom rejected the request for new meeting "Sync" (code 300): Validation Failed.; start_time: Invalid field.',
  );
});

test('a per-second 429 is retried, then the call succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(GET, {
    status: 429,
    headers: { 'x-ratelimit-category': 'Light', 'x-ratelimit-type': 'QPS', 'retry-after': '1' },
    body: perSecondLimit,
  });
  fake.route(GET, { body: meeting() });
  assert.equal(data(await call('get_meeting', { meeting_id: MEETING_ID })).id, MEETING_ID);
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(sleeps, [1000]);
});

test('a per-second limit that persists says which limit and when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/users/me/meetings', {
    status: 429,
    headers: { 'x-ratelimit-category': 'Medium', 'x-ratelimit-type': 'QPS', 'x-ratelimit-limit': '20' },
    body: perSecondLimit,
  });
  const message = failure(await call('list_meetings', { type: 'scheduled' }));
  assert.equal(
    message,
    'Zoom rate limit reached: the per-second limit for Medium requests of the account was still exceeded after retrying. Try again in a few seconds.',
  );
  assert.equal(fake.requests.length, 3, 'the first try and two retries');
});

test('the per-user daily limit of meeting creates is not retried, and says it resets at 00:00 UTC', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(CREATE, {
    status: 429,
    headers: {
      'x-ratelimit-category': 'Light',
      'x-ratelimit-limit': '6000',
      'x-ratelimit-remaining': '5893',
    },
    body: dailyCreateLimit,
  });
  const before = Date.now();
  const message = failure(await call('create_meeting', NEW_MEETING));
  const midnight = new Date(Math.floor(before / 86_400_000) * 86_400_000 + 86_400_000).toISOString();
  assert.equal(
    message,
    'Zoom rate limit reached: the daily limit of 100 meeting create/update requests for this Zoom user is used up. ' +
      `It resets at ${midnight}; the request was not retried, since a daily limit does not lift before then.`,
  );
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('a daily limit is not retried even when its Retry-After is short', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(CREATE, {
    status: 429,
    headers: { 'x-ratelimit-category': 'Light', 'retry-after': '1' },
    body: dailyCreateLimit,
  });
  assert.match(
    failure(await call('create_meeting', NEW_MEETING)),
    /^Zoom rate limit reached: the daily limit of 100 meeting create\/update requests for this Zoom user is used up/,
  );
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test("an account's daily limit for a category says which, how many a day, and when Retry-After says it resets", async (t) => {
  const { fake, call, sleeps } = await setup(t);
  const reset = new Date(Date.now() + 5 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  fake.route(`GET /v2/report/meetings/${MEETING_ID}/participants`, {
    status: 429,
    headers: {
      'x-ratelimit-category': 'Heavy',
      'x-ratelimit-type': 'Daily-limit',
      'x-ratelimit-limit': '30000',
      'x-ratelimit-remaining': '0',
      'retry-after': reset,
    },
    body: { code: 429, message: 'You have reached the maximum daily rate limit for this API.' },
  });
  const message = failure(await call('get_meeting_participant_reports', { meeting_id: MEETING_ID }));
  assert.match(
    message,
    /^Zoom rate limit reached: the account's daily limit for Heavy requests \(30000 a day\) is used up\. It resets at /,
  );
  assert.ok(message.includes(`${reset.slice(0, 19)}`), message);
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('5xx on a read is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET, { status: 503, body: serverError });
  assert.equal(
    failure(await call('get_meeting', { meeting_id: MEETING_ID })),
    'Zoom failed (HTTP 503); try again later',
  );
  assert.equal(fake.requests.length, 3);
});

test('5xx on create_meeting is not retried and warns it may have gone through', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(CREATE, { status: 500, body: serverError });
  assert.equal(
    failure(await call('create_meeting', NEW_MEETING)),
    'Zoom failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('5xx on update_meeting is retried: setting the same fields twice changes nothing more', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`PATCH /v2/meetings/${MEETING_ID}`, { status: 502, body: serverError });
  fake.route(`PATCH /v2/meetings/${MEETING_ID}`, { status: 204 });
  data(await call('update_meeting', { meeting_id: MEETING_ID, topic: 'New' }));
  assert.equal(fake.requests.length, 2);
});

test('without stored credentials, or without an access token, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(
    failure(await none.call('list_upcoming_meetings')),
    /Not authenticated with zoom: no credentials/,
  );
  const empty = await setup(t, { refresh_token: 'zoom-refresh' });
  assert.match(
    failure(await empty.call('list_upcoming_meetings')),
    /stored credentials hold no access token/,
  );
  assert.equal(none.fake.requests.length + empty.fake.requests.length, 0);
});
