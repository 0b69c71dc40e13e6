import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { listFilesPage } from '../gdrive/api.js';
import { batchGetValues, getSpreadsheet, SPREADSHEET_MIME, sheetUrl } from './api.js';

const PAGE_SIZE = 50;
/** A resource read shows the first rows and columns of the first few sheets, not the whole book. */
const SAMPLE_SHEETS = 3;
const SAMPLE_CELLS = 'A1:J10';

/** A sheet name quoted for A1 notation: 'It''s here'!A1:J10 */
const quoted = (title: string) => `'${title.replace(/'/g, "''")}'`;

/** The user's spreadsheets (found through Drive), as gsheets://spreadsheet/<id>, a page at a time. */
export const spreadsheets: ResourceTemplateDef = {
  uriTemplate: 'gsheets://spreadsheet/{sheet_id}',
  name: 'spreadsheet',
  title: 'Google Sheets spreadsheets',
  description:
    'Spreadsheets in Google Drive; reading one gives its sheets and a sample of their first cells (JSON).',
  mimeType: JSON_MIME,
  async list(ctx, cursor) {
    const page = await listFilesPage(ctx, {
      q: `mimeType = '${SPREADSHEET_MIME}' and trashed = false`,
      pageSize: PAGE_SIZE,
      pageToken: cursor,
      fields: 'id,name,description',
    });
    return {
      resources: page.files.map((file) => ({
        uri: `gsheets://spreadsheet/${file.id}`,
        name: file.name ?? file.id,
        mimeType: SPREADSHEET_MIME,
        ...(typeof file.description === 'string' ? { description: file.description } : {}),
      })),
      nextCursor: page.nextPageToken,
    };
  },
  async read(uri, vars, ctx) {
    const id = vars.sheet_id ?? '';
    const info = await getSpreadsheet(ctx, id, {
      fields: 'spreadsheetId,properties.title,sheets.properties.title',
    });
    const names = (info.sheets ?? []).map((sheet) => sheet.properties?.title ?? '');
    const sampled = names.slice(0, SAMPLE_SHEETS);
    const samples = sampled.length
      ? await batchGetValues(ctx, id, {
          ranges: sampled.map((name) => `${quoted(name)}!${SAMPLE_CELLS}`),
          valueRenderOption: 'FORMATTED_VALUE',
        })
      : { valueRanges: [] };
    const data = {
      spreadsheet_id: id,
      title: info.properties?.title ?? '',
      url: sheetUrl(id),
      sheets: names,
      sample_data: sampled.map((name, i) => ({
        sheet_name: name,
        values: samples.valueRanges?.[i]?.values ?? [],
      })),
    };
    return jsonContents(uri, data);
  },
};
