import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { byId, byPath, bytesSource, drivePath } from '../../providers/microsoft/drive.js';
import { conflictBehavior, driveItemSchema, summarizeItem } from '../../providers/microsoft/drive-shapes.js';
import { graphOrNotFound } from '../../providers/microsoft/graph.js';
import { drive } from './api.js';

/** The largest file download_file returns in its answer (as text or base64). */
export const DOWNLOAD_MAX = 2 * 1024 * 1024;

const TEXT_TYPES = /^text\/|[/+](json|xml|csv|javascript|yaml|x-yaml|markdown)$/i;

/** Bytes as text when they are text (declared so and valid UTF-8), else as base64. */
function encodeContent(bytes: Buffer, contentType: string): { encoding: 'utf8' | 'base64'; content: string } {
  if (TEXT_TYPES.test(contentType.split(';')[0]?.trim() ?? '')) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (!text.includes('\uFFFD')) return { encoding: 'utf8', content: text };
  }
  return { encoding: 'base64', content: bytes.toString('base64') };
}

/** The bytes to upload: text as UTF-8, or decoded base64; one of the two is needed. */
function uploadBytes(content: string | undefined, contentBase64: string | undefined): Buffer {
  if (content !== undefined && contentBase64 !== undefined) {
    throw new ToolError('Give content or content_base64, not both');
  }
  if (content !== undefined) return Buffer.from(content, 'utf8');
  if (contentBase64 !== undefined) {
    const clean = contentBase64.replace(/\s/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new ToolError('content_base64 is not valid base64');
    return Buffer.from(clean, 'base64');
  }
  throw new ToolError(
    'upload_file needs the file’s bytes in content (text) or content_base64. It does not read file_path ' +
      'from the disk of the machine this server runs on (on a shared host that would hand out the host’s ' +
      'own files); file_path names the file when destination_path is not given.',
  );
}

const baseName = (path: string) => path.split(/[/\\]/).filter(Boolean).at(-1) ?? '';

export const fileTools = {
  download_file: tool({
    description:
      'Get a file of the user’s OneDrive (its documents library) by item id: its content as text, or as ' +
      `base64 for binary files, up to ${DOWNLOAD_MAX / (1024 * 1024)} MB.`,
    input: z.object({
      item_id: z.string().min(1).describe('The file’s driveItem id'),
      download_path: z
        .string()
        .optional()
        .describe(
          'Not written to: the content is returned in the answer (this server does not write to its host’s disk)',
        ),
    }),
    output: z.object({
      item_id: z.string(),
      name: z.string().optional(),
      content_type: z.string(),
      size: z.number().int(),
      encoding: z.enum(['utf8', 'base64']),
      content: z.string(),
      note: z.string().optional(),
    }),
    annotations: { title: 'Download file', ...reads },
    scopes: ['Files.Read.All'],
    async handler({ item_id, download_path }, ctx) {
      const files = drive(ctx);
      const item = await graphOrNotFound('File', item_id, files.get(byId(item_id)));
      if (item.folder) throw new ToolError(`${item_id} is a folder, not a file`);
      const { bytes, contentType } = await graphOrNotFound(
        'File',
        item_id,
        files.download(byId(item_id), DOWNLOAD_MAX),
      );
      const type = item.file?.mimeType ?? contentType;
      return {
        item_id,
        name: item.name,
        content_type: type,
        size: bytes.length,
        ...encodeContent(bytes, type),
        ...(download_path
          ? { note: `Not saved to ${download_path}: the content is in this answer instead.` }
          : {}),
      };
    },
  }),

  create_folder: tool({
    description: 'Create a folder in the user’s OneDrive, at its root or in a parent folder.',
    input: z.object({
      folder_name: z.string().min(1).describe('Name of the new folder'),
      parent_folder_id: z
        .string()
        .min(1)
        .optional()
        .describe('Id of the folder to create it in (default: the root)'),
      conflict_behavior: conflictBehavior
        .default('rename')
        .describe('If the name is taken: rename (default), replace or fail'),
    }),
    output: driveItemSchema,
    annotations: { title: 'Create folder', ...adds },
    scopes: ['Files.ReadWrite.All'],
    async handler({ folder_name, parent_folder_id, conflict_behavior }, ctx) {
      if (/[/\\]/.test(folder_name)) throw new ToolError('folder_name must not contain "/" or "\\"');
      const created = await graphOrNotFound(
        'Folder',
        parent_folder_id ?? 'root',
        drive(ctx).createFolder(byPath([], parent_folder_id), folder_name, conflict_behavior),
      );
      return summarizeItem(created);
    },
  }),

  upload_file: tool({
    description:
      'Upload a file to the user’s OneDrive: the bytes come in content (text) or content_base64; the ' +
      'place is destination_path (e.g. Documents/report.txt) or parent_folder_id. Files over 4 MB go ' +
      'up in fragments through an upload session.',
    input: z.object({
      file_path: z
        .string()
        .min(1)
        .describe(
          'The file’s name or path on the caller’s side; its last part names the upload when destination_path is absent',
        ),
      content: z.string().optional().describe('The file’s content as text (sent as UTF-8)'),
      content_base64: z.string().optional().describe('The file’s content as base64, for binary files'),
      destination_path: z
        .string()
        .optional()
        .describe(
          'Path in OneDrive including the file name, e.g. Documents/report.docx (default: file_path’s name at the root, or in parent_folder_id)',
        ),
      conflict_behavior: conflictBehavior
        .default('replace')
        .describe('If the file exists: replace it (default), rename the new one, or fail'),
      content_type: z
        .string()
        .min(1)
        .default('application/octet-stream')
        .describe('MIME type, e.g. text/plain (a file over 4 MB gets the type its name implies)'),
      parent_folder_id: z
        .string()
        .min(1)
        .optional()
        .describe('Id of the folder to upload into; destination_path is then relative to it'),
    }),
    output: driveItemSchema,
    annotations: { title: 'Upload file', ...overwrites },
    scopes: ['Files.ReadWrite.All'],
    async handler(args, ctx) {
      const bytes = uploadBytes(args.content, args.content_base64);
      const segments = drivePath('destination_path', args.destination_path ?? baseName(args.file_path));
      if (segments.length === 0) throw new ToolError('destination_path must name a file');
      const uploaded = await graphOrNotFound(
        'Folder',
        args.parent_folder_id ?? args.destination_path ?? 'root',
        drive(ctx).upload(byPath(segments, args.parent_folder_id), bytesSource(bytes), {
          contentType: args.content_type,
          conflict: args.conflict_behavior,
        }),
      );
      return summarizeItem(uploaded.item);
    },
  }),
};
