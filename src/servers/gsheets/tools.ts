import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import {
  appendValues,
  batchGetValues,
  batchUpdateValues,
  clearValues,
  copySheet,
  createSpreadsheet,
  getSpreadsheet,
  getValues,
  SPREADSHEETS,
  sheetUrl,
  spreadsheetId,
  updateSheetProperties,
} from './api.js';
import { findRow } from './lookup.js';

const SCOPES = [SPREADSHEETS];

/** A spreadsheet URL or bare id, parsed to the id, so handlers get the id and a bad value is an argument error. */
const sheetRef = (description: string) =>
  z
    .string()
    .describe(description)
    .transform((value, check) => {
      const id = spreadsheetId(value);
      if (id) return id;
      check.issues.push({
        code: 'custom',
        input: value,
        message: 'not a Google Sheets URL or spreadsheet id',
      });
      return z.NEVER;
    });
const spreadsheet_url = sheetRef(
  'URL of the spreadsheet (https://docs.google.com/spreadsheets/d/<id>/...) or its id',
);

const range = (example: string) => z.string().min(1).describe(`A range in A1 notation, e.g. '${example}'`);
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const rows = z.array(z.array(cell)).describe('Rows of cell values');
const majorDimension = z
  .enum(['ROWS', 'COLUMNS'])
  .describe('Whether values are listed by row (default) or column');
const valueRender = z.enum(['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA']);
const dateTimeRender = z.enum(['SERIAL_NUMBER', 'FORMATTED_STRING']);
const valueInput = z
  .enum(['RAW', 'USER_ENTERED'])
  .default('RAW')
  .describe('RAW stores values as given; USER_ENTERED parses them as if typed in the UI (default RAW)');
/** The optional echo of written values, shared by batch-update and append-values. */
const responseOptions = {
  include_values_in_response: z.boolean().optional().describe('Return the written values in the response'),
  response_value_render_option: valueRender.optional().describe('How returned values are rendered'),
  response_date_time_render_option: dateTimeRender.optional().describe('How returned dates are rendered'),
};
type ResponseOptions = { [K in keyof typeof responseOptions]?: z.output<(typeof responseOptions)[K]> };
/** The same options in Google's names (query parameters of append, body fields of batchUpdate). */
const echo = (o: ResponseOptions) => ({
  includeValuesInResponse: o.include_values_in_response,
  responseValueRenderOption: o.response_value_render_option,
  responseDateTimeRenderOption: o.response_date_time_render_option,
});

const valueRange = z.looseObject({
  range: z.string().optional(),
  majorDimension: z.string().optional(),
  values: z
    .array(z.array(cell))
    .optional()
    .describe('Rows (or columns) of values; empty trailing cells left out'),
});
const sheetProperties = z.looseObject({
  sheetId: z.number().int().optional(),
  title: z.string().optional(),
  index: z.number().int().optional(),
});
const spreadsheet = z.looseObject({
  spreadsheetId: z.string(),
  properties: z.looseObject({ title: z.string().optional() }).optional(),
  sheets: z.array(z.looseObject({ properties: sheetProperties.optional() })).optional(),
  spreadsheetUrl: z.string().optional(),
});
const updateSummary = z.looseObject({
  spreadsheetId: z.string(),
  totalUpdatedRows: z.number().int().optional(),
  totalUpdatedColumns: z.number().int().optional(),
  totalUpdatedCells: z.number().int().optional(),
  totalUpdatedSheets: z.number().int().optional(),
});

