import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { type JobState, type PollOptions, pollJob } from '../../upstream/poll.js';
import { firecrawlError, SERVER_ID, type Subject } from './errors.js';
import type {
  CreditUsage,
  ExtractStatus,
  JobErrors,
  JobStarted,
  JobStatus,
  MapAnswer,
  RawDocument,
  ScrapeAnswer,
  SearchAnswer,
} from './types.js';

/** Firecrawl API v2; GUMCP_FIRECRAWL_API_URL points it elsewhere (tests: a fake on loopback). */
export const FIRECRAWL_API = 'https://api.firecrawl.dev/v2';

/** How jobs are waited for: pollJob's delays (tests make them tiny, the sleep and clock virtual). */
export type PollTuning = Pick<PollOptions<unknown>, 'initialDelayMs' | 'maxDelayMs' | 'sleep' | 'now'>;

/** Knobs of the upstream client and of job polling; only tests pass them. */
export interface FirecrawlTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  poll?: PollTuning;
}

/** A first look after 2 s, then up to every 10 s: crawls take minutes. */
const DEFAULT_POLL: PollTuning = { initialDelayMs: 2000, maxDelayMs: 10_000 };

/** The two kinds of scrape jobs, which share their status, errors and cancel endpoints. */
export type JobKind = 'crawl' | 'batch';

export const JOBS: Readonly<Record<JobKind, { path: string; what: string; statusTool: string }>> = {
  crawl: { path: 'crawl', what: 'Crawl job', statusTool: 'get_crawl_status' },
  batch: { path: 'batch/scrape', what: 'Batch scrape job', statusTool: 'get_batch_status' },
};

/** Most chunks (each up to 10 MB at Firecrawl) one call follows through `next`. */
const MAX_CHUNKS = 10;

/** Firecrawl's own limit is the page timeout; the connection waits that long and half a minute more. */
const pageTimeout = (ms: number | undefined) => (ms ?? 60_000) + 30_000;

type Ctx = Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'progress'>;

/** A page of a job's results: the status of the last look, the pages, where the next start. */
export interface Documents {
  status: JobStatus;
  docs: RawDocument[];
  nextSkip: number | null;
  /** Set when Firecrawl's `next` led somewhere this server does not follow (another host or job). */
  unfollowed?: string;
}

const enc = encodeURIComponent;

/**
 * The Firecrawl v2 calls of one tool call. The key goes in `Authorization: Bearer`, never in a URL;
 * it is read on every call, so a key replaced mid-session is used from the next call on. Starting a
 * crawl, batch or extract is not retried after a timeout or 5xx (it could start two jobs and spend
 * credits twice); reads and cancellations are.
 */
export class FirecrawlApi {
  readonly #ctx: Ctx;
  readonly #tuning: FirecrawlTuning;

  constructor(ctx: Ctx, tuning: FirecrawlTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  async #key(): Promise<string> {
    const key = (await this.#ctx.credentials()).api_key;
    if (typeof key !== 'string' || !key.trim()) {
      throw new AuthRequiredError(
        SERVER_ID,
        'the stored credentials hold no Firecrawl API key (field api_key)',
      );
    }
    return key.trim();
  }

  /**
   * One request. `detached` sends it without the call's signal: the cancellation of a job runs after
   * the client cancelled the call, and must still reach Firecrawl.
   */
  async #call<T>(
    subject: Subject,
    path: string,
    req: UpstreamRequest = {},
    options: { timeoutMs?: number; detached?: boolean } = {},
  ): Promise<T> {
    const key = await this.#key();
    const client = firecrawlClient(key, subject, this.#tuning, this.#ctx.log, options.timeoutMs);
    return client.request<T>(path, req, options.detached ? undefined : this.#ctx.signal);
  }

  // Scrape, map, search: one request each. They change nothing, but each spends credits, so a
  // timeout or 5xx is not retried (a 429 is: Firecrawl did nothing).

  async scrape(body: Record<string, unknown>, subject: Subject): Promise<ScrapeAnswer> {
    return this.#call<ScrapeAnswer>(
      subject,
      'scrape',
      { method: 'POST', body },
      { timeoutMs: pageTimeout(body.timeout as number | undefined) },
    );
  }

  /** A scrape done earlier, by the scrapeId of its metadata: read again without scraping. */
  scrapeResult(id: string): Promise<ScrapeAnswer> {
    return this.#call<ScrapeAnswer>({ what: 'Scrape result', id }, `scrape/${enc(id)}`);
  }

  map(body: Record<string, unknown>, subject: Subject): Promise<MapAnswer> {
    return this.#call<MapAnswer>(
      subject,
      'map',
      { method: 'POST', body },
      { timeoutMs: pageTimeout(body.timeout as number | undefined) },
    );
  }

