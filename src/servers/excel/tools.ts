import { z } from 'zod';
import { adds, overwrites, reads, writes } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { byPath, drivePath, upTo } from '../../providers/microsoft/drive.js';
import {
  downloadLink,
  downloadLinkSchema,
  driveItemSchema,
  summarizeItem,
  withExtension,
} from '../../providers/microsoft/drive-shapes.js';
import { graphOrNotFound } from '../../providers/microsoft/graph.js';
import { bytesSource } from '../../util/local-files.js';
import { type Box, boxAddress, columnLetters, columns, MAX_ROW, parseCell, parseRange, rows } from './a1.js';
import {
  type Cell,
  drive,
  inSheet,
  type Range,
  rangePath,
  sheetPath,
  TOOL_SCOPES,
  Workbook,
  type Worksheet,
  withSession,
  XLSX_MIME,
} from './api.js';
import { blankWorkbook } from './blank-workbook.js';
import { appendRow, asRecord, columnIndex, findRow, readSheet, rowFrom } from './rows.js';

/** The most cells read_worksheet returns; a larger used range is cut to its first rows. */
export const MAX_CELLS = 10_000;

export const fileId = z.string().min(1).describe('The workbook’s drive item id (search_workbooks gives it)');
export const worksheetName = z.string().min(1).describe('The worksheet’s name, e.g. Sheet1');
export const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const row = z.array(cell);
const rowOrRecord = z.union([row, z.record(z.string(), cell)]);
const rowIndex = z
  .number()
  .int()
  .min(1)
  .max(MAX_ROW)
  .describe('The row number as Excel shows it (1 is the first row; find_row gives it)');

const rowRecord = z.record(z.string(), cell).describe('The row as { header: value }');

const worksheet = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int().optional(),
  visibility: z.string().optional(),
});
const summarizeSheet = (w: Worksheet) => ({
  id: w.id,
  name: w.name,
  position: w.position,
  visibility: w.visibility,
});

/** Cells with a formula, as a sparse list: the values already show what they compute. */
function formulasOf(range: Range, box: Box | undefined): { cell: string; formula: string }[] {
  const out: { cell: string; formula: string }[] = [];
  for (const [r, cells] of (range.formulas ?? []).entries()) {
    for (const [c, f] of cells.entries()) {
      if (typeof f !== 'string' || !f.startsWith('=')) continue;
      out.push({
        cell: box ? `${columnLetters(box.left + c)}${box.top + r}` : `R${r + 1}C${c + 1}`,
        formula: f,
      });
    }
  }
  return out;
}

/** A 2-D array whose rows all have the same length, or a message naming `argument`. */
function rectangle(values: Cell[][], argument: string): { rows: number; columns: number } {
  const width = values[0]?.length ?? 0;
  if (values.length === 0 || width === 0)
    throw new ToolError(`${argument} must hold at least one row and one column`);
  if (values.some((r) => r.length !== width))
    throw new ToolError(`${argument} rows must all have the same length`);
  return { rows: values.length, columns: width };
}

