import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { ACCOUNT, FROM, message, page2010, sid, TO, twilioError } from './fake-twilio.js';
import { data, failure, formOf, onlyRequest, setup } from './harness.js';

const MESSAGES = `${ACCOUNT}/Messages.json`;
const SENT_AT = '2023-08-24T05:01:45.000Z';

/** What Twilio answers to a new message: queued, with what was asked echoed. */
const queued = (form: Record<string, string>, over: Record<string, unknown> = {}) =>
  message(0x51, {
    to: form.To,
    from: form.From ?? null,
    body: form.Body ?? '',
    status: 'queued',
    date_sent: null,
    price: null,
    price_unit: 'USD',
    messaging_service_sid: form.MessagingServiceSid ?? null,
    ...over,
  });

test('send_message sends an SMS as a form and says what was sent to whom, with the SID', async (t) => {
  const { api, call } = await setup(t);
  api.route(`POST ${MESSAGES}`, (req) => ({ status: 201, body: queued(req.body as Record<string, string>) }));
  const out = data(await call('send_message', { to: TO, from: FROM, body: 'Your table is ready' }));

  const req = onlyRequest(api);
  assert.equal(req.method, 'POST');
  assert.equal(req.path, MESSAGES);
  assert.deepEqual(formOf(req), { To: TO, From: FROM, Body: 'Your table is ready' });
  assert.equal(
    out.sent,
    `Sent SMS "Your table is ready" from ${FROM} to ${TO}: message ${sid('SM', 0x51)}, status queued`,
  );
  assert.deepEqual(out.message, {
    sid: sid('SM', 0x51),
    to: TO,
    from: FROM,
    body: 'Your table is ready',
    status: 'queued',
    direction: 'outbound-api',
    num_segments: '1',
    num_media: '0',
    price: null,
    price_unit: 'USD',
    error_code: null,
    error_message: null,
    messaging_service_sid: null,
    date_created: SENT_AT,
    date_sent: null,
  });
});

test('send_message sends several media URLs as repeated MediaUrl, an MMS', async (t) => {
  const { api, call } = await setup(t);
  api.route(`POST ${MESSAGES}`, (req) => ({
    status: 201,
    body: queued(formOf(req) as Record<string, string>, { num_media: '2' }),
  }));
  const media = ['https://example.com/a.png', 'https://example.com/b.jpg'];
  const out = data(await call('send_message', { to: TO, from: FROM, media_url: media }));
  assert.deepEqual(formOf(onlyRequest(api)), { To: TO, From: FROM, MediaUrl: media });
  assert.match(
    String(out.sent),
    /^Sent MMS 2 media file\(s\) from \+15017122661 to \+15558675310: message SM/,
  );
});

test("send_message with channel whatsapp puts whatsapp: before both numbers; guMCP's single media_url is taken", async (t) => {
  const { api, call } = await setup(t);
  api.route(`POST ${MESSAGES}`, (req) => ({
    status: 201,
    body: queued(formOf(req) as Record<string, string>),
  }));
  const out = data(
    await call('send_message', {
      to: TO,
      from: FROM,
      body: 'Hi',
      media_url: 'https://example.com/menu.pdf',
      channel: 'whatsapp',
    }),
  );
  assert.deepEqual(formOf(onlyRequest(api)), {
    To: `whatsapp:${TO}`,
    From: `whatsapp:${FROM}`,
    Body: 'Hi',
    MediaUrl: 'https://example.com/menu.pdf',
  });
  assert.match(String(out.sent), /^Sent WhatsApp message "Hi" with 1 media file\(s\) from whatsapp:\+1501/);
});

test('send_message from a Messaging Service SID sends MessagingServiceSid instead of From', async (t) => {
  const { api, call } = await setup(t);
  const service = sid('MG', 7);
  api.route(`POST ${MESSAGES}`, (req) => ({
    status: 201,
    body: queued(formOf(req) as Record<string, string>),
  }));
  const out = data(
    await call('send_message', {
      to: TO,
      from: service,
      body: 'Reminder',
      status_callback: 'https://example.com/cb',
    }),
  );
  assert.deepEqual(formOf(onlyRequest(api)), {
    To: TO,
    MessagingServiceSid: service,
    Body: 'Reminder',
    StatusCallback: 'https://example.com/cb',
  });
  assert.match(String(out.sent), new RegExp(`from Messaging Service ${service} to \\${TO}`));
});

