import type { FakeReply } from '../../../testing/fake-service.js';
import type { RawDocument, RawMetadata } from '../types.js';

/**
 * Firecrawl API v2 answers in the shapes of its OpenAPI description (firecrawl/firecrawl-docs,
 * api-reference/v2-openapi.json): ScrapeResponse, CrawlResponse, CrawlStatusResponseObj and
 * BatchScrapeStatusResponseObj (with `next`, "the URL to retrieve the next 10MB of data"),
 * CrawlErrorsResponseObj, MapResponse, ExtractResponse and ExtractStatusResponse, the search answer
 * (`data.web`, `data.news`), the credit usage, and the error shape of api-reference/errors.mdx:
 * `{ success: false, error, details? }` (401 "Unauthorized: Invalid token", 402 "Payment Required:
 * Insufficient credits", 429 "Rate limit exceeded" with Retry-After). Metadata carries what the
 * v2 API adds beyond the description (scrapeId, proxyUsed, cacheState, creditsUsed, `<meta>` tags).
 */

export const BASE = '/v2';

export const KEY = 'fc-fake-key-for-tests';

export const CRAWL_ID = '2f1c9a4e-7b3d-4e8f-9a6b-1c2d3e4f5a6b';
export const BATCH_ID = '8d7c6b5a-4e3f-4a1b-9c8d-7e6f5a4b3c2d';
export const EXTRACT_ID = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
export const SCRAPE_ID = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

export const failure = (status: number, error: string, extra: Record<string, unknown> = {}): FakeReply => ({
  status,
  body: { success: false, error, ...extra },
});

export const unauthorized = failure(401, 'Unauthorized: Invalid token');
export const outOfCredits = failure(
  402,
  'Payment Required: Insufficient credits to perform this request. For more credits, you can upgrade your plan at https://firecrawl.dev/pricing.',
);
export const rateLimited = (retryAfter: string): FakeReply => ({
  ...failure(429, 'Rate limit exceeded. Consumed (req/min): 101, Remaining (req/min): 0. Upgrade your plan.'),
  headers: { 'retry-after': retryAfter },
});
export const serverError = failure(500, 'An unexpected error occurred on the server.', {
  code: 'UNKNOWN_ERROR',
});
export const jobNotFound = failure(404, 'Job not found.');

export function metadata(url: string, over: Partial<RawMetadata> = {}): RawMetadata {
  return {
    title: `Title of ${url}`,
    description: `Description of ${url}`,
    language: 'en',
    keywords: 'docs, api',
    ogLocaleAlternate: [],
    'og:title': `OG title of ${url}`,
    'og:image': 'https://cdn.example.com/og.png',
    viewport: 'width=device-width, initial-scale=1',
    favicon: 'https://example.com/favicon.ico',
    sourceURL: url,
    url,
    statusCode: 200,
    contentType: 'text/html; charset=utf-8',
    scrapeId: SCRAPE_ID,
    proxyUsed: 'basic',
    cacheState: 'miss',
    creditsUsed: 1,
    ...over,
  };
}

export function page(url: string, markdown: string, over: Partial<RawDocument> = {}): RawDocument {
  return { markdown, metadata: metadata(url), ...over };
}

export const scrapeAnswer = (doc: RawDocument): FakeReply => ({ body: { success: true, data: doc } });

export const started = (id: string, kind: 'crawl' | 'batch/scrape', invalidURLs?: string[]): FakeReply => ({
  body: {
    success: true,
    id,
    url: `https://api.firecrawl.dev/v2/${kind}/${id}`,
    ...(invalidURLs ? { invalidURLs } : {}),
  },
});

/** A look at a crawl or batch: a chunk of its pages and, when more follow, the link to them. */
export function jobStatus(
  status: string,
  completed: number,
  total: number,
  data: RawDocument[] = [],
  next: string | null = null,
): FakeReply {
  return {
    body: {
      success: true,
      status,
      completed,
      total,
      creditsUsed: completed,
      expiresAt: '2026-09-01T12:00:00.000Z',
      next,
      data,
    },
  };
}

/** Pages `from`..`to` (exclusive) of a crawl of https://docs.example.com. */
export const docsPages = (from: number, to: number): RawDocument[] =>
  Array.from({ length: to - from }, (_, i) => {
    const n = from + i;
    const url = `https://docs.example.com/page-${n}`;
    return page(url, `# Page ${n}\n\n${'Body text. '.repeat(30)}`, {
      metadata: metadata(url, { scrapeId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` }),
    });
  });

export const creditUsage = {
  success: true,
  data: {
    remainingCredits: 1000,
    planCredits: 500000,
    billingPeriodStart: '2026-08-01T00:00:00Z',
    billingPeriodEnd: '2026-08-31T23:59:59Z',
  },
};
