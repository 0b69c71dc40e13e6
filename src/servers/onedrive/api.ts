import type { ToolContext } from '../../core/context.js';
import {
  byPath,
  Drive,
  type DriveItem,
  type DrivePath,
  type Permission,
  type Uploaded,
  upTo,
} from '../../providers/microsoft/drive.js';
import { graphApi, graphOrNotFound } from '../../providers/microsoft/graph.js';
import type { ByteSource } from '../../util/local-files.js';

/** The scope guMCP's onedrive server signs in with (besides offline_access). */
export const FILES_SCOPE = 'https://graph.microsoft.com/Files.ReadWrite.All';
export const SCOPES = [FILES_SCOPE, 'offline_access'] as const;

/**
 * The OneDrive tools address items by path, as guMCP did; the drive calls themselves are the shared
 * ones in src/providers/microsoft/drive.ts. Here: which item a 404 names, and the fields asked for.
 */
const drive = (ctx: ToolContext): Drive =>
  new Drive(graphApi(ctx, { serverId: 'onedrive', service: 'OneDrive', scopes: [FILES_SCOPE] }), ctx);

export const shown = (path: DrivePath): string => `/${path.join('/')}`;

const FIELDS = 'id,name,size,webUrl,createdDateTime,lastModifiedDateTime,folder,file,package,parentReference';

export function listChildren(
  ctx: ToolContext,
  folder: DrivePath,
  limit: number,
): Promise<{ items: DriveItem[]; more: boolean }> {
  return graphOrNotFound(
    'Folder',
    shown(folder),
    drive(ctx).children(
      byPath(folder),
      { $select: FIELDS, $orderby: 'name asc', $top: Math.min(limit, 1000) },
      limit,
    ),
  );
}

/** Files whose name, metadata or content match. */
export async function search(
  ctx: ToolContext,
  term: string,
  limit: number,
): Promise<{ items: DriveItem[]; more: boolean }> {
  const found = await drive(ctx).search(term, {
    query: { $select: FIELDS, $top: Math.min(limit, 1000) },
    limit,
  });
  return upTo(found, limit);
}

export function getItem(ctx: ToolContext, path: DrivePath): Promise<DriveItem> {
  return graphOrNotFound('Item', shown(path), drive(ctx).get(byPath(path)));
}

/** A new folder; a name already taken gets a number added (guMCP's "rename" conflict behaviour). */
export function createFolder(ctx: ToolContext, parent: DrivePath, name: string): Promise<DriveItem> {
  return graphOrNotFound('Folder', shown(parent), drive(ctx).createFolder(byPath(parent), name, 'rename'));
}

/** Moves an item to the recycle bin. */
export async function deleteItem(ctx: ToolContext, id: string, path: DrivePath): Promise<void> {
  await graphOrNotFound('Item', shown(path), drive(ctx).delete(id));
}

export function createLink(
  ctx: ToolContext,
  path: DrivePath,
  link: { type: string; scope?: string | undefined },
): Promise<Permission> {
  return graphOrNotFound('Item', shown(path), drive(ctx).createLink(byPath(path), link));
}

export function download(
  ctx: ToolContext,
  path: DrivePath,
  maxBytes: number,
): Promise<{ bytes: Buffer; contentType: string }> {
  return graphOrNotFound('File', shown(path), drive(ctx).download(byPath(path), maxBytes));
}

/** Uploads a file to `path`, replacing a file already there (one PUT, or a session beyond 4 MB). */
export function upload(ctx: ToolContext, path: DrivePath, source: ByteSource): Promise<Uploaded> {
  return graphOrNotFound('Folder', shown(path.slice(0, -1)), drive(ctx).upload(byPath(path), source));
}
