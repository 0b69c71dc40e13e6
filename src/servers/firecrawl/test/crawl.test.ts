import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFake } from '../../../testing/fake-service.js';
import { CRAWL_ID, docsPages, jobNotFound, started } from './fake-firecrawl.js';
import { assertRequest, data, failure, setup } from './harness.js';
import { jobRoute } from './jobs-fake.js';

const START = 'https://docs.example.com';
const PATH = `/v2/crawl/${CRAWL_ID}`;
const PAGES = docsPages(0, 5);

test('crawl_website starts the crawl, polls it with progress, then follows the result chunks', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route('POST /v2/crawl', started(CRAWL_ID, 'crawl'));
  fake.route(
    `GET ${PATH}`,
    jobRoute(
      fake,
      PATH,
      [
        { status: 'scraping', completed: 1, total: 5 },
        { status: 'scraping', completed: 3, total: 5 },
        { status: 'completed', completed: 5, total: 5 },
      ],
      PAGES,
      { chunk: 3 },
    ),
  );
  const progress: [number, number | undefined][] = [];
  const result = data(
    await call(
      'crawl_website',
      {
        url: START,
        maxDepth: 2,
        limit: 5,
        ignoreSitemap: true,
        excludePaths: ['blog/.*'],
        includePaths: ['docs/.*'],
        formats: ['markdown', 'links'],
        maxDocuments: 5,
      },
      { onprogress: (p) => progress.push([p.progress, p.total]) },
    ),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/v2/crawl',
    body: {
      url: START,
      maxDiscoveryDepth: 2,
      limit: 5,
      sitemap: 'skip',
      excludePaths: ['blog/.*'],
      includePaths: ['docs/.*'],
      scrapeOptions: { formats: [{ type: 'markdown' }, { type: 'links' }] },
    },
  });
  // Three looks (one page of data each), then the pages: a chunk of 3 and the chunk its next link gives.
  for (const i of [1, 2, 3])
    assertRequest(fake.requests[i], { method: 'GET', path: PATH, query: { limit: '1' } });
  assertRequest(fake.requests[4], { method: 'GET', path: PATH, query: { limit: '5' } });
  assertRequest(fake.requests[5], { method: 'GET', path: PATH, query: { skip: '3', limit: '2' } });
  assert.equal(fake.requests.length, 6);
  assert.deepEqual(progress, [
    [1, 5],
    [3, 5],
  ]);
  assert.deepEqual(sleeps, [1000, 1500], 'the waits between looks grow');
  assert.equal(result.id, CRAWL_ID);
  assert.equal(result.status, 'completed');
  assert.equal(result.completed, 5);
  assert.equal(result.nextSkip, null);
  assert.equal(result.note, null);
  const docs = result.documents as Record<string, unknown>[];
  assert.deepEqual(
    docs.map((d) => d.url),
    PAGES.map((p) => p.metadata?.url),
  );
  assert.deepEqual(Object.keys(docs[0] ?? {}).sort(), [
    'description',
    'error',
    'markdown',
    'markdownLength',
    'scrapeId',
    'statusCode',
    'summary',
    'title',
    'url',
  ]);
  assert.equal(docs[0]?.scrapeId, '00000000-0000-4000-8000-000000000000');
});

test('pages beyond maxDocuments: nextSkip, and get_crawl_status with skip reads on (two pages)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/crawl', started(CRAWL_ID, 'crawl'));
  fake.route(`GET ${PATH}`, jobRoute(fake, PATH, [{ status: 'completed', completed: 5, total: 5 }], PAGES));

  const first = data(await call('crawl_website', { url: START, maxDocuments: 2, maxChars: 120 }));
  assert.deepEqual(
    (first.documents as { url: string }[]).map((d) => d.url),
    ['https://docs.example.com/page-0', 'https://docs.example.com/page-1'],
  );
  const doc = (first.documents as { markdown: string; markdownLength: number }[])[0];
  assert.equal(doc?.markdown.length, 120, 'each page is cut at maxChars');
  assert.equal(doc?.markdownLength, PAGES[0]?.markdown?.length);
  assert.equal(first.nextSkip, 2);
  assert.equal(first.note, `More pages: call get_crawl_status with id ${CRAWL_ID} and skip 2`);

  const second = data(await call('get_crawl_status', { id: CRAWL_ID, skip: 2 }));
  assertRequest(fake.requests.at(-1), { method: 'GET', path: PATH, query: { skip: '2', limit: '10' } });
  assert.deepEqual(
    (second.documents as { url: string }[]).map((d) => d.url),
    ['https://docs.example.com/page-2', 'https://docs.example.com/page-3', 'https://docs.example.com/page-4'],
  );
  assert.equal(second.skip, 2);
  assert.equal(second.nextSkip, null);
});

