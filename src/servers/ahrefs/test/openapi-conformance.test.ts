import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply, FakeRoute, RecordedRequest } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import { createAhrefsServer } from '../index.js';
import {
  anchor,
  backlink,
  brokenBacklink,
  competitor,
  keywordIdea,
  limitsAndUsage,
  linkedAnchor,
  linkedDomain,
  linkedPage,
  organicKeyword,
  page,
  refdomain,
  report,
  rows,
  series,
  single,
} from './fake-ahrefs.js';
import { data, fast, KEY, setup } from './harness.js';

/**
 * Checks the fake and the client against Ahrefs' OpenAPI description, so they cannot drift apart
 * together: every request the tools make (method, path, query keys) must be an operation of the
 * description with its required parameters, and every answer the fake gives must validate against
 * that operation's 200 schema.
 *
 * Ahrefs publishes the description at docs.ahrefs.com/openapi.json (no npm package carries it): point
 * AHREFS_OPENAPI_SPEC at a copy to run this test; without it the test is skipped.
 */

const DATE = '2025-03-01';
const SPAN = { date_from: '2024-01-01', date_to: '2024-12-31', history_grouping: 'monthly' };
const site = { target: 'ahrefs.com', mode: 'domain', protocol: 'both' };
const point = (extra: Record<string, unknown>) => [{ date: '2024-01-01', ...extra }];

/** The fake's route of each path under /v3/, answering in the documented shapes. */
const ROUTES: Record<string, FakeRoute | FakeReply> = {
  'site-explorer/domain-rating': single('domain_rating', { domain_rating: 91.0, ahrefs_rank: 5 }),
  'site-explorer/backlinks-stats': single('metrics', {
    live: 1428,
    all_time: 707_927,
    live_refdomains: 155,
    all_time_refdomains: 2010,
  }),
  'site-explorer/outlinks-stats': single('metrics', {
    outgoing_links: 7,
    outgoing_links_dofollow: 4,
    linked_domains: 3,
    linked_domains_dofollow: 2,
  }),
  'site-explorer/metrics': single('metrics', {
    org_keywords: 1794,
    org_keywords_1_3: 256,
    org_traffic: 116_565,
    org_cost: null,
    paid_keywords: 0,
    paid_pages: 0,
    paid_traffic: 0,
    paid_cost: null,
  }),
  'site-explorer/metrics-by-country': series('metrics', [
    { country: 'US', org_keywords: 900, org_traffic: 8000 },
  ]),
  'site-explorer/pages-by-traffic': single('pages', {
    range0_pages: 13_387,
    range100_pages: 5446,
    range100_traffic: 82_943,
  }),
  'site-explorer/domain-rating-history': series('domain_ratings', point({ domain_rating: 47.0 })),
  'site-explorer/url-rating-history': series('url_ratings', point({ url_rating: 55.0 })),
  'site-explorer/refdomains-history': series('refdomains', point({ refdomains: 48_424 })),
  'site-explorer/pages-history': series('pages', point({ pages: 1 })),
  'site-explorer/metrics-history': series(
    'metrics',
    point({ org_cost: 1, org_traffic: 2, paid_cost: 3, paid_traffic: 4 }),
  ),
  'site-explorer/keywords-history': series('keywords', point({ top3: 284, top4_10: 307, top11_plus: 674 })),
  'site-explorer/total-search-volume-history': series('metrics', point({ total_search_volume: 4_313_912 })),
  'site-explorer/all-backlinks': report('backlinks', rows(2, backlink)),
  'site-explorer/broken-backlinks': report('backlinks', rows(2, brokenBacklink)),
  'site-explorer/refdomains': report('refdomains', rows(2, refdomain)),
  'site-explorer/anchors': report('anchors', rows(2, anchor)),
  'site-explorer/organic-keywords': report('keywords', rows(2, organicKeyword)),
  'site-explorer/organic-competitors': report('competitors', rows(2, competitor)),
  'site-explorer/top-pages': report('pages', rows(2, page)),
  'site-explorer/paid-pages': report('pages', rows(2, page)),
  'site-explorer/pages-by-backlinks': report('pages', rows(2, linkedPage)),
  'site-explorer/pages-by-internal-links': report('pages', rows(2, linkedPage)),
  'site-explorer/linkeddomains': report('linkeddomains', rows(2, linkedDomain)),
  'site-explorer/linked-anchors-external': report('linkedanchors', rows(2, linkedAnchor)),
  'site-explorer/linked-anchors-internal': report('linkedanchors', rows(2, linkedAnchor)),
  'keywords-explorer/overview': report('keywords', rows(2, keywordIdea)),
  'keywords-explorer/volume-history': series('metrics', point({ volume: 192_000 })),
  'keywords-explorer/volume-by-country': series('countries', [{ country: 'us', volume: 192_000 }]),
  'keywords-explorer/matching-terms': report('keywords', rows(2, keywordIdea)),
  'keywords-explorer/related-terms': report('keywords', rows(2, keywordIdea)),
  'keywords-explorer/search-suggestions': report('keywords', rows(2, keywordIdea)),
  'subscription-info/limits-and-usage': { body: limitsAndUsage },
};

