import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory, DropboxApi } from './api.js';
import { fileContent } from './content.js';
import { childPath, dropboxPath, itemName, shown } from './paths.js';
import { accountSchema, type Entry, entrySchema, toAccount, toEntry } from './shapes.js';
import type { DropboxMetadata } from './types.js';

/** Largest file `download` returns by default, and the most a caller may ask for. */
export const DOWNLOAD_DEFAULT = 5 * 1024 * 1024;
export const DOWNLOAD_MAX = 50 * 1024 * 1024;
/** Dropbox's largest list_folder page. */
const LIST_PAGE = 2000;

// Arguments

const path = (what: string) =>
  z
    .string()
    .describe(
      `${what}: a Dropbox path such as /Documents/report.pdf, or an id such as id:a4ayc_80_OEAAAAAAAAAXw`,
    );
const folderPath = (what: string) =>
  z.string().describe(`${what}: a Dropbox folder path such as /Documents ("" or "/" is the root)`);
const name = (what: string) => z.string().describe(`${what} (a single name, without "/")`);

/** The bytes to upload: text as UTF-8, or decoded base64; one of the two is needed. */
function uploadBytes(content: string | undefined, contentBase64: string | undefined): Uint8Array {
  if (content !== undefined && contentBase64 !== undefined) {
    throw new ToolError('Give content or content_base64, not both');
  }
  if (content !== undefined) return Buffer.from(content, 'utf8');
  if (contentBase64 !== undefined) {
    const clean = contentBase64.replace(/\s/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
      throw new ToolError('content_base64 is not valid base64');
    }
    return Buffer.from(clean, 'base64');
  }
  throw new ToolError(
    'upload_file needs the file’s bytes in content (text) or content_base64. It does not read file_path ' +
      'from the disk of the machine this server runs on (on a shared host that would hand out the host’s ' +
      'own files); file_path only says where the file came from.',
  );
}

/** A Dropbox tool: like `tool`, but its handler gets a Dropbox client bound to the tool's first scope. */
interface DropboxToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, dropbox: DropboxApi, ctx: ToolContext): Promise<z.input<O>>;
}

const listSchema = z.object({
  path: z.string(),
  count: z.number().int(),
  entries: z.array(entrySchema),
  has_more: z.boolean(),
  cursor: z.string().nullable().describe('When has_more: pass it as cursor to continue the listing'),
});

