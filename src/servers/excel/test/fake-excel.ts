import type { TestContext } from 'node:test';
import { GRAPH_PATH, startGraphFake } from '../../../providers/microsoft/test/graph-fake.js';
import type { FakeService, RecordedRequest } from '../../../testing/fake-service.js';

/**
 * Graph's workbook API as its reference documents it (learn.microsoft.com/graph/api/resources/excel):
 * createSession answers 201 with a workbookSessionInfo, closeSession 204; worksheets, ranges
 * (workbookRange: address, rowCount, columnCount, values, formulas), tables, columns and rows.
 */

export const FILE = '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K';
export const WB = `${GRAPH_PATH}/me/drive/items/${FILE}/workbook`;
export const SESSION = 'cluster=PSG4&session=15.SG2PEPF00028F251.A116.1.U36';

export const worksheet = (name: string, position: number) => ({
  '@odata.id': `/drives/b!x/items/${FILE}/workbook/worksheets(%27%7B${position}%7D%27)`,
  id: `{00000000-0001-0000-0${position}00-000000000000}`,
  name,
  position,
  visibility: 'Visible',
});

/** A workbookRange answer for `address` on `sheet` with these values (formulas the same unless given). */
export const range = (sheet: string, address: string, values: unknown[][], formulas?: unknown[][]) => ({
  '@odata.type': '#microsoft.graph.workbookRange',
  address: `${sheet}!${address}`,
  addressLocal: `${sheet}!${address}`,
  cellCount: values.length * (values[0]?.length ?? 0),
  columnCount: values[0]?.length ?? 0,
  rowCount: values.length,
  values,
  formulas: formulas ?? values,
  text: values.map((r) => r.map(String)),
});

export const table = (id: string, name: string, sheet = 'Sheet1') => ({
  id,
  name,
  showHeaders: true,
  showTotals: false,
  style: 'TableStyleMedium2',
  highlightFirstColumn: false,
  highlightLastColumn: false,
  showBandedColumns: false,
  showBandedRows: true,
  showFilterButton: true,
  worksheet: { id: '{00000000-0001-0000-0000-000000000000}', name: sheet },
});

/** Starts a fake Graph for the excel server, with workbook sessions that open and close. */
export async function fakeExcel(t: TestContext): Promise<FakeService> {
  const fake = await startGraphFake(t, 'excel');
  fake.route(`POST ${WB}/createSession`, {
    status: 201,
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.workbookSessionInfo',
      id: SESSION,
      persistChanges: true,
    },
  });
  fake.route(`POST ${WB}/closeSession`, { status: 204, body: '' });
  return fake;
}

/** The requests between createSession and closeSession, as `METHOD path`, with their session header. */
export const workbookCalls = (fake: FakeService): [string, string | undefined][] =>
  fake.requests.map((r: RecordedRequest) => [
    `${r.method} ${r.path.replace(WB, '')}`,
    r.headers['workbook-session-id'] as string | undefined,
  ]);
