import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import { tool, withContent } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type DriveItem, type DrivePath, drivePath } from '../../providers/microsoft/drive.js';
import { fileResource } from '../../providers/microsoft/drive-shapes.js';
import {
  type ByteSource,
  bytesSource,
  LOCAL_FILES_VARIABLE,
  localFilesAllowed,
  openLocalFile,
  writeLocalFile,
} from '../../util/local-files.js';
import {
  createFolder,
  createLink,
  deleteItem,
  download,
  FILES_SCOPE,
  getItem,
  listChildren,
  search,
  shown,
  upload,
} from './api.js';

const scopes = [FILES_SCOPE];

/** Largest file download_file returns to the client (as a resource block: text, or base64). */
export const MAX_CONTENT_BYTES = 1024 * 1024;
/** Largest file download_file saves to a local file. */
export const MAX_SAVE_BYTES = 100 * 1024 * 1024;

const path = (what: string) =>
  z.string().min(1).describe(`${what}, from the drive's root, e.g. /Documents/report.docx`);
const limit = (what: string, fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(fallback)
    .describe(`Most ${what} to return (default ${fallback}, at most 1000); pages are followed up to it`);

const driveItem = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['file', 'folder']),
  path: z.string().optional().describe('Path from the drive’s root, when Graph gives the parent'),
  size: z.number().optional().describe('Bytes (a folder: of everything in it)'),
  mimeType: z.string().optional(),
  childCount: z.number().optional(),
  createdDateTime: z.string().optional(),
  lastModifiedDateTime: z.string().optional(),
  webUrl: z.string().optional(),
});

/** An item as every tool shows it; its path rebuilt from Graph's `/drive/root:/…` parent path. */
function summarize(i: DriveItem): z.input<typeof driveItem> {
  const parent = i.parentReference?.path?.replace(/^\/drive\/root:?/, '');
  const out: z.input<typeof driveItem> = {
    id: i.id,
    name: i.name ?? i.id,
    type: i.folder || i.package ? 'folder' : 'file',
    ...(parent !== undefined ? { path: `${parent}/${i.name ?? ''}` } : {}),
    size: i.size,
    mimeType: i.file?.mimeType,
    childCount: i.folder?.childCount,
    createdDateTime: i.createdDateTime,
    lastModifiedDateTime: i.lastModifiedDateTime,
    webUrl: i.webUrl,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as z.input<
    typeof driveItem
  >;
}

const listing = z.object({ count: z.number().int(), more: z.boolean(), items: z.array(driveItem) });

/** A file path: not the root. */
function filePath(arg: string, value: string): DrivePath {
  const p = drivePath(arg, value);
  if (p.length === 0) throw new ToolError(`${arg}: give the path of a file or folder, not the drive's root`);
  return p;
}

/** How a downloaded file is named in its resource block: onedrive:///Documents/report.docx. */
const fileUri = (path: DrivePath): string => `onedrive:///${path.map(encodeURIComponent).join('/')}`;

function decodeBase64(value: string): Uint8Array {
  const clean = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) throw new ToolError('content_base64: not base64');
  return Buffer.from(clean, clean.includes('-') || clean.includes('_') ? 'base64url' : 'base64');
}

