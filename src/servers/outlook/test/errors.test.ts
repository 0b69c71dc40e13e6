import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS, graphError } from '../../../providers/microsoft/test/graph-fake.js';
import { connect, text } from '../../../testing/mcp.js';
import outlook from '../index.js';
import { fakeOutlook, ME, message } from './fake-outlook.js';

const SECRET = 'eyJ0.secret-outlook-token';
const credentials = { access_token: SECRET };
const inbox = `GET ${ME}/mailFolders/inbox/messages`;
const read = { name: 'read_emails', arguments: {} };

test('401 from Graph asks the user to re-authenticate, without echoing the token', async (t) => {
  const fake = await fakeOutlook(t);
  fake.route(inbox, { status: 401, body: GRAPH_ERRORS.expiredToken });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool(read);

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Not authenticated with outlook: Outlook rejected the stored token. Re-authenticate with `gumcp auth outlook`.',
  );
  assert.doesNotMatch(text(result), /secret-outlook-token/);
  assert.equal(fake.requests.length, 1);
});

test('403 names the scope the tool needs', async (t) => {
  const fake = await fakeOutlook(t);
  fake.route(`POST ${ME}/sendMail`, {
    status: 403,
    body: graphError('ErrorAccessDenied', 'Access is denied. Check credentials and try again.'),
  });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool({
    name: 'send_email',
    arguments: { to: 'ada@contoso.com', subject: 'x', body: 'y' },
  });

  assert.equal(
    text(result),
    'Permission denied by Outlook: ErrorAccessDenied: Access is denied. Check credentials and try again. (request-id 7d3b2c1a-0000-4000-8000-000000000001). The account or the app may lack a permission this needs (the server asks for https://graph.microsoft.com/Mail.Send); re-authenticate, or ask an administrator to grant it.',
  );
});

test('429 with Retry-After is waited out and retried', async (t) => {
  const fake = await fakeOutlook(t, { messages: [message({ id: 'm1' })] });
  fake.once(inbox, { status: 429, headers: { 'retry-after': '0' }, body: GRAPH_ERRORS.throttled });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool(read);

  assert.equal(result.isError, undefined, text(result));
  assert.equal((result.structuredContent as { count: number }).count, 1);
  assert.equal(fake.requests.length, 2);
});

test('throttling that lasts longer than the client waits reports when to try again', async (t) => {
  const fake = await fakeOutlook(t);
  fake.route(inbox, { status: 429, headers: { 'retry-after': '120' }, body: GRAPH_ERRORS.throttled });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool(read);

  assert.equal(text(result), 'Rate limited by Outlook; try again in 120 s');
  assert.equal(fake.requests.length, 1);
});

test('a 5xx on a read is retried, then reported as a try-later', async (t) => {
  const fake = await fakeOutlook(t);
  fake.route(inbox, { status: 503, headers: { 'retry-after': '0' }, body: GRAPH_ERRORS.unavailable });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool(read);

  assert.equal(text(result), 'Outlook failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 4, 'the first attempt and three retries');
});

test('a 400 carries Graph’s code and message, and the request id for support', async (t) => {
  const fake = await fakeOutlook(t);
  fake.route(inbox, {
    status: 400,
    body: graphError('BadRequest', "Invalid filter clause: Could not find a property named 'flagged'."),
  });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool({ name: 'read_emails', arguments: { filter: 'flagged eq true' } });

  assert.equal(
    text(result),
    "Outlook rejected the request (HTTP 400): BadRequest: Invalid filter clause: Could not find a property named 'flagged'. (request-id 7d3b2c1a-0000-4000-8000-000000000001)",
  );
});
