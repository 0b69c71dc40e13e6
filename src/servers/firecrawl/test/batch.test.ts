import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BATCH_ID, docsPages, started } from './fake-firecrawl.js';
import { assertRequest, data, failure, setup } from './harness.js';
import { jobRoute } from './jobs-fake.js';

const PATH = `/v2/batch/scrape/${BATCH_ID}`;
const URLS = [
  'https://docs.example.com/page-0',
  'https://docs.example.com/page-1',
  'https://docs.example.com/page-2',
];
const PAGES = docsPages(0, 3);

test('batch_scrape sends every v1 option in its v2 place, waits with progress and returns the pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/batch/scrape', started(BATCH_ID, 'batch/scrape', ['not a url']));
  fake.route(
    `GET ${PATH}`,
    jobRoute(
      fake,
      PATH,
      [
        { status: 'scraping', completed: 2, total: 3 },
        { status: 'completed', completed: 3, total: 3 },
      ],
      PAGES,
    ),
  );
  const schema = { type: 'object', properties: { price: { type: 'number' } } };
  const progress: number[] = [];
  const result = data(
    await call(
      'batch_scrape',
      {
        urls: URLS,
        webhook: 'https://hooks.example.com/firecrawl',
        ignoreInvalidURLs: true,
        formats: ['json'],
        onlyMainContent: true,
        includeTags: ['article'],
        excludeTags: ['nav'],
        headers: { cookie: 'session=1' },
        waitFor: 1000,
        mobile: false,
        skipTlsVerification: false,
        timeout: 45000,
        jsonOptions: { schema, prompt: 'The price', systemPrompt: 'You read shop pages.' },
        actions: [{ type: 'click', selector: '#more' }],
        location: { country: 'de', languages: ['de-DE'] },
        removeBase64Images: true,
        blockAds: true,
        proxy: 'stealth',
        changeTrackingOptions: { modes: ['git-diff'], tag: 'weekly' },
      },
      { onprogress: (p) => progress.push(p.progress) },
    ),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/v2/batch/scrape',
    body: {
      urls: URLS,
      webhook: { url: 'https://hooks.example.com/firecrawl' },
      ignoreInvalidURLs: true,
      // The json format takes jsonOptions (v2 has no systemPrompt: it leads the prompt); change
      // tracking is a format of its own and compares markdown, which is added.
      formats: [
        { type: 'markdown' },
        { type: 'json', schema, prompt: 'You read shop pages.\n\nThe price' },
        { type: 'changeTracking', modes: ['git-diff'], tag: 'weekly' },
      ],
      onlyMainContent: true,
      includeTags: ['article'],
      excludeTags: ['nav'],
      headers: { cookie: 'session=1' },
      waitFor: 1000,
      mobile: false,
      skipTlsVerification: false,
      timeout: 45000,
      actions: [{ type: 'click', selector: '#more' }],
      location: { country: 'DE', languages: ['de-DE'] },
      removeBase64Images: true,
      blockAds: true,
      proxy: 'enhanced',
    },
  });
  assertRequest(fake.requests[1], { method: 'GET', path: PATH, query: { limit: '1' } });
  assert.deepEqual(progress, [2]);
  assert.equal(result.status, 'completed');
  assert.deepEqual(result.invalidURLs, ['not a url']);
  assert.equal((result.documents as unknown[]).length, 3);
  assert.equal(result.note, `get_batch_error with id ${BATCH_ID} lists pages that failed`);
});

test('a client that cancels while the batch runs cancels the batch at Firecrawl', async (t) => {
  const { fake, client } = await setup(t, undefined, { poll: { initialDelayMs: 60_000, sleep: undefined } });
  fake.route('POST /v2/batch/scrape', started(BATCH_ID, 'batch/scrape'));
  fake.route(`GET ${PATH}`, jobRoute(fake, PATH, [{ status: 'scraping', completed: 0, total: 3 }], PAGES));
  const deleted = new Promise<void>((resolve) =>
    fake.route(`DELETE ${PATH}`, () => {
      resolve();
      return { body: { status: 'cancelled' } };
    }),
  );
  const controller = new AbortController();
  await assert.rejects(
    client.callTool(
      { name: 'batch_scrape', arguments: { urls: URLS } },
      { signal: controller.signal, onprogress: () => controller.abort() },
    ),
  );
  await deleted;
});

test('get_batch_status reads a batch’s state and pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}`, jobRoute(fake, PATH, [{ status: 'completed', completed: 3, total: 3 }], PAGES));
  const result = data(await call('get_batch_status', { id: BATCH_ID, maxDocuments: 2, maxChars: 100 }));
  assertRequest(fake.requests[0], { method: 'GET', path: PATH, query: { limit: '2' } });
  assert.equal(result.completed, 3);
  assert.equal((result.documents as unknown[]).length, 2);
  assert.equal(result.nextSkip, 2);
});

test('get_batch_error lists the failures and the pages robots.txt kept out', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}/errors`, {
    body: {
      errors: [
        {
          id: 'job-1',
          timestamp: '2026-08-20T10:00:00.000Z',
          url: 'https://docs.example.com/broken',
          error: `Request timed out ${'.'.repeat(800)}`,
        },
      ],
      robotsBlocked: ['https://docs.example.com/private'],
    },
  });
  const result = data(await call('get_batch_error', { id: BATCH_ID }));
  assertRequest(fake.requests[0], { method: 'GET', path: `${PATH}/errors` });
  const errors = result.errors as { error: string; url: string }[];
  assert.equal(result.errorCount, 1);
  assert.equal(errors[0]?.url, 'https://docs.example.com/broken');
  assert.equal(errors[0]?.error.length, 500, 'a long message is cut');
  assert.deepEqual(result.robotsBlocked, ['https://docs.example.com/private']);
});

test('a failed batch fails the call and points at its errors', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/batch/scrape', started(BATCH_ID, 'batch/scrape'));
  fake.route(`GET ${PATH}`, jobRoute(fake, PATH, [{ status: 'failed', completed: 0, total: 3 }], PAGES));
  assert.equal(
    failure(await call('batch_scrape', { urls: URLS })),
    `The batch scrape of 3 URLs failed: get_batch_error with id ${BATCH_ID} lists the pages that failed`,
  );
});
