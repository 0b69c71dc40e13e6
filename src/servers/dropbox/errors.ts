import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';
import { parseRetryAfter } from '../../upstream/client.js';
import { shown } from './paths.js';

/** What a call is about, named in its errors: the path (or both ends of a move) and the action. */
export interface Subject {
  /** "list", "upload", "download", ... as in "Dropbox could not upload /a.txt". */
  action: string;
  path?: string;
  from?: string;
  to?: string;
}

/** Dropbox's error body for 401, 403, 409 and 429: `{ error_summary, error: { '.tag': ... } }`. */
interface DropboxErrorBody {
  error_summary?: string;
  error?: unknown;
}

/**
 * The chain of union tags of an endpoint error, outermost first: `{'.tag': 'path', path: {'.tag':
 * 'not_found'}}` is ['path', 'not_found']. An upload's UploadWriteFailed has no tag of its own and
 * carries the WriteError in `reason`. Without an `error` object, `error_summary`
 * ("path/not_found/..") says the same.
 */
export function errorTags(body: unknown): string[] {
  const b = (body && typeof body === 'object' ? body : {}) as DropboxErrorBody;
  const tags: string[] = [];
  let node: unknown = b.error;
  for (let depth = 0; depth < 10 && node && typeof node === 'object'; depth++) {
    const o = node as Record<string, unknown>;
    const tag = o['.tag'];
    if (typeof tag === 'string') {
      tags.push(tag);
      node = o[tag];
    } else if ('reason' in o) {
      node = o.reason;
    } else break;
  }
  if (tags.length === 0 && typeof b.error_summary === 'string') {
    tags.push(...b.error_summary.split('/').filter((t) => /^[a-z_0-9]+$/.test(t)));
  }
  return tags;
}

/** The field `name` of the innermost tagged union that has it (e.g. `correct_offset`, `required_scope`). */
function errorField(body: unknown, name: string): unknown {
  let node: unknown = (body as DropboxErrorBody | undefined)?.error;
  let found: unknown;
  for (let depth = 0; depth < 10 && node && typeof node === 'object'; depth++) {
    const o = node as Record<string, unknown>;
    if (name in o) found = o[name];
    const tag = o['.tag'];
    node = typeof tag === 'string' ? o[tag] : o.reason;
  }
  return found;
}

/**
 * An upload session chunk sent at an offset Dropbox does not expect; `correctOffset` is where
 * Dropbox's data ends (after a retried chunk that did arrive the first time, it is past that chunk).
 */
export class OffsetError extends ToolError {
  constructor(
    readonly correctOffset: number,
    path: string,
  ) {
    super(
      `The upload of ${shown(path)} lost its place (Dropbox has ${correctOffset} bytes); try the upload again`,
    );
  }
}

function where(tags: readonly string[], subject: Subject): string {
  const first = tags[0] ?? '';
  const path = first.startsWith('from_')
    ? subject.from
    : first === 'to'
      ? subject.to
      : (subject.path ?? subject.from ?? subject.to);
  return shown(path ?? '');
}

