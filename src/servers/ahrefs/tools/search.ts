import { z } from 'zod';
import {
  country,
  date,
  limit,
  mode,
  orderBy,
  protocol,
  select,
  target,
  volumeMode,
  where,
} from '../params.js';
import { rowsOutput } from '../shapes.js';
import { DEFAULT_ROWS } from './backlinks.js';
import {
  COST_BY_COLUMNS,
  params,
  rowsReport,
  type ToolMaker,
  type ToolTable,
  UNITS_REPORTED,
} from './common.js';

const site = target.describe('Domain or URL to analyze, e.g. ahrefs.com');
const inCountry = country.describe('Two-letter country code of the search results, e.g. us');

/** The arguments the four search reports share, `country` apart. */
const shared = (columns: string) => ({
  target: site,
  mode,
  protocol,
  limit: limit(DEFAULT_ROWS),
  date: date.describe('Date to report on, YYYY-MM-DD'),
  select: select.describe(`Columns to return, comma-separated, e.g. "${columns}"`),
  date_compared: date
    .optional()
    .describe('Earlier date to compare with (adds the *_prev and *_diff columns), YYYY-MM-DD'),
  volume_mode: volumeMode,
  where,
  order_by: orderBy,
});

type Shared = {
  target: string;
  mode?: string | undefined;
  protocol?: string | undefined;
  limit: number;
  date: string;
  select: string[];
  date_compared?: string | undefined;
  volume_mode?: string | undefined;
  where?: string | undefined;
  order_by?: string | undefined;
  country?: string | undefined;
};

/** Ahrefs' parameters for one of these reports; its rows keep the selected columns only. */
function searchReport(path: string, key: string, what: string, a: Shared) {
  return {
    path,
    key,
    query: params({
      target: a.target,
      country: a.country,
      mode: a.mode,
      protocol: a.protocol,
      limit: a.limit,
      date: a.date,
      select: a.select,
      date_compared: a.date_compared,
      volume_mode: a.volume_mode,
      where: a.where,
      order_by: a.order_by,
    }),
    columns: a.select,
    limit: a.limit,
    narrow: 'narrow with where, sorted by order_by',
    what: `${what} of ${a.target}`,
  };
}

const COST = `${COST_BY_COLUMNS} ${UNITS_REPORTED}`;

/** Site Explorer organic and paid search: what a target ranks and advertises for. */
export function searchTools(ahrefsTool: ToolMaker): ToolTable {
  return {
    organic_keywords: ahrefsTool({
      description:
        'Keywords a domain or URL ranks for in organic search in a country, with the columns you select: ' +
        'e.g. keyword, best_position, best_position_url, volume, keyword_difficulty, sum_traffic, cpc. ' +
        `Sort with order_by, e.g. "sum_traffic:desc". ${COST}`,
      input: z.object({
        ...shared('keyword,best_position,volume,sum_traffic'),
        country: inCountry,
      }),
      output: rowsOutput('Keywords with the selected columns'),
      run: (a, api) =>
        rowsReport(
          api,
          searchReport('site-explorer/organic-keywords', 'keywords', 'the organic keywords', a),
        ),
    }),

    organic_competitors: ahrefsTool({
      description:
        'Domains (or pages) competing with a target in organic search in a country, by keywords in common, ' +
        'with the columns you select: e.g. competitor_domain, keywords_common, keywords_competitor, share, ' +
        `traffic, domain_rating. ${COST}`,
      input: z.object({
        ...shared('competitor_domain,keywords_common,share,domain_rating'),
        country: inCountry,
      }),
      output: rowsOutput('Competitors with the selected columns'),
      run: (a, api) =>
        rowsReport(
          api,
          searchReport('site-explorer/organic-competitors', 'competitors', 'the organic competitors', a),
        ),
    }),

    top_pages: ahrefsTool({
      description:
        'Pages of a domain that bring the most organic traffic in a country, with the columns you select: ' +
        `e.g. url, sum_traffic, keywords, top_keyword, top_keyword_best_position, value. ${COST}`,
      input: z.object({
        ...shared('url,sum_traffic,keywords,top_keyword'),
        country: inCountry,
      }),
      output: rowsOutput('Pages with the selected columns'),
      run: (a, api) => rowsReport(api, searchReport('site-explorer/top-pages', 'pages', 'the top pages', a)),
    }),

    paid_pages: ahrefsTool({
      description:
        'Pages of a domain that paid search ads lead to, with the columns you select: e.g. url, ads_count, ' +
        `keywords, sum_traffic, value, top_keyword. ${COST}`,
      input: z.object({
        ...shared('url,ads_count,keywords,sum_traffic'),
        country: country.optional().describe('Two-letter country code, e.g. us; default all countries'),
      }),
      output: rowsOutput('Pages with the selected columns'),
      run: (a, api) =>
        rowsReport(api, searchReport('site-explorer/paid-pages', 'pages', 'the paid pages', a)),
    }),
  };
}
