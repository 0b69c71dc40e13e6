import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { creditUsage, metadata, SCRAPE_ID } from './fake-firecrawl.js';
import { assertRequest, data, failure, setup } from './harness.js';

const SITE = 'https://docs.example.com';

test('map_website sends v2’s sitemap mode and a bounded limit, and lists the links', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/map', {
    body: {
      success: true,
      links: [
        { url: `${SITE}/pricing`, title: 'Pricing', description: 'd'.repeat(400) },
        { url: `${SITE}/about` },
      ],
    },
  });
  const result = data(
    await call('map_website', {
      url: SITE,
      search: 'pricing',
      sitemapOnly: true,
      includeSubdomains: false,
      timeout: 20000,
    }),
  );
  assertRequest(only(fake, 'POST', '/v2/map'), {
    method: 'POST',
    path: '/v2/map',
    body: {
      url: SITE,
      search: 'pricing',
      sitemap: 'only',
      includeSubdomains: false,
      limit: 200,
      timeout: 20000,
    },
  });
  assert.deepEqual(result, {
    url: SITE,
    count: 2,
    links: [
      { url: `${SITE}/pricing`, title: 'Pricing', description: 'd'.repeat(300) },
      { url: `${SITE}/about`, title: null, description: null },
    ],
  });
});

test('map_website: ignoreSitemap is sitemap "skip"; both sitemap switches at once are refused', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/map', { body: { success: true, links: [] } });
  data(await call('map_website', { url: SITE, ignoreSitemap: true, limit: 10 }));
  assert.deepEqual(fake.requests[0]?.body, { url: SITE, sitemap: 'skip', limit: 10 });
  assert.equal(
    failure(await call('map_website', { url: SITE, ignoreSitemap: true, sitemapOnly: true })),
    'Invalid arguments ignoreSitemap and sitemapOnly: give at most one of them',
  );
  assert.equal(fake.requests.length, 1);
});

test('search returns the results trimmed; include_content scrapes them and bounds each page', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/search', {
    body: {
      success: true,
      data: {
        web: [
          {
            url: `${SITE}/start`,
            title: 'Getting started',
            description: 'How to begin',
            position: 1,
            markdown: `# Start\n\n${'text '.repeat(200)}`,
            metadata: metadata(`${SITE}/start`),
          },
        ],
        news: [{ url: 'https://news.example.com/a', title: 'Launch', snippet: 'It launched', position: 1 }],
      },
      creditsUsed: 3,
      id: 'search-1',
    },
  });
  const result = data(
    await call('search', {
      query: 'firecrawl docs',
      limit: 5,
      lang: 'en',
      country: 'us',
      include_content: true,
      maxChars: 100,
    }),
  );
  assertRequest(only(fake, 'POST', '/v2/search'), {
    method: 'POST',
    path: '/v2/search',
    body: {
      query: 'firecrawl docs',
      limit: 5,
      lang: 'en',
      country: 'us',
      scrapeOptions: { formats: [{ type: 'markdown' }] },
    },
  });
  const results = result.results as Record<string, unknown>[];
  assert.equal(result.count, 2);
  assert.equal(result.creditsUsed, 3);
  assert.deepEqual(results[0], {
    url: `${SITE}/start`,
    title: 'Getting started',
    description: 'How to begin',
    statusCode: 200,
    scrapeId: SCRAPE_ID,
    markdown: `# Start\n\n${'text '.repeat(200)}`.slice(0, 100),
    markdownLength: 1009,
    summary: null,
    error: null,
    position: 1,
    source: 'web',
  });
  assert.equal(results[1]?.source, 'news');
  assert.equal(results[1]?.description, 'It launched');
  assert.equal(results[1]?.markdown, null);
});

test('search without include_content sends the query alone', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/search', { body: { success: true, data: { web: [] } } });
  const result = data(await call('search', { query: 'nothing here' }));
  assert.deepEqual(fake.requests[0]?.body, { query: 'nothing here' });
  assert.deepEqual(result, {
    query: 'nothing here',
    count: 0,
    results: [],
    creditsUsed: null,
    warning: null,
  });
});

test('check_credit_usage reads the team’s balance', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/team/credit-usage', { body: creditUsage });
  assert.deepEqual(data(await call('check_credit_usage')), creditUsage.data);
  assertRequest(fake.requests[0], { method: 'GET', path: '/v2/team/credit-usage' });
});
