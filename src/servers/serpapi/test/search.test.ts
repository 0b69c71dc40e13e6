import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { coffeePage, imagesPage, newsPage, noResults, SEARCH_ID } from './fake-serpapi.js';
import { assertRequest, data, failure, setup } from './harness.js';

test('serpapi_search sends every guMCP parameter to Google Search and trims the answer', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search', { body: coffeePage() });
  const result = data(
    await call({
      q: 'coffee',
      search_type: 'web',
      location: 'Austin, Texas, United States',
      ludocid: '1126',
      lsig: 'AB86z5V',
      kgmid: '/m/02vqfm',
      si: 'ALGXSl',
      ibp: 'gwp;0,7',
      uds: 'AMwkrPs',
      google_domain: 'google.com',
      gl: 'us',
      hl: 'en',
      cr: 'countryUS',
      lr: 'lang_en',
      tbs: 'qdr:w',
      num: 10,
      start: 0,
      safe: 'active',
      nfpr: 1,
      filter: 0,
      device: 'mobile',
      no_cache: true,
    }),
  );
  assertRequest(only(fake, 'GET', '/search'), {
    path: '/search',
    query: {
      engine: 'google',
      q: 'coffee',
      location: 'Austin, Texas, United States',
      ludocid: '1126',
      lsig: 'AB86z5V',
      kgmid: '/m/02vqfm',
      si: 'ALGXSl',
      ibp: 'gwp;0,7',
      uds: 'AMwkrPs',
      google_domain: 'google.com',
      gl: 'us',
      hl: 'en',
      cr: 'countryUS',
      lr: 'lang_en',
      tbs: 'qdr:w',
      num: '10',
      start: '0',
      safe: 'active',
      nfpr: '1',
      filter: '0',
      device: 'mobile',
      no_cache: 'true',
    },
  });
  assert.deepEqual(result, {
    search_id: SEARCH_ID,
    status: 'Success',
    query: 'coffee',
    search_type: 'web',
    no_results: false,
    message: null,
    total_results: 1340000000,
    answer_box: {
      type: 'organic_result',
      title: 'Coffee',
      answer: 'A brewed drink',
      snippet: 'Coffee is a beverage prepared from roasted coffee beans.',
      link: 'https://en.wikipedia.org/wiki/Coffee',
    },
    knowledge_graph: {
      title: 'Coffee',
      type: 'Drink',
      description: 'Coffee is a brewed drink prepared from roasted coffee beans.',
      link: 'https://en.wikipedia.org/wiki/Coffee',
    },
    organic_results: [1, 2].map((n) => ({
      position: n,
      title: `Coffee result ${n}`,
      link: `https://coffee.example.com/${n}`,
      snippet: `Coffee is a brewed drink (${n}).`,
      source: 'Coffee Example',
      displayed_link: `https://coffee.example.com › ${n}`,
    })),
    local_results: [
      {
        position: 1,
        title: 'Houndstooth Coffee',
        link: null,
        snippet: null,
        rating: 4.6,
        reviews: 746,
        address: '401 Congress Ave',
      },
    ],
    related_questions: [
      { question: 'Is coffee good for you?', snippet: 'In moderation.', link: 'https://health.example.com' },
    ],
    pages: 1,
    next_start: 10,
    note: null,
  });
});