  search(body: Record<string, unknown>, subject: Subject): Promise<SearchAnswer> {
    const scrape = body.scrapeOptions as { timeout?: number } | undefined;
    return this.#call<SearchAnswer>(
      subject,
      'search',
      { method: 'POST', body },
      { timeoutMs: pageTimeout(scrape?.timeout) },
    );
  }

  async creditUsage(): Promise<CreditUsage['data']> {
    return (await this.#call<CreditUsage>({ what: 'the credit usage' }, 'team/credit-usage')).data;
  }

  // Crawls and batch scrapes.

  startJob(kind: JobKind, body: Record<string, unknown>, subject: Subject): Promise<JobStarted> {
    return this.#call<JobStarted>(subject, JOBS[kind].path, { method: 'POST', body });
  }

  /** One look at a job: its state and (from `skip`, at most `limit`) the pages scraped. */
  jobStatus(kind: JobKind, id: string, skip: number, limit: number): Promise<JobStatus> {
    const query: Query = { ...(skip ? { skip } : {}), limit };
    return this.#call<JobStatus>({ what: JOBS[kind].what, id }, `${JOBS[kind].path}/${enc(id)}`, { query });
  }

  jobErrors(kind: JobKind, id: string): Promise<JobErrors> {
    return this.#call<JobErrors>({ what: JOBS[kind].what, id }, `${JOBS[kind].path}/${enc(id)}/errors`);
  }

  /** Cancelling twice changes nothing more, so it is retried after a 5xx. */
  cancelJob(kind: JobKind, id: string, detached = false): Promise<{ status?: string }> {
    return this.#call<{ status?: string }>(
      { what: JOBS[kind].what, id },
      `${JOBS[kind].path}/${enc(id)}`,
      { method: 'DELETE' },
      { detached },
    );
  }

  /**
   * Waits for a crawl or batch with the shared poller: progress from `completed`/`total`, and a
   * client's cancellation cancels the job at Firecrawl. Answers the last look: the job done, or
   * still running when `waitMs` ran out (it goes on; its status tool continues).
   */
  waitForJob(kind: JobKind, id: string, what: string, waitMs: number): Promise<JobStatus> {
    return this.#wait<JobStatus>({
      what,
      waitMs,
      look: () => this.jobStatus(kind, id, 0, 1),
      state: (job) => {
        if (job.status === 'completed' || job.status === 'cancelled') return { state: 'done', value: job };
        if (job.status === 'failed') {
          return {
            state: 'failed',
            reason:
              `${job.error ? `${job.error}; ` : ''}` +
              (kind === 'batch'
                ? `get_batch_error with id ${id} lists the pages that failed`
                : `get_crawl_status with id ${id} shows the pages it scraped`),
          };
        }
        const { completed, total } = job;
        return {
          state: 'running',
          ...(typeof completed === 'number'
            ? {
                progress: completed,
                ...(total ? { total } : {}),
                message: `${completed} of ${total ?? '?'} pages`,
              }
            : {}),
        };
      },
      cancel: async () => {
        await this.cancelJob(kind, id, true);
      },
    });
  }

  /**
   * A job's pages from `skip`, at most `max`, following Firecrawl's `next` links (only to this API's
   * own address and this job) chunk after chunk.
   */
  async documents(kind: JobKind, id: string, skip: number, max: number): Promise<Documents> {
    let page = await this.jobStatus(kind, id, skip, Math.max(1, max));
    const status = page;
    const docs: RawDocument[] = [];
    let start = skip;
    for (let chunks = 1; ; chunks++) {
      const data = page.data ?? [];
      const room = max - docs.length;
      docs.push(...data.slice(0, room));
      if (data.length > room) return { status, docs, nextSkip: start + room };
      if (!page.next) return { status, docs, nextSkip: null };
      const next = nextSkip(page.next, kind, id);
      if (next === undefined) {
        return {
          status,
          docs,
          nextSkip: null,
          unfollowed: `Firecrawl's next link leads away from this job's results at the API address in use; it was not followed`,
        };
      }
      // An empty chunk of a job still running: the rest comes later.
      if (docs.length >= max || chunks >= MAX_CHUNKS || data.length === 0)
        return { status, docs, nextSkip: next };
      start = next;
      page = await this.jobStatus(kind, id, next, max - docs.length);
    }
  }

  // Extract.

  startExtract(body: Record<string, unknown>, subject: Subject): Promise<JobStarted> {
    return this.#call<JobStarted>(subject, 'extract', { method: 'POST', body });
  }

  extractStatus(id: string): Promise<ExtractStatus> {
    return this.#call<ExtractStatus>({ what: 'Extract job', id }, `extract/${enc(id)}`);
  }

  /** Waits for an extract (Firecrawl gives no progress figure, and has no way to cancel one). */
  waitForExtract(id: string, waitMs: number): Promise<ExtractStatus> {
    return this.#wait<ExtractStatus>({
      what: `extract job ${id}`,
      waitMs,
      look: () => this.extractStatus(id),
      state: (job) => {
        if (job.status === 'completed' || job.status === 'cancelled') return { state: 'done', value: job };
        if (job.status === 'failed')
          return { state: 'failed', reason: job.error ?? 'Firecrawl gave no reason' };
        return { state: 'running', message: `Firecrawl is extracting (${job.status ?? 'processing'})` };
      },
    });
  }

  /**
   * The shared poller until the job ends or `waitMs` has passed; then the last look is the answer (a
   * job still running is not an error: it goes on at Firecrawl).
   */
  async #wait<T>(job: {
    what: string;
    waitMs: number;
    look: () => Promise<T>;
    state: (value: T) => JobState<T>;
    cancel?: () => Promise<void>;
  }): Promise<T> {
    // Set by every look; the poller hands back a running job only after one.
    let last!: T;
    const settled = await pollJob<T>({
      what: job.what,
      check: async () => {
        last = await job.look();
        return job.state(last);
      },
      signal: this.#ctx.signal,
      progress: (p, total, message) => this.#ctx.progress(p, total, message),
      ...(job.cancel ? { cancel: job.cancel } : {}),
      deadlineMs: job.waitMs,
      atDeadline: 'return',
      ...DEFAULT_POLL,
      ...this.#tuning.poll,
    });
    return settled.state === 'done' ? settled.value : last;
  }
}

