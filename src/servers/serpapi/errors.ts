import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

export const SERVER_ID = 'serpapi';

/** What a request is about, for messages; `id` is a search id of the archive. */
export interface Subject {
  what: string;
  id?: string;
  /** The tool's arguments, by SerpApi's parameter names (a 400 naming one names the argument). */
  args?: readonly string[];
}

/**
 * Removes the API key from text SerpApi sends back: the stored key wherever it appears and any
 * `api_key=` parameter of a URL. Cut short, so a long body never reaches a user whole.
 */
export function redact(text: string, key: string | undefined): string {
  let out = text.replace(/(api_key=)[^&\s"'<>]+/gi, '$1[redacted]');
  if (key) out = out.split(key).join('[redacted]');
  out = out.trim().replace(/\.$/, '');
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

/** SerpApi's explanation, `{ error: "…" }`, without the key. */
export function said(body: unknown, key: string | undefined): string {
  if (typeof body === 'string') return body.trimStart().startsWith('<') ? '' : redact(body, key);
  const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  return typeof error === 'string' ? redact(error, key) : '';
}

/**
 * SerpApi answers 429 both for the hourly throughput and for the searches used up; the second says
 * "Your account has run out of searches.".
 */
export function outOfSearches(body: unknown): boolean {
  return /run out of searches/i.test(said(body, undefined));
}

/** The account's searches are used up: retrying cannot help until the plan renews. */
export class OutOfSearches extends UpstreamError {
  constructor(detail: string) {
    super(
      `SerpApi refused: ${detail || 'the account has run out of searches'}. Retrying will not help until ` +
        'the plan renews or is upgraded (https://serpapi.com/manage-api-key shows the account); cached ' +
        'searches (the same search within an hour) stay free.',
      429,
    );
  }
}

/**
 * Maps one of SerpApi's error answers to a tool error a user can act on. Nothing SerpApi says reaches
 * the user with the key in it, and no message carries a request URL.
 */
export function serpApiError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  key: string | undefined,
): ToolError | undefined {
  const detail = said(body, key);
  const suffix = detail ? `: ${detail}` : '';
  switch (status) {
    case 401:
      return new AuthRequiredError(
        SERVER_ID,
        'SerpApi rejected the stored API key (revoked, or not copied whole)',
      );
    case 403:
      return new UpstreamError(
        `SerpApi refused ${subject.what}${suffix} (the account of this key may have been deleted)`,
        403,
      );
    case 404:
      return subject.id
        ? new NotFoundError('Search', subject.id)
        : new UpstreamError(`SerpApi found nothing for ${subject.what}${suffix}`, 404);
    case 410:
      return new UpstreamError(
        `Search ${subject.id ?? ''} has expired and was deleted from SerpApi's archive (it keeps searches 31 days)`,
        410,
      );
    case 429: {
      if (outOfSearches(body)) return new OutOfSearches(detail);
      const wait = parseRetryAfter(headers.get('retry-after'));
      const when = wait !== undefined ? `in ${Math.max(1, Math.ceil(wait / 1000))} s` : 'later';
      return new UpstreamError(
        `Rate limited by SerpApi (the account's searches per hour)${suffix}; try again ${when}`,
        429,
      );
    }
  }
  if (status >= 400 && status < 500) {
    const named = /`(\w+)`/.exec(detail)?.[1];
    const arg = named && subject.args?.includes(named) ? named : undefined;
    return new UpstreamError(
      `${arg ? `Invalid argument ${arg}: ` : ''}SerpApi rejected ${subject.what} (HTTP ${status})${suffix}`,
      status,
    );
  }
  if (status >= 500 && detail) {
    const advice = /try again/i.test(detail) ? '' : '; try again later';
    return new UpstreamError(`SerpApi failed (HTTP ${status})${suffix}${advice}`, status);
  }
  return undefined;
}
