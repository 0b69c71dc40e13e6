import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { accepted, rateLimited, sgErrors } from './fake-sendgrid.js';
import { assertAuth, data, failure, setup } from './harness.js';

const SEND = 'POST /v3/mail/send';
const BASIC = {
  to: 'ada@example.com',
  subject: 'Your invoice',
  content: 'Hello Ada, your invoice is attached.',
  from_email: 'billing@acme.test',
};

test('send_email posts SendGrid’s body once and says what was sent to whom, with the X-Message-Id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEND, accepted('msg-1'));

  const out = data(await call('send_email', { ...BASIC, from_name: 'Acme Billing' }));

  assert.deepEqual(out, {
    status: 'accepted',
    message_id: 'msg-1',
    to: ['ada@example.com'],
    from: 'billing@acme.test',
    subject: 'Your invoice',
    template_id: null,
    send_at: null,
    message:
      'SendGrid accepted the email "Your invoice" from billing@acme.test to ada@example.com for delivery now. ' +
      'Message id msg-1.',
  });
  const req = only(fake, 'POST', '/v3/mail/send');
  assertAuth(req);
  assert.equal(req.headers['content-type'], 'application/json');
  assert.deepEqual(req.body, {
    personalizations: [{ to: [{ email: 'ada@example.com' }] }],
    from: { email: 'billing@acme.test', name: 'Acme Billing' },
    subject: 'Your invoice',
    content: [{ type: 'text/plain', value: 'Hello Ada, your invoice is attached.' }],
  });
});

test('several recipients each get their own email; a repeated address is sent once', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEND, accepted('msg-2'));
  const out = data(
    await call('send_email', { ...BASIC, to: 'ada@example.com, bob@example.com; ADA@example.com' }),
  );
  assert.deepEqual(out.to, ['ada@example.com', 'bob@example.com']);
  assert.equal(
    out.message,
    'SendGrid accepted the email "Your invoice" from billing@acme.test to ada@example.com, bob@example.com ' +
      '(2 recipients, one email each) for delivery now. Message id msg-2.',
  );
  assert.deepEqual(
    (only(fake, 'POST', '/v3/mail/send').body as { personalizations: unknown }).personalizations,
    [{ to: [{ email: 'ada@example.com' }] }, { to: [{ email: 'bob@example.com' }] }],
  );
});

test('HTML is sent as text/html; a template goes with its data to every recipient', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEND, accepted());
  data(
    await call('send_email', {
      ...BASIC,
      to: ['ada@example.com', 'bob@example.com'],
      content: '<p>Hello {{name}}</p>',
      template_id: 'd-13b8f94f1e6e4b5c8b8ad1d2c3e4f5a6',
      dynamic_template_data: { name: 'friend', total: 42 },
    }),
  );
  const body = only(fake, 'POST', '/v3/mail/send').body as Record<string, unknown>;
  assert.deepEqual(body.content, [{ type: 'text/html', value: '<p>Hello {{name}}</p>' }]);
  assert.equal(body.template_id, 'd-13b8f94f1e6e4b5c8b8ad1d2c3e4f5a6');
  assert.deepEqual(body.personalizations, [
    { to: [{ email: 'ada@example.com' }], dynamic_template_data: { name: 'friend', total: 42 } },
    { to: [{ email: 'bob@example.com' }], dynamic_template_data: { name: 'friend', total: 42 } },
  ]);
});

test('schedule_time becomes send_at and the result says when', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEND, accepted('msg-3'));
  const at = new Date(Date.now() + 3 * 3600 * 1000);
  at.setUTCMilliseconds(0);
  const out = data(await call('send_email', { ...BASIC, schedule_time: at.toISOString() }));
  assert.equal(out.status, 'scheduled');
  assert.equal(out.send_at, at.toISOString());
  assert.equal(
    out.message,
    `SendGrid scheduled the email "Your invoice" from billing@acme.test to ada@example.com for ${at.toISOString()}. Message id msg-3.`,
  );
  assert.equal(
    (only(fake, 'POST', '/v3/mail/send').body as { send_at: number }).send_at,
    at.getTime() / 1000,
  );
});

