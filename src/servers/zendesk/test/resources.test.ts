import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { cursorPage, notFound, ticket, view } from './fake-zendesk.js';
import { assertAuth, route, setup } from './harness.js';

test('resources/list gives the views a page at a time, by Zendesk’s cursor', async (t) => {
  const { fake, client } = await setup(t);
  fake.route(route('GET', 'views'), (req) =>
    req.query.get('page[after]') === 'aCursor'
      ? { body: { views: [view(3, 'Pending')], ...cursorPage('views', null) } }
      : { body: { views: [view(1, 'Unsolved'), view(2, 'Recent')], ...cursorPage('views', 'aCursor') } },
  );

  const page = (cursor?: string) =>
    client.request({ method: 'resources/list', params: cursor ? { cursor } : {} });
  const first = await page();
  assert.deepEqual(first.resources, [
    {
      uri: 'zendesk://view/1',
      name: 'Unsolved',
      description: 'View for recent tickets',
      mimeType: 'application/json',
    },
    {
      uri: 'zendesk://view/2',
      name: 'Recent',
      description: 'View for recent tickets',
      mimeType: 'application/json',
    },
  ]);
  assert.ok(first.nextCursor, 'a cursor to the next page');
  const second = await page(first.nextCursor);
  assert.deepEqual(
    second.resources.map((r) => r.uri),
    ['zendesk://view/3'],
  );
  assert.equal(second.nextCursor, undefined);

  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [{ 'page[size]': '100' }, { 'page[size]': '100', 'page[after]': 'aCursor' }],
  );
  for (const req of fake.requests) assertAuth(req);
});

test('reading a view gives it with its first hundred tickets', async (t) => {
  const { fake, client } = await setup(t);
  fake.route(route('GET', 'views/25'), {
    body: { view: view(25, 'Unsolved'), rows: [], columns: [], groups: [] },
  });
  fake.route(route('GET', 'views/25/tickets'), {
    body: { tickets: [ticket(35436), ticket(35437)], ...cursorPage('views/25/tickets', 'next1') },
  });
  fake.route(route('GET', 'views/404'), { status: 404, body: notFound });
  fake.route(route('GET', 'views/404/tickets'), { status: 404, body: notFound });

  const read = await client.readResource({ uri: 'zendesk://view/25' });
  const body = JSON.parse((read.contents[0] as { text: string }).text);
  assert.deepEqual(body.view, {
    id: 25,
    title: 'Unsolved',
    description: 'View for recent tickets',
    active: true,
    updated_at: '2012-03-17T03:29:32Z',
  });
  assert.deepEqual(
    body.tickets.map((x: { id: number }) => x.id),
    [35436, 35437],
  );
  assert.equal(body.more_tickets, true);
  const tickets = fake.requests.find((r) => r.path.endsWith('/tickets'));
  assert.deepEqual(query(tickets as never), { 'page[size]': '100' });

  await assert.rejects(client.readResource({ uri: 'zendesk://view/404' }), /View not found: 404/);
  await assert.rejects(client.readResource({ uri: 'zendesk://view/abc' }), /Invalid view id/);
});
