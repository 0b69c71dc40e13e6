import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import gmail from '../index.js';
import { BASE, type FixtureMail, fakeGmail } from './fake-gmail.js';
import { only, query } from './google-fake.js';
import { parseRaw } from './mime.js';

const credentials = { access_token: 'ya29.send' };

const original: FixtureMail = {
  id: 'orig-1',
  threadId: 'thread-9',
  from: 'Ada <ada@example.com>',
  to: 'me@example.com',
  subject: 'Quarterly numbers',
  date: 'Tue, 14 May 2025 09:30:00 +0000',
  messageId: '<CAF1@mail.example.com>',
  references: '<CAF0@mail.example.com>',
  text: 'Revenue is up.',
};

test('send_email sends a UTF-8 RFC 2822 message, base64url-encoded, and returns what Gmail answered', async (t) => {
  const fake = await fakeGmail(t);
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'send_email',
    arguments: {
      to: 'bob@example.com, carol@example.com',
      subject: 'Café at 10?',
      body: 'See you there.\nBring the slides.',
      cc: 'dave@example.com',
      bcc: 'erin@example.com',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, { id: 'sent-1', threadId: 't-sent-1', labelIds: ['SENT'] });
  const req = only(fake, 'POST', `${BASE}/messages/send`);
  assert.equal(req.headers.authorization, 'Bearer ya29.send');
  assert.match(String(req.headers['content-type']), /^application\/json/);
  assert.deepEqual(Object.keys(req.body as object), ['raw'], 'no threadId for a new message');
  const mail = parseRaw((req.body as { raw: string }).raw);
  assert.equal(mail.headers.to, 'bob@example.com, carol@example.com');
  assert.equal(mail.headers.cc, 'dave@example.com');
  assert.equal(mail.headers.bcc, 'erin@example.com');
  assert.equal(mail.headers.subject, `=?UTF-8?B?${Buffer.from('Café at 10?').toString('base64')}?=`);
  assert.equal(mail.headers['content-type'], 'text/plain; charset="UTF-8"');
  assert.equal(mail.headers['mime-version'], '1.0');
  assert.equal(mail.body, 'See you there.\nBring the slides.');
  assert.equal(mail.headers['in-reply-to'], undefined);
});

test('send_email keeps header values on one line, so a newline cannot inject a header', async (t) => {
  const fake = await fakeGmail(t);
  const client = await connect(gmail, { credentials });

  await client.callTool({
    name: 'send_email',
    arguments: { to: 'bob@example.com\r\nBcc: spy@evil.example', subject: 'Hi\nX-Injected: 1', body: 'b' },
  });

  const mail = parseRaw((only(fake, 'POST', `${BASE}/messages/send`).body as { raw: string }).raw);
  assert.equal(mail.headers.bcc, undefined);
  assert.equal(mail.headers['x-injected'], undefined);
  assert.equal(mail.headers.to, 'bob@example.com Bcc: spy@evil.example');
  assert.ok(mail.headerLines.every((line) => /^[A-Za-z-]+: /.test(line)));
});

test('send_email replying to a Gmail message id threads it: Re: subject, In-Reply-To, References, threadId', async (t) => {
  const fake = await fakeGmail(t, { messages: [original] });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'send_email',
    arguments: {
      to: 'ada@example.com',
      subject: 'Quarterly numbers',
      body: 'Great news.',
      in_reply_to: 'orig-1',
    },
  });

  assert.deepEqual(result.structuredContent, { id: 'sent-1', threadId: 'thread-9', labelIds: ['SENT'] });
  const lookup = only(fake, 'GET', `${BASE}/messages/orig-1`);
  assert.deepEqual(query(lookup), { format: 'metadata', metadataHeaders: ['Message-ID', 'References'] });
  const sent = only(fake, 'POST', `${BASE}/messages/send`).body as { raw: string; threadId: string };
  assert.equal(sent.threadId, 'thread-9');
  const mail = parseRaw(sent.raw);
  assert.equal(mail.headers.subject, 'Re: Quarterly numbers');
  assert.equal(mail.headers['in-reply-to'], '<CAF1@mail.example.com>');
  assert.equal(mail.headers.references, '<CAF0@mail.example.com> <CAF1@mail.example.com>');
});

test('send_email with a thread_id and a Message-ID replies without reading the original', async (t) => {
  const fake = await fakeGmail(t);
  const client = await connect(gmail, { credentials });

  await client.callTool({
    name: 'send_email',
    arguments: {
      to: 'ada@example.com',
      subject: 'RE: Quarterly numbers',
      body: 'ok',
      thread_id: 'thread-9',
      in_reply_to: 'CAF1@mail.example.com',
    },
  });

  assert.equal(fake.requests.length, 1);
  const sent = only(fake, 'POST', `${BASE}/messages/send`).body as { raw: string; threadId: string };
  assert.equal(sent.threadId, 'thread-9');
  const mail = parseRaw(sent.raw);
  assert.equal(mail.headers.subject, 'RE: Quarterly numbers', 'an existing Re: prefix is kept');
  assert.equal(mail.headers['in-reply-to'], '<CAF1@mail.example.com>');
});

test('create_draft saves the message under drafts, in the given thread, and returns the draft', async (t) => {
  const fake = await fakeGmail(t);
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'create_draft',
    arguments: { to: 'bob@example.com', subject: 'Plan', body: 'Draft text', thread_id: 'thread-9' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, {
    id: 'r-draft-1',
    message: { id: 'm-draft-1', threadId: 'thread-9', labelIds: ['DRAFT'] },
  });
  const req = only(fake, 'POST', `${BASE}/drafts`);
  assert.equal(req.headers.authorization, 'Bearer ya29.send');
  const draft = req.body as { message: { raw: string; threadId: string } };
  assert.equal(draft.message.threadId, 'thread-9');
  const mail = parseRaw(draft.message.raw);
  assert.equal(mail.headers.to, 'bob@example.com');
  assert.equal(mail.headers.subject, 'Re: Plan');
  assert.equal(mail.body, 'Draft text');
  assert.equal(fake.requests.length, 1, 'a draft is not sent');
});

test('forward_email sends the original text under a forwarded-message header, with Fwd: and the added text', async (t) => {
  const fake = await fakeGmail(t, { messages: [original] });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'forward_email',
    arguments: { email_id: 'orig-1', to: 'finance@example.com', additional_text: 'FYI, see below.' },
  });

  assert.deepEqual(result.structuredContent, { id: 'sent-1', threadId: 't-sent-1', labelIds: ['SENT'] });
  assert.deepEqual(query(only(fake, 'GET', `${BASE}/messages/orig-1`)), { format: 'full' });
  const sent = only(fake, 'POST', `${BASE}/messages/send`);
  assert.equal(sent.headers.authorization, 'Bearer ya29.send');
  const mail = parseRaw((sent.body as { raw: string }).raw);
  assert.equal(mail.headers.to, 'finance@example.com');
  assert.equal(mail.headers.subject, 'Fwd: Quarterly numbers');
  assert.equal(
    mail.body,
    [
      'FYI, see below.',
      '',
      '---------- Forwarded message ---------',
      'From: Ada <ada@example.com>',
      'Date: Tue, 14 May 2025 09:30:00 +0000',
      'Subject: Quarterly numbers',
      'To: me@example.com',
      '',
      'Revenue is up.',
    ].join('\n'),
  );
});

test('forward_email of an unknown email names the id and sends nothing', async (t) => {
  const fake = await fakeGmail(t);
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'forward_email',
    arguments: { email_id: 'nope', to: 'x@example.com' },
  });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Email not found: nope');
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 0);
});
