import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchor, backlink, brokenBacklink, refdomain, report, rows } from './fake-ahrefs.js';
import { data, onlyRequest, sent, setup } from './harness.js';

const DATE = '2025-03-01';

test('backlinks asks for cheap default columns, strongest first, and sends no date (the report has none)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/site-explorer/all-backlinks', report('backlinks', rows(3, backlink)));

  const result = data(
    await call('backlinks', {
      target: 'ahrefs.com',
      date: DATE,
      mode: 'domain',
      protocol: 'https',
      aggregation: '1_per_domain',
      history: 'since:2024-01-01',
    }),
  );

  const columns = ['url_from', 'url_to', 'anchor', 'domain_rating_source', 'is_dofollow', 'first_seen_link'];
  assert.deepEqual(
    result.rows,
    rows(3, backlink).map((b) => Object.fromEntries(columns.map((c) => [c, b[c as keyof typeof b]]))),
  );
  assert.equal(result.count, 3);
  assert.equal(result.more, false);
  assert.deepEqual(result.units, { rows: 3, cost_per_row: 6, expected: 50, used: 50, cache: 'miss' });
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/all-backlinks')), {
    target: 'ahrefs.com',
    mode: 'domain',
    protocol: 'https',
    limit: '50',
    aggregation: '1_per_domain',
    history: 'since:2024-01-01',
    select: columns.join(','),
    order_by: 'domain_rating_source:desc',
  });
});

test('backlinks with select, where and order_by sends them, and says when Ahrefs may have more rows', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/site-explorer/all-backlinks', report('backlinks', rows(10, backlink)));
  const where = {
    and: [
      { field: 'is_dofollow', is: ['eq', true] },
      { field: 'traffic', is: ['gt', 100] },
    ],
  };

  const result = data(
    await call('backlinks', {
      target: 'ahrefs.com',
      date: DATE,
      limit: 5,
      select: 'url_from,traffic',
      where: JSON.stringify(where, null, 2),
      order_by: 'traffic:desc',
    }),
  );

  assert.deepEqual(
    result.rows,
    rows(5, backlink).map((b) => ({ url_from: b.url_from, traffic: b.traffic })),
  );
  assert.equal(result.more, true);
  assert.equal(
    result.hint,
    'These are the first 5 rows; Ahrefs may have more. Raise limit (up to 1000; each row costs units), or ' +
      'narrow with where (e.g. {"field": "is_dofollow", "is": ["eq", true]}).',
  );
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/all-backlinks')), {
    target: 'ahrefs.com',
    limit: '5',
    select: 'url_from,traffic',
    where: JSON.stringify(where),
    order_by: 'traffic:desc',
  });
});

test('broken_backlinks lists the links to pages that answer 4xx or 5xx', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/site-explorer/broken-backlinks', report('backlinks', rows(2, brokenBacklink)));

  const result = data(
    await call('broken_backlinks', {
      target: 'ahrefs.com',
      date: DATE,
      limit: 10,
      aggregation: 'all',
      mode: 'subdomains',
    }),
  );

  assert.deepEqual(
    (result.rows as Record<string, unknown>[]).map((r) => [r.url_to, r.http_code_target]),
    [
      ['https://ahrefs.com/gone-0', 404],
      ['https://ahrefs.com/gone-1', 404],
    ],
  );
  assert.ok(
    !('traffic' in ((result.rows as Record<string, unknown>[])[0] ?? {})),
    'only the default columns',
  );
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/broken-backlinks')), {
    target: 'ahrefs.com',
    mode: 'subdomains',
    limit: '10',
    aggregation: 'all',
    select: 'url_from,url_to,anchor,domain_rating_source,http_code_target,is_dofollow',
    order_by: 'domain_rating_source:desc',
  });
});

test('refdomains lists the linking domains, strongest first', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/site-explorer/refdomains', report('refdomains', rows(2, refdomain)));

  const result = data(
    await call('refdomains', { target: 'ahrefs.com', date: DATE, history: 'live', protocol: 'both' }),
  );

  assert.deepEqual(
    (result.rows as Record<string, unknown>[]).map((r) => r.domain),
    ['site0.example', 'site1.example'],
  );
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/refdomains')), {
    target: 'ahrefs.com',
    protocol: 'both',
    limit: '50',
    history: 'live',
    select: 'domain,domain_rating,links_to_target,dofollow_links,first_seen,last_seen',
    order_by: 'domain_rating:desc',
  });
});

test('anchors lists anchor texts, most links first, with a filter', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/site-explorer/anchors', report('anchors', rows(1, anchor)));

  const result = data(
    await call('anchors', {
      target: 'ahrefs.com',
      date: DATE,
      history: 'all_time',
      where: { field: 'anchor', is: ['isubstring', 'seo'] },
      mode: 'exact',
    }),
  );

  assert.deepEqual(result.rows, [
    {
      anchor: 'seo tools 0',
      links_to_target: 42,
      dofollow_links: 28,
      refpages: 30,
      first_seen: '2022-11-06T00:33:24Z',
      last_seen: '2023-10-19T07:55:08Z',
    },
  ]);
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/anchors')), {
    target: 'ahrefs.com',
    mode: 'exact',
    limit: '50',
    history: 'all_time',
    select: 'anchor,links_to_target,dofollow_links,refpages,first_seen,last_seen',
    where: '{"field":"anchor","is":["isubstring","seo"]}',
    order_by: 'links_to_target:desc',
  });
});
