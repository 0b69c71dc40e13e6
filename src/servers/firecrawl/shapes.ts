import { z } from 'zod';
import type { RawDocument, RawMetadata, SearchItem } from './types.js';

/**
 * What the tools answer: pages trimmed to what a model uses (text bounded by a size limit with the
 * offset to read on, metadata cut to a dozen fields), job states, links.
 */

/** Most links or images of a page listed in full; the count says how many there were. */
const MAX_LINKS = 100;

/** A window of `text`: `max` characters from `offset`, and where the next window starts (null at the end). */
export function textWindow(
  text: string | null | undefined,
  offset: number,
  max: number,
): { text: string | null; total: number; next: number | null } {
  if (typeof text !== 'string') return { text: null, total: 0, next: null };
  const end = Math.min(text.length, offset + max);
  return { text: text.slice(offset, end), total: text.length, next: end < text.length ? end : null };
}

const first = (v: unknown): string | null =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const cut = (s: string | null | undefined, n: number): string | null =>
  typeof s === 'string' ? (s.length > n ? `${s.slice(0, n)}…` : s) : null;

// Metadata.

export const metadataSchema = z.object({
  title: z.string().nullable(),
  description: z.string().nullable(),
  language: z.string().nullable(),
  sourceURL: z.string().nullable().describe('The URL asked for'),
  url: z.string().nullable().describe('The URL after redirects'),
  statusCode: z.number().nullable().describe("The site's HTTP status"),
  contentType: z.string().nullable(),
  numPages: z.number().nullable().describe('Pages of a PDF'),
  error: z.string().nullable().describe('Why the page could not be read, when it could not'),
  cacheState: z.string().nullable().describe('hit when Firecrawl answered from its cache'),
  creditsUsed: z.number().nullable(),
});

/** The dozen fields of Firecrawl's metadata that matter; `fullMetadata` asks for the rest. */
export function toMetadata(m: RawMetadata | undefined): z.input<typeof metadataSchema> {
  return {
    title: cut(first(m?.title), 500),
    description: cut(first(m?.description), 1000),
    language: first(m?.language),
    sourceURL: typeof m?.sourceURL === 'string' ? m.sourceURL : null,
    url: typeof m?.url === 'string' ? m.url : null,
    statusCode: num(m?.statusCode),
    contentType: typeof m?.contentType === 'string' ? m.contentType : null,
    numPages: num(m?.numPages),
    error: cut(typeof m?.error === 'string' ? m.error : null, 500),
    cacheState: typeof m?.cacheState === 'string' ? m.cacheState : null,
    creditsUsed: num(m?.creditsUsed),
  };
}

// One scraped page, in full (scrape_url).

export const pageSchema = z.object({
  url: z.string().nullable().describe('The page read (after redirects)'),
  scrapeId: z
    .string()
    .nullable()
    .describe('Pass it back as scrapeId (with offset) to read on without scraping again'),
  metadata: metadataSchema,
  markdown: z.string().nullable().describe('The markdown, from offset, at most maxChars characters'),
  markdownLength: z.number().describe('Characters of the whole markdown'),
  html: z.string().nullable().describe('The cleaned HTML (format html), same window as the markdown'),
  htmlLength: z.number(),
  rawHtml: z.string().nullable().describe('The raw HTML (format rawHtml), same window'),
  rawHtmlLength: z.number(),
  offset: z.number(),
  nextOffset: z
    .number()
    .nullable()
    .describe('When not null: call again with this offset (and scrapeId) for the next part'),
  summary: z.string().nullable(),
  json: z.unknown().optional().describe('The data extracted by the json format'),
  links: z.array(z.string()).nullable().describe(`The page's links (the first ${MAX_LINKS})`),
  linkCount: z.number().nullable(),
  images: z.array(z.string()).nullable().describe(`The page's images (the first ${MAX_LINKS})`),
  screenshot: z.string().nullable().describe('URL of the screenshot (kept by Firecrawl for 24 hours)'),
  changeTracking: z
    .object({
      changeStatus: z.string().nullable(),
      visibility: z.string().nullable(),
      previousScrapeAt: z.string().nullable(),
      diff: z.string().nullable(),
      json: z.unknown().optional(),
    })
    .nullable(),
  actions: z.object({ screenshots: z.array(z.string()), javascriptReturns: z.array(z.unknown()) }).nullable(),
  warning: z.string().nullable(),
  fullMetadata: z.record(z.string(), z.unknown()).optional().describe('Every metadata field (fullMetadata)'),
});

