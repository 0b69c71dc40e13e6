import { z } from 'zod';
import { ToolError } from '../../../core/errors.js';
import {
  country,
  date,
  keyword,
  keywordListId,
  keywords,
  limit,
  orderBy,
  output,
  select,
  target,
  where,
} from '../params.js';
import { rowsOutput } from '../shapes.js';
import { DEFAULT_ROWS } from './backlinks.js';
import {
  COST_BY_COLUMNS,
  costPerPoint,
  params,
  rowsReport,
  type ToolMaker,
  type ToolTable,
  UNITS_REPORTED,
} from './common.js';
import { MAX_POINTS } from './history.js';

const COST = `${COST_BY_COLUMNS} ${UNITS_REPORTED}`;
/** More than the countries Ahrefs has volumes for. */
const COUNTRIES_MAX = 250;
const COLUMNS =
  'keyword, volume, difficulty, cpc (USD cents), clicks, traffic_potential, global_volume, parent_topic, ' +
  'intents, serp_features';

/** The arguments the keyword-idea reports share. */
const seeds = {
  keywords: keywords.describe(
    'Seed keywords, comma-separated (or a list), e.g. "seo tools,backlink checker"',
  ),
  keyword_list_id: keywordListId,
  country: country.describe('Two-letter country code of the search engine, e.g. us'),
  select: select.describe('Columns to return, comma-separated, e.g. "keyword,volume,difficulty"'),
  limit: limit(DEFAULT_ROWS),
  where,
  order_by: orderBy,
  output,
};

interface Seeds {
  keywords?: string[] | undefined;
  keyword_list_id?: number | undefined;
}

/** The seeds named in messages: the first few keywords, or the list. */
function seedsOf(a: Seeds): string {
  if (a.keywords?.length) {
    const shown = a.keywords.slice(0, 3).join(', ');
    return `"${shown}${a.keywords.length > 3 ? ', …' : ''}"`;
  }
  return `keyword list ${a.keyword_list_id}`;
}

/** The keyword-idea reports need seed keywords, given one way or the other. */
function needSeeds(a: Seeds): void {
  if (!a.keywords?.length && a.keyword_list_id === undefined) {
    throw new ToolError(
      'Invalid arguments: give keywords (seed keywords, comma-separated) or keyword_list_id',
    );
  }
}

