import { randomUUID } from 'node:crypto';
import type { ToolContext } from '../../core/context.js';
import type { Query, UpstreamClient, UpstreamRequest } from '../../upstream/client.js';
import { collectPages, googleApi, orNotFound } from '../google-api.js';

/*
 * The Drive v3 REST calls. Paths keep Google's /drive/v3 and /upload/drive/v3 prefixes under one root,
 * so GUMCP_<ID>_API_URL moves both to a fake or proxy. gsheets lists spreadsheets through here too.
 */

const ROOT = 'https://www.googleapis.com';
export const DRIVE_READONLY = 'https://www.googleapis.com/auth/drive.readonly';
export const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const SHORTCUT_MIME = 'application/vnd.google-apps.shortcut';

/** The fields returned for a file unless a caller asks for others. */
export const FILE_FIELDS = 'id,name,mimeType,parents,webViewLink,modifiedTime,size';
/** files.list pageSize is capped at 1000 by Drive. */
const MAX_PAGE_SIZE = 1000;

/** A Drive file resource; which fields are present depends on the `fields` asked for (id is by default). */
export interface DriveFile {
  id: string;
  name?: string;
  mimeType?: string;
  parents?: string[];
  webViewLink?: string;
  modifiedTime?: string;
  size?: string;
  [field: string]: unknown;
}

/** Metadata to write: what a file has but its id, which Drive assigns. */
export interface NewFile {
  name?: string;
  mimeType?: string;
  parents?: string[];
  [field: string]: unknown;
}

export interface Permission {
  id?: string;
  type?: string;
  role?: string;
  emailAddress?: string;
  domain?: string;
  [field: string]: unknown;
}

/** The client for one call, named after the scope the call needs (quoted if Google says it is missing). */
const drive = (ctx: ToolContext, scope: string): UpstreamClient =>
  googleApi(ctx, { serverId: ctx.serverId, service: 'Google Drive', realBaseUrl: ROOT, scope });

/** One call about one file (`path` under drive/v3/files/<id> or upload/…), with a 404 naming the file. */
function onFile<T>(
  ctx: ToolContext,
  scope: string,
  id: string,
  path: { suffix?: string; upload?: boolean },
  req: UpstreamRequest = {},
): Promise<T> {
  const url = `${path.upload ? 'upload/' : ''}drive/v3/files/${encodeURIComponent(id)}${path.suffix ?? ''}`;
  return orNotFound('File', id, drive(ctx, scope).request<T>(url, req, ctx.signal));
}

