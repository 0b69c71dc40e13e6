import type { ToolContext } from '../../core/context.js';
import { ToolError } from '../../core/errors.js';
import { type Query, type UpstreamClient, UpstreamError } from '../../upstream/client.js';
import type { ByteSource } from '../../util/local-files.js';
import { graphPageAt, graphPages } from './graph.js';

/**
 * The signed-in user's OneDrive (`/me/drive`) through Graph v1.0, as the OneDrive, SharePoint,
 * Excel and Word servers use it: items by id or by path, folders, search, downloads, and uploads of
 * any size (one PUT up to 4 MB, an upload session beyond). Each server names not-found items in its
 * own words (graphOrNotFound) and shapes items for its own tools.
 */

/** A driveItem (learn.microsoft.com/graph/api/resources/driveitem), with the fields the servers read. */
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
  '@microsoft.graph.downloadUrl'?: string;
}

/** A sharing permission, as createLink answers. */
export interface Permission {
  id: string;
  roles?: string[];
  link?: { type?: string; scope?: string; webUrl?: string };
}

export type ConflictBehavior = 'rename' | 'replace' | 'fail';

/** A path in the drive, as its segments: "/Documents/Q3 report.docx" is ["Documents", "Q3 report.docx"]. */
export type DrivePath = readonly string[];

/**
 * Splits a path argument ("Reports/2025", "/Reports/", "" for the root), refusing `.` and `..`,
 * which drive paths do not have and which could climb out of where a path points.
 */
export function drivePath(argument: string, value: string | undefined): DrivePath {
  const segments = (value ?? '').split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) {
    throw new ToolError(
      `${argument}: "${value}" may not contain . or .. segments; give the path from the drive's root`,
    );
  }
  return segments;
}

/** `me/drive/items/{id}`, the id as one path segment. */
export const itemPath = (id: string): string => `me/drive/items/${encodeURIComponent(id)}`;

/** An item as Graph addresses it, and what lies under it (`content`, `children`, an action). */
export interface DriveRef {
  readonly item: string;
  at(what: string): string;
}

/** An item by its id. */
export function byId(id: string): DriveRef {
  const item = itemPath(id);
  return { item, at: (what) => `${item}/${what}` };
}

/**
 * An item by path (`me/drive/root:/a/b`, then `…:/a/b:/content`), from the root or from the folder
 * `parentId`; each segment percent-encoded, so names with spaces, `#`, `%` or `&` work.
 */
export function byPath(path: DrivePath, parentId?: string): DriveRef {
  const base = parentId ? byId(parentId) : { item: 'me/drive/root', at: (w: string) => `me/drive/root/${w}` };
  if (path.length === 0) return base;
  const item = `${base.item}:/${path.map(encodeURIComponent).join('/')}`;
  return { item, at: (what) => `${item}:/${what}` };
}

/**
 * How files are uploaded. Graph's simple upload (one PUT of the content) takes files up to 4 MB; larger
 * ones go through an upload session, in fragments that must be multiples of 320 KiB (Microsoft
 * recommends 5 to 10 MiB). Tests make the fragments small.
 */
export const FRAGMENT_UNIT = 327_680;
export const uploadTuning = { simpleMaxBytes: 4 * 1024 * 1024, chunkBytes: 32 * FRAGMENT_UNIT };

/** What an upload did, for the answer. */
export interface Uploaded {
  item: DriveItem;
  method: 'simple' | 'session';
  fragments: number;
}

interface UploadSession {
  uploadUrl?: string;
  expirationDateTime?: string;
  nextExpectedRanges?: string[];
}

/** Pages a search reads at most in one call, looking for matches. */
const MAX_SEARCH_PAGES = 20;
/** Items per search page when looking for files of one type among them. */
const SEARCH_PAGE = 200;

/** The first `limit` of what a search found, and whether there were more. */
export function upTo<T>(found: { items: T[]; next?: string }, limit: number): { items: T[]; more: boolean } {
  return { items: found.items.slice(0, limit), more: found.items.length > limit || Boolean(found.next) };
}

/** The user's drive, through one server's Graph client (its name in messages, its scopes on a 403). */
export class Drive {
  constructor(
    readonly client: UpstreamClient,
    readonly ctx: Pick<ToolContext, 'signal' | 'progress'>,
  ) {}

  get(ref: DriveRef): Promise<DriveItem> {
    return this.client.get<DriveItem>(ref.item, undefined, this.ctx.signal);
  }

  /** A folder's children, following Graph's next links up to `limit`. */
  children(folder: DriveRef, query: Query, limit: number): Promise<{ items: DriveItem[]; more: boolean }> {
    return graphPages<DriveItem>(this.client, folder.at('children'), query, limit, this.ctx.signal);
  }

  /**
   * Items matching `text` (names, content, metadata), with Graph's quoting: a single quote doubled,
   * the text percent-encoded. Whole pages are read (from `cursor`, a next link Graph gave, when there
   * is one) until `limit` items pass `keep`; every match of the pages read is returned, and `next` is
   * Graph's link to the page after, a resources/list cursor (see `upTo` for a tool's answer).
   */
  async search(
    text: string,
    options: {
      query: Query;
      limit: number;
      keep?: (item: DriveItem) => boolean;
      cursor?: string | undefined;
    },
  ): Promise<{ items: DriveItem[]; next?: string }> {
    const path = `me/drive/root/search(q='${encodeURIComponent(text.replace(/'/g, "''"))}')`;
    const items: DriveItem[] = [];
    let cursor = options.cursor;
    for (let n = 0; n < MAX_SEARCH_PAGES; n++) {
      const page = await graphPageAt<DriveItem>(this.client, path, options.query, cursor, this.ctx.signal);
      items.push(...(options.keep ? page.items.filter(options.keep) : page.items));
      cursor = page.next;
      if (!cursor || items.length >= options.limit) break;
    }
    return { items, ...(cursor ? { next: cursor } : {}) };
  }

