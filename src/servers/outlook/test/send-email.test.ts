import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS } from '../../../providers/microsoft/test/graph-fake.js';
import { only } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import outlook from '../index.js';
import { fakeOutlook, ME } from './fake-outlook.js';

const credentials = { access_token: 'eyJ0.outlook-send' };

test('send_email posts one message to sendMail, keeps a copy, and reports what was sent to whom', async (t) => {
  const fake = await fakeOutlook(t);
  const client = await connect(outlook, { credentials });

  const result = await client.callTool({
    name: 'send_email',
    arguments: {
      to: 'ada@contoso.com, Bob Smith <bob@contoso.com>',
      subject: 'Lunch',
      body: 'Noon at the usual place?',
      cc: 'carol@contoso.com',
      bcc: 'dave@contoso.com; erin@contoso.com',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'POST', `${ME}/sendMail`);
  assert.equal(req.headers.authorization, 'Bearer eyJ0.outlook-send');
  assert.equal(req.headers['content-type'], 'application/json');
  assert.deepEqual(req.body, {
    message: {
      subject: 'Lunch',
      body: { contentType: 'Text', content: 'Noon at the usual place?' },
      toRecipients: [
        { emailAddress: { address: 'ada@contoso.com' } },
        { emailAddress: { address: 'bob@contoso.com', name: 'Bob Smith' } },
      ],
      ccRecipients: [{ emailAddress: { address: 'carol@contoso.com' } }],
      bccRecipients: [
        { emailAddress: { address: 'dave@contoso.com' } },
        { emailAddress: { address: 'erin@contoso.com' } },
      ],
    },
    saveToSentItems: true,
  });
  assert.deepEqual(result.structuredContent, {
    sent: true,
    message:
      'Email "Lunch" sent to ada@contoso.com, bob@contoso.com (cc carol@contoso.com; bcc dave@contoso.com, erin@contoso.com)',
    subject: 'Lunch',
    to: ['ada@contoso.com', 'bob@contoso.com'],
    cc: ['carol@contoso.com'],
    bcc: ['dave@contoso.com', 'erin@contoso.com'],
  });
});

test('an HTML body is sent as HTML, and no empty cc or bcc lists are sent', async (t) => {
  const fake = await fakeOutlook(t);
  const client = await connect(outlook, { credentials });

  await client.callTool({
    name: 'send_email',
    arguments: { to: 'ada@contoso.com', subject: 'Hi', body: '<p>Hello</p>', body_type: 'html' },
  });

  assert.deepEqual(only(fake, 'POST', `${ME}/sendMail`).body, {
    message: {
      subject: 'Hi',
      body: { contentType: 'HTML', content: '<p>Hello</p>' },
      toRecipients: [{ emailAddress: { address: 'ada@contoso.com' } }],
    },
    saveToSentItems: true,
  });
});

test('a malformed address is refused naming the argument, and nothing is sent', async (t) => {
  const fake = await fakeOutlook(t);
  const client = await connect(outlook, { credentials });

  const badCc = await client.callTool({
    name: 'send_email',
    arguments: { to: 'ada@contoso.com', subject: 'x', body: 'y', cc: 'bob at contoso' },
  });
  const noTo = await client.callTool({
    name: 'send_email',
    arguments: { to: ' , ', subject: 'x', body: 'y' },
  });

  assert.equal(text(badCc), 'cc: "bob at contoso" is not an email address');
  assert.equal(text(noTo), 'to: give at least one email address');
  assert.equal(fake.requests.length, 0);
});

test('a 5xx on send is not retried, since the mail may have gone out', async (t) => {
  const fake = await fakeOutlook(t);
  fake.route(`POST ${ME}/sendMail`, {
    status: 503,
    headers: { 'retry-after': '0' },
    body: GRAPH_ERRORS.unavailable,
  });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool({
    name: 'send_email',
    arguments: { to: 'ada@contoso.com', subject: 'x', body: 'y' },
  });

  assert.equal(
    text(result),
    'Outlook failed (HTTP 503); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('a 429 on send is retried after Retry-After: Graph did not take the message', async (t) => {
  const fake = await fakeOutlook(t);
  fake.once(`POST ${ME}/sendMail`, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: GRAPH_ERRORS.throttled,
  });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool({
    name: 'send_email',
    arguments: { to: 'ada@contoso.com', subject: 'x', body: 'y' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.length, 2);
});
