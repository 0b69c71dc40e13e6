import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { page, SCRAPE_ID, scrapeAnswer } from './fake-firecrawl.js';
import { assertRequest, data, failure, setup } from './harness.js';

const URL = 'https://docs.example.com/guide';
const LONG = `# Guide\n\n${'0123456789'.repeat(30)}`; // 309 characters

test('scrape_url sends guMCP’s v1 arguments as Firecrawl v2 fields and returns the page trimmed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'POST /v2/scrape',
    scrapeAnswer(
      page(URL, '# Guide\n\nHello.', {
        links: ['https://a.example', 'https://b.example'],
        screenshot: 'https://storage.example/shot.png',
      }),
    ),
  );
  const result = data(
    await call('scrape_url', {
      url: URL,
      formats: ['markdown', 'links', 'screenshot@fullPage', 'json'],
      onlyMainContent: false,
      waitFor: 500,
      mobile: true,
      timeout: 30000,
      removeBase64Images: true,
    }),
  );
  assertRequest(only(fake, 'POST', '/v2/scrape'), {
    method: 'POST',
    path: '/v2/scrape',
    body: {
      url: URL,
      formats: [
        { type: 'markdown' },
        { type: 'links' },
        { type: 'screenshot', fullPage: true },
        { type: 'json' },
      ],
      onlyMainContent: false,
      waitFor: 500,
      mobile: true,
      timeout: 30000,
      removeBase64Images: true,
    },
  });
  assert.equal(result.url, URL);
  assert.equal(result.scrapeId, SCRAPE_ID);
  assert.equal(result.markdown, '# Guide\n\nHello.');
  assert.equal(result.markdownLength, 15);
  assert.equal(result.nextOffset, null);
  assert.deepEqual(result.links, ['https://a.example', 'https://b.example']);
  assert.equal(result.linkCount, 2);
  assert.equal(result.screenshot, 'https://storage.example/shot.png');
  // The dozen metadata fields that matter; the page's other <meta> tags are left out.
  assert.deepEqual(result.metadata, {
    title: `Title of ${URL}`,
    description: `Description of ${URL}`,
    language: 'en',
    sourceURL: URL,
    url: URL,
    statusCode: 200,
    contentType: 'text/html; charset=utf-8',
    numPages: null,
    error: null,
    cacheState: 'miss',
    creditsUsed: 1,
  });
  assert.equal(result.fullMetadata, undefined);
});

test('only the arguments given are sent; a URL without a scheme gets https', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/scrape', scrapeAnswer(page(URL, 'x')));
  data(await call('scrape_url', { url: 'docs.example.com/guide' }));
  assert.deepEqual(only(fake, 'POST', '/v2/scrape').body, { url: URL });
});

test('a long page comes in parts: nextOffset, then scrapeId and offset read on without scraping again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/scrape', scrapeAnswer(page(URL, LONG)));
  fake.route(`GET /v2/scrape/${SCRAPE_ID}`, scrapeAnswer(page(URL, LONG)));

  const first = data(await call('scrape_url', { url: URL, maxChars: 200 }));
  assert.equal(first.markdown, LONG.slice(0, 200));
  assert.equal(first.markdownLength, 309);
  assert.equal(first.nextOffset, 200);

  const second = data(
    await call('scrape_url', { url: URL, maxChars: 200, offset: first.nextOffset, scrapeId: first.scrapeId }),
  );
  assert.equal(second.markdown, LONG.slice(200));
  assert.equal(second.offset, 200);
  assert.equal(second.nextOffset, null);
  assertRequest(fake.requests[1], { method: 'GET', path: `/v2/scrape/${SCRAPE_ID}` });
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 1, 'scraped once');
});

test('fullMetadata returns every metadata field Firecrawl gave', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/scrape', scrapeAnswer(page(URL, 'x')));
  const result = data(await call('scrape_url', { url: URL, fullMetadata: true }));
  const full = result.fullMetadata as Record<string, unknown>;
  assert.equal(full['og:title'], `OG title of ${URL}`);
  assert.equal(full.proxyUsed, 'basic');
});

test('html and rawHtml are windowed like the markdown', async (t) => {
  const { fake, call } = await setup(t);
  const html = `<html>${'<p>x</p>'.repeat(40)}</html>`;
  fake.route('POST /v2/scrape', scrapeAnswer(page(URL, 'short', { html, rawHtml: html })));
  const result = data(
    await call('scrape_url', { url: URL, formats: ['markdown', 'html', 'rawHtml'], maxChars: 100 }),
  );
  assert.equal(result.html, html.slice(0, 100));
  assert.equal(result.htmlLength, html.length);
  assert.equal(result.rawHtml, html.slice(0, 100));
  assert.equal(result.markdown, 'short');
  assert.equal(result.nextOffset, 100, 'the html goes on');
});

test('a wrong argument is refused before any request, naming it', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('scrape_url', { url: 'ftp://example.com/file' })), /url/);
  assert.match(failure(await call('scrape_url', { url: URL, timeout: 10 })), /timeout/);
  assert.match(failure(await call('scrape_url', { url: URL, formats: ['pdf'] })), /formats/);
  assert.match(failure(await call('scrape_url', { url: URL, scrapeId: '../team' })), /scrapeId/);
  assert.equal(fake.requests.length, 0);
});
