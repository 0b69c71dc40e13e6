import { z } from 'zod';
import { adds, overwrites, reads, writes } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { byId, byPath, Drive, type DriveItem, drivePath, upTo } from '../../providers/microsoft/drive.js';
import {
  downloadLink,
  downloadLinkSchema,
  driveItemSchema,
  summarizeItem,
  withExtension,
} from '../../providers/microsoft/drive-shapes.js';
import { graphApi, graphOrNotFound } from '../../providers/microsoft/graph.js';
import type { UpstreamClient } from '../../upstream/client.js';
import { bytesSource } from '../../util/local-files.js';
import { docxToMarkdown, markdownToDocx } from './markdown.js';

/** guMCP's scopes for Word, asked for at sign-in. */
export const SCOPES = ['Files.ReadWrite', 'Sites.ReadWrite.All', 'offline_access'] as const;
const TOOL_SCOPES = ['Files.ReadWrite'];

/** The largest document read (or rewritten) in one piece. */
export const MAX_DOCX = 10 * 1024 * 1024;

export const client = (ctx: ToolContext): UpstreamClient =>
  graphApi(ctx, { serverId: 'word', service: 'Word', scopes: SCOPES });

/** The user's OneDrive, where the documents are. */
export const drive = (ctx: ToolContext): Drive => new Drive(client(ctx), ctx);

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const fileId = z
  .string()
  .min(1)
  .describe('The document’s drive item id (list_documents or search_documents gives it)');
const content = (what: string) =>
  z
    .string()
    .describe(
      `${what}, as Markdown: # headings, paragraphs, - or 1. lists (indent two spaces to nest), **bold**, *italic*, [links](url), | tables |`,
    );

/** The document behind `id`, refused when it is not a .docx (the only kind these tools can read). */
async function docxItem(files: Drive, id: string): Promise<DriveItem> {
  const item = await graphOrNotFound('Document', id, files.get(byId(id)));
  if (item.folder || !(item.name ?? '').toLowerCase().endsWith('.docx')) {
    throw new ToolError(`${item.name ?? id} is not a Word document (.docx)`);
  }
  return item;
}

/** A .docx's text as Markdown, with the count of images it holds. */
export async function readDocument(
  ctx: ToolContext,
  id: string,
): Promise<{ item: DriveItem; markdown: string; images: number }> {
  const files = drive(ctx);
  const item = await docxItem(files, id);
  const { bytes } = await graphOrNotFound('File', id, files.download(byId(id), MAX_DOCX));
  try {
    return { item, ...(await docxToMarkdown(bytes)) };
  } catch {
    throw new ToolError(`${item.name ?? id} could not be read as a Word document; it may be damaged`);
  }
}

const documentList = z.object({
  count: z.number().int(),
  more: z.boolean(),
  documents: z.array(driveItemSchema),
});

async function findDocuments(ctx: ToolContext, query: string, limit: number) {
  const { items, more } = upTo(await drive(ctx).searchFiles(query, '.docx', { limit }), limit);
  return { count: items.length, more, documents: items.map(summarizeItem) };
}

