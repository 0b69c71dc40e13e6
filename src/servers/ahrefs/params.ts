import { z } from 'zod';

/**
 * The tools' arguments, checked before any request (a wrong one costs no units): each names itself
 * and says why when it is wrong. Ahrefs' request parameters are built from them in tools/.
 */

/** The most rows one call asks for: more would flood a model's context and the unit quota. */
export const MAX_LIMIT = 1000;

/** The two-letter codes Ahrefs takes as `country` (its OpenAPI description's enum). */
const COUNTRIES = new Set(
  (
    'ad ae af ag ai al am ao ar as at au aw az ba bb bd be bf bg bh bi bj bn bo br bs bt bw by bz ca cd ' +
    'cf cg ch ci ck cl cm cn co cr cu cv cy cz de dj dk dm do dz ec ee eg es et fi fj fm fo fr ga gb gd ' +
    'ge gf gg gh gi gl gm gn gp gq gr gt gu gy hk hn hr ht hu id ie il im in iq is it je jm jo jp ke kg ' +
    'kh ki kn kr kw ky kz la lb lc li lk ls lt lu lv ly ma mc md me mg mk ml mm mn mq mr ms mt mu mv mw ' +
    'mx my mz na nc ne ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pn pr ps pt py qa re ro rs ru rw ' +
    'sa sb sc se sg sh si sk sl sm sn so sr st sv td tg th tj tk tl tm tn to tr tt tw tz ua ug us uy uz ' +
    'vc ve vg vi vn vu ws ye yt za zm zw'
  ).split(' '),
);

type Ctx = z.core.$RefinementCtx;

function fail(ctx: Ctx, input: unknown, message: string): typeof z.NEVER {
  ctx.issues.push({ code: 'custom', input, message });
  return z.NEVER;
}