/** A 409 (the endpoint's own error union) as a message naming the path it is about. */
function endpointError(body: unknown, subject: Subject): ToolError {
  const tags = errorTags(body);
  const at = where(tags, subject);
  const has = (tag: string) => tags.includes(tag);
  if (has('incorrect_offset')) return new OffsetError(Number(errorField(body, 'correct_offset')), at);
  if (has('not_found')) {
    return has('lookup_failed')
      ? new ToolError(`The upload session for ${at} expired or was not found; upload again`)
      : new NotFoundError('Dropbox path', at);
  }
  if (has('conflict')) {
    const kind = tags[tags.indexOf('conflict') + 1];
    if (kind === 'file_ancestor')
      return new ToolError(`Cannot write ${at}: one of its parent folders is a file`);
    return new ToolError(`There is already a ${kind === 'folder' ? 'folder' : 'file'} at ${at}`);
  }
  if (has('insufficient_space') || has('insufficient_quota')) {
    return new ToolError(`The Dropbox account is out of space, so ${at} was not written`);
  }
  if (has('no_write_permission')) return new ToolError(`No permission to write to ${at}`);
  if (has('not_file')) return new ToolError(`${at} is a folder, not a file`);
  if (has('not_folder')) return new ToolError(`${at} is a file, not a folder`);
  if (has('malformed_path')) return new ToolError(`Dropbox cannot read the path ${at} (malformed)`);
  if (has('disallowed_name')) return new ToolError(`Dropbox does not allow the name of ${at}`);
  if (has('restricted_content'))
    return new ToolError(`${at} cannot be transferred: its content is restricted`);
  if (has('unsupported_file')) {
    return new ToolError(
      `${at} cannot be downloaded as a file (a cloud document such as Paper or Google Docs)`,
    );
  }
  if (has('locked')) return new ToolError(`${at} is locked`);
  if (has('team_folder'))
    return new ToolError(`${at} is a team folder, which cannot be moved or deleted here`);
  if (has('cant_move_folder_into_itself')) return new ToolError(`Cannot move ${at} into itself`);
  if (has('duplicated_or_nested_paths')) return new ToolError(`Cannot move ${at}: the paths overlap`);
  if (has('too_many_write_operations')) {
    return new ToolError(
      `Too many writes are happening in this Dropbox right now; ${subject.action} ${at} again shortly`,
    );
  }
  if (has('reset'))
    return new ToolError(`The listing cursor for ${at} expired; list it again without a cursor`);
  if (has('content_hash_mismatch')) {
    return new ToolError(`The bytes Dropbox received for ${at} do not match what was sent; upload again`);
  }
  if (has('payload_too_large'))
    return new ToolError(`A request for ${at} was larger than Dropbox takes (150 MiB)`);
  if (has('invalid_argument'))
    return new ToolError(`Dropbox rejected the ${subject.action} of ${at}: invalid argument`);
  const summary = tags.join('/');
  return new ToolError(`Dropbox could not ${subject.action} ${at}${summary ? ` (${summary})` : ''}`);
}

/** Dropbox's own wait for a 429 without Retry-After: `error.retry_after`, in seconds. */
export function rateLimitDelay(status: number, _headers: Headers, body: unknown): number | undefined {
  if (status !== 429) return undefined;
  const seconds = Number((body as { error?: { retry_after?: unknown } } | undefined)?.error?.retry_after);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function rateLimited(body: unknown, headers: Headers): ToolError {
  const wait = parseRetryAfter(headers.get('retry-after')) ?? rateLimitDelay(429, headers, body);
  const reason = errorTags(body).find((t) => t.startsWith('too_many')) ?? 'too_many_requests';
  const why =
    reason === 'too_many_write_operations' ? 'too many writes at once in this Dropbox' : 'too many requests';
  const when =
    wait === undefined
      ? 'try again later'
      : `try again in ${Math.ceil(wait / 1000)} s (after ${new Date(Date.now() + wait).toISOString()})`;
  return new ToolError(`Dropbox rate limit reached (${why}); ${when}`);
}

/** The first line of a plain-text 400, which says which argument Dropbox could not read. */
function badInput(body: unknown): string {
  const text = typeof body === 'string' ? body : '';
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.trim().slice(0, 300);
}

/**
 * Maps a Dropbox error answer to a tool error. `scope` is the scope the calling tool declares, named
 * when Dropbox says one is missing without naming it. 5xx is left to the upstream client.
 */
export function dropboxError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  scope: string,
): ToolError | undefined {
  if (status === 409) return endpointError(body, subject);
  if (status === 401) {
    const tag = errorTags(body)[0];
    if (tag === 'missing_scope') {
      const required = errorField(body, 'required_scope');
      return new MissingScopeError(typeof required === 'string' && required ? required : scope);
    }
    if (tag === 'user_suspended') return new ToolError('The Dropbox account is suspended');
    if (tag === 'route_access_denied')
      return new ToolError(`Dropbox does not allow this app to ${subject.action}`);
    return new AuthRequiredError(
      'dropbox',
      tag === 'expired_access_token'
        ? 'Dropbox says the access token has expired'
        : 'Dropbox rejected the stored token (invalid or revoked)',
    );
  }
  if (status === 400) {
    const detail = badInput(body);
    return new ToolError(
      `Dropbox rejected the ${subject.action} of ${where([], subject)} (HTTP 400)${detail ? `: ${detail}` : ''}`,
    );
  }
  if (status === 403) {
    const summary = errorTags(body).join('/');
    return new ToolError(
      `Dropbox denied access to ${where([], subject)}${summary ? ` (${summary})` : ''}: the account or its team does not allow it`,
    );
  }
  if (status === 429) return rateLimited(body, headers);
  return undefined;
}
