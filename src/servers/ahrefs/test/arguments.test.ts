import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backlink, report, rows } from './fake-ahrefs.js';
import { data, failure, sent, setup } from './harness.js';

/**
 * Arguments are checked before any request, so a mistake costs no units: each error names the
 * argument and says why.
 */

const base = { target: 'ahrefs.com', date: '2025-03-01', country: 'us', select: 'keyword' };

const CASES: [string, Record<string, unknown>, string][] = [
  [
    'a date not in YYYY-MM-DD',
    { date: '03/01/2025' },
    'date: must be a date in YYYY-MM-DD form, e.g. 2025-01-31',
  ],
  ['a date that is not in the calendar', { date: '2025-02-30' }, 'date: is not a calendar date'],
  [
    'a country Ahrefs does not cover',
    { country: 'xx' },
    'country: must be a two-letter country code Ahrefs covers (ISO 3166-1), e.g. us, gb, de',
  ],
  [
    'a target with a space',
    { target: 'ahrefs .com' },
    'target: must be a domain or a URL without spaces, e.g. ahrefs.com',
  ],
  ['an empty select', { select: ' , ' }, 'select: name at least one column, e.g. "keyword,volume"'],
  [
    'a column that is no name',
    { select: 'keyword,sum(traffic)' },
    'select: "sum(traffic)" is not a column name (lowercase letters, digits and _)',
  ],
  [
    'a where that is not JSON',
    { where: 'traffic > 100' },
    'where: is not JSON: write it as {"field": "traffic", "is": ["gt", 100]}',
  ],
  [
    'a where with an unknown operator',
    { where: '{"field": "traffic", "is": ["greater", 100]}' },
    'where: the filter.is has the unknown operator "greater" (use eq, neq, gt, gte, lt, lte, substring, isubstring, phrase_match, iphrase_match, prefix, suffix, regex)',
  ],
  [
    'a where whose and is empty',
    { where: { and: [] } },
    'where: the filter.and must be a non-empty list of filters',
  ],
  [
    'a where with a misspelt key deep inside',
    {
      where: {
        or: [
          { field: 'volume', is: ['gt', 1] },
          { feld: 'cpc', is: 'empty' },
        ],
      },
    },
    'where: the filter.or[1] has unknown key feld (use field, is, list_is, modifier, and, or, not)',
  ],
  [
    'a where without a condition',
    { where: { not: { field: 'volume' } } },
    'where: the filter.not needs "is" or "list_is"',
  ],
  [
    'a where with a bad list condition',
    { where: { field: 'serp_features', list_is: { some: ['eq', 'video'] } } },
    'where: the filter.list_is must be {"any": condition} or {"all": condition}',
  ],
  [
    'an order_by with a bad direction',
    { order_by: 'volume:down' },
    'order_by: "volume:down" must be column or column:asc / column:desc, e.g. "traffic:desc"',
  ],
  ['a limit above 1000', { limit: 5000 }, 'limit: Too big: expected number to be <=1000'],
];

for (const [what, args, message] of CASES) {
  test(`${what} is refused before any request, naming the argument`, async (t) => {
    const { fake, call } = await setup(t);
    assert.equal(
      failure(await call('organic_keywords', { ...base, ...args })),
      `Invalid arguments for tool organic_keywords: ${message}`,
    );
    assert.equal(fake.requests.length, 0);
  });
}

test('history must be live, all_time or since:YYYY-MM-DD', async (t) => {
  const { fake, call } = await setup(t);
  assert.equal(
    failure(
      await call('backlinks', { target: 'ahrefs.com', date: '2025-03-01', history: 'since:yesterday' }),
    ),
    'Invalid arguments for tool backlinks: history: must be live, all_time or since:YYYY-MM-DD',
  );
  assert.equal(fake.requests.length, 0);
});

test('a where with list_is and nested conditions, uk for gb, and a select list pass as Ahrefs takes them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/site-explorer/organic-keywords', report('keywords', []));
  const where = {
    and: [
      { field: 'keyword', modifier: 'uppercase', is: ['prefix', 'SEO'] },
      { field: 'serp_features', list_is: { any: { or: [['eq', 'video'], 'empty'] } } },
    ],
  };

  data(await call('organic_keywords', { ...base, country: 'UK', select: ['keyword', 'volume'], where }));

  const query = sent(fake.requests[0] ?? assert.fail('no request'));
  assert.equal(query.country, 'gb');
  assert.equal(query.select, 'keyword,volume');
  assert.deepEqual(JSON.parse(String(query.where)), where);
});

test('a row Ahrefs sends with more columns than selected keeps the selected ones', async (t) => {
  const { fake, call } = await setup(t);
  // Ahrefs answers the selected columns; a fake that ignores select shows the tool keeps to them.
  fake.route('GET /v3/site-explorer/all-backlinks', { body: { backlinks: rows(1, backlink) } });

  const result = data(
    await call('backlinks', { target: 'ahrefs.com', date: '2025-03-01', select: 'url_from,anchor' }),
  );

  assert.deepEqual(result.rows, [{ url_from: 'https://blog0.example/post', anchor: 'anchor 0' }]);
});
