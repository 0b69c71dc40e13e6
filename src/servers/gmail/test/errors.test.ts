import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import gmail from '../index.js';
import { BASE, fakeGmail } from './fake-gmail.js';
import { GOOGLE_ERRORS } from './google-fake.js';

const credentials = { access_token: 'ya29.secret-token-value' };
const star = { name: 'star_email', arguments: { email_id: 'm1' } };
const modify = `POST ${BASE}/messages/m1/modify`;
const mail = { id: 'm1', text: 'x' };

test('401 from Gmail asks the user to re-authenticate, without echoing the token', async (t) => {
  const fake = await fakeGmail(t, { messages: [mail] });
  fake.once(modify, { status: 401, body: GOOGLE_ERRORS.expiredToken });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool(star);

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Not authenticated with gmail: Gmail rejected the stored token. Re-authenticate with `gumcp auth gmail`.',
  );
  assert.doesNotMatch(text(result), /secret-token-value/);
  assert.equal(fake.requests.length, 1, '401 is not retried');
});

test('403 insufficient scope names the scope to grant', async (t) => {
  const fake = await fakeGmail(t, { messages: [mail] });
  fake.once(modify, { status: 403, body: GOOGLE_ERRORS.insufficientScope });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool(star);

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Permission denied: the stored token lacks the scope "https://www.googleapis.com/auth/gmail.modify". Re-authenticate to grant it.',
  );
  assert.equal(fake.requests.length, 1);
});

test('404 names the email id that does not exist', async (t) => {
  await fakeGmail(t, { messages: [mail] });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({ name: 'trash_email', arguments: { email_id: '18f2c0ffee' } });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Email not found: 18f2c0ffee');
});

test('429 with Retry-After is retried, then succeeds', async (t) => {
  const fake = await fakeGmail(t, { messages: [mail] });
  fake.once(modify, { status: 429, headers: { 'retry-after': '0' }, body: GOOGLE_ERRORS.rateLimited });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool(star);

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, { id: 'm1', threadId: 't-m1', labelIds: ['INBOX', 'STARRED'] });
  assert.equal(fake.requests.filter((r) => `${r.method} ${r.path}` === modify).length, 2);
});

test('5xx on every attempt ends in a clear try-later message after the retries', async (t) => {
  const fake = await fakeGmail(t, { messages: [mail] });
  fake.route(modify, { status: 503, body: GOOGLE_ERRORS.backendError });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool(star);

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Gmail failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 4, 'first attempt and three retries');
});

test('other 4xx answers carry Gmail’s own message', async (t) => {
  const fake = await fakeGmail(t);
  fake.once(`POST ${BASE}/labels`, {
    status: 409,
    body: { error: { code: 409, message: 'Label name exists or conflicts', status: 'ALREADY_EXISTS' } },
  });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({ name: 'create_label', arguments: { name: 'Dup' } });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Gmail rejected the request (HTTP 409): Label name exists or conflicts');
});

test('a user with no stored credentials is told to authenticate, and Gmail is not called', async (t) => {
  const fake = await fakeGmail(t, { messages: [mail] });
  const client = await connect(gmail);

  const result = await client.callTool(star);

  assert.equal(result.isError, true);
  assert.match(text(result), /^Not authenticated with gmail: .*`gumcp auth gmail`/);
  assert.equal(fake.requests.length, 0);
});
