import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNT, FROM, KEY_SECRET, message, sid, TO, twilioError } from './fake-twilio.js';
import { BASIC, data, failure, setup } from './harness.js';

const MESSAGES = `${ACCOUNT}/Messages.json`;
const MESSAGE = sid('SM', 0xe);
const FETCH = `${ACCOUNT}/Messages/${MESSAGE}.json`;
const send = { to: TO, from: FROM, body: 'Hi' };

/** No message may carry the secret, nor the Authorization header it is sent in. */
function secretFree(text: string): string {
  assert.ok(!text.includes(KEY_SECRET), 'the secret is not echoed');
  assert.ok(!text.includes(BASIC.slice(6)), 'the Basic credentials are not echoed');
  return text;
}

test('401 (20003) asks to re-authenticate, without echoing the secret', async (t) => {
  const { api, call } = await setup(t);
  api.route(`GET ${FETCH}`, { status: 401, body: twilioError(401, 20003, 'Authenticate') });
  assert.equal(
    secretFree(failure(await call('fetch_message', { message_sid: MESSAGE }))),
    'Not authenticated with twilio: Twilio rejected the API key SID and secret (error 20003: Authenticate): ' +
      'the key may have been deleted, or belong to another account. Re-authenticate with `gumcp auth twilio`.',
  );
  assert.equal(api.requests.length, 1, 'a 401 is not retried');
});

test('403 for a Restricted key says which permission is missing; 20403 says the account is suspended', async (t) => {
  const { api, video, call } = await setup(t);
  api.route(`GET ${FETCH}`, { status: 403, body: twilioError(403, 70051, 'Authorization Failed') });
  video.route('GET /v1/Rooms/RM1', { status: 403, body: twilioError(403, 20403, '403 Forbidden') });
  assert.equal(
    failure(await call('fetch_message', { message_sid: MESSAGE })),
    `Twilio denied access to message ${MESSAGE} (error 70051: Authorization Failed). A Restricted API key ` +
      'needs the permission for this request: add it to the key, or use a Standard key.',
  );
  assert.equal(
    failure(await call('fetch_video_room', { room_sid: 'RM1' })),
    'Twilio refused the request: the account is suspended or closed (error 20403: 403 Forbidden)',
  );
});

test('404 (20404) names what was not found', async (t) => {
  const { api, video, call } = await setup(t);
  const notFound = {
    status: 404,
    body: twilioError(404, 20404, `The requested resource ${FETCH} was not found`),
  };
  api.route(`GET ${FETCH}`, notFound);
  api.route(`DELETE ${FETCH}`, notFound);
  video.route('GET /v1/Rooms/standup', notFound);
  assert.equal(
    failure(await call('fetch_message', { message_sid: MESSAGE })),
    `Message not found: ${MESSAGE}`,
  );
  assert.equal(
    failure(await call('delete_message', { message_sid: MESSAGE })),
    `Message not found: ${MESSAGE}`,
  );
  assert.equal(
    failure(await call('fetch_video_room', { room_sid: 'standup' })),
    'Video room not found: standup',
  );
});

test('429 (20429) without Retry-After is retried with backoff, then succeeds', async (t) => {
  const { api, call, sleeps } = await setup(t);
  const busy = { status: 429, body: twilioError(429, 20429, 'Too Many Requests') };
  api.once(`GET ${FETCH}`, busy, busy);
  api.route(`GET ${FETCH}`, { body: message(0xe) });
  assert.equal(data(await call('fetch_message', { message_sid: MESSAGE })).sid, MESSAGE);
  assert.equal(api.requests.length, 3);
  assert.equal(sleeps.length, 2);
  assert.ok(
    sleeps.every((ms) => ms > 0),
    'backoff waits, no Retry-After',
  );
});

test('429 with Retry-After waits as told; a message refused with 429 is sent once it is accepted', async (t) => {
  const { api, call, sleeps } = await setup(t);
  api.once(`POST ${MESSAGES}`, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: twilioError(429, 20429, 'Too Many Requests'),
  });
  api.route(`POST ${MESSAGES}`, { status: 201, body: message(0x1, { status: 'queued' }) });
  data(await call('send_message', send));
  assert.equal(api.requests.length, 2, 'a 429 was never processed, so sending again is safe');
  assert.deepEqual(sleeps, [0]);
});

