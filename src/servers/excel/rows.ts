import { ToolError } from '../../core/errors.js';
import { addressBox, type Box, boxAddress, columnNumber } from './a1.js';
import { type Cell, inSheet, type Range, rangePath, sheetPath, type Workbook } from './api.js';

/**
 * A worksheet read as a table: its used range (cells with values), the first row taken as headers,
 * and rows numbered as Excel shows them (row_index 5 is the sheet's row 5, wherever the data starts).
 */
export interface SheetTable {
  /** The used range; undefined when the sheet is empty. */
  box: Box | undefined;
  headers: string[];
  values: Cell[][];
}

export async function readSheet(wb: Workbook, sheet: string): Promise<SheetTable> {
  const used = await inSheet(
    wb,
    sheet,
    wb.get<Range>(`${sheetPath(sheet)}/usedRange(valuesOnly=true)`, { $select: 'address,values' }),
  );
  const values = used.values ?? [];
  // A blank sheet's used range is its top-left cell, empty.
  const empty =
    values.length === 0 || (values.length === 1 && values[0]?.length === 1 && values[0][0] === '');
  const box = empty ? undefined : addressBox(used.address);
  return {
    box,
    headers: box ? (values[0] ?? []).map((h) => String(h ?? '')) : [],
    values: box ? values : [],
  };
}

/**
 * The 0-based position (within the used range) of the column the caller named: a header first
 * (case-insensitive), else column letters ("C").
 */
export function columnIndex(table: SheetTable, column: string, argument: string): number {
  const wanted = column.trim().toLowerCase();
  const byHeader = table.headers.findIndex((h) => h.trim().toLowerCase() === wanted);
  if (byHeader >= 0) return byHeader;
  const letter = columnNumber(column.trim());
  const left = table.box?.left ?? 1;
  if (letter && table.box && letter >= left && letter <= table.box.right) return letter - left;
  throw new ToolError(
    `${argument} "${column}" is neither a header (${table.headers.join(', ') || 'the sheet is empty'}) nor a column letter within the data`,
  );
}

const same = (a: Cell | undefined, b: unknown) =>
  String(a ?? '')
    .trim()
    .toLowerCase() ===
  String(b ?? '')
    .trim()
    .toLowerCase();

/** The first data row (after the headers) whose cell in `column` equals `value`, compared as text. */
export function findRow(
  table: SheetTable,
  column: number,
  value: unknown,
): { rowIndex: number; row: Record<string, Cell> } | undefined {
  const top = table.box?.top ?? 1;
  for (let i = 1; i < table.values.length; i++) {
    const row = table.values[i] ?? [];
    if (same(row[column], value)) return { rowIndex: top + i, row: asRecord(table, row) };
  }
  return undefined;
}

/** A row as { header: value }; a column without a header is named by its letter. */
export function asRecord(table: SheetTable, row: readonly Cell[]): Record<string, Cell> {
  const left = table.box?.left ?? 1;
  return Object.fromEntries(
    row.map((cell, i) => [table.headers[i] || columnLetter(left + i), cell ?? null] as const),
  );
}

const columnLetter = (n: number) => boxAddress({ top: 1, bottom: 1, left: n, right: n }).replace(/\d+$/, '');

/** Values as a row: an array as it is, or { header: value } placed under the matching headers. */
export function rowFrom(
  table: SheetTable,
  values: readonly Cell[] | Record<string, Cell>,
  argument: string,
  base: readonly Cell[] = [],
): Cell[] {
  if (Array.isArray(values)) return [...values];
  const row: Cell[] = table.headers.map((_, i) => base[i] ?? '');
  for (const [key, value] of Object.entries(values)) {
    const i = table.headers.findIndex((h) => h.trim().toLowerCase() === key.trim().toLowerCase());
    if (i < 0) {
      throw new ToolError(
        `${argument} names a column "${key}" that is not a header of the sheet (${table.headers.join(', ')})`,
      );
    }
    row[i] = value;
  }
  return row;
}

/**
 * Appends a row under the used range, from its first column. On an empty sheet, a { header: value }
 * row writes the headers first, so the sheet gets its header row.
 */
export async function appendRow(
  wb: Workbook,
  sheet: string,
  table: SheetTable,
  values: readonly Cell[] | Record<string, Cell>,
  argument: string,
): Promise<{ rowIndex: number; address: string; row: Cell[] }> {
  const withHeaders = !table.box && !Array.isArray(values);
  const rows: Cell[][] = withHeaders
    ? [Object.keys(values), Object.values(values)]
    : [rowFrom(table, values, argument)];
  const width = Math.max(...rows.map((r) => r.length));
  if (width === 0) throw new ToolError(`${argument} is empty`);
  const top = table.box ? table.box.bottom + 1 : 1;
  const left = table.box?.left ?? 1;
  const box = { top, left, bottom: top + rows.length - 1, right: left + width - 1 };
  const padded = rows.map((r) => [...r, ...Array<Cell>(width - r.length).fill('')]);
  const address = boxAddress(box);
  // Writing these cells again writes the same values: retried after a 5xx.
  await inSheet(wb, sheet, wb.patch(rangePath(sheet, address), { values: padded }));
  return { rowIndex: box.bottom, address, row: padded.at(-1) ?? [] };
}