  /**
   * Files matching `text` whose name ends in `extension` (".xlsx"): Graph's search cannot filter by
   * type, so large pages are read and the rest dropped.
   */
  searchFiles(
    text: string,
    extension: string,
    options: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: DriveItem[]; next?: string }> {
    return this.search(text, {
      query: { $top: SEARCH_PAGE },
      keep: (item) => Boolean(item.file && item.name?.toLowerCase().endsWith(extension)),
      ...options,
    });
  }

  /** A new folder under `parent`. Not retried after a 5xx: it may exist already, and a rename would make two. */
  createFolder(parent: DriveRef, name: string, conflict: ConflictBehavior): Promise<DriveItem> {
    return this.client.request<DriveItem>(
      parent.at('children'),
      { method: 'POST', body: { name, folder: {}, '@microsoft.graph.conflictBehavior': conflict } },
      this.ctx.signal,
    );
  }

  /** Moves an item to the recycle bin. A repeat finds nothing to delete, so it is safe to retry. */
  async delete(id: string): Promise<void> {
    await this.client.request(itemPath(id), { method: 'DELETE' }, this.ctx.signal);
  }

  /**
   * A sharing link. Graph returns the existing link of the same type and scope when there is one (200)
   * instead of making another (201), so the call may be repeated.
   */
  createLink(ref: DriveRef, link: { type: string; scope?: string | undefined }): Promise<Permission> {
    return this.client.request<Permission>(
      ref.at('createLink'),
      { method: 'POST', idempotent: true, body: link },
      this.ctx.signal,
    );
  }

  /** A file's bytes, at most `maxBytes`: Graph answers 302 to a pre-authenticated URL, fetched without the token. */
  download(ref: DriveRef, maxBytes: number): Promise<{ bytes: Buffer; contentType: string }> {
    return this.client.download(ref.at('content'), maxBytes, this.ctx.signal);
  }

  /**
   * Uploads a file to `ref` (a path to create or replace, or an item whose content is replaced), by
   * the way its size calls for. `conflict` is Graph's behaviour when a file of that name exists
   * (default: replace). A simple PUT with `rename` would make a second file when repeated, so it is
   * not retried after a 5xx; `replace` and `fail` are safe to repeat.
   */
  async upload(
    ref: DriveRef,
    source: ByteSource,
    options: { contentType?: string; conflict?: ConflictBehavior } = {},
  ): Promise<Uploaded> {
    const { conflict } = options;
    if (source.size <= uploadTuning.simpleMaxBytes) {
      const item = await this.client.request<DriveItem>(
        ref.at('content'),
        {
          method: 'PUT',
          body: await source.read(0, source.size),
          ...(options.contentType ? { headers: { 'content-type': options.contentType } } : {}),
          ...(conflict ? { query: { '@microsoft.graph.conflictBehavior': conflict } } : {}),
          idempotent: conflict !== 'rename',
        },
        this.ctx.signal,
      );
      return { item, method: 'simple', fragments: 1 };
    }
    if (uploadTuning.chunkBytes <= 0 || uploadTuning.chunkBytes % FRAGMENT_UNIT !== 0) {
      throw new Error(`uploadTuning.chunkBytes must be a multiple of ${FRAGMENT_UNIT}`);
    }
    // A session made twice is harmless: the spare one expires unused.
    const session = await this.client.request<UploadSession>(
      ref.at('createUploadSession'),
      {
        method: 'POST',
        idempotent: true,
        body: { item: { '@microsoft.graph.conflictBehavior': conflict ?? 'replace' } },
      },
      this.ctx.signal,
    );
    if (!session.uploadUrl) throw new ToolError(`${this.client.service} did not give an upload URL`);
    return this.#uploadFragments(session.uploadUrl, source);
  }

  /**
   * PUTs the file to the session's pre-authenticated URL in fragments, without the Graph token (Graph
   * says the token there may get a 401), each with its Content-Range. The session is cancelled when
   * the upload fails or the client cancels, so no partial file is left waiting.
   */
  async #uploadFragments(uploadUrl: string, source: ByteSource): Promise<Uploaded> {
    const { client, ctx } = this;
    const service = client.service;
    const { chunkBytes } = uploadTuning;
    const total = source.size;
    // Each fragment once, and a few resumes where the service asks for bytes again.
    const most = Math.ceil(total / chunkBytes) + 10;
    let offset = 0;
    try {
      for (let fragments = 1; fragments <= most; fragments++) {
        const end = Math.min(offset + chunkBytes, total);
        const bytes = await source.read(offset, end - offset);
        const answer = await client
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
              // The service already has this range: ask the session where to go on from.
              return {
                status: 202,
                body: await client.request<UploadSession>(uploadUrl, { anonymous: true }, ctx.signal),
              };
            }
            if (error instanceof UpstreamError && error.status === 404) {
              throw new ToolError(
                `The upload session expired or was cancelled at ${service}; upload the file again`,
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
            `${service} took every byte but did not confirm the file; check it before trying again`,
          );
        }
      }
      throw new ToolError(`${service} kept asking for the same bytes; the upload was stopped`);
    } catch (error) {
      await client.request(uploadUrl, { method: 'DELETE', anonymous: true }).catch(() => undefined);
      throw error;
    }
  }
}
