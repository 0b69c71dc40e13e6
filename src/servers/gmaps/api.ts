import { setTimeout as wait } from 'node:timers/promises';
import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  UpstreamError,
  type UpstreamOptions,
} from '../../upstream/client.js';

const SERVER_ID = 'gmaps';

/**
 * The two hosts the tools call. The legacy web services (Geocoding, Places, Elevation) live under
 * maps.googleapis.com/maps/api, overridable as GUMCP_GMAPS_API_URL; the Routes API has its own host,
 * overridable as GUMCP_GMAPS_ROUTES_API_URL (the server id `gmaps_routes` only names that variable).
 */
export const MAPS_API_URL = 'https://maps.googleapis.com/maps/api';
export const ROUTES_API_URL = 'https://routes.googleapis.com';
const ROUTES_URL_ID = 'gmaps_routes';

/** Timing knobs: the upstream client's, and the waits of the status retries and page tokens. */
export interface GmapsOptions
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  /** How to wait; tests pass one that records the delay and returns at once. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Wait before asking for the page a next_page_token names, and between retries of it (2 s). */
  pageTokenDelayMs?: number;
  /** Retries of a page token Google does not accept yet (INVALID_REQUEST); 3. */
  pageTokenRetries?: number;
  /** Retries of OVER_QUERY_LIMIT and UNKNOWN_ERROR answers, which may pass; 2. */
  statusRetries?: number;
  /** First wait before such a retry, doubled each time (1 s). */
  statusBackoffMs?: number;
}

/** What every legacy web service answers, with HTTP 200 even when it failed. */
export interface LegacyBody {
  status?: string;
  error_message?: string;
  next_page_token?: string;
}

/** One call to a legacy web service. */
export interface LegacyCall {
  /** The API's name in messages, as the Cloud console lists it (e.g. "Geocoding API"). */
  api: string;
  path: string;
  query: Query;
  /** What a NOT_FOUND answer is about, e.g. the place id. */
  notFound?: { what: string; id: string };
}

/** Statuses that mean "nothing there", answered as an empty success. */
const EMPTY = new Set(['ZERO_RESULTS', 'DATA_NOT_AVAILABLE']);
/** Statuses Google documents as passing: a rate limit or a server error. */
const PASSING = new Set(['OVER_QUERY_LIMIT', 'UNKNOWN_ERROR']);
/** A Nearby Search gives at most three pages of 20. */
const MAX_PAGES = 3;

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> => wait(ms, undefined, { signal });

/**
 * Removes an API key from text that may echo a request: the `key=` query parameter of any URL, and the
 * stored key itself wherever it appears. Messages are also cut short.
 */
