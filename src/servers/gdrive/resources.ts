import type { ReadResourceResult } from '@modelcontextprotocol/server';
import { jsonContents } from '../../core/contents.js';
import type { ToolContext } from '../../core/context.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { FOLDER_MIME, getFile, listFiles, listFilesPage, readText } from './api.js';

const GOOGLE = 'application/vnd.google-apps.';
const PAGE_SIZE = 50;
const FOLDER_LISTING = 100;

/** The first segment of a resource URI, from the file's MIME type (guMCP's URI layout). */
const TYPES: Readonly<Record<string, string>> = {
  [FOLDER_MIME]: 'folder',
  [`${GOOGLE}document`]: 'document',
  [`${GOOGLE}spreadsheet`]: 'spreadsheet',
  [`${GOOGLE}presentation`]: 'presentation',
};

/** Google's own formats have no bytes of their own; they are read as an export to a text format. */
const EXPORTS: Readonly<Record<string, string>> = {
  [`${GOOGLE}document`]: 'text/markdown',
  [`${GOOGLE}spreadsheet`]: 'text/csv',
  [`${GOOGLE}presentation`]: 'text/plain',
  [`${GOOGLE}drawing`]: 'image/svg+xml',
};

const isText = (mime: string) => /^text\/|[/+](json|xml|yaml|javascript|csv)$/.test(mime);

type Contents = ReadResourceResult['contents'];

async function readFile(uri: string, fileId: string, ctx: ToolContext): Promise<Contents> {
  const file = await getFile(ctx, fileId);
  const mime = file.mimeType ?? 'application/octet-stream';
  if (mime === FOLDER_MIME) {
    const { files, hasMore } = await listFiles(ctx, {
      q: `'${fileId.replace(/'/g, "\\'")}' in parents and trashed = false`,
      limit: FOLDER_LISTING,
    });
    return jsonContents(uri, { ...file, files, has_more: hasMore });
  }
  const exportAs = EXPORTS[mime];
  if (exportAs) return [{ uri, mimeType: exportAs, text: await readText(ctx, fileId, exportAs) }];
  if (isText(mime)) return [{ uri, mimeType: mime, text: await readText(ctx, fileId) }];
  // Binary content would be corrupted by the text-only upstream client; the metadata says where it is.
  return jsonContents(uri, {
    ...file,
    note: 'Binary file: its content is not returned; open webViewLink to view it.',
  });
}

/** Every file the user can see in Drive, as gdrive://<type>/<id>, listed a page at a time. */
export const files: ResourceTemplateDef = {
  uriTemplate: 'gdrive://{resource_type}/{file_id}',
  name: 'files',
  title: 'Google Drive files',
  description:
    'Files and folders in Google Drive. Docs read as Markdown, Sheets as CSV, Slides as text, ' +
    'folders as a JSON listing, text files as they are.',
  async list(ctx, cursor) {
    const page = await listFilesPage(ctx, {
      q: 'trashed = false',
      pageSize: PAGE_SIZE,
      pageToken: cursor,
      fields: 'id,name,mimeType',
    });
    return {
      resources: page.files.map((f) => ({
        uri: `gdrive://${TYPES[f.mimeType ?? ''] ?? 'file'}/${f.id}`,
        name: f.name ?? f.id,
        ...(f.mimeType ? { mimeType: f.mimeType } : {}),
      })),
      nextCursor: page.nextPageToken,
    };
  },
  read: (uri, vars, ctx) => readFile(uri, vars.file_id ?? '', ctx),
};
