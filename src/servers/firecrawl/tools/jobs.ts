import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import type { ApiFactory, Documents, FirecrawlApi, JobKind } from '../api.js';
import { JOBS } from '../api.js';
import {
  defined,
  formats,
  jobId,
  maxChars,
  maxDocuments,
  SCRAPE_ARGS,
  scrapeFields,
  scrapeOptions,
  skip,
  url,
  urls,
  v2Formats,
  waitSeconds,
} from '../params.js';
import { type JobOutput, jobSchema, toDocument } from '../shapes.js';
import type { ExtractStatus, JobStatus } from '../types.js';
import { CREDITS, type ToolTable, toolMaker } from './common.js';

/** Most errors and robots-blocked URLs get_batch_error lists. */
const MAX_ERRORS = 100;
/** Extracted data longer than this (as JSON) is returned as a cut preview. */
const MAX_EXTRACT_CHARS = 200_000;

/** A job's answer: its state, its first pages (trimmed), and what to call next. */
function jobOutput(
  kind: JobKind,
  id: string,
  status: JobStatus,
  page: Documents | undefined,
  skipped: number,
  chars: number,
  invalidURLs?: string[] | null,
): JobOutput {
  const { statusTool } = JOBS[kind];
  const state = status.status ?? 'scraping';
  const nextSkip = page?.nextSkip ?? null;
  const notes: string[] = [];
  if (state === 'scraping') {
    notes.push(
      `Still running (${status.completed ?? 0} of ${status.total ?? '?'} pages): call ${statusTool} with id ${id}` +
        `${nextSkip ? ` and skip ${nextSkip}` : ''} later for the rest`,
    );
  } else if (nextSkip !== null) {
    notes.push(`More pages: call ${statusTool} with id ${id} and skip ${nextSkip}`);
  }
  if (page?.unfollowed) notes.push(page.unfollowed);
  if (kind === 'batch' && state !== 'scraping')
    notes.push(`get_batch_error with id ${id} lists pages that failed`);
  return {
    id,
    status: state,
    completed: status.completed ?? null,
    total: status.total ?? null,
    creditsUsed: status.creditsUsed ?? null,
    expiresAt: status.expiresAt ?? null,
    documents: (page?.docs ?? []).map((doc) => toDocument(doc, chars)),
    skip: skipped,
    nextSkip,
    ...(invalidURLs?.length ? { invalidURLs } : {}),
    note: notes.length ? notes.join('. ') : null,
  };
}

/** Starts a crawl or batch, waits for it (unless told not to), and answers its first pages. */
async function startAndWait(
  firecrawl: FirecrawlApi,
  kind: JobKind,
  started: { id: string; invalidURLs?: string[] | null },
  what: string,
  wait: { waitSeconds: number; maxDocuments: number; maxChars: number },
): Promise<JobOutput> {
  const { id, invalidURLs } = started;
  if (wait.waitSeconds === 0) {
    return {
      ...jobOutput(kind, id, { status: 'started' }, undefined, 0, wait.maxChars, invalidURLs),
      note: `Started: call ${JOBS[kind].statusTool} with id ${id} for its progress and pages`,
    };
  }
  const last = await firecrawl.waitForJob(kind, id, what, wait.waitSeconds * 1000);
  const page = wait.maxDocuments > 0 ? await firecrawl.documents(kind, id, 0, wait.maxDocuments) : undefined;
  return jobOutput(kind, id, page?.status ?? last, page, 0, wait.maxChars, invalidURLs);
}

const statusInput = (what: string) =>
  z.object({
    id: jobId(what),
    skip,
    maxDocuments,
    maxChars: maxChars(2000, 'each page’s markdown'),
  });

const extractSchema = z.object({
  id: z.string(),
  status: z.string().describe('processing, completed, failed or cancelled'),
  data: z.unknown().describe('The extracted data (null until completed)'),
  dataPreview: z
    .string()
    .optional()
    .describe(`The data as JSON, cut at ${MAX_EXTRACT_CHARS} characters, when it is longer`),
  sources: z.unknown().optional().describe('Where each value came from (showSources)'),
  tokensUsed: z.number().nullable(),
  expiresAt: z.string().nullable(),
  invalidURLs: z.array(z.string()).optional(),
  warning: z.string().nullable(),
  note: z.string().nullable(),
});

function extractOutput(
  id: string,
  job: ExtractStatus,
  invalidURLs?: string[] | null,
): z.input<typeof extractSchema> {
  const status = job.status ?? 'processing';
  const json = job.data === undefined ? undefined : JSON.stringify(job.data);
  const tooLong = json !== undefined && json.length > MAX_EXTRACT_CHARS;
  return {
    id,
    status,
    data: tooLong ? null : (job.data ?? null),
    ...(tooLong ? { dataPreview: json.slice(0, MAX_EXTRACT_CHARS) } : {}),
    ...(job.sources !== undefined ? { sources: job.sources } : {}),
    tokensUsed: job.tokensUsed ?? null,
    expiresAt: job.expiresAt ?? null,
    ...(invalidURLs?.length ? { invalidURLs } : {}),
    warning: job.warning ?? null,
    note:
      status === 'processing'
        ? `Still running: call get_extract_status with id ${id} later`
        : status === 'failed'
          ? `Failed: ${job.error ?? 'Firecrawl gave no reason'}`
          : null,
  };
}