test('a schedule without a time zone, too far ahead or past is refused before anything is sent', async (t) => {
  const { fake, call } = await setup(t);
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
  assert.match(
    failure(await call('send_email', { ...BASIC, schedule_time: '2026-12-01T09:00:00' })),
    /^schedule_time: give a time zone/,
  );
  assert.match(
    failure(await call('send_email', { ...BASIC, schedule_time: inDays(4) })),
    /^schedule_time: SendGrid schedules at most 72 hours ahead$/,
  );
  assert.match(
    failure(await call('send_email', { ...BASIC, schedule_time: inDays(-1) })),
    /^schedule_time: is in the past/,
  );
  assert.match(failure(await call('send_email', { ...BASIC, to: 'ada@example.com, nobody' })), /to/);
  assert.match(failure(await call('send_email', { ...BASIC, from_email: 'billing' })), /from_email/);
  assert.equal(fake.requests.length, 0);
});

test('sandbox mode validates without sending, and says so', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEND, { status: 200, body: '' });
  const out = data(await call('send_email', { ...BASIC, sandbox_mode: true }));
  assert.equal(out.status, 'validated');
  assert.equal(
    out.message,
    'SendGrid validated the email "Your invoice" from billing@acme.test to ada@example.com in sandbox mode; nothing was sent.',
  );
  assert.deepEqual((only(fake, 'POST', '/v3/mail/send').body as { mail_settings: unknown }).mail_settings, {
    sandbox_mode: { enable: true },
  });
});

test('SendGrid’s 400 names the argument, and says nothing was sent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEND, {
    status: 400,
    body: sgErrors(
      { field: 'from', message: 'The from address does not match a verified Sender Identity.' },
      { field: 'personalizations.0.to.0.email', message: 'Does not contain a valid address.' },
    ),
  });
  assert.equal(
    failure(await call('send_email', BASIC)),
    'SendGrid refused sending the email "Your invoice" from billing@acme.test to ada@example.com (HTTP 400): ' +
      'from_email: The from address does not match a verified Sender Identity.; to: Does not contain a valid ' +
      'address.; nothing was sent',
  );
});

test('a send that meets a 5xx is not retried: it may have gone out', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEND, { status: 500, body: sgErrors({ field: null, message: 'internal server error' }) });
  assert.equal(
    failure(await call('send_email', BASIC)),
    'SendGrid failed (HTTP 500) while sending the email "Your invoice" from billing@acme.test to ada@example.com: ' +
      'it may have been sent, so check Email Activity in SendGrid before sending again',
  );
  assert.equal(fake.requests.length, 1);
});

test('a send that times out is not retried either', async (t) => {
  const { fake, call } = await setup(t, undefined, { timeoutMs: 100 });
  fake.route(SEND, async () => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return accepted();
  });
  assert.equal(
    failure(await call('send_email', BASIC)),
    'SendGrid did not answer while sending the email "Your invoice" from billing@acme.test to ada@example.com: ' +
      'it may have been sent, so check Email Activity in SendGrid before sending again',
  );
  assert.equal(fake.requests.length, 1);
});

test('a 429 is retried after X-RateLimit-Reset (SendGrid took nothing) and the email goes once', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(SEND, rateLimited(Math.floor(Date.now() / 1000) + 2));
  fake.route(SEND, accepted('msg-4'));
  assert.equal(data(await call('send_email', BASIC)).message_id, 'msg-4');
  assert.equal(fake.requests.length, 2);
  assert.equal(sleeps.length, 1);
  assert.ok((sleeps[0] ?? -1) >= 0 && (sleeps[0] ?? 9999) <= 2000, `waited ${sleeps[0]} ms`);
});

test('a missing mail.send permission is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEND, { status: 403, body: sgErrors({ field: null, message: 'access forbidden' }) });
  assert.equal(
    failure(await call('send_email', BASIC)),
    'Permission denied: the SendGrid API key lacks the "mail.send" permission needed for sending the email ' +
      '"Your invoice" from billing@acme.test to ada@example.com: access forbidden. Give it to the key in SendGrid ' +
      '(Settings > API Keys > Edit API Key), or sign in with a key that has it.',
  );
});