test('429 that persists says when to try again', async (t) => {
  const { api, call } = await setup(t);
  api.route(`GET ${FETCH}`, { status: 429, body: twilioError(429, 20429, 'Too Many Requests') });
  assert.equal(
    failure(await call('fetch_message', { message_sid: MESSAGE })),
    'Twilio is receiving too many concurrent requests for this account (error 20429: Too Many Requests); ' +
      'try again in a few seconds',
  );
  assert.equal(api.requests.length, 3);

  const later = await setup(t);
  later.api.route(`GET ${FETCH}`, {
    status: 429,
    headers: { 'retry-after': '120' },
    body: twilioError(429, 20429, 'Too Many Requests'),
  });
  assert.match(failure(await later.call('fetch_message', { message_sid: MESSAGE })), /try again in 120 s$/);
  assert.equal(later.api.requests.length, 1, 'a wait beyond the longest allowed is not waited for');
});

test("Twilio's codes about one argument name it: 21211 to, 21606 from, 21620 media_url, 21205 url", async (t) => {
  const { api, call } = await setup(t);
  const reject = (code: number, text: string) => ({ status: 400, body: twilioError(400, code, text) });
  api.once(
    `POST ${MESSAGES}`,
    reject(21211, "The 'To' number 555 is not a valid phone number."),
    reject(21606, "The 'From' phone number provided is not a valid message-capable Twilio phone number."),
    reject(21620, 'Invalid media URL(s)'),
  );
  api.route(`POST ${ACCOUNT}/Calls.json`, reject(21205, 'Url is not a valid URL: http://x'));
  assert.equal(
    failure(await call('send_message', { ...send, to: '555' })),
    "to: is not a valid phone number (use E.164, e.g. +14155552671) (error 21211: The 'To' number 555 is not a valid phone number.)",
  );
  assert.match(failure(await call('send_message', send)), /^from: is not a message-capable Twilio number/);
  assert.match(
    failure(await call('send_message', { ...send, media_url: 'https://example.com/x' })),
    /^media_url: is not a valid, reachable media URL \(error 21620/,
  );
  assert.match(
    failure(await call('make_call', { to: TO, from: FROM, url: 'http://x' })),
    /^url: is not a valid URL \(error 21205/,
  );
  assert.equal(api.requests.length, 4, 'a 400 is not retried');
});

test('another 400 names the argument its message quotes, with Twilio’s link', async (t) => {
  const { verify, call } = await setup(t);
  const service = sid('VA', 1);
  verify.route(`POST /v2/Services/${service}/Verifications`, {
    status: 400,
    body: twilioError(400, 60200, 'Invalid parameter `To`: 555'),
  });
  assert.equal(
    failure(await call('start_verification', { service_sid: service, to: '555', channel: 'sms' })),
    'to: Twilio rejected it (error 60200: Invalid parameter `To`: 555). See https://www.twilio.com/docs/errors/60200',
  );
});

test('5xx on a read is retried, then reported', async (t) => {
  const { api, call } = await setup(t);
  api.route(`GET ${FETCH}`, { status: 502, body: 'Bad Gateway' });
  assert.equal(
    failure(await call('fetch_message', { message_sid: MESSAGE })),
    'Twilio failed (HTTP 502); try again later',
  );
  assert.equal(api.requests.length, 3);
});

test('a send that times out is not retried, and may have gone through', async (t) => {
  const { api, call } = await setup(t, undefined, { timeoutMs: 150 });
  // Twilio took the request and never answered.
  api.route(`POST ${MESSAGES}`, () => new Promise(() => undefined));
  assert.equal(
    failure(await call('send_message', send)),
    `Twilio did not answer while sending the SMS to ${TO}; the request may have gone through, so check ` +
      'before trying again',
  );
  assert.equal(api.requests.length, 1);
});

test('missing or malformed stored credentials ask to sign in again, before any request', async (t) => {
  const none = await setup(t, { account_sid: sid('AC', 1) });
  assert.equal(
    failure(await none.call('list_messages')),
    'Not authenticated with twilio: the stored credentials lack api_key_sid, api_key_secret. ' +
      'Re-authenticate with `gumcp auth twilio`.',
  );
  const bad = await setup(t, { account_sid: 'nope', api_key_sid: sid('SK', 1), api_key_secret: KEY_SECRET });
  assert.match(
    secretFree(failure(await bad.call('list_calls'))),
    /the stored account_sid is not an Account SID/,
  );
  assert.equal(none.requests().length + bad.requests().length, 0);
});
