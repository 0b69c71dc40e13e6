import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coffeePage, metadata, SEARCH_ID } from './fake-serpapi.js';
import { assertRequest, data, failure, setup } from './harness.js';

const ARCHIVE = `/searches/${SEARCH_ID}.json`;
const submitted = {
  search_metadata: metadata(SEARCH_ID, 'Processing'),
  search_parameters: { engine: 'google', q: 'coffee' },
};

test('async submits the search, then polls the archive with progress until it is done', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route('GET /search', { body: submitted });
  fake.once(`GET ${ARCHIVE}`, { body: { ...submitted, search_metadata: metadata(SEARCH_ID, 'Queued') } });
  fake.route(`GET ${ARCHIVE}`, { body: coffeePage() });
  const progress: string[] = [];
  const result = data(
    await call(
      { q: 'coffee', gl: 'us', async: true },
      { onprogress: (p) => progress.push(String(p.message)) },
    ),
  );
  assertRequest(fake.requests[0], {
    path: '/search',
    query: { engine: 'google', q: 'coffee', gl: 'us', async: 'true', output: 'json' },
  });
  assertRequest(fake.requests[1], { path: ARCHIVE, query: {} });
  assertRequest(fake.requests[2], { path: ARCHIVE, query: {} });
  assert.equal(fake.requests.length, 3);
  assert.deepEqual(progress, ['SerpApi: Processing', 'SerpApi: Queued']);
  assert.deepEqual(sleeps, [1000, 1500]);
  assert.equal(result.status, 'Success');
  assert.equal(result.search_id, SEARCH_ID);
  assert.equal((result.organic_results as unknown[]).length, 2);
});

test('an async search still running when the wait ends gives its search_id to read later', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route('GET /search', { body: submitted });
  fake.route(`GET ${ARCHIVE}`, { body: submitted });
  const result = data(await call({ q: 'coffee', async: true, wait_seconds: 2 }));
  assert.deepEqual(sleeps, [1000, 1000], 'the last wait ends at 2 s on the clock, with a last look');
  assert.equal(fake.requests.filter((r) => r.path === ARCHIVE).length, 2);
  assert.equal(result.status, 'Processing');
  assert.equal(result.search_id, SEARCH_ID);
  assert.equal(
    result.note,
    `Still running at SerpApi: call serpapi_search with search_id ${SEARCH_ID} later`,
  );
  assert.deepEqual(result.organic_results, []);
});

test('an async search that ends in Error fails with SerpApi’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search', { body: submitted });
  fake.route(`GET ${ARCHIVE}`, {
    body: {
      search_metadata: metadata(SEARCH_ID, 'Error'),
      error: "We couldn't get valid results for this search. Please try again later.",
    },
  });
  assert.equal(
    failure(await call({ q: 'coffee', async: true })),
    `Async search ${SEARCH_ID} failed: We couldn't get valid results for this search. Please try again later.`,
  );
});

test('async with output html reads the page’s HTML from the archive once the search is done', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search', { body: submitted });
  fake.route(`GET ${ARCHIVE}`, { body: coffeePage() });
  fake.route(`GET /searches/${SEARCH_ID}.html`, {
    headers: { 'content-type': 'text/html' },
    body: '<html>coffee</html>',
  });
  const result = data(await call({ q: 'coffee', async: true, output: 'html' }));
  assert.equal(fake.requests[0]?.query.get('output'), 'json', 'submitted for its id');
  assertRequest(fake.requests[2], { path: `/searches/${SEARCH_ID}.html`, query: {} });
  assert.equal(result.html, '<html>coffee</html>');
  assert.equal(result.search_id, SEARCH_ID);
});

test('a client that cancels an async search stops the polling', async (t) => {
  const { fake, client } = await setup(t, undefined, { poll: { initialDelayMs: 60_000, sleep: undefined } });
  fake.route('GET /search', { body: submitted });
  fake.route(`GET ${ARCHIVE}`, { body: submitted });
  const controller = new AbortController();
  await assert.rejects(
    client.callTool(
      { name: 'serpapi_search', arguments: { q: 'coffee', async: true } },
      { signal: controller.signal, onprogress: () => controller.abort() },
    ),
  );
  assert.equal(fake.requests.filter((r) => r.path === ARCHIVE).length, 0);
});
