import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { AuthRequiredError, NotFoundError } from '../../../core/errors.js';
import { graphApi, graphOrNotFound, graphPageAt, graphPages, waitForOperation } from '../graph.js';
import { GRAPH_ERRORS, GRAPH_PATH, graphPage, startGraphFake } from './graph-fake.js';

const ctx = {
  credentials: async () => ({ access_token: 'graph-token-secret' }),
  log: pino({ level: 'silent' }),
};
const options = {
  serverId: 'onedrive',
  service: 'OneDrive',
  scopes: ['Files.ReadWrite.All', 'offline_access'],
  backoffMs: 1,
};

test('pages are followed through @odata.nextLink exactly as given, up to the limit', async (t) => {
  const fake = await startGraphFake(t, 'onedrive');
  fake.route(`GET ${GRAPH_PATH}/me/drive/root/children`, (req) =>
    req.query.get('$skiptoken') === 'p2'
      ? { body: graphPage(fake, [{ id: '3' }]) }
      : { body: graphPage(fake, [{ id: '1' }, { id: '2' }], 'me/drive/root/children?$top=2&$skiptoken=p2') },
  );
  const client = graphApi(ctx, options);

  const all = await graphPages<{ id: string }>(client, 'me/drive/root/children', { $top: 2 }, 10);
  const two = await graphPages<{ id: string }>(client, 'me/drive/root/children', { $top: 2 }, 2);

  assert.deepEqual(all, { items: [{ id: '1' }, { id: '2' }, { id: '3' }], more: false });
  assert.deepEqual(two, { items: [{ id: '1' }, { id: '2' }], more: true });
  assert.deepEqual(
    fake.requests
      .slice(0, 2)
      .map((r) => [r.query.get('$top'), r.query.get('$skiptoken'), r.headers.authorization]),
    [
      ['2', null, 'Bearer graph-token-secret'],
      ['2', 'p2', 'Bearer graph-token-secret'],
    ],
  );
});

test('a next link to another host is not followed with the token', async (t) => {
  const fake = await startGraphFake(t, 'onedrive');
  fake.route(`GET ${GRAPH_PATH}/me/messages`, {
    body: { value: [{ id: 'm1' }], '@odata.nextLink': 'https://evil.example/v1.0/me/messages?$skiptoken=x' },
  });

  await assert.rejects(
    graphPages(graphApi(ctx, options), 'me/messages', {}, 10),
    /next-page link to another host/,
  );
  assert.equal(fake.requests.length, 1);
});

test('headers go with every page, the first and the ones at the next links', async (t) => {
  const fake = await startGraphFake(t, 'onedrive');
  fake.route(`GET ${GRAPH_PATH}/me/messages`, (req) =>
    req.query.get('$skiptoken') === 'p2'
      ? { body: graphPage(fake, [{ id: 'm2' }]) }
      : { body: graphPage(fake, [{ id: 'm1' }], 'me/messages?$top=1&$skiptoken=p2') },
  );
  const prefer = 'outlook.body-content-type="text"';

  const read = await graphPages(graphApi(ctx, options), 'me/messages', { $top: 1 }, 5, undefined, {
    prefer,
  });

  assert.deepEqual(read, { items: [{ id: 'm1' }, { id: 'm2' }], more: false });
  assert.deepEqual(
    fake.requests.map((r) => r.headers.prefer),
    [prefer, prefer],
  );
});

test('graphPageAt reads one page, first or at a cursor, and gives Graph’s next link as the next cursor', async (t) => {
  const fake = await startGraphFake(t, 'onedrive');
  fake.route(`GET ${GRAPH_PATH}/me/mailFolders`, (req) =>
    req.query.get('$skip') === '2'
      ? { body: graphPage(fake, [{ id: 'f3' }]) }
      : { body: graphPage(fake, [{ id: 'f1' }, { id: 'f2' }], 'me/mailFolders?$top=2&$skip=2') },
  );
  const client = graphApi(ctx, options);

  const first = await graphPageAt<{ id: string }>(client, 'me/mailFolders', { $top: 2 }, undefined);
  const second = await graphPageAt<{ id: string }>(client, 'me/mailFolders', { $top: 2 }, first.next);

  assert.deepEqual(first, {
    items: [{ id: 'f1' }, { id: 'f2' }],
    next: `${fake.url}${GRAPH_PATH}/me/mailFolders?$top=2&$skip=2`,
  });
  assert.deepEqual(second, { items: [{ id: 'f3' }] });
  assert.deepEqual(
    fake.requests.map((r) => [r.query.get('$top'), r.query.get('$skip'), r.headers.authorization]),
    [
      ['2', null, 'Bearer graph-token-secret'],
      ['2', '2', 'Bearer graph-token-secret'],
    ],
  );
});

