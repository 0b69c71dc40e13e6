import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';
import { parseRetryAfter } from '../../upstream/client.js';

/** What a request is about, named when Figma answers 404 (e.g. `File`, `abc123`). */
export interface Subject {
  what: string;
  id: string;
}

/**
 * Figma's two documented error bodies: `{ status, err }` and `{ error: true, status, message }`.
 * Either may be missing (a proxy's HTML page); then only the status speaks.
 */
function figmaMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { err?: unknown; message?: unknown };
  const text = typeof b.err === 'string' ? b.err : typeof b.message === 'string' ? b.message : undefined;
  return text?.slice(0, 300);
}

/** Figma answers 403, not 401, for a token that is invalid or expired (its error table says so). */
const BAD_TOKEN = /invalid token|token (is )?(invalid|expired|revoked)|expired token|oauth token/i;

/** "... requires the file_content:read scope" names the scope Figma wants. */
const NEEDED_SCOPE = /\b([a-z_]+:[a-z_]+)\b(?= scope)|requires? (?:the )?(?:scope )?([a-z_]+:[a-z_]+)/i;

const PLAN_NAMES: Readonly<Record<string, string>> = {
  enterprise: 'Enterprise',
  org: 'Organization',
  pro: 'Professional',
  starter: 'Starter',
  student: 'Student',
};

/** "4 d 14 h", "12 min", "45 s": a wait a person can read. */
function humanWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  const days = Math.floor(s / 86_400);
  const hours = Math.round((s % 86_400) / 3600);
  return hours ? `${days} d ${hours} h` : `${days} d`;
}

/**
 * Figma's 429: Retry-After (which can be days for View and Collab seats), the plan of the resource
 * (`X-Figma-Plan-Tier`) and whether the user's seat gets the low or high limit
 * (`X-Figma-Rate-Limit-Type`), all said so the user knows what limits them.
 */
export function rateLimitMessage(headers: Headers, now = Date.now()): string {
  const wait = parseRetryAfter(headers.get('retry-after'), now);
  const tier = headers.get('x-figma-plan-tier');
  const type = headers.get('x-figma-rate-limit-type');
  const upgrade = headers.get('x-figma-upgrade-link');
  const parts = ['Figma rate limit reached'];
  const facts = [
    tier && `plan tier ${PLAN_NAMES[tier.toLowerCase()] ?? tier}`,
    type &&
      `rate limit type ${type}${type.toLowerCase() === 'low' ? ' (View or Collab seat: Full and Dev seats get higher limits)' : ''}`,
  ].filter(Boolean);
  if (facts.length) parts[0] += ` (${facts.join(', ')})`;
  parts.push(
    wait === undefined
      ? 'Try again later.'
      : `Try again in ${humanWait(wait)} (after ${new Date(now + wait).toISOString()}).`,
  );
  if (upgrade && /^https:\/\//.test(upgrade)) parts.push(`Higher limits: ${upgrade}`);
  return `${parts[0]}. ${parts.slice(1).join(' ')}`;
}

/**
 * Maps a Figma error answer to a tool error. `scope` is the scope the calling tool declares, named
 * when Figma refuses for a missing scope. 5xx answers are left to the upstream client (retried,
 * then "try again later").
 */
export function figmaError(
  status: number,
  body: unknown,
  subject: Subject,
  scope: string,
  headers: Headers = new Headers(),
): ToolError | undefined {
  const said = figmaMessage(body);
  if (status === 401 || (status === 403 && said && BAD_TOKEN.test(said))) {
    return new AuthRequiredError('figma', 'Figma rejected the stored token (expired or revoked)');
  }
  if (status === 403 && said && /scope/i.test(said)) {
    const match = NEEDED_SCOPE.exec(said);
    return new MissingScopeError(match?.[1] ?? match?.[2] ?? scope);
  }
  if (status === 403) {
    return new ToolError(
      `Figma denied access to ${subject.what.toLowerCase()} ${subject.id}${said ? `: ${said}` : ''}. ` +
        'The user must be able to open it in Figma (shared with them, or in a team or project they belong to).',
    );
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) return new ToolError(rateLimitMessage(headers));
  if (status >= 400 && status < 500) {
    return new ToolError(
      `Figma rejected the request for ${subject.what.toLowerCase()} ${subject.id} (HTTP ${status})${said ? `: ${said}` : ''}`,
    );
  }
  return undefined;
}
