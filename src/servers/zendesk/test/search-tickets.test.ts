import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { API, searchResult } from './fake-zendesk.js';
import { assertAuth, data, failure, onlyRequest, route, setup } from './harness.js';

const SEARCH = route('GET', 'search');
const nextPage = (page: number, perPage: number) =>
  `https://company.zendesk.com${API}/search.json?page=${page}&per_page=${perPage}&query=type%3Aticket+printer`;

test('search_tickets asks for tickets with guMCP’s defaults and answers them trimmed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, {
    body: {
      results: [searchResult(35436)],
      facets: null,
      next_page: null,
      previous_page: null,
      count: 1,
    },
  });

  const out = data(await call('search_tickets', { query: 'printer status:open' }));

  assert.deepEqual(query(onlyRequest(fake)), {
    query: 'type:ticket printer status:open',
    page: '1',
    per_page: '10',
    sort_by: 'created_at',
    sort_order: 'desc',
  });
  assert.deepEqual(out, {
    count: 1,
    next_page: null,
    tickets: [
      {
        id: 35436,
        subject: 'Help, my printer is on fire!',
        description: 'The fire is very colorful.',
        status: 'open',
        priority: 'high',
        type: 'incident',
        tags: ['enterprise', 'other_tag'],
        requester_id: 20978392,
        assignee_id: 235323,
        group_id: 98738,
        created_at: '2009-07-20T22:55:29Z',
        updated_at: '2011-05-05T10:38:52Z',
        url: 'https://company.zendesk.com/agent/tickets/35436',
      },
    ],
  });
});

test('search_tickets keeps a type the caller named, and passes sort and page size', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { body: { results: [], facets: null, next_page: null, previous_page: null, count: 0 } });
  const out = data(
    await call('search_tickets', {
      query: 'type:ticket tags:vip',
      sort_by: 'updated_at',
      sort_order: 'asc',
      per_page: 50,
    }),
  );
  assert.deepEqual(query(onlyRequest(fake)), {
    query: 'type:ticket tags:vip',
    page: '1',
    per_page: '50',
    sort_by: 'updated_at',
    sort_order: 'asc',
  });
  assert.deepEqual(out, { count: 0, tickets: [], next_page: null });
});

test('search_tickets follows next_page up to limit and says where to continue', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, (req) => {
    const page = Number(req.query.get('page'));
    const ids = [1, 2].map((i) => page * 10 + i);
    return {
      body: {
        results: ids.map((id) => searchResult(id)),
        facets: null,
        next_page: page < 3 ? nextPage(page + 1, 2) : null,
        previous_page: null,
        count: 6,
      },
    };
  });

  const first = data(await call('search_tickets', { query: 'printer', per_page: 2, limit: 4 }));
  assert.deepEqual(
    fake.requests.map((r) => r.query.get('page')),
    ['1', '2'],
  );
  assert.deepEqual(
    (first.tickets as { id: number }[]).map((x) => x.id),
    [11, 12, 21, 22],
  );
  assert.equal(first.next_page, 3);
  assert.equal(first.count, 6);

  const rest = data(await call('search_tickets', { query: 'printer', per_page: 2, page: 3, limit: 10 }));
  assert.deepEqual(
    (rest.tickets as { id: number }[]).map((x) => x.id),
    [31, 32],
  );
  assert.equal(rest.next_page, null);
  for (const req of fake.requests) assertAuth(req);
});

test('search_tickets drops results that are not tickets', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, {
    body: {
      results: [
        searchResult(1),
        { id: 7, name: 'Jane', result_type: 'user', url: 'https://x/api/v2/users/7' },
      ],
      facets: null,
      next_page: null,
      previous_page: null,
      count: 2,
    },
  });
  const out = data(await call('search_tickets', { query: 'type:user jane' }));
  assert.deepEqual(
    (out.tickets as { id: number }[]).map((x) => x.id),
    [1],
  );
});

test('search_tickets refuses a page past Zendesk’s 1,000 results and bad arguments, without a request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('search_tickets', { query: 'printer', per_page: 100, page: 11 })),
    /^page: Zendesk's search returns at most 1000 results/,
  );
  assert.match(failure(await call('search_tickets', { query: 'x', per_page: 101 })), /per_page/);
  assert.match(failure(await call('search_tickets', { query: 'x', sort_by: 'subject' })), /sort_by/);
  assert.match(failure(await call('search_tickets', { query: '  ' })), /query/);
  assert.equal(fake.requests.length, 0);
});
