import { z } from 'zod';
import type { ToolContext } from '../../core/context.js';
import { ToolError } from '../../core/errors.js';
import { graphOrNotFound, graphPageAt } from '../../providers/microsoft/graph.js';
import type { UpstreamClient } from '../../upstream/client.js';

/**
 * The user's OneDrive (`/me/drive`) as the SharePoint, Excel and Word servers use it: items by id or
 * by path, simple uploads, searches, downloads. One piece for the three of them; it belongs beside
 * graph.ts in src/providers/microsoft once the OneDrive server needs it too.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Graph's simple upload (one PUT) is for small files; larger ones need an upload session. */
export const SIMPLE_UPLOAD_MAX = 4 * 1024 * 1024;

/** A driveItem, with the fields these servers read. */
export interface DriveItem {
  id: string;
  name?: string;
  size?: number;
  webUrl?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  file?: { mimeType?: string };
  folder?: { childCount?: number };
  parentReference?: { driveId?: string; id?: string; path?: string };
  '@microsoft.graph.downloadUrl'?: string;
}

/** A drive item as the tools return it. */
export const driveItemSchema = z.object({
  id: z.string().describe('The item id (file_id / item_id in other tools)'),
  name: z.string().optional(),
  size: z.number().optional().describe('Size in bytes'),
  web_url: z.string().optional().describe('Opens the item in the browser'),
  mime_type: z.string().optional(),
  folder: z.boolean().describe('Whether the item is a folder'),
  parent_path: z.string().optional().describe('Path of the folder holding it, e.g. /drive/root:/Reports'),
  created: z.string().optional(),
  last_modified: z.string().optional(),
});
export type DriveItemSummary = z.infer<typeof driveItemSchema>;

/** `value` without its undefined fields, so answers carry no empty keys whatever the transport. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function summarizeItem(item: DriveItem): DriveItemSummary {
  return defined({
    id: item.id,
    name: item.name,
    size: item.size,
    web_url: item.webUrl,
    mime_type: item.file?.mimeType,
    folder: item.folder !== undefined,
    parent_path: item.parentReference?.path,
    created: item.createdDateTime,
    last_modified: item.lastModifiedDateTime,
  });
}

export const conflictBehavior = z
  .enum(['rename', 'replace', 'fail'])
  .describe('When an item of that name exists: rename the new one, replace the old one, or fail');
export type ConflictBehavior = z.infer<typeof conflictBehavior>;

/** `me/drive/items/{id}`, the id as one path segment. */
export const itemPath = (id: string): string => `me/drive/items/${encodeURIComponent(id)}`;

/**
 * A folder path in the drive as the caller writes it ("Reports/2025", "/Reports/", "") split into
 * segments; `..` and empty segments are refused so a path cannot climb out of the drive's root.
 */
export function folderSegments(path: string | undefined, argument: string): string[] {
  const segments = (path ?? '').split('/').filter((s) => s !== '');
  for (const s of segments) {
    if (s === '.' || s === '..') throw new ToolError(`${argument} must not contain "." or ".." segments`);
  }
  return segments;
}

/** `me/drive/root:/{path}:` (Graph's path addressing), each segment encoded; the root alone when empty. */
export function rootPath(segments: readonly string[]): string {
  return segments.length === 0
    ? 'me/drive/root'
    : `me/drive/root:/${segments.map(encodeURIComponent).join('/')}:`;
}

/** A file name with `extension` added when missing ("Budget" -> "Budget.xlsx"). */
export function withExtension(name: string, extension: string, argument: string): string {
  const trimmed = name.trim();
  if (!trimmed || /[/\\]/.test(trimmed)) {
    throw new ToolError(`${argument} must be a file name without "/" or "\\"`);
  }
  return trimmed.toLowerCase().endsWith(extension) ? trimmed : `${trimmed}${extension}`;
}

export function getItem(
  client: UpstreamClient,
  id: string,
  signal: AbortSignal,
  what = 'File',
): Promise<DriveItem> {
  return graphOrNotFound(what, id, client.get<DriveItem>(itemPath(id), undefined, signal));
}

/**
 * Uploads small content in one PUT to `target` (a `rootPath`, or an `itemPath` to replace a file's
 * content). With `rename`, a repeat would make a second file, so it is not retried after a 5xx;
 * `replace` and `fail` are safe to repeat.
 */