/** The Dropbox tools, with clients made by `connect` (the seam tests use for fast retries and small chunks). */
export function dropboxTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const dropboxTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: DropboxToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) =>
        run(args, connect(ctx, def.scopes[0]), ctx) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    list_files: dropboxTool({
      description:
        'List the files and folders in a Dropbox folder. Pages are followed until `limit` entries are ' +
        'collected (whole pages are kept); when has_more is true, pass cursor to continue.',
      input: z.object({
        path: folderPath('The folder to list'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .default(500)
          .describe('Stop after this many entries (default 500)'),
        recursive: z.boolean().default(false).describe('Also list everything in the subfolders'),
        cursor: z.string().min(1).optional().describe('cursor of an earlier call, to continue that listing'),
      }),
      output: listSchema,
      annotations: reads,
      scopes: ['files.metadata.read'],
      async run(args, dropbox) {
        const folder = dropboxPath(args.path, 'path');
        let page = args.cursor
          ? await dropbox.listFolderContinue(args.cursor, folder)
          : await dropbox.listFolder(folder, Math.min(args.limit, LIST_PAGE), args.recursive);
        const entries: DropboxMetadata[] = [...page.entries];
        while (page.has_more && entries.length < args.limit) {
          page = await dropbox.listFolderContinue(page.cursor, folder);
          entries.push(...page.entries);
        }
        return {
          path: shown(folder),
          count: entries.length,
          entries: entries.map(toEntry),
          has_more: page.has_more,
          cursor: page.has_more ? page.cursor : null,
        };
      },
    }),

    upload_file: dropboxTool({
      description:
        'Upload a file to a Dropbox folder: the bytes come in content (text) or content_base64, the name in ' +
        'file_name. mode add (default) keeps an existing different file and fails with a conflict; overwrite ' +
        'replaces it. Files over 150 MB go up in chunks through an upload session.',
      input: z.object({
        dropbox_path: folderPath('The folder to upload into').default(''),
        file_path: z
          .string()
          .describe(
            'Where the file comes from on the caller’s side (informative: this server does not read its own disk)',
          ),
        file_name: name('The name of the file in Dropbox'),
        mode: z
          .enum(['add', 'overwrite'])
          .default('add')
          .describe('add (default): never replace a different file; overwrite: replace it'),
        content: z.string().optional().describe('The file’s content as text (sent as UTF-8)'),
        content_base64: z.string().optional().describe('The file’s content as base64, for binary files'),
        autorename: z
          .boolean()
          .default(false)
          .describe('On a conflict, save under a new name such as "report (1).pdf" instead of failing'),
      }),
      output: entrySchema,
      annotations: overwrites,
      scopes: ['files.content.write'],
      async run(args, dropbox, ctx) {
        const bytes = uploadBytes(args.content, args.content_base64);
        const target = childPath(
          dropboxPath(args.dropbox_path, 'dropbox_path'),
          itemName(args.file_name, 'file_name'),
        );
        const uploaded = await dropbox.upload(target, bytes, {
          mode: args.mode,
          autorename: args.autorename,
          progress: (sent, total) => ctx.progress(sent, total, `Uploaded ${sent} of ${total} bytes`),
        });
        return toEntry(uploaded);
      },
    }),

    create_folder: dropboxTool({
      description: 'Create a folder named folder_name inside the Dropbox folder path.',
      input: z.object({
        folder_name: name('The name of the new folder'),
        path: folderPath('The folder to create it in'),
        autorename: z
          .boolean()
          .default(false)
          .describe('If the name is taken, use a new one such as "Reports (1)"'),
      }),
      output: entrySchema,
      annotations: adds,
      scopes: ['files.metadata.write'],
      async run(args, dropbox) {
        const target = childPath(dropboxPath(args.path, 'path'), itemName(args.folder_name, 'folder_name'));
        return toEntry(await dropbox.createFolder(target, args.autorename));
      },
    }),

    delete: dropboxTool({
      description:
        'Delete a file or folder (a folder with everything in it). Dropbox keeps it restorable for a while.',
      input: z.object({ path: path('What to delete') }),
      output: entrySchema.extend({ deleted: z.boolean() }),
      annotations: overwrites,
      scopes: ['files.content.write', 'files.metadata.write'],
      async run(args, dropbox) {
        const target = dropboxPath(args.path, 'path');
        if (target === '') throw new ToolError('path: the root folder cannot be deleted');
        return { ...toEntry(await dropbox.delete(target)), deleted: true };
      },
    }),

    download: tool({
      description:
        'Get a Dropbox file’s content, up to max_bytes (default 5 MB): text files as text, images as image ' +
        'content, other files as a base64 blob, each with its MIME type, after a JSON summary. The content is ' +
        'returned in the answer; nothing is written to local_path.',
      input: z.object({
        path: path('The file to download'),
        local_path: z
          .string()
          .describe(
            'Not written to: this server does not write to its host’s disk; the content is in the answer',
          ),
        file_name: z.string().describe('A name for the downloaded file, used in the answer'),
        max_bytes: z
          .number()
          .int()
          .min(1)
          .max(DOWNLOAD_MAX)
          .default(DOWNLOAD_DEFAULT)
          .describe(
            `Refuse files larger than this (default ${DOWNLOAD_DEFAULT / 1048576} MB, at most ${DOWNLOAD_MAX / 1048576} MB)`,
          ),
      }),
      annotations: reads,
      scopes: ['files.content.read'],
      async handler(args, ctx) {
        const target = dropboxPath(args.path, 'path');
        if (target === '') throw new ToolError('path: give a file, not the root folder');
        const dropbox = connect(ctx, 'files.content.read');
        const { metadata, bytes } = await dropbox.download(target, args.max_bytes).catch((error: unknown) => {
          // The shared client's size bound, said with the path and the way around it.
          if (error instanceof ToolError && /larger than/.test(error.message)) {
            throw new ToolError(
              `${shown(target)} is larger than max_bytes (${args.max_bytes} bytes); ask for a larger max_bytes (at most ${DOWNLOAD_MAX})`,
            );
          }
          throw error;
        });
        const name = metadata.name || args.file_name;
        const where = metadata.path_display ?? target;
        const uri = `dropbox://${where.split('/').map(encodeURIComponent).join('/').replace(/^\/+/, '/')}`;
        const content = fileContent(uri, name, bytes);
        const summary = {
          ...toEntry(metadata),
          file_name: args.file_name,
          mime_type: content.mimeType,
          encoding: content.encoding,
          bytes: bytes.length,
          note: `Not saved to ${args.local_path}: this server does not write to its host’s disk; the content follows.`,
        };
        return { content: [{ type: 'text', text: JSON.stringify(summary) }, content.block] };
      },
    }),

    search: dropboxTool({
      description:
        'Search files and folders by name (and, on plans that index them, content). Results are followed up ' +
        'to max_results; recent changes can take a moment to be searchable.',
      input: z.object({
        query: z.string().min(1).max(1000).describe('What to look for, e.g. a file name with its extension'),
        path: folderPath('Search only under this folder').optional(),
        max_results: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .default(100)
          .describe('Most matches to return (default 100)'),
        filename_only: z.boolean().default(false).describe('Match file names only, not content'),
      }),
      output: z.object({
        query: z.string(),
        count: z.number().int(),
        matches: z.array(entrySchema),
        has_more: z.boolean(),
      }),
      annotations: reads,
      scopes: ['files.metadata.read'],
      async run(args, dropbox) {
        const under = args.path === undefined ? undefined : dropboxPath(args.path, 'path');
        let page = await dropbox.search(args.query, {
          ...(under ? { path: under } : {}),
          maxResults: Math.min(args.max_results, 1000),
          filenameOnly: args.filename_only,
        });
        const found = new Map<string, Entry>();
        const take = () => {
          for (const match of page.matches) {
            const m = match.metadata.metadata;
            if (m && found.size < args.max_results) found.set(m.id ?? m.path_lower ?? m.name, toEntry(m));
          }
        };
        take();
        // Dropbox may repeat a match on a later page, so matches are kept by id.
        while (page.has_more && page.cursor && found.size < args.max_results) {
          page = await dropbox.searchContinue(page.cursor);
          take();
        }
        return {
          query: args.query,
          count: found.size,
          matches: [...found.values()],
          has_more: page.has_more,
        };
      },
    }),

    move: dropboxTool({
      description:
        'Move (or rename) a file or folder: from_path goes into the folder to_path under the name file_name.',
      input: z.object({
        from_path: path('What to move'),
        to_path: folderPath('The folder to move it into'),
        file_name: name('Its name there (give its current name to keep it)'),
        autorename: z
          .boolean()
          .default(false)
          .describe('If the name is taken there, use a new one instead of failing'),
      }),
      output: entrySchema.extend({ from_path: z.string() }),
      annotations: sets,
      scopes: ['files.metadata.write'],
      async run(args, dropbox) {
        const from = dropboxPath(args.from_path, 'from_path');
        if (from === '') throw new ToolError('from_path: the root folder cannot be moved');
        const to = childPath(dropboxPath(args.to_path, 'to_path'), itemName(args.file_name, 'file_name'));
        return { ...toEntry(await dropbox.move(from, to, args.autorename)), from_path: from };
      },
    }),

    get_user_info: dropboxTool({
      description: 'Get the Dropbox account the stored credentials belong to: name, email, country, plan.',
      input: z.object({}),
      output: accountSchema,
      annotations: reads,
      scopes: ['account_info.read'],
      async run(_args, dropbox) {
        return toAccount(await dropbox.currentAccount());
      },
    }),

    get_file_metadata: dropboxTool({
      description:
        'Get the metadata of a file or folder: type, name, path, id, size, times, revision and content hash.',
      input: z.object({ path: path('The file or folder') }),
      output: entrySchema,
      annotations: reads,
      scopes: ['files.metadata.read'],
      async run(args, dropbox) {
        const target = dropboxPath(args.path, 'path');
        if (target === '')
          throw new ToolError('path: Dropbox gives no metadata for the root folder; name a file or folder');
        return toEntry(await dropbox.getMetadata(target));
      },
    }),
  };
}
