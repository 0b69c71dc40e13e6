import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Zendesk answers 404 (e.g. `Ticket`, `35436`). */
export interface Subject {
  what: string;
  id: string;
}

/** Zendesk's field names in `details` by the tool arguments that set them. */
const FIELD_ARGUMENTS: Readonly<Record<string, string>> = {
  subject: 'subject',
  description: 'comment',
  comment: 'comment',
  priority: 'priority',
  type: 'type',
  ticket_type: 'type',
  status: 'status',
  assignee: 'assignee_id',
  assignee_id: 'assignee_id',
  tags: 'tags',
};

/**
 * Zendesk's error bodies: `{ error, description, details }` (`details` maps a field to
 * `[{ description, error }]` on a 422), `{ error: { title, message } }` for an invalid parameter,
 * and RFC 6749's `{ error, error_description }` from the OAuth layer.
 */
export function describeError(body: unknown): string {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body.slice(0, 200) : '';
  const b = body as Record<string, unknown>;
  const parts: string[] = [];
  const details = b.details;
  if (details && typeof details === 'object') {
    for (const [field, problems] of Object.entries(details as Record<string, unknown>)) {
      const said = (Array.isArray(problems) ? problems : [problems])
        .map((p) =>
          p && typeof p === 'object' ? String((p as Record<string, unknown>).description ?? '') : String(p),
        )
        .filter(Boolean)
        .join('; ');
      if (!said) continue;
      const argument = FIELD_ARGUMENTS[field];
      parts.push(argument ? `argument ${argument}: ${said}` : field === 'base' ? said : `${field}: ${said}`);
    }
  }
  if (!parts.length) {
    const error = b.error;
    if (error && typeof error === 'object') {
      const e = error as Record<string, unknown>;
      parts.push([e.title, e.message].filter((x) => typeof x === 'string').join(': '));
    } else if (typeof b.description === 'string') {
      parts.push(b.description);
    } else if (typeof b.error_description === 'string') {
      parts.push(b.error_description);
    } else if (typeof error === 'string') {
      parts.push(error);
    }
  }
  return parts.join('; ').slice(0, 500);
}

/** How long Zendesk asks to wait: Retry-After, else its `ratelimit-reset` (seconds until the window resets). */
export function rateLimitWait(headers: Headers): number | undefined {
  const retryAfter = parseRetryAfter(headers.get('retry-after'));
  if (retryAfter !== undefined) return retryAfter;
  const reset = headers.get('ratelimit-reset');
  return reset && /^\d+$/.test(reset.trim()) ? Number(reset) * 1000 : undefined;
}

/** Whether a token's granted scopes (space-separated, as stored) include `needed`, or `tickets:<needed>`. */
export function grants(granted: string, needed: string): boolean {
  const scopes = granted.split(/[\s,]+/);
  return scopes.includes(needed) || scopes.includes(`tickets:${needed}`);
}

/**
 * Maps a Zendesk error answer to a tool error. `scope` is the OAuth scope the calling tool needs,
 * `granted` the scopes stored with the token (when known): a 403 for a token without that scope
 * names it. 5xx answers are left to the upstream client (retried, then "try again later").
 */
export function zendeskError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  scope: string,
  granted: string | undefined,
): ToolError | undefined {
  const said = describeError(body);
  const suffix = said ? `: ${said}` : '';
  if (status === 401) {
    return new AuthRequiredError('zendesk', 'Zendesk rejected the stored token (expired or revoked)');
  }
  if (status === 403) {
    if (granted !== undefined && !grants(granted, scope)) return new MissingScopeError(scope);
    return new UpstreamError(
      `Permission denied by Zendesk for ${subject.what} ${subject.id}${suffix}. ` +
        `This call needs the OAuth scope "${scope}" and an agent role allowed to do it.`,
      403,
    );
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) {
    const wait = rateLimitWait(headers);
    const when = wait !== undefined ? ` in ${Math.max(1, Math.ceil(wait / 1000))} s` : ' in a minute';
    return new UpstreamError(`Rate limited by Zendesk; try again${when}`, 429);
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `Zendesk rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
