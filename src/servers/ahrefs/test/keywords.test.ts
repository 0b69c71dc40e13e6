import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keywordIdea, report, rows, series } from './fake-ahrefs.js';
import { data, failure, onlyRequest, sent, setup } from './harness.js';

test('keywords_overview sends the keywords comma-separated and returns the selected columns', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/keywords-explorer/overview', report('keywords', rows(2, keywordIdea)));

  const result = data(
    await call('keywords_overview', {
      keywords: ['word count', ' syllable counter ', 'word count'],
      country: 'us',
      select: 'keyword,volume,difficulty',
      where: '{"field": "volume", "is": ["gte", 1000]}',
      order_by: 'volume:desc',
      limit: 10,
      output: 'json',
    }),
  );

  assert.deepEqual(result.rows, [
    { keyword: 'word count 0', volume: 192_000, difficulty: 84 },
    { keyword: 'word count 1', volume: 191_999, difficulty: 84 },
  ]);
  assert.equal(result.more, false);
  assert.deepEqual(sent(onlyRequest(fake, 'keywords-explorer/overview')), {
    keywords: 'word count,syllable counter',
    country: 'us',
    select: 'keyword,volume,difficulty',
    limit: '10',
    where: '{"field":"volume","is":["gte",1000]}',
    order_by: 'volume:desc',
  });
});

test('keywords_overview of a target sends target_mode as Ahrefs’ mode, with target_position', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/keywords-explorer/overview', report('keywords', rows(1, keywordIdea)));

  data(
    await call('keywords_overview', {
      country: 'gb',
      select: 'keyword',
      target: 'ahrefs.com',
      target_mode: 'domain',
      target_position: 'in_top10',
      keyword_list_id: '42',
    }),
  );

  assert.deepEqual(sent(onlyRequest(fake, 'keywords-explorer/overview')), {
    keyword_list_id: '42',
    country: 'gb',
    select: 'keyword',
    target: 'ahrefs.com',
    mode: 'domain',
    target_position: 'in_top10',
    limit: '50',
  });
});

test('keywords_overview needs keywords, a keyword list or a target, and target_mode needs target', async (t) => {
  const { fake, call } = await setup(t);

  assert.equal(
    failure(await call('keywords_overview', { country: 'us', select: 'keyword' })),
    'Invalid arguments: give keywords, keyword_list_id or target',
  );
  assert.equal(
    failure(
      await call('keywords_overview', {
        country: 'us',
        select: 'keyword',
        keywords: 'seo',
        target_mode: 'exact',
      }),
    ),
    'Invalid arguments: target_mode needs target',
  );
  assert.equal(fake.requests.length, 0, 'nothing spent');
});

test('volume_history asks for a keyword’s monthly volumes', async (t) => {
  const { fake, call } = await setup(t);
  const points = [
    { date: '2023-01-01', volume: 192_000 },
    { date: '2023-02-01', volume: 188_000 },
  ];
  fake.route('GET /v3/keywords-explorer/volume-history', series('metrics', points));

  const result = data(
    await call('volume_history', {
      keyword: 'word count',
      country: 'us',
      date_from: '2023-01-01',
      date_to: '2023-02-28',
    }),
  );

  assert.deepEqual(result.rows, points);
  assert.deepEqual(sent(onlyRequest(fake, 'keywords-explorer/volume-history')), {
    keyword: 'word count',
    country: 'us',
    date_from: '2023-01-01',
    date_to: '2023-02-28',
  });
});

test('volume_by_country asks for 20 countries unless told', async (t) => {
  const { fake, call } = await setup(t);
  const countries = [
    { country: 'us', volume: 192_000 },
    { country: 'ca', volume: 32_000 },
  ];
  fake.route('GET /v3/keywords-explorer/volume-by-country', series('countries', countries, 11));

  const result = data(await call('volume_by_country', { keyword: 'word count' }));

  assert.deepEqual(result.rows, countries);
  assert.equal(result.more, false);
  assert.deepEqual(sent(onlyRequest(fake, 'keywords-explorer/volume-by-country')), {
    keyword: 'word count',
    limit: '20',
  });
});

/** The keyword-idea reports: tool, Ahrefs path, and the options of their own. */
const IDEAS: [string, string, Record<string, string>][] = [
  ['matching_terms', 'matching-terms', { match_mode: 'phrase', terms: 'questions' }],
  ['related_terms', 'related-terms', { view_for: 'top_100', terms: 'also_talk_about' }],
  ['search_suggestions', 'search-suggestions', {}],
];

for (const [tool, path, own] of IDEAS) {
  test(`${tool} asks /v3/keywords-explorer/${path} with the seeds and its options`, async (t) => {
    const { fake, call } = await setup(t);
    fake.route(`GET /v3/keywords-explorer/${path}`, report('keywords', rows(3, keywordIdea)));

    const result = data(
      await call(tool, {
        keywords: 'word count',
        country: 'UK',
        select: 'keyword,volume',
        limit: 3,
        order_by: 'volume:desc',
        ...own,
      }),
    );

    assert.equal(result.count, 3);
    assert.equal(result.more, true);
    assert.match(
      String(result.hint),
      /narrow with where \(e\.g\. \{"field": "volume", "is": \["gte", 100\]\}\)\.$/,
    );
    assert.deepEqual(sent(onlyRequest(fake, `keywords-explorer/${path}`)), {
      keywords: 'word count',
      country: 'gb',
      select: 'keyword,volume',
      ...own,
      limit: '3',
      order_by: 'volume:desc',
    });
  });

  test(`${tool} needs seed keywords or a keyword list`, async (t) => {
    const { fake, call } = await setup(t);
    assert.equal(
      failure(await call(tool, { country: 'us', select: 'keyword' })),
      'Invalid arguments: give keywords (seed keywords, comma-separated) or keyword_list_id',
    );
    assert.equal(fake.requests.length, 0);
  });
}

test('volume_by_country says how to get more countries when the limit is reached', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'GET /v3/keywords-explorer/volume-by-country',
    series('countries', [
      { country: 'us', volume: 10 },
      { country: 'gb', volume: 5 },
    ]),
  );

  const result = data(await call('volume_by_country', { keyword: 'ahrefs', limit: 2 }));

  assert.equal(result.more, true);
  assert.equal(
    result.hint,
    'These are the first 2 rows; Ahrefs may have more. Raise limit (up to 250; each row costs units).',
  );
});
