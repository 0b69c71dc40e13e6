import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CRAWL_ID,
  creditUsage,
  failure as fail,
  outOfCredits,
  page,
  rateLimited,
  scrapeAnswer,
  serverError,
  started,
  unauthorized,
} from './fake-firecrawl.js';
import { data, failure, setup } from './harness.js';

const URL = 'https://docs.example.com/guide';

test('a rejected key asks to authenticate again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/scrape', unauthorized);
  assert.equal(
    failure(await call('scrape_url', { url: URL })),
    'Not authenticated with firecrawl: Firecrawl rejected the stored API key (revoked, or not copied whole). ' +
      'Re-authenticate with `gumcp auth firecrawl`.',
  );
});

test('no stored key asks to authenticate, without calling Firecrawl', async (t) => {
  const { fake, call } = await setup(t, { token: 'x' });
  assert.match(
    failure(await call('check_credit_usage')),
    /^Not authenticated with firecrawl: the stored credentials hold no Firecrawl API key \(field api_key\)/,
  );
  assert.equal(fake.requests.length, 0);
});

test('credits used up (402) say so and are not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/crawl', outOfCredits);
  const message = failure(await call('crawl_website', { url: URL }));
  assert.match(
    message,
    /^Firecrawl refused: the team has no credits left \(Payment Required: Insufficient credits/,
  );
  assert.match(message, /Retrying will not help: top up credits.*check_credit_usage shows the balance\.$/);
  assert.equal(fake.requests.length, 1);
});

test('a 429 with Retry-After is waited out and retried, even for a crawl start', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once('POST /v2/crawl', rateLimited('1'));
  fake.route('POST /v2/crawl', started(CRAWL_ID, 'crawl'));
  const result = data(await call('crawl_website', { url: URL, waitSeconds: 0 }));
  assert.equal(result.id, CRAWL_ID);
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(sleeps, [1000]);
});

test('a rate limit that persists gives the time to wait', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/team/credit-usage', rateLimited('2'));
  assert.equal(
    failure(await call('check_credit_usage')),
    "Rate limited by Firecrawl (the plan's requests per minute or its concurrent browsers): Rate limit exceeded. " +
      'Consumed (req/min): 101, Remaining (req/min): 0. Upgrade your plan; try again in 2 s',
  );
  assert.equal(fake.requests.length, 3, 'the first try and two retries');
});

test('a Retry-After longer than the client waits fails at once with it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/scrape', rateLimited('120'));
  assert.match(failure(await call('scrape_url', { url: URL })), /try again in 120 s$/);
  assert.equal(fake.requests.length, 1);
});

test('a 400 names the argument Firecrawl’s details point at', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'POST /v2/crawl',
    fail(400, 'Bad Request', {
      code: 'BAD_REQUEST',
      details: [
        { code: 'too_small', path: ['maxDiscoveryDepth'], message: 'Too small: expected number to be >=0' },
      ],
    }),
  );
  assert.equal(
    failure(await call('crawl_website', { url: URL, maxDepth: 1 })),
    `Invalid argument maxDepth: Firecrawl rejected the request for the crawl of ${URL} (HTTP 400): ` +
      'Bad Request; maxDiscoveryDepth: Too small: expected number to be >=0',
  );
  fake.route(
    'POST /v2/search',
    fail(400, 'Unrecognized key in body -- please review the v2 API documentation for request body changes', {
      details: [{ code: 'unrecognized_keys', keys: ['lang'], path: [], message: 'Unrecognized key: "lang"' }],
    }),
  );
  assert.match(failure(await call('search', { query: 'q', lang: 'en' })), /^Invalid argument lang: /);
});

test('a 403 says Firecrawl refused; a page that times out says how to give it longer', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/map', fail(403, 'Forbidden'));
  assert.equal(
    failure(await call('map_website', { url: URL })),
    `Firecrawl refused the map of ${URL}: Forbidden (the key's team or plan may not allow it)`,
  );
  fake.route('POST /v2/scrape', fail(408, 'Request timed out'));
  assert.equal(
    failure(await call('scrape_url', { url: URL })),
    `Firecrawl timed out loading ${URL}: raise timeout (milliseconds, up to 300000) or try again`,
  );
});

test('a 5xx on a read is retried; a job start or a scrape is not, and says it may have gone through', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('GET /v2/team/credit-usage', serverError);
  fake.route('GET /v2/team/credit-usage', { body: creditUsage });
  data(await call('check_credit_usage'));
  assert.equal(fake.requests.length, 2);

  fake.route('POST /v2/crawl', serverError);
  assert.equal(
    failure(await call('crawl_website', { url: URL })),
    'Firecrawl failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  fake.route('POST /v2/scrape', serverError);
  failure(await call('scrape_url', { url: URL }));
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 2, 'one attempt each');

  fake.route('GET /v2/team/credit-usage', { status: 503, body: '<html>Service Unavailable</html>' });
  assert.equal(failure(await call('check_credit_usage')), 'Firecrawl failed (HTTP 503); try again later');
});

test('a scrape whose answer holds no page fails clearly', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/scrape', { body: { success: true } });
  assert.equal(failure(await call('scrape_url', { url: URL })), `Firecrawl answered without the page ${URL}`);
  fake.route('POST /v2/scrape', scrapeAnswer(page(URL, 'ok')));
  data(await call('scrape_url', { url: URL }));
});