/** The job tools: batch scrapes, crawls, extracts, and their status. */
export function jobTools(connect: ApiFactory): ToolTable {
  const firecrawlTool = toolMaker(connect);
  const waitFields = (what: string) => ({
    waitSeconds: waitSeconds(what),
    maxDocuments,
    maxChars: maxChars(2000, 'each page’s markdown'),
  });
  return {
    batch_scrape: firecrawlTool({
      description:
        'Scrape many URLs in one Firecrawl job: starts it, waits for it (waitSeconds) with progress, ' +
        'and returns its first pages trimmed; cancelling the call cancels the job. get_batch_status ' +
        `continues. ${CREDITS}`,
      input: z.object({
        urls: urls('The URLs to scrape', 1000),
        webhook: z
          .union([
            z.url({ protocol: /^https?$/ }),
            z.looseObject({
              url: z.url({ protocol: /^https?$/ }).describe('Where Firecrawl posts events'),
              headers: z.record(z.string(), z.string()).optional(),
              metadata: z.record(z.string(), z.unknown()).optional(),
              events: z.array(z.enum(['started', 'page', 'completed', 'failed'])).optional(),
            }),
          ])
          .optional()
          .describe('A URL, or {url, headers, metadata, events}, that Firecrawl notifies of the job'),
        ignoreInvalidURLs: z
          .boolean()
          .optional()
          .describe('Leave invalid URLs out instead of failing (default true); they are listed'),
        ...scrapeFields,
        ...waitFields('batch scrape'),
      }),
      output: jobSchema,
      annotations: adds,
      async run(
        { urls, webhook, ignoreInvalidURLs, waitSeconds, maxDocuments, maxChars, ...options },
        firecrawl,
      ) {
        const body = {
          urls,
          ...defined({
            webhook: typeof webhook === 'string' ? { url: webhook } : webhook,
            ignoreInvalidURLs,
          }),
          ...scrapeOptions(options),
        };
        const what = `the batch scrape of ${urls.length} URL${urls.length === 1 ? '' : 's'}`;
        const started = await firecrawl.startJob('batch', body, {
          what,
          args: { ...SCRAPE_ARGS, webhook: 'webhook', ignoreInvalidURLs: 'ignoreInvalidURLs' },
        });
        return startAndWait(firecrawl, 'batch', started, what, { waitSeconds, maxDocuments, maxChars });
      },
    }),

    get_batch_status: firecrawlTool({
      description:
        'The state of a batch scrape (scraping, completed, failed, cancelled; pages done of total) ' +
        'and its pages from skip, trimmed; nextSkip continues.',
      input: statusInput('batch scrape'),
      output: jobSchema,
      annotations: reads,
      async run({ id, skip, maxDocuments, maxChars }, firecrawl) {
        const page = await firecrawl.documents('batch', id, skip, maxDocuments);
        return jobOutput('batch', id, page.status, page, skip, maxChars);
      },
    }),

    get_batch_error: firecrawlTool({
      description: 'The pages of a batch scrape that failed, with why, and the URLs robots.txt kept it from.',
      input: z.object({ id: jobId('batch scrape') }),
      output: z.object({
        id: z.string(),
        errorCount: z.number(),
        errors: z.array(
          z.object({
            id: z.string().nullable(),
            url: z.string().nullable(),
            error: z.string().nullable(),
            timestamp: z.string().nullable(),
          }),
        ),
        robotsBlockedCount: z.number(),
        robotsBlocked: z.array(z.string()),
      }),
      annotations: reads,
      async run({ id }, firecrawl) {
        const answer = await firecrawl.jobErrors('batch', id);
        const errors = answer.errors ?? answer.data?.errors ?? [];
        const blocked = answer.robotsBlocked ?? answer.data?.robotsBlocked ?? [];
        return {
          id,
          errorCount: errors.length,
          errors: errors.slice(0, MAX_ERRORS).map((e) => ({
            id: e.id ?? null,
            url: e.url ?? null,
            error: typeof e.error === 'string' ? e.error.slice(0, 500) : null,
            timestamp: e.timestamp ?? null,
          })),
          robotsBlockedCount: blocked.length,
          robotsBlocked: blocked.slice(0, MAX_ERRORS),
        };
      },
    }),

    crawl_website: firecrawlTool({
      description:
        'Crawl a website from a URL with Firecrawl, scraping each page found: starts the crawl, waits ' +
        'for it (waitSeconds) with progress, and returns its first pages trimmed; cancelling the call ' +
        'cancels the crawl. Set limit: Firecrawl’s default is 10000 pages. get_crawl_status continues. ' +
        CREDITS,
      input: z.object({
        url: url('Where the crawl starts'),
        maxDepth: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe('How deep to follow links (Firecrawl v2 maxDiscoveryDepth: sitemap pages are depth 0)'),
        limit: z.number().int().min(1).optional().describe('Most pages to crawl (Firecrawl’s default 10000)'),
        ignoreSitemap: z.boolean().optional().describe('Do not start from the sitemap (v2: sitemap "skip")'),
        excludePaths: z
          .array(z.string())
          .optional()
          .describe('Regular expressions of URL paths to leave out, e.g. ["blog/.*"]'),
        includePaths: z
          .array(z.string())
          .optional()
          .describe('Regular expressions of URL paths to keep, e.g. ["docs/.*"]'),
        formats,
        ...waitFields('crawl'),
      }),
      output: jobSchema,
      annotations: adds,
      async run(args, firecrawl) {
        const { url, maxDepth, limit, ignoreSitemap, excludePaths, includePaths } = args;
        const scrape = v2Formats(args.formats);
        const body = defined({
          url,
          maxDiscoveryDepth: maxDepth,
          limit,
          sitemap: ignoreSitemap === undefined ? undefined : ignoreSitemap ? 'skip' : 'include',
          excludePaths,
          includePaths,
          scrapeOptions: scrape ? { formats: scrape } : undefined,
        });
        const what = `the crawl of ${url}`;
        const started = await firecrawl.startJob('crawl', body, {
          what,
          url,
          args: {
            url: 'url',
            maxDiscoveryDepth: 'maxDepth',
            limit: 'limit',
            sitemap: 'ignoreSitemap',
            excludePaths: 'excludePaths',
            includePaths: 'includePaths',
            scrapeOptions: 'formats',
          },
        });
        return startAndWait(firecrawl, 'crawl', started, what, args);
      },
    }),

    get_crawl_status: firecrawlTool({
      description:
        'The state of a crawl (scraping, completed, failed, cancelled; pages done of total) and its ' +
        'pages from skip, trimmed; nextSkip continues.',
      input: statusInput('crawl'),
      output: jobSchema,
      annotations: reads,
      async run({ id, skip, maxDocuments, maxChars }, firecrawl) {
        const page = await firecrawl.documents('crawl', id, skip, maxDocuments);
        return jobOutput('crawl', id, page.status, page, skip, maxChars);
      },
    }),

    cancel_crawl: firecrawlTool({
      description: 'Cancel a running crawl; the pages it scraped stay readable with get_crawl_status.',
      input: z.object({ id: jobId('crawl') }),
      output: z.object({ id: z.string(), status: z.string() }),
      annotations: overwrites,
      async run({ id }, firecrawl) {
        const answer = await firecrawl.cancelJob('crawl', id);
        return { id, status: answer.status ?? 'cancelled' };
      },
    }),

    extract_data: firecrawlTool({
      description:
        'Extract structured data from pages with Firecrawl’s LLM extraction (urls may end in /* for a ' +
        'whole site): give a prompt, a JSON schema or both. Starts the job, waits for it (waitSeconds), ' +
        `and returns the data; get_extract_status continues. ${CREDITS}`,
      input: z.object({
        urls: urls('The pages to extract from (example.com/* for a whole site)', 100),
        prompt: z.string().trim().min(1).optional().describe('What to extract'),
        schema: z.record(z.string(), z.unknown()).optional().describe('JSON Schema of the data to extract'),
        enableWebSearch: z
          .boolean()
          .optional()
          .describe('Follow links outside the given URLs (default false)'),
        ignoreSitemap: z
          .boolean()
          .optional()
          .describe('Do not use sitemaps when scanning a site (default false)'),
        includeSubdomains: z.boolean().optional().describe('Also scan subdomains (default true)'),
        showSources: z.boolean().optional().describe('Return where each value came from (default false)'),
        waitSeconds: waitSeconds('extraction'),
      }),
      output: extractSchema,
      annotations: adds,
      async run({ waitSeconds, ...args }, firecrawl) {
        const body = defined({ ...args });
        const started = await firecrawl.startExtract(body, {
          what: `the extraction from ${args.urls.length} URL${args.urls.length === 1 ? '' : 's'}`,
          args: Object.fromEntries(Object.keys(args).map((k) => [k, k])),
        });
        if (waitSeconds === 0)
          return extractOutput(started.id, { status: 'processing' }, started.invalidURLs);
        const job = await firecrawl.waitForExtract(started.id, waitSeconds * 1000);
        return extractOutput(started.id, job, started.invalidURLs);
      },
    }),

    get_extract_status: firecrawlTool({
      description: 'The state of an extract job (processing, completed, failed) and its data when done.',
      input: z.object({ id: jobId('extract') }),
      output: extractSchema,
      annotations: reads,
      async run({ id }, firecrawl) {
        return extractOutput(id, await firecrawl.extractStatus(id));
      },
    }),
  };
}
