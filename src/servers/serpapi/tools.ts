import { z } from 'zod';
import { reads } from '../../core/annotations.js';
import { type AnyToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { Query } from '../../upstream/client.js';
import type { ApiFactory, SerpApi } from './api.js';
import type { Subject } from './errors.js';
import { nextStart, type SearchJson, type SearchOutput, searchSchema, toSearch } from './shapes.js';

/** guMCP's search types, as the `tbm` of Google Search (serpapi.com/search-api). */
const SEARCH_TYPES = {
  web: undefined,
  images: 'isch',
  news: 'nws',
  videos: 'vid',
  shopping: 'shop',
  patents: 'pts',
  local: 'lcl',
} as const;

/** The parameters passed to SerpApi as they are, under their names. */
const PASSED = [
  'location',
  'uule',
  'ludocid',
  'lsig',
  'kgmid',
  'si',
  'ibp',
  'uds',
  'google_domain',
  'gl',
  'hl',
  'cr',
  'lr',
  'tbs',
  'num',
  'start',
  'safe',
  'nfpr',
  'filter',
  'device',
  'no_cache',
] as const;

const text = (what: string) => z.string().trim().min(1).optional().describe(what);
const zeroOne = (what: string) =>
  z
    .union([z.literal(0), z.literal(1)])
    .optional()
    .describe(what);

const input = z.object({
  q: z.string().trim().min(1).describe('The search query (Google operators such as site: work)'),
  search_type: z
    .enum(Object.keys(SEARCH_TYPES) as [keyof typeof SEARCH_TYPES, ...(keyof typeof SEARCH_TYPES)[]])
    .default('web')
    .describe('web (default), images, news, videos, shopping, patents or local'),
  location: text('Where the search comes from, e.g. "Austin, Texas, United States" (not with uule)'),
  uule: text('Google-encoded location (not with location)'),
  ludocid: text('CID of a Google Business listing'),
  lsig: text('Forces the knowledge graph map view'),
  kgmid: text('Id of a Knowledge Graph listing'),
  si: text('Cached search parameters of a Google search'),
  ibp: text('Layouts and expansions of some elements'),
  uds: text('A filter Google gives for the search'),
  google_domain: text('Google domain, e.g. google.de (default google.com)'),
  gl: text('Country, two letters, e.g. us'),
  hl: text('Language, two letters, e.g. en'),
  cr: text('Countries to limit results to, e.g. countryFR|countryDE'),
  lr: text('Languages to limit results to, e.g. lang_fr|lang_de'),
  tbs: text('Advanced search parameters (dates, …), e.g. qdr:w'),
  num: z.number().int().min(1).max(100).optional().describe('Results per page (default 10)'),
  start: z.number().int().min(0).optional().describe('Result offset: 10 is the second page'),
  safe: z.enum(['active', 'off']).optional().describe('SafeSearch: active or off'),
  nfpr: zeroOne('1 leaves out results of an auto-corrected query'),
  filter: zeroOne('0 turns off the Similar and Omitted results filters'),
  device: z.enum(['desktop', 'tablet', 'mobile']).optional().describe('desktop (default), tablet or mobile'),
  no_cache: z
    .boolean()
    .optional()
    .describe('Fetch fresh results instead of SerpApi’s 1-hour cache (cached ones are free)'),
  async: z
    .boolean()
    .optional()
    .describe('Submit the search and wait for it from SerpApi’s archive (wait_seconds), with progress'),
  output: z
    .enum(['json', 'html'])
    .default('json')
    .describe('json (default): the results; html: the raw page'),
  max_pages: z
    .number()
    .int()
    .min(1)
    .max(5)
    .default(1)
    .describe('Pages of results to fetch, following SerpApi’s pagination (1-5, default 1; each is a search)'),
  full: z.boolean().default(false).describe('Also return SerpApi’s whole JSON of each page (large)'),
  search_id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{8,64}$/, 'must be a SerpApi search id')
    .optional()
    .describe(
      'Read an earlier search from SerpApi’s archive (31 days, free) instead of searching; q is then a label',
    ),
  wait_seconds: z
    .number()
    .int()
    .min(0)
    .max(600)
    .default(60)
    .describe(
      'With async: how long to wait for the search (default 60); a search still running gives its search_id',
    ),
  max_chars: z
    .number()
    .int()
    .min(100)
    .max(1_000_000)
    .default(50_000)
    .describe('With output html: most characters of the HTML (default 50000)'),
});

type Args = z.output<typeof input>;

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

export function serpApiTools(connect: ApiFactory): Record<string, AnyToolDef> {
  return {
    serpapi_search: tool({
      description:
        'Search Google through SerpApi: web, images, news, videos, shopping, patents or local results, ' +
        'trimmed to position, title, link and snippet, with the answer box and knowledge graph ' +
        '(full: true adds SerpApi’s whole JSON). Each search uses one of the account’s monthly searches; ' +
        'the same search within an hour is answered free from SerpApi’s cache.',
      input,
      output: searchSchema,
      annotations: reads,
      async handler(args, ctx) {
        const serp = connect(ctx);
        if (args.location && args.uule) {
          throw new ToolError('Invalid arguments location and uule: SerpApi takes one of them, not both');
        }
        if (args.async && args.no_cache) {
          throw new ToolError('Invalid arguments async and no_cache: SerpApi does not take them together');
        }
        // SerpApi's answers do not carry the key (its account endpoint does); this keeps it that way.
        const key = String((await ctx.credentials()).api_key ?? '').trim();
        const clean = <T>(value: T): T =>
          key.length >= 16 ? (JSON.parse(JSON.stringify(value).split(key).join('[redacted]')) as T) : value;
        const subject: Subject = { what: `the search for "${args.q}"`, args: ['q', ...PASSED] };

        if (args.search_id) {
          const body = await serp.archive(args.search_id, args.output === 'html');
          if (typeof body === 'string') return clean(htmlOutput(body, args, args.search_id));
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
            const id = body.search_metadata?.id ?? '';
            const still = `Still running at SerpApi: call serpapi_search with search_id ${id} later`;
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
      },
    }),
  };
}
