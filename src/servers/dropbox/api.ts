import { createHash } from 'node:crypto';
import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { dropboxError, OffsetError, rateLimitDelay, type Subject } from './errors.js';
import type { DropboxAccount, DropboxMetadata, ListFolderResult, SearchV2Result } from './types.js';

/** RPC endpoints: JSON in, JSON out (GUMCP_DROPBOX_API_URL points elsewhere, e.g. a test's fake). */
export const DROPBOX_API = 'https://api.dropboxapi.com/2';
/** Content endpoints: arguments in Dropbox-API-Arg, bytes in the body (GUMCP_DROPBOX_CONTENT_API_URL). */
export const DROPBOX_CONTENT = 'https://content.dropboxapi.com/2';

/** Dropbox takes at most 150 MiB in one request; larger files go through an upload session. */
export const UPLOAD_SESSION_THRESHOLD = 150 * 1024 * 1024;
/** Session chunks: a multiple of 4 MiB, as Dropbox recommends, well under the 150 MiB cap. */
export const UPLOAD_CHUNK_SIZE = 64 * 1024 * 1024;

/**
 * Knobs of the upstream client and of uploads. Production uses the defaults; tests pass tiny values
 * (fast retries, a 10-byte session threshold and 4-byte chunks).
 */
export interface DropboxTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  /** Files larger than this go through an upload session (default 150 MiB). */
  uploadThreshold?: number;
  /** Bytes per upload session request (default 64 MiB). */
  chunkSize?: number;
}

/**
 * JSON for an HTTP header: Dropbox-API-Arg must be ASCII, so every character from U+007F up is
 * written as \uXXXX (an emoji, two UTF-16 code units, as its surrogate pair), as Dropbox documents.
 */
export function headerJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Dropbox's content hash: SHA-256 of the concatenated SHA-256 digests of each 4 MiB block. Sent with
 * every upload so Dropbox refuses bytes that differ from what was hashed here.
 */
export function contentHash(bytes: Uint8Array): string {
  const block = 4 * 1024 * 1024;
  const outer = createHash('sha256');
  for (let i = 0; i < bytes.length; i += block) {
    outer.update(
      createHash('sha256')
        .update(bytes.subarray(i, i + block))
        .digest(),
    );
  }
  return outer.digest('hex');
}

function bearer(creds: Credentials): Record<string, string> {
  const token = typeof creds.access_token === 'string' ? creds.access_token.trim() : '';
  if (!token) throw new AuthRequiredError('dropbox', 'the stored credentials hold no access token');
  return { authorization: `Bearer ${token}` };
}

export type WriteMode = 'add' | 'overwrite';

export interface UploadOptions {
  mode: WriteMode;
  autorename: boolean;
  /** Told after each session chunk: bytes sent so far of the total. */
  progress?: (sent: number, total: number) => Promise<void>;
}

type Ctx = Pick<ToolContext, 'credentials' | 'log' | 'signal'>;

/**
 * The Dropbox API v2 calls, one method per route. Every call is a POST; reads are marked idempotent
 * so the upstream client retries them after a 5xx or a timeout, writes only where a repeat is
 * harmless (see `upload`).
 */
export class DropboxApi {
  readonly #ctx: Ctx;
  readonly #scope: string;
  readonly #tuning: DropboxTuning;

  constructor(ctx: Ctx, scope: string, tuning: DropboxTuning) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  #client(host: 'api' | 'content', subject: Subject): UpstreamClient {
    const { uploadThreshold: _t, chunkSize: _c, ...client } = this.#tuning;
    return new UpstreamClient({
      service: 'Dropbox',
      serverId: 'dropbox',
      baseUrl:
        host === 'api' ? serviceUrl('dropbox', DROPBOX_API) : serviceUrl('dropbox_content', DROPBOX_CONTENT),
      log: this.#ctx.log,
      // Read on every request, so a token refreshed mid-session is used from the next request on.
      auth: async () => bearer(await this.#ctx.credentials()),
      mapError: (status, body, headers) => dropboxError(status, body, headers, subject, this.#scope),
      retryDelay: rateLimitDelay,
      ...client,
    });
  }

  /** An RPC call: the argument as the JSON body (none for routes that take none). */
  #rpc<T>(route: string, arg: unknown, subject: Subject, idempotent: boolean): Promise<T> {
    const req: UpstreamRequest = { method: 'POST', idempotent, ...(arg === undefined ? {} : { body: arg }) };
    return this.#client('api', subject).request<T>(route, req, this.#ctx.signal);
  }

