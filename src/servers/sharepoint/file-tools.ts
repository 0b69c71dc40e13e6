import { z } from 'zod';
import { adds, overwrites } from '../../core/annotations.js';
import { tool, withContent } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { byId, byPath, drivePath } from '../../providers/microsoft/drive.js';
import {
  conflictBehavior,
  driveItemSchema,
  fileResource,
  summarizeItem,
} from '../../providers/microsoft/drive-shapes.js';
import { graphOrNotFound } from '../../providers/microsoft/graph.js';
import {
  type ByteSource,
  bytesSource,
  LOCAL_FILES_VARIABLE,
  localFilesAllowed,
  openLocalFile,
  writeLocalFile,
} from '../../util/local-files.js';
import { drive } from './api.js';

/** The largest file download_file returns in its answer (as a resource block: text, or base64). */
export const DOWNLOAD_MAX = 2 * 1024 * 1024;
/** The largest file download_file saves under GUMCP_LOCAL_FILES_DIR. */
export const SAVE_MAX = 100 * 1024 * 1024;

/** How a downloaded file is named in its resource block, by its drive item id. */
const fileUri = (id: string): string => `sharepoint://file/${encodeURIComponent(id)}`;

/**
 * What to upload: `content` as UTF-8, decoded `content_base64`, or else the local file at `file_path`
 * where this gumcp may read local files (under GUMCP_LOCAL_FILES_DIR), read a range at a time.
 */
async function uploadSource(args: {
  file_path: string;
  content?: string | undefined;
  content_base64?: string | undefined;
}): Promise<ByteSource> {
  const { content, content_base64: contentBase64 } = args;
  if (content !== undefined && contentBase64 !== undefined) {
    throw new ToolError('Give content or content_base64, not both');
  }
  if (content !== undefined) return bytesSource(Buffer.from(content, 'utf8'));
  if (contentBase64 !== undefined) {
    const clean = contentBase64.replace(/\s/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new ToolError('content_base64 is not valid base64');
    return bytesSource(Buffer.from(clean, 'base64'));
  }
  if (localFilesAllowed()) return openLocalFile('file_path', args.file_path);
  throw new ToolError(
    'upload_file needs the file’s bytes in content (text) or content_base64. It does not read file_path ' +
      'from the disk of the machine this server runs on (on a shared host that would hand out the host’s ' +
      `own files) unless ${LOCAL_FILES_VARIABLE} names a directory to read under; file_path names the ` +
      'file when destination_path is not given.',
  );
}

const baseName = (path: string) => path.split(/[/\\]/).filter(Boolean).at(-1) ?? '';

export const fileTools = {
  download_file: tool({
    description:
      'Get a file of the user’s OneDrive (its documents library) by item id: the file comes with the ' +
      'answer as a resource block (its text, or its bytes in base64 for binary files, up to ' +
      `${DOWNLOAD_MAX / (1024 * 1024)} MB), its name, size and type in the data; saved to download_path where ` +
      `this gumcp may write local files (under ${LOCAL_FILES_VARIABLE}), up to ${SAVE_MAX / (1024 * 1024)} MB.`,
    input: z.object({
      item_id: z.string().min(1).describe('The file’s driveItem id'),
      download_path: z
        .string()
        .optional()
        .describe(
          `Where to save it on the machine running gumcp (a file or a folder), under ${LOCAL_FILES_VARIABLE}; when that is not set, nothing is written and the content is in the answer`,
        ),
    }),
    output: z.object({
      item_id: z.string(),
      name: z.string().optional(),
      content_type: z.string(),
      size: z.number().int(),
      saved_to: z.string().optional().describe('The local file written'),
      encoding: z
        .enum(['utf8', 'base64', 'none'])
        .describe(
          `How content is given; none when the file is larger than ${DOWNLOAD_MAX / (1024 * 1024)} MB`,
        ),
      content: z.string().optional(),
      note: z.string().optional(),
    }),
    // Reads OneDrive, but may replace a local file where local files are allowed.
    annotations: { title: 'Download file', ...overwrites },
    scopes: ['Files.Read.All'],
    async handler({ item_id, download_path }, ctx) {
      const files = drive(ctx);
      const item = await graphOrNotFound('File', item_id, files.get(byId(item_id)));
      if (item.folder) throw new ToolError(`${item_id} is a folder, not a file`);
      const save = download_path !== undefined && localFilesAllowed();
      const { bytes, contentType } = await graphOrNotFound(
        'File',
        item_id,
        files.download(byId(item_id), save ? SAVE_MAX : DOWNLOAD_MAX),
      );
      const type = item.file?.mimeType ?? contentType;
      const savedTo = save
        ? await writeLocalFile('download_path', download_path, item.name ?? item_id, bytes)
        : undefined;
      const file = bytes.length <= DOWNLOAD_MAX ? fileResource(fileUri(item_id), type, bytes) : undefined;
      const data = {
        item_id,
        name: item.name,
        content_type: type,
        size: bytes.length,
        ...(savedTo ? { saved_to: savedTo } : {}),
        encoding: file ? (file.encoding === 'text' ? 'utf8' : 'base64') : 'none',
        ...(download_path && !save
          ? { note: `Not saved to ${download_path}: the file is in this answer instead.` }
          : {}),
      } as const;
      return file ? withContent(data, [file.block]) : data;
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
      'Upload a file to the user’s OneDrive: the bytes come in content (text) or content_base64, or from ' +
      `the local file file_path where this gumcp may read local files (under ${LOCAL_FILES_VARIABLE}); the ` +
      'place is destination_path (e.g. Documents/report.txt) or parent_folder_id. Files over 4 MB go ' +
      'up in fragments through an upload session.',
    input: z.object({
      file_path: z
        .string()
        .min(1)
        .describe(
          `The file to upload, read under ${LOCAL_FILES_VARIABLE} on the machine running gumcp when that is set and neither content nor content_base64 is given; its last part names the upload when destination_path is absent`,
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
      const source = await uploadSource(args);
      try {
        const segments = drivePath('destination_path', args.destination_path ?? baseName(args.file_path));
        if (segments.length === 0) throw new ToolError('destination_path must name a file');
        const uploaded = await graphOrNotFound(
          'Folder',
          args.parent_folder_id ?? args.destination_path ?? 'root',
          drive(ctx).upload(byPath(segments, args.parent_folder_id), source, {
            contentType: args.content_type,
            conflict: args.conflict_behavior,
          }),
        );
        return summarizeItem(uploaded.item);
      } finally {
        await source.close();
      }
    },
  }),
};
