import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { getFolder, listFoldersPage, listMessages } from './api.js';
import { summarize } from './tools.js';

/** Folders per resources/list page, passed to Graph as $top. */
export const FOLDER_PAGE_SIZE = 50;
/** Recent messages shown when a folder is read. */
export const RECENT_MESSAGES = 10;

const folderUri = (id: string): string => `outlook://folder/${encodeURIComponent(id)}`;

function fromUri(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    throw new ToolError(`Invalid folder id in the resource URI: ${value}`);
  }
}

/** outlook://folder/{folder_id}: the user's mail folders; reading one shows its most recent messages. */
export const folderResource: ResourceTemplateDef = {
  uriTemplate: 'outlook://folder/{folder_id}',
  name: 'folder',
  title: 'Outlook mail folder',
  description: 'A mail folder with its counts and its most recent messages',
  mimeType: JSON_MIME,

  async list(ctx, cursor) {
    const page = await listFoldersPage(ctx, cursor, FOLDER_PAGE_SIZE);
    return {
      resources: page.items.map((f) => ({
        uri: folderUri(f.id),
        name: f.displayName ?? f.id,
        description: `${f.totalItemCount ?? 0} messages, ${f.unreadItemCount ?? 0} unread`,
        mimeType: JSON_MIME,
      })),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  },

  async read(uri, vars, ctx) {
    const id = fromUri(vars.folder_id);
    const folder = await getFolder(ctx, id);
    const recent = await listMessages(ctx, id, { withBody: false }, RECENT_MESSAGES);
    return jsonContents(uri, {
      folder: {
        id: folder.id,
        name: folder.displayName,
        total: folder.totalItemCount,
        unread: folder.unreadItemCount,
        child_folders: folder.childFolderCount,
      },
      recent: recent.items.map(summarize),
      more: recent.more,
    });
  },
};
