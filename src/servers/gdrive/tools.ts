import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import {
  copyFile,
  createFile,
  createPermission,
  DRIVE_FILE,
  DRIVE_READONLY,
  deleteFile,
  FOLDER_MIME,
  fullTextQuery,
  getFile,
  listFiles,
  moveTo,
  notTrashed,
  replaceContent,
  SHORTCUT_MIME,
  updateFile,
  uploadFile,
} from './api.js';
import { downloadUrl } from './fetch-url.js';

const READ = [DRIVE_READONLY];
const WRITE = [DRIVE_FILE];

/** A Drive file or folder as the tools return it: the fields asked of Drive, and any others it sent. */
const file = z.looseObject({
  id: z.string().describe('The file or folder id'),
  name: z.string().optional(),
  mimeType: z
    .string()
    .optional()
    .describe('e.g. text/plain, or application/vnd.google-apps.folder for a folder'),
  parents: z.array(z.string()).optional().describe('Ids of the folders holding it'),
  webViewLink: z.string().optional().describe('Link to open it in a browser'),
  modifiedTime: z.string().optional().describe('RFC 3339 date-time'),
  size: z.string().optional().describe('Size in bytes; absent for Google Docs, Sheets and folders'),
});

const fileList = z.object({
  files: z.array(file),
  count: z.number().int().describe('Number of files returned'),
  has_more: z.boolean().describe('Whether Drive has more matches than were returned'),
});

