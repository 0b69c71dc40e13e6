import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { type Query, serviceUrl, UpstreamClient, type UpstreamOptions } from '../../upstream/client.js';
import { Spacer } from '../../upstream/spacer.js';
import type { Clock } from '../../util/clock.js';
import {
  AhrefsPlanDenied,
  AhrefsQuotaExceeded,
  ahrefsError,
  ahrefsMessage,
  refusalKind,
  SERVER_ID,
  type Subject,
} from './errors.js';
import { type Units, unitsFrom } from './shapes.js';

/** Ahrefs API v3; GUMCP_AHREFS_API_URL points it elsewhere (tests: a fake on loopback). */
export const AHREFS_API = 'https://api.ahrefs.com/v3';

/** Ahrefs' documented limit: 60 requests a minute per API key. */
export const REQUESTS_PER_MINUTE = 60;

/**
 * The per-key window that keeps a process under Ahrefs' limit, so parallel sessions of one key queue
 * instead of drawing 429s: a burst of up to `perMinute` goes at once, the next waits for the oldest
 * to be a minute old.
 */
export function minuteWindow(perMinute: number = REQUESTS_PER_MINUTE, clock?: Clock): Spacer {
  return new Spacer({ requests: perMinute, intervalMs: 60_000, clock });
}

/** Free (no units): the key's and workspace's quota, and when it resets. */
export const LIMITS_PATH = 'subscription-info/limits-and-usage';

/** Timing knobs: the upstream client's, the wait before retrying a bare 429, the request window. */
export interface AhrefsTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  /** Waits between attempts; tests pass one that records the delay and returns at once. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Wait before retrying a 429 that carries no Retry-After (Ahrefs documents none): 5 s, a twelfth of
   * its one-minute window.
   */
  rateLimitWaitMs?: number;
}

type Ctx = Pick<ToolContext, 'credentials' | 'log' | 'signal'>;

/** An answer of a report: its body and the units it cost, when Ahrefs said. */
export interface Answer<T> {
  body: T | undefined;
  units: Units | undefined;
}

/** What `GET /subscription-info/limits-and-usage` answers (Ahrefs' OpenAPI description). */
export interface LimitsAndUsage {
  limits_and_usage?: {
    subscription?: string;
    usage_reset_date?: string;
    units_limit_workspace?: number | null;
    units_usage_workspace?: number | null;
    units_limit_api_key?: number | null;
    units_usage_api_key?: number;
    api_key_expiration_date?: string;
  };
}

/**
 * The Ahrefs API v3 calls of one tool call. The key goes in `Authorization: Bearer`, never in a URL,
 * and the upstream client logs method, path and status only. It is read on every call, so a key
 * replaced mid-session is used from the next call on. Every attempt (retries too) takes a place in
 * the key's one-minute window first.
 */
export class AhrefsApi {
  readonly #ctx: Ctx;
  readonly #tuning: AhrefsTuning;
  readonly #window: Spacer;

  constructor(ctx: Ctx, tuning: AhrefsTuning, window: Spacer) {
    this.#ctx = ctx;
    this.#tuning = tuning;
    this.#window = window;
  }

  async #key(): Promise<string> {
    const credentials = await this.#ctx.credentials();
    const key = credentials?.api_key;
    if (typeof key !== 'string' || !key.trim()) {
      throw new AuthRequiredError(SERVER_ID, 'the stored credentials hold no Ahrefs API key (field api_key)');
    }
    return key.trim();
  }

  /** One report: `GET /v3/<path>` with its query; a used-up quota says when it resets. */
  async get<T>(path: string, query: Query, subject: Subject): Promise<Answer<T>> {
    const key = await this.#key();
    const client = ahrefsClient(key, subject, this.#tuning, this.#window, this.#ctx.log);
    try {
      const answer = await client.exchange<T | undefined>(path, { query }, this.#ctx.signal);
      return { body: answer.body, units: unitsFrom(answer.headers) };
    } catch (error) {
      if (error instanceof AhrefsQuotaExceeded) throw await this.#withReset(error, key);
      throw error;
    }
  }

  /** The quota error, saying when the units reset (the limits call is free); as it is when unknown. */
  async #withReset(error: AhrefsQuotaExceeded, key: string): Promise<AhrefsQuotaExceeded> {
    try {
      const client = ahrefsClient(
        key,
        { what: 'the subscription limits' },
        { ...this.#tuning, retries: 0 },
        this.#window,
        this.#ctx.log,
      );
      const limits = await client.request<LimitsAndUsage | undefined>(LIMITS_PATH, {}, this.#ctx.signal);
      const date = limits?.limits_and_usage?.usage_reset_date;
      return typeof date === 'string' && date ? error.resetsOn(date.slice(0, 40)) : error;
    } catch {
      return error;
    }
  }
}

function ahrefsClient(
  key: string,
  subject: Subject,
  tuning: AhrefsTuning,
  window: Spacer,
  log?: ToolContext['log'],
): UpstreamClient {
  const { sleep, rateLimitWaitMs, ...timing } = tuning;
  // An option given as undefined must not override the client's default.
  const tuned = Object.fromEntries(Object.entries(timing).filter(([, value]) => value !== undefined));
  return new UpstreamClient({
    ...tuned,
    service: 'Ahrefs',
    serverId: SERVER_ID,
    baseUrl: serviceUrl(SERVER_ID, AHREFS_API),
    ...(log ? { log } : {}),
    ...(sleep ? { sleep } : {}),
    auth: () => ({ authorization: `Bearer ${key}` }),
    beforeAttempt: (_path, signal) => window.wait(key, signal),
    mapError: (status, body, headers) => ahrefsError(status, body, headers, subject, key),
    // Used-up units are never retried, whatever Retry-After says; a rate limit is, after a pause.
    retryable: (status, _headers, body) =>
      status === 429 && refusalKind(429, ahrefsMessage(body, key)) === 'quota' ? false : undefined,
    retryDelay: (status) => (status === 429 ? (rateLimitWaitMs ?? 5000) : undefined),
  });
}

/**
 * Checks a key when it is entered (`gumcp auth ahrefs`, the connect page) with the free
 * `GET /subscription-info/limits-and-usage`, so a wrong key fails at sign-in, not at the first report.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  tuning: AhrefsTuning = {},
  window: Spacer = minuteWindow(),
): Promise<undefined> {
  const key = values.api_key?.trim();
  if (!key) throw new ToolError(`api_key: enter an Ahrefs API v3 key (Account settings > API keys)`);
  try {
    await ahrefsClient(key, { what: 'the subscription limits' }, tuning, window).request(LIMITS_PATH);
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'Ahrefs rejected the API key: check that it was copied whole, is an API v3 key (not an MCP key) ' +
          'and has not expired or been revoked',
      );
    }
    if (error instanceof AhrefsPlanDenied) {
      throw new ToolError(
        `Ahrefs accepted the key, but its plan has no API access${error.said ? ` (${error.said})` : ''}: ` +
          'API v3 comes with the Enterprise plan',
      );
    }
    throw error;
  }
  return undefined;
}

export type ApiFactory = (ctx: Ctx) => AhrefsApi;
