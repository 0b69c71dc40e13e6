import type { DropboxAccount, DropboxMetadata } from '../types.js';

/**
 * Bodies in the shapes of Dropbox API v2's stone specification (github.com/dropbox/dropbox-api-spec,
 * files.stone, users.stone, auth.stone): files.Metadata with its `.tag`, ListFolderResult,
 * SearchV2Result, FileOpsResult, users.FullAccount, and the error bodies `{ error_summary, error }`
 * of 401, 409 and 429 (400 answers are plain text).
 */

export function file(path: string, over: Partial<DropboxMetadata> = {}): DropboxMetadata {
  const name = path.split('/').at(-1) ?? '';
  return {
    '.tag': 'file',
    name,
    path_lower: path.toLowerCase(),
    path_display: path,
    id: `id:${Buffer.from(path).toString('base64url').slice(0, 22)}`,
    client_modified: '2025-05-12T15:50:38Z',
    server_modified: '2025-05-12T15:50:38Z',
    rev: 'a1c10ce0dd78',
    size: 7212,
    is_downloadable: true,
    content_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ...over,
  };
}

export function folder(path: string, over: Partial<DropboxMetadata> = {}): DropboxMetadata {
  return {
    '.tag': 'folder',
    name: path.split('/').at(-1) ?? '',
    path_lower: path.toLowerCase(),
    path_display: path,
    id: `id:${Buffer.from(path).toString('base64url').slice(0, 22)}`,
    ...over,
  };
}

/** files/create_folder_v2, delete_v2 and move_v2 answer a FileOpsResult: the metadata, untagged for folders. */
export const opsResult = (metadata: DropboxMetadata) => ({ metadata });

export const listResult = (
  entries: DropboxMetadata[],
  hasMore = false,
  cursor = 'ZtkX9_EHj3x7PMkVuFIhwKYXEpwpLwyxp9vMKomUhllil9q7eWiAu',
) => ({
  entries,
  cursor,
  has_more: hasMore,
});

export const searchResult = (found: DropboxMetadata[], hasMore = false, cursor: string | null = null) => ({
  matches: found.map((m) => ({
    match_type: { '.tag': 'filename' },
    metadata: { '.tag': 'metadata', metadata: m },
  })),
  has_more: hasMore,
  ...(cursor ? { cursor } : {}),
});

export function account(): DropboxAccount {
  return {
    account_id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc',
    name: {
      given_name: 'Franz',
      surname: 'Ferdinand',
      familiar_name: 'Franz',
      display_name: 'Franz Ferdinand (Personal)',
      abbreviated_name: 'FF',
    },
    email: 'franz@example.com',
    email_verified: true,
    disabled: false,
    locale: 'en',
    referral_link: 'https://db.tt/ZITNuhtI',
    is_paired: false,
    account_type: { '.tag': 'basic' },
    country: 'US',
  };
}

/** A 409 body: the endpoint's error union, e.g. `endpointError('path', 'not_found')`. */
export function endpointError(...tags: string[]): { error_summary: string; error: unknown } {
  let inner: Record<string, unknown> | undefined;
  for (const tag of [...tags].reverse()) inner = inner ? { '.tag': tag, [tag]: inner } : { '.tag': tag };
  return { error_summary: `${tags.join('/')}/..`, error: inner };
}

/** files/upload's path error: UploadWriteFailed carries the WriteError in `reason`. */
export const uploadWriteFailed = (...reason: string[]) => {
  const { error } = endpointError(...reason);
  return {
    error_summary: `path/${reason.join('/')}/...`,
    error: { '.tag': 'path', path: { reason: error, upload_session_id: 'pid_upload_session:ABC' } },
  };
};

/** 401 bodies (auth.AuthError). */
export const expiredToken = {
  error_summary: 'expired_access_token/..',
  error: { '.tag': 'expired_access_token' },
};
export const invalidToken = {
  error_summary: 'invalid_access_token/...',
  error: { '.tag': 'invalid_access_token' },
};
export const missingScope = (scope: string) => ({
  error_summary: 'missing_scope/.',
  error: { '.tag': 'missing_scope', required_scope: scope },
});

/** A 429 body (auth.RateLimitError). */
export const rateLimit = (seconds: number, reason = 'too_many_requests') => ({
  error_summary: `${reason}/..`,
  error: { reason: { '.tag': reason }, retry_after: seconds },
});
