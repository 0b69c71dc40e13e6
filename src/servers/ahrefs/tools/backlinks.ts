import { z } from 'zod';
import { date, history, limit, mode, orderBy, protocol, select, target, where } from '../params.js';
import { rowsOutput } from '../shapes.js';
import {
  COST_BY_COLUMNS,
  params,
  rowsReport,
  type ToolMaker,
  type ToolTable,
  UNITS_REPORTED,
} from './common.js';

/** Rows a list returns unless told. */
export const DEFAULT_ROWS = 50;

const site = target.describe('Domain or URL whose backlinks to list, e.g. ahrefs.com');
/** guMCP required `date`, which these reports do not take: they list links as Ahrefs knows them now. */
const unusedDate = date.describe(
  'Kept for guMCP compatibility: these reports list links as Ahrefs knows them now (use history for ' +
    'lost ones), so it is not sent',
);
const aggregation = z
  .enum(['similar_links', '1_per_domain', 'all'])
  .optional()
  .describe('Group similar links (default), keep one link per referring domain, or list all');

/** A report's default columns and order: cheap columns (1 unit each), strongest first. */
interface Defaults {
  columns: readonly string[];
  order: string;
}

const BACKLINKS: Defaults = {
  columns: ['url_from', 'url_to', 'anchor', 'domain_rating_source', 'is_dofollow', 'first_seen_link'],
  order: 'domain_rating_source:desc',
};
const BROKEN: Defaults = {
  columns: ['url_from', 'url_to', 'anchor', 'domain_rating_source', 'http_code_target', 'is_dofollow'],
  order: 'domain_rating_source:desc',
};
const REFDOMAINS: Defaults = {
  columns: ['domain', 'domain_rating', 'links_to_target', 'dofollow_links', 'first_seen', 'last_seen'],
  order: 'domain_rating:desc',
};
const ANCHORS: Defaults = {
  columns: ['anchor', 'links_to_target', 'dofollow_links', 'refpages', 'first_seen', 'last_seen'],
  order: 'links_to_target:desc',
};

/** The columns, filter and order these reports add to guMCP's parameters. */
const shaping = (d: Defaults) => ({
  select: select
    .optional()
    .describe(`Columns, comma-separated (default ${d.columns.join(',')}: ${d.columns.length} units a row)`),
  where,
  order_by: orderBy.describe(`Sort order, e.g. "first_seen_link:desc" (default ${d.order})`),
});

const said = (d: Defaults) =>
  `Default columns ${d.columns.join(', ')}, sorted by ${d.order}; select, where and order_by change them. ` +
  `${COST_BY_COLUMNS} ${UNITS_REPORTED}`;

const NARROW = 'narrow with where (e.g. {"field": "is_dofollow", "is": ["eq", true]})';

/** Site Explorer backlink profile: the links pointing at a target. */
export function backlinkTools(ahrefsTool: ToolMaker): ToolTable {
  return {
    backlinks: ahrefsTool({
      description: `Backlinks pointing at a domain or URL: the linking page, target, anchor and strength. ${said(BACKLINKS)}`,
      input: z.object({
        target: site,
        mode,
        protocol,
        limit: limit(DEFAULT_ROWS),
        date: unusedDate,
        aggregation,
        history,
        ...shaping(BACKLINKS),
      }),
      output: rowsOutput('Backlinks with the selected columns'),
      run: (a, api) => {
        const columns = a.select ?? BACKLINKS.columns;
        return rowsReport(api, {
          path: 'site-explorer/all-backlinks',
          key: 'backlinks',
          query: params({
            target: a.target,
            mode: a.mode,
            protocol: a.protocol,
            limit: a.limit,
            aggregation: a.aggregation,
            history: a.history,
            select: columns,
            where: a.where,
            order_by: a.order_by ?? BACKLINKS.order,
          }),
          columns,
          limit: a.limit,
          narrow: NARROW,
          what: `the backlinks of ${a.target}`,
        });
      },
    }),

    broken_backlinks: ahrefsTool({
      description:
        'Broken backlinks of a domain or URL: links from other sites to pages of it that answer 4xx or 5xx ' +
        `(link reclamation). ${said(BROKEN)}`,
      input: z.object({
        target: site,
        mode,
        protocol,
        limit: limit(DEFAULT_ROWS),
        date: unusedDate,
        aggregation,
        ...shaping(BROKEN),
      }),
      output: rowsOutput('Broken backlinks with the selected columns'),
      run: (a, api) => {
        const columns = a.select ?? BROKEN.columns;
        return rowsReport(api, {
          path: 'site-explorer/broken-backlinks',
          key: 'backlinks',
          query: params({
            target: a.target,
            mode: a.mode,
            protocol: a.protocol,
            limit: a.limit,
            aggregation: a.aggregation,
            select: columns,
            where: a.where,
            order_by: a.order_by ?? BROKEN.order,
          }),
          columns,
          limit: a.limit,
          narrow: NARROW,
          what: `the broken backlinks of ${a.target}`,
        });
      },
    }),

    refdomains: ahrefsTool({
      description: `Referring domains of a domain or URL: the domains that link to it, with their strength. ${said(REFDOMAINS)}`,
      input: z.object({
        target: site,
        mode,
        protocol,
        limit: limit(DEFAULT_ROWS),
        date: unusedDate,
        history,
        ...shaping(REFDOMAINS),
      }),
      output: rowsOutput('Referring domains with the selected columns'),
      run: (a, api) => {
        const columns = a.select ?? REFDOMAINS.columns;
        return rowsReport(api, {
          path: 'site-explorer/refdomains',
          key: 'refdomains',
          query: params({
            target: a.target,
            mode: a.mode,
            protocol: a.protocol,
            limit: a.limit,
            history: a.history,
            select: columns,
            where: a.where,
            order_by: a.order_by ?? REFDOMAINS.order,
          }),
          columns,
          limit: a.limit,
          narrow: 'narrow with where (e.g. {"field": "domain_rating", "is": ["gte", 50]})',
          what: `the referring domains of ${a.target}`,
        });
      },
    }),

    anchors: ahrefsTool({
      description: `Anchor texts of the backlinks of a domain or URL, with link counts. ${said(ANCHORS)}`,
      input: z.object({
        target: site,
        mode,
        protocol,
        limit: limit(DEFAULT_ROWS),
        date: unusedDate,
        history,
        ...shaping(ANCHORS),
      }),
      output: rowsOutput('Anchors with the selected columns'),
      run: (a, api) => {
        const columns = a.select ?? ANCHORS.columns;
        return rowsReport(api, {
          path: 'site-explorer/anchors',
          key: 'anchors',
          query: params({
            target: a.target,
            mode: a.mode,
            protocol: a.protocol,
            limit: a.limit,
            history: a.history,
            select: columns,
            where: a.where,
            order_by: a.order_by ?? ANCHORS.order,
          }),
          columns,
          limit: a.limit,
          narrow: 'narrow with where (e.g. {"field": "anchor", "is": ["isubstring", "seo"]})',
          what: `the anchors of ${a.target}`,
        });
      },
    }),
  };
}
