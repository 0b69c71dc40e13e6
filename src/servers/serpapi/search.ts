import { ToolError } from '../../core/errors.js';
import type { Query } from '../../upstream/client.js';
import type { SerpApi } from './api.js';
import { redact, type Subject } from './errors.js';
import { type Args, PASSED, SEARCH_TYPES } from './params.js';
import { nextStart, type SearchJson, type SearchOutput, toSearch } from './shapes.js';

/** SerpApi's query for Google Search: engine, tbm for the search type, and the arguments given. */
function searchQuery(args: Args): Query {
  const query: Query = { engine: 'google', q: args.q };
  const tbm = SEARCH_TYPES[args.search_type];
  if (tbm) query.tbm = tbm;
  for (const name of PASSED) {
    const value = args[name];
    if (value !== undefined) query[name] = value;
  }
  if (args.output === 'html') query.output = 'html';
  return query;
}

/** One page, waited for on the connection or as an async job (`done: false`: still running). */
async function onePage(
  serp: SerpApi,
  args: Args,
  query: Query,
  subject: Subject,
): Promise<{ body: SearchJson | string; done: boolean; id?: string }> {
  if (!args.async) return { body: await serp.search(query, subject), done: true };
  const { body, done } = await serp.searchAsync(query, subject, args.wait_seconds * 1000);
  const id = body.search_metadata?.id;
  if (done && args.output === 'html' && id) return { body: await serp.archive(id, true), done, id };
  return { body, done };
}

/** The HTML answer, bounded. */
function htmlOutput(html: string, args: Args, searchId: string | null): SearchOutput {
  const note =
    html.length > args.max_chars
      ? `The HTML is cut at ${args.max_chars} of ${html.length} characters (max_chars)`
      : null;
  return {
    ...toSearch([], args.q, args.search_type),
    search_id: searchId,
    status: 'Success',
    no_results: false,
    pages: 1,
    html: html.slice(0, args.max_chars),
    html_length: html.length,
    note,
  };
}

/**
 * One call of serpapi_search: an archived search, or the search page after page (each waited for on
 * the connection or, with async, polled from the archive), trimmed. `key` cleans every answer.
 */
export async function runSearch(serp: SerpApi, args: Args, key: string): Promise<SearchOutput> {
  if (args.location && args.uule) {
    throw new ToolError('Invalid arguments location and uule: SerpApi takes one of them, not both');
  }
  if (args.async && args.no_cache) {
    throw new ToolError('Invalid arguments async and no_cache: SerpApi does not take them together');
  }
  const clean = <T>(value: T): T =>
    key.length >= 16 ? (JSON.parse(JSON.stringify(value).split(key).join('[redacted]')) as T) : value;
  const subject: Subject = { what: `the search for "${args.q}"`, args: ['q', ...PASSED] };

  if (args.search_id) {
    const body = await serp.archive(args.search_id, args.output === 'html');
    if (typeof body === 'string') return clean(htmlOutput(body, args, args.search_id));
    if (body.search_metadata?.status === 'Error') {
      throw new ToolError(
        `Search ${args.search_id} ended in error at SerpApi: ${redact(body.error ?? 'SerpApi gave no reason', key)}`,
      );
    }
    return clean(toSearch([body], args.q, args.search_type, { full: args.full }));
  }

  const query = searchQuery(args);
  const pages: SearchJson[] = [];
  let start = args.start;
  for (let n = 0; n < (args.output === 'html' ? 1 : args.max_pages); n++) {
    const page = { ...query, ...(start ? { start } : {}) };
    const { body, done, id } = await onePage(serp, args, page, subject);
    if (typeof body === 'string') return clean(htmlOutput(body, args, id ?? null));
    if (!done) {
      const running = body.search_metadata?.id ?? '';
      const still = `Still running at SerpApi: call serpapi_search with search_id ${running} later`;
      if (!pages.length) return clean(toSearch([body], args.q, args.search_type, { note: still }));
      return clean(
        toSearch(pages, args.q, args.search_type, { full: args.full, note: `Page ${n + 1}: ${still}` }),
      );
    }
    pages.push(body);
    const next = nextStart(body);
    if (next === null) break;
    start = next;
  }
  const out = toSearch(pages, args.q, args.search_type, { full: args.full });
  if (out.no_results) out.note = 'No results: Google returned nothing for this query (not an error)';
  return clean(out);
}
