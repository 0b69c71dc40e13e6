import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply, FakeRoute, RecordedRequest } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  BATCH_ID,
  CRAWL_ID,
  creditUsage,
  docsPages,
  EXTRACT_ID,
  metadata,
  page,
  SCRAPE_ID,
  scrapeAnswer,
  started,
} from './fake-firecrawl.js';
import { data, setup } from './harness.js';
import { jobRoute } from './jobs-fake.js';

/**
 * Checks the fake and the client against Firecrawl's OpenAPI description of API v2, so they cannot
 * drift apart together: every request the tools make (method, path, query, JSON body) must be an
 * operation of the description, and every answer the fake gives must fit that operation's schema.
 *
 * The description is `api-reference/v2-openapi.json` of github.com/firecrawl/firecrawl-docs (no npm
 * package carries it): FIRECRAWL_OPENAPI_SPEC names the file. Without it the test is skipped.
 *
 * One fix to the description: GET /crawl/{id} and GET /batch/scrape/{id} take `skip` and `limit`
 * (the `next` links Firecrawl answers carry them, and its API reads them), which it does not declare.
 */

/** Every route the server calls, as templates of the description's paths (relative to /v2). */
const FIRECRAWL_ROUTES = [
  'POST /scrape',
  'GET /scrape/{jobId}',
  'POST /batch/scrape',
  'GET /batch/scrape/{id}',
  'DELETE /batch/scrape/{id}',
  'GET /batch/scrape/{id}/errors',
  'POST /crawl',
  'GET /crawl/{id}',
  'DELETE /crawl/{id}',
  'POST /map',
  'POST /extract',
  'GET /extract/{id}',
  'POST /search',
  'GET /team/credit-usage',
];

const URL = 'https://docs.example.com/guide';
const PAGES = docsPages(0, 3);

const ANSWERS: Record<string, FakeReply> = {
  'POST /v2/scrape': scrapeAnswer(page(URL, '# Guide', { links: ['https://a.example'], summary: 'A guide' })),
  [`GET /v2/scrape/${SCRAPE_ID}`]: scrapeAnswer(page(URL, '# Guide')),
  'POST /v2/batch/scrape': started(BATCH_ID, 'batch/scrape', []),
  [`GET /v2/batch/scrape/${BATCH_ID}/errors`]: {
    body: {
      errors: [{ id: 'job-1', timestamp: '2026-08-20T10:00:00.000Z', url: URL, error: 'Request timed out' }],
      robotsBlocked: [],
    },
  },
  'POST /v2/crawl': started(CRAWL_ID, 'crawl'),
  [`DELETE /v2/crawl/${CRAWL_ID}`]: { body: { status: 'cancelled' } },
  'POST /v2/map': { body: { success: true, links: [{ url: URL, title: 'Guide', description: 'How to' }] } },
  'POST /v2/extract': { body: { success: true, id: EXTRACT_ID, invalidURLs: [] } },
  [`GET /v2/extract/${EXTRACT_ID}`]: {
    body: {
      success: true,
      status: 'completed',
      data: { mission: 'x' },
      expiresAt: '2026-08-22T12:00:00.000Z',
      tokensUsed: 10,
    },
  },
  'POST /v2/search': {
    body: {
      success: true,
      data: {
        web: [
          { title: 'Guide', description: 'How to', url: URL, markdown: '# Guide', metadata: metadata(URL) },
        ],
        news: [{ title: 'News', snippet: 'It launched', url: 'https://news.example.com/a', position: 1 }],
      },
      creditsUsed: 2,
      id: 'f7e6d5c4-b3a2-4190-8877-665544332211',
    },
  },
  'GET /v2/team/credit-usage': { body: creditUsage },
};

