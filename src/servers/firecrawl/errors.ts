import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

export const SERVER_ID = 'firecrawl';

/**
 * What a request is about, for messages: a 404 names `what` and `id`, a 408 names `url`, and a 400
 * that points at a field of Firecrawl's body names the tool argument it came from (`args`: the first
 * segment of Firecrawl's path -> the tool's argument).
 */
export interface Subject {
  what: string;
  id?: string;
  url?: string;
  args?: Readonly<Record<string, string>>;
}

/** Firecrawl's error body: `{ success: false, error, code?, details? }`, details being zod issues. */
interface ErrorBody {
  error?: unknown;
  code?: unknown;
  details?: unknown;
}

interface Issue {
  path?: unknown[];
  message?: unknown;
  keys?: unknown[];
}

/** A Firecrawl API key (`fc-` and hex), wherever an echo of a request might carry one. */
const KEY_PATTERN = /\bfc-[A-Za-z0-9]{8,}/g;

/** Text from Firecrawl without the key (the stored one, or anything shaped like one), cut short. */
export function redact(text: string, key: string | undefined): string {
  let out = text.replace(KEY_PATTERN, '[redacted]');
  if (key) out = out.split(key).join('[redacted]');
  out = out.trim().replace(/\.$/, '');
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

function issues(details: unknown): Issue[] {
  return Array.isArray(details) ? details.filter((d): d is Issue => !!d && typeof d === 'object') : [];
}

/** Firecrawl's message with its validation details ("formats.0: Invalid input"), without the key. */
function said(body: unknown, key: string | undefined): string {
  if (typeof body === 'string') return redact(body, key);
  const b = (body && typeof body === 'object' ? body : {}) as ErrorBody;
  const parts = [typeof b.error === 'string' ? b.error : ''];
  for (const issue of issues(b.details).slice(0, 3)) {
    const path = (issue.path ?? []).map(String).join('.');
    const keys = (issue.keys ?? []).map(String).join(', ');
    const message = typeof issue.message === 'string' ? issue.message : '';
    parts.push([path, message, keys].filter(Boolean).join(': '));
  }
  return redact(parts.filter(Boolean).join('; '), key);
}

/** The tool argument a 400's details point at (`scrapeOptions.formats.0` -> `formats`). */
function namedArgument(body: unknown, args: Subject['args']): string | undefined {
  if (!args) return undefined;
  const details = issues((body as ErrorBody | undefined)?.details);
  for (const issue of details) {
    for (const segment of [...(issue.path ?? []), ...(issue.keys ?? [])].map(String)) {
      if (args[segment]) return args[segment];
    }
  }
  return undefined;
}

/** The team's credits are used up: retrying cannot help. */
export class OutOfCredits extends UpstreamError {
  constructor(detail: string) {
    super(
      `Firecrawl refused: the team has no credits left${detail ? ` (${detail})` : ''}. Retrying will not ` +
        'help: top up credits, turn on auto-recharge or upgrade the plan in the Firecrawl dashboard ' +
        '(https://www.firecrawl.dev/app); check_credit_usage shows the balance.',
      402,
    );
  }
}

/**
 * Maps one of Firecrawl's error answers to a tool error a user can act on; undefined leaves 5xx to
 * the upstream client (retried when safe, "may have gone through" for job starts). Nothing Firecrawl
 * says reaches the user with the key in it.
 */
export function firecrawlError(
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
        'Firecrawl rejected the stored API key (revoked, or not copied whole)',
      );
    case 402:
      return new OutOfCredits(detail);
    case 403:
      return new UpstreamError(
        `Firecrawl refused ${subject.what}${suffix} (the key's team or plan may not allow it)`,
        403,
      );
    case 404:
      return subject.id
        ? new NotFoundError(subject.what, subject.id)
        : new UpstreamError(`Firecrawl found nothing for ${subject.what}${suffix}`, 404);
    case 408:
      return new UpstreamError(
        `Firecrawl timed out loading ${subject.url ?? 'the page'}: raise timeout (milliseconds, up to ` +
          '300000) or try again',
        408,
      );
    case 429: {
      const wait = parseRetryAfter(headers.get('retry-after'));
      const when = wait !== undefined ? `in ${Math.max(1, Math.ceil(wait / 1000))} s` : 'in a minute';
      return new UpstreamError(
        `Rate limited by Firecrawl (the plan's requests per minute or its concurrent browsers)${suffix}; ` +
          `try again ${when}`,
        429,
      );
    }
  }
  if (status >= 400 && status < 500) {
    const arg = namedArgument(body, subject.args);
    return new UpstreamError(
      `${arg ? `Invalid argument ${arg}: ` : ''}Firecrawl rejected the request for ${subject.what} ` +
        `(HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
