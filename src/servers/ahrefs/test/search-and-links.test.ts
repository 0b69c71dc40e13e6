import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  competitor,
  linkedAnchor,
  linkedDomain,
  linkedPage,
  organicKeyword,
  page,
  report,
  rows,
} from './fake-ahrefs.js';
import { data, onlyRequest, sent, setup } from './harness.js';

const DATE = '2025-03-01';

/** Each report: the tool, Ahrefs' path and answer key, its rows, the columns asked for, arguments of its own. */
const REPORTS: [string, string, string, Record<string, unknown>[], string[], Record<string, string>][] = [
  [
    'organic_keywords',
    'organic-keywords',
    'keywords',
    rows(4, organicKeyword),
    ['keyword', 'best_position', 'sum_traffic'],
    { country: 'us', date: DATE, date_compared: '2025-01-01', volume_mode: 'average' },
  ],
  [
    'organic_competitors',
    'organic-competitors',
    'competitors',
    rows(4, competitor),
    ['competitor_domain', 'keywords_common', 'share'],
    { country: 'gb', date: DATE },
  ],
  [
    'top_pages',
    'top-pages',
    'pages',
    rows(4, page),
    ['url', 'sum_traffic', 'top_keyword'],
    { country: 'de', date: DATE },
  ],
  ['paid_pages', 'paid-pages', 'pages', rows(4, page), ['url', 'ads_count'], { date: DATE }],
  [
    'best_by_external_links',
    'pages-by-backlinks',
    'pages',
    rows(4, linkedPage),
    ['url_to', 'refdomains_target'],
    { history: 'live' },
  ],
  [
    'best_by_internal_links',
    'pages-by-internal-links',
    'pages',
    rows(4, linkedPage),
    ['url_to', 'links_to_target'],
    {},
  ],
  [
    'linked_domains',
    'linkeddomains',
    'linkeddomains',
    rows(4, linkedDomain),
    ['domain', 'domain_rating'],
    {},
  ],
  [
    'outgoing_external_anchors',
    'linked-anchors-external',
    'linkedanchors',
    rows(4, linkedAnchor),
    ['anchor', 'linked_domains'],
    {},
  ],
  [
    'outgoing_internal_anchors',
    'linked-anchors-internal',
    'linkedanchors',
    rows(4, linkedAnchor),
    ['anchor', 'linked_pages'],
    {},
  ],
];

for (const [tool, path, key, all, columns, own] of REPORTS) {
  test(`${tool} asks /v3/site-explorer/${path} for the selected columns and returns only those`, async (t) => {
    const { fake, call } = await setup(t);
    fake.route(`GET /v3/site-explorer/${path}`, report(key, all));
    const [first] = columns;
    const where = `{"field": "${first}", "is": "is_null"}`;

    const result = data(
      await call(tool, {
        target: 'ahrefs.com',
        select: columns.join(', '),
        mode: 'domain',
        protocol: 'https',
        limit: 3,
        where,
        order_by: `${first}:asc`,
        ...own,
      }),
    );

    const expected = all.slice(0, 3).map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
    assert.deepEqual(result.rows, expected);
    assert.equal(result.count, 3);
    assert.equal(result.more, true, 'as many rows as the limit: there may be more');
    assert.match(String(result.hint), /^These are the first 3 rows; Ahrefs may have more\. Raise limit/);
    assert.equal((result.units as { cost_per_row: number }).cost_per_row, columns.length);
    assert.deepEqual(sent(onlyRequest(fake, `site-explorer/${path}`)), {
      target: 'ahrefs.com',
      select: columns.join(','),
      mode: 'domain',
      protocol: 'https',
      limit: '3',
      where: `{"field":"${first}","is":"is_null"}`,
      order_by: `${first}:asc`,
      ...own,
    });
  });
}

test('a report with fewer rows than the limit says there are no more', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/site-explorer/top-pages', report('pages', rows(2, page)));

  const result = data(
    await call('top_pages', { target: 'ahrefs.com', country: 'us', date: DATE, select: 'url' }),
  );

  assert.deepEqual(result, {
    rows: [{ url: 'https://ahrefs.com/page-0' }, { url: 'https://ahrefs.com/page-1' }],
    count: 2,
    more: false,
    units: { rows: 2, cost_per_row: 1, expected: 50, used: 50, cache: 'miss' },
  });
  assert.equal(sent(onlyRequest(fake, 'site-explorer/top-pages')).limit, '50', 'the default limit');
});
