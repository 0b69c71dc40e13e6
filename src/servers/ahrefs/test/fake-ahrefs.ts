import type { FakeReply, FakeRoute, RecordedRequest } from '../../../testing/fake-service.js';

/**
 * Ahrefs API v3 as its OpenAPI description (docs.ahrefs.com/openapi.json, version 3.0.0) gives it:
 * every report a GET under /v3 answering `{ <key>: object }` or `{ <key>: [rows] }`, a row holding the
 * columns asked for in `select`, at most `limit` of them; every error `{ "error": "<message>" }`.
 * Answers carry the unit headers Ahrefs documents under "Limits and consumption" (x-api-rows,
 * x-api-units-cost-row, x-api-units-cost-total, x-api-units-cost-total-actual, x-api-cache).
 * Error messages: "Insufficient plan" and "API units limit reached. Expected usage: 50, API units left:
 * 0." are ones Ahrefs was seen to send; Ahrefs documents no other wording, so the rest are stand-ins
 * with its shape.
 */

export const BASE = '/v3';

export const error = (status: number, message: string, headers: Record<string, string> = {}): FakeReply => ({
  status,
  headers,
  body: { error: message },
});

export const unauthorized = error(401, 'Invalid API key');
export const insufficientPlan = error(403, 'Insufficient plan');
export const unitsUsedUp = error(403, 'API units limit reached. Expected usage: 50, API units left: 0.');
export const rateLimited = error(429, 'Too many requests');
export const serverError = error(500, 'Internal server error');

/** The unit headers of an answer of `rows` rows costing `perRow` units each. */
export function unitHeaders(rows: number, perRow: number, cache = 'miss'): Record<string, string> {
  const total = Math.max(50, rows * perRow);
  return {
    'x-api-rows': String(rows),
    'x-api-units-cost-row': String(perRow),
    'x-api-units-cost-total': String(total),
    'x-api-units-cost-total-actual': String(cache === 'hit' ? 0 : total),
    'x-api-cache': cache,
  };
}

/** An answer of one object under `key`. */
export const single = (key: string, data: Record<string, unknown>, perRow = 2): FakeReply => ({
  body: { [key]: data },
  headers: unitHeaders(1, perRow),
});

/** An answer of rows under `key`, as they are (histories, which take no select or limit). */
export const series = (key: string, rows: Record<string, unknown>[], perRow = 2): FakeReply => ({
  body: { [key]: rows },
  headers: unitHeaders(rows.length, perRow),
});

/**
 * A report that answers like Ahrefs: of `all` rows, the first `limit` (1000 when not given), each with
 * only the columns of `select` (every column when not given).
 */
export function report(key: string, all: Record<string, unknown>[]): FakeRoute {
  return (req: RecordedRequest) => {
    const columns = req.query.get('select')?.split(',');
    const limit = Number(req.query.get('limit') ?? 1000);
    const rows = all
      .slice(0, limit)
      .map((row) =>
        columns ? Object.fromEntries(columns.filter((c) => c in row).map((c) => [c, row[c]])) : row,
      );
    return { body: { [key]: rows }, headers: unitHeaders(rows.length, columns?.length ?? 1) };
  };
}

export const limitsAndUsage = {
  limits_and_usage: {
    subscription: 'Enterprise, billed yearly',
    usage_reset_date: '2025-07-01T00:00:00Z',
    units_limit_workspace: 2_000_000,
    units_usage_workspace: 2_000_000,
    units_limit_api_key: null,
    units_usage_api_key: 150_000,
    api_key_expiration_date: '2026-01-15T00:00:00Z',
  },
};

// Rows of each report, with the columns (and types) of Ahrefs' answer schemas.

export const backlink = (i: number) => ({
  url_from: `https://blog${i}.example/post`,
  url_to: 'https://ahrefs.com/',
  anchor: `anchor ${i}`,
  domain_rating_source: 90 - i,
  is_dofollow: i % 2 === 0,
  first_seen_link: '2024-05-17T18:21:47Z',
  last_seen: null,
  http_code: 200,
  traffic: 1000 * i,
  title: `Post ${i}`,
});

export const brokenBacklink = (i: number) => ({
  url_from: `https://old${i}.example/page`,
  url_to: `https://ahrefs.com/gone-${i}`,
  anchor: `gone ${i}`,
  domain_rating_source: 80 - i,
  http_code_target: 404,
  is_dofollow: true,
  traffic: 10,
});

export const refdomain = (i: number) => ({
  domain: `site${i}.example`,
  domain_rating: 85 - i,
  links_to_target: 10 + i,
  dofollow_links: 5 + i,
  first_seen: '2023-04-28T02:53:50Z',
  last_seen: null,
  traffic_domain: 12_500,
});

export const anchor = (i: number) => ({
  anchor: `seo tools ${i}`,
  links_to_target: 42 - i,
  dofollow_links: 28,
  refpages: 30,
  first_seen: '2022-11-06T00:33:24Z',
  last_seen: '2023-10-19T07:55:08Z',
  refdomains: 35,
});

export const organicKeyword = (i: number) => ({
  keyword: `keyword ${i}`,
  best_position: i + 1,
  volume: 10_000 - i,
  sum_traffic: 500 - i,
  keyword_difficulty: 40,
  cpc: 120,
});

export const competitor = (i: number) => ({
  competitor_domain: `rival${i}.example`,
  keywords_common: 1200 - i,
  share: 0.25,
  domain_rating: 70,
  traffic: 250_000,
});

export const page = (i: number) => ({
  url: `https://ahrefs.com/page-${i}`,
  sum_traffic: 15_000 - i,
  keywords: 350,
  top_keyword: `top ${i}`,
  value: 990,
  ads_count: 4,
});

export const linkedPage = (i: number) => ({
  url_to: `https://ahrefs.com/tool-${i}`,
  title_target: `Tool ${i}`,
  refdomains_target: 900 - i,
  links_to_target: 249_035 - i,
  dofollow_to_target: 120_000,
});

export const linkedDomain = (i: number) => ({
  domain: `linked${i}.example`,
  domain_rating: 83,
  links_from_target: 24,
  linked_pages: 45,
  dofollow_links: 12,
});

export const linkedAnchor = (i: number) => ({
  anchor: `anchor ${i}`,
  links_from_target: 24,
  linked_domains: 8,
  linked_pages: 15,
  dofollow_links: 12,
});

export const keywordIdea = (i: number) => ({
  keyword: `word count ${i}`,
  volume: 192_000 - i,
  difficulty: 84,
  cpc: 50,
  traffic_potential: 300_000,
});

export const rows = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i));