export const tools = {
  list_files: tool({
    description: 'List the files and folders in a OneDrive folder, by name.',
    input: z.object({
      folder_path: z
        .string()
        .default('/')
        .describe("Folder path from the drive's root, e.g. /Documents (default /)"),
      limit: limit('items', 200),
    }),
    output: listing.extend({ folder: z.string() }),
    annotations: { title: 'List files', ...reads },
    scopes,
    async handler({ folder_path, limit }, ctx) {
      const folder = drivePath('folder_path', folder_path);
      const { items, more } = await listChildren(ctx, folder, limit);
      return { folder: shown(folder), count: items.length, more, items: items.map(summarize) };
    },
  }),

  upload_file: tool({
    description:
      'Upload a file to OneDrive, replacing a file of the same name. Files over 4 MB go up in fragments through an upload session.',
    input: z.object({
      local_file_path: z
        .string()
        .min(1)
        .describe(
          `Path of the file to upload on the machine running gumcp, read only under ${LOCAL_FILES_VARIABLE}; not read when content or content_base64 is given (then any label, e.g. the file name)`,
        ),
      destination_path: path('Where to put the file in OneDrive, with its name'),
      content: z.string().optional().describe('The file’s content as text (UTF-8), instead of a local file'),
      content_base64: z.string().optional().describe('The file’s content in base64, instead of a local file'),
    }),
    output: driveItem.extend({
      method: z.enum(['simple', 'session']).describe('One PUT, or an upload session in fragments'),
      fragments: z.number().int(),
      source: z.enum(['local_file', 'content', 'content_base64']),
    }),
    annotations: { title: 'Upload file', ...overwrites },
    scopes,
    async handler(args, ctx) {
      const destination = filePath('destination_path', args.destination_path);
      if (args.content !== undefined && args.content_base64 !== undefined) {
        throw new ToolError('content, content_base64: give one of them, not both');
      }
      let source: ByteSource;
      let from: 'local_file' | 'content' | 'content_base64';
      if (args.content !== undefined) {
        [source, from] = [bytesSource(Buffer.from(args.content, 'utf8')), 'content'];
      } else if (args.content_base64 !== undefined) {
        [source, from] = [bytesSource(decodeBase64(args.content_base64)), 'content_base64'];
      } else {
        [source, from] = [await openLocalFile('local_file_path', args.local_file_path), 'local_file'];
      }
      try {
        const done = await upload(ctx, destination, source);
        return { ...summarize(done.item), method: done.method, fragments: done.fragments, source: from };
      } finally {
        await source.close();
      }
    },
  }),

  download_file: tool({
    description: `Download a OneDrive file: the file comes with the answer as a resource block (its text, or its bytes in base64, up to ${MAX_CONTENT_BYTES / 1024 / 1024} MB), its name, size and MIME type in the data; it is saved to local_destination_path where this gumcp may write local files.`,
    input: z.object({
      onedrive_path: path('The file in OneDrive'),
      local_destination_path: z
        .string()
        .min(1)
        .describe(
          `Where to save it on the machine running gumcp (a file or a folder), under ${LOCAL_FILES_VARIABLE}; skipped when that is not set`,
        ),
    }),
    output: z.object({
      name: z.string(),
      path: z.string(),
      size: z.number(),
      mimeType: z.string(),
      savedTo: z.string().optional().describe('The local file written'),
      encoding: z
        .enum(['text', 'base64', 'none'])
        .describe(
          `How the file comes in the resource block beside this data (onedrive:///{path}): its text, its bytes in base64 (blob), or none when it is over ${MAX_CONTENT_BYTES / 1024 / 1024} MB`,
        ),
      note: z.string().optional(),
    }),
    // Reads OneDrive, but may replace a local file where local files are allowed.
    annotations: { title: 'Download file', ...overwrites },
    scopes,
    async handler(args, ctx) {
      const source = filePath('onedrive_path', args.onedrive_path);
      const meta = await getItem(ctx, source);
      if (meta.folder || meta.package)
        throw new ToolError(`onedrive_path: ${shown(source)} is a folder, not a file`);
      const size = meta.size ?? 0;
      const save = localFilesAllowed();
      const bound = save ? MAX_SAVE_BYTES : MAX_CONTENT_BYTES;
      if (size > bound) {
        throw new ToolError(
          `onedrive_path: ${shown(source)} is ${size} bytes, more than the ${bound / 1024 / 1024} MB this tool ${save ? 'saves' : 'returns'}; share it with get_file_sharing_link instead`,
        );
      }
      const { bytes, contentType } = await download(ctx, source, bound);
      const mimeType = meta.file?.mimeType ?? contentType;
      const name = meta.name ?? source.at(-1) ?? 'file';
      const savedTo = save
        ? await writeLocalFile('local_destination_path', args.local_destination_path, name, bytes)
        : undefined;
      const file =
        bytes.length <= MAX_CONTENT_BYTES ? fileResource(fileUri(source), mimeType, bytes) : undefined;
      const data = {
        name,
        path: shown(source),
        size: bytes.length,
        mimeType,
        ...(savedTo ? { savedTo } : {}),
        encoding: file?.encoding ?? ('none' as const),
        ...(save
          ? {}
          : {
              note: `Not saved to ${args.local_destination_path}: this gumcp server does not write local files (${LOCAL_FILES_VARIABLE} is not set); the file is returned instead.`,
            }),
      };
      return file ? withContent(data, [file.block]) : data;
    },
  }),

  create_folder: tool({
    description: 'Create a folder in OneDrive; a name already taken gets a number added.',
    input: z.object({
      folder_path: z
        .string()
        .describe("Folder to create it in, from the drive's root, e.g. /Documents (/ for the root)"),
      folder_name: z.string().min(1).describe('Name of the new folder'),
    }),
    output: driveItem,
    annotations: { title: 'Create folder', ...adds },
    scopes,
    async handler({ folder_path, folder_name }, ctx) {
      if (/[/\\]/.test(folder_name)) throw new ToolError('folder_name: a name, without / or \\');
      return summarize(await createFolder(ctx, drivePath('folder_path', folder_path), folder_name));
    },
  }),

  delete_item: tool({
    description: 'Delete a file or folder (with everything in it) from OneDrive; it goes to the recycle bin.',
    input: z.object({ item_path: path('The file or folder to delete') }),
    output: z.object({ deleted: z.boolean(), item: driveItem }),
    annotations: { title: 'Delete item', ...overwrites },
    scopes,
    async handler({ item_path }, ctx) {
      // Read first: the answer names what went, and a wrong path fails before anything is deleted.
      const target = filePath('item_path', item_path);
      const found = await getItem(ctx, target);
      await deleteItem(ctx, found.id, target);
      return { deleted: true, item: summarize(found) };
    },
  }),

  search_files: tool({
    description: 'Search OneDrive for files and folders whose name, metadata or content match.',
    input: z.object({
      search_term: z.string().min(1).describe('Text to look for'),
      limit: limit('results', 50),
    }),
    output: listing,
    annotations: { title: 'Search files', ...reads },
    scopes,
    async handler({ search_term, limit }, ctx) {
      const { items, more } = await search(ctx, search_term, limit);
      return { count: items.length, more, items: items.map(summarize) };
    },
  }),

  get_file_sharing_link: tool({
    description:
      'Get a sharing link for a OneDrive file or folder (an existing link of the same kind is reused).',
    input: z.object({
      file_path: path('The file or folder to share'),
      type: z
        .enum(['view', 'edit', 'embed'])
        .default('view')
        .describe('view (default, read-only), edit, or embed'),
      scope: z
        .enum(['anonymous', 'organization', 'users'])
        .optional()
        .describe(
          'Who the link works for: anyone, the organization, or chosen people (default: the organization’s policy)',
        ),
    }),
    output: z.object({
      path: z.string(),
      link: z.string(),
      type: z.string().optional(),
      scope: z.string().optional(),
      permissionId: z.string(),
    }),
    annotations: { title: 'Get sharing link', ...sets },
    scopes,
    async handler({ file_path, type, scope }, ctx) {
      const target = filePath('file_path', file_path);
      const permission = await createLink(ctx, target, { type, ...(scope ? { scope } : {}) });
      if (!permission.link?.webUrl) throw new ToolError('OneDrive made the permission but gave no link');
      return {
        path: shown(target),
        link: permission.link.webUrl,
        type: permission.link.type,
        scope: permission.link.scope,
        permissionId: permission.id,
      };
    },
  }),
};
