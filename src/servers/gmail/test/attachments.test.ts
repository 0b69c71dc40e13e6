import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import gmail from '../index.js';
import { BASE, type FixtureAttachment, type FixtureMail, fakeGmail } from './fake-gmail.js';
import { only, query } from './google-fake.js';

const credentials = { access_token: 'ya29.files' };
const csv = 'name,amount\nada,42\n';
const mail: FixtureMail = {
  id: 'm7',
  subject: 'Report',
  text: 'Two files attached.',
  attachments: [
    { filename: 'report.csv', mimeType: 'text/csv', attachmentId: 'ANGjdJ-csv', content: csv },
    { filename: 'logo.png', mimeType: 'image/png', attachmentId: 'ANGjdJ-png', content: '\u0089PNG' },
  ],
};

test('get_attachment_details lists every attachment of the email with its id, type and size', async (t) => {
  const fake = await fakeGmail(t, { messages: [mail] });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({ name: 'get_attachment_details', arguments: { email_id: 'm7' } });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, {
    email_id: 'm7',
    subject: 'Report',
    count: 2,
    attachments: [
      {
        partId: '1',
        filename: 'report.csv',
        mimeType: 'text/csv',
        attachmentId: 'ANGjdJ-csv',
        size: csv.length,
      },
      { partId: '2', filename: 'logo.png', mimeType: 'image/png', attachmentId: 'ANGjdJ-png', size: 5 },
    ],
  });
  const req = only(fake, 'GET', `${BASE}/messages/m7`);
  assert.deepEqual(query(req), { format: 'full' });
  assert.equal(req.headers.authorization, 'Bearer ya29.files');
});

test('download_attachment returns the bytes base64-encoded with the file name and type', async (t) => {
  const fake = await fakeGmail(t, { messages: [mail] });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'download_attachment',
    arguments: { email_id: 'm7', attachment_id: 'ANGjdJ-csv' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, {
    email_id: 'm7',
    attachment_id: 'ANGjdJ-csv',
    filename: 'report.csv',
    mimeType: 'text/csv',
    size: csv.length,
    data: Buffer.from(csv).toString('base64'),
  });
  const req = only(fake, 'GET', `${BASE}/messages/m7/attachments/ANGjdJ-csv`);
  assert.equal(req.headers.authorization, 'Bearer ya29.files');
  assert.deepEqual(query(req), {});
});

test('download_attachment finds the part by file name when Gmail handed out another attachment id', async (t) => {
  const png = { ...(mail.attachments?.[1] as FixtureAttachment), aliases: ['ANGjdJ-png-earlier'] };
  await fakeGmail(t, {
    messages: [{ ...mail, attachments: [mail.attachments?.[0] as FixtureAttachment, png] }],
  });
  const client = await connect(gmail, { credentials });

  const named = await client.callTool({
    name: 'download_attachment',
    arguments: { email_id: 'm7', attachment_id: 'ANGjdJ-png-earlier', filename: 'logo.png' },
  });
  const unnamed = await client.callTool({
    name: 'download_attachment',
    arguments: { email_id: 'm7', attachment_id: 'ANGjdJ-png-earlier' },
  });

  assert.deepEqual(named.structuredContent, {
    email_id: 'm7',
    attachment_id: 'ANGjdJ-png-earlier',
    filename: 'logo.png',
    mimeType: 'image/png',
    size: 5,
    data: Buffer.from('\u0089PNG').toString('base64'),
  });
  const fallback = unnamed.structuredContent as { filename: string; mimeType: string };
  assert.deepEqual([fallback.filename, fallback.mimeType], ['attachment', 'application/octet-stream']);
});

test('download_attachment of an unknown attachment names it', async (t) => {
  await fakeGmail(t, { messages: [mail] });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'download_attachment',
    arguments: { email_id: 'm7', attachment_id: 'missing' },
  });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Attachment not found: missing (email m7)');
});
