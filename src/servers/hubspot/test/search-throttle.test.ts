import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect } from '../../../testing/mcp.js';
import { createHubSpotServer } from '../index.js';
import { contact, searchPage, secondly } from './fake-hubspot.js';
import { data, FAST, failure, setup, TOKEN } from './harness.js';

const SEARCH = 'POST /crm/v3/objects/contacts/search';
const FIND = { filter_property: 'email', filter_operator: 'EQ', filter_value: 'a@b.co' };

test('searches of one account go out 250 ms apart (4 a second), on a virtual clock', async (t) => {
  const { fake, call, clock } = await setup(t);
  const start = clock.time;
  const sentAt: number[] = [];
  fake.route(SEARCH, () => {
    sentAt.push(clock.time - start);
    return { body: searchPage([contact('1')], 1) };
  });

  for (let i = 0; i < 3; i++) data(await call('search_contacts', FIND));

  assert.deepEqual(sentAt, [0, 250, 500]);
});

test('the search rate is injectable, and another account is not held up by this one', async (t) => {
  const { fake, clock } = await setup(t);
  const server = createHubSpotServer({ ...FAST, clock, sleep: clock.sleep, searchesPerSecond: 2 });
  const first = await connect(server, { credentials: { access_token: TOKEN, hub_id: 1 } });
  const second = await connect(server, { credentials: { access_token: TOKEN, hub_id: 2 } });
  t.after(() => Promise.all([first.close(), second.close()]));
  const start = clock.time;
  const sentAt: number[] = [];
  fake.route(SEARCH, () => {
    sentAt.push(clock.time - start);
    return { body: searchPage([], 0) };
  });

  for (const client of [first, second, first]) {
    data(await client.callTool({ name: 'search_contacts', arguments: FIND }));
  }

  assert.deepEqual(sentAt, [0, 0, 500]);
});

test('a search retried after HubSpot’s "secondly limit" 429 waits the second HubSpot asks for', async (t) => {
  const { fake, call, clock } = await setup(t, undefined, { maxRetryAfterMs: 60_000 });
  const start = clock.time;
  const sentAt: number[] = [];
  fake.once(SEARCH, { status: 429, body: secondly });
  fake.route(SEARCH, () => {
    sentAt.push(clock.time - start);
    return { body: searchPage([contact('1')], 1) };
  });

  data(await call('search_contacts', FIND));

  assert.equal(fake.requests.length, 2);
  assert.deepEqual(clock.sleeps, [1000]);
  assert.deepEqual(sentAt, [1000]);
});

test('a search that reaches HubSpot’s 10,000-result cap stops there and says so', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, (req) => {
    const { limit } = req.body as { limit: number };
    const results = Array.from({ length: limit }, (_, i) => contact(String(i + 1)));
    return { body: searchPage(results, 25_000, '10000') };
  });

  const out = data(await call('list_contacts', { query: 'example', after: '9900', limit: 200 }));

  assert.equal(fake.requests.length, 1);
  assert.deepEqual(
    {
      limit: (fake.requests[0]?.body as { limit: number }).limit,
      after: (fake.requests[0]?.body as { after: string }).after,
    },
    { limit: 100, after: '9900' },
  );
  assert.equal(out.count, 100);
  assert.equal(out.next_after, null);
  assert.equal(out.total, 25_000);
  assert.equal(
    out.note,
    "HubSpot's search returns at most 10,000 results of a query (this one matches 25000); narrow the query or filters to reach the rest.",
  );
});

test('a search cursor past the cap, or one that is not a search cursor, is refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.equal(
    failure(await call('search_contacts', { ...FIND, after: '10000' })),
    "Invalid arguments: after: HubSpot's search returns at most 10,000 results of a query; narrow the query or filters to reach the rest",
  );
  assert.match(
    failure(await call('list_deals', { query: 'x', after: 'NTI1Cg' })),
    /not a cursor of a HubSpot search/,
  );
  assert.equal(fake.requests.length, 0);
});
