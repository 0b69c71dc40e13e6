import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { base, insight, throttled, trendsAnswer } from './fake-posthog.js';
import { assertAuth, data, failure, setup } from './harness.js';

const QUERY = `${base()}/query/`;

test('get_trend_insights runs a default trend of $pageview, daily, over 7 days through the query API', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${QUERY}`, { body: trendsAnswer() });
  const out = data(await call('get_trend_insights'));
  const req = only(fake, 'POST', QUERY);
  assertAuth(req);
  assert.deepEqual(req.body, {
    query: {
      kind: 'TrendsQuery',
      series: [{ kind: 'EventsNode', event: '$pageview', name: '$pageview' }],
      dateRange: { date_from: '-7d' },
      interval: 'day',
    },
  });
  assert.deepEqual(out.series, [
    {
      label: '$pageview',
      breakdown_value: null,
      count: 30,
      points: [
        { date: '2025-04-01', value: 10 },
        { date: '2025-04-02', value: 12 },
        { date: '2025-04-03', value: 8 },
      ],
    },
  ]);
  assert.equal(out.date_from, '2025-03-27T00:00:00Z');
  assert.equal(out.message, '1 series: $pageview 30.');
});

test('get_trend_insights takes events, range, interval and breakdown, or a whole query in filters', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${QUERY}`, { body: trendsAnswer(['a', 'b']) });
  data(
    await call('get_trend_insights', {
      events: ['a', 'b'],
      date_from: '-30d',
      interval: 'week',
      breakdown: '$browser',
    }),
  );
  data(
    await call('get_trend_insights', {
      filters: { events: [{ id: 'a' }], date_from: '-24h', interval: 'hour' },
    }),
  );
  const [first, second] = fake.requests.map((r) => (r.body as { query: unknown }).query);
  assert.deepEqual(first, {
    kind: 'TrendsQuery',
    series: [
      { kind: 'EventsNode', event: 'a', name: 'a' },
      { kind: 'EventsNode', event: 'b', name: 'b' },
    ],
    dateRange: { date_from: '-30d' },
    interval: 'week',
    breakdownFilter: { breakdown: '$browser', breakdown_type: 'event' },
  });
  assert.deepEqual(second, {
    kind: 'TrendsQuery',
    series: [{ kind: 'EventsNode', event: 'a', name: 'a' }],
    dateRange: { date_from: '-24h' },
    interval: 'hour',
  });
  assert.match(
    failure(await call('get_trend_insights', { filters: { events: [{ id: 'a' }] }, interval: 'day' })),
    /^filters: give either/,
  );
  assert.match(
    failure(await call('get_trend_insights', { filters: { insight: 'FUNNELS', events: [{ id: 'a' }] } })),
    /^filters: a trend insight needs/,
  );
});

test('a 429 from the query API is retried after its wait, and when it lasts names the query API’s own limit', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(`POST ${QUERY}`, throttled(0, { 'retry-after': '0' }));
  fake.route(`POST ${QUERY}`, { body: trendsAnswer() });
  data(await call('get_trend_insights'));
  assert.deepEqual(sleeps, [0]);

  // No Retry-After: the wait is read from PostHog's "Expected available in N seconds".
  fake.route(`POST ${QUERY}`, throttled(2400));
  const message = failure(await call('get_trend_insights'));
  assert.equal(
    message,
    'Rate limited by PostHog (the analytics query API has its own, much lower limit: 120 queries an hour per project ' +
      'by default on PostHog Cloud); try again in 40 min',
  );
});

test('a query PostHog could not compute says why', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${QUERY}`, {
    body: { ...trendsAnswer(), results: [], error: 'Event "x" does not exist' },
  });
  assert.equal(
    failure(await call('get_trend_insights')),
    'PostHog could not compute the trend: Event "x" does not exist',
  );
});

test('create_trend_insight saves a TrendsQuery insight from legacy filters', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${base()}/insights/`, { status: 201, body: insight(90, 'Daily signups') });
  const out = data(
    await call('create_trend_insight', {
      name: 'Daily signups',
      filters: { events: [{ id: 'signed_up' }], date_from: '-14d' },
    }),
  );
  const req = only(fake, 'POST', `${base()}/insights/`);
  assertAuth(req);
  assert.deepEqual(req.body, {
    name: 'Daily signups',
    query: {
      kind: 'InsightVizNode',
      source: {
        kind: 'TrendsQuery',
        series: [{ kind: 'EventsNode', event: 'signed_up', name: 'signed_up' }],
        dateRange: { date_from: '-14d' },
      },
    },
  });
  assert.equal(out.message, 'Created trend insight "Daily signups" (90, aBcD1234).');
});
