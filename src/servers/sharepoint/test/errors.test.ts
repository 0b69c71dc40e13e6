import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS } from '../../../providers/microsoft/test/graph-fake.js';
import { connect, text } from '../../../testing/mcp.js';
import sharepoint from '../index.js';
import { fakeSharePoint, HOST, MARKETING_ID, sharePointList, V1 } from './fake-sharepoint.js';

const credentials = { access_token: 'eyJ0eXAi.very-secret-token' };
const LISTS = `${V1}/sites/${MARKETING_ID}/lists`;
const listLists = { name: 'list_site_lists', arguments: { site_id: MARKETING_ID } };

test('401 (expired token) asks to re-authenticate, without echoing the token', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${LISTS}`, { status: 401, body: GRAPH_ERRORS.expiredToken });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool(listLists);

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Not authenticated with sharepoint: SharePoint rejected the stored token. Re-authenticate with `gumcp auth sharepoint`.',
  );
  assert.doesNotMatch(text(result), /very-secret-token/);
});

test('403 names the permissions the server signs in with', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${LISTS}`, { status: 403, body: GRAPH_ERRORS.accessDenied });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool(listLists);

  assert.match(text(result), /^Permission denied by SharePoint: Authorization_RequestDenied: /);
  assert.match(text(result), /Sites\.Read\.All/);
  assert.match(text(result), /request-id 7d3b2c1a/);
});

test('404 for a site URL names the site as the caller wrote it', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${V1}/sites/${HOST}:/sites/Nowhere`, { status: 404, body: GRAPH_ERRORS.notFound });
  const client = await connect(sharepoint, { credentials });

  const url = `https://${HOST}/sites/Nowhere`;
  const result = await client.callTool({ name: 'list_site_lists', arguments: { site_url: url } });

  assert.equal(text(result), `Site not found: ${url}`);
  assert.equal(fake.requests.length, 1);
});

test('429 with Retry-After is waited out and retried, then succeeds', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.once(`GET ${LISTS}`, { status: 429, headers: { 'retry-after': '0' }, body: GRAPH_ERRORS.throttled });
  fake.route(`GET ${LISTS}`, { body: { value: [sharePointList('L1', 'Tasks')] } });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool(listLists);

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.length, 2);
});

test('429 that persists ends with the time it resets', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.once(
    `GET ${LISTS}`,
    ...Array.from({ length: 3 }, () => ({
      status: 429,
      headers: { 'retry-after': '0' },
      body: GRAPH_ERRORS.throttled,
    })),
  );
  fake.route(`GET ${LISTS}`, {
    status: 429,
    headers: { 'retry-after': '120' },
    body: GRAPH_ERRORS.throttled,
  });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool(listLists);

  assert.equal(text(result), 'Rate limited by SharePoint; try again in 120 s');
});

test('5xx on a read is retried, then reported as try-later', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${LISTS}`, { status: 503, body: GRAPH_ERRORS.unavailable });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool(listLists);

  assert.equal(text(result), 'SharePoint failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 4, 'first attempt and three retries');
});

test('5xx on create_list_item is not repeated: the item may exist already', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`POST ${LISTS}/L1/items`, { status: 504, body: GRAPH_ERRORS.unavailable });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'create_list_item',
    arguments: { site_id: MARKETING_ID, list_id: 'L1', fields: { Title: 'x' } },
  });

  assert.equal(
    text(result),
    'SharePoint failed (HTTP 504); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('a token changed mid-session is used from the next call on', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${LISTS}`, { body: { value: [] } });
  let uses = 0;
  const client = await connect(sharepoint, {
    credentials: async () => ({ access_token: uses++ === 0 ? 'token-before' : 'token-after' }),
  });

  await client.callTool(listLists);
  await client.callTool(listLists);

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer token-before', 'Bearer token-after'],
  );
});
