import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { DOCX_MIME, drive, readDocument } from './tools.js';

/** Documents per resources/list page. */
export const DOCUMENT_PAGE = 50;

const fromUri = (value: string | undefined): string => {
  try {
    const id = decodeURIComponent(value ?? '');
    if (id) return id;
  } catch {
    // reported below
  }
  throw new ToolError(`Invalid document id in the resource URI: ${value}`);
};

/**
 * word://file/{item.id} (guMCP's URIs): the user's .docx files, found with Graph's drive search
 * (the cursor is Graph's next-page link, refused unless it leads back to Graph). Reading one gives
 * its text as Markdown.
 */
export const documentResource: ResourceTemplateDef = {
  uriTemplate: 'word://file/{item_id}',
  name: 'document',
  title: 'Word document',
  description: 'A Word document in the user’s OneDrive, read as Markdown',
  mimeType: 'text/markdown',

  async list(ctx, cursor) {
    const { items, next } = await drive(ctx).searchFiles('.docx', '.docx', { limit: DOCUMENT_PAGE, cursor });
    return {
      resources: items.map((item) => ({
        uri: `word://file/${encodeURIComponent(item.id)}`,
        name: item.name ?? item.id,
        mimeType: DOCX_MIME,
      })),
      ...(next ? { nextCursor: next } : {}),
    };
  },

  async read(uri, vars, ctx) {
    const { markdown } = await readDocument(ctx, fromUri(vars.item_id));
    return [{ uri, mimeType: 'text/markdown', text: markdown }];
  },
};
