import { NotFoundError, ToolError } from '../../core/errors.js';

/*
 * Call helpers shared by the Google servers in this tree (gdrive, gsheets imports them). They belong in
 * src/servers/google-api.ts; they live here until that file grows a status-aware 404 mapping.
 */

/**
 * googleApi turns a 404 into "... rejected the request (HTTP 404): <Google's message>", and Google's
 * message rarely names what was missing ("Requested entity was not found."). This names it instead.
 * It matches the message because the shared client exposes no status on its errors.
 */
export async function orNotFound<T>(what: string, id: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ToolError && /\(HTTP 404\)|^Not found at /.test(error.message)) {
      throw new NotFoundError(what, id);
    }
    throw error;
  }
}

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

/** Pages a listing may return empty while Google still hands out a token; bounds the loop regardless. */
const MAX_PAGES = 100;

/**
 * Follows Google's nextPageToken until `limit` items are in hand or the listing ends. `hasMore` says
 * whether the service had more than was returned.
 */
export async function collectPages<T>(
  limit: number,
  maxPageSize: number,
  fetchPage: (pageToken: string | undefined, pageSize: number) => Promise<Page<T>>,
): Promise<{ items: T[]; hasMore: boolean }> {
  const items: T[] = [];
  let token: string | undefined;
  let extra = false;
  for (let page = 0; page < MAX_PAGES; page++) {
    const wanted = limit - items.length;
    const result = await fetchPage(token, Math.min(maxPageSize, wanted));
    extra = result.items.length > wanted;
    items.push(...result.items.slice(0, wanted));
    token = result.nextPageToken;
    if (!token || items.length >= limit) break;
  }
  return { items, hasMore: extra || Boolean(token) };
}
