import type { Logger } from 'pino';
import type { ToolError } from '../../core/errors.js';
import { serviceUrl, UpstreamClient, type UpstreamOptions } from '../../upstream/client.js';
import { type Clock, realClock } from '../../util/clock.js';
import { resetWaitMs } from './errors.js';

/**
 * XRPC over the shared upstream client: `GET /xrpc/<nsid>` for queries, `POST` with a JSON body for
 * procedures, errors as `{ error, message }`, rate limits in `RateLimit-*` headers (reset in Unix
 * seconds). Session calls go to the entryway; everything else to the account's own PDS.
 */

/** Bluesky's entryway: where sessions are created and refreshed (guMCP's `https://bsky.social/xrpc`). */
export const ENTRYWAY = 'https://bsky.social';

/**
 * Timing knobs of the upstream client and the clock. Production uses the client's defaults (and a
 * minute as the longest rate-limit wait); tests pass tiny values and a virtual clock.
 */
export interface BlueskyTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  clock?: Clock;
}

/** The entryway: GUMCP_BLUESKY_API_URL (a self-hosted PDS, a proxy, a test fake) or bsky.social. */
export function entryway(): string {
  return serviceUrl('bluesky', ENTRYWAY)
    .replace(/\/+$/, '')
    .replace(/\/xrpc$/, '');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The PDS a DID document names (`service` with id `#atproto_pds`, type AtprotoPersonalDataServer), if
 * this server may send the user's tokens there: https, or plain http on loopback only when the
 * entryway itself is plain http on loopback (a local PDS in development, a fake in tests).
 */
export function pdsFromDidDoc(didDoc: unknown, did: string, entry: string): string | undefined {
  if (!didDoc || typeof didDoc !== 'object') return undefined;
  const services = (didDoc as { service?: unknown }).service;
  if (!Array.isArray(services)) return undefined;
  const service = services.find((s): s is { type?: unknown; serviceEndpoint?: unknown } => {
    const id = (s as { id?: unknown } | null)?.id;
    return id === '#atproto_pds' || id === `${did}#atproto_pds`;
  });
  if (service?.type !== 'AtprotoPersonalDataServer' || typeof service.serviceEndpoint !== 'string')
    return undefined;
  let url: URL;
  let base: URL;
  try {
    url = new URL(service.serviceEndpoint);
    base = new URL(entry);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.search || url.hash) return undefined;
  const local = (u: URL) => u.protocol === 'http:' && LOOPBACK.has(u.hostname);
  if (url.protocol !== 'https:' && !(local(url) && local(base))) return undefined;
  return url.href.replace(/\/+$/, '');
}

export interface XrpcOptions {
  tuning: BlueskyTuning;
  log?: Logger;
  auth?: () => Record<string, string>;
  mapError: (status: number, body: unknown, headers: Headers, now: number) => ToolError | undefined;
}

/** An upstream client for one XRPC host; its 429s wait for RateLimit-Reset when that is near. */
export function xrpcClient(host: string, { tuning, log, auth, mapError }: XrpcOptions): UpstreamClient {
  const { clock = realClock, ...timing } = tuning;
  return new UpstreamClient({
    service: 'Bluesky',
    serverId: 'bluesky',
    baseUrl: `${host}/xrpc`,
    ...(log ? { log } : {}),
    ...(auth ? { auth } : {}),
    mapError: (status, body, headers) => mapError(status, body, headers, clock.now()),
    retryDelay: (status, headers) => (status === 429 ? resetWaitMs(headers, clock.now()) : undefined),
    sleep: clock.sleep,
    ...timing,
  });
}
