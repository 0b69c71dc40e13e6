import { z } from 'zod';
import { history, limit, mode, orderBy, protocol, select, target, where } from '../params.js';
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

const COST = `${COST_BY_COLUMNS} ${UNITS_REPORTED}`;

/** The arguments these reports share. */
const shared = (example: string) => ({
  target: target.describe('Domain or URL to analyze, e.g. ahrefs.com'),
  select: select.describe(`Columns to return, comma-separated, e.g. "${example}"`),
  mode,
  protocol,
  limit: limit(DEFAULT_ROWS),
  where,
  order_by: orderBy,
});

interface Shared {
  target: string;
  select: string[];
  mode?: string | undefined;
  protocol?: string | undefined;
  limit: number;
  where?: string | undefined;
  order_by?: string | undefined;
  history?: string | undefined;
}

/** Ahrefs' parameters for one of these reports; its rows keep the selected columns only. */
function linksReport(path: string, key: string, what: string, a: Shared) {
  return {
    path,
    key,
    query: params({
      target: a.target,
      select: a.select,
      history: a.history,
      mode: a.mode,
      protocol: a.protocol,
      limit: a.limit,
      where: a.where,
      order_by: a.order_by,
    }),
    columns: a.select,
    limit: a.limit,
    narrow: 'narrow with where, sorted by order_by',
    what: `${what} of ${a.target}`,
  };
}

/** Site Explorer pages by links, and outgoing links: which pages attract links, and where a site links to. */
export function linkTools(ahrefsTool: ToolMaker): ToolTable {
  return {
    best_by_external_links: ahrefsTool({
      description:
        'Pages of a domain with the most backlinks from other sites (Ahrefs’ "pages by backlinks", formerly ' +
        '"best by links"), with the columns you select: e.g. url_to, title_target, refdomains_target, ' +
        `links_to_target, dofollow_to_target. Sort with order_by, e.g. "refdomains_target:desc". ${COST}`,
      input: z.object({ ...shared('url_to,title_target,refdomains_target,links_to_target'), history }),
      output: rowsOutput('Pages with the selected columns'),
      run: (a, api) =>
        rowsReport(
          api,
          linksReport('site-explorer/pages-by-backlinks', 'pages', 'the pages by backlinks', a),
        ),
    }),

    best_by_internal_links: ahrefsTool({
      description:
        'Pages of a domain with the most links from its own pages (Ahrefs’ "pages by internal links"), with ' +
        `the columns you select: e.g. url_to, title_target, links_to_target, dofollow_to_target. ${COST}`,
      input: z.object(shared('url_to,title_target,links_to_target')),
      output: rowsOutput('Pages with the selected columns'),
      run: (a, api) =>
        rowsReport(
          api,
          linksReport('site-explorer/pages-by-internal-links', 'pages', 'the pages by internal links', a),
        ),
    }),

    linked_domains: ahrefsTool({
      description:
        'Domains a domain or URL links to, with the columns you select: e.g. domain, domain_rating, ' +
        `links_from_target, linked_pages, dofollow_links, first_seen. ${COST}`,
      input: z.object(shared('domain,domain_rating,links_from_target,linked_pages')),
      output: rowsOutput('Linked domains with the selected columns'),
      run: (a, api) =>
        rowsReport(api, linksReport('site-explorer/linkeddomains', 'linkeddomains', 'the linked domains', a)),
    }),

    outgoing_external_anchors: ahrefsTool({
      description:
        'Anchor texts of the links a domain or URL makes to other sites, with the columns you select: e.g. ' +
        `anchor, links_from_target, linked_domains, linked_pages, dofollow_links. ${COST}`,
      input: z.object(shared('anchor,links_from_target,linked_domains')),
      output: rowsOutput('Anchors with the selected columns'),
      run: (a, api) =>
        rowsReport(
          api,
          linksReport(
            'site-explorer/linked-anchors-external',
            'linkedanchors',
            'the outgoing external anchors',
            a,
          ),
        ),
    }),

    outgoing_internal_anchors: ahrefsTool({
      description:
        'Anchor texts of the links a domain or URL makes to its own pages, with the columns you select: e.g. ' +
        `anchor, links_from_target, linked_pages, dofollow_links. ${COST}`,
      input: z.object(shared('anchor,links_from_target,linked_pages')),
      output: rowsOutput('Anchors with the selected columns'),
      run: (a, api) =>
        rowsReport(
          api,
          linksReport(
            'site-explorer/linked-anchors-internal',
            'linkedanchors',
            'the outgoing internal anchors',
            a,
          ),
        ),
    }),
  };
}
