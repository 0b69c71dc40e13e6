import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { graphOrNotFound } from '../../providers/microsoft/graph.js';
import { addressBox, boxAddress, parseRange } from './a1.js';
import {
  type Cell,
  inSheet,
  inTable,
  type Range,
  rangePath,
  sheetPath,
  type Table,
  type TableColumn,
  type TableRow,
  TOOL_SCOPES,
  tablePath,
  Workbook,
  withSession,
} from './api.js';
import { cell, fileId, worksheetName } from './tools.js';

const tableName = z.string().min(1).describe('The table’s name (or id), e.g. Table1');
const row = z.array(cell);

const table = z.object({
  id: z.string(),
  name: z.string(),
  worksheet: z.string().optional(),
  show_headers: z.boolean().optional(),
  show_totals: z.boolean().optional(),
  style: z.string().optional(),
});
const column = z.object({ id: z.string(), name: z.string(), index: z.number().int() });

const summarizeTable = (t: Table, sheet?: string) => ({
  id: t.id,
  name: t.name,
  worksheet: t.worksheet?.name ?? sheet,
  show_headers: t.showHeaders,
  show_totals: t.showTotals,
  style: t.style,
});
const summarizeColumn = (c: TableColumn) => ({ id: String(c.id), name: c.name, index: c.index });

async function tableColumns(wb: Workbook, sheet: string, name: string): Promise<TableColumn[]> {
  const { value = [] } = await inTable(
    wb,
    sheet,
    name,
    wb.get<{ value?: TableColumn[] }>(`${tablePath(sheet, name)}/columns`, { $select: 'id,name,index' }),
  );
  return value;
}

