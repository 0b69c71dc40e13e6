import { NotFoundError, ToolError } from '../../core/errors.js';

/**
 * Conventions of Google's REST APIs that the gmail and gcalendar servers share: following
 * `nextPageToken` and naming what a 404 was about. They belong next to `googleApi` in
 * ../google-api.ts; they live here until that file can take them.
 */

/** One page of a Google list method: the items under whatever key the method uses, and the next token. */
export interface GooglePage<T> {
  items: readonly T[];
  nextPageToken?: string | undefined;
}

/** A hard stop on pages per call, so a service answering empty pages with tokens cannot loop us. */
const MAX_PAGES = 50;

/**
 * Follows `nextPageToken` until `limit` items are collected or the list ends. `fetchPage` gets the
 * token and how many items are still wanted (its page size). `more` says whether items were left.
 */
export async function collectPages<T>(
  limit: number,
  fetchPage: (pageToken: string | undefined, wanted: number) => Promise<GooglePage<T>>,
): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
    const result = await fetchPage(token, limit - items.length);
    items.push(...result.items);
    token = result.nextPageToken || undefined;
    if (!token) break;
  }
  return { items: items.slice(0, limit), more: items.length > limit || token !== undefined };
}

/**
 * googleApi reports a 404 (or Calendar's 410 for a deleted event) as "rejected the request (HTTP 404):
 * Not Found", which does not say what was missing; this names it. Matching the message is the only
 * signal googleApi gives (its errors carry no status).
 */
export async function orNotFound<T>(what: string, id: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ToolError && /\(HTTP 404\)|\(HTTP 410\)|^Not found at /.test(error.message)) {
      throw new NotFoundError(what, id);
    }
    throw error;
  }
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