export async function uploadContent(
  client: UpstreamClient,
  target: string,
  bytes: Uint8Array,
  options: { contentType: string; conflict?: ConflictBehavior; signal: AbortSignal },
): Promise<DriveItem> {
  if (bytes.byteLength > SIMPLE_UPLOAD_MAX) {
    throw new ToolError(
      `The file is ${Math.ceil(bytes.byteLength / 1024)} KB; this tool uploads files up to 4 MB in one request`,
    );
  }
  return client.request<DriveItem>(
    `${target}/content`,
    {
      method: 'PUT',
      body: bytes,
      headers: { 'content-type': options.contentType },
      ...(options.conflict ? { query: { '@microsoft.graph.conflictBehavior': options.conflict } } : {}),
      idempotent: options.conflict !== 'rename',
    },
    options.signal,
  );
}

/** Deletes an item (to the recycle bin). A repeat finds nothing to delete, so it is safe to retry. */
export async function deleteItem(client: UpstreamClient, id: string, signal: AbortSignal): Promise<void> {
  await graphOrNotFound('File', id, client.request(itemPath(id), { method: 'DELETE' }, signal));
}

/** `search(q='…')` with Graph's quoting: a single quote doubled, the text percent-encoded. */
const searchPath = (query: string) =>
  `me/drive/root/search(q='${encodeURIComponent(query.replace(/'/g, "''"))}')`;

const SEARCH_PAGE = 200;
const MAX_SEARCH_PAGES = 20;

/**
 * Files of the user's drive matching `query` (names, content, metadata) whose name ends in
 * `extension`. Graph's search cannot filter by type, so whole pages are read until `limit` match;
 * every match of the pages read is returned, and `next` is Graph's link to the page after (a
 * resources/list cursor, which graphPageAt refuses when it leads anywhere but Graph).
 */
export async function searchFiles(
  client: UpstreamClient,
  query: string,
  options: { extension: string; limit: number; cursor?: string | undefined; signal: AbortSignal },
): Promise<{ items: DriveItem[]; next?: string }> {
  const items: DriveItem[] = [];
  let cursor = options.cursor;
  for (let n = 0; n < MAX_SEARCH_PAGES; n++) {
    const page = await graphPageAt<DriveItem>(
      client,
      searchPath(query),
      { $top: SEARCH_PAGE },
      cursor,
      options.signal,
    );
    for (const item of page.items) {
      if (item.file && item.name?.toLowerCase().endsWith(options.extension)) items.push(item);
    }
    cursor = page.next;
    if (!cursor || items.length >= options.limit) break;
  }
  return { items, ...(cursor ? { next: cursor } : {}) };
}

/** A file's bytes, at most `maxBytes`; Graph redirects to a pre-authenticated URL, fetched without the token. */
export async function downloadItem(
  client: UpstreamClient,
  id: string,
  maxBytes: number,
  signal: AbortSignal,
): Promise<{ bytes: Buffer; contentType: string; headers: Headers }> {
  return graphOrNotFound('File', id, client.download(`${itemPath(id)}/content`, maxBytes, signal));
}

/** A download link for a file: Graph's short-lived, pre-authenticated `@microsoft.graph.downloadUrl`. */
export const downloadLinkSchema = z.object({
  file_id: z.string(),
  name: z.string().optional(),
  url: z.string().optional().describe('Pre-authenticated download URL, valid for about an hour'),
  web_url: z.string().optional().describe('Opens the file in the browser'),
  size: z.number().optional(),
  mime_type: z.string().optional(),
  resource_uri: z.string().describe('The file as an MCP resource of this server'),
});

export async function downloadLink(
  ctx: ToolContext,
  client: UpstreamClient,
  id: string,
  resourceUri: string,
): Promise<z.infer<typeof downloadLinkSchema>> {
  const item = await getItem(client, id, ctx.signal);
  if (item.folder) throw new ToolError(`${id} is a folder, not a file`);
  return {
    file_id: item.id,
    name: item.name,
    url: item['@microsoft.graph.downloadUrl'],
    web_url: item.webUrl,
    size: item.size,
    mime_type: item.file?.mimeType,
    resource_uri: resourceUri,
  };
}
