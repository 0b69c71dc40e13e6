import { z } from 'zod';
import { country, date, mode, output, protocol, select, target, volumeMode } from '../params.js';
import { objectOutput, rowsOutput } from '../shapes.js';
import {
  COST_BY_COLUMNS,
  costOfOneRow,
  objectReport,
  params,
  rowsReport,
  type ToolMaker,
  type ToolTable,
  UNITS_REPORTED,
} from './common.js';

const site = target.describe('Domain or URL to analyze, e.g. ahrefs.com or https://ahrefs.com/blog/');
const onDate = date.describe('Date to report on, YYYY-MM-DD');

/** Columns metrics_by_country asks for unless told: Ahrefs' own default costs 45 units a country. */
const BY_COUNTRY = ['country', 'org_keywords', 'org_traffic'];

/** Site Explorer overview: a target's ratings and totals on a date. */
export function overviewTools(ahrefsTool: ToolMaker): ToolTable {
  return {
    domain_rating: ahrefsTool({
      description:
        'Domain Rating (0-100: the strength of a domain’s backlink profile) and Ahrefs Rank (1 = strongest) ' +
        `of a domain on a date. ${costOfOneRow(2)} ${UNITS_REPORTED}`,
      input: z.object({
        target: site,
        date: onDate,
        protocol: protocol.describe(
          'Kept for guMCP compatibility: Domain Rating is one per domain, so it is not sent',
        ),
        output,
      }),
      output: objectOutput('domain_rating (0-100) and ahrefs_rank'),
      run: (a, api) =>
        objectReport(api, {
          path: 'site-explorer/domain-rating',
          key: 'domain_rating',
          query: params({ target: a.target, date: a.date }),
          what: `the Domain Rating of ${a.target}`,
        }),
    }),

    backlinks_stats: ahrefsTool({
      description:
        'Backlink totals of a domain or URL on a date: live and all-time backlinks and referring domains. ' +
        `${costOfOneRow(12)} ${UNITS_REPORTED}`,
      input: z.object({ target: site, date: onDate, mode, protocol, output }),
      output: objectOutput('live, all_time, live_refdomains, all_time_refdomains'),
      run: (a, api) =>
        objectReport(api, {
          path: 'site-explorer/backlinks-stats',
          key: 'metrics',
          query: params({ target: a.target, date: a.date, mode: a.mode, protocol: a.protocol }),
          what: `the backlink stats of ${a.target}`,
        }),
    }),

    outlinks_stats: ahrefsTool({
      description:
        'Outgoing link totals of a domain or URL now: outgoing links and linked domains, all and dofollow ' +
        `(Ahrefs marks this report beta). ${costOfOneRow(4)} ${UNITS_REPORTED}`,
      input: z.object({ target: site, mode, protocol, output }),
      output: objectOutput(
        'outgoing_links, outgoing_links_dofollow, linked_domains, linked_domains_dofollow',
      ),
      run: (a, api) =>
        objectReport(api, {
          path: 'site-explorer/outlinks-stats',
          key: 'metrics',
          query: params({ target: a.target, mode: a.mode, protocol: a.protocol }),
          what: `the outgoing link stats of ${a.target}`,
        }),
    }),

    metrics: ahrefsTool({
      description:
        'Organic and paid search metrics of a domain or URL on a date: keywords (all and in the top 3), ' +
        'estimated monthly traffic and its value in USD cents, paid keywords, pages and traffic. ' +
        `${costOfOneRow(44)} ${UNITS_REPORTED}`,
      input: z.object({
        target: site,
        date: onDate,
        mode,
        protocol,
        country: country.optional().describe('Two-letter country code, e.g. us; default all countries'),
        volume_mode: volumeMode,
        output,
      }),
      output: objectOutput(
        'org_keywords, org_keywords_1_3, org_traffic, org_cost (USD cents), paid_keywords, paid_pages, ' +
          'paid_traffic, paid_cost (USD cents)',
      ),
      run: (a, api) =>
        objectReport(api, {
          path: 'site-explorer/metrics',
          key: 'metrics',
          query: params({
            target: a.target,
            date: a.date,
            mode: a.mode,
            protocol: a.protocol,
            country: a.country,
            volume_mode: a.volume_mode,
          }),
          what: `the metrics of ${a.target}`,
        }),
    }),

    metrics_by_country: ahrefsTool({
      description:
        'Organic and paid search metrics of a domain or URL on a date, one row per country. By default ' +
        `the columns ${BY_COUNTRY.join(', ')} (12 units a country); select others such as paid_traffic, ` +
        'org_cost, paid_cost, paid_keywords, paid_pages, org_keywords_1_3 (traffic and cost columns cost ' +
        `10 units each a country). ${COST_BY_COLUMNS} ${UNITS_REPORTED}`,
      input: z.object({
        target: site,
        date: onDate,
        mode,
        protocol,
        volume_mode: volumeMode,
        select: select.optional().describe(`Columns, comma-separated (default ${BY_COUNTRY.join(',')})`),
        output,
      }),
      output: rowsOutput('One row per country with the selected columns'),
      run: (a, api) => {
        const columns = a.select ?? BY_COUNTRY;
        return rowsReport(api, {
          path: 'site-explorer/metrics-by-country',
          key: 'metrics',
          query: params({
            target: a.target,
            date: a.date,
            mode: a.mode,
            protocol: a.protocol,
            volume_mode: a.volume_mode,
            select: columns,
          }),
          columns,
          what: `the metrics by country of ${a.target}`,
        });
      },
    }),

    pages_by_traffic: ahrefsTool({
      description:
        'How the pages of a domain or URL spread over organic traffic ranges (0, 1-100, 100-1K, 1K-5K, ' +
        `5K-10K, 10K+ visits a month): pages and traffic per range, now. ${costOfOneRow(56)} ${UNITS_REPORTED}`,
      input: z.object({
        target: site,
        date: date.describe(
          'Kept for guMCP compatibility: Ahrefs reports this for the latest data only, so it is not sent',
        ),
        mode,
        protocol,
        country: country.optional().describe('Two-letter country code, e.g. us; default all countries'),
        volume_mode: volumeMode,
        output,
      }),
      output: objectOutput('rangeN_pages and rangeN_traffic per traffic range'),
      run: (a, api) =>
        objectReport(api, {
          path: 'site-explorer/pages-by-traffic',
          key: 'pages',
          query: params({
            target: a.target,
            mode: a.mode,
            protocol: a.protocol,
            country: a.country,
            volume_mode: a.volume_mode,
          }),
          what: `the pages by traffic of ${a.target}`,
        }),
    }),
  };
}