  /** A content-upload call: the argument in Dropbox-API-Arg, the bytes as the body, the result as JSON. */
  #upload<T>(
    route: string,
    arg: unknown,
    bytes: Uint8Array,
    subject: Subject,
    idempotent: boolean,
  ): Promise<T> {
    return this.#client('content', subject).request<T>(
      route,
      { method: 'POST', body: bytes, headers: { 'dropbox-api-arg': headerJson(arg) }, idempotent },
      this.#ctx.signal,
    );
  }

  listFolder(path: string, limit: number, recursive: boolean): Promise<ListFolderResult> {
    return this.#rpc('files/list_folder', { path, recursive, limit }, { action: 'list', path }, true);
  }

  listFolderContinue(cursor: string, path: string): Promise<ListFolderResult> {
    return this.#rpc('files/list_folder/continue', { cursor }, { action: 'list', path }, true);
  }

  getMetadata(path: string): Promise<DropboxMetadata> {
    return this.#rpc('files/get_metadata', { path }, { action: 'read the metadata of', path }, true);
  }

  /**
   * Not retried after a 5xx: if the first attempt created the folder, a retry would fail with a
   * conflict (or, with autorename, make a second folder).
   */
  async createFolder(path: string, autorename: boolean): Promise<DropboxMetadata> {
    const res = await this.#rpc<{ metadata: DropboxMetadata }>(
      'files/create_folder_v2',
      { path, autorename },
      { action: 'create', path },
      false,
    );
    return { ...res.metadata, '.tag': 'folder' };
  }

  /** Not retried after a 5xx: a delete that went through would answer not_found the second time. */
  async delete(path: string): Promise<DropboxMetadata> {
    const res = await this.#rpc<{ metadata: DropboxMetadata }>(
      'files/delete_v2',
      { path },
      { action: 'delete', path },
      false,
    );
    return res.metadata;
  }

  /** Not retried after a 5xx, for the same reason as delete. */
  async move(from: string, to: string, autorename: boolean): Promise<DropboxMetadata> {
    const res = await this.#rpc<{ metadata: DropboxMetadata }>(
      'files/move_v2',
      { from_path: from, to_path: to, autorename, allow_ownership_transfer: false },
      { action: 'move', from, to },
      false,
    );
    return res.metadata;
  }

  search(
    query: string,
    options: { path?: string; maxResults: number; filenameOnly: boolean },
  ): Promise<SearchV2Result> {
    return this.#rpc(
      'files/search_v2',
      {
        query,
        options: {
          ...(options.path === undefined ? {} : { path: options.path }),
          max_results: options.maxResults,
          file_status: 'active',
          filename_only: options.filenameOnly,
        },
      },
      { action: 'search', path: options.path ?? '' },
      true,
    );
  }

  searchContinue(cursor: string): Promise<SearchV2Result> {
    return this.#rpc('files/search/continue_v2', { cursor }, { action: 'search', path: '' }, true);
  }

  currentAccount(): Promise<DropboxAccount> {
    return this.#rpc(
      'users/get_current_account',
      undefined,
      { action: 'read the account of', path: 'the user' },
      true,
    );
  }

  /**
   * A file's bytes (at most `maxBytes`) and its metadata, which Dropbox sends in the
   * Dropbox-API-Result header since the body is the file.
   */
  async download(path: string, maxBytes: number): Promise<{ metadata: DropboxMetadata; bytes: Buffer }> {
    const answer = await this.#client('content', { action: 'download', path }).exchange<Buffer>(
      'files/download',
      {
        method: 'POST',
        headers: { 'dropbox-api-arg': headerJson({ path }) },
        bytes: { maxBytes },
        idempotent: true,
      },
      this.#ctx.signal,
    );
    let metadata: DropboxMetadata;
    try {
      metadata = JSON.parse(answer.headers.get('dropbox-api-result') ?? '') as DropboxMetadata;
    } catch {
      throw new ToolError(`Dropbox sent ${path} without its metadata (no Dropbox-API-Result header)`);
    }
    return { metadata: { ...metadata, '.tag': 'file' }, bytes: answer.body };
  }

  /**
   * Writes `bytes` to `path`: one files/upload up to the threshold, else an upload session. Every
   * request carries the content hash of its bytes, so Dropbox stores exactly what was hashed here.
   *
   * Retries: a single upload is retried after a 5xx or a timeout. Dropbox's WriteMode says a write
   * of identical contents to a file is a no-op, not a conflict, in both `add` and `overwrite` mode,
   * so if the first attempt went through, the retry writes nothing more and answers with the same
   * file; the hash makes sure it is the same bytes. A session's start and appends are retried too:
   * an append that had arrived is answered with incorrect_offset and the upload carries on from the
   * offset Dropbox names. Its finish (which commits) is not retried after a 5xx: a finish that went
   * through has consumed the session, so a retry could only fail.
   */
  async upload(path: string, bytes: Uint8Array, options: UploadOptions): Promise<DropboxMetadata> {
    const commit = {
      path,
      mode: options.mode,
      autorename: options.autorename,
      mute: false,
      strict_conflict: false,
    };
    const subject: Subject = { action: 'upload', path };
    const threshold = this.#tuning.uploadThreshold ?? UPLOAD_SESSION_THRESHOLD;
    if (bytes.length <= threshold) {
      const meta = await this.#upload<DropboxMetadata>(
        'files/upload',
        { ...commit, content_hash: contentHash(bytes) },
        bytes,
        subject,
        true,
      );
      return { ...meta, '.tag': 'file' };
    }
    const size = this.#tuning.chunkSize ?? UPLOAD_CHUNK_SIZE;
    const first = bytes.subarray(0, Math.min(size, bytes.length));
    const { session_id } = await this.#upload<{ session_id: string }>(
      'files/upload_session/start',
      { close: first.length === bytes.length, content_hash: contentHash(first) },
      first,
      subject,
      true,
    );
    let offset = first.length;
    await options.progress?.(offset, bytes.length);
    while (offset < bytes.length) {
      const piece = bytes.subarray(offset, Math.min(offset + size, bytes.length));
      const close = offset + piece.length === bytes.length;
      try {
        await this.#upload(
          'files/upload_session/append_v2',
          { cursor: { session_id, offset }, close, content_hash: contentHash(piece) },
          piece,
          subject,
          true,
        );
        offset += piece.length;
      } catch (error) {
        // A retried append whose first attempt arrived: Dropbox says where its data ends.
        if (
          !(error instanceof OffsetError) ||
          !Number.isInteger(error.correctOffset) ||
          error.correctOffset <= offset ||
          error.correctOffset > bytes.length
        ) {
          throw error;
        }
        offset = error.correctOffset;
      }
      await options.progress?.(offset, bytes.length);
    }
    const meta = await this.#upload<DropboxMetadata>(
      'files/upload_session/finish',
      { cursor: { session_id, offset }, commit },
      new Uint8Array(0),
      subject,
      false,
    );
    return { ...meta, '.tag': 'file' };
  }
}

/** Makes the Dropbox client a tool uses; `scope` is the one named if Dropbox says a scope is missing. */
export type ApiFactory = (ctx: Ctx, scope: string) => DropboxApi;

export function apiFactory(tuning: DropboxTuning = {}): ApiFactory {
  return (ctx, scope) => new DropboxApi(ctx, scope, tuning);
}
