import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { activity, base, insight, page, sharing, trendsQueryNode } from './fake-posthog.js';
import { assertAuth, data, failure, setup } from './harness.js';

const INSIGHTS = `${base()}/insights/`;

test('list_insights asks for basic insights and names each one’s kind', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${INSIGHTS}`, (req) => ({
    body: page(
      req,
      [
        insight(77, 'Signups'),
        insight(78, '', { derived_name: 'Pageview count', query: null, filters: { insight: 'FUNNELS' } }),
      ],
      2,
      null,
    ),
  }));
  const out = data(await call('list_insights', { limit: 50 }));
  const req = only(fake, 'GET', INSIGHTS);
  assertAuth(req);
  assert.deepEqual(query(req), { basic: 'true', limit: '50', offset: '0' });
  const [first, second] = out.insights as Record<string, unknown>[];
  assert.equal(first?.kind, 'TrendsQuery');
  assert.deepEqual(first?.dashboards, [12]);
  assert.equal(second?.name, 'Pageview count');
  assert.equal(second?.kind, 'legacy FUNNELS');
});

test('create_insight translates guMCP’s legacy trends filters into a TrendsQuery node', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${INSIGHTS}`, (req) => ({
    status: 201,
    body: insight(80, 'Signups', { query: (req.body as { query: unknown }).query }),
  }));
  const out = data(
    await call('create_insight', {
      name: 'Signups',
      description: 'Weekly signups by browser',
      filters: {
        insight: 'TRENDS',
        events: [
          { id: 'signed_up', math: 'dau', order: 1 },
          { id: '$pageview', order: 0 },
        ],
        actions: [{ id: 5, order: 2 }],
        date_from: '-30d',
        interval: 'week',
        breakdown: '$browser',
        breakdown_type: 'event',
        display: 'ActionsBar',
        properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'person' }],
        filter_test_accounts: true,
        smoothing_intervals: 3,
      },
    }),
  );
  const req = only(fake, 'POST', INSIGHTS);
  assertAuth(req);
  assert.deepEqual(req.body, {
    name: 'Signups',
    description: 'Weekly signups by browser',
    query: {
      kind: 'InsightVizNode',
      source: {
        kind: 'TrendsQuery',
        series: [
          { kind: 'EventsNode', event: '$pageview', name: '$pageview' },
          { kind: 'EventsNode', event: 'signed_up', name: 'signed_up', math: 'dau' },
          { kind: 'ActionsNode', id: 5 },
        ],
        dateRange: { date_from: '-30d' },
        interval: 'week',
        properties: {
          type: 'AND',
          values: [
            { type: 'AND', values: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'person' }] },
          ],
        },
        filterTestAccounts: true,
        breakdownFilter: { breakdown: '$browser', breakdown_type: 'event' },
        trendsFilter: { display: 'ActionsBar' },
      },
    },
  });
  assert.equal(
    out.message,
    'Created TrendsQuery insight "Signups" (80, aBcD1234). Legacy filter keys not translated (set them in PostHog): smoothing_intervals.',
  );
});

test('create_insight stores a query node as given, wrapping a bare insight query in an InsightVizNode', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${INSIGHTS}`, { status: 201, body: insight(81, 'SQL') });
  const hogql = { kind: 'HogQLQuery', query: 'select count() from events' };
  data(await call('create_insight', { name: 'SQL', filters: hogql }));
  data(await call('create_insight', { name: 'Funnel', filters: { kind: 'FunnelsQuery', series: [] } }));
  data(await call('create_insight', { name: 'Viz', filters: trendsQueryNode }));
  assert.deepEqual(
    fake.requests.map((r) => (r.body as { query: unknown }).query),
    [
      { kind: 'DataVisualizationNode', source: hogql },
      { kind: 'InsightVizNode', source: { kind: 'FunnelsQuery', series: [] } },
      trendsQueryNode,
    ],
  );
});

test('filters that cannot become a query are refused with the reason, naming filters', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('create_insight', { name: 'X', filters: { insight: 'RETENTION' } })),
    /^filters: legacy RETENTION filters are not translated/,
  );
  assert.match(
    failure(await call('create_insight', { name: 'X', filters: { date_from: '-7d' } })),
    /^filters: give the events or actions/,
  );
  assert.match(
    failure(await call('create_insight', { name: 'X', filters: { kind: 'Nonsense' } })),
    /^filters: PostHog insights cannot store a query of kind "Nonsense"/,
  );
  assert.equal(fake.requests.length, 0);
});

test('PostHog’s complaint about the query names the filters argument', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${INSIGHTS}`, {
    status: 400,
    body: {
      type: 'validation_error',
      code: 'invalid_input',
      detail: 'Unknown math type',
      attr: 'query__source__series__0__math',
    },
  });
  assert.equal(
    failure(await call('create_insight', { name: 'X', filters: { events: [{ id: 'e', math: 'bogus' }] } })),
    'PostHog refused creating insight "X" (HTTP 400): filters.source.series[0].math: Unknown math type',
  );
});