export function toPage(
  doc: RawDocument | undefined,
  offset: number,
  max: number,
  options: { fullMetadata?: boolean; warning?: string | undefined } = {},
): z.input<typeof pageSchema> {
  const markdown = textWindow(doc?.markdown, offset, max);
  const html = textWindow(doc?.html, offset, max);
  const raw = textWindow(doc?.rawHtml, offset, max);
  const nexts = [markdown.next, html.next, raw.next].filter((n): n is number => n !== null);
  const meta = doc?.metadata;
  const ct = doc?.changeTracking;
  const warning = [doc?.warning, options.warning].filter((w): w is string => typeof w === 'string' && !!w);
  return {
    url: (typeof meta?.url === 'string' ? meta.url : null) ?? meta?.sourceURL ?? null,
    scrapeId: typeof meta?.scrapeId === 'string' ? meta.scrapeId : null,
    metadata: toMetadata(meta),
    markdown: markdown.text,
    markdownLength: markdown.total,
    html: html.text,
    htmlLength: html.total,
    rawHtml: raw.text,
    rawHtmlLength: raw.total,
    offset,
    nextOffset: nexts.length ? Math.min(...nexts) : null,
    summary: typeof doc?.summary === 'string' ? doc.summary : null,
    ...(doc?.json !== undefined ? { json: doc.json } : {}),
    links: Array.isArray(doc?.links) ? doc.links.slice(0, MAX_LINKS) : null,
    linkCount: Array.isArray(doc?.links) ? doc.links.length : null,
    images: Array.isArray(doc?.images) ? doc.images.slice(0, MAX_LINKS) : null,
    screenshot: typeof doc?.screenshot === 'string' ? doc.screenshot : null,
    changeTracking: ct
      ? {
          changeStatus: ct.changeStatus ?? null,
          visibility: ct.visibility ?? null,
          previousScrapeAt: ct.previousScrapeAt ?? null,
          diff: cut(ct.diff, max),
          ...(ct.json !== undefined ? { json: ct.json } : {}),
        }
      : null,
    actions: doc?.actions
      ? {
          screenshots: doc.actions.screenshots ?? [],
          javascriptReturns: (doc.actions.javascriptReturns ?? []).slice(0, 20),
        }
      : null,
    warning: warning.length ? warning.join('; ') : null,
    ...(options.fullMetadata && meta ? { fullMetadata: meta } : {}),
  };
}

// A page among many (crawls, batches, search results): its first maxChars characters.

export const documentSchema = z.object({
  url: z.string().nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  statusCode: z.number().nullable(),
  scrapeId: z.string().nullable().describe('scrape_url with this scrapeId and an offset reads the rest'),
  markdown: z.string().nullable().describe('The first maxChars characters of the markdown'),
  markdownLength: z.number(),
  json: z.unknown().optional(),
  summary: z.string().nullable(),
  error: z.string().nullable(),
});

export function toDocument(doc: RawDocument, max: number): z.input<typeof documentSchema> {
  const meta = toMetadata(doc.metadata);
  const markdown = textWindow(doc.markdown, 0, max);
  return {
    url: meta.url ?? meta.sourceURL,
    title: meta.title,
    description: meta.description,
    statusCode: meta.statusCode,
    scrapeId: typeof doc.metadata?.scrapeId === 'string' ? doc.metadata.scrapeId : null,
    markdown: markdown.text,
    markdownLength: markdown.total,
    ...(doc.json !== undefined ? { json: doc.json } : {}),
    summary: typeof doc.summary === 'string' ? cut(doc.summary, max) : null,
    error: meta.error,
  };
}

/** A search result: its title and snippet, and with include_content the start of its page. */
export const searchResultSchema = documentSchema.extend({
  position: z.number().nullable(),
  source: z.enum(['web', 'news']),
});

export function toSearchResult(
  item: SearchItem,
  source: 'web' | 'news',
  max: number,
): z.input<typeof searchResultSchema> {
  const doc = toDocument(item, max);
  return {
    ...doc,
    url: item.url ?? doc.url,
    title: cut(item.title, 500) ?? doc.title,
    description: cut(item.description ?? item.snippet, 1000) ?? doc.description,
    position: num(item.position),
    source,
  };
}

// Jobs.

export const jobSchema = z.object({
  id: z.string(),
  status: z
    .string()
    .describe('scraping (still running), completed, failed or cancelled; started when not looked at yet'),
  completed: z.number().nullable().describe('Pages scraped so far'),
  total: z.number().nullable().describe('Pages to scrape'),
  creditsUsed: z.number().nullable(),
  expiresAt: z.string().nullable().describe('When Firecrawl deletes the results'),
  documents: z.array(documentSchema),
  skip: z.number(),
  nextSkip: z
    .number()
    .nullable()
    .describe('When not null, more pages are there (or will be): call the status tool with skip set to it'),
  invalidURLs: z.array(z.string()).optional().describe('URLs Firecrawl left out as invalid'),
  note: z.string().nullable().describe('What to do next'),
});

export type JobOutput = z.input<typeof jobSchema>;
