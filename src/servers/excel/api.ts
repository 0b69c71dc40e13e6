import type { ToolContext } from '../../core/context.js';
import { Drive, itemPath } from '../../providers/microsoft/drive.js';
import { graphApi, graphOrNotFound } from '../../providers/microsoft/graph.js';
import type { UpstreamClient, UpstreamRequest } from '../../upstream/client.js';

/** guMCP's scopes for Excel, asked for at sign-in; each tool needs the first and the last. */
export const SCOPES = ['Files.ReadWrite', 'Sites.ReadWrite.All', 'offline_access'] as const;
export const TOOL_SCOPES = ['Files.ReadWrite', 'offline_access'];

export const client = (ctx: ToolContext): UpstreamClient =>
  graphApi(ctx, { serverId: 'excel', service: 'Excel', scopes: SCOPES });

/** The user's OneDrive, where the workbooks are. */
export const drive = (ctx: ToolContext): Drive => new Drive(client(ctx), ctx);

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Graph's workbook resources (workbookWorksheet, workbookRange, workbookTable…), the fields used. */
export type Cell = string | number | boolean | null;

export interface Worksheet {
  id: string;
  name: string;
  position?: number;
  visibility?: string;
}

export interface Range {
  address: string;
  rowCount?: number;
  columnCount?: number;
  values?: Cell[][];
  formulas?: Cell[][];
}

export interface Table {
  id: string;
  name: string;
  showHeaders?: boolean;
  showTotals?: boolean;
  style?: string;
  worksheet?: { id?: string; name?: string };
}

export interface TableColumn {
  id: string;
  name: string;
  index: number;
}

export interface TableRow {
  index: number;
  values: Cell[][];
}

/** Where a worksheet or a table is, for "not found" messages that name what the caller gave. */
export const sheetRef = (fileId: string, sheet: string): string => `${sheet} (workbook ${fileId})`;
export const tableRef = (fileId: string, sheet: string, table: string): string =>
  `${table} (worksheet ${sheet}, workbook ${fileId})`;

const seg = encodeURIComponent;
export const sheetPath = (sheet: string): string => `worksheets/${seg(sheet)}`;
export const tablePath = (sheet: string, table: string): string => `${sheetPath(sheet)}/tables/${seg(table)}`;
/** `range(address='A1:B2')`: the address is checked A1 notation, so it holds no quote. */
export const rangePath = (sheet: string, address: string): string =>
  `${sheetPath(sheet)}/range(address='${address}')`;

/**
 * One workbook's API (`/me/drive/items/{id}/workbook/…`), inside a workbook session when it has one.
 * Calls are retried after a 429; after a 5xx (Excel answers 504 now and then) only those marked
 * idempotent are, since Graph may have done the work.
 */
export class Workbook {
  readonly #api: UpstreamClient;

  constructor(
    readonly ctx: ToolContext,
    readonly fileId: string,
    readonly sessionId?: string,
  ) {
    this.#api = client(ctx);
  }

  #request<T>(path: string, req: UpstreamRequest): Promise<T> {
    const headers = this.sessionId ? { 'workbook-session-id': this.sessionId } : undefined;
    return this.#api.request<T>(
      `${itemPath(this.fileId)}/workbook/${path}`,
      { ...req, ...(headers ? { headers } : {}) },
      this.ctx.signal,
    );
  }

  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T> {
    return this.#request<T>(path, { query });
  }

  /** A PATCH of values or properties: writing the same again changes nothing more, so it is retried. */
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.#request<T>(path, { method: 'PATCH', body, idempotent: true });
  }

  /** An action that adds or shifts something (a sheet, a row, a table): not repeated after a 5xx. */
  post<T>(path: string, body: unknown): Promise<T> {
    return this.#request<T>(path, { method: 'POST', body, idempotent: false });
  }

  /** An action whose repeat changes nothing more (convertToRange). */
  postIdempotent<T>(path: string, body?: unknown): Promise<T> {
    return this.#request<T>(path, { method: 'POST', body, idempotent: true });
  }

  delete(path: string): Promise<unknown> {
    return this.#request(path, { method: 'DELETE' });
  }
}

/** A workbook call whose 404 names the worksheet (or the workbook, when that is what is missing). */
export const inSheet = <T>(wb: Workbook, sheet: string, call: Promise<T>): Promise<T> =>
  graphOrNotFound('Worksheet', sheetRef(wb.fileId, sheet), call);

export const inTable = <T>(wb: Workbook, sheet: string, table: string, call: Promise<T>): Promise<T> =>
  graphOrNotFound('Table', tableRef(wb.fileId, sheet, table), call);

/**
 * Runs several workbook calls in one persistent session (`createSession`, then the
 * `workbook-session-id` header, then `closeSession`), as Microsoft advises for a run of changes: the
 * file is opened once and the changes land together. createSession is retried after a 5xx (Microsoft
 * documents 504 as its transient answer): a session made twice is harmless, the spare one expires.
 */
export async function withSession<T>(
  ctx: ToolContext,
  fileId: string,
  run: (wb: Workbook) => Promise<T>,
): Promise<T> {
  const api = client(ctx);
  const base = `${itemPath(fileId)}/workbook`;
  const session = await graphOrNotFound(
    'Workbook',
    fileId,
    api.request<{ id: string }>(
      `${base}/createSession`,
      { method: 'POST', body: { persistChanges: true }, idempotent: true },
      ctx.signal,
    ),
  );
  try {
    return await run(new Workbook(ctx, fileId, session.id));
  } finally {
    // Closing is tidiness (an idle session expires by itself): a failure here must not fail the tool,
    // whose changes are already persisted.
    await api
      .request(`${base}/closeSession`, {
        method: 'POST',
        headers: { 'workbook-session-id': session.id },
        idempotent: true,
      })
      .catch((error: unknown) =>
        ctx.log.warn({ err: String(error) }, 'excel: closing the workbook session failed'),
      );
  }
}