test('get_insight returns its query and its last results, cut to bounded lists', async (t) => {
  const { fake, call } = await setup(t);
  const result = [{ label: '$pageview', count: 300, data: Array.from({ length: 60 }, (_, i) => i) }];
  fake.route(`GET ${INSIGHTS}77/`, { body: insight(77, 'Signups', { result }) });
  const out = data(await call('get_insight', { insight_id: 77 }));
  const i = out.insight as Record<string, unknown>;
  assert.deepEqual(i.query, trendsQueryNode);
  assert.equal(i.result_truncated, true);
  assert.equal(((i.result as { data: unknown[] }[])[0]?.data ?? []).length, 50);
  assert.equal(out.message, 'Insight "Signups" (77, TrendsQuery).');
  assertAuth(only(fake, 'GET', `${INSIGHTS}77/`));
});

test('update_insight patches name and the query made from filters', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${INSIGHTS}77/`, { body: insight(77, 'Renamed') });
  const out = data(
    await call('update_insight', { insight_id: 77, name: 'Renamed', filters: { events: [{ id: 'e' }] } }),
  );
  assert.deepEqual(only(fake, 'PATCH', `${INSIGHTS}77/`).body, {
    name: 'Renamed',
    query: {
      kind: 'InsightVizNode',
      source: { kind: 'TrendsQuery', series: [{ kind: 'EventsNode', event: 'e', name: 'e' }] },
    },
  });
  assert.equal(out.message, 'Updated insight "Renamed" (77): name, filters.');
});

test('get_insight_sharing says the insight is not shared when sharing is off', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${INSIGHTS}77/sharing/`, { body: [sharing(false)] });
  const out = data(await call('get_insight_sharing', { insight_id: 77 }));
  assert.equal((out.sharing as { shared_url: unknown }).shared_url, null);
  assert.equal(out.message, 'Insight 77 is not shared publicly.');
  assertAuth(only(fake, 'GET', `${INSIGHTS}77/sharing/`));
});

test('insight activity follows PostHog’s next links up to limit and says when more exist', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${INSIGHTS}77/activity/`, (req) => {
    const p = Number(req.query.get('page') ?? 1);
    const next = p < 3 ? `http://${req.headers.host}${req.path}?page=${p + 1}&limit=2` : null;
    return {
      body: {
        results: [activity(`a${p}1`, 'updated'), activity(`a${p}2`, 'updated')],
        next,
        previous: null,
        total_count: 6,
      },
    };
  });
  const out = data(await call('get_insight_activity', { insight_id: 77, limit: 3 }));
  const entries = out.activity as Record<string, unknown>[];
  assert.deepEqual(
    entries.map((a) => a.id),
    ['a11', 'a12', 'a21'],
  );
  assert.equal(out.more, true);
  assert.deepEqual(entries[0]?.changes, [
    { field: 'name', action: 'changed', before: 'Old', after: 'Signups' },
  ]);
  assert.equal(entries[0]?.user, 'Ada Lovelace <ada@example.com>');
  assert.equal(fake.requests.length, 2);
  for (const req of fake.requests) assertAuth(req);
});

test('get_insights_activity reads the project’s insight history; mark_insight_viewed posts the id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${INSIGHTS}activity/`, {
    body: { results: [activity('x1', 'created')], next: null, previous: null, total_count: 1 },
  });
  fake.route(`POST ${INSIGHTS}viewed/`, { status: 201, body: {} });
  const out = data(await call('get_insights_activity'));
  assert.equal(out.more, false);
  assert.equal(out.message, '1 changes.');
  assert.deepEqual(query(only(fake, 'GET', `${INSIGHTS}activity/`)), {});
  const viewed = data(await call('mark_insight_viewed', { insight_id: 77 }));
  const req = only(fake, 'POST', `${INSIGHTS}viewed/`);
  assertAuth(req);
  assert.deepEqual(req.body, { insight_ids: [77] });
  assert.equal(viewed.viewed, true);
});