export function redact(text: string, key: string | undefined): string {
  let out = text.replace(/([?&]key=)[^&\s"'<>]+/gi, '$1[redacted]');
  if (key) out = out.split(key).join('[redacted]');
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

const sentence = (message: string | undefined, key: string | undefined): string =>
  message ? redact(message, key).trim().replace(/\.$/, '') : '';

/** Google's JSON error body on the Routes API and on HTTP errors of the legacy hosts. */
interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string; details?: { reason?: string }[] };
  error_message?: string;
}

/** The calls the tools make to Google Maps Platform, for one tool call. */
export class MapsApi {
  readonly #ctx: ToolContext;
  readonly #maps: UpstreamClient;
  readonly #routes: UpstreamClient;
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly #o: Required<Omit<GmapsOptions, 'sleep' | keyof UpstreamOptions>>;
  /** The key in use, known once read, so that every message can be cleaned of it. */
  #key: string | undefined;
  /** The legacy API being called, for HTTP error messages (a tool's calls run one after another). */
  #api = 'Google Maps Platform API';

  constructor(ctx: ToolContext, options: GmapsOptions = {}) {
    const {
      sleep = defaultSleep,
      pageTokenDelayMs,
      pageTokenRetries,
      statusRetries,
      statusBackoffMs,
      ...timing
    } = options;
    this.#ctx = ctx;
    this.#sleep = sleep;
    this.#o = {
      pageTokenDelayMs: pageTokenDelayMs ?? 2000,
      pageTokenRetries: pageTokenRetries ?? 3,
      statusRetries: statusRetries ?? 2,
      statusBackoffMs: statusBackoffMs ?? 1000,
    };
    // An option given as undefined must not override the client's default.
    const tuned = Object.fromEntries(Object.entries(timing).filter(([, value]) => value !== undefined));
    this.#maps = new UpstreamClient({
      ...tuned,
      service: 'Google Maps',
      serverId: SERVER_ID,
      baseUrl: serviceUrl(SERVER_ID, MAPS_API_URL),
      log: ctx.log,
      mapError: (status, body) =>
        this.#httpError(`the ${this.#api}`, status, body as GoogleErrorBody | undefined),
    });
    this.#routes = new UpstreamClient({
      ...tuned,
      service: 'Google Maps Routes API',
      serverId: SERVER_ID,
      baseUrl: serviceUrl(ROUTES_URL_ID, ROUTES_API_URL),
      log: ctx.log,
      // The Routes API takes the key in a header, so it is in no URL at all.
      auth: async () => ({ 'x-goog-api-key': await this.#apiKey() }),
      mapError: (status, body) =>
        this.#httpError('the Routes API', status, body as GoogleErrorBody | undefined),
    });
  }

  /**
   * A legacy web service call. The key goes in the `key` query parameter, as these services require;
   * the upstream client logs only the path. `retryInvalid` retries INVALID_REQUEST that many times
   * (for a page token that is not valid yet).
   */
  async legacy<T extends LegacyBody>(call: LegacyCall, retryInvalid = 0): Promise<T> {
    const key = await this.#apiKey();
    this.#api = call.api;
    let [passing, invalid] = [0, 0];
    for (;;) {
      const body = await this.#maps.get<T>(call.path, { ...call.query, key }, this.#ctx.signal);
      const status = typeof body?.status === 'string' ? body.status : 'UNKNOWN_ERROR';
      if (status === 'OK' || EMPTY.has(status)) return body;
      if (PASSING.has(status) && passing < this.#o.statusRetries) {
        await this.#wait(this.#o.statusBackoffMs * 2 ** passing++);
      } else if (status === 'INVALID_REQUEST' && invalid < retryInvalid) {
        invalid++;
        await this.#wait(this.#o.pageTokenDelayMs);
      } else {
        throw this.#statusError(call, status, body?.error_message, passing);
      }
    }
  }

  /**
   * A legacy search followed through its `next_page_token`s until `limit` items are in hand. A token
   * is valid only a short while after it is issued: wait before using it, and retry the
   * INVALID_REQUEST Google answers while it is not ready yet a bounded number of times.
   */
  async legacyPages<T, B extends LegacyBody & { results?: T[] }>(
    call: LegacyCall,
    limit: number,
  ): Promise<{ body: B; results: T[]; more: boolean }> {
    const first = await this.legacy<B>(call);
    const results = [...(first.results ?? [])];
    let token = first.next_page_token;
    for (let page = 1; page < MAX_PAGES && token && results.length < limit; page++) {
      await this.#wait(this.#o.pageTokenDelayMs);
      // With pagetoken Google ignores every other parameter.
      const next = await this.legacy<B>(
        { ...call, query: { pagetoken: token } },
        this.#o.pageTokenRetries,
      ).catch((error: unknown) => {
        throw error instanceof ToolError && /INVALID_REQUEST/.test(error.message)
          ? new ToolError(
              `The next page of results was still not ready after ${this.#o.pageTokenRetries + 1} tries; ` +
                `ask for fewer results (limit ${results.length} works) or try again.`,
            )
          : error;
      });
      results.push(...(next.results ?? []));
      token = next.next_page_token;
    }
    return { body: first, results: results.slice(0, limit), more: results.length > limit || !!token };
  }

  /** A Routes API method: a POST with the response field mask the API requires. */
  routes<T>(path: string, body: unknown, fieldMask: string): Promise<T> {
    return this.#routes.request<T>(
      path,
      // Computing a route changes nothing: repeating the POST is harmless.
      { method: 'POST', body, headers: { 'x-goog-fieldmask': fieldMask }, idempotent: true },
      this.#ctx.signal,
    );
  }

  /** A wait the client's cancellation ends, as a tool error like a cancelled request's. */
  async #wait(ms: number): Promise<void> {
    try {
      await this.#sleep(ms, this.#ctx.signal);
    } catch (error) {
      if (this.#ctx.signal.aborted) throw new ToolError('Request to Google Maps was cancelled');
      throw error;
    }
  }

  async #apiKey(): Promise<string> {
    const key = (await this.#ctx.credentials()).api_key;
    if (typeof key !== 'string' || !key.trim()) {
      throw new AuthRequiredError(SERVER_ID, 'no Google Maps API key is stored (field api_key)');
    }
    this.#key = key.trim();
    return this.#key;
  }

  /** A legacy status other than OK as an error a user can act on; never with the key in it. */
  #statusError(call: LegacyCall, status: string, message: string | undefined, retries: number): ToolError {
    const api = `the ${call.api}`;
    const detail = sentence(message, this.#key);
    const said = detail ? `: ${detail}` : '';
    switch (status) {
      case 'NOT_FOUND':
        return call.notFound
          ? new NotFoundError(call.notFound.what, call.notFound.id)
          : new ToolError(`${cap(api)} found no location for one of the places given (NOT_FOUND${said})`);
      case 'INVALID_REQUEST':
        return new ToolError(`${cap(api)} rejected the request as invalid (INVALID_REQUEST${said})`);
      case 'REQUEST_DENIED':
        return keyDenied(api, `REQUEST_DENIED${said}`);
      case 'OVER_DAILY_LIMIT':
        return new ToolError(
          `${cap(api)} refused the request (OVER_DAILY_LIMIT${said}): the API key is missing or invalid, ` +
            'billing is not enabled on its Google Cloud project, a usage cap set on the project was reached, ' +
            'or its payment method is no longer valid. Check billing and quotas in the Google Cloud console; ' +
            'daily quotas reset at midnight Pacific Time.',
        );
      case 'OVER_QUERY_LIMIT':
        return new ToolError(
          `${cap(api)} is over its quota or rate limit (OVER_QUERY_LIMIT${said}), still after ${retries} ` +
            'retries. Try again in a minute; if it persists, the daily quota is used up (it resets at ' +
            'midnight Pacific Time) or the project’s billing needs attention.',
        );
      case 'UNKNOWN_ERROR':
        return new ToolError(
          `${cap(api)} failed with a server error (UNKNOWN_ERROR), ${retries + 1} times; try again later.`,
        );
      default:
        return new ToolError(`${cap(api)} answered ${status.slice(0, 40)}${said}`);
    }
  }

  /** An HTTP error answer of either host: the key never in it, nor a raw body. */
  #httpError(service: string, status: number, body: GoogleErrorBody | undefined): ToolError | undefined {
    // 429 and 5xx get the upstream client's messages (retried, then "try again in ..."), with no body.
    if (status === 429 || status >= 500) return undefined;
    const error = body?.error;
    const detail = sentence(error?.message ?? body?.error_message, this.#key);
    const reasons = new Set((error?.details ?? []).map((d) => d.reason));
    if (reasons.has('API_KEY_INVALID') || /API key not valid/i.test(detail)) {
      return new AuthRequiredError(
        SERVER_ID,
        `${service} refused the stored API key (${detail || 'invalid'})`,
      );
    }
    if (status === 401 || status === 403) {
      const why = [...reasons].filter(Boolean).join(', ') || error?.status || `HTTP ${status}`;
      return keyDenied(service, detail ? `${why}: ${detail}` : why);
    }
    return new UpstreamError(
      `${cap(service)} rejected the request (HTTP ${status})${detail ? `: ${detail}` : ''}`,
      status,
    );
  }
}

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A refused key: an invalid, expired or missing key needs a new one (re-authenticate); otherwise the
 * key works but its project or restrictions do not allow this API.
 */
function keyDenied(api: string, detail: string): ToolError {
  if (/(invalid|expired|not valid)|must use an api key|missing/i.test(detail)) {
    return new AuthRequiredError(SERVER_ID, `${api} refused the stored API key (${detail})`);
  }
  return new ToolError(
    `${cap(api)} refused the stored API key (${detail}). Enable ${api} in the key's ` +
      "Google Cloud project, allow it in the key's API restrictions, and check that billing is enabled; " +
      '`gumcp auth gmaps` stores another key.',
  );
}
