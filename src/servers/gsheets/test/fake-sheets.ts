/*
 * Sheets v4 as documented (https://developers.google.com/sheets/api/reference/rest): Spreadsheet and
 * SheetProperties resources, ValueRange. Paths keep Google's /v4 prefix.
 */

export const SHEETS = '/v4/spreadsheets';
export const BOOK = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
export const BOOK_URL = `https://docs.google.com/spreadsheets/d/${BOOK}/edit#gid=0`;

export interface SheetPropertiesJson {
  sheetId: number;
  title: string;
  index: number;
  sheetType: 'GRID';
  gridProperties: { rowCount: number; columnCount: number };
}

export const sheetProperties = (
  title: string,
  index: number,
  sheetId = index * 1000,
): SheetPropertiesJson => ({
  sheetId,
  title,
  index,
  sheetType: 'GRID',
  gridProperties: { rowCount: 1000, columnCount: 26 },
});

/** A Spreadsheet resource as spreadsheets.get and spreadsheets.create return it. */
export function spreadsheetJson(id: string, title: string, sheetTitles: string[] = ['Sheet1']) {
  return {
    spreadsheetId: id,
    properties: {
      title,
      locale: 'en_US',
      autoRecalc: 'ON_CHANGE',
      timeZone: 'Etc/GMT',
      defaultFormat: { backgroundColor: { red: 1, green: 1, blue: 1 } },
    },
    sheets: sheetTitles.map((sheetTitle, i) => ({ properties: sheetProperties(sheetTitle, i) })),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
  };
}
