import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

export const SERVER_ID = 'perplexity';

/** The Sonar models guMCP offered; Perplexity adds and retires models, so others are passed on as given. */
export const MODELS = [
  'sonar',
  'sonar-pro',
  'sonar-deep-research',
  'sonar-reasoning',
  'sonar-reasoning-pro',
] as const;

/** Perplexity's error body, OpenAI's shape: `{ error: { message, type, code } }`. */
interface PerplexityErrorBody {
  message?: string;
  type?: string;
}

/** The error object of an answer; an HTML page (Perplexity's gateway answers a bad key with one) has none. */
export function errorOf(body: unknown): PerplexityErrorBody {
  const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  if (!error || typeof error !== 'object') return {};
  const { message, type } = error as { message?: unknown; type?: unknown };
  return {
    ...(typeof message === 'string' ? { message } : {}),
    ...(typeof type === 'string' ? { type } : {}),
  };
}

/** Text Perplexity sent, cut short and cleaned of the key (a message that quotes the request could hold it). */
export function clean(text: string, key: string | undefined): string {
  let out = text.replace(/\bpplx-[A-Za-z0-9]{8,}\b/g, '[redacted]');
  if (key) out = out.split(key).join('[redacted]');
  out = out.trim().replace(/\.$/, '');
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

/** Words of a used-up balance, as opposed to a per-minute limit. */
const CREDIT_WORDS = /credit|quota|balance|billing|insufficient/i;

/** Whether an answer says the credit balance is used up: a 402, or a 429 in words of credit (not retried). */
export function creditsUsedUp(status: number, body: unknown): boolean {
  if (status === 402) return true;
  const { message, type } = errorOf(body);
  return status === 429 && CREDIT_WORDS.test(`${type ?? ''} ${message ?? ''}`);
}

/**
 * Maps a Perplexity error answer to a tool error a user can act on; undefined leaves 5xx to the
 * upstream client (which never repeats a completion after one: it may have been charged).
 * `model` is the model the call asked for, named when Perplexity refuses it.
 */
export function perplexityError(
  status: number,
  body: unknown,
  headers: Headers,
  key: string | undefined,
  model: string,
): ToolError | undefined {
  const { message, type } = errorOf(body);
  const said = message ? clean(message, key) : '';
  const suffix = said ? `: ${said}` : '';
  if (status === 401 || type === 'invalid_api_key') {
    return new AuthRequiredError(
      SERVER_ID,
      'Perplexity rejected the stored API key (revoked, or not copied whole)',
    );
  }
  if (creditsUsedUp(status, body)) {
    return new UpstreamError(
      `Perplexity refused: the API credit balance is used up${suffix}. Add credit in the API settings of the ` +
        'Perplexity account (or turn on auto top-up); retrying will not help until then.',
      status,
    );
  }
  if (status === 429) {
    const wait = parseRetryAfter(headers.get('retry-after'));
    const when = wait === undefined ? 'in a minute' : `in ${Math.max(1, Math.ceil(wait / 1000))} s`;
    return new UpstreamError(
      `Rate limited by Perplexity (requests per minute of the account's usage tier); try again ${when}`,
      429,
    );
  }
  if (status === 403) return new UpstreamError(`Perplexity denied the request${suffix}`, 403);
  if (type === 'invalid_model' || (status === 400 && /model/i.test(said))) {
    return new ToolError(
      `Invalid argument model: Perplexity has no model "${model}"${suffix}. Models guMCP offered: ${MODELS.join(', ')}`,
    );
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(`Perplexity rejected the request (HTTP ${status})${suffix}`, status);
  }
  return undefined;
}
