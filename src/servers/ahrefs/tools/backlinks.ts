import { z } from 'zod';
import type { AhrefsApi } from '../api.js';
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

/** One backlink-profile report: where it is, and its default columns and order (cheap columns, 1 unit each, strongest first). */
interface Profile {
  path: string;
  key: string;
  /** What it lists, for messages: "the backlinks". */
  what: string;
  columns: readonly string[];
  order: string;
  /** How to narrow it when Ahrefs may have more rows. */
  narrow: string;
}

const BACKLINKS: Profile = {
  path: 'site-explorer/all-backlinks',
  key: 'backlinks',
  what: 'the backlinks',
  columns: ['url_from', 'url_to', 'anchor', 'domain_rating_source', 'is_dofollow', 'first_seen_link'],
  order: 'domain_rating_source:desc',
  narrow: 'narrow with where (e.g. {"field": "is_dofollow", "is": ["eq", true]})',
};
const BROKEN: Profile = {
  ...BACKLINKS,
  path: 'site-explorer/broken-backlinks',
  what: 'the broken backlinks',
  columns: ['url_from', 'url_to', 'anchor', 'domain_rating_source', 'http_code_target', 'is_dofollow'],
};
const REFDOMAINS: Profile = {
  path: 'site-explorer/refdomains',
  key: 'refdomains',
  what: 'the referring domains',
  columns: ['domain', 'domain_rating', 'links_to_target', 'dofollow_links', 'first_seen', 'last_seen'],
  order: 'domain_rating:desc',
  narrow: 'narrow with where (e.g. {"field": "domain_rating", "is": ["gte", 50]})',
};
const ANCHORS: Profile = {
  path: 'site-explorer/anchors',
  key: 'anchors',
  what: 'the anchors',
  columns: ['anchor', 'links_to_target', 'dofollow_links', 'refpages', 'first_seen', 'last_seen'],
  order: 'links_to_target:desc',
  narrow: 'narrow with where (e.g. {"field": "anchor", "is": ["isubstring", "seo"]})',
};

/** The arguments every report takes; the columns, filter and order say the report's defaults. */
const input = (p: Profile) => ({
  target: site,
  mode,
  protocol,
  limit: limit(DEFAULT_ROWS),
  date: unusedDate,
  select: select
    .optional()
    .describe(`Columns, comma-separated (default ${p.columns.join(',')}: ${p.columns.length} units a row)`),
  where,
  order_by: orderBy.describe(`Sort order, e.g. "first_seen_link:desc" (default ${p.order})`),
});

const said = (p: Profile) =>
  `Default columns ${p.columns.join(', ')}, sorted by ${p.order}; select, where and order_by change them. ` +
  `${COST_BY_COLUMNS} ${UNITS_REPORTED}`;

interface ProfileArgs {
  target: string;
  limit: number;
  date?: string | undefined;
  select?: string[] | undefined;
  order_by?: string | undefined;
  [other: string]: unknown;
}

/** Runs a report: every argument but the unused date is sent, with the report's columns and order unless given. */
const run =
  (p: Profile) =>
  ({ date: _notSent, select, order_by, ...sent }: ProfileArgs, api: AhrefsApi) => {
    const columns = select ?? p.columns;
    return rowsReport(api, {
      path: p.path,
      key: p.key,
      query: params({ ...sent, select: columns, order_by: order_by ?? p.order }),
      columns,
      limit: sent.limit,
      narrow: p.narrow,
      what: `${p.what} of ${sent.target}`,
    });
  };

/** Site Explorer backlink profile: the links pointing at a target. */
export function backlinkTools(ahrefsTool: ToolMaker): ToolTable {
  return {
    backlinks: ahrefsTool({
      description: `Backlinks pointing at a domain or URL: the linking page, target, anchor and strength. ${said(BACKLINKS)}`,
      input: z.object({ ...input(BACKLINKS), aggregation, history }),
      output: rowsOutput('Backlinks with the selected columns'),
      run: run(BACKLINKS),
    }),

    broken_backlinks: ahrefsTool({
      description:
        'Broken backlinks of a domain or URL: links from other sites to pages of it that answer 4xx or 5xx ' +
        `(link reclamation). ${said(BROKEN)}`,
      input: z.object({ ...input(BROKEN), aggregation }),
      output: rowsOutput('Broken backlinks with the selected columns'),
      run: run(BROKEN),
    }),

    refdomains: ahrefsTool({
      description: `Referring domains of a domain or URL: the domains that link to it, with their strength. ${said(REFDOMAINS)}`,
      input: z.object({ ...input(REFDOMAINS), history }),
      output: rowsOutput('Referring domains with the selected columns'),
      run: run(REFDOMAINS),
    }),

    anchors: ahrefsTool({
      description: `Anchor texts of the backlinks of a domain or URL, with link counts. ${said(ANCHORS)}`,
      input: z.object({ ...input(ANCHORS), history }),
      output: rowsOutput('Anchors with the selected columns'),
      run: run(ANCHORS),
    }),
  };
}
