import type { ToolContext } from '../core/context.js';
import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../core/errors.js';
import { serviceUrl, UpstreamClient, UpstreamError, type UpstreamOptions } from '../upstream/client.js';

/** Google's JSON error body: `{ error: { code, message, status, errors: [{ reason }] } }`. */
interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    errors?: { reason?: string }[];
    details?: { reason?: string }[];
  };
}

const SCOPE_REASONS = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT']);

/**
 * An upstream client for one Google API, authenticated with the user's OAuth token. `scope` is
 * the scope the calling server needs, named in the error when Google says a scope is missing.
 */
export function googleApi(
  ctx: ToolContext,
  opts: {
    serverId: string;
    service: string;
    realBaseUrl: string;
    scope: string;
    /** A server's own reading of an error (e.g. YouTube's quotaExceeded), tried before Google's mapping. */
    mapError?: UpstreamOptions['mapError'];
    /** Retry timing, for tests. */
    retries?: number;
    backoffMs?: number;
    maxRetryAfterMs?: number;
  },
): UpstreamClient {
  return new UpstreamClient({
    service: opts.service,
    serverId: opts.serverId,
    baseUrl: serviceUrl(opts.serverId, opts.realBaseUrl),
    log: ctx.log,
    ...(opts.retries !== undefined ? { retries: opts.retries } : {}),
    ...(opts.backoffMs !== undefined ? { backoffMs: opts.backoffMs } : {}),
    ...(opts.maxRetryAfterMs !== undefined ? { maxRetryAfterMs: opts.maxRetryAfterMs } : {}),
    auth: async () => ({ authorization: `Bearer ${String((await ctx.credentials()).access_token ?? '')}` }),
    mapError(status, body, headers) {
      const own = opts.mapError?.(status, body, headers);
      if (own) return own;
      const error = (body as GoogleErrorBody | undefined)?.error;
      const reasons = new Set([
        error?.status,
        ...(error?.errors ?? []).map((e) => e.reason),
        ...(error?.details ?? []).map((d) => d.reason),
      ]);
      if (status === 401)
        return new AuthRequiredError(opts.serverId, `${opts.service} rejected the stored token`);
      if (status === 403 && [...reasons].some((r) => r && SCOPE_REASONS.has(r))) {
        return new MissingScopeError(opts.scope);
      }
      if (error?.message && status < 500 && status !== 429) {
        return new UpstreamError(
          `${opts.service} rejected the request (HTTP ${status}): ${error.message}`,
          status,
        );
      }
      return undefined;
    },
  });
}

/**
 * Names what a 404 was about (Google's own message rarely does); Calendar answers 410 for a deleted
 * event, which means the same to the caller.
 */
export async function orNotFound<T>(what: string, id: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof UpstreamError && (error.status === 404 || error.status === 410)) {
      throw new NotFoundError(what, id);
    }
    throw error;
  }
}

/** One page of a Google list method: its items and the token of the next page. */
export interface GooglePage<T> {
  items: readonly T[];
  nextPageToken?: string | undefined;
}

/** A hard stop on pages per call, so a service answering empty pages with tokens cannot loop us. */
const MAX_PAGES = 100;

/**
 * Follows `nextPageToken` until `limit` items are in hand or the list ends. `fetchPage` gets the token
 * and how many items are still wanted (its page size, at most `maxPageSize`); `more` says whether the
 * service had more than was returned.
 */
export async function collectPages<T>(
  limit: number,
  maxPageSize: number,
  fetchPage: (pageToken: string | undefined, pageSize: number) => Promise<GooglePage<T>>,
): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let token: string | undefined;
  let extra = false;
  for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
    const wanted = limit - items.length;
    const result = await fetchPage(token, Math.min(maxPageSize, wanted));
    extra = result.items.length > wanted;
    items.push(...result.items.slice(0, wanted));
    token = result.nextPageToken || undefined;
    if (!token) break;
  }
  return { items, more: extra || token !== undefined };
}

/** A path segment with Google ids that may hold `@`, `#` or `/` (calendar ids do). */
export const segment = (id: string): string => encodeURIComponent(id);

/** An id taken back out of a resource URI, where it was percent-encoded. */
export function fromUri(value: string | undefined, what: string): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    throw new ToolError(`Invalid ${what} in the resource URI: ${value}`);
  }
}