export const tools = {
  'create-sheet': tool({
    description: 'Create a new Google Sheets spreadsheet; returns it with its URL.',
    input: z.object({
      title: z.string().min(1).describe('Title of the spreadsheet'),
      sheets: z
        .array(z.object({ title: z.string().min(1).describe('Title of the sheet (tab)') }))
        .optional()
        .describe('Sheets (tabs) to create it with (default: one sheet, "Sheet1")'),
      locale: z.string().optional().describe("Locale, e.g. 'en_US'"),
      timeZone: z.string().optional().describe("Time zone, e.g. 'America/New_York'"),
      properties: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('Further SpreadsheetProperties fields, e.g. {"autoRecalc": "ON_CHANGE"}'),
    }),
    output: spreadsheet.extend({ url: z.string().describe('Link to the spreadsheet') }),
    annotations: adds,
    scopes: SCOPES,
    async handler({ title, sheets, locale, timeZone, properties }, ctx) {
      const created = await createSpreadsheet(ctx, {
        properties: { ...properties, title, locale, timeZone },
        sheets: sheets?.map((sheet) => ({ properties: { title: sheet.title } })),
      });
      return { ...created, url: sheetUrl(created.spreadsheetId) };
    },
  }),

  'get-spreadsheet-info': tool({
    description: "Get a spreadsheet's metadata: title, locale, and each sheet's properties.",
    input: z.object({
      spreadsheet_url,
      include_grid_data: z
        .boolean()
        .optional()
        .describe('Include cell data (of `ranges`, or of every sheet)'),
      ranges: z.array(z.string().min(1)).optional().describe("Limit to these ranges, e.g. ['Sheet1!A1:C10']"),
      include_filter_views: z
        .boolean()
        .optional()
        .describe("Include each sheet's filter views (default true)"),
    }),
    output: spreadsheet,
    annotations: reads,
    scopes: SCOPES,
    async handler({ spreadsheet_url: id, include_grid_data, ranges, include_filter_views }, ctx) {
      const info = await getSpreadsheet(ctx, id, { ranges, includeGridData: include_grid_data });
      if (include_filter_views !== false) return info;
      return { ...info, sheets: info.sheets?.map(({ filterViews: _omitted, ...sheet }) => sheet) };
    },
  }),

  'get-sheet-names': tool({
    description: 'List the sheets (tabs) of a spreadsheet: their names, ids and positions.',
    input: z.object({ spreadsheet_url }),
    output: z.object({
      names: z.array(z.string()).describe('Sheet names, in tab order'),
      sheets: z.array(sheetProperties).describe('Each sheet with its sheetId (used by copy-sheet) and index'),
    }),
    annotations: reads,
    scopes: SCOPES,
    async handler({ spreadsheet_url: id }, ctx) {
      const info = await getSpreadsheet(ctx, id, { fields: 'sheets.properties(sheetId,title,index)' });
      const sheets = (info.sheets ?? []).map((sheet) => sheet.properties ?? {});
      return { names: sheets.map((sheet) => sheet.title ?? ''), sheets };
    },
  }),

  'batch-get': tool({
    description: 'Read the values of several ranges of a spreadsheet at once.',
    input: z.object({
      spreadsheet_url,
      ranges: z.array(range('Sheet1!A1:C10')).min(1).describe("Ranges to read, e.g. ['Sheet1!A1:C10']"),
      major_dimension: majorDimension.optional(),
      value_render_option: valueRender
        .optional()
        .describe('How values are rendered (default FORMATTED_VALUE)'),
      date_time_render_option: dateTimeRender
        .optional()
        .describe('How dates are rendered (default SERIAL_NUMBER)'),
    }),
    output: z.object({ spreadsheetId: z.string(), valueRanges: z.array(valueRange) }),
    annotations: reads,
    scopes: SCOPES,
    async handler({ spreadsheet_url: id, ranges, ...options }, ctx) {
      const result = await batchGetValues(ctx, id, {
        ranges,
        majorDimension: options.major_dimension,
        valueRenderOption: options.value_render_option,
        dateTimeRenderOption: options.date_time_render_option,
      });
      return { spreadsheetId: result.spreadsheetId, valueRanges: result.valueRanges ?? [] };
    },
  }),

  'batch-update': tool({
    description: 'Write values to several ranges of a spreadsheet at once, replacing what is there.',
    input: z.object({
      spreadsheet_url,
      data: z
        .array(
          z.object({
            range: range('Sheet1!A1:C2'),
            values: rows,
            majorDimension: majorDimension.optional(),
          }),
        )
        .min(1)
        .describe('The ranges to write and their values'),
      value_input_option: valueInput,
      ...responseOptions,
    }),
    output: updateSummary,
    annotations: overwrites,
    scopes: SCOPES,
    handler: ({ spreadsheet_url: id, data, value_input_option, ...options }, ctx) =>
      batchUpdateValues(ctx, id, { valueInputOption: value_input_option, data, ...echo(options) }),
  }),

  'append-values': tool({
    description:
      'Append rows after the last row of the table found in a range (like adding rows at the end).',
    input: z.object({
      spreadsheet_url,
      range: range('Sheet1!A1'),
      values: rows,
      value_input_option: valueInput,
      insert_data_option: z
        .enum(['OVERWRITE', 'INSERT_ROWS'])
        .optional()
        .describe('Write into the empty cells after the table (OVERWRITE, default) or insert new rows'),
      ...responseOptions,
    }),
    output: z.looseObject({
      spreadsheetId: z.string(),
      tableRange: z.string().optional().describe('The table the values were appended to'),
      updates: z
        .looseObject({ updatedRange: z.string().optional(), updatedRows: z.number().int().optional() })
        .optional(),
    }),
    annotations: adds,
    scopes: SCOPES,
    handler: (
      { spreadsheet_url: id, range, values, value_input_option, insert_data_option, ...options },
      ctx,
    ) =>
      appendValues(ctx, id, range, values, {
        valueInputOption: value_input_option,
        insertDataOption: insert_data_option,
        ...echo(options),
      }),
  }),

  'lookup-row': tool({
    description: 'Find the first row in a range that holds a value (in any column, or in one column).',
    input: z.object({
      spreadsheet_url,
      range: range('Sheet1!A1:C100'),
      value: z.string().describe('The value to look for'),
      column_index: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe('Only look in this column (0-based, within the range)'),
      exact_match: z
        .boolean()
        .default(true)
        .describe('Whole-cell match (default true); false finds cells containing the value'),
    }),
    output: z.object({
      found: z.boolean(),
      row: z.array(cell).nullable().describe('The matching row, or null'),
      row_index: z
        .number()
        .int()
        .nullable()
        .describe('Its 0-based position among the rows of the range, or null'),
      all_values: valueRange.describe('Every row of the range, as read'),
    }),
    annotations: reads,
    scopes: SCOPES,
    async handler({ spreadsheet_url: id, range, value, column_index, exact_match }, ctx) {
      const all = await getValues(ctx, id, range);
      const index = findRow(all.values ?? [], value, { columnIndex: column_index, exactMatch: exact_match });
      const row = all.values?.[index];
      return { found: index >= 0, row: row ?? null, row_index: index >= 0 ? index : null, all_values: all };
    },
  }),

  'clear-values': tool({
    description: 'Clear the values of a range (formatting stays).',
    input: z.object({ spreadsheet_url, range: range('Sheet1!A1:C10') }),
    output: z.object({ spreadsheetId: z.string(), clearedRange: z.string().optional() }),
    annotations: overwrites,
    scopes: SCOPES,
    handler: ({ spreadsheet_url: id, range }, ctx) => clearValues(ctx, id, range),
  }),

  'copy-sheet': tool({
    description:
      'Copy a sheet (tab) into another spreadsheet (or the same one), optionally naming it and choosing its position.',
    input: z.object({
      source_spreadsheet_id: sheetRef('ID (or URL) of the spreadsheet holding the sheet'),
      source_sheet_id: z.number().int().min(0).describe('sheetId of the sheet to copy (see get-sheet-names)'),
      destination_spreadsheet_id: sheetRef('ID (or URL) of the spreadsheet to copy it to'),
      new_sheet_name: z.string().min(1).optional().describe('Name of the copy (default "Copy of <name>")'),
      insert_sheet_index: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe('0-based tab position of the copy (default: last)'),
    }),
    output: sheetProperties,
    annotations: adds,
    scopes: SCOPES,
    async handler(args, ctx) {
      const dest = args.destination_spreadsheet_id;
      const copy = await copySheet(ctx, args.source_spreadsheet_id, args.source_sheet_id, dest);
      const { new_sheet_name: title, insert_sheet_index: index } = args;
      if (title === undefined && index === undefined) return copy;
      // copyTo takes no name or position, so they are set on the copy afterwards.
      const changes = { ...(title !== undefined && { title }), ...(index !== undefined && { index }) };
      await updateSheetProperties(ctx, dest, { sheetId: copy.sheetId, ...changes });
      return { ...copy, ...changes };
    },
  }),
};
