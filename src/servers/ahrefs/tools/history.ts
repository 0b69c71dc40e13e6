import { z } from 'zod';
import {
  country,
  date,
  historyGrouping,
  mode,
  output,
  protocol,
  select,
  target,
  volumeMode,
} from '../params.js';
import { rowsOutput } from '../shapes.js';
import {
  COST_BY_COLUMNS,
  costPerPoint,
  params,
  rowsReport,
  type ToolMaker,
  type ToolTable,
  UNITS_REPORTED,
} from './common.js';

/** The most points a history returns (the latest): two years by day, decades by month. */
export const MAX_POINTS = 750;

const site = target.describe('Domain or URL to analyze, e.g. ahrefs.com');
const span = {
  date_from: date.describe('First day of the history, YYYY-MM-DD'),
  date_to: date.optional().describe('Last day of the history, YYYY-MM-DD (default today)'),
  history_grouping: historyGrouping,
};
const countryFilter = country.optional().describe('Two-letter country code, e.g. us; default all countries');

const METRICS_HISTORY = ['date', 'org_cost', 'org_traffic', 'paid_cost', 'paid_traffic'];
const KEYWORDS_HISTORY = ['date', 'top3', 'top4_10', 'top11_plus'];

type Span = {
  target: string;
  date_from: string;
  date_to?: string | undefined;
  history_grouping?: string | undefined;
};

/** The query parameters every history shares. */
const spanOf = (a: Span) => ({
  target: a.target,
  date_from: a.date_from,
  date_to: a.date_to,
  history_grouping: a.history_grouping,
});

/** Site Explorer histories: one point per day, week or month between two dates. */
export function historyTools(ahrefsTool: ToolMaker): ToolTable {
  return {
    domain_rating_history: ahrefsTool({
      description: `Domain Rating of a domain over time. ${costPerPoint(2)} ${UNITS_REPORTED}`,
      input: z.object({ target: site, ...span, output }),
      output: rowsOutput('Points { date, domain_rating }, oldest first'),
      run: (a, api) =>
        rowsReport(api, {
          path: 'site-explorer/domain-rating-history',
          key: 'domain_ratings',
          query: params(spanOf(a)),
          what: `the Domain Rating history of ${a.target}`,
          latest: MAX_POINTS,
        }),
    }),

    url_rating_history: ahrefsTool({
      description: `URL Rating (0-100) of a page over time. ${costPerPoint(2)} ${UNITS_REPORTED}`,
      input: z.object({
        target: target.describe('URL of the page, e.g. https://ahrefs.com/blog/'),
        ...span,
        output,
      }),
      output: rowsOutput('Points { date, url_rating }, oldest first'),
      run: (a, api) =>
        rowsReport(api, {
          path: 'site-explorer/url-rating-history',
          key: 'url_ratings',
          query: params(spanOf(a)),
          what: `the URL Rating history of ${a.target}`,
          latest: MAX_POINTS,
        }),
    }),

    refdomains_history: ahrefsTool({
      description: `Number of referring domains of a domain or URL over time. ${costPerPoint(6)} ${UNITS_REPORTED}`,
      input: z.object({ target: site, ...span, mode, protocol, output }),
      output: rowsOutput('Points { date, refdomains }, oldest first'),
      run: (a, api) =>
        rowsReport(api, {
          path: 'site-explorer/refdomains-history',
          key: 'refdomains',
          query: params({ ...spanOf(a), mode: a.mode, protocol: a.protocol }),
          what: `the referring domains history of ${a.target}`,
          latest: MAX_POINTS,
        }),
    }),

    pages_history: ahrefsTool({
      description:
        `Number of pages of a domain or URL ranking in the top 100 organic results over time. ${costPerPoint(2)} ` +
        UNITS_REPORTED,
      input: z.object({ target: site, ...span, mode, protocol, country: countryFilter, output }),
      output: rowsOutput('Points { date, pages }, oldest first'),
      run: (a, api) =>
        rowsReport(api, {
          path: 'site-explorer/pages-history',
          key: 'pages',
          query: params({ ...spanOf(a), mode: a.mode, protocol: a.protocol, country: a.country }),
          what: `the pages history of ${a.target}`,
          latest: MAX_POINTS,
        }),
    }),

    metrics_history: ahrefsTool({
      description:
        'Organic and paid traffic of a domain or URL over time, and its value in USD cents. Default ' +
        `columns ${METRICS_HISTORY.join(', ')}: 41 units a point (each traffic or cost column 10). ` +
        `${COST_BY_COLUMNS} ${UNITS_REPORTED}`,
      input: z.object({
        target: site,
        ...span,
        mode,
        protocol,
        country: countryFilter,
        select: select.optional().describe(`Columns, comma-separated (default ${METRICS_HISTORY.join(',')})`),
        volume_mode: volumeMode,
        output,
      }),
      output: rowsOutput('Points with the selected columns, oldest first'),
      run: (a, api) =>
        rowsReport(api, {
          path: 'site-explorer/metrics-history',
          key: 'metrics',
          query: params({
            ...spanOf(a),
            mode: a.mode,
            protocol: a.protocol,
            country: a.country,
            select: a.select,
            volume_mode: a.volume_mode,
          }),
          columns: a.select ?? METRICS_HISTORY,
          what: `the metrics history of ${a.target}`,
          latest: MAX_POINTS,
        }),
    }),

    keywords_history: ahrefsTool({
      description:
        'Number of organic keywords of a domain or URL over time, by position range (top3, top4_10, ' +
        `top11_plus; also top11_20, top21_50, top51_plus). Default columns ${KEYWORDS_HISTORY.join(', ')}. ` +
        `${costPerPoint(4, ' with the default columns')} ${UNITS_REPORTED}`,
      input: z.object({
        target: site,
        ...span,
        mode,
        protocol,
        country: countryFilter,
        select: select
          .optional()
          .describe(`Columns, comma-separated (default ${KEYWORDS_HISTORY.join(',')})`),
        output,
      }),
      output: rowsOutput('Points with the selected columns, oldest first'),
      run: (a, api) =>
        rowsReport(api, {
          path: 'site-explorer/keywords-history',
          key: 'keywords',
          query: params({
            ...spanOf(a),
            mode: a.mode,
            protocol: a.protocol,
            country: a.country,
            select: a.select,
          }),
          columns: a.select ?? KEYWORDS_HISTORY,
          what: `the keywords history of ${a.target}`,
          latest: MAX_POINTS,
        }),
    }),

    total_search_volume_history: ahrefsTool({
      description:
        'Total monthly search volume of the keywords a domain or URL ranks for (in the top 10 or top 100) ' +
        `over time. ${costPerPoint(11)} ${UNITS_REPORTED}`,
      input: z.object({
        target: site,
        ...span,
        mode,
        protocol,
        country: countryFilter,
        top_positions: z
          .enum(['top_10', 'top_100'])
          .optional()
          .describe('Count the keywords ranking in the top 10 (default) or the top 100'),
        volume_mode: volumeMode,
        output,
      }),
      output: rowsOutput('Points { date, total_search_volume }, oldest first'),
      run: (a, api) =>
        rowsReport(api, {
          path: 'site-explorer/total-search-volume-history',
          key: 'metrics',
          query: params({
            ...spanOf(a),
            mode: a.mode,
            protocol: a.protocol,
            country: a.country,
            top_positions: a.top_positions,
            volume_mode: a.volume_mode,
          }),
          what: `the total search volume history of ${a.target}`,
          latest: MAX_POINTS,
        }),
    }),
  };
}