const CALLS: [string, Record<string, unknown>][] = [
  [
    'scrape_url',
    {
      url: URL,
      formats: ['markdown', 'links', 'summary', 'screenshot@fullPage', 'json'],
      onlyMainContent: true,
      waitFor: 500,
      mobile: false,
      timeout: 30000,
      removeBase64Images: true,
    },
  ],
  ['scrape_url', { url: URL, scrapeId: SCRAPE_ID, offset: 2 }],
  [
    'batch_scrape',
    {
      urls: [URL],
      webhook: { url: 'https://hooks.example.com/fc', events: ['completed'] },
      ignoreInvalidURLs: true,
      formats: ['markdown', 'changeTracking'],
      includeTags: ['article'],
      excludeTags: ['nav'],
      headers: { cookie: 'a=b' },
      skipTlsVerification: false,
      jsonOptions: { prompt: 'The price' },
      actions: [
        { type: 'wait', milliseconds: 500 },
        { type: 'click', selector: '#more' },
      ],
      location: { country: 'us', languages: ['en-US'] },
      blockAds: true,
      proxy: 'stealth',
      changeTrackingOptions: { modes: ['git-diff'] },
    },
  ],
  ['get_batch_status', { id: BATCH_ID, skip: 1 }],
  ['get_batch_error', { id: BATCH_ID }],
  [
    'crawl_website',
    {
      url: URL,
      maxDepth: 2,
      limit: 10,
      ignoreSitemap: false,
      excludePaths: ['blog/.*'],
      includePaths: ['docs/.*'],
      formats: ['markdown'],
      maxDocuments: 2,
    },
  ],
  ['get_crawl_status', { id: CRAWL_ID, skip: 2 }],
  ['cancel_crawl', { id: CRAWL_ID }],
  [
    'map_website',
    { url: URL, search: 'guide', sitemapOnly: true, includeSubdomains: false, limit: 10, timeout: 5000 },
  ],
  [
    'extract_data',
    {
      urls: ['https://docs.example.com/*'],
      prompt: 'The mission',
      schema: { type: 'object', properties: { mission: { type: 'string' } } },
      enableWebSearch: false,
      ignoreSitemap: false,
      includeSubdomains: true,
      showSources: false,
    },
  ],
  ['get_extract_status', { id: EXTRACT_ID }],
  ['search', { query: 'firecrawl', limit: 3, lang: 'en', country: 'us', include_content: true }],
  ['check_credit_usage', {}],
];

/** Declares the `skip` and `limit` that the status operations take. */
function fix(schema: Record<string, unknown>): Record<string, unknown> {
  if (schema.operationId !== 'getCrawlStatus' && schema.operationId !== 'getBatchScrapeStatus') return schema;
  const declared = Array.isArray(schema.parameters) ? schema.parameters : [];
  return {
    ...schema,
    parameters: [
      ...declared,
      { name: 'skip', in: 'query', schema: { type: 'integer' } },
      { name: 'limit', in: 'query', schema: { type: 'integer' } },
    ],
  };
}

test("every request the tools make, and every answer of the fake, fits Firecrawl's OpenAPI description", async (t) => {
  const file = process.env.FIRECRAWL_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('FIRECRAWL_OPENAPI_SPEC names no file (firecrawl-docs api-reference/v2-openapi.json)');
    return;
  }
  const spec = await OpenApiCheck.load(file, { fix });
  // Every job is done at its first look; the one the client cancels waits for real, until cancelled.
  const { fake, call, client } = await setup(t, undefined, {
    poll: { initialDelayMs: 60_000, sleep: undefined },
  });
  const replies = new Map<RecordedRequest, FakeReply>();
  const answering =
    (route: (req: RecordedRequest) => FakeReply): FakeRoute =>
    (req) => {
      const reply = route(req);
      replies.set(req, reply);
      return reply;
    };
  for (const [route, reply] of Object.entries(ANSWERS))
    fake.route(
      route,
      answering(() => reply),
    );
  for (const path of [`/v2/crawl/${CRAWL_ID}`, `/v2/batch/scrape/${BATCH_ID}`]) {
    const done = jobRoute(fake, path, [{ status: 'completed', completed: 3, total: 3 }], PAGES, { chunk: 2 });
    fake.route(`GET ${path}`, answering(done));
  }
  for (const [name, args] of CALLS) data(await call(name, args));

  // A batch the client cancels while it runs is cancelled at Firecrawl (DELETE /batch/scrape/{id}).
  const path = `/v2/batch/scrape/${BATCH_ID}`;
  fake.route(
    `GET ${path}`,
    answering(jobRoute(fake, path, [{ status: 'scraping', completed: 0, total: 3 }], [])),
  );
  const deleted = new Promise<void>((resolve) =>
    fake.route(
      `DELETE ${path}`,
      answering(() => {
        setImmediate(resolve);
        return { body: { status: 'cancelled' } };
      }),
    ),
  );
  const controller = new AbortController();
  await assert.rejects(
    client.callTool(
      { name: 'batch_scrape', arguments: { urls: [URL] } },
      { signal: controller.signal, onprogress: () => controller.abort() },
    ),
  );
  await deleted;

  const used = new Set<string>();
  for (const req of fake.requests) {
    used.add(spec.assertRequest(req));
    const reply = replies.get(req) ?? assert.fail(`the fake did not answer ${req.method} ${req.path}`);
    spec.assertAnswer(req.method, req.path, reply.status ?? 200, reply.body);
  }
  assert.deepEqual(
    [...used].sort(),
    [...FIRECRAWL_ROUTES].sort(),
    'the tools use every route of FIRECRAWL_ROUTES',
  );
});
