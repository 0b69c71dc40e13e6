import type { Logger } from 'pino';
import { AuthRequiredError, ToolError } from '../core/errors.js';
import { sleep } from '../util/sleep.js';

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface UpstreamRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /**
   * Sent as JSON unless it is a URLSearchParams (form), a FormData (multipart), a string (text), or
   * bytes (sent as they are, `application/octet-stream` unless a content-type header says otherwise).
   */
  body?: unknown;
  headers?: Record<string, string>;
  /** Read the answer as bytes instead of JSON or text (files), refusing one larger than `maxBytes`. */
  bytes?: { maxBytes: number };
  /**
   * Send no credentials: for pre-authenticated URLs a service hands out (upload sessions, download
   * links), which must not receive the user's token.
   */
  anonymous?: boolean;
  /**
   * Whether sending the request twice is harmless. Defaults to true except for POST and PATCH. A
   * request that is not idempotent is retried only after a 429 (the service did not process it),
   * never after a 5xx or a timeout, where the service may already have done the work.
   */
  idempotent?: boolean;
}

export interface UpstreamOptions {
  /** The service's name, used in error messages ("Slack answered 404"). */
  service: string;
  /** The server id, for the "re-authenticate with `gumcp auth <id>`" hint. */
  serverId: string;
  /** The API root; overridable so tests can point it at a fake. */
  baseUrl: string;
  /** Headers added to every request, usually the Authorization header. Called once per request. */
  auth?: () => Promise<Record<string, string>> | Record<string, string>;
  timeoutMs?: number;
  /** Retries after a 429 or 5xx answer or a network failure. */
  retries?: number;
  /** First backoff delay; doubles per retry, with jitter. */
  backoffMs?: number;
  /** Longest Retry-After the client will wait for; a longer one fails the call at once. */
  maxRetryAfterMs?: number;
  log?: Logger;
  /**
   * Maps a provider's error answer to a tool error (e.g. a 403 that names a missing scope);
   * undefined falls back to the generic mapping by status.
   */
  mapError?: (status: number, body: unknown, headers: Headers) => ToolError | undefined;
  /**
   * How long the service asks to wait before retrying an answer that carries no Retry-After, in ms
   * (ClickUp's X-RateLimit-Reset, a documented fixed pause); undefined falls back to the backoff.
   */
  retryDelay?: (status: number, headers: Headers, body: unknown) => number | undefined;
  /**
   * Whether an error answer is worth retrying, for a provider whose answers say more than their
   * status: false vetoes a retry the client would make (a 429 that is a used-up quota or a daily
   * limit, whatever its Retry-After), true asks for one it would not (a 403 that is a rate limit).
   * True only for answers after which the service did nothing, since it applies to writes too.
   * Undefined leaves the client's own rule: 429 always, 5xx when the request is safe to repeat.
   */
  retryable?: (status: number, headers: Headers, body: unknown) => boolean | undefined;
  /** Runs before every attempt, retries included: a client-side throttle (Airtable's 5 a second per base). */
  beforeAttempt?: (path: string, signal?: AbortSignal) => Promise<void>;
  /** Waits between attempts; tests pass a virtual clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Answers after which the service did nothing lasting; 529 is the "overloaded" some services use (Notion). */
const RETRYABLE = new Set([429, 500, 502, 503, 504, 529]);

/** A service's error answer as a tool error that still knows the HTTP status, for callers that branch on it. */
export class UpstreamError extends ToolError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * A request that is not safe to repeat failed after the service may have carried it out: no answer
 * came (a timeout, a lost connection: `status` 0), or it answered 5xx. The client did not send it
 * again, and its message says to check before trying again; callers test `instanceof` to look for
 * themselves or to say what to check.
 */
export class MayHaveGoneThroughError extends UpstreamError {
  /** The advice the message ends with. */
  static readonly ADVICE = 'the request may have gone through, so check before trying again';

  /**
   * @param happened what happened, without the advice: "Stripe did not answer", "Stripe failed (HTTP 502)"
   */
  constructor(
    readonly happened: string,
    status: number,
  ) {
    super(`${happened}; ${MayHaveGoneThroughError.ADVICE}`, status);
  }

  /** Whether the service answered (a 5xx) rather than not at all. */
  get answered(): boolean {
    return this.status !== 0;
  }
}

/** No answer came (a timeout, a lost connection) to a request safe to repeat, after the client's retries. */
export class NoAnswerError extends ToolError {}

/**
 * Whether the service never answered the request (a timeout, a lost connection), whether or not it
 * was safe to repeat; false for an answer that was an error, and for the caller's cancellation.
 */
export function unanswered(error: unknown): boolean {
  return error instanceof NoAnswerError || (error instanceof MayHaveGoneThroughError && !error.answered);
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function buildUrl(baseUrl: string, path: string, query: Query | undefined): URL {
  const url = new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, v);
    else url.searchParams.set(key, String(value));
  }
  return url;
}

