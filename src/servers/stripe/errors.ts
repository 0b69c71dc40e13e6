import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/** Stripe's error body: `{ error: { type, code, param, decline_code, message, request_log_url, doc_url } }`. */
export interface StripeErrorBody {
  type?: string;
  code?: string;
  param?: string;
  decline_code?: string;
  message?: string;
  request_log_url?: string;
  doc_url?: string;
}

/** What a request is about, for messages a user can act on. */
export interface Subject {
  /** e.g. `Customer`, `Payment intent`. */
  what: string;
  /** The id the tool was given, or `(new)` for a create. */
  id: string;
  /** Stripe parameters by the tool argument they came from (`items` → `price_id`), for Stripe's `param`. */
  args?: Readonly<Record<string, string>>;
  /** The argument whose object is sent as the body as it is (`fields` of the update tools). */
  passthrough?: string;
  /** What a write does, e.g. "creating the customer", said when Stripe fails without saying whether it happened. */
  doing?: string;
  /** The Idempotency-Key the write carries: a failed call may be repeated with it, safely. */
  key?: string;
  /** The credential in use, to say how to fix a 401 or 403. */
  auth?: 'connect' | 'secret' | 'restricted';
}

export function errorOf(body: unknown): StripeErrorBody {
  if (!body || typeof body !== 'object') return {};
  const error = (body as { error?: unknown }).error;
  return error && typeof error === 'object' ? (error as StripeErrorBody) : {};
}

/**
 * Stripe masks keys in its messages (`sk_test_****1234`), but a message is cleaned of anything shaped
 * like a key before it reaches a user all the same.
 */
export function scrub(text: string): string {
  return text.replace(/\b(sk|rk|pk)_(live|test)_[A-Za-z0-9*]+/g, '[key]').slice(0, 400);
}

/**
 * Stripe's `param` (`items[0][price]`, `metadata[order]`) as the tool argument it came from:
 * `price_id`, `metadata.order`, or `fields.invoice_settings.default_payment_method` for the update tools.
 */
export function argumentOf(param: string, subject: Subject): string {
  const [root = param, ...rest] = param.split('[').map((part) => part.replace(/\]$/, ''));
  const mapped = subject.args?.[root];
  if (mapped) return mapped;
  const path = [root, ...rest].join('.');
  return subject.passthrough ? `${subject.passthrough}.${path}` : path;
}

/** type, code, decline_code and the argument of an error, e.g. "(card_error, card_declined, insufficient_funds; argument amount)". */
function particulars(e: StripeErrorBody, subject: Subject): string {
  const kinds = [e.type, e.code, e.decline_code].filter((s): s is string => typeof s === 'string' && !!s);
  const argument = typeof e.param === 'string' && e.param ? `argument ${argumentOf(e.param, subject)}` : '';
  const parts = [kinds.join(', '), argument].filter(Boolean).join('; ');
  return parts ? ` (${parts})` : '';
}

const said = (e: StripeErrorBody) => (typeof e.message === 'string' && e.message ? scrub(e.message) : '');

/** What to say when a write failed without Stripe saying whether it happened. */
export function retryAdvice(subject: Subject): string {
  if (!subject.key) return 'it may have gone through, so check before trying again';
  return (
    `it may have gone through. To try again safely, call the tool again with idempotency_key "${subject.key}": ` +
    'Stripe then answers with the first result instead of doing it twice (a key is kept for 24 hours)'
  );
}

/**
 * Maps a Stripe error answer to a tool error: the type, code, decline code and argument Stripe names,
 * its message (cleaned of keys), and for 401/403/404/429/5xx what the user can do.
 */
export function stripeError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
): ToolError | undefined {
  const e = errorOf(body);
  const message = said(e);
  const detail = particulars(e, subject);
  if (status === 401) {
    const how =
      subject.auth === 'connect'
        ? 'the account may have disconnected this platform (or the token was revoked)'
        : 'the key may have been rolled or deleted';
    return new AuthRequiredError('stripe', `Stripe rejected the stored credentials: ${how}`);
  }
  if (status === 403 || e.type === 'permission_error') {
    if (subject.auth === 'connect') {
      const error = new MissingScopeError('read_write');
      error.message += ` Stripe said: ${message || 'permission denied'}${detail}`;
      return error;
    }
    return new UpstreamError(
      `Stripe denied ${subject.what.toLowerCase()} ${subject.id}${detail}: ${(message || 'permission denied').replace(/\.$/, '')}. ` +
        'A restricted key needs the permission for this resource: add it to the key in the Dashboard, or use a secret key.',
      403,
    );
  }
  if (status === 404 || e.code === 'resource_missing') {
    const missing = new NotFoundError(subject.what, subject.id);
    // A create names other objects (a customer, a price): Stripe's message says which one is missing.
    if (subject.id === '(new)' || (message && !message.includes(subject.id))) {
      missing.message = `Not found: ${message || `${subject.what} ${subject.id}`}${detail}`;
    }
    return missing;
  }
  if (status === 429) {
    const wait = parseRetryAfter(headers.get('retry-after'));
    const when = wait === undefined ? 'in a few seconds' : `in ${Math.max(1, Math.ceil(wait / 1000))} s`;
    const lock = e.code === 'lock_timeout' ? ' (the object is busy with another request)' : '';
    return new UpstreamError(`Rate limited by Stripe${lock}; try again ${when}`, 429);
  }
  if (e.type === 'idempotency_error') {
    return new UpstreamError(
      `idempotency_key: Stripe used this key for a different request${message ? ` (${message})` : ''}; ` +
        'leave it out to make a new request, or repeat the first request exactly',
      status,
    );
  }
  if (status === 409) {
    return new UpstreamError(
      `Stripe is still processing a request with this idempotency key${message ? ` (${message})` : ''}; ` +
        'try again in a moment with the same idempotency_key',
      409,
    );
  }
  if (status >= 500) {
    const ref = requestId(headers);
    if (subject.doing) {
      return new UpstreamError(
        `Stripe failed (HTTP ${status}${ref}) while ${subject.doing}; ${retryAdvice(subject)}`,
        status,
      );
    }
    return new UpstreamError(`Stripe failed (HTTP ${status}${ref}); try again later`, status);
  }
  if (status >= 400) {
    const what = e.type === 'card_error' ? 'The card was declined' : `Stripe rejected the request`;
    return new UpstreamError(
      `${what} for ${subject.what.toLowerCase()} ${subject.id}${detail}${message ? `: ${message}` : ''}`,
      status,
    );
  }
  return undefined;
}

/** ", request req_…": what Stripe's support asks for. */
function requestId(headers: Headers): string {
  const id = headers.get('request-id');
  return id && /^req_\w+$/.test(id) ? `, request ${id}` : '';
}

/** A write whose answer never came (timeout, lost connection): says what may have happened. */
export function noAnswer(subject: Subject): ToolError {
  return new ToolError(`Stripe did not answer while ${subject.doing ?? 'writing'}; ${retryAdvice(subject)}`);
}
