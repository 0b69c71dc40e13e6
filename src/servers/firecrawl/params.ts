import { z } from 'zod';

/**
 * The tools' arguments, under guMCP's names (Firecrawl v1's), and how they become Firecrawl v2's
 * request fields: v1 format names become v2 format objects, `jsonOptions` and `changeTrackingOptions`
 * move into their formats, the `stealth` proxy is v2's `enhanced`.
 */

// Single fields.

const httpUrl = z
  .string()
  .trim()
  .min(1)
  .transform((v) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}`))
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }));

export const url = (what: string) => httpUrl.describe(what);

export const urls = (what: string, max: number) =>
  z.array(httpUrl).min(1, 'give at least one URL').max(max).describe(what);

/** A Firecrawl job id (a UUID); checked so it cannot step out of the URL path it goes in. */
export const jobId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{8,64}$/, `must be a Firecrawl ${what} id (a UUID)`)
    .describe(`Id of the ${what} (as returned when it was started)`);

export const milliseconds = (what: string, min: number, max: number) =>
  z.number().int().min(min).max(max).optional().describe(what);

const stringList = (what: string) => z.array(z.string().min(1)).optional().describe(what);

/** How long a tool that starts a job waits for it; 0 answers at once with the id, as guMCP did. */
export const waitSeconds = (what: string) =>
  z
    .number()
    .int()
    .min(0)
    .max(600)
    .default(45)
    .describe(
      `Seconds to wait for the ${what} to finish (0-600, default 45), with progress notifications; ` +
        'the answer then holds its first results. 0 answers at once with the job id. A job still ' +
        'running when the wait ends keeps running: its status tool continues.',
    );

export const maxDocuments = z
  .number()
  .int()
  .min(0)
  .max(100)
  .default(10)
  .describe(
    'Most pages to return (0-100, default 10); Firecrawl’s chunks are followed up to it, and nextSkip continues',
  );

export const skip = z
  .number()
  .int()
  .min(0)
  .default(0)
  .describe('How many pages of the results to skip: the nextSkip of an earlier answer continues it');

export const maxChars = (fallback: number, what: string) =>
  z
    .number()
    .int()
    .min(100)
    .max(200_000)
    .default(fallback)
    .describe(`Most characters of ${what} to return (100-200000, default ${fallback})`);

// Formats.

const FORMAT_NAMES = [
  'markdown',
  'summary',
  'html',
  'rawHtml',
  'links',
  'images',
  'screenshot',
  'screenshot@fullPage',
  'json',
  'changeTracking',
  'branding',
] as const;

/** A format by v1 name (guMCP's), or a v2 format object such as `{ type: 'screenshot', fullPage: true }`. */
export const formats = z
  .array(
    z.union([
      z.enum(FORMAT_NAMES),
      z.looseObject({ type: z.string().min(1).describe('A Firecrawl v2 format type') }),
    ]),
  )
  .min(1)
  .optional()
  .describe(
    `Formats to return: ${FORMAT_NAMES.join(', ')} (default markdown); a Firecrawl v2 format object ` +
      '(e.g. {"type": "json", "prompt": "…"}) is passed as it is',
  );

export type FormatsArg = z.output<typeof formats>;

export const jsonOptions = z
  .object({
    schema: z.record(z.string(), z.unknown()).optional().describe('JSON Schema of the data to extract'),
    prompt: z.string().optional().describe('What to extract'),
    systemPrompt: z
      .string()
      .optional()
      .describe('Firecrawl v1 only; v2 has none, so it is put before the prompt'),
  })
  .optional()
  .describe('Options of the json format (schema, prompt); given alone, it adds the json format');

export const changeTrackingOptions = z
  .object({
    modes: z
      .array(z.enum(['git-diff', 'json']))
      .optional()
      .describe('git-diff and/or json'),
    schema: z.record(z.string(), z.unknown()).optional().describe('Schema for json mode'),
    prompt: z.string().optional().describe('Prompt for json mode'),
    tag: z.string().nullable().optional().describe('Keeps a separate history per tag'),
  })
  .optional()
  .describe('Options of the changeTracking format (Beta); given alone, it adds the format');

type Format = { type: string; [key: string]: unknown };

const defined = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * v1 formats and their options as v2 format objects. Change tracking compares markdown, so
 * markdown is added with it; a format named twice is sent once.
 */
export function v2Formats(
  list: FormatsArg,
  json?: z.output<typeof jsonOptions>,
  change?: z.output<typeof changeTrackingOptions>,
): Format[] | undefined {
  if (!list && !json && !change) return undefined;
  const jsonFormat = (): Format => ({
    type: 'json',
    ...defined({
      schema: json?.schema,
      prompt: json?.systemPrompt ? `${json.systemPrompt}\n\n${json.prompt ?? ''}`.trim() : json?.prompt,
    }),
  });
  const changeFormat = (): Format => ({
    type: 'changeTracking',
    ...defined({ modes: change?.modes, schema: change?.schema, prompt: change?.prompt, tag: change?.tag }),
  });
  const out: Format[] = (list ?? ['markdown']).map((f): Format => {
    if (typeof f !== 'string') return f as Format;
    if (f === 'screenshot@fullPage') return { type: 'screenshot', fullPage: true };
    if (f === 'json') return jsonFormat();
    if (f === 'changeTracking') return changeFormat();
    return { type: f };
  });
  const has = (type: string) => out.some((f) => f.type === type);
  if (json && !has('json')) out.push(jsonFormat());
  if (change && !has('changeTracking')) out.push(changeFormat());
  if (has('changeTracking') && !has('markdown')) out.unshift({ type: 'markdown' });
  return out.filter((f, i) => out.findIndex((g) => g.type === f.type) === i);
}

// Scrape options, shared by scrape_url and batch_scrape.

export const scrapeFields = {
  formats,
  onlyMainContent: z
    .boolean()
    .optional()
    .describe('Only the main content, without headers, navigation and footers (default true)'),
  includeTags: stringList('HTML tags, classes or ids to keep'),
  excludeTags: stringList('HTML tags, classes or ids to leave out'),
  headers: z
    .record(z.string(), z.string())
    .optional()
    .describe('Headers to send to the site (cookies, user agent, …)'),
  waitFor: milliseconds('Milliseconds to wait for the page before reading it (default 0)', 0, 60_000),
  mobile: z.boolean().optional().describe('Emulate a mobile device (default false)'),
  skipTlsVerification: z
    .boolean()
    .optional()
    .describe('Skip TLS certificate checks of the site (Firecrawl v2 default true)'),
  timeout: milliseconds(
    'Milliseconds Firecrawl may take for a page (1000-300000, default 60000)',
    1000,
    300_000,
  ),
  jsonOptions,
  actions: z
    .array(
      z.looseObject({ type: z.string().min(1).describe('wait, click, write, press, scroll, screenshot, …') }),
    )
    .max(50)
    .optional()
    .describe('Browser actions before reading the page, e.g. [{"type": "click", "selector": "#more"}]'),
  location: z
    .object({
      country: z
        .string()
        .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
        .transform((c) => c.toUpperCase())
        .optional()
        .describe('ISO 3166-1 alpha-2 country, e.g. US, DE'),
      languages: z.array(z.string()).optional().describe('Preferred languages, e.g. ["en-US"]'),
    })
    .optional()
    .describe('Where the request appears to come from (proxy, language and timezone)'),
  removeBase64Images: z.boolean().optional().describe('Replace inline base64 images (default true)'),
  blockAds: z.boolean().optional().describe('Block ads and cookie pop-ups (default true)'),
  proxy: z
    .enum(['basic', 'stealth', 'enhanced', 'auto'])
    .optional()
    .describe('basic, enhanced (v1: stealth) or auto (default: basic, then enhanced if blocked)'),
  changeTrackingOptions,
};

export type ScrapeArgs = Partial<{ [K in keyof typeof scrapeFields]: z.output<(typeof scrapeFields)[K]> }>;

/** Firecrawl v2's scrape options from the tool's arguments; only those given are sent. */
export function scrapeOptions(args: ScrapeArgs): Record<string, unknown> {
  return defined({
    formats: v2Formats(args.formats, args.jsonOptions, args.changeTrackingOptions),
    onlyMainContent: args.onlyMainContent,
    includeTags: args.includeTags,
    excludeTags: args.excludeTags,
    headers: args.headers,
    waitFor: args.waitFor,
    mobile: args.mobile,
    skipTlsVerification: args.skipTlsVerification,
    timeout: args.timeout,
    actions: args.actions,
    location: args.location,
    removeBase64Images: args.removeBase64Images,
    blockAds: args.blockAds,
    proxy: args.proxy === 'stealth' ? 'enhanced' : args.proxy,
  });
}

/** Firecrawl's field names (the first segment of a validation error's path) as the tools' arguments. */
export const SCRAPE_ARGS: Readonly<Record<string, string>> = {
  formats: 'formats',
  onlyMainContent: 'onlyMainContent',
  includeTags: 'includeTags',
  excludeTags: 'excludeTags',
  headers: 'headers',
  waitFor: 'waitFor',
  mobile: 'mobile',
  skipTlsVerification: 'skipTlsVerification',
  timeout: 'timeout',
  actions: 'actions',
  location: 'location',
  removeBase64Images: 'removeBase64Images',
  blockAds: 'blockAds',
  proxy: 'proxy',
  url: 'url',
  urls: 'urls',
};

export { defined };
