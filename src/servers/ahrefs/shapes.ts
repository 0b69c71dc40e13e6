import { z } from 'zod';

/**
 * What the tools return. Ahrefs answers every report as `{ <key>: object }` or `{ <key>: [rows] }`,
 * each row holding the columns asked for; the tools pass on those columns only, tell whether more rows
 * may exist, and report the units the call cost when Ahrefs says (its `x-api-*` answer headers).
 */

/** The units of one call, from the headers Ahrefs documents under "Limits and consumption". */
export const unitsSchema = z
  .object({
    rows: z.number().optional().describe('Rows Ahrefs counted for the call'),
    cost_per_row: z.number().optional().describe('Units one row cost (the sum of its columns’ costs)'),
    expected: z.number().optional().describe('Units the call should cost: max(50, rows × cost_per_row)'),
    used: z.number().optional().describe('Units the call actually consumed (0 when served from cache)'),
    cache: z.string().optional().describe('hit, miss or no_cache; a cache hit is free'),
  })
  .describe('API units this call used from the monthly quota, as Ahrefs reported them');

export type Units = z.infer<typeof unitsSchema>;

const row = z.record(z.string(), z.unknown());
export type Row = z.infer<typeof row>;

/** A report with one answer: the metrics of a target. */
export const objectOutput = (what: string) =>
  z.object({
    data: row.describe(what),
    units: unitsSchema.optional(),
  });

/** A report of rows: links, keywords, pages, or points of a history. */
export const rowsOutput = (what: string) =>
  z.object({
    rows: z.array(row).describe(what),
    count: z.number().describe('Rows returned'),
    more: z.boolean().describe('Whether Ahrefs may have more rows than returned (see hint)'),
    hint: z.string().optional().describe('How to get more, or other rows'),
    units: unitsSchema.optional(),
  });

export type RowsResult = z.input<ReturnType<typeof rowsOutput>>;
export type ObjectResult = z.input<ReturnType<typeof objectOutput>>;

const HEADERS: Record<string, keyof Units> = {
  'x-api-rows': 'rows',
  'x-api-units-cost-row': 'cost_per_row',
  'x-api-units-cost-total': 'expected',
  'x-api-units-cost-total-actual': 'used',
};

/** The units Ahrefs' answer headers report; undefined when it sent none. */
export function unitsFrom(headers: Headers): Units | undefined {
  const units: Units = {};
  for (const [name, field] of Object.entries(HEADERS)) {
    const raw = headers.get(name);
    const value = raw === null ? Number.NaN : Number(raw);
    if (Number.isFinite(value) && value >= 0) (units as Record<string, number>)[field] = value;
  }
  const cache = headers.get('x-api-cache');
  if (cache) units.cache = cache.toLowerCase();
  return Object.keys(units).length ? units : undefined;
}

/** A row with only the columns asked for (Ahrefs answers with those; this keeps to them regardless). */
export function pick(r: Row, columns: readonly string[] | undefined): Row {
  if (!columns) return r;
  const out: Row = {};
  for (const c of columns) {
    const top = c.split('.')[0] ?? c;
    if (top in r) out[top] = r[top];
  }
  return out;
}