/**
 * The `skip` of a `next` link, when it leads to this API's own address and this job's results;
 * undefined when it leads anywhere else, which is never followed.
 */
export function nextSkip(next: string, kind: JobKind, id: string): number | undefined {
  let link: URL;
  let base: URL;
  try {
    base = new URL(serviceUrl(SERVER_ID, FIRECRAWL_API));
    link = new URL(next, base);
  } catch {
    return undefined;
  }
  const path = `${base.pathname.replace(/\/$/, '')}/${JOBS[kind].path}/${id}`;
  const skip = Number(link.searchParams.get('skip') ?? Number.NaN);
  if (link.origin !== base.origin || link.pathname !== path) return undefined;
  return Number.isInteger(skip) && skip >= 0 ? skip : undefined;
}

function firecrawlClient(
  key: string,
  subject: Subject,
  tuning: FirecrawlTuning,
  log: ToolContext['log'] | undefined,
  timeoutMs?: number,
): UpstreamClient {
  const { poll: _poll, sleep, ...timing } = tuning;
  // An option given as undefined must not override the client's default.
  const tuned = Object.fromEntries(Object.entries(timing).filter(([, value]) => value !== undefined));
  return new UpstreamClient({
    ...(timeoutMs ? { timeoutMs } : {}),
    ...tuned,
    service: 'Firecrawl',
    serverId: SERVER_ID,
    baseUrl: serviceUrl(SERVER_ID, FIRECRAWL_API),
    ...(log ? { log } : {}),
    ...(sleep ? { sleep } : {}),
    auth: () => ({ authorization: `Bearer ${key}` }),
    mapError: (status, body, headers) => firecrawlError(status, body, headers, subject, key),
  });
}

/**
 * Checks a key when it is entered (`gumcp auth firecrawl`, the connect page) with
 * `GET /team/credit-usage`, which reads the balance and spends nothing.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  tuning: FirecrawlTuning = {},
): Promise<undefined> {
  const key = values.api_key?.trim();
  if (!key) {
    throw new ToolError('api_key: enter the Firecrawl API key (https://www.firecrawl.dev/app/api-keys)');
  }
  try {
    await firecrawlClient(key, { what: 'the credit usage' }, tuning, undefined).request('team/credit-usage');
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'Firecrawl rejected the API key: check that it was copied whole (it starts with fc-) and has not been deleted',
      );
    }
    throw error;
  }
  return undefined;
}

export type ApiFactory = (ctx: Ctx) => FirecrawlApi;
