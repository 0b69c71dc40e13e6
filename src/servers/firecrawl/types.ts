/**
 * Firecrawl API v2 shapes, as its OpenAPI description (firecrawl/firecrawl-docs,
 * api-reference/v2-openapi.json) documents them: only the fields this server reads.
 */

/** Page metadata; Firecrawl adds any `<meta>` of the page besides these. */
export interface RawMetadata {
  title?: string | string[];
  description?: string | string[];
  language?: string | string[] | null;
  sourceURL?: string;
  url?: string;
  statusCode?: number;
  contentType?: string;
  numPages?: number;
  error?: string | null;
  scrapeId?: string;
  cacheState?: string;
  creditsUsed?: number;
  [key: string]: unknown;
}

/** A scraped page (`ScrapeResponse.data`, an item of a crawl's or batch's `data`). */
export interface RawDocument {
  markdown?: string | null;
  summary?: string | null;
  html?: string | null;
  rawHtml?: string | null;
  screenshot?: string | null;
  links?: string[];
  images?: string[];
  json?: unknown;
  changeTracking?: {
    previousScrapeAt?: string | null;
    changeStatus?: string;
    visibility?: string;
    diff?: string | null;
    json?: unknown;
  } | null;
  actions?: { screenshots?: string[]; javascriptReturns?: unknown[] } | null;
  warning?: string | null;
  metadata?: RawMetadata;
}

/** `POST /scrape`, `GET /scrape/{id}`. */
export interface ScrapeAnswer {
  success?: boolean;
  data?: RawDocument;
  warning?: string;
}

/** `POST /crawl`, `POST /batch/scrape`, `POST /extract`. */
export interface JobStarted {
  success?: boolean;
  id: string;
  url?: string;
  invalidURLs?: string[] | null;
}

/** `GET /crawl/{id}`, `GET /batch/scrape/{id}`: a chunk of the results and the link to the next. */
export interface JobStatus {
  success?: boolean;
  status?: string;
  total?: number;
  completed?: number;
  creditsUsed?: number;
  expiresAt?: string;
  next?: string | null;
  data?: RawDocument[];
  error?: string;
}

/** `GET /crawl/{id}/errors`, `GET /batch/scrape/{id}/errors` (the SDK also reads it under `data`). */
export interface JobErrors {
  errors?: { id?: string; timestamp?: string | null; url?: string; error?: string }[];
  robotsBlocked?: string[];
  data?: { errors?: JobErrors['errors']; robotsBlocked?: string[] };
}

/** `GET /extract/{id}`. */
export interface ExtractStatus {
  success?: boolean;
  status?: string;
  data?: unknown;
  error?: string;
  expiresAt?: string;
  tokensUsed?: number;
  sources?: unknown;
  warning?: string;
}

/** `POST /map`. */
export interface MapAnswer {
  success?: boolean;
  links?: ({ url: string; title?: string; description?: string } | string)[];
}

/** An item of `POST /search`'s `data.web` (`data.news` items are alike, with `snippet`). */
export interface SearchItem extends RawDocument {
  url?: string;
  title?: string;
  description?: string;
  snippet?: string;
  position?: number;
}

/** `POST /search`: results by source (older answers give the web results as an array). */
export interface SearchAnswer {
  success?: boolean;
  data?: { web?: SearchItem[]; news?: SearchItem[]; images?: SearchItem[] } | SearchItem[];
  warning?: string | null;
  id?: string;
  creditsUsed?: number;
}

/** `GET /team/credit-usage`. */
export interface CreditUsage {
  success?: boolean;
  data?: {
    remainingCredits?: number;
    planCredits?: number;
    billingPeriodStart?: string | null;
    billingPeriodEnd?: string | null;
  };
}
