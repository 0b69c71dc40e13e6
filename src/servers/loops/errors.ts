import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Loops answers 404 (e.g. `Contact`, `ada@example.com`). */
export interface Subject {
  what: string;
  id: string;
}

/** Loops' requests per second (per team), as documented; the window is a second. */
export const LOOPS_RATE_PER_SECOND = 10;

/**
 * Loops' error bodies: `{ success: false, message }`, some with `path`, or `error: { path, message }`
 * or `error: { path, reason }` (transactional sends); a 401 also carries `error`.
 */
export function loopsMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { message?: unknown; path?: unknown; error?: unknown };
  const message = typeof b.message === 'string' && b.message.trim() ? b.message.trim() : undefined;
  const inner = b.error && typeof b.error === 'object' ? (b.error as Record<string, unknown>) : undefined;
  const path = typeof inner?.path === 'string' ? inner.path : typeof b.path === 'string' ? b.path : undefined;
  const why =
    typeof inner?.message === 'string'
      ? inner.message
      : typeof inner?.reason === 'string'
        ? inner.reason
        : undefined;
  const detail = [path, why].filter(Boolean).join(': ');
  const text = [message ?? (typeof b.error === 'string' ? b.error : undefined), detail && `(${detail})`]
    .filter(Boolean)
    .join(' ');
  return text ? text.slice(0, 500) : undefined;
}

/**
 * A 409 on a send: Loops already accepted a request with this Idempotency-Key (within 24 hours), so
 * it did not send again. The send tools turn it into an "already sent" answer.
 */
export class IdempotencyKeyUsed extends ToolError {
  constructor(readonly key: string) {
    super(`Loops already accepted a request with idempotency key ${key}; nothing was sent again`);
  }
}

/** Maps a Loops error answer to a tool error; `conflict` says what a 409 means for this request. */
export function loopsError(
  status: number,
  body: unknown,
  subject: Subject,
  conflict?: () => ToolError,
): ToolError | undefined {
  const said = loopsMessage(body);
  const suffix = said ? `: ${said}` : '';
  if (status === 401) {
    return new AuthRequiredError('loops', `Loops rejected the stored API key (revoked or mistyped)${suffix}`);
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 409 && conflict) return conflict();
  if (status === 429) {
    return new UpstreamError(
      `Rate limited by Loops (${LOOPS_RATE_PER_SECOND} requests a second per team); try again in a second`,
      429,
    );
  }
  if (status === 403)
    return new UpstreamError(`Loops denied access to ${subject.what} ${subject.id}${suffix}`, 403);
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `Loops rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