/** A domain or URL, as Ahrefs takes `target`. */
export const target = z
  .string()
  .trim()
  .min(1, 'give a domain or a URL, e.g. ahrefs.com or https://ahrefs.com/blog/')
  .max(2048)
  .regex(/^[^\s<>"{}|\\^`]+$/, 'must be a domain or a URL without spaces, e.g. ahrefs.com');

/** YYYY-MM-DD, a real calendar date. */
export const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in YYYY-MM-DD form, e.g. 2025-01-31')
  .refine((d) => {
    // The form is the regex's to report; this checks the calendar.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return true;
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
  }, 'is not a calendar date');

/** A country code Ahrefs covers; `uk` is read as `gb`. */
export const country = z
  .string()
  .trim()
  .toLowerCase()
  .transform((c) => (c === 'uk' ? 'gb' : c))
  .refine(
    (c) => COUNTRIES.has(c),
    'must be a two-letter country code Ahrefs covers (ISO 3166-1), e.g. us, gb, de',
  );

export const mode = z
  .enum(['exact', 'prefix', 'domain', 'subdomains'])
  .optional()
  .describe(
    'Scope of the target: exact (that URL), prefix (URLs under it), domain (the domain without ' +
      'subdomains) or subdomains (the domain and its subdomains; Ahrefs’ default)',
  );

export const protocol = z
  .enum(['both', 'http', 'https'])
  .optional()
  .describe('Protocol of the target: both (default), http or https');

export const volumeMode = z
  .enum(['monthly', 'average'])
  .optional()
  .describe('Search volume: monthly (default) or average; it changes volume, traffic and traffic value');

export const historyGrouping = z
  .enum(['daily', 'weekly', 'monthly'])
  .optional()
  .describe('One point per day, week or month (default monthly)');

export const output = z
  .enum(['json', 'csv', 'xml', 'php'])
  .optional()
  .describe('Kept for guMCP compatibility: answers are always JSON (structured content)');

/** `live`, `all_time` or `since:YYYY-MM-DD`. */
export const history = z
  .string()
  .trim()
  .refine(
    (h) =>
      h === 'live' ||
      h === 'all_time' ||
      (/^since:\d{4}-\d{2}-\d{2}$/.test(h) && date.safeParse(h.slice(6)).success),
    'must be live, all_time or since:YYYY-MM-DD',
  )
  .optional()
  .describe(
    'Lost links to include: live (none: only links that exist now), since:YYYY-MM-DD (lost since that ' +
      'date) or all_time (Ahrefs’ default)',
  );

/** `limit` with a modest default, so an answer fits a model's context. */
export const limit = (fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(fallback)
    .describe(
      `Most rows to return (1-${MAX_LIMIT}, default ${fallback}). Every row costs units; use where and ` +
        'order_by to get the rows that matter first',
    );

const COLUMN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

/** A list given as "a,b" or ["a", "b"], trimmed, without blanks or repeats. */
function list(value: string | string[]): string[] {
  const items = (Array.isArray(value) ? value : value.split(',')).map((v) => v.trim()).filter(Boolean);
  return [...new Set(items)];
}

/** Column names: a comma-separated string (Ahrefs' form) or a list; sent comma-separated. */
export const select = z.union([z.string(), z.array(z.string())]).transform((value, ctx) => {
  const columns = list(value);
  if (columns.length === 0) return fail(ctx, value, 'name at least one column, e.g. "keyword,volume"');
  const bad = columns.find((c) => !COLUMN.test(c));
  if (bad) return fail(ctx, value, `"${bad}" is not a column name (lowercase letters, digits and _)`);
  return columns;
});

/** `column` or `column:asc|desc`, comma-separated or as a list. */
export const orderBy = z
  .union([z.string(), z.array(z.string())])
  .transform((value, ctx) => {
    const items = list(value);
    if (items.length === 0) return fail(ctx, value, 'name a column to sort by, e.g. "traffic:desc"');
    for (const item of items) {
      const [column = '', direction, extra] = item.split(':').map((p) => p.trim());
      if (!COLUMN.test(column) || extra !== undefined || (direction && !/^(asc|desc)$/.test(direction))) {
        return fail(ctx, value, `"${item}" must be column or column:asc / column:desc, e.g. "traffic:desc"`);
      }
    }
    return items.join(',');
  })
  .optional()
  .describe('Sort order: column:desc or column:asc, several comma-separated, e.g. "traffic:desc"');

/** Keywords as Ahrefs takes them: comma-separated (a list is joined). */
export const keywords = z
  .union([z.string(), z.array(z.string())])
  .transform((value, ctx) => {
    const items = list(value);
    if (items.length === 0) return fail(ctx, value, 'give at least one keyword');
    if (items.some((k) => k.length > 500)) return fail(ctx, value, 'a keyword is longer than 500 characters');
    return items;
  })
  .optional();

export const keyword = z.string().trim().min(1, 'give a keyword').max(500);

export const keywordListId = z
  .union([
    z.number().int().positive(),
    z.string().trim().regex(/^\d+$/, 'must be a keyword list id (a number)'),
  ])
  .transform(Number)
  .optional()
  .describe('Id of a keyword list saved in Ahrefs Keywords Explorer, instead of keywords');

// `where`: Ahrefs' filter expression (docs: "Filter syntax"), checked against its grammar.

const CONDITION_OPS = new Set([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'substring',
  'isubstring',
  'phrase_match',
  'iphrase_match',
  'prefix',
  'suffix',
  'regex',
]);
const MAX_DEPTH = 16;

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** `["gt", 100]`, `"empty"` or `"is_null"`; a problem as text, or undefined. */
function checkCondition(c: unknown, at: string): string | undefined {
  if (c === 'empty' || c === 'is_null') return undefined;
  if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== 'string') {
    return `${at} must be a condition such as ["gt", 100], "empty" or "is_null"`;
  }
  if (!CONDITION_OPS.has(c[0])) {
    return `${at} has the unknown operator "${c[0]}" (use ${[...CONDITION_OPS].join(', ')})`;
  }
  if (c[1] === undefined) return `${at} needs a value after "${c[0]}"`;
  return undefined;
}

/** and / or / not of filters; `leaf` checks what stands alone. */
function checkBool(
  node: unknown,
  at: string,
  depth: number,
  leaf: (n: unknown, at: string, depth: number) => string | undefined,
): string | undefined {
  if (depth > MAX_DEPTH) return `${at} nests deeper than ${MAX_DEPTH} levels`;
  if (isObject(node) && ('and' in node || 'or' in node || 'not' in node)) {
    const keys = Object.keys(node);
    if (keys.length !== 1) return `${at} must hold exactly one of and, or, not (it has ${keys.join(', ')})`;
    const [op] = keys as ['and' | 'or' | 'not'];
    const inner = node[op];
    if (op === 'not') return checkBool(inner, `${at}.not`, depth + 1, leaf);
    if (!Array.isArray(inner) || inner.length === 0) return `${at}.${op} must be a non-empty list of filters`;
    for (const [i, item] of inner.entries()) {
      const problem = checkBool(item, `${at}.${op}[${i}]`, depth + 1, leaf);
      if (problem) return problem;
    }
    return undefined;
  }
  return leaf(node, at, depth);
}

/** `{ "field": ..., "is": [...] }` or `{ "field": ..., "list_is": { "any" | "all": ... } }`. */
function checkExpr(node: unknown, at: string, depth: number): string | undefined {
  if (!isObject(node)) return `${at} must be an object such as {"field": "traffic", "is": ["gt", 100]}`;
  const unknown = Object.keys(node).filter((k) => !['field', 'is', 'list_is', 'modifier'].includes(k));
  if (unknown.length)
    return `${at} has unknown key ${unknown.join(', ')} (use field, is, list_is, modifier, and, or, not)`;
  if (typeof node.field !== 'string' || !node.field.trim()) return `${at} needs "field": a column name`;
  if (node.modifier !== undefined && typeof node.modifier !== 'string')
    return `${at}.modifier must be a string`;
  if (node.is === undefined && node.list_is === undefined) return `${at} needs "is" or "list_is"`;
  if (node.is !== undefined) {
    const problem = checkCondition(node.is, `${at}.is`);
    if (problem) return problem;
  }
  if (node.list_is !== undefined) {
    const list = node.list_is;
    if (!isObject(list) || Object.keys(list).length !== 1 || !('any' in list || 'all' in list)) {
      return `${at}.list_is must be {"any": condition} or {"all": condition}`;
    }
    const [which] = Object.keys(list) as ['any' | 'all'];
    return checkBool(list[which], `${at}.list_is.${which}`, depth + 1, (c, where) =>
      checkCondition(c, where),
    );
  }
  return undefined;
}

/**
 * A filter as JSON text (Ahrefs' form, what guMCP took) or as an object; checked against Ahrefs'
 * filter grammar and sent as compact JSON.
 */
export const where = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .transform((value, ctx) => {
    let filter: unknown = value;
    if (typeof value === 'string') {
      if (value.length > 20_000) return fail(ctx, value, 'is longer than 20000 characters');
      try {
        filter = JSON.parse(value);
      } catch {
        return fail(ctx, value, 'is not JSON: write it as {"field": "traffic", "is": ["gt", 100]}');
      }
    }
    const problem = checkBool(filter, 'the filter', 0, checkExpr);
    if (problem) return fail(ctx, value, problem);
    return JSON.stringify(filter);
  })
  .optional()
  .describe(
    'Filter, as Ahrefs’ JSON filter expression: {"field": "traffic", "is": ["gt", 100]}, combined with ' +
      '{"and": [...]}, {"or": [...]}, {"not": ...}. Operators: eq, neq, gt, gte, lt, lte, substring, ' +
      'isubstring, phrase_match, iphrase_match, prefix, suffix, regex, or "empty" / "is_null". Some ' +
      'columns filter under other names than they select under (see Ahrefs’ docs for the report)',
  );