export const tableTools = {
  list_tables: tool({
    description: 'List the tables of a workbook, or of one worksheet.',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName.optional().describe('Only this worksheet’s tables (default: all)'),
    }),
    output: z.object({ tables: z.array(table) }),
    annotations: { title: 'List tables', ...reads },
    scopes: TOOL_SCOPES,
    async handler({ file_id, worksheet_name }, ctx) {
      const wb = new Workbook(ctx, file_id);
      const list = (path: string) =>
        wb.get<{ value?: Table[] }>(path, { $expand: 'worksheet($select=name)' });
      const { value = [] } = worksheet_name
        ? await inSheet(wb, worksheet_name, list(`${sheetPath(worksheet_name)}/tables`))
        : await graphOrNotFound('Workbook', file_id, list('tables'));
      return { tables: value.map((t) => summarizeTable(t, worksheet_name)) };
    },
  }),

  get_table: tool({
    description: 'Get a table: its range, style and columns.',
    input: z.object({ file_id: fileId, worksheet_name: worksheetName, table_name: tableName }),
    output: table.extend({ address: z.string().optional(), columns: z.array(column) }),
    annotations: { title: 'Get table', ...reads },
    scopes: TOOL_SCOPES,
    async handler({ file_id, worksheet_name, table_name }, ctx) {
      const wb = new Workbook(ctx, file_id);
      const path = tablePath(worksheet_name, table_name);
      const [found, range, columns] = await Promise.all([
        inTable(wb, worksheet_name, table_name, wb.get<Table>(path)),
        inTable(wb, worksheet_name, table_name, wb.get<Range>(`${path}/range`, { $select: 'address' })),
        tableColumns(wb, worksheet_name, table_name),
      ]);
      return {
        ...summarizeTable(found, worksheet_name),
        address: range.address,
        columns: columns.map(summarizeColumn),
      };
    },
  }),

  list_table_rows: tool({
    description:
      'List the data rows of a table, each as { header: value } with its index in the table (0 is the first).',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      table_name: tableName,
      limit: z.number().int().min(1).max(5000).default(500).describe('Most rows to return (default 500)'),
    }),
    output: z.object({
      columns: z.array(z.string()),
      count: z.number().int(),
      more: z.boolean(),
      rows: z.array(z.object({ index: z.number().int(), values: z.record(z.string(), cell) })),
    }),
    annotations: { title: 'List table rows', ...reads },
    scopes: TOOL_SCOPES,
    async handler({ file_id, worksheet_name, table_name, limit }, ctx) {
      const wb = new Workbook(ctx, file_id);
      const [columns, rows] = await Promise.all([
        tableColumns(wb, worksheet_name, table_name),
        inTable(
          wb,
          worksheet_name,
          table_name,
          wb.get<{ value?: TableRow[] }>(`${tablePath(worksheet_name, table_name)}/rows`, {
            $top: limit + 1,
          }),
        ),
      ]);
      const names = [...columns].sort((a, b) => a.index - b.index).map((c) => c.name);
      const value = rows.value ?? [];
      const out = value.slice(0, limit).map((r) => ({
        index: r.index,
        values: Object.fromEntries(names.map((n, i) => [n, r.values[0]?.[i] ?? null])),
      }));
      return { columns: names, count: out.length, more: value.length > limit, rows: out };
    },
  }),

  add_table: tool({
    description:
      'Make a range of a worksheet into a table (its first row the headers, by default), and name it.',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      name: z.string().min(1).optional().describe('The table’s name (default: Excel’s, e.g. Table1)'),
      range: z.string().min(1).describe('A1 range, e.g. A1:D10'),
      has_headers: z.boolean().default(true).describe('Whether the first row holds headers (default true)'),
    }),
    output: table,
    annotations: { title: 'Add table', ...adds },
    scopes: TOOL_SCOPES,
    async handler({ file_id, worksheet_name, name, range, has_headers }, ctx) {
      const { box, address } = parseRange(range, 'range');
      if (!box)
        throw new ToolError(`range must be cells such as A1:D10, not whole rows or columns (${address})`);
      return withSession(ctx, file_id, async (wb) => {
        const added = await inSheet(
          wb,
          worksheet_name,
          wb.post<Table>(`${sheetPath(worksheet_name)}/tables/add`, { address, hasHeaders: has_headers }),
        );
        if (!name) return summarizeTable(added, worksheet_name);
        // Renaming to the same name again changes nothing more.
        const renamed = await wb.patch<Table>(`tables/${encodeURIComponent(added.id)}`, { name });
        return summarizeTable(renamed, worksheet_name);
      });
    },
  }),

  add_table_row: tool({
    description:
      'Add a row at the end of a table: values as { column name: value }, or a list of cells in column order.',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      table_name: tableName,
      values: z.union([row, z.record(z.string(), cell)]).describe('The new row'),
    }),
    output: z.object({
      index: z.number().int().describe('The row’s index in the table (0 is the first)'),
      values: row,
    }),
    annotations: { title: 'Add table row', ...adds },
    scopes: TOOL_SCOPES,
    handler: ({ file_id, worksheet_name, table_name, values }, ctx) =>
      withSession(ctx, file_id, async (wb) => {
        const columns = [...(await tableColumns(wb, worksheet_name, table_name))].sort(
          (a, b) => a.index - b.index,
        );
        let cells: Cell[];
        if (Array.isArray(values)) {
          if (values.length !== columns.length) {
            throw new ToolError(
              `values has ${values.length} cells but the table has ${columns.length} columns`,
            );
          }
          cells = values;
        } else {
          const byName = new Map(columns.map((c, i) => [c.name.trim().toLowerCase(), i]));
          cells = columns.map(() => null);
          for (const [key, value] of Object.entries(values)) {
            const i = byName.get(key.trim().toLowerCase());
            if (i === undefined) {
              throw new ToolError(
                `values names a column "${key}" the table does not have (${columns.map((c) => c.name).join(', ')})`,
              );
            }
            cells[i] = value;
          }
        }
        // Microsoft suggests repeating a 504 here, but a repeat after a row was added adds it twice: not retried.
        const added = await inTable(
          wb,
          worksheet_name,
          table_name,
          wb.post<TableRow>(`${tablePath(worksheet_name, table_name)}/rows`, { values: [cells] }),
        );
        return { index: added.index, values: added.values[0] ?? cells };
      }),
  }),

  add_table_column: tool({
    description: 'Add an empty column at the right of a table, with a header.',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      table_name: tableName,
      column_name: z.string().min(1).describe('The new column’s header'),
    }),
    output: column,
    annotations: { title: 'Add table column', ...adds },
    scopes: TOOL_SCOPES,
    async handler({ file_id, worksheet_name, table_name, column_name }, ctx) {
      const wb = new Workbook(ctx, file_id);
      const added = await inTable(
        wb,
        worksheet_name,
        table_name,
        wb.post<TableColumn>(`${tablePath(worksheet_name, table_name)}/columns/add`, { name: column_name }),
      );
      return summarizeColumn(added);
    },
  }),

  update_table_column: tool({
    description:
      'Write values down a table column’s data cells, from its first data row; the table must already have that many rows.',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      table_name: tableName,
      column_name: z.string().min(1).describe('The column’s header'),
      values: z.array(cell).min(1).describe('Values from the first data row down'),
    }),
    output: z.object({ updated: z.boolean(), column: z.string(), address: z.string(), values: row }),
    annotations: { title: 'Update table column', ...overwrites },
    scopes: TOOL_SCOPES,
    handler: ({ file_id, worksheet_name, table_name, column_name, values }, ctx) =>
      withSession(ctx, file_id, async (wb) => {
        const body = await graphOrNotFound(
          'Table column',
          `${column_name} (table ${table_name}, worksheet ${worksheet_name}, workbook ${file_id})`,
          wb.get<Range>(
            `${tablePath(worksheet_name, table_name)}/columns/${encodeURIComponent(column_name)}/dataBodyRange`,
            { $select: 'address,rowCount' },
          ),
        );
        const box = addressBox(body.address);
        const available = box ? box.bottom - box.top + 1 : 0;
        if (!box || values.length > available) {
          throw new ToolError(
            `values has ${values.length} cells but the column has ${available} data rows; add rows first`,
          );
        }
        const address = boxAddress({ ...box, bottom: box.top + values.length - 1 });
        await inSheet(
          wb,
          worksheet_name,
          wb.patch(rangePath(worksheet_name, address), { values: values.map((v) => [v]) }),
        );
        return { updated: true, column: column_name, address, values };
      }),
  }),

  delete_table: tool({
    description:
      'Delete a table. By default its cells go with it (Excel’s delete); keep_data: true turns it back into a plain range instead, keeping the values.',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      table_name: tableName,
      keep_data: z
        .boolean()
        .default(false)
        .describe('Keep the cells as a plain range (convertToRange) instead of deleting them'),
    }),
    output: z.object({ success: z.boolean(), message: z.string() }),
    annotations: { title: 'Delete table', ...overwrites },
    scopes: TOOL_SCOPES,
    async handler({ file_id, worksheet_name, table_name, keep_data }, ctx) {
      const wb = new Workbook(ctx, file_id);
      const path = tablePath(worksheet_name, table_name);
      await inTable(
        wb,
        worksheet_name,
        table_name,
        keep_data ? wb.postIdempotent(`${path}/convertToRange`) : wb.delete(path),
      );
      return {
        success: true,
        message: keep_data
          ? `Table ${table_name} turned into a plain range; its values stay`
          : `Table ${table_name} deleted`,
      };
    },
  }),
};
