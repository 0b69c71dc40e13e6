import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/**
 * PayPal's error body (its OpenAPI descriptions' `error_4xx`): `name`, `message`, `debug_id`, and
 * `details[]` naming the `field` (a JSON pointer, or a query parameter), the `issue` and a description.
 * The OAuth endpoints and a 401 of the APIs may answer `{ error, error_description }` instead.
 */
export interface PayPalErrorBody {
  name?: string;
  message?: string;
  debug_id?: string;
  details?: { field?: string; value?: string; location?: string; issue?: string; description?: string }[];
  error?: string;
  error_description?: string;
}

/** What a request is about, for messages a user can act on. */
export interface Subject {
  /** e.g. `Order`, `Plan`. */
  what: string;
  /** The id the tool was given, or `(new)` for a create. */
  id: string;
  /** The PayPal app feature the endpoint needs, named on a 403 (e.g. "Subscriptions"). */
  feature: string;
  /** A JSON Patch body: its `field`s (`/0/value`) are named by the tool's arguments (`value`). */
  patch?: boolean;
  /** What a write does, said when PayPal fails without saying whether it happened. */
  doing?: string;
  /** The PayPal-Request-Id the write carries: a failed call may be repeated with it, safely. */
  requestId?: string;
  /** What to check before repeating a write that carries no request id. */
  check?: string;
}

export function errorOf(body: unknown): PayPalErrorBody {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as PayPalErrorBody) : {};
}

const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);

/** " (debug id 8f2…)": what PayPal's support asks for, so every message carries it. */
export function debugRef(e: PayPalErrorBody): string {
  return typeof e.debug_id === 'string' && /^\w+$/.test(e.debug_id) ? ` (debug id ${e.debug_id})` : '';
}

/**
 * A `field` as the tool argument it came from: `/purchase_units/0/amount/value` →
 * `purchase_units.0.amount.value`; in a JSON Patch (`/0/value`) the patch's own argument (`value`).
 */
export function argumentOf(field: string, subject: Subject): string {
  const parts = field.replace(/^\//, '').split('/').filter(Boolean);
  if (subject.patch && /^\d+$/.test(parts[0] ?? '')) parts.shift();
  return parts.join('.') || field;
}

/** Each detail as "argument: ISSUE (description)". */
function details(e: PayPalErrorBody, subject: Subject): string {
  const parts = (e.details ?? []).map((d) => {
    const where = typeof d.field === 'string' && d.field ? `${argumentOf(d.field, subject)}: ` : '';
    const issue = d.issue ?? 'INVALID';
    return `${where}${issue}${d.description ? ` (${clip(d.description)})` : ''}`;
  });
  return parts.join('; ');
}

/** What to say when a write failed without PayPal saying whether it happened. */
export function retryAdvice(subject: Subject): string {
  if (subject.requestId) {
    return (
      `it may have gone through. To try again safely, call the tool again with paypal_request_id ` +
      `"${subject.requestId}": PayPal then answers with the first result instead of creating it twice`
    );
  }
  return `it may have gone through, so ${subject.check ?? 'check before trying again'} (it was not retried)`;
}

/**
 * Maps a PayPal error answer to a tool error: PayPal's name, the debug id, and each detail with the
 * argument it names; for 401/403/404/429/5xx what the user can do.
 */
export function paypalError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
): ToolError | undefined {
  const e = errorOf(body);
  const ref = debugRef(e);
  const name = e.name ?? e.error;
  if (status === 401) {
    return new AuthRequiredError(
      'paypal',
      `PayPal refused the access token${name ? ` (${name})` : ''}${ref}`,
    );
  }
  if (status === 403) {
    return new UpstreamError(
      `PayPal denied access to ${subject.what.toLowerCase()} ${subject.id}${name ? ` (${name})` : ''}${ref}: the app ` +
        `may lack the ${subject.feature} feature. Enable it for the app (developer dashboard → Apps & Credentials → ` +
        'the app → Features), then try again.',
      403,
    );
  }
  if (status === 404) {
    const missing = new NotFoundError(subject.what, subject.id);
    missing.message += ref;
    return missing;
  }
  if (status === 429) {
    const wait = parseRetryAfter(headers.get('retry-after'));
    const when = wait === undefined ? 'in a few seconds' : `in ${Math.max(1, Math.ceil(wait / 1000))} s`;
    return new UpstreamError(
      `Rate limited by PayPal${name ? ` (${name})` : ''}; try again ${when}${ref}`,
      429,
    );
  }
  if (status >= 500) {
    const advice = subject.doing ? `while ${subject.doing}; ${retryAdvice(subject)}` : '; try again later';
    return new UpstreamError(
      `PayPal failed (HTTP ${status}${name ? ` ${name}` : ''})${ref}${subject.doing ? ' ' : ''}${advice}`,
      status,
    );
  }
  if (status >= 400) {
    const said =
      details(e, subject) ||
      (e.message ? clip(e.message) : e.error_description ? clip(e.error_description) : '');
    return new UpstreamError(
      `PayPal refused the request for ${subject.what.toLowerCase()} ${subject.id} (HTTP ${status}${name ? ` ${name}` : ''})` +
        `${said ? `: ${said}` : ''}${ref}`,
      status,
    );
  }
  return undefined;
}

/** The first detail's issue, e.g. `PLAN_STATUS_INVALID`. */
export function issueOf(body: unknown): string | undefined {
  return errorOf(body).details?.[0]?.issue;
}

/** A write whose answer never came (timeout, lost connection): says what may have happened. */
export function noAnswer(subject: Subject): ToolError {
  return new ToolError(`PayPal did not answer while ${subject.doing ?? 'writing'}; ${retryAdvice(subject)}`);
}
