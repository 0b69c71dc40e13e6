import assert from 'node:assert/strict';
import { test } from 'node:test';
import { single, unitHeaders } from './fake-ahrefs.js';
import { data, onlyRequest, sent, setup } from './harness.js';

const DATE = '2025-03-01';

test('domain_rating asks for the Domain Rating of a target on a date and reports the units used', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'GET /v3/site-explorer/domain-rating',
    single('domain_rating', { domain_rating: 91, ahrefs_rank: 5 }),
  );

  const result = data(
    await call('domain_rating', { target: 'ahrefs.com', date: DATE, protocol: 'https', output: 'json' }),
  );

  assert.deepEqual(result, {
    data: { domain_rating: 91, ahrefs_rank: 5 },
    units: { rows: 1, cost_per_row: 2, expected: 50, used: 50, cache: 'miss' },
  });
  // Domain Rating takes no protocol, and answers are always JSON.
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/domain-rating')), {
    target: 'ahrefs.com',
    date: DATE,
  });
});

test('backlinks_stats sends target, date, mode and protocol', async (t) => {
  const { fake, call } = await setup(t);
  const stats = { live: 1428, all_time: 707_927, live_refdomains: 155, all_time_refdomains: 2010 };
  fake.route('GET /v3/site-explorer/backlinks-stats', single('metrics', stats, 12));

  const result = data(
    await call('backlinks_stats', {
      target: 'https://ahrefs.com/blog/',
      date: DATE,
      mode: 'prefix',
      protocol: 'https',
    }),
  );

  assert.deepEqual(result.data, stats);
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/backlinks-stats')), {
    target: 'https://ahrefs.com/blog/',
    date: DATE,
    mode: 'prefix',
    protocol: 'https',
  });
});

test('outlinks_stats needs no date', async (t) => {
  const { fake, call } = await setup(t);
  const stats = {
    outgoing_links: 701_421,
    outgoing_links_dofollow: 452_207,
    linked_domains: 14_123,
    linked_domains_dofollow: 2459,
  };
  fake.route('GET /v3/site-explorer/outlinks-stats', single('metrics', stats, 4));

  assert.deepEqual(data(await call('outlinks_stats', { target: 'ahrefs.com', mode: 'domain' })).data, stats);
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/outlinks-stats')), {
    target: 'ahrefs.com',
    mode: 'domain',
  });
});

test('metrics sends the country in lower case and the volume mode', async (t) => {
  const { fake, call } = await setup(t);
  const metrics = {
    org_keywords: 1794,
    org_keywords_1_3: 256,
    org_traffic: 116_565,
    org_cost: 388_017,
    paid_keywords: 0,
    paid_pages: 0,
    paid_traffic: 0,
    paid_cost: null,
  };
  fake.route('GET /v3/site-explorer/metrics', single('metrics', metrics, 44));

  const result = data(
    await call('metrics', {
      target: 'ahrefs.com',
      date: DATE,
      country: 'US',
      volume_mode: 'average',
      mode: 'subdomains',
    }),
  );

  assert.deepEqual(result.data, metrics);
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/metrics')), {
    target: 'ahrefs.com',
    date: DATE,
    mode: 'subdomains',
    country: 'us',
    volume_mode: 'average',
  });
});

test('metrics_by_country asks for three cheap columns unless told, and returns a row per country', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/site-explorer/metrics-by-country', (req) => ({
    body: {
      metrics: [
        { country: 'US', org_keywords: 900, org_traffic: 80_000 },
        { country: 'GB', org_keywords: 300, org_traffic: 9000 },
      ],
    },
    headers: unitHeaders(2, req.query.get('select')?.split(',').length ?? 0),
  }));

  const result = data(await call('metrics_by_country', { target: 'ahrefs.com', date: DATE }));

  assert.deepEqual(result.rows, [
    { country: 'US', org_keywords: 900, org_traffic: 80_000 },
    { country: 'GB', org_keywords: 300, org_traffic: 9000 },
  ]);
  assert.equal(result.count, 2);
  assert.equal(result.more, false);
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/metrics-by-country')), {
    target: 'ahrefs.com',
    date: DATE,
    select: 'country,org_keywords,org_traffic',
  });
});

test('metrics_by_country with select asks for those columns and keeps only them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/site-explorer/metrics-by-country', {
    // An answer with a column more than asked for: the tool keeps to the selection.
    body: { metrics: [{ country: 'US', paid_traffic: 12, org_traffic: 5 }] },
  });

  const result = data(
    await call('metrics_by_country', {
      target: 'ahrefs.com',
      date: DATE,
      select: ' country, paid_traffic ,country',
      volume_mode: 'monthly',
    }),
  );

  assert.deepEqual(result.rows, [{ country: 'US', paid_traffic: 12 }]);
  assert.equal(result.units, undefined, 'no unit headers, no units');
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/metrics-by-country')), {
    target: 'ahrefs.com',
    date: DATE,
    volume_mode: 'monthly',
    select: 'country,paid_traffic',
  });
});

test('pages_by_traffic sends no date (Ahrefs reports it for the latest data only)', async (t) => {
  const { fake, call } = await setup(t);
  const pages = {
    range0_pages: 13_387,
    range100_pages: 5446,
    range100_traffic: 82_943,
    range1k_pages: 1087,
    range1k_traffic: 333_344,
  };
  fake.route('GET /v3/site-explorer/pages-by-traffic', single('pages', pages, 56));

  const result = data(
    await call('pages_by_traffic', { target: 'ahrefs.com', date: DATE, country: 'de', protocol: 'both' }),
  );

  assert.deepEqual(result.data, pages);
  assert.equal((result.units as { expected: number }).expected, 56);
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/pages-by-traffic')), {
    target: 'ahrefs.com',
    protocol: 'both',
    country: 'de',
  });
});