test('send_message without body or media_url, or with a wrong channel, fails naming the argument', async (t) => {
  const { api, call } = await setup(t);
  assert.equal(
    failure(await call('send_message', { to: TO, from: FROM })),
    'body: required unless media_url is given',
  );
  assert.match(
    failure(await call('send_message', { to: TO, from: FROM, body: 'x', channel: 'fax' })),
    /channel/,
  );
  assert.match(
    failure(await call('send_message', { to: TO, from: FROM, media_url: 'ftp://example.com/a.png' })),
    /media_url/,
  );
  assert.equal(api.requests.length, 0);
});

test('list_messages asks for page_size messages and returns them trimmed, with the next page token', async (t) => {
  const { api, call } = await setup(t);
  api.route(`GET ${MESSAGES}`, {
    body: page2010('messages', 'Messages.json', [message(1), message(2)], 0, 'PASM2'),
  });
  const out = data(await call('list_messages', { page_size: 2 }));
  const req = onlyRequest(api);
  assert.deepEqual(query(req), { PageSize: '2' });
  assert.equal(out.count, 2);
  assert.equal(out.next_page_token, 'Page=1&PageToken=PASM2');
  assert.deepEqual(
    (out.messages as { sid: string; body: string; date_sent: string }[]).map((m) => [
      m.sid,
      m.body,
      m.date_sent,
    ]),
    [
      [sid('SM', 1), 'Hello 1', SENT_AT],
      [sid('SM', 2), 'Hello 2', SENT_AT],
    ],
  );
});

test('list_messages continues from a page_token: ours, or a bare Twilio PageToken', async (t) => {
  const { api, call } = await setup(t);
  api.route(`GET ${MESSAGES}`, { body: page2010('messages', 'Messages.json', [message(3)], 1) });
  data(await call('list_messages', { page_size: 1, page_token: 'Page=1&PageToken=PASM2' }));
  data(await call('list_messages', { page_token: 'PASM2' }));
  assert.deepEqual(api.requests.map(query), [
    { PageSize: '1', Page: '1', PageToken: 'PASM2' },
    { PageSize: '50', PageToken: 'PASM2' },
  ]);
});

test('fetch_message returns the message, and with full every field Twilio gave', async (t) => {
  const { api, call } = await setup(t);
  const messageSid = sid('SM', 9);
  api.route(`GET ${ACCOUNT}/Messages/${messageSid}.json`, {
    body: message(9, {
      status: 'undelivered',
      error_code: 30003,
      error_message: 'Unreachable destination handset',
    }),
  });
  const out = data(await call('fetch_message', { message_sid: messageSid }));
  assert.equal(onlyRequest(api).method, 'GET');
  assert.equal(out.status, 'undelivered');
  assert.equal(out.error_code, 30003);
  assert.equal(out.resource, undefined);

  const whole = data(await call('fetch_message', { message_sid: messageSid, full: true }));
  assert.deepEqual(
    whole.resource,
    message(9, {
      status: 'undelivered',
      error_code: 30003,
      error_message: 'Unreachable destination handset',
    }),
  );
});

test('fetch_message refuses what is not a message SID, before any request', async (t) => {
  const { api, call } = await setup(t);
  assert.match(
    failure(await call('fetch_message', { message_sid: '../Calls' })),
    /message_sid: must be a Message SID/,
  );
  assert.equal(api.requests.length, 0);
});

test('delete_message sends DELETE and says it deleted the message', async (t) => {
  const { api, call } = await setup(t);
  const messageSid = sid('MM', 4);
  api.route(`DELETE ${ACCOUNT}/Messages/${messageSid}.json`, { status: 204, body: '' });
  assert.deepEqual(data(await call('delete_message', { message_sid: messageSid })), {
    deleted: true,
    message_sid: messageSid,
  });
  const req = onlyRequest(api);
  assert.equal(req.method, 'DELETE');
  assert.equal(req.rawBody, '');
});

test('a message Twilio fails on with 5xx is not sent twice, and the error says to whom it may have gone', async (t) => {
  const { api, call } = await setup(t);
  api.route(`POST ${MESSAGES}`, { status: 500, body: twilioError(500, 20500, 'Internal Server Error') });
  assert.equal(
    failure(await call('send_message', { to: TO, from: FROM, body: 'Once' })),
    `Twilio failed (HTTP 500) while sending the SMS to ${TO}; it may have gone through, so check before ` +
      'trying again (it was not retried).',
  );
  assert.equal(api.requests.length, 1);
});
