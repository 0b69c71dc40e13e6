import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Mailchimp answers 404 (e.g. `Audience`, `a1b2c3d4e5`). */
export interface Subject {
  what: string;
  id: string;
  /** For a write that is not repeated after a 5xx or a timeout: what may have happened and how to check. */
  unrepeatable?: string;
}

/**
 * Mailchimp's error body, an RFC 7807 problem document (`application/problem+json`): `type`, `title`,
 * `status`, `detail`, `instance`, and for invalid input `errors: [{ field, message }]`.
 */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: { field?: string; message?: string }[];
}

export function problemOf(body: unknown): Problem {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Problem) : {};
}

const MAX_DETAIL = 400;
const clip = (text: string) => (text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text);

/** Mailchimp's own words: the title and detail, and each field it refused with why. */
export function describeProblem(p: Problem): string {
  const fields = (p.errors ?? [])
    .filter((e) => typeof e.message === 'string' && e.message)
    .map((e) => (e.field ? `${e.field}: ${e.message}` : String(e.message)));
  const head = [p.title, p.detail].filter((s): s is string => typeof s === 'string' && !!s.trim());
  return clip([head.join(': '), fields.join('; ')].filter(Boolean).join(' — '));
}

/** Mailchimp's limit on simultaneous connections per user, as documented. */
export const MAILCHIMP_CONNECTIONS = 10;

/** Maps a Mailchimp problem answer to a tool error that names what the call was about. */
export function mailchimpError(status: number, body: unknown, subject: Subject): ToolError | undefined {
  const p = problemOf(body);
  const said = describeProblem(p);
  const suffix = said ? `: ${said}` : '';
  if (status === 401) {
    return new AuthRequiredError(
      'mailchimp',
      `Mailchimp rejected the stored credentials (revoked token or API key, or the wrong data centre)${suffix}`,
    );
  }
  if (status === 403) {
    return new UpstreamError(`Mailchimp denied access to ${subject.what} ${subject.id}${suffix}`, 403);
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) {
    return new UpstreamError(
      `Rate limited by Mailchimp (at most ${MAILCHIMP_CONNECTIONS} simultaneous connections per user); try again in a few seconds`,
      429,
    );
  }
  if (status >= 500) {
    const advice = subject.unrepeatable ?? 'try again later';
    return new UpstreamError(`Mailchimp failed (HTTP ${status}); ${advice}`, status);
  }
  if (status >= 400) {
    return new UpstreamError(
      `Mailchimp rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
