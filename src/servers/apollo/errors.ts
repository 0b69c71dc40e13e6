import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Apollo answers 404 (e.g. `Contact`, `66e34b81740c50074e3d1bd4`). */
export interface Subject {
  what: string;
  id: string;
}

/** Apollo's three fixed windows, each with its own limit and usage headers. */
export type Window = 'minute' | 'hourly' | 'daily';

interface WindowSpec {
  window: Window;
  /** How the window is named in messages ("per-minute"). */
  label: string;
  ms: number;
  /** Headers Apollo sends (its rate-limits reference), and the `x-24-hour-*` spelling some answers use. */
  left: readonly string[];
  usage: readonly string[];
  limit: readonly string[];
  /** How Apollo's own 429 message names the window ("… is 600 times per hour"). */
  words: RegExp;
}

/** Longest first: when the daily limit is used up, waiting for the minute's reset would not help. */
const WINDOWS: readonly WindowSpec[] = [
  {
    window: 'daily',
    label: 'daily',
    ms: 24 * 3_600_000,
    left: ['x-daily-requests-left', 'x-24-hour-requests-left'],
    usage: ['x-daily-usage', 'x-24-hour-usage'],
    limit: ['x-rate-limit-daily', 'x-rate-limit-24-hour'],
    words: /per day|daily|24[ -]hour/i,
  },
  {
    window: 'hourly',
    label: 'hourly',
    ms: 3_600_000,
    left: ['x-hourly-requests-left'],
    usage: ['x-hourly-usage'],
    limit: ['x-rate-limit-hourly'],
    words: /per hour|hourly/i,
  },
  {
    window: 'minute',
    label: 'per-minute',
    ms: 60_000,
    left: ['x-minute-requests-left'],
    usage: ['x-minute-usage'],
    limit: ['x-rate-limit-minute'],
    words: /per minute|minute/i,
  },
];

const header = (headers: Headers, names: readonly string[]): number | undefined => {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  }
  return undefined;
};

/** Apollo's error bodies: plain text ("Invalid API key. …"), `{ error, error_code }` or `{ message }`. */
export function apolloMessage(body: unknown): string | undefined {
  let text: string | undefined;
  if (typeof body === 'string') {
    // Some answers are a JSON document encoded as a JSON string.
    try {
      const inner = JSON.parse(body) as unknown;
      if (inner && typeof inner === 'object') return apolloMessage(inner);
    } catch {
      // plain text
    }
    text = body;
  } else if (body && typeof body === 'object') {
    const b = body as { error?: unknown; message?: unknown; error_message?: unknown };
    text = [b.error, b.message, b.error_message].find(
      (v): v is string => typeof v === 'string' && !!v.trim(),
    );
  }
  const trimmed = text?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed.slice(0, 300) : undefined;
}

/** Which of Apollo's limits a 429 hit: by the headers (nothing left), else by Apollo's message. */
export function limitHit(headers: Headers, body: unknown): { spec: WindowSpec; limit?: number } | undefined {
  for (const spec of WINDOWS) {
    const left = header(headers, spec.left);
    const usage = header(headers, spec.usage);
    const limit = header(headers, spec.limit);
    if (left !== undefined ? left <= 0 : usage !== undefined && limit !== undefined && usage >= limit) {
      return { spec, ...(limit !== undefined ? { limit } : {}) };
    }
  }
  const said = apolloMessage(body);
  const spec = said ? WINDOWS.find((w) => w.words.test(said)) : undefined;
  if (!spec) return undefined;
  const limit =
    header(headers, spec.limit) ?? Number(/(\d[\d,]*) times/.exec(said ?? '')?.[1]?.replace(/,/g, ''));
  return { spec, ...(Number.isFinite(limit) ? { limit } : {}) };
}

/**
 * Whether a 429 is retried: the per-minute limit is, after a minute without Retry-After (a fixed window
 * of a minute, so a minute is always enough); an hourly or daily limit never is, whatever Retry-After
 * says; an unnamed one only after the Retry-After Apollo gives. Undefined leaves the client's rule.
 */
export function retryable429(headers: Headers, body: unknown): false | undefined {
  const window = limitHit(headers, body)?.spec.window;
  if (window === 'minute') return undefined;
  return !window && headers.has('retry-after') ? undefined : false;
}

/** The wait before retrying the per-minute limit when no Retry-After says one. */
export const MINUTE_MS = 60_000;

/** Maps an Apollo error answer to a tool error; `secret` is cut out of anything echoed. */
export function apolloError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  now: number,
  secret: string,
): ToolError | undefined {
  const raw = apolloMessage(body);
  const said = raw && secret ? raw.split(secret).join('[redacted]') : raw;
  const suffix = said ? `: ${said}` : '';
  if (status === 401) {
    return new AuthRequiredError('apollo', 'Apollo rejected the stored API key (revoked or mistyped)');
  }
  if (status === 403) {
    return new UpstreamError(
      `Apollo refused access to ${subject.what} ${subject.id}${suffix}. This endpoint needs a master API key ` +
        '(Apollo: Settings > Integrations > API) or a plan that includes it',
      403,
    );
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) {
    const hit = limitHit(headers, body);
    if (!hit) return new UpstreamError(`Rate limited by Apollo${suffix}; try again later`, 429);
    const { spec, limit } = hit;
    const by = new Date(now + spec.ms).toISOString();
    const of = limit !== undefined ? ` of ${limit} requests` : '';
    const when =
      spec.window === 'minute'
        ? `it resets within a minute (by ${by})`
        : `it resets by ${by} at the latest (Apollo's fixed ${spec.window === 'hourly' ? 'hour' : '24-hour'} window); not retried`;
    return new UpstreamError(`Rate limited by Apollo: the ${spec.label} limit${of} is used up; ${when}`, 429);
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `Apollo rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
