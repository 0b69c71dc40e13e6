import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { type Query, serviceUrl, UpstreamClient, type UpstreamOptions } from '../../upstream/client.js';
import { type PollOptions, pollJob } from '../../upstream/poll.js';
import { outOfSearches, SERVER_ID, type Subject, serpApiError } from './errors.js';
import type { SearchJson } from './shapes.js';

/** SerpApi's root; GUMCP_SERPAPI_API_URL points it elsewhere (tests: a fake on loopback). */
export const SERPAPI = 'https://serpapi.com';

/** How an async search is waited for: pollJob's delays (tests make them tiny, the sleep and clock virtual). */
export type PollTuning = Pick<PollOptions<unknown>, 'initialDelayMs' | 'maxDelayMs' | 'sleep' | 'now'>;

/** Knobs of the upstream client and of the async polling; only tests pass them. */
export interface SerpApiTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  poll?: PollTuning;
}

/** A search can take tens of seconds at SerpApi (it keeps the connection open until it has them). */
const SEARCH_TIMEOUT_MS = 90_000;
const DEFAULT_POLL: PollTuning = { initialDelayMs: 1000, maxDelayMs: 5000 };

type Ctx = Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'progress'>;

/** An async search's last look: done, or still running when the wait ended. */
export interface AsyncResult {
  body: SearchJson;
  done: boolean;
}

const enc = encodeURIComponent;

/**
 * The SerpApi calls of one tool call. SerpApi takes the key only as the `api_key` query parameter, so
 * it is in the URL; the upstream client logs method, path and status only (never a query string), and
 * every message is cleaned of the key. It is read on every call, so a key replaced mid-session is
 * used from the next call on. Searches are GETs: retried after a 5xx, which SerpApi does not charge.
 */
export class SerpApi {
  readonly #ctx: Ctx;
  readonly #tuning: SerpApiTuning;

  constructor(ctx: Ctx, tuning: SerpApiTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  async #key(): Promise<string> {
    const key = (await this.#ctx.credentials()).api_key;
    if (typeof key !== 'string' || !key.trim()) {
      throw new AuthRequiredError(
        SERVER_ID,
        'the stored credentials hold no SerpApi API key (field api_key)',
      );
    }
    return key.trim();
  }

  async #get<T>(subject: Subject, path: string, query: Query = {}): Promise<T> {
    const key = await this.#key();
    return serpApiClient(key, subject, this.#tuning, this.#ctx.log).request<T>(
      path,
      { query: { ...query, api_key: key } },
      this.#ctx.signal,
    );
  }

  /** A search, waited for on the open connection; with output html the answer is the page's HTML. */
  search(params: Query, subject: Subject): Promise<SearchJson | string> {
    return this.#get<SearchJson | string>(subject, 'search', params);
  }

  /** A search from SerpApi's archive (kept 31 days; reading it costs no search). */
  archive(id: string, html = false): Promise<SearchJson | string> {
    return this.#get<SearchJson | string>(
      { what: `search ${id}`, id },
      `searches/${enc(id)}.${html ? 'html' : 'json'}`,
    );
  }

  /**
   * An async search: submitted with `async=true`, then read from the archive with the shared poller
   * (a count of looks as progress; SerpApi cannot cancel a search, so cancelling stops the wait) until
   * it is done or `waitMs` has passed.
   */
  async searchAsync(params: Query, subject: Subject, waitMs: number): Promise<AsyncResult> {
    const submitted = await this.#get<SearchJson>(subject, 'search', {
      ...params,
      async: 'true',
      output: 'json',
    });
    const id = submitted.search_metadata?.id;
    if (!id) throw new ToolError('SerpApi accepted the async search without giving its id');
    let body = submitted;
    let first = true;
    const settled = await pollJob<SearchJson>({
      what: `async search ${id}`,
      check: async () => {
        if (!first) body = (await this.archive(id)) as SearchJson;
        first = false;
        const status = body.search_metadata?.status;
        if (status === 'Success') return { state: 'done', value: body };
        if (status === 'Error') return { state: 'failed', reason: body.error ?? 'SerpApi gave no reason' };
        return { state: 'running', message: `SerpApi: ${status ?? 'Processing'}` };
      },
      signal: this.#ctx.signal,
      progress: (p, total, message) => this.#ctx.progress(p, total, message),
      deadlineMs: waitMs,
      // A search still running when the wait is up is answered as it stands: SerpApi keeps it.
      atDeadline: 'return',
      ...DEFAULT_POLL,
      ...this.#tuning.poll,
    });
    return { body, done: settled.state === 'done' };
  }
}

function serpApiClient(
  key: string,
  subject: Subject,
  tuning: SerpApiTuning,
  log: ToolContext['log'] | undefined,
): UpstreamClient {
  const { poll: _poll, sleep, ...timing } = tuning;
  // An option given as undefined must not override the client's default.
  const tuned = Object.fromEntries(Object.entries(timing).filter(([, value]) => value !== undefined));
  return new UpstreamClient({
    timeoutMs: SEARCH_TIMEOUT_MS,
    ...tuned,
    service: 'SerpApi',
    serverId: SERVER_ID,
    baseUrl: serviceUrl(SERVER_ID, SERPAPI),
    ...(log ? { log } : {}),
    ...(sleep ? { sleep } : {}),
    mapError: (status, body, headers) => serpApiError(status, body, headers, subject, key),
    // Searches used up are not retried (a wait longer than any allowed is refused at once).
    retryDelay: (status, _headers, body) =>
      status === 429 && outOfSearches(body) ? Number.POSITIVE_INFINITY : undefined,
  });
}

/**
 * Checks a key when it is entered (`gumcp auth serpapi`, the connect page) with `GET /account`, which
 * is free. Its answer (which echoes the key) is neither stored nor shown.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  tuning: SerpApiTuning = {},
): Promise<undefined> {
  const key = values.api_key?.trim();
  if (!key) throw new ToolError('api_key: enter the SerpApi API key (https://serpapi.com/manage-api-key)');
  try {
    await serpApiClient(key, { what: 'the account' }, tuning, undefined).request('account', {
      query: { api_key: key },
    });
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'SerpApi rejected the API key: check that it was copied whole and has not been reset',
      );
    }
    throw error;
  }
  return undefined;
}

export type ApiFactory = (ctx: Ctx) => SerpApi;