test('a cursor leading to another host is refused before anything is sent', async (t) => {
  const fake = await startGraphFake(t, 'onedrive');
  const client = graphApi(ctx, options);

  await assert.rejects(
    graphPageAt(client, 'me/mailFolders', {}, 'https://evil.example/v1.0/me/mailFolders?$skip=2'),
    { message: 'OneDrive gave a next-page link to another host; stopped' },
  );
  await assert.rejects(graphPageAt(client, 'me/mailFolders', {}, '//evil.example/x'), /another host/);
  assert.equal(fake.requests.length, 0);
});

test('Graph errors become messages a user can act on, with the request id and never the token', async (t) => {
  const fake = await startGraphFake(t, 'onedrive');
  fake.once(`GET ${GRAPH_PATH}/me/drive/items/A`, { status: 401, body: GRAPH_ERRORS.expiredToken });
  fake.once(`GET ${GRAPH_PATH}/me/drive/items/A`, { status: 403, body: GRAPH_ERRORS.accessDenied });
  fake.once(`GET ${GRAPH_PATH}/me/drive/items/A`, { status: 404, body: GRAPH_ERRORS.notFound });
  fake.once(`GET ${GRAPH_PATH}/me/drive/items/A`, {
    status: 400,
    body: { error: { code: 'invalidRequest', message: 'Invalid $top' } },
  });
  const client = graphApi(ctx, options);
  const get = () => client.get('me/drive/items/A');

  await assert.rejects(
    get(),
    (e: Error) => e instanceof AuthRequiredError && /OneDrive rejected the stored token/.test(e.message),
  );
  await assert.rejects(get(), {
    message:
      'Permission denied by OneDrive: Authorization_RequestDenied: Insufficient privileges to complete the operation. (request-id 7d3b2c1a-0000-4000-8000-000000000001). The account or the app may lack a permission this needs (the server asks for Files.ReadWrite.All, offline_access); re-authenticate, or ask an administrator to grant it.',
  });
  await assert.rejects(
    graphOrNotFound('File', 'A', get()),
    (e: Error) => e instanceof NotFoundError && e.message === 'File not found: A',
  );
  await assert.rejects(get(), {
    message: 'OneDrive rejected the request (HTTP 400): invalidRequest: Invalid $top',
  });
});

test('throttling (429 with Retry-After) is retried', async (t) => {
  const fake = await startGraphFake(t, 'onedrive');
  fake.once(`GET ${GRAPH_PATH}/me`, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: GRAPH_ERRORS.throttled,
  });
  fake.route(`GET ${GRAPH_PATH}/me`, { body: { id: 'u1' } });

  assert.deepEqual(await graphApi(ctx, options).get('me'), { id: 'u1' });
  assert.equal(fake.requests.length, 2);
});

test('a 202 operation is polled at its Location until it succeeds, and names what it made', async (t) => {
  const fake = await startGraphFake(t, 'teams');
  let looks = 0;
  fake.route(`POST ${GRAPH_PATH}/teams`, {
    status: 202,
    headers: { location: "/teams('T1')/operations('op1')", 'content-location': "/teams('T1')" },
    body: '',
  });
  fake.route(`GET ${GRAPH_PATH}/teams('T1')/operations('op1')`, () =>
    ++looks < 2
      ? { body: { id: 'op1', status: 'inProgress' } }
      : { body: { id: 'op1', status: 'succeeded', targetResourceId: 'T1' } },
  );
  const client = graphApi(ctx, { ...options, serverId: 'teams', service: 'Microsoft Teams' });

  const accepted = await client.exchange('teams', { method: 'POST', body: { displayName: 'Eng' } });
  const made = await waitForOperation(client, accepted, {
    what: 'the new team',
    deadlineMs: 10_000,
    initialDelayMs: 1,
  });

  assert.equal(made, 'T1');
  assert.equal(looks, 2);
  assert.equal(fake.requests.at(-1)?.headers.authorization, 'Bearer graph-token-secret');
});
