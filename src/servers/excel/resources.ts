import { jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { byId } from '../../providers/microsoft/drive.js';
import { graphOrNotFound } from '../../providers/microsoft/graph.js';
import { drive, Workbook, type Worksheet, XLSX_MIME } from './api.js';

/** Workbooks per resources/list page. */
export const WORKBOOK_PAGE = 50;

const fromUri = (value: string | undefined): string => {
  try {
    const id = decodeURIComponent(value ?? '');
    if (id) return id;
  } catch {
    // reported below
  }
  throw new ToolError(`Invalid workbook id in the resource URI: ${value}`);
};

/**
 * excel://file/{item.id} (guMCP's URIs): the user's .xlsx files, found with Graph's drive search
 * (the cursor is Graph's next-page link, refused unless it leads back to Graph); reading one gives
 * its details and worksheets.
 */
export const workbookResource: ResourceTemplateDef = {
  uriTemplate: 'excel://file/{item_id}',
  name: 'workbook',
  title: 'Excel workbook',
  description: 'An Excel workbook in the user’s OneDrive: its details and worksheets, as JSON',
  mimeType: 'application/json',

  async list(ctx, cursor) {
    const { items, next } = await drive(ctx).searchFiles('.xlsx', '.xlsx', { limit: WORKBOOK_PAGE, cursor });
    return {
      resources: items.map((item) => ({
        uri: `excel://file/${encodeURIComponent(item.id)}`,
        name: item.name ?? item.id,
        mimeType: XLSX_MIME,
      })),
      ...(next ? { nextCursor: next } : {}),
    };
  },

  async read(uri, vars, ctx) {
    const id = fromUri(vars.item_id);
    const file = await graphOrNotFound('Workbook', id, drive(ctx).get(byId(id)));
    const { value = [] } = await graphOrNotFound(
      'Workbook',
      id,
      new Workbook(ctx, id).get<{ value?: Worksheet[] }>('worksheets'),
    );
    return jsonContents(uri, {
      id: file.id,
      name: file.name,
      web_url: file.webUrl,
      size: file.size,
      last_modified: file.lastModifiedDateTime,
      worksheets: value.map((w) => ({
        id: w.id,
        name: w.name,
        position: w.position,
        visibility: w.visibility,
      })),
    });
  },
};