export const sheetTools = {
  create_workbook: tool({
    description: 'Create an empty Excel workbook (.xlsx, one sheet "Sheet1") in the user’s OneDrive.',
    input: z.object({
      name: z.string().min(1).describe('File name; .xlsx is added when missing'),
      folder_path: z
        .string()
        .optional()
        .describe('Folder path in OneDrive, e.g. Reports/2025 (default: the root)'),
    }),
    output: driveItemSchema.extend({ resource_uri: z.string() }),
    annotations: { title: 'Create workbook', ...adds },
    scopes: TOOL_SCOPES,
    async handler({ name, folder_path }, ctx) {
      const fileName = withExtension(name, '.xlsx', 'name');
      const target = byPath([...drivePath('folder_path', folder_path), fileName]);
      const { item } = await graphOrNotFound(
        'Folder',
        folder_path ?? 'root',
        drive(ctx).upload(target, bytesSource(await blankWorkbook()), {
          contentType: XLSX_MIME,
          conflict: 'rename',
        }),
      );
      return { ...summarizeItem(item), resource_uri: `excel://file/${item.id}` };
    },
  }),

  search_workbooks: tool({
    description: 'Search the user’s OneDrive for Excel workbooks (.xlsx) by name or content.',
    input: z.object({
      query: z.string().min(1).describe('Words to look for'),
      limit: z.number().int().min(1).max(200).default(20).describe('Most workbooks to return (default 20)'),
    }),
    output: z.object({ count: z.number().int(), more: z.boolean(), workbooks: z.array(driveItemSchema) }),
    annotations: { title: 'Search workbooks', ...reads },
    scopes: TOOL_SCOPES,
    async handler({ query, limit }, ctx) {
      const { items, more } = upTo(await drive(ctx).searchFiles(query, '.xlsx', { limit }), limit);
      return { count: items.length, more, workbooks: items.map(summarizeItem) };
    },
  }),

  download_workbook: tool({
    description:
      'Get a download link for a workbook (Graph’s pre-authenticated URL, valid for about an hour), with its name and size.',
    input: z.object({ file_id: fileId }),
    output: downloadLinkSchema,
    annotations: { title: 'Download workbook', ...reads },
    scopes: TOOL_SCOPES,
    handler: ({ file_id }, ctx) => downloadLink(drive(ctx), file_id, `excel://file/${file_id}`),
  }),

  list_worksheets: tool({
    description: 'List the worksheets of a workbook, in order.',
    input: z.object({ file_id: fileId }),
    output: z.object({ worksheets: z.array(worksheet) }),
    annotations: { title: 'List worksheets', ...reads },
    scopes: TOOL_SCOPES,
    async handler({ file_id }, ctx) {
      const wb = new Workbook(ctx, file_id);
      const { value = [] } = await graphOrNotFound(
        'Workbook',
        file_id,
        wb.get<{ value?: Worksheet[] }>('worksheets'),
      );
      return { worksheets: value.map(summarizeSheet) };
    },
  }),

  add_worksheet: tool({
    description: 'Add a worksheet at the end of a workbook (Excel names it when no name is given).',
    input: z.object({
      file_id: fileId,
      name: z.string().min(1).max(31).optional().describe('Name of the new sheet'),
    }),
    output: worksheet,
    annotations: { title: 'Add worksheet', ...adds },
    scopes: TOOL_SCOPES,
    async handler({ file_id, name }, ctx) {
      const wb = new Workbook(ctx, file_id);
      const added = await graphOrNotFound(
        'Workbook',
        file_id,
        wb.post<Worksheet>('worksheets/add', name ? { name } : {}),
      );
      return summarizeSheet(added);
    },
  }),

  read_worksheet: tool({
    description:
      `Read cell values (and which cells hold formulas) from a worksheet: a range, or the used range. At most ${MAX_CELLS} cells; ` +
      'a larger used range is cut to its first rows (truncated: true).',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      range: z.string().min(1).optional().describe('A1 range, e.g. A1:D10 (default: the cells in use)'),
    }),
    output: z.object({
      worksheet: z.string(),
      address: z.string().describe('The range read, as Excel gives it (Sheet1!A1:D10)'),
      row_count: z.number().int(),
      column_count: z.number().int(),
      values: z.array(row),
      formulas: z.array(z.object({ cell: z.string(), formula: z.string() })),
      truncated: z.boolean(),
    }),
    annotations: { title: 'Read worksheet', ...reads },
    scopes: TOOL_SCOPES,
    async handler({ file_id, worksheet_name, range }, ctx) {
      const wb = new Workbook(ctx, file_id);
      let target: string;
      let truncated = false;
      if (range) {
        const parsed = parseRange(range, 'range');
        if (parsed.box && rows(parsed.box) * columns(parsed.box) > MAX_CELLS) {
          throw new ToolError(`range ${parsed.address} holds more than ${MAX_CELLS} cells; read it in parts`);
        }
        // Whole rows or columns are read where they hold data.
        target = parsed.box
          ? rangePath(worksheet_name, parsed.address)
          : `${rangePath(worksheet_name, parsed.address)}/usedRange(valuesOnly=true)`;
      } else {
        const used = await inSheet(
          wb,
          worksheet_name,
          wb.get<Range>(`${sheetPath(worksheet_name)}/usedRange(valuesOnly=true)`, {
            $select: 'address,rowCount,columnCount',
          }),
        );
        const box = parseRange(used.address.slice(used.address.lastIndexOf('!') + 1), 'address').box;
        if (box && rows(box) * columns(box) > MAX_CELLS) {
          truncated = true;
          box.bottom = box.top + Math.max(1, Math.floor(MAX_CELLS / columns(box))) - 1;
        }
        target = rangePath(worksheet_name, box ? boxAddress(box) : 'A1');
      }
      const read = await inSheet(
        wb,
        worksheet_name,
        wb.get<Range>(target, { $select: 'address,values,formulas' }),
      );
      const box = parseRange(read.address.slice(read.address.lastIndexOf('!') + 1), 'address').box;
      const values = read.values ?? [];
      return {
        worksheet: worksheet_name,
        address: read.address,
        row_count: values.length,
        column_count: values[0]?.length ?? 0,
        values,
        formulas: formulasOf(read, box),
        truncated,
      };
    },
  }),

  update_cells: tool({
    description:
      'Write values into a range of cells. values is rows of cells; a single-cell range (e.g. B2) grows to fit them. ' +
      'A text starting with = is written as a formula.',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      range: z.string().min(1).describe('A1 range matching values’ size, e.g. A1:C2, or its top-left cell'),
      values: z.array(row).describe('Rows of cell values, e.g. [["Name","Qty"],["Pens",4]]'),
    }),
    output: z.object({
      worksheet: z.string(),
      address: z.string(),
      row_count: z.number().int(),
      column_count: z.number().int(),
      values: z.array(row),
    }),
    annotations: { title: 'Update cells', ...overwrites },
    scopes: TOOL_SCOPES,
    async handler({ file_id, worksheet_name, range, values }, ctx) {
      const size = rectangle(values, 'values');
      const { box, address } = parseRange(range, 'range');
      if (!box)
        throw new ToolError(`range must be cells such as A1:C2, not whole rows or columns (${address})`);
      const whole =
        rows(box) === 1 && columns(box) === 1
          ? { ...box, bottom: box.top + size.rows - 1, right: box.left + size.columns - 1 }
          : box;
      if (rows(whole) !== size.rows || columns(whole) !== size.columns) {
        throw new ToolError(
          `values has ${size.rows} row(s) of ${size.columns} cell(s) but range ${address} is ${rows(whole)} × ${columns(whole)}; give a range of that size or its top-left cell`,
        );
      }
      const wb = new Workbook(ctx, file_id);
      const written = await inSheet(
        wb,
        worksheet_name,
        wb.patch<Range>(rangePath(worksheet_name, boxAddress(whole)), { values }),
      );
      return {
        worksheet: worksheet_name,
        address: written.address,
        row_count: size.rows,
        column_count: size.columns,
        values: written.values ?? values,
      };
    },
  }),

  add_formula: tool({
    description: 'Put a formula in one cell (e.g. =SUM(A2:A10)) and return the value Excel computes.',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      cell: z.string().min(1).describe('The cell, e.g. C2'),
      formula: z.string().min(1).describe('The formula; a leading = is added when missing'),
    }),
    output: z.object({
      worksheet: z.string(),
      address: z.string(),
      formula: z.string(),
      value: cell.optional(),
    }),
    annotations: { title: 'Add formula', ...overwrites },
    scopes: TOOL_SCOPES,
    async handler(args, ctx) {
      const target = boxAddress(parseCell(args.cell, 'cell'));
      const formula = args.formula.trim().startsWith('=') ? args.formula.trim() : `=${args.formula.trim()}`;
      const wb = new Workbook(ctx, args.file_id);
      const written = await inSheet(
        wb,
        args.worksheet_name,
        wb.patch<Range>(rangePath(args.worksheet_name, target), { formulas: [[formula]] }),
      );
      return {
        worksheet: args.worksheet_name,
        address: written.address,
        formula,
        value: written.values?.[0]?.[0],
      };
    },
  }),

  add_row: tool({
    description:
      'Append a row under the data of a worksheet: values as a list of cells, or as { header: value } matched to the first row’s headers ' +
      '(on an empty sheet, the headers are written first).',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      values: rowOrRecord.describe('The row'),
    }),
    output: z.object({
      worksheet: z.string(),
      row_index: z.number().int(),
      address: z.string(),
      values: row,
    }),
    annotations: { title: 'Add row', ...adds },
    scopes: TOOL_SCOPES,
    handler: ({ file_id, worksheet_name, values }, ctx) =>
      withSession(ctx, file_id, async (wb) => {
        const added = await appendRow(
          wb,
          worksheet_name,
          await readSheet(wb, worksheet_name),
          values,
          'values',
        );
        return {
          worksheet: worksheet_name,
          row_index: added.rowIndex,
          address: added.address,
          values: added.row,
        };
      }),
  }),

  find_row: tool({
    description:
      'Find the first row whose cell in a column equals a value (compared as text, ignoring case). The first row of the data is taken as headers.',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      column: z.string().min(1).describe('A header of the sheet (e.g. Email) or a column letter (e.g. C)'),
      value: cell.describe('The value to look for'),
    }),
    output: z.object({
      found: z.boolean(),
      row_index: z.number().int().optional().describe('The row number as Excel shows it'),
      row: rowRecord.optional(),
    }),
    annotations: { title: 'Find row', ...reads },
    scopes: TOOL_SCOPES,
    async handler({ file_id, worksheet_name, column, value }, ctx) {
      const sheet = await readSheet(new Workbook(ctx, file_id), worksheet_name);
      const hit = findRow(sheet, columnIndex(sheet, column, 'column'), value);
      return hit ? { found: true, row_index: hit.rowIndex, row: hit.row } : { found: false };
    },
  }),

  find_or_create_row: tool({
    description:
      'Find the first row whose cell in search_column equals search_value; when there is none, append values as a new row.',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      search_column: z.string().min(1).describe('A header of the sheet or a column letter'),
      search_value: cell.describe('The value to look for'),
      values: rowOrRecord.describe('The row to add when none matches: a list of cells, or { header: value }'),
    }),
    output: z.object({ created: z.boolean(), row_index: z.number().int(), row: rowRecord }),
    annotations: { title: 'Find or create row', ...adds },
    scopes: TOOL_SCOPES,
    handler: ({ file_id, worksheet_name, search_column, search_value, values }, ctx) =>
      withSession(ctx, file_id, async (wb) => {
        const sheet = await readSheet(wb, worksheet_name);
        const hit = sheet.box
          ? findRow(sheet, columnIndex(sheet, search_column, 'search_column'), search_value)
          : undefined;
        if (hit) return { created: false, row_index: hit.rowIndex, row: hit.row };
        const added = await appendRow(wb, worksheet_name, sheet, values, 'values');
        const headers = sheet.box
          ? sheet
          : { ...sheet, headers: Array.isArray(values) ? [] : Object.keys(values) };
        return { created: true, row_index: added.rowIndex, row: asRecord(headers, added.row) };
      }),
  }),

  update_row: tool({
    description:
      'Change cells of one row: values as { header: value } (other cells stay) or as a whole list of cells from the data’s first column.',
    input: z.object({
      file_id: fileId,
      worksheet_name: worksheetName,
      row_index: rowIndex,
      values: rowOrRecord.describe('The new values'),
    }),
    output: z.object({ updated: z.boolean(), row_index: z.number().int(), row: rowRecord }),
    annotations: { title: 'Update row', ...overwrites },
    scopes: TOOL_SCOPES,
    handler: ({ file_id, worksheet_name, row_index, values }, ctx) =>
      withSession(ctx, file_id, async (wb) => {
        const sheet = await readSheet(wb, worksheet_name);
        const box = sheet.box;
        if (!box || row_index <= box.top || row_index > box.bottom) {
          throw new ToolError(
            box
              ? `row_index ${row_index} is outside the data rows (${box.top + 1} to ${box.bottom}; row ${box.top} holds the headers)`
              : `row_index ${row_index}: the worksheet ${worksheet_name} is empty`,
          );
        }
        const current = sheet.values[row_index - box.top] ?? [];
        const updated = rowFrom(sheet, values, 'values', current);
        const address = boxAddress({
          top: row_index,
          bottom: row_index,
          left: box.left,
          right: box.left + updated.length - 1,
        });
        await inSheet(
          wb,
          worksheet_name,
          wb.patch(rangePath(worksheet_name, address), { values: [updated] }),
        );
        return { updated: true, row_index, row: asRecord(sheet, updated) };
      }),
  }),

  delete_worksheet_row: tool({
    description:
      'Delete a whole row of a worksheet; the rows below move up (so repeating it deletes another row).',
    input: z.object({ file_id: fileId, worksheet_name: worksheetName, row_index: rowIndex }),
    output: z.object({ deleted: z.boolean(), row_index: z.number().int(), message: z.string() }),
    annotations: { title: 'Delete worksheet row', ...writes(true, false) },
    scopes: TOOL_SCOPES,
    async handler({ file_id, worksheet_name, row_index }, ctx) {
      const wb = new Workbook(ctx, file_id);
      await inSheet(
        wb,
        worksheet_name,
        wb.post(`${rangePath(worksheet_name, `${row_index}:${row_index}`)}/delete`, { shift: 'Up' }),
      );
      return { deleted: true, row_index, message: `Row ${row_index} deleted; the rows below moved up` };
    },
  }),
};
