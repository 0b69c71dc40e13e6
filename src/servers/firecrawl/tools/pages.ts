import { z } from 'zod';
import { reads } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import type { ApiFactory } from '../api.js';
import {
  defined,
  jobId,
  maxChars,
  milliseconds,
  SCRAPE_ARGS,
  scrapeFields,
  scrapeOptions,
  url,
} from '../params.js';
import { pageSchema, searchResultSchema, toPage, toSearchResult } from '../shapes.js';
import type { SearchItem } from '../types.js';
import { CREDITS, type ToolTable, toolMaker } from './common.js';

/** Most links map_website lists, as guMCP said (Firecrawl allows more). */
const MAP_MAX = 5000;

/** The single-page tools: scrape, map, search, and the credit balance. */
export function pageTools(connect: ApiFactory): ToolTable {
  const firecrawlTool = toolMaker(connect);
  return {
    scrape_url: firecrawlTool({
      description:
        'Scrape one web page with Firecrawl and return it as markdown (and any other formats asked ' +
        'for), with its title, description and status. Long pages come in parts of maxChars ' +
        'characters: call again with nextOffset as offset and the scrapeId given to read on without ' +
        `scraping again. ${CREDITS}`,
      input: z.object({
        url: url('The URL to scrape'),
        ...scrapeFields,
        offset: z
          .number()
          .int()
          .min(0)
          .default(0)
          .describe('Where in the page’s text to start (the nextOffset of an earlier answer)'),
        maxChars: maxChars(20_000, 'markdown (and html, rawHtml)'),
        scrapeId: jobId('scrape')
          .optional()
          .describe('The scrapeId of an earlier answer: reads that scrape again instead of scraping the URL'),
        fullMetadata: z
          .boolean()
          .default(false)
          .describe('Also return every metadata field Firecrawl gives (all <meta> tags of the page)'),
      }),
      output: pageSchema,
      annotations: reads,
      async run({ url, offset, maxChars, scrapeId, fullMetadata, ...options }, firecrawl) {
        const answer = scrapeId
          ? await firecrawl.scrapeResult(scrapeId)
          : await firecrawl.scrape(
              { url, ...scrapeOptions(options) },
              { what: `the scrape of ${url}`, url, args: SCRAPE_ARGS },
            );
        if (!answer.data) throw new ToolError(`Firecrawl answered without the page ${url}`);
        return toPage(answer.data, offset, maxChars, { fullMetadata, warning: answer.warning });
      },
    }),

    map_website: firecrawlTool({
      description:
        'List the URLs of a website (from its sitemap and links) without scraping them, optionally ' +
        `ordered by relevance to search. ${CREDITS}`,
      input: z.object({
        url: url('The website to map'),
        search: z.string().trim().min(1).optional().describe('Order the links by relevance to this'),
        ignoreSitemap: z
          .boolean()
          .optional()
          .describe('Do not use the sitemap (Firecrawl v2: sitemap "skip")'),
        sitemapOnly: z
          .boolean()
          .optional()
          .describe('Only the sitemap’s links (Firecrawl v2: sitemap "only")'),
        includeSubdomains: z.boolean().optional().describe('Include subdomains (default true)'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(MAP_MAX)
          .default(200)
          .describe(`Most links to return (1-${MAP_MAX}, default 200)`),
        timeout: milliseconds('Milliseconds Firecrawl may take (no limit by default)', 1000, 300_000),
      }),
      output: z.object({
        url: z.string(),
        count: z.number(),
        links: z.array(
          z.object({ url: z.string(), title: z.string().nullable(), description: z.string().nullable() }),
        ),
      }),
      annotations: reads,
      async run({ url, search, ignoreSitemap, sitemapOnly, includeSubdomains, limit, timeout }, firecrawl) {
        if (ignoreSitemap && sitemapOnly) {
          throw new ToolError('Invalid arguments ignoreSitemap and sitemapOnly: give at most one of them');
        }
        const sitemap = sitemapOnly ? 'only' : ignoreSitemap ? 'skip' : undefined;
        const answer = await firecrawl.map(
          defined({ url, search, sitemap, includeSubdomains, limit, timeout }),
          {
            what: `the map of ${url}`,
            url,
            args: {
              url: 'url',
              search: 'search',
              sitemap: 'ignoreSitemap',
              limit: 'limit',
              timeout: 'timeout',
            },
          },
        );
        const links = (answer.links ?? []).slice(0, limit).map((link) =>
          typeof link === 'string'
            ? { url: link, title: null, description: null }
            : {
                url: link.url,
                title: link.title ?? null,
                description: link.description ? link.description.slice(0, 300) : null,
              },
        );
        return { url, count: links.length, links };
      },
    }),

    search: firecrawlTool({
      description:
        'Search the web with Firecrawl: titles, URLs and descriptions of the results, and with ' +
        `include_content the start of each result page as markdown (scraping costs more credits). ${CREDITS}`,
      input: z.object({
        query: z.string().trim().min(1).max(500).describe('The search query'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(100)
          .optional()
          .describe('Most results (1-100; Firecrawl’s default 10)'),
        lang: z.string().trim().min(2).optional().describe('Language code of the results, e.g. en'),
        country: z.string().trim().min(2).optional().describe('Country code of the results, e.g. us'),
        include_content: z
          .boolean()
          .default(false)
          .describe('Also scrape each result and return its markdown (maxChars characters each)'),
        maxChars: maxChars(3000, 'each result page’s markdown'),
      }),
      output: z.object({
        query: z.string(),
        count: z.number(),
        results: z.array(searchResultSchema),
        creditsUsed: z.number().nullable(),
        warning: z.string().nullable(),
      }),
      annotations: reads,
      async run({ query, limit, lang, country, include_content, maxChars }, firecrawl) {
        const answer = await firecrawl.search(
          defined({
            query,
            limit,
            lang,
            country,
            scrapeOptions: include_content ? { formats: [{ type: 'markdown' }] } : undefined,
          }),
          {
            what: `the search for "${query}"`,
            args: {
              query: 'query',
              limit: 'limit',
              lang: 'lang',
              country: 'country',
              scrapeOptions: 'include_content',
            },
          },
        );
        const data = answer.data;
        const web: SearchItem[] = Array.isArray(data) ? data : (data?.web ?? []);
        const news: SearchItem[] = Array.isArray(data) ? [] : (data?.news ?? []);
        const results = [
          ...web.map((item) => toSearchResult(item, 'web', maxChars)),
          ...news.map((item) => toSearchResult(item, 'news', maxChars)),
        ];
        return {
          query,
          count: results.length,
          results,
          creditsUsed: typeof answer.creditsUsed === 'number' ? answer.creditsUsed : null,
          warning: answer.warning ?? null,
        };
      },
    }),

    check_credit_usage: firecrawlTool({
      description: "The Firecrawl team's remaining credits, its plan's credits and the billing period.",
      input: z.object({}),
      output: z.object({
        remainingCredits: z.number().nullable(),
        planCredits: z.number().nullable().describe('Credits of the plan, without packs or coupons'),
        billingPeriodStart: z.string().nullable(),
        billingPeriodEnd: z.string().nullable(),
      }),
      annotations: reads,
      async run(_args, firecrawl) {
        const usage = await firecrawl.creditUsage();
        return {
          remainingCredits: usage?.remainingCredits ?? null,
          planCredits: usage?.planCredits ?? null,
          billingPeriodStart: usage?.billingPeriodStart ?? null,
          billingPeriodEnd: usage?.billingPeriodEnd ?? null,
        };
      },
    }),
  };
}