/** Keywords Explorer: metrics of keywords, and keyword ideas from seeds. */
export function keywordTools(ahrefsTool: ToolMaker): ToolTable {
  return {
    keywords_overview: ahrefsTool({
      description:
        `Metrics of keywords in a country, with the columns you select: ${COLUMNS}. Name the keywords, a ` +
        'saved keyword list, or a target whose ranking keywords to show (with target_position). ' +
        COST,
      input: z.object({
        ...seeds,
        keywords: seeds.keywords.describe('Keywords, comma-separated (or a list), e.g. "seo,backlinks"'),
        target: target.optional().describe('Show the keywords this domain or URL ranks for'),
        target_mode: z
          .enum(['exact', 'prefix', 'domain', 'subdomains'])
          .optional()
          .describe('Scope of target: exact, prefix, domain or subdomains'),
        target_position: z
          .enum(['in_top10', 'in_top100'])
          .optional()
          .describe('Only keywords for which target ranks in the top 10 or the top 100'),
      }),
      output: rowsOutput('Keywords with the selected columns'),
      run: (a, api) => {
        if (!a.keywords?.length && a.keyword_list_id === undefined && !a.target) {
          throw new ToolError('Invalid arguments: give keywords, keyword_list_id or target');
        }
        if (!a.target && (a.target_mode || a.target_position)) {
          throw new ToolError(
            `Invalid arguments: ${a.target_mode ? 'target_mode' : 'target_position'} needs target`,
          );
        }
        return rowsReport(api, {
          path: 'keywords-explorer/overview',
          key: 'keywords',
          query: params({
            keywords: a.keywords,
            keyword_list_id: a.keyword_list_id,
            country: a.country,
            select: a.select,
            target: a.target,
            mode: a.target_mode,
            target_position: a.target_position,
            limit: a.limit,
            where: a.where,
            order_by: a.order_by,
          }),
          renames: { mode: 'target_mode' },
          columns: a.select,
          limit: a.limit,
          narrow: 'narrow with where',
          what: `the Keywords Explorer overview of ${a.keywords?.length || a.keyword_list_id !== undefined ? seedsOf(a) : a.target}`,
        });
      },
    }),

    volume_history: ahrefsTool({
      description: `Monthly search volume of a keyword in a country over time. ${costPerPoint(2)} ${UNITS_REPORTED}`,
      input: z.object({
        keyword: keyword.describe('The keyword, e.g. "seo tools"'),
        country: country.describe('Two-letter country code, e.g. us'),
        date_from: date.optional().describe('First month, YYYY-MM-DD (default: all Ahrefs has)'),
        date_to: date.optional().describe('Last month, YYYY-MM-DD (default: the latest)'),
        output,
      }),
      output: rowsOutput('Points { date, volume }, oldest first'),
      run: (a, api) =>
        rowsReport(api, {
          path: 'keywords-explorer/volume-history',
          key: 'metrics',
          query: params({
            keyword: a.keyword,
            country: a.country,
            date_from: a.date_from,
            date_to: a.date_to,
          }),
          what: `the volume history of "${a.keyword}"`,
          latest: MAX_POINTS,
        }),
    }),

    volume_by_country: ahrefsTool({
      description:
        'Monthly search volume of a keyword in each country, highest first. ' +
        `Cost: max(50, countries × 11) API units from the monthly quota. ${UNITS_REPORTED}`,
      input: z.object({
        keyword: keyword.describe('The keyword, e.g. "seo tools"'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(COUNTRIES_MAX)
          .default(20)
          .describe(`Most countries to return (1-${COUNTRIES_MAX}, default 20)`),
        output,
      }),
      output: rowsOutput('Countries { country, volume }'),
      run: (a, api) =>
        rowsReport(api, {
          path: 'keywords-explorer/volume-by-country',
          key: 'countries',
          query: params({ keyword: a.keyword, limit: a.limit }),
          limit: a.limit,
          maxLimit: COUNTRIES_MAX,
          what: `the volume by country of "${a.keyword}"`,
        }),
    }),

    matching_terms: ahrefsTool({
      description:
        'Keyword ideas that contain the seed keywords (in any order, or as a phrase), optionally only ' +
        `questions, with the columns you select: ${COLUMNS}. ${COST}`,
      input: z.object({
        ...seeds,
        match_mode: z
          .enum(['terms', 'phrase'])
          .optional()
          .describe('terms: the seed words in any order (default); phrase: in the order written'),
        terms: z.enum(['all', 'questions']).optional().describe('All ideas (default) or only questions'),
      }),
      output: rowsOutput('Keyword ideas with the selected columns'),
      run: (a, api) => {
        needSeeds(a);
        return rowsReport(
          api,
          ideas('keywords-explorer/matching-terms', `the matching terms of ${seedsOf(a)}`, a, {
            match_mode: a.match_mode,
            terms: a.terms,
          }),
        );
      },
    }),

    related_terms: ahrefsTool({
      description:
        'Keyword ideas related to the seed keywords: what the top-ranking pages also rank for, or also talk ' +
        `about, with the columns you select: ${COLUMNS}. ${COST}`,
      input: z.object({
        ...seeds,
        view_for: z
          .enum(['top_10', 'top_100'])
          .optional()
          .describe('Look at the top 10 (default) or the top 100 ranking pages'),
        terms: z
          .enum(['also_rank_for', 'also_talk_about', 'all'])
          .optional()
          .describe('Keywords the top pages also rank for, also talk about, or both (default all)'),
      }),
      output: rowsOutput('Keyword ideas with the selected columns'),
      run: (a, api) => {
        needSeeds(a);
        return rowsReport(
          api,
          ideas('keywords-explorer/related-terms', `the related terms of ${seedsOf(a)}`, a, {
            view_for: a.view_for,
            terms: a.terms,
          }),
        );
      },
    }),

    search_suggestions: ahrefsTool({
      description:
        'Search suggestions (autocomplete) for the seed keywords, with the columns you select: ' +
        `${COLUMNS}. ${COST}`,
      input: z.object(seeds),
      output: rowsOutput('Suggestions with the selected columns'),
      run: (a, api) => {
        needSeeds(a);
        return rowsReport(
          api,
          ideas('keywords-explorer/search-suggestions', `the search suggestions of ${seedsOf(a)}`, a, {}),
        );
      },
    }),
  };
}

interface Ideas extends Seeds {
  country: string;
  select: string[];
  limit: number;
  where?: string | undefined;
  order_by?: string | undefined;
}

/** A keyword-idea report: the seeds, the columns and the report's own options. */
function ideas(path: string, what: string, a: Ideas, own: Record<string, string | undefined>) {
  return {
    path,
    key: 'keywords',
    query: params({
      keywords: a.keywords,
      keyword_list_id: a.keyword_list_id,
      country: a.country,
      select: a.select,
      ...own,
      limit: a.limit,
      where: a.where,
      order_by: a.order_by,
    }),
    columns: a.select,
    limit: a.limit,
    narrow: 'narrow with where (e.g. {"field": "volume", "is": ["gte", 100]})',
    what,
  };
}
