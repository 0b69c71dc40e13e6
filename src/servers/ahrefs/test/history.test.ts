import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_POINTS } from '../tools/history.js';
import { series } from './fake-ahrefs.js';
import { data, onlyRequest, sent, setup } from './harness.js';

const SPAN = { date_from: '2024-01-01', date_to: '2024-03-31', history_grouping: 'monthly' };
const months = ['2024-01-01', '2024-02-01', '2024-03-01'];

/** Each history: the tool, Ahrefs' path and answer key, the point's value column, and its own arguments. */
const HISTORIES: [string, string, string, string, Record<string, string>][] = [
  ['domain_rating_history', 'domain-rating-history', 'domain_ratings', 'domain_rating', {}],
  ['url_rating_history', 'url-rating-history', 'url_ratings', 'url_rating', {}],
  [
    'refdomains_history',
    'refdomains-history',
    'refdomains',
    'refdomains',
    { mode: 'domain', protocol: 'https' },
  ],
  ['pages_history', 'pages-history', 'pages', 'pages', { mode: 'exact', protocol: 'both', country: 'fr' }],
  [
    'total_search_volume_history',
    'total-search-volume-history',
    'metrics',
    'total_search_volume',
    { country: 'us', top_positions: 'top_100', volume_mode: 'average' },
  ],
];

for (const [tool, path, key, column, extra] of HISTORIES) {
  test(`${tool} asks for the points between two dates and returns them oldest first`, async (t) => {
    const { fake, call } = await setup(t);
    const points = months.map((date, i) => ({ date, [column]: 40 + i }));
    fake.route(`GET /v3/site-explorer/${path}`, series(key, points));

    const result = data(await call(tool, { target: 'ahrefs.com', ...SPAN, ...extra, output: 'json' }));

    assert.deepEqual(result.rows, points);
    assert.equal(result.count, 3);
    assert.equal(result.more, false);
    assert.deepEqual(sent(onlyRequest(fake, `site-explorer/${path}`)), {
      target: 'ahrefs.com',
      ...SPAN,
      ...extra,
    });
  });
}

test('metrics_history keeps Ahrefs’ default columns unless told, and sends select when told', async (t) => {
  const { fake, call } = await setup(t);
  const point = {
    date: '2024-01-01',
    org_cost: 242_033,
    org_traffic: 1751,
    paid_cost: 429,
    paid_traffic: 178,
  };
  fake.route('GET /v3/site-explorer/metrics-history', series('metrics', [point], 41));

  assert.deepEqual(
    data(await call('metrics_history', { target: 'ahrefs.com', date_from: '2024-01-01' })).rows,
    [point],
  );
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/metrics-history')), {
    target: 'ahrefs.com',
    date_from: '2024-01-01',
  });

  fake.requests.length = 0;
  const result = data(
    await call('metrics_history', {
      target: 'ahrefs.com',
      date_from: '2024-01-01',
      select: ['date', 'org_traffic'],
      country: 'gb',
      volume_mode: 'monthly',
    }),
  );
  // The fake answered every column; the tool keeps the two asked for.
  assert.deepEqual(result.rows, [{ date: '2024-01-01', org_traffic: 1751 }]);
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/metrics-history')), {
    target: 'ahrefs.com',
    date_from: '2024-01-01',
    country: 'gb',
    select: 'date,org_traffic',
    volume_mode: 'monthly',
  });
});

test('keywords_history sends select, mode and country', async (t) => {
  const { fake, call } = await setup(t);
  const point = { date: '2024-01-01', top3: 284, top4_10: 307, top11_plus: 674 };
  fake.route('GET /v3/site-explorer/keywords-history', series('keywords', [point], 4));

  const result = data(
    await call('keywords_history', {
      target: 'ahrefs.com',
      date_from: '2024-01-01',
      history_grouping: 'weekly',
      mode: 'domain',
      protocol: 'http',
      country: 'us',
      select: 'date,top3,top4_10,top11_plus',
    }),
  );

  assert.deepEqual(result.rows, [point]);
  assert.deepEqual(sent(onlyRequest(fake, 'site-explorer/keywords-history')), {
    target: 'ahrefs.com',
    date_from: '2024-01-01',
    history_grouping: 'weekly',
    mode: 'domain',
    protocol: 'http',
    country: 'us',
    select: 'date,top3,top4_10,top11_plus',
  });
});

test('a history longer than the tools return keeps the latest points and says how to see the others', async (t) => {
  const { fake, call } = await setup(t);
  const days = Array.from({ length: MAX_POINTS + 10 }, (_, i) => ({
    date: new Date(Date.UTC(2022, 0, 1 + i)).toISOString().slice(0, 10),
    domain_rating: 50,
  }));
  fake.route('GET /v3/site-explorer/domain-rating-history', series('domain_ratings', days));

  const result = data(
    await call('domain_rating_history', {
      target: 'ahrefs.com',
      date_from: '2022-01-01',
      history_grouping: 'daily',
    }),
  );

  assert.equal(result.count, MAX_POINTS);
  assert.deepEqual((result.rows as unknown[])[0], days[10]);
  assert.deepEqual((result.rows as unknown[]).at(-1), days.at(-1));
  assert.equal(result.more, true);
  assert.equal(
    result.hint,
    `The history has ${MAX_POINTS + 10} points; these are the latest ${MAX_POINTS}. Narrow date_from and ` +
      'date_to, or group by week or month, to see the others.',
  );
});

test('points that come newest first are returned oldest first', async (t) => {
  const { fake, call } = await setup(t);
  const points = months.map((date, i) => ({ date, url_rating: 10 + i }));
  fake.route('GET /v3/site-explorer/url-rating-history', series('url_ratings', [...points].reverse()));

  const result = data(
    await call('url_rating_history', { target: 'https://ahrefs.com/blog/', date_from: '2024-01-01' }),
  );

  assert.deepEqual(result.rows, points);
});