type Encoded = { body?: string | URLSearchParams | FormData | Uint8Array; type?: string };

function encodeBody(body: unknown): Encoded {
  if (body === undefined) return {};
  if (body instanceof URLSearchParams) return { body, type: 'application/x-www-form-urlencoded' };
  // fetch writes the multipart boundary into the content type itself.
  if (body instanceof FormData) return { body };
  if (body instanceof Uint8Array) return { body, type: 'application/octet-stream' };
  if (typeof body === 'string') return { body, type: 'text/plain' };
  return { body: JSON.stringify(body), type: 'application/json' };
}

/** A successful answer in full, for calls that need its status or headers (a Location to poll, a file's name). */
export interface UpstreamAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** Reads at most `max` bytes of a body; undefined when it is longer, so a huge file cannot fill memory. */
async function readBytes(response: Response, max: number): Promise<Buffer | undefined> {
  if (Number(response.headers.get('content-length')) > max) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > max) {
      await response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json') || /^[[{]/.test(text.trimStart())) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** A short, secret-free description of an error body: the provider's message, never the raw payload. */
function providerMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 200);
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const error = b.error;
  if (typeof b.message === 'string') return b.message;
  if (typeof error === 'string') return typeof b.error_description === 'string' ? b.error_description : error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return undefined;
}

const formatBytes = (n: number) =>
  n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : `${Math.round(n / 1024)} KB`;

const formatSeconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

type Hooks = 'auth' | 'log' | 'mapError' | 'retryDelay' | 'retryable' | 'beforeAttempt' | 'sleep';

/**
 * The HTTP client every integration calls its service with: timeouts, retries with backoff on
 * 429/5xx honouring Retry-After, and errors turned into tool errors a user can act on. It logs
 * method, path and status only: never a query string, header or body, which may hold secrets.
 */
export class UpstreamClient {
  readonly #o: Required<Omit<UpstreamOptions, Hooks>> & Pick<UpstreamOptions, Hooks>;

  constructor(options: UpstreamOptions) {
    this.#o = { timeoutMs: 30_000, retries: 3, backoffMs: 250, maxRetryAfterMs: 60_000, ...options };
  }

  /** The service's name, as messages give it. */
  get service(): string {
    return this.#o.service;
  }

