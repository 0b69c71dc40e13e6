import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Klaviyo answers 404 or 403 (e.g. `Campaign`, `01HXYZ…`). */
export interface Subject {
  what: string;
  id: string;
  /**
   * For a write that is not repeated after a 5xx or a timeout (a create, a send): what may have
   * happened and how to check, said instead of "try again later".
   */
  unrepeatable?: string;
  /** Tool arguments by the JSON pointer of the body field they fill, to name the argument Klaviyo refused. */
  fields?: Readonly<Record<string, string>>;
}

/** One entry of Klaviyo's JSON:API error document. */
export interface KlaviyoErrorEntry {
  id?: string;
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
  meta?: Record<string, unknown>;
}

/** Klaviyo's error body: `{ errors: [{ id, code, title, detail, source: { pointer } }] }`. */
export function errorsOf(body: unknown): KlaviyoErrorEntry[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors)
    ? errors.filter((e): e is KlaviyoErrorEntry => !!e && typeof e === 'object')
    : [];
}

const MAX_DETAIL = 400;
const clip = (text: string) => (text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text);

/**
 * The field an error is about, from its `source.pointer` (`/data/attributes/email` → the `email`
 * argument, as the tool names it) or its `source.parameter` (a query parameter such as `filter`).
 */
export function fieldOf(
  entry: KlaviyoErrorEntry,
  fields: Readonly<Record<string, string>> = {},
): string | undefined {
  const pointer = entry.source?.pointer;
  if (typeof pointer === 'string' && pointer) {
    // The longest pointer the tool maps that this one starts with: `/data/1/id` under `/data` is profile_ids[1].
    const prefix = Object.keys(fields)
      .filter((p) => pointer === p || pointer.startsWith(`${p}/`))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix !== undefined) {
      const rest = pointer
        .slice(prefix.length)
        .replace(/\/(\d+)/g, '[$1]')
        .replace(/\//g, '.');
      return `${fields[prefix]}${rest}`;
    }
    const attribute = /^\/data\/attributes\/(.+)$/.exec(pointer)?.[1];
    return attribute ? attribute.replace(/\//g, '.') : pointer;
  }
  const parameter = entry.source?.parameter;
  return typeof parameter === 'string' && parameter ? parameter : undefined;
}

/** Klaviyo's explanation: each error's detail (or title), with the argument it names. */
export function describeErrors(entries: readonly KlaviyoErrorEntry[], subject: Subject): string {
  return clip(
    entries
      .map((e) => {
        const said =
          (typeof e.detail === 'string' && e.detail) || (typeof e.title === 'string' && e.title) || '';
        const field = fieldOf(e, subject.fields);
        return field ? `${field}: ${said || 'invalid'}` : said;
      })
      .filter(Boolean)
      .join('; '),
  );
}

/** A token without a scope the call needs: Klaviyo does not say which, so the tool's scopes are named. */
export class KlaviyoScopeError extends MissingScopeError {
  constructor(scopes: readonly string[], detail: string) {
    super(scopes[0] ?? 'unknown');
    const named = scopes.map((s) => `"${s}"`);
    const which = named.length > 1 ? `one of the scopes ${named.join(', ')}` : `the scope ${named[0]}`;
    this.message =
      `Permission denied by Klaviyo${detail ? ` (${detail})` : ''}: the stored token may lack ${which}. ` +
      'Re-authenticate with `gumcp auth klaviyo` to grant it.';
  }
}

/** Klaviyo refused to create a profile that exists: `meta.duplicate_profile_id` names it. */
export class DuplicateProfileError extends ToolError {
  constructor(readonly profileId: string | undefined) {
    super(
      `A Klaviyo profile with this email, phone number or external id already exists${
        profileId ? ` (profile_id ${profileId})` : ''
      }; nothing was created. Use update_profile${profileId ? ` with profile_id ${profileId}` : ''} to change it.`,
    );
  }
}

/**
 * How long Klaviyo asks to wait after a 429: Retry-After (seconds) when present, else the
 * `RateLimit-Reset` of its rate-limit headers (seconds until the window resets).
 */
export function retryDelay(status: number, headers: Headers): number | undefined {
  if (status !== 429) return undefined;
  const reset = Number(headers.get('ratelimit-reset'));
  return Number.isFinite(reset) && reset >= 0 ? reset * 1000 : undefined;
}

/**
 * Maps a Klaviyo error answer to a tool error naming what the call was about; `scopes` are the tool's,
 * named when Klaviyo answers 403. 429 and 5xx reach here once the upstream client stopped retrying them.
 */
export function klaviyoError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  scopes: readonly string[],
): ToolError | undefined {
  const entries = errorsOf(body);
  const said = describeErrors(entries, subject);
  const codes = new Set(entries.map((e) => e.code));
  if (status === 401) {
    return new AuthRequiredError('klaviyo', 'Klaviyo rejected the stored token (expired or revoked)');
  }
  if (status === 403) return new KlaviyoScopeError(scopes, said);
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 409 && codes.has('duplicate_profile')) {
    const meta = entries.find((e) => e.code === 'duplicate_profile')?.meta;
    const id = typeof meta?.duplicate_profile_id === 'string' ? meta.duplicate_profile_id : undefined;
    return new DuplicateProfileError(id);
  }
  if (status === 429) {
    const wait = parseRetryAfter(headers.get('retry-after')) ?? retryDelay(429, headers);
    const when = wait !== undefined ? `in ${Math.max(1, Math.ceil(wait / 1000))} s` : 'in a minute';
    return new UpstreamError(
      `Rate limited by Klaviyo (each endpoint has a burst limit per second and a steady limit per minute); try again ${when}`,
      429,
    );
  }
  if (status >= 500) {
    const advice = subject.unrepeatable ?? 'try again later';
    return new UpstreamError(`Klaviyo failed (HTTP ${status}); ${advice}`, status);
  }
  if (status >= 400) {
    return new UpstreamError(
      `Klaviyo rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${said ? `: ${said}` : ''}`,
      status,
    );
  }
  return undefined;
}
