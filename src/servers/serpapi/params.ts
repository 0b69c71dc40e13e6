import { z } from 'zod';

/** guMCP's search types, as the `tbm` of Google Search (serpapi.com/search-api). */
export const SEARCH_TYPES = {
  web: undefined,
  images: 'isch',
  news: 'nws',
  videos: 'vid',
  shopping: 'shop',
  patents: 'pts',
  local: 'lcl',
} as const;

/** The parameters passed to SerpApi as they are, under their names. */
export const PASSED = [
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

/** serpapi_search's arguments: guMCP's, under its names, and a few added ones. */
export const input = z.object({
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

export type Args = z.output<typeof input>;