test('search types are Google’s tbm: images and news come trimmed their own way', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search', (req) => ({ body: req.query.get('tbm') === 'isch' ? imagesPage : newsPage }));

  const images = data(await call({ q: 'coffee', search_type: 'images' }));
  assert.equal(fake.requests[0]?.query.get('tbm'), 'isch');
  assert.deepEqual(images.images_results, [
    {
      position: 1,
      title: 'Coffee - Wikipedia',
      link: 'https://en.wikipedia.org/wiki/Coffee',
      snippet: null,
      source: 'Wikipedia',
      image: 'https://upload.wikimedia.org/coffee.jpg',
    },
  ]);
  assert.deepEqual(images.organic_results, []);

  const news = data(await call({ q: 'coffee', search_type: 'news' }));
  assert.equal(fake.requests[1]?.query.get('tbm'), 'nws');
  assert.deepEqual(news.news_results, [
    {
      position: 1,
      title: 'Coffee prices rise',
      link: 'https://news.example.com/coffee-prices',
      snippet: 'Prices of arabica rose again.',
      source: 'Example News',
      date: '3 hours ago',
    },
  ]);

  for (const [type, tbm] of [
    ['videos', 'vid'],
    ['shopping', 'shop'],
    ['patents', 'pts'],
    ['local', 'lcl'],
  ]) {
    data(await call({ q: 'coffee', search_type: type }));
    assert.equal(fake.requests.at(-1)?.query.get('tbm'), tbm, type);
  }
  data(await call({ q: 'coffee' }));
  assert.equal(fake.requests.at(-1)?.query.get('tbm'), null, 'web has no tbm');
});

test('no results is an answer, not a failure', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search', { body: noResults });
  const result = data(await call({ q: 'asdkjhqwe zzqx' }));
  assert.equal(result.no_results, true);
  assert.equal(result.message, "Google hasn't returned any results for this query.");
  assert.equal(result.note, 'No results: Google returned nothing for this query (not an error)');
  assert.deepEqual(result.organic_results, []);
  assert.equal(result.next_start, null);
});

test('max_pages follows SerpApi’s pagination over two pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search', (req) => ({ body: coffeePage(Number(req.query.get('start') ?? 0)) }));
  const result = data(await call({ q: 'coffee', max_pages: 2 }));
  assertRequest(fake.requests[0], { path: '/search', query: { engine: 'google', q: 'coffee' } });
  assertRequest(fake.requests[1], { path: '/search', query: { engine: 'google', q: 'coffee', start: '10' } });
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(
    (result.organic_results as { position: number }[]).map((r) => r.position),
    [1, 2, 11, 12],
  );
  assert.equal(result.pages, 2);
  assert.equal(result.next_start, 20);
});

test('full returns SerpApi’s whole JSON beside the trimmed results', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search', { body: coffeePage() });
  const result = data(await call({ q: 'coffee', full: true }));
  assert.deepEqual(result.full, [coffeePage()]);
});

test('search_id reads an earlier search from the archive instead of searching', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /searches/${SEARCH_ID}.json`, { body: coffeePage() });
  const result = data(await call({ q: 'coffee', search_id: SEARCH_ID }));
  assertRequest(only(fake, 'GET', `/searches/${SEARCH_ID}.json`), {
    path: `/searches/${SEARCH_ID}.json`,
    query: {},
  });
  assert.equal(fake.requests.length, 1);
  assert.equal(result.search_id, SEARCH_ID);
  assert.equal((result.organic_results as unknown[]).length, 2);
});

test('output html returns the raw page, bounded by max_chars', async (t) => {
  const { fake, call } = await setup(t);
  const html = `<!doctype html><html><body>${'<div>coffee</div>'.repeat(100)}</body></html>`;
  fake.route('GET /search', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: html });
  const result = data(await call({ q: 'coffee', output: 'html', max_chars: 500 }));
  assertRequest(fake.requests[0], {
    path: '/search',
    query: { engine: 'google', q: 'coffee', output: 'html' },
  });
  assert.equal(result.html, html.slice(0, 500));
  assert.equal(result.html_length, html.length);
  assert.equal(result.note, `The HTML is cut at 500 of ${html.length} characters (max_chars)`);
});

test('arguments SerpApi does not take together are refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.equal(
    failure(await call({ q: 'coffee', location: 'Austin', uule: 'w+CAIQ' })),
    'Invalid arguments location and uule: SerpApi takes one of them, not both',
  );
  assert.equal(
    failure(await call({ q: 'coffee', async: true, no_cache: true })),
    'Invalid arguments async and no_cache: SerpApi does not take them together',
  );
  assert.match(failure(await call({ q: 'coffee', search_type: 'maps' })), /search_type/);
  assert.match(failure(await call({ q: 'coffee', search_id: '../account' })), /search_id/);
  assert.equal(fake.requests.length, 0);
});
