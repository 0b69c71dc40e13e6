import type { ToolContext } from '../../core/context.js';
import type { Query, UpstreamClient, UpstreamRequest } from '../../upstream/client.js';
import { googleApi, orNotFound } from '../google-api.js';

/*
 * The Sheets v4 REST calls. Paths keep Google's /v4 prefix so GUMCP_GSHEETS_API_URL can point the
 * Sheets and the Drive calls (spreadsheet listing, via ../gdrive/api.ts) at one fake or proxy.
 */

const ROOT = 'https://sheets.googleapis.com';
export const SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';
export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

export type Cell = string | number | boolean | null;

export interface ValueRange {
  range?: string;
  majorDimension?: 'ROWS' | 'COLUMNS';
  values?: Cell[][];
  [field: string]: unknown;
}

export interface SheetProperties {
  sheetId?: number;
  title?: string;
  index?: number;
  [field: string]: unknown;
}

export interface Spreadsheet {
  spreadsheetId: string;
  properties?: { title?: string; [field: string]: unknown };
  sheets?: { properties?: SheetProperties; filterViews?: unknown[]; [field: string]: unknown }[];
  spreadsheetUrl?: string;
  [field: string]: unknown;
}

/** Loose objects for answers the tools pass on as Google sent them. */
export type GoogleObject = Record<string, unknown>;

export interface UpdateSummary {
  spreadsheetId: string;
  totalUpdatedRows?: number;
  totalUpdatedColumns?: number;
  totalUpdatedCells?: number;
  totalUpdatedSheets?: number;
  [field: string]: unknown;
}

export interface AppendResult {
  spreadsheetId: string;
  tableRange?: string;
  updates?: { updatedRange?: string; updatedRows?: number; [field: string]: unknown };
  [field: string]: unknown;
}

const sheets = (ctx: ToolContext): UpstreamClient =>
  googleApi(ctx, {
    serverId: ctx.serverId,
    service: 'Google Sheets',
    realBaseUrl: ROOT,
    scope: SPREADSHEETS,
  });

const book = (id: string, suffix = '') => `v4/spreadsheets/${encodeURIComponent(id)}${suffix}`;
const values = (id: string, range: string, verb = '') =>
  book(id, `/values/${encodeURIComponent(range)}${verb}`);

/** One call on one spreadsheet, with a 404 naming it. */
function call<T>(ctx: ToolContext, id: string, path: string, req: UpstreamRequest): Promise<T> {
  return orNotFound('Spreadsheet', id, sheets(ctx).request<T>(path, req, ctx.signal));
}

/** The spreadsheet id in a Sheets URL (…/spreadsheets/d/<id>/…), or the id itself; undefined if neither. */
export function spreadsheetId(urlOrId: string): string | undefined {
  return (
    /\/d\/([A-Za-z0-9_-]+)/.exec(urlOrId)?.[1] ?? (/^[A-Za-z0-9_-]+$/.test(urlOrId) ? urlOrId : undefined)
  );
}

export const sheetUrl = (id: string): string => `https://docs.google.com/spreadsheets/d/${id}`;

export const createSpreadsheet = (ctx: ToolContext, body: Omit<Spreadsheet, 'spreadsheetId'>) =>
  sheets(ctx).request<Spreadsheet>('v4/spreadsheets', { method: 'POST', body }, ctx.signal);

export const getSpreadsheet = (
  ctx: ToolContext,
  id: string,
  query: { ranges?: string[]; includeGridData?: boolean; fields?: string } = {},
) => call<Spreadsheet>(ctx, id, book(id), { query });

export const batchGetValues = (ctx: ToolContext, id: string, query: Query & { ranges: string[] }) =>
  call<{ spreadsheetId: string; valueRanges?: ValueRange[] }>(ctx, id, book(id, '/values:batchGet'), {
    query,
  });

export const getValues = (ctx: ToolContext, id: string, range: string) =>
  call<ValueRange>(ctx, id, values(id, range), {});

export const batchUpdateValues = (ctx: ToolContext, id: string, body: GoogleObject) =>
  call<UpdateSummary>(ctx, id, book(id, '/values:batchUpdate'), { method: 'POST', body });

export const appendValues = (ctx: ToolContext, id: string, range: string, rows: Cell[][], query: Query) =>
  call<AppendResult>(ctx, id, values(id, range, ':append'), {
    method: 'POST',
    query,
    body: { values: rows },
  });

export const clearValues = (ctx: ToolContext, id: string, range: string) =>
  call<{ spreadsheetId: string; clearedRange?: string }>(ctx, id, values(id, range, ':clear'), {
    method: 'POST',
    body: {},
  });

/** sheets.copyTo: the copy lands last in the destination, titled "Copy of <title>". */
export const copySheet = (ctx: ToolContext, sourceId: string, sheetId: number, destinationId: string) =>
  orNotFound(
    'Spreadsheet or sheet',
    `${sourceId} (sheet ${sheetId}) or destination ${destinationId}`,
    sheets(ctx).request<SheetProperties>(
      book(sourceId, `/sheets/${sheetId}:copyTo`),
      { method: 'POST', body: { destinationSpreadsheetId: destinationId } },
      ctx.signal,
    ),
  );

/** Sets some properties of one sheet (spreadsheets.batchUpdate with one updateSheetProperties). */
export const updateSheetProperties = (ctx: ToolContext, id: string, properties: SheetProperties) => {
  const fields = Object.keys(properties)
    .filter((key) => key !== 'sheetId')
    .join(',');
  return call<GoogleObject>(ctx, id, book(id, ':batchUpdate'), {
    method: 'POST',
    body: { requests: [{ updateSheetProperties: { properties, fields } }] },
  });
};
