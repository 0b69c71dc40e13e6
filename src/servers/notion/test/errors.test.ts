import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  API,
  assertNotionHeaders,
  data,
  failure,
  fakeNotion,
  id,
  notionClient,
  notionError,
  page,
  TOKEN,
  user,
} from './fake-notion.js';

const PAGE = id('page-doc');
const getPage = { name: 'get_page', arguments: { page_id: PAGE, include_content: false } };
const fixtures = {
  pages: [page('page-doc', 'Doc')],
  users: [user('Ada', 'ada@example.com')],
  children: { [PAGE]: [] },
};

test('401 unauthorized asks the user to re-authenticate, without echoing the token', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  fake.once(`GET ${API}/pages/${PAGE}`, notionError(401, 'unauthorized', 'API token is invalid.'));
  const client = await notionClient(t);

  const message = failure(await client.callTool(getPage));

  assert.equal(
    message,
    'Not authenticated with notion: Notion rejected the stored token (expired or revoked). ' +
      'Re-authenticate with `gumcp auth notion`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(fake.requests.length, 1);
});

test('403 restricted_resource names the capability the tool needs', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  fake.route(
    `GET ${API}/users`,
    notionError(403, 'restricted_resource', 'Insufficient permissions for this endpoint.'),
  );
  fake.once(
    `PATCH ${API}/blocks/${PAGE}/children`,
    notionError(403, 'restricted_resource', 'Insufficient permissions for this endpoint.'),
  );
  const client = await notionClient(t);

  assert.equal(
    failure(await client.callTool({ name: 'list_all_users', arguments: {} })),
    'Permission denied: the Notion integration lacks the "read user information" capability (Notion said: ' +
      'Insufficient permissions for this endpoint.). Enable it under Capabilities in the integration’s settings ' +
      '(https://www.notion.so/profile/integrations), then re-authenticate.',
  );
  assert.match(
    failure(await client.callTool({ name: 'append_blocks', arguments: { block_id: PAGE, children: 'hi' } })),
    /lacks the "insert content" capability/,
  );
});

test('429 rate_limited with Retry-After is retried, then the call succeeds', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  fake.once(`GET ${API}/pages/${PAGE}`, {
    ...notionError(429, 'rate_limited', 'You have been rate limited. Please try again in a few minutes.'),
    headers: { 'retry-after': '0' },
  });
  const client = await notionClient(t);

  assert.equal(data(await client.callTool(getPage)).title, 'Doc');
  assert.equal(fake.requests.length, 2);
  for (const req of fake.requests) assertNotionHeaders(req);
});

test('a Retry-After longer than the client waits fails at once, saying when to try again', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  fake.route(`GET ${API}/pages/${PAGE}`, {
    ...notionError(429, 'rate_limited', 'You have been rate limited. Please try again in a few minutes.'),
    headers: { 'retry-after': '120' },
  });
  const client = await notionClient(t);

  assert.equal(failure(await client.callTool(getPage)), 'Rate limited by Notion; try again in 120 s');
  assert.equal(fake.requests.length, 1);
});

test('529 service_overload is retried like a 503 for reads', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  fake.once(`GET ${API}/pages/${PAGE}`, notionError(529, 'service_overload', 'Notion is overloaded.'));
  const client = await notionClient(t);

  assert.equal(data(await client.callTool(getPage)).title, 'Doc');
  assert.equal(fake.requests.length, 2);
});

test('529 that persists ends in a try-later message after the retries', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  fake.route(`GET ${API}/pages/${PAGE}`, notionError(529, 'service_overload', 'Notion is overloaded.'));
  const client = await notionClient(t);

  assert.equal(failure(await client.callTool(getPage)), 'Notion is overloaded (HTTP 529); try again later');
  assert.equal(fake.requests.length, 3, 'one try and two retries (the test tuning)');
});

test('529 on an append is not retried: it may have gone through', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  fake.once(
    `PATCH ${API}/blocks/${PAGE}/children`,
    notionError(529, 'service_overload', 'Notion is overloaded.'),
  );
  const client = await notionClient(t);

  assert.equal(
    failure(await client.callTool({ name: 'append_blocks', arguments: { block_id: PAGE, children: 'hi' } })),
    'Notion is overloaded (HTTP 529); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('a 5xx on a read is retried, then reported as try-later', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  fake.route(`GET ${API}/pages/${PAGE}`, notionError(500, 'internal_server_error', 'Unexpected error.'));
  const client = await notionClient(t);

  assert.equal(failure(await client.callTool(getPage)), 'Notion failed (HTTP 500); try again later');
  assert.equal(fake.requests.length, 3);
});

test('400 validation_error and 409 conflict_error carry what Notion said', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  fake.once(
    `PATCH ${API}/blocks/${PAGE}/children`,
    notionError(
      400,
      'validation_error',
      'body failed validation: body.children[0].embed.url should be defined.',
    ),
    notionError(409, 'conflict_error', 'Conflict occurred while saving. Please try again.'),
  );
  const client = await notionClient(t);
  const append = {
    name: 'append_blocks',
    arguments: { block_id: PAGE, children: [{ type: 'embed', embed: {} }] },
  };

  assert.equal(
    failure(await client.callTool(append)),
    `Notion rejected the request for ${PAGE}: body failed validation: body.children[0].embed.url should be defined.`,
  );
  assert.equal(
    failure(await client.callTool(append)),
    `Notion reported a conflict saving ${PAGE} (it changed at the same time); try again`,
  );
});

test('without a token no request is made; an internal integration secret (api_key) is used as the bearer', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  const none = await notionClient(t, async () => undefined);
  const empty = await notionClient(t, { workspace_id: 'w' });
  const internal = await notionClient(t, { api_key: 'ntn_internal_secret_1234567890' });

  assert.match(
    failure(await none.callTool(getPage)),
    /^Not authenticated with notion: no credentials are stored/,
  );
  assert.match(
    failure(await empty.callTool(getPage)),
    /^Not authenticated with notion: the stored credentials hold no access token/,
  );
  assert.equal(fake.requests.length, 0);
  data(await internal.callTool(getPage));
  assertNotionHeaders(fake.requests[0] as never, 'ntn_internal_secret_1234567890');
});

test('a token refreshed mid-session is used from the next request on', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  let lookups = 0;
  const client = await notionClient(t, async () => ({
    access_token: ++lookups <= 1 ? 'ntn_old' : 'ntn_new',
    refresh_token: 'nrt_refresh',
    workspace_id: 'w',
  }));

  data(await client.callTool(getPage));
  data(await client.callTool(getPage));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer ntn_old', 'Bearer ntn_new'],
  );
});