const where = '{"field": "domain_rating", "is": ["gte", 10]}';
const listed = { ...site, limit: 2, where };
const ideas = {
  keywords: 'word count',
  country: 'us',
  select: 'keyword,volume,difficulty',
  limit: 2,
  where: '{"field": "volume", "is": ["gt", 10]}',
  order_by: 'volume:desc',
};

/** Every tool, with every parameter it sends where the description allows it. */
const CALLS: [string, Record<string, unknown>][] = [
  ['domain_rating', { target: 'ahrefs.com', date: DATE }],
  ['backlinks_stats', { ...site, date: DATE }],
  ['outlinks_stats', site],
  ['metrics', { ...site, date: DATE, country: 'us', volume_mode: 'monthly' }],
  ['metrics_by_country', { ...site, date: DATE, volume_mode: 'average' }],
  ['pages_by_traffic', { ...site, date: DATE, country: 'us', volume_mode: 'monthly' }],
  ['domain_rating_history', { target: 'ahrefs.com', ...SPAN }],
  ['url_rating_history', { target: 'https://ahrefs.com/blog/', ...SPAN }],
  ['refdomains_history', { ...site, ...SPAN }],
  ['pages_history', { ...site, ...SPAN, country: 'us' }],
  [
    'metrics_history',
    { ...site, ...SPAN, country: 'us', volume_mode: 'monthly', select: 'date,org_traffic' },
  ],
  ['keywords_history', { ...site, ...SPAN, country: 'us', select: 'date,top3' }],
  [
    'total_search_volume_history',
    { ...site, ...SPAN, country: 'us', top_positions: 'top_100', volume_mode: 'monthly' },
  ],
  [
    'backlinks',
    {
      ...site,
      date: DATE,
      limit: 2,
      aggregation: 'all',
      history: 'live',
      where: '{"field": "is_dofollow", "is": ["eq", true]}',
    },
  ],
  ['broken_backlinks', { ...site, date: DATE, limit: 2, aggregation: '1_per_domain' }],
  ['refdomains', { ...listed, date: DATE, history: 'since:2024-01-01' }],
  ['anchors', { ...site, date: DATE, limit: 2, history: 'all_time' }],
  [
    'organic_keywords',
    {
      ...site,
      country: 'us',
      date: DATE,
      date_compared: '2025-01-01',
      select: 'keyword,volume',
      volume_mode: 'monthly',
      limit: 2,
      order_by: 'volume:desc',
    },
  ],
  [
    'organic_competitors',
    { ...site, country: 'us', date: DATE, select: 'competitor_domain,share', limit: 2 },
  ],
  [
    'top_pages',
    { ...site, country: 'us', date: DATE, select: 'url,sum_traffic', limit: 2, order_by: 'sum_traffic:desc' },
  ],
  ['paid_pages', { ...site, country: 'us', date: DATE, select: 'url,ads_count', limit: 2 }],
  ['best_by_external_links', { ...site, select: 'url_to,refdomains_target', history: 'live', limit: 2 }],
  ['best_by_internal_links', { ...site, select: 'url_to,links_to_target', limit: 2 }],
  ['linked_domains', { ...listed, select: 'domain,domain_rating' }],
  ['outgoing_external_anchors', { ...site, select: 'anchor,linked_domains', limit: 2 }],
  ['outgoing_internal_anchors', { ...site, select: 'anchor,linked_pages', limit: 2 }],
  [
    'keywords_overview',
    { ...ideas, target: 'ahrefs.com', target_mode: 'domain', target_position: 'in_top100' },
  ],
  ['keywords_overview', { keyword_list_id: 7, country: 'us', select: 'keyword' }],
  [
    'volume_history',
    { keyword: 'word count', country: 'us', date_from: '2024-01-01', date_to: '2024-12-31' },
  ],
  ['volume_by_country', { keyword: 'word count', limit: 5 }],
  ['matching_terms', { ...ideas, match_mode: 'phrase', terms: 'questions' }],
  ['related_terms', { ...ideas, view_for: 'top_100', terms: 'also_rank_for' }],
  ['search_suggestions', ideas],
];

test("every request the tools make, and every answer of the fake, fits Ahrefs' OpenAPI description", async (t) => {
  const file = process.env.AHREFS_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('AHREFS_OPENAPI_SPEC names no copy of docs.ahrefs.com/openapi.json');
    return;
  }
  const spec = await OpenApiCheck.load(file);
  const { fake, call } = await setup(t);
  const answers = new Map<RecordedRequest, FakeReply>();
  for (const [path, route] of Object.entries(ROUTES)) {
    fake.route(`GET /v3/${path}`, async (req) => {
      const reply = typeof route === 'function' ? await route(req) : route;
      answers.set(req, reply);
      return reply;
    });
  }

  for (const [name, args] of CALLS) data(await call(name, args));
  const server = createAhrefsServer(fast([]));
  if (server.auth.kind === 'api_key') await server.auth.verify?.({ api_key: KEY });

  const used = new Set<string>();
  for (const req of fake.requests) {
    used.add(spec.assertRequest(req));
    const answer = answers.get(req) ?? assert.fail(`no answer recorded for ${req.path}`);
    spec.assertAnswer(req.method, req.path, answer.status ?? 200, answer.body);
  }
  assert.deepEqual(
    [...used].sort(),
    Object.keys(ROUTES)
      .map((p) => `GET /${p}`)
      .sort(),
    'the tools use every route of the fake',
  );
});