const id = (what: string) => z.string().min(1).describe(`ID of the ${what}`);
const limit = (name: string, max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(10)
    .describe(`Maximum number of ${name} to return (default 10, at most ${max})`);

export const tools = {
  search: tool({
    description: 'Search Google Drive for files whose name or content contains the given text.',
    input: z.object({
      query: z.string().min(1).describe('Text to look for in file names and contents'),
      max_results: limit('files', 1000),
    }),
    output: fileList,
    annotations: reads,
    scopes: READ,
    async handler({ query, max_results }, ctx) {
      const { files, hasMore } = await listFiles(ctx, { q: fullTextQuery(query), limit: max_results });
      return { files, count: files.length, has_more: hasMore };
    },
  }),

  copy_file: tool({
    description: 'Create a copy of a file, optionally with a new name or in another folder.',
    input: z.object({
      file_id: id('file to copy'),
      name: z.string().min(1).optional().describe('Name of the copy (default: "Copy of <name>")'),
      folder_id: z
        .string()
        .min(1)
        .optional()
        .describe('Folder to put the copy in (default: beside the original)'),
    }),
    output: file,
    annotations: adds,
    scopes: WRITE,
    handler: ({ file_id, name, folder_id }, ctx) =>
      copyFile(ctx, file_id, { name, parents: folder_id ? [folder_id] : undefined }),
  }),

  create_folder: tool({
    description: 'Create a new, empty folder.',
    input: z.object({
      name: z.string().min(1).describe('Name of the folder'),
      parent_folder_id: z.string().min(1).optional().describe('Folder to create it in (default: My Drive)'),
    }),
    output: file,
    annotations: adds,
    scopes: WRITE,
    handler: ({ name, parent_folder_id }, ctx) =>
      createFile(ctx, {
        name,
        mimeType: FOLDER_MIME,
        parents: parent_folder_id ? [parent_folder_id] : undefined,
      }),
  }),

  move_file: tool({
    description: 'Move a file into a folder, by default taking it out of the folders it was in.',
    input: z.object({
      file_id: id('file to move'),
      folder_id: id('destination folder'),
      remove_parents: z
        .boolean()
        .default(true)
        .describe('Take the file out of its current folders (default true); false keeps it there too'),
    }),
    output: file,
    annotations: overwrites,
    scopes: WRITE,
    handler: ({ file_id, folder_id, remove_parents }, ctx) => moveTo(ctx, file_id, folder_id, remove_parents),
  }),

  create_file_from_text: tool({
    description: 'Create a new file whose content is the given text.',
    input: z.object({
      name: z.string().min(1).describe('Name of the file'),
      content: z.string().describe('Text content of the file'),
      mime_type: z
        .string()
        .min(1)
        .default('text/plain')
        .describe('MIME type of the file (default text/plain)'),
      folder_id: z.string().min(1).optional().describe('Folder to create it in (default: My Drive)'),
    }),
    output: file,
    annotations: adds,
    scopes: WRITE,
    handler: ({ name, content, mime_type, folder_id }, ctx) =>
      uploadFile(
        ctx,
        { name, mimeType: mime_type, parents: folder_id ? [folder_id] : undefined },
        Buffer.from(content, 'utf8'),
      ),
  }),

  replace_file: tool({
    description:
      'Replace the content of an existing file with the content downloaded from a URL (up to 5 MB). ' +
      'The file keeps its id, name and sharing.',
    input: z.object({
      file_id: id('file to replace'),
      url: z.url({ protocol: /^https?$/ }).describe('http(s) URL of the new content'),
      mime_type: z
        .string()
        .min(1)
        .optional()
        .describe("MIME type of the new content (default: the file's own)"),
    }),
    output: file,
    annotations: overwrites,
    scopes: WRITE,
    async handler({ file_id, url, mime_type }, ctx) {
      const current = await getFile(ctx, file_id, 'id,mimeType');
      const download = await downloadUrl(url, ctx.signal);
      const mimeType = mime_type ?? current.mimeType ?? download.contentType ?? 'application/octet-stream';
      return replaceContent(ctx, file_id, download.bytes, mimeType);
    },
  }),

  add_file_sharing_preference: tool({
    description:
      'Share a file: add a permission for a user, group, domain or anyone with the link. Existing ' +
      'permissions stay. Returns the permission and the link to the file.',
    input: z
      .object({
        file_id: id('file to share'),
        role: z
          .enum(['reader', 'commenter', 'writer', 'fileOrganizer', 'organizer', 'owner'])
          .describe('Role to grant; owner transfers ownership'),
        type: z.enum(['user', 'group', 'domain', 'anyone']).describe('Who gets the permission'),
        email_address: z.email().optional().describe('Email of the user or group (required for those types)'),
        domain: z.string().min(1).optional().describe('Domain to share with (required for type domain)'),
      })
      .superRefine((args, check) => {
        if ((args.type === 'user' || args.type === 'group') && !args.email_address) {
          check.addIssue({
            code: 'custom',
            path: ['email_address'],
            message: `required when type is ${args.type}`,
          });
        }
        if (args.type === 'domain' && !args.domain) {
          check.addIssue({ code: 'custom', path: ['domain'], message: 'required when type is domain' });
        }
      }),
    output: z.object({
      permission: z.looseObject({
        id: z.string().optional(),
        type: z.string().optional(),
        role: z.string().optional(),
      }),
      webViewLink: z.string().optional().describe('Link to open the file in a browser'),
    }),
    annotations: adds,
    scopes: WRITE,
    async handler({ file_id, role, type, email_address, domain }, ctx) {
      const permission = await createPermission(
        ctx,
        file_id,
        { role, type, emailAddress: email_address, domain },
        role === 'owner',
      );
      const { webViewLink } = await getFile(ctx, file_id, 'webViewLink');
      return { permission, webViewLink };
    },
  }),

  create_shortcut: tool({
    description: 'Create a shortcut to a file or folder.',
    input: z.object({
      name: z.string().min(1).describe('Name of the shortcut'),
      target_id: id('file or folder the shortcut points to'),
      folder_id: z.string().min(1).optional().describe('Folder to put the shortcut in (default: My Drive)'),
    }),
    output: file,
    annotations: adds,
    scopes: WRITE,
    handler: ({ name, target_id, folder_id }, ctx) =>
      createFile(ctx, {
        name,
        mimeType: SHORTCUT_MIME,
        shortcutDetails: { targetId: target_id },
        parents: folder_id ? [folder_id] : undefined,
      }),
  }),

  update_file_folder_name: tool({
    description: 'Rename a file or folder.',
    input: z.object({
      file_id: id('file or folder to rename'),
      new_name: z.string().min(1).describe('The new name'),
    }),
    output: file,
    annotations: overwrites,
    scopes: WRITE,
    handler: ({ file_id, new_name }, ctx) => updateFile(ctx, file_id, { metadata: { name: new_name } }),
  }),

  retrieve_files: tool({
    description:
      "List files matching a Drive search query (Drive's query syntax, e.g. \"name contains 'report'\" or " +
      '"mimeType = \'application/vnd.google-apps.folder\'"). Trashed files are left out unless asked for.',
    input: z.object({
      query: z.string().min(1).describe('Drive search query (the q parameter of files.list)'),
      page_size: limit('files', 1000),
      order_by: z
        .string()
        .min(1)
        .optional()
        .describe('Sort order, e.g. "modifiedTime desc" or "folder,name" (Drive orderBy syntax)'),
      include_trashed: z.boolean().default(false).describe('Include files in the trash (default false)'),
    }),
    output: fileList,
    annotations: reads,
    scopes: READ,
    async handler({ query, page_size, order_by, include_trashed }, ctx) {
      const q = include_trashed || /\btrashed\b/.test(query) ? query : notTrashed(query);
      const { files, hasMore } = await listFiles(ctx, { q, orderBy: order_by, limit: page_size });
      return { files, count: files.length, has_more: hasMore };
    },
  }),

  retrieve_file_or_folder_by_id: tool({
    description: "Get a file's or folder's metadata by its ID.",
    input: z.object({
      id: id('file or folder'),
      fields: z
        .string()
        .min(1)
        .optional()
        .describe('Comma-separated file fields to return, e.g. "id,name,owners" (default: the common ones)'),
    }),
    output: file.partial(),
    annotations: reads,
    scopes: READ,
    handler: ({ id, fields }, ctx) => getFile(ctx, id, fields),
  }),

  delete_file: tool({
    description: 'Permanently delete a file or folder (it skips the trash). This cannot be undone.',
    input: z.object({ file_id: id('file or folder to delete') }),
    output: z.object({ deleted: z.literal(true), file_id: z.string() }),
    annotations: overwrites,
    scopes: WRITE,
    async handler({ file_id }, ctx) {
      await deleteFile(ctx, file_id);
      return { deleted: true as const, file_id };
    },
  }),
};
