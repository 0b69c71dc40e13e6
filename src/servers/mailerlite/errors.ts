import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/** MailerLite's limit on API requests per account. */
export const REQUESTS_PER_MINUTE = 120;

/** What a request is about, for its errors. */
export interface Call {
  /** Named when MailerLite answers 404, e.g. `{ what: 'Campaign', id: '1234' }`. */
  subject: { what: string; id: string };
  /** What the request does, e.g. `scheduling campaign 1234`; errors say it. */
  doing: string;
  /** MailerLite's request field (indexes left out: `emails.from`) to the tool argument carrying it. */
  fields?: Readonly<Record<string, string>>;
  /** A write whose retry could do it twice: a 5xx says to check before trying again, in these words. */
  uncertain?: string;
}

/** A MailerLite field path as the argument carrying it: `emails.0.from` is `emails[0].from` unless mapped. */
export function argumentOf(field: string, fields: Readonly<Record<string, string>> = {}): string {
  const segments = field.split('.').filter(Boolean);
  const named = segments.filter((s) => !/^\d+$/.test(s));
  for (let n = named.length; n > 0; n--) {
    const mapped = fields[named.slice(0, n).join('.')];
    if (mapped) return [mapped, ...named.slice(n)].join('.');
  }
  return segments.reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
}

/**
 * MailerLite's error body, `{message, errors: {field: [messages]}}` (Laravel's validation shape), as
 * `argument: message` lines; the top message alone when no field is named. Never the raw body.
 */
export function mailerliteMessages(body: unknown, fields?: Readonly<Record<string, string>>): string[] {
  if (!body || typeof body !== 'object') return [];
  const b = body as { message?: unknown; errors?: unknown };
  const out: string[] = [];
  if (b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors)) {
    for (const [field, messages] of Object.entries(b.errors as Record<string, unknown>)) {
      const first = Array.isArray(messages) ? messages.find((m) => typeof m === 'string') : messages;
      if (typeof first === 'string' && first.trim())
        out.push(`${argumentOf(field, fields)}: ${first.trim()}`);
    }
  }
  if (out.length === 0 && typeof b.message === 'string' && b.message.trim()) out.push(b.message.trim());
  return out.slice(0, 6).map((m) => m.slice(0, 300));
}

/** Maps a MailerLite error answer to a tool error a user can act on. */
export function mailerliteError(
  status: number,
  body: unknown,
  headers: Headers,
  call: Call,
): ToolError | undefined {
  const said = mailerliteMessages(body, call.fields);
  const detail = said.length ? `: ${said.join('; ')}` : '';
  if (status === 401) {
    return new AuthRequiredError(
      'mailerlite',
      'MailerLite rejected the stored API key (revoked, or the user who created it left the account)',
    );
  }
  if (status === 404) return new NotFoundError(call.subject.what, call.subject.id);
  if (status === 403) return new UpstreamError(`MailerLite denied ${call.doing}${detail}`, 403);
  if (status === 429) {
    const wait = parseRetryAfter(headers.get('retry-after'));
    const when = wait !== undefined ? `in ${Math.max(1, Math.ceil(wait / 1000))} s` : 'in a minute';
    return new UpstreamError(
      `Rate limited by MailerLite (${REQUESTS_PER_MINUTE} requests a minute per account); try again ${when}`,
      429,
    );
  }
  if (status >= 400 && status < 500 && status !== 408) {
    return new UpstreamError(`MailerLite refused ${call.doing} (HTTP ${status})${detail}`, status);
  }
  if (status >= 500 && call.uncertain) {
    return new UpstreamError(
      `MailerLite failed (HTTP ${status}) while ${call.doing}: ${call.uncertain}`,
      status,
    );
  }
  return undefined;
}
