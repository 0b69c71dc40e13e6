import type { ToolContext } from '../../core/context.js';
import { ToolError } from '../../core/errors.js';
import { graphApi, graphOrNotFound, graphPages } from '../../providers/microsoft/graph.js';
import { type UpstreamClient, UpstreamError } from '../../upstream/client.js';
import type { ByteSource } from './local-files.js';

/** The scope guMCP's onedrive server signs in with (besides offline_access). */
export const FILES_SCOPE = 'https://graph.microsoft.com/Files.ReadWrite.All';
export const SCOPES = [FILES_SCOPE, 'offline_access'] as const;

/** A driveItem as Graph v1.0 returns it (learn.microsoft.com/graph/api/resources/driveitem). */
export interface DriveItem {
  id: string;
  name?: string;
  size?: number;
  webUrl?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  folder?: { childCount?: number };
  file?: { mimeType?: string; hashes?: Record<string, string> };
  package?: { type?: string };
  parentReference?: { driveId?: string; driveType?: string; id?: string; path?: string };
}

export interface Permission {
  id: string;
  roles?: string[];
  link?: { type?: string; scope?: string; webUrl?: string };
}

interface UploadSession {
  uploadUrl?: string;
  expirationDateTime?: string;
  nextExpectedRanges?: string[];
}

/**
 * How files are uploaded. Graph's simple upload (one PUT of the content) takes files up to 4 MB; larger
 * ones go through an upload session, in fragments that must be multiples of 320 KiB (Microsoft
 * recommends 5 to 10 MiB). Tests make the fragments small.
 */
export const uploadTuning = { simpleMaxBytes: 4 * 1024 * 1024, chunkBytes: 32 * 327_680 };
export const FRAGMENT_UNIT = 327_680;

const client = (ctx: ToolContext): UpstreamClient =>
  graphApi(ctx, { serverId: 'onedrive', service: 'OneDrive', scopes: [FILES_SCOPE] });

/** A path in the drive, as its segments: "/Documents/Q3 report.docx" is ["Documents", "Q3 report.docx"]. */
export type DrivePath = readonly string[];

/** Splits a path argument, refusing `.` and `..`, which OneDrive paths do not have. */
export function drivePath(arg: string, value: string): DrivePath {
  const segments = value.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) {
    throw new ToolError(
      `${arg}: "${value}" may not contain . or .. segments; give the path from the drive's root`,
    );
  }
  return segments;
}

export const shown = (path: DrivePath): string => `/${path.join('/')}`;

/** `me/drive/root:/a/b` (Graph's path addressing), or the root itself. */
const item = (path: DrivePath) =>
  path.length ? `me/drive/root:/${path.map(encodeURIComponent).join('/')}` : 'me/drive/root';
/** An action or collection under an item: `me/drive/root:/a/b:/children`, or `me/drive/root/children`. */
const under = (path: DrivePath, what: string) =>
  path.length ? `${item(path)}:/${what}` : `${item(path)}/${what}`;

const FIELDS = 'id,name,size,webUrl,createdDateTime,lastModifiedDateTime,folder,file,package,parentReference';

export function listChildren(
  ctx: ToolContext,
  folder: DrivePath,
  limit: number,
): Promise<{ items: DriveItem[]; more: boolean }> {
  return graphOrNotFound(
    'Folder',
    shown(folder),
    graphPages<DriveItem>(
      client(ctx),
      under(folder, 'children'),
      { $select: FIELDS, $orderby: 'name asc', $top: Math.min(limit, 1000) },
      limit,
      ctx.signal,
    ),
  );
}