test('waitSeconds 0 answers at once with the job id, as guMCP did', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/crawl', started(CRAWL_ID, 'crawl'));
  const result = data(await call('crawl_website', { url: START, waitSeconds: 0 }));
  assert.equal(fake.requests.length, 1);
  assert.equal(result.status, 'started');
  assert.deepEqual(result.documents, []);
  assert.equal(result.note, `Started: call get_crawl_status with id ${CRAWL_ID} for its progress and pages`);
});

test('a crawl still running when the wait ends answers what it has, and how to go on', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route('POST /v2/crawl', started(CRAWL_ID, 'crawl'));
  fake.route(`GET ${PATH}`, jobRoute(fake, PATH, [{ status: 'scraping', completed: 2, total: 5 }], PAGES));
  const result = data(await call('crawl_website', { url: START, waitSeconds: 3 }));
  assert.deepEqual(sleeps, [1000, 1500, 500], 'the last wait ends at 3 s on the clock, with a last look');
  assert.equal(result.status, 'scraping');
  assert.equal((result.documents as unknown[]).length, 2);
  assert.equal(result.nextSkip, 2);
  assert.equal(
    result.note,
    `Still running (2 of 5 pages): call get_crawl_status with id ${CRAWL_ID} and skip 2 later for the rest`,
  );
  assert.equal(fake.requests.filter((r) => r.method === 'DELETE').length, 0, 'the crawl goes on');
});

test('a client that cancels while the crawl runs cancels the crawl at Firecrawl', async (t) => {
  const { fake, client } = await setup(t, undefined, {
    // A real (abortable) wait, long enough that only the cancellation can end it.
    poll: { initialDelayMs: 60_000, sleep: undefined },
  });
  fake.route('POST /v2/crawl', started(CRAWL_ID, 'crawl'));
  fake.route(`GET ${PATH}`, jobRoute(fake, PATH, [{ status: 'scraping', completed: 1, total: 5 }], PAGES));
  const deleted = new Promise<void>((resolve) =>
    fake.route(`DELETE ${PATH}`, () => {
      resolve();
      return { body: { status: 'cancelled' } };
    }),
  );
  const controller = new AbortController();
  await assert.rejects(
    client.callTool(
      { name: 'crawl_website', arguments: { url: START } },
      { signal: controller.signal, onprogress: () => controller.abort() },
    ),
  );
  await deleted;
  assertRequest(fake.requests.at(-1), { method: 'DELETE', path: PATH });
});

test('a client that cancels during a look at the crawl cancels the crawl at Firecrawl', async (t) => {
  const { fake, client } = await setup(t);
  const controller = new AbortController();
  fake.route('POST /v2/crawl', started(CRAWL_ID, 'crawl'));
  // The look is still on its way when the client gives up; it never answers.
  fake.route(`GET ${PATH}`, async () => {
    controller.abort();
    return new Promise<never>(() => undefined);
  });
  const deleted = new Promise<void>((resolve) =>
    fake.route(`DELETE ${PATH}`, () => {
      resolve();
      return { body: { status: 'cancelled' } };
    }),
  );
  await assert.rejects(
    client.callTool({ name: 'crawl_website', arguments: { url: START } }, { signal: controller.signal }),
  );
  await deleted;
  assertRequest(fake.requests.at(-1), { method: 'DELETE', path: PATH });
  assert.equal(fake.requests.filter((r) => r.method === 'GET').length, 1, 'no look after it');
});