  /** The API root paths are resolved against. */
  get baseUrl(): string {
    return this.#o.baseUrl;
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { query }, signal);
  }

  post<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { method: 'POST', body }, signal);
  }

  async request<T>(path: string, req: UpstreamRequest = {}, signal?: AbortSignal): Promise<T> {
    return (await this.exchange<T>(path, req, signal)).body;
  }

  /**
   * Follows a download: a 3xx to a pre-authenticated URL (OneDrive, Dropbox links, S3) is fetched
   * without the user's credentials when it leads to another origin. The bytes are bounded.
   */
  async download(
    path: string,
    maxBytes: number,
    signal?: AbortSignal,
  ): Promise<{ bytes: Buffer; contentType: string; headers: Headers }> {
    let answer = await this.exchange<Buffer>(path, { bytes: { maxBytes } }, signal);
    const location = answer.headers.get('location');
    if (answer.status >= 300 && answer.status < 400 && location) {
      const from = buildUrl(this.#o.baseUrl, path, undefined);
      const to = new URL(location, from);
      answer = await this.exchange<Buffer>(
        to.href,
        { bytes: { maxBytes }, anonymous: to.origin !== from.origin },
        signal,
      );
    }
    return {
      bytes: answer.body,
      contentType: answer.headers.get('content-type') ?? 'application/octet-stream',
      headers: answer.headers,
    };
  }

  /** A request whose answer is wanted in full: status and headers besides the body. */
  async exchange<T>(
    path: string,
    req: UpstreamRequest = {},
    signal?: AbortSignal,
  ): Promise<UpstreamAnswer<T>> {
    const { service } = this.#o;
    const method = req.method ?? 'GET';
    const idempotent = req.idempotent ?? !(method === 'POST' || method === 'PATCH');
    const url = buildUrl(this.#o.baseUrl, path, req.query);
    const encoded = encodeBody(req.body);
    const sleeping = this.#o.sleep ?? sleep;
    // A wait (a throttle's, or between attempts) stopped by the caller reads like any cancelled request.
    const cancellable = async (waiting: Promise<void> | undefined): Promise<void> => {
      try {
        await waiting;
      } catch (error) {
        if (signal?.aborted) throw new ToolError(`Request to ${service} was cancelled`);
        throw error;
      }
    };
    const wait = (ms: number) => cancellable(sleeping(ms, signal));
    for (let attempt = 0; ; attempt++) {
      await cancellable(this.#o.beforeAttempt?.(url.pathname, signal));
      const headers: Record<string, string> = {
        accept: req.bytes ? '*/*' : 'application/json',
        ...(encoded.type ? { 'content-type': encoded.type } : {}),
        ...(req.anonymous ? {} : await this.#o.auth?.()),
        ...req.headers,
      };
      const started = performance.now();
      let response: Response;
      try {
        const timeout = AbortSignal.timeout(this.#o.timeoutMs);
        response = await fetch(url, {
          method,
          headers,
          body: encoded.body,
          // A file's redirect is followed by `download`, so the token never follows it to another origin.
          redirect: req.bytes ? 'manual' : 'follow',
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (error) {
        if (signal?.aborted) throw new ToolError(`Request to ${service} was cancelled`);
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        this.#o.log?.warn(
          { service, method, path: url.pathname, attempt, timedOut },
          'upstream request failed',
        );
        if (idempotent && attempt < this.#o.retries) {
          await wait(this.#backoff(attempt));
          continue;
        }
        if (!idempotent) throw new MayHaveGoneThroughError(`${service} did not answer`, 0);
        throw new NoAnswerError(
          timedOut
            ? `${service} did not answer within ${formatSeconds(this.#o.timeoutMs)}; try again later`
            : `Could not reach ${service}; check the network and try again`,
        );
      }
      const ms = Math.round(performance.now() - started);
      this.#o.log?.debug({ service, method, path: url.pathname, status: response.status, ms }, 'upstream');
      if (response.ok || (req.bytes && response.status >= 300 && response.status < 400)) {
        const { status, headers: answered } = response;
        if (!req.bytes) return { status, headers: answered, body: (await readBody(response)) as T };
        const bytes = await readBytes(response, req.bytes.maxBytes);
        if (!bytes) {
          throw new ToolError(`The file from ${service} is larger than ${formatBytes(req.bytes.maxBytes)}`);
        }
        return { status, headers: answered, body: bytes as T };
      }

      const body = await readBody(response);
      const retryable =
        this.#o.retryable?.(response.status, response.headers, body) ??
        (response.status === 429 || (idempotent && RETRYABLE.has(response.status)));
      if (retryable && attempt < this.#o.retries) {
        const retryAfter =
          parseRetryAfter(response.headers.get('retry-after')) ??
          this.#o.retryDelay?.(response.status, response.headers, body);
        if (retryAfter === undefined || retryAfter <= this.#o.maxRetryAfterMs) {
          await wait(retryAfter ?? this.#backoff(attempt));
          continue;
        }
      }
      throw this.#error(response, body, idempotent);
    }
  }

  #backoff(attempt: number): number {
    const base = this.#o.backoffMs * 2 ** attempt;
    return base / 2 + Math.random() * (base / 2);
  }

  #error(response: Response, body: unknown, idempotent: boolean): ToolError {
    const { service, serverId } = this.#o;
    const mapped = this.#o.mapError?.(response.status, body, response.headers);
    if (mapped) return mapped;
    const detail = providerMessage(body);
    const suffix = detail ? `: ${detail}` : '';
    switch (response.status) {
      case 401:
        return new AuthRequiredError(serverId, `${service} rejected the stored token (expired or revoked)`);
      case 403:
        return new UpstreamError(`Permission denied by ${service}${suffix}`, 403);
      case 404:
        return new UpstreamError(`Not found at ${service}${suffix}`, 404);
      case 429: {
        const wait =
          parseRetryAfter(response.headers.get('retry-after')) ??
          this.#o.retryDelay?.(429, response.headers, body);
        const when =
          wait === undefined
            ? ' later'
            : wait < 1000
              ? ' in a few seconds'
              : ` in ${Math.ceil(wait / 1000)} s`;
        return new UpstreamError(`Rate limited by ${service}; try again${when}`, 429);
      }
      default: {
        const { status } = response;
        if (status >= 500) {
          if (!idempotent) {
            return new MayHaveGoneThroughError(`${service} failed (HTTP ${status})`, status);
          }
          return new UpstreamError(`${service} failed (HTTP ${status}); try again later`, status);
        }
        return new UpstreamError(`${service} rejected the request (HTTP ${status})${suffix}`, status);
      }
    }
  }
}

/**
 * The API root of a service: `GUMCP_<SERVER>_API_URL` when set (tests point it at a fake on
 * loopback; a user may point it at a proxy), otherwise the service's real URL.
 */
export function serviceUrl(serverId: string, realUrl: string): string {
  return process.env[apiUrlVariable(serverId)] || realUrl;
}

/** The variable that points a server's API root elsewhere: `GUMCP_<SERVER>_API_URL`. */
export function apiUrlVariable(serverId: string): string {
  return `GUMCP_${serverId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_URL`;
}