/** Files whose name, metadata or content match (Graph's drive search, OData-quoted). */
export function search(
  ctx: ToolContext,
  term: string,
  limit: number,
): Promise<{ items: DriveItem[]; more: boolean }> {
  const q = encodeURIComponent(term.replace(/'/g, "''"));
  return graphPages<DriveItem>(
    client(ctx),
    `me/drive/root/search(q='${q}')`,
    { $select: FIELDS, $top: Math.min(limit, 1000) },
    limit,
    ctx.signal,
  );
}

export function getItem(ctx: ToolContext, path: DrivePath): Promise<DriveItem> {
  return graphOrNotFound('Item', shown(path), client(ctx).get<DriveItem>(item(path), undefined, ctx.signal));
}

/** A new folder; a name already taken gets a number added (guMCP's "rename" conflict behaviour). */
export function createFolder(ctx: ToolContext, parent: DrivePath, name: string): Promise<DriveItem> {
  return graphOrNotFound(
    'Folder',
    shown(parent),
    client(ctx).request<DriveItem>(
      under(parent, 'children'),
      { method: 'POST', body: { name, folder: {}, '@microsoft.graph.conflictBehavior': 'rename' } },
      ctx.signal,
    ),
  );
}

/** Moves an item to the recycle bin. */
export async function deleteItem(ctx: ToolContext, id: string, path: DrivePath): Promise<void> {
  await graphOrNotFound(
    'Item',
    shown(path),
    client(ctx).request(`me/drive/items/${encodeURIComponent(id)}`, { method: 'DELETE' }, ctx.signal),
  );
}

/**
 * A sharing link. Graph returns the existing link of the same type and scope when there is one (200)
 * instead of making another (201), so the call may be repeated.
 */
export function createLink(
  ctx: ToolContext,
  path: DrivePath,
  link: { type: string; scope?: string | undefined },
): Promise<Permission> {
  return graphOrNotFound(
    'Item',
    shown(path),
    client(ctx).request<Permission>(
      under(path, 'createLink'),
      { method: 'POST', idempotent: true, body: link },
      ctx.signal,
    ),
  );
}

/** The bytes of a file: Graph answers 302 to a pre-authenticated URL, fetched without the token. */
export function download(
  ctx: ToolContext,
  path: DrivePath,
  maxBytes: number,
): Promise<{ bytes: Buffer; contentType: string }> {
  return graphOrNotFound(
    'File',
    shown(path),
    client(ctx).download(under(path, 'content'), maxBytes, ctx.signal),
  );
}

/** What an upload did, for the answer. */
export interface Uploaded {
  item: DriveItem;
  method: 'simple' | 'session';
  fragments: number;
}

/** Uploads a file to `path`, replacing a file already there, by the way its size calls for. */
export async function upload(ctx: ToolContext, path: DrivePath, source: ByteSource): Promise<Uploaded> {
  const api = client(ctx);
  const parent = shown(path.slice(0, -1));
  if (source.size <= uploadTuning.simpleMaxBytes) {
    const bytes = await source.read(0, source.size);
    // Putting the same content again leaves the same file, so the PUT may be retried.
    const made = await graphOrNotFound(
      'Folder',
      parent,
      api.request<DriveItem>(under(path, 'content'), { method: 'PUT', body: bytes }, ctx.signal),
    );
    return { item: made, method: 'simple', fragments: 1 };
  }
  const session = await graphOrNotFound(
    'Folder',
    parent,
    api.request<UploadSession>(
      under(path, 'createUploadSession'),
      {
        method: 'POST',
        idempotent: true,
        body: { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
      },
      ctx.signal,
    ),
  );
  if (!session.uploadUrl) throw new ToolError('OneDrive did not give an upload URL');
  return uploadFragments(ctx, api, session.uploadUrl, source);
}

/**
 * PUTs the file to the session's pre-authenticated URL in fragments, without the Graph token (Graph
 * says the token there may get a 401), each with its Content-Range. The session is cancelled when
 * the upload fails or the client cancels, so no partial file is left waiting.
 */
async function uploadFragments(
  ctx: ToolContext,
  api: UpstreamClient,
  uploadUrl: string,
  source: ByteSource,
): Promise<Uploaded> {
  const { chunkBytes } = uploadTuning;
  if (chunkBytes <= 0 || chunkBytes % FRAGMENT_UNIT !== 0) {
    throw new Error(`uploadTuning.chunkBytes must be a multiple of ${FRAGMENT_UNIT}`);
  }
  const total = source.size;
  // Each fragment once, and a few resumes where OneDrive asks for bytes again.
  const most = Math.ceil(total / chunkBytes) + 10;
  let offset = 0;
  try {
    for (let fragments = 1; fragments <= most; fragments++) {
      const end = Math.min(offset + chunkBytes, total);
      const bytes = await source.read(offset, end - offset);
      const answer = await api
        .exchange<DriveItem & UploadSession>(
          uploadUrl,
          {
            method: 'PUT',
            anonymous: true,
            // The same range sent twice is taken once (or refused with 416, handled below).
            idempotent: true,
            body: bytes,
            headers: { 'content-range': `bytes ${offset}-${end - 1}/${total}` },
          },
          ctx.signal,
        )
        .catch(async (error: unknown) => {
          if (error instanceof UpstreamError && error.status === 416) {
            // OneDrive already has this range: ask the session where to go on from.
            return {
              status: 202,
              body: await api.request<UploadSession>(uploadUrl, { anonymous: true }, ctx.signal),
            };
          }
          if (error instanceof UpstreamError && error.status === 404) {
            throw new ToolError(
              'The upload session expired or was cancelled at OneDrive; upload the file again',
            );
          }
          throw error;
        });
      await ctx.progress(end, total, `Uploaded ${end} of ${total} bytes`);
      if (answer.status === 200 || answer.status === 201) {
        return { item: answer.body as DriveItem, method: 'session', fragments };
      }
      const next = answer.body?.nextExpectedRanges?.[0];
      offset = next ? Number(next.split('-')[0]) : end;
      if (!Number.isInteger(offset) || offset >= total || offset < 0) {
        throw new ToolError(
          'OneDrive took every byte but did not confirm the file; check it before trying again',
        );
      }
    }
    throw new ToolError('OneDrive kept asking for the same bytes; the upload was stopped');
  } catch (error) {
    await api.request(uploadUrl, { method: 'DELETE', anonymous: true }).catch(() => undefined);
    throw error;
  }
}
