import type { z } from 'zod';
import { reads } from '../../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import type { Query } from '../../../upstream/client.js';
import type { AhrefsApi, ApiFactory } from '../api.js';
import { MAX_LIMIT } from '../params.js';
import { type ObjectResult, pick, type Row, type RowsResult } from '../shapes.js';

export type ToolTable = Record<string, AnyToolDef>;

/** A tool of this server: like `tool`, but its handler gets the Ahrefs client of the call. Every tool reads. */
interface AhrefsToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output' | 'annotations'> {
  output: O;
  run(args: z.output<I>, api: AhrefsApi): Promise<z.input<O>>;
}

/** Makes the tool maker of one area's table, with clients from `connect`. */
export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: AhrefsToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      annotations: reads,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });
}

export type ToolMaker = ReturnType<typeof toolMaker>;

// What the tools say about cost. Ahrefs charges max(50, rows × per-row cost) units a request, the
// per-row cost being the sum of the costs of the unique columns in the answer, `where` and `order_by`
// (docs "Limits and consumption"; a column's cost is in its description, "(5 units)", "(10 units)").

/** For reports whose columns the caller picks. */
export const COST_BY_COLUMNS =
  'Cost: max(50, rows × per-row cost) API units from the monthly quota; the per-row cost is the sum ' +
  'of the columns in select, where and order_by (1 unit each, except traffic, volume, value, cost and ' +
  'difficulty columns at 10 and referring-domain counts at 5). Pick few columns and a small limit.';

/** For reports with one answer row of fixed columns. */
export const costOfOneRow = (perRow: number) =>
  `Cost: ${Math.max(50, perRow)} API units a call from the monthly quota (one row of ${perRow} ` +
  `unit${perRow === 1 ? '' : 's'}; Ahrefs charges at least 50 a request).`;

/** For histories: one row a point. */
export const costPerPoint = (perRow: number, columns = '') =>
  `Cost: max(50, points × ${perRow}) API units from the monthly quota (${perRow} a point${columns}); ` +
  'monthly grouping keeps it small.';

export const UNITS_REPORTED = 'The answer’s units field reports what the call used.';

/** Query parameters from arguments: undefined ones left out, lists comma-separated. */
export function params(values: Record<string, unknown>): Query {
  const query: Query = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    query[name] = Array.isArray(value) ? value.join(',') : (value as string | number | boolean);
  }
  return query;
}

/** Ahrefs parameter -> tool argument, for the parameters sent (`renames` where the names differ). */
function argsOf(query: Query, renames: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(Object.keys(query).map((p) => [p, renames[p] ?? p]));
}

const isRow = (v: unknown): v is Row => !!v && typeof v === 'object' && !Array.isArray(v);

export interface Report {
  /** Path under /v3, e.g. `site-explorer/domain-rating`. */
  path: string;
  /** The answer's key holding the data, e.g. `domain_rating`. */
  key: string;
  query: Query;
  /** What it is about, for messages: "the Domain Rating of ahrefs.com". */
  what: string;
  renames?: Readonly<Record<string, string>>;
}

/** A report with one answer object. */
export async function objectReport(api: AhrefsApi, r: Report): Promise<ObjectResult> {
  const { body, units } = await api.get<Record<string, unknown>>(r.path, r.query, {
    what: r.what,
    args: argsOf(r.query, r.renames),
  });
  const data = body?.[r.key];
  return { data: isRow(data) ? data : {}, ...(units ? { units } : {}) };
}

export interface RowsReport extends Report {
  /** The columns asked for: rows keep these only. */
  columns?: readonly string[];
  /** The limit sent: as many rows back means Ahrefs may have more. */
  limit?: number;
  /** The largest limit the tool takes (default 1000). */
  maxLimit?: number;
  /** How to narrow the report, said when it may have more (e.g. "narrow with where"). */
  narrow?: string;
  /** Histories: at most this many points, the latest ones. */
  latest?: number;
}

/** A report of rows. */
export async function rowsReport(api: AhrefsApi, r: RowsReport): Promise<RowsResult> {
  const { body, units } = await api.get<Record<string, unknown>>(r.path, r.query, {
    what: r.what,
    args: argsOf(r.query, r.renames),
  });
  const list = body?.[r.key];
  let rows = (Array.isArray(list) ? list : []).filter(isRow).map((row) => pick(row, r.columns));
  let hint: string | undefined;
  let more = false;
  if (r.latest !== undefined) rows = oldestFirst(rows);
  if (r.latest !== undefined && rows.length > r.latest) {
    hint =
      `The history has ${rows.length} points; these are the latest ${r.latest}. Narrow date_from and ` +
      'date_to, or group by week or month, to see the others.';
    rows = rows.slice(-r.latest);
    more = true;
  } else if (r.limit !== undefined && rows.length >= r.limit) {
    more = true;
    hint =
      `These are the first ${r.limit} rows; Ahrefs may have more. Raise limit (up to ${r.maxLimit ?? MAX_LIMIT}; each row ` +
      `costs units)${r.narrow ? `, or ${r.narrow}` : ''}.`;
  }
  return { rows, count: rows.length, more, ...(hint ? { hint } : {}), ...(units ? { units } : {}) };
}

/** A history's points by date, oldest first, whatever order they came in (points without a date stay put). */
function oldestFirst(rows: Row[]): Row[] {
  if (!rows.every((row) => typeof row.date === 'string')) return rows;
  return [...rows].sort((a, b) => String(a.date).localeCompare(String(b.date)));
}