test('a next link to another host is not followed', async (t) => {
  const { fake, call } = await setup(t);
  const elsewhere = await startFake();
  t.after(() => elsewhere.close());
  fake.route(
    `GET ${PATH}`,
    jobRoute(fake, PATH, [{ status: 'completed', completed: 5, total: 5 }], PAGES, {
      chunk: 2,
      nextBase: elsewhere.url,
    }),
  );
  const result = data(await call('get_crawl_status', { id: CRAWL_ID }));
  assert.equal((result.documents as unknown[]).length, 2);
  assert.equal(result.nextSkip, null);
  assert.match(String(result.note), /next link leads away from this job's results.*not followed/);
  assert.equal(elsewhere.requests.length, 0);
});

test('a failed crawl fails the call, saying where its pages are', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/crawl', started(CRAWL_ID, 'crawl'));
  fake.route(`GET ${PATH}`, jobRoute(fake, PATH, [{ status: 'failed', completed: 1, total: 5 }], PAGES));
  assert.equal(
    failure(await call('crawl_website', { url: START })),
    `The crawl of ${START} failed: get_crawl_status with id ${CRAWL_ID} shows the pages it scraped`,
  );
});

test('get_crawl_status with maxDocuments 0 gives the state only', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}`, jobRoute(fake, PATH, [{ status: 'scraping', completed: 3, total: 5 }], PAGES));
  const result = data(await call('get_crawl_status', { id: CRAWL_ID, maxDocuments: 0 }));
  assertRequest(fake.requests[0], { method: 'GET', path: PATH, query: { limit: '1' } });
  assert.equal(result.status, 'scraping');
  assert.equal(result.completed, 3);
  assert.deepEqual(result.documents, []);
  assert.equal(result.nextSkip, 0);
});

test('cancel_crawl cancels; an unknown crawl is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE ${PATH}`, { body: { status: 'cancelled' } });
  assert.deepEqual(data(await call('cancel_crawl', { id: CRAWL_ID })), { id: CRAWL_ID, status: 'cancelled' });
  assertRequest(fake.requests[0], { method: 'DELETE', path: PATH });

  const other = '11111111-2222-4333-8444-555555555555';
  fake.route(`DELETE /v2/crawl/${other}`, jobNotFound);
  fake.route(`GET /v2/crawl/${other}`, jobNotFound);
  assert.equal(failure(await call('cancel_crawl', { id: other })), `Crawl job not found: ${other}`);
  assert.equal(failure(await call('get_crawl_status', { id: other })), `Crawl job not found: ${other}`);
});

// A guard against hanging if the crawl were never cancelled, not a timing assertion.
test('a client that cancels during a look at the crawl still cancels the crawl at Firecrawl', {
  timeout: 20_000,
}, async (t) => {
  const { fake, client } = await setup(t);
  fake.route('POST /v2/crawl', started(CRAWL_ID, 'crawl'));
  const controller = new AbortController();
  let deleted: () => void = () => undefined;
  const deleteSeen = new Promise<void>((resolve) => {
    deleted = resolve;
  });
  fake.route(`DELETE ${PATH}`, () => {
    deleted();
    return { body: { status: 'cancelled' } };
  });
  // The look is still unanswered when the client cancels; it is answered only once the crawl is cancelled.
  const look = jobRoute(fake, PATH, [{ status: 'scraping', completed: 1, total: 5 }], PAGES);
  fake.route(`GET ${PATH}`, async (req) => {
    controller.abort();
    await deleteSeen;
    return look(req);
  });
  await assert.rejects(
    client.callTool({ name: 'crawl_website', arguments: { url: START } }, { signal: controller.signal }),
  );
  await deleteSeen;
  assert.deepEqual(
    fake.requests.map((r) => r.method),
    ['POST', 'GET', 'DELETE'],
  );
});