/** Drive query for files whose name or content holds `text`; quotes and backslashes escaped. */
export const fullTextQuery = (text: string): string =>
  `fullText contains '${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A Drive query narrowed to files outside the trash; parenthesised so an `or` in it stays inside. */
export const notTrashed = (q: string): string => `(${q}) and trashed = false`;

export interface ListParams {
  q?: string;
  orderBy?: string;
  /** Fields of each file, e.g. `id,name`. */
  fields?: string;
}

/** One page of files.list, for resource listings that hand Google's page token to the client. */
export async function listFilesPage(
  ctx: ToolContext,
  params: ListParams & { pageSize: number; pageToken?: string },
): Promise<{ files: DriveFile[]; nextPageToken?: string }> {
  const query: Query = {
    q: params.q,
    orderBy: params.orderBy,
    pageSize: params.pageSize,
    pageToken: params.pageToken,
    fields: `nextPageToken,files(${params.fields ?? FILE_FIELDS})`,
  };
  const page = await drive(ctx, DRIVE_READONLY).get<{ files?: DriveFile[]; nextPageToken?: string }>(
    'drive/v3/files',
    query,
    ctx.signal,
  );
  return { files: page?.files ?? [], nextPageToken: page?.nextPageToken };
}

/** files.list followed across pages until `limit` files are in hand. */
export async function listFiles(
  ctx: ToolContext,
  params: ListParams & { limit: number },
): Promise<{ files: DriveFile[]; hasMore: boolean }> {
  const { items, more } = await collectPages(params.limit, MAX_PAGE_SIZE, async (pageToken, pageSize) => {
    const page = await listFilesPage(ctx, { ...params, pageSize, pageToken });
    return { items: page.files, nextPageToken: page.nextPageToken };
  });
  return { files: items, hasMore: more };
}

export const getFile = (ctx: ToolContext, id: string, fields = FILE_FIELDS): Promise<DriveFile> =>
  onFile(ctx, DRIVE_READONLY, id, {}, { query: { fields } });

/** Creates a file without content: a folder or a shortcut. */
export const createFile = (ctx: ToolContext, metadata: NewFile): Promise<DriveFile> =>
  drive(ctx, DRIVE_FILE).request<DriveFile>(
    'drive/v3/files',
    { method: 'POST', query: { fields: FILE_FIELDS }, body: metadata },
    ctx.signal,
  );

export const copyFile = (ctx: ToolContext, id: string, metadata: NewFile): Promise<DriveFile> =>
  onFile(
    ctx,
    DRIVE_FILE,
    id,
    { suffix: '/copy' },
    { method: 'POST', query: { fields: FILE_FIELDS }, body: metadata },
  );

/** files.update: new metadata and/or a change of parent folders. */
export const updateFile = (
  ctx: ToolContext,
  id: string,
  change: { metadata?: NewFile; addParents?: string; removeParents?: string },
): Promise<DriveFile> =>
  onFile(
    ctx,
    DRIVE_FILE,
    id,
    {},
    {
      method: 'PATCH',
      query: { addParents: change.addParents, removeParents: change.removeParents, fields: FILE_FIELDS },
      body: change.metadata ?? {},
    },
  );

/**
 * Moves a file into `folderId`; with `removeOthers`, out of every other folder (files.update needs
 * their ids, so they are read first).
 */
export async function moveTo(
  ctx: ToolContext,
  id: string,
  folderId: string,
  removeOthers: boolean,
): Promise<DriveFile> {
  const current = removeOthers ? await getFile(ctx, id, 'parents') : undefined;
  const others = (current?.parents ?? []).filter((parent) => parent !== folderId);
  return updateFile(ctx, id, { addParents: folderId, removeParents: others.join(',') || undefined });
}

export async function deleteFile(ctx: ToolContext, id: string): Promise<void> {
  await onFile(ctx, DRIVE_FILE, id, {}, { method: 'DELETE' });
}

export const createPermission = (
  ctx: ToolContext,
  id: string,
  permission: Permission,
  transferOwnership: boolean,
): Promise<Permission> =>
  onFile(
    ctx,
    DRIVE_FILE,
    id,
    { suffix: '/permissions' },
    {
      method: 'POST',
      query: {
        fields: 'id,type,role,emailAddress,domain',
        transferOwnership: transferOwnership || undefined,
      },
      body: permission,
    },
  );

/**
 * A multipart/related upload body: JSON metadata, then the content in base64 (Google's upload
 * endpoints accept Content-Transfer-Encoding: base64), which keeps any bytes intact in a string body
 * and can never collide with the boundary.
 */
function multipart(metadata: NewFile, content: Uint8Array, mimeType: string): { body: string; type: string } {
  const boundary = `gumcp-${randomUUID()}`;
  const body = [
    `--${boundary}`,
    'Content-Type: application/json; charset=UTF-8',
    '',
    JSON.stringify(metadata),
    `--${boundary}`,
    `Content-Type: ${mimeType}`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(content).toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { body, type: `multipart/related; boundary=${boundary}` };
}

/** Creates a file with content in one multipart upload. */
export function uploadFile(
  ctx: ToolContext,
  metadata: NewFile & { mimeType: string },
  content: Uint8Array,
): Promise<DriveFile> {
  const { body, type } = multipart(metadata, content, metadata.mimeType);
  return drive(ctx, DRIVE_FILE).request<DriveFile>(
    'upload/drive/v3/files',
    {
      method: 'POST',
      query: { uploadType: 'multipart', fields: FILE_FIELDS },
      body,
      headers: { 'content-type': type },
    },
    ctx.signal,
  );
}

/** Replaces a file's content (its id, name and sharing stay) in one multipart upload. */
export function replaceContent(
  ctx: ToolContext,
  id: string,
  content: Uint8Array,
  mimeType: string,
): Promise<DriveFile> {
  const { body, type } = multipart({ mimeType }, content, mimeType);
  return onFile(
    ctx,
    DRIVE_FILE,
    id,
    { upload: true },
    {
      method: 'PATCH',
      query: { uploadType: 'multipart', fields: FILE_FIELDS },
      body,
      headers: { 'content-type': type },
    },
  );
}

/**
 * A file's content as text: Google's own formats exported to `exportAs`, other files downloaded.
 * The shared client reads bodies as text (or JSON), so binary content cannot come through here.
 */
export async function readText(ctx: ToolContext, id: string, exportAs?: string): Promise<string> {
  const headers = { accept: '*/*' };
  const body = exportAs
    ? await onFile<unknown>(
        ctx,
        DRIVE_READONLY,
        id,
        { suffix: '/export' },
        { query: { mimeType: exportAs }, headers },
      )
    : await onFile<unknown>(ctx, DRIVE_READONLY, id, {}, { query: { alt: 'media' }, headers });
  if (body === undefined) return '';
  // The client parses JSON-looking bodies; a resource shows the file as it is.
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2);
}