export const tools = {
  list_documents: tool({
    description:
      'List Word documents (.docx) in the user’s OneDrive, optionally only those matching a query.',
    input: z.object({
      limit: z.number().int().min(1).max(200).default(50).describe('Most documents to return (default 50)'),
      query: z.string().min(1).optional().describe('Words the documents must match (name or content)'),
    }),
    output: documentList,
    annotations: { title: 'List documents', ...reads },
    scopes: TOOL_SCOPES,
    handler: ({ limit, query }, ctx) => findDocuments(ctx, query ?? '.docx', limit),
  }),

  search_documents: tool({
    description: 'Search the user’s Word documents (.docx) by content or name.',
    input: z.object({
      query: z.string().min(1).describe('Words to look for'),
      limit: z.number().int().min(1).max(200).default(25).describe('Most documents to return (default 25)'),
    }),
    output: documentList,
    annotations: { title: 'Search documents', ...reads },
    scopes: TOOL_SCOPES,
    handler: ({ query, limit }, ctx) => findDocuments(ctx, query, limit),
  }),

  read_document: tool({
    description:
      'Read a Word document’s text as Markdown (headings, lists, tables, links; images shown as [image]).',
    input: z.object({ file_id: fileId }),
    output: z.object({
      file_id: z.string(),
      name: z.string().optional(),
      content: z.string().describe('The text as Markdown'),
      images: z.number().int().describe('Images in the document (not included in content)'),
      size: z.number().optional(),
      last_modified: z.string().optional(),
    }),
    annotations: { title: 'Read document', ...reads },
    scopes: TOOL_SCOPES,
    async handler({ file_id }, ctx) {
      const { item, markdown, images } = await readDocument(ctx, file_id);
      return {
        file_id: item.id,
        name: item.name,
        content: markdown,
        images,
        size: item.size,
        last_modified: item.lastModifiedDateTime,
      };
    },
  }),

  create_document: tool({
    description: 'Create a Word document (.docx) in the user’s OneDrive from Markdown text (or empty).',
    input: z.object({
      name: z.string().min(1).describe('File name; .docx is added when missing'),
      content: content('The document’s text').optional(),
      folder_path: z
        .string()
        .optional()
        .describe('Folder path in OneDrive, e.g. Reports/2025 (default: the root)'),
    }),
    output: driveItemSchema.extend({ resource_uri: z.string() }),
    annotations: { title: 'Create document', ...adds },
    scopes: TOOL_SCOPES,
    async handler({ name, content, folder_path }, ctx) {
      const fileName = withExtension(name, '.docx', 'name');
      const target = byPath([...drivePath('folder_path', folder_path), fileName]);
      const { item } = await graphOrNotFound(
        'Folder',
        folder_path ?? 'root',
        drive(ctx).upload(target, bytesSource(await markdownToDocx(content ?? '')), {
          contentType: DOCX_MIME,
          conflict: 'rename',
        }),
      );
      return { ...summarizeItem(item), resource_uri: `word://file/${item.id}` };
    },
  }),

  write_document: tool({
    description:
      'Add text to a Word document (mode append, the default) or replace its text (mode replace), from Markdown. ' +
      'Appending reads the document’s text, adds the new text and writes the whole document back: headings, lists, ' +
      'tables, bold, italic and links survive, but other formatting (fonts, colours, headers, comments) does not, and a ' +
      'document with images is refused rather than losing them.',
    input: z.object({
      file_id: fileId,
      content: content('The text to add (or the new text, with mode replace)'),
      mode: z
        .enum(['append', 'replace'])
        .default('append')
        .describe(
          'append (default): add after the current text; replace: the document holds only the new text',
        ),
    }),
    output: z.object({
      file_id: z.string(),
      name: z.string().optional(),
      mode: z.enum(['append', 'replace']),
      appended: z.boolean(),
      size: z.number().optional(),
      content_preview: z.string(),
    }),
    // Appending twice adds the text twice: not idempotent.
    annotations: { title: 'Write document', ...writes(true, false) },
    scopes: TOOL_SCOPES,
    async handler({ file_id, content, mode }, ctx) {
      const files = drive(ctx);
      let markdown = content;
      let item: DriveItem;
      if (mode === 'append') {
        const current = await readDocument(ctx, file_id);
        if (current.images > 0) {
          throw new ToolError(
            `${current.item.name ?? file_id} holds ${current.images} image(s), which rewriting it would drop; ` +
              'edit it in Word, or use mode replace to write only the new text',
          );
        }
        item = current.item;
        markdown = current.markdown ? `${current.markdown}\n\n${content}` : content;
      } else {
        item = await docxItem(files, file_id);
      }
      // Replacing a file's content with the same bytes again changes nothing more: safe to retry.
      const { item: written } = await graphOrNotFound(
        'Document',
        file_id,
        files.upload(byId(file_id), bytesSource(await markdownToDocx(markdown)), { contentType: DOCX_MIME }),
      );
      return {
        file_id: written.id,
        name: written.name ?? item.name,
        mode,
        appended: mode === 'append',
        size: written.size,
        content_preview: content.slice(0, 200),
      };
    },
  }),

  download_document: tool({
    description:
      'Get a download link for a Word document (Graph’s pre-authenticated URL, valid for about an hour).',
    input: z.object({ file_id: fileId }),
    output: downloadLinkSchema,
    annotations: { title: 'Download document', ...reads },
    scopes: TOOL_SCOPES,
    handler: ({ file_id }, ctx) => downloadLink(drive(ctx), file_id, `word://file/${file_id}`),
  }),

  delete_document: tool({
    description: 'Delete a Word document (it goes to the OneDrive recycle bin).',
    input: z.object({ file_id: fileId }),
    output: z.object({
      success: z.boolean(),
      deleted: z.boolean(),
      file_id: z.string(),
      name: z.string().optional(),
    }),
    annotations: { title: 'Delete document', ...overwrites },
    scopes: TOOL_SCOPES,
    async handler({ file_id }, ctx) {
      const files = drive(ctx);
      // Only a .docx: this server's delete is not a general file delete.
      const item = await docxItem(files, file_id);
      await graphOrNotFound('File', file_id, files.delete(file_id));
      return { success: true, deleted: true, file_id, name: item.name };
    },
  }),
};
