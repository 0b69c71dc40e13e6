import { createHash, randomUUID } from 'node:crypto';
import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  serviceUrl,
  UpstreamClient,
  UpstreamError,
  type UpstreamOptions,
  type UpstreamRequest,
  unanswered,
} from '../../upstream/client.js';
import { errorOf, noAnswer, paypalError, type Subject } from './errors.js';

/**
 * PayPal's two environments. The sandbox is the default, as in guMCP and the catalog. Each host is
 * overridable on its own (GUMCP_PAYPAL_API_URL, GUMCP_PAYPAL_LIVE_API_URL): tests point them at fakes.
 */
export const HOSTS = {
  sandbox: { id: 'paypal', url: 'https://api-m.sandbox.paypal.com' },
  live: { id: 'paypal-live', url: 'https://api-m.paypal.com' },
} as const;

export type Environment = keyof typeof HOSTS;

export const hostUrl = (env: Environment): string => serviceUrl(HOSTS[env].id, HOSTS[env].url);

/** Timing knobs of the upstream client; tests pass tiny values. */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

/** The app's credentials, under guMCP's names (its oauth.json's `client_id` and `client_secret`). */
export interface PayPalApp {
  client_id: string;
  client_secret: string;
  environment: Environment;
}

/** What the stored credentials give: the app's, or (a guMCP credentials file) only a token it fetched. */
export type Stored = { app: PayPalApp } | { token: string; environment: Environment };

export function readEnvironment(value: unknown): Environment | undefined {
  const v = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!v) return 'sandbox';
  return v === 'sandbox' || v === 'live' ? v : undefined;
}

export function storedCredentials(creds: Credentials): Stored {
  const environment = readEnvironment(creds.environment);
  if (!environment) {
    throw new AuthRequiredError('paypal', 'the stored environment is neither "sandbox" nor "live"');
  }
  const text = (name: string) => (typeof creds[name] === 'string' ? (creds[name] as string).trim() : '');
  const [id, secret] = [text('client_id'), text('client_secret')];
  if (id && secret) return { app: { client_id: id, client_secret: secret, environment } };
  // guMCP saved the token answer itself; it is used until PayPal refuses it (about nine hours).
  const token = text('access_token');
  if (token) return { token, environment };
  throw new AuthRequiredError('paypal', 'the stored credentials lack client_id and client_secret');
}

/** PayPal's token answer (`POST /v1/oauth2/token`, grant_type=client_credentials). */
interface TokenAnswer {
  access_token?: string;
  token_type?: string;
  expires_in?: number;
  app_id?: string;
  scope?: string;
}

/** A token with the time it stops being used (ms since the epoch). */
interface Cached {
  token: string;
  until: number;
}

/** Tokens are renewed this long before PayPal's expiry, so a call never carries one that expires on the way. */
const MARGIN_MS = 5 * 60_000;
/** At most this many tokens are kept; the one that expires first goes when a new one comes. */
const MAX_TOKENS = 1000;

/**
 * Client-credentials tokens, one per user and app, kept in memory until shortly before they expire
 * (PayPal's last about nine hours): N calls make one token request, and concurrent calls share one.
 */
export class TokenCache {
  readonly #tokens = new Map<string, Cached>();
  readonly #pending = new Map<string, Promise<Cached>>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The cache key: the user, the environment, the client id, and a hash of the secret (a new secret, a new token). */
  static key(userId: string, app: PayPalApp): string {
    const secret = createHash('sha256').update(app.client_secret).digest('hex');
    return [userId, app.environment, app.client_id, secret].join('\u0000');
  }

  async get(key: string, fetchToken: () => Promise<TokenAnswer>): Promise<string> {
    const cached = this.#tokens.get(key);
    if (cached && cached.until > this.#now()) return cached.token;
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = fetchToken()
        .then((answer) => this.#keep(key, answer))
        .finally(() => this.#pending.delete(key));
      this.#pending.set(key, pending);
    }
    return (await pending).token;
  }

  /** Forgets a token PayPal refused, unless another call already replaced it. */
  drop(key: string, token: string): void {
    if (this.#tokens.get(key)?.token === token) this.#tokens.delete(key);
  }

  #keep(key: string, answer: TokenAnswer): Cached {
    const token = answer.access_token;
    if (typeof token !== 'string' || !token)
      throw new ToolError('PayPal’s token answer holds no access_token');
    const lifetime =
      typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in * 1000 : 0;
    const entry = { token, until: this.#now() + Math.max(0, lifetime - MARGIN_MS) };
    if (this.#tokens.size >= MAX_TOKENS) {
      const now = this.#now();
      for (const [k, v] of this.#tokens) if (v.until <= now) this.#tokens.delete(k);
      const first = [...this.#tokens.entries()].sort((a, b) => a[1].until - b[1].until)[0];
      if (this.#tokens.size >= MAX_TOKENS && first) this.#tokens.delete(first[0]);
    }
    this.#tokens.set(key, entry);
    return entry;
  }
}

/** HTTP Basic with the client id and secret, as PayPal's token endpoint takes them. */
function basic(app: PayPalApp): string {
  return `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64')}`;
}

/**
 * Asks PayPal for a client-credentials token. A refusal (invalid_client) is a sign-in problem; the
 * secret is never part of a message.
 */
export async function requestToken(app: PayPalApp, tuning: ClientTuning = {}): Promise<TokenAnswer> {
  const client = new UpstreamClient({
    service: 'PayPal',
    serverId: 'paypal',
    baseUrl: hostUrl(app.environment),
    mapError: (status, body) => {
      const e = errorOf(body);
      if (status === 401 || e.error === 'invalid_client') {
        return new AuthRequiredError(
          'paypal',
          `PayPal refused the client id ${app.client_id} and its secret (${e.error ?? `HTTP ${status}`}) ` +
            `in the ${app.environment} environment: check both, and that the app is a ${app.environment} app`,
        );
      }
      return undefined;
    },
    ...tuning,
  });
  return client.request<TokenAnswer>('v1/oauth2/token', {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
    headers: { authorization: basic(app) },
    // Asking for a token twice is harmless: it is retried like a read.
    idempotent: true,
  });
}

/** What a guMCP credentials file holding only a token says when PayPal refuses that token. */
const LEGACY =
  'PayPal refused the stored access token (saved by guMCP; such tokens last about nine hours): sign in with the ' +
  'app’s client_id and client_secret, which this server turns into tokens itself';

/** A request whose 401 is said in the words given. */
async function refused<T>(request: Promise<T>, detail: string): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof AuthRequiredError) throw new AuthRequiredError('paypal', detail);
    throw error;
  }
}

/** A request: its path, and the options of the upstream client. */
export interface Call extends UpstreamRequest {
  /** Sent as PayPal-Request-Id; the write is then retried after a 5xx or a timeout with it. */
  requestId?: string;
}

/**
 * PayPal's REST APIs, with a token from the cache. Every request reads the stored credentials anew; a
 * token PayPal refuses (revoked, or expired early) is dropped and the request made once more with a
 * new one. A write with a PayPal-Request-Id is retried with that id after a 5xx or a timeout; PayPal
 * answers a repeated id with the first result.
 */
export class PayPalApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'userId'>;
  readonly #cache: TokenCache;
  readonly #tuning: ClientTuning;

  constructor(
    ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'userId'>,
    cache: TokenCache,
    tuning: ClientTuning,
  ) {
    this.#ctx = ctx;
    this.#cache = cache;
    this.#tuning = tuning;
  }

  async call<T>(path: string, req: Call, subject: Subject): Promise<T> {
    const stored = storedCredentials(await this.#ctx.credentials());
    const about: Subject = req.requestId ? { ...subject, requestId: req.requestId } : subject;
    const { requestId, ...request } = req;
    const headers = { ...request.headers, ...(requestId ? { 'paypal-request-id': requestId } : {}) };
    const send = (token: string) => {
      const client = new UpstreamClient({
        service: 'PayPal',
        serverId: 'paypal',
        baseUrl: hostUrl('app' in stored ? stored.app.environment : stored.environment),
        ...(this.#ctx.log ? { log: this.#ctx.log } : {}),
        auth: () => ({ authorization: `Bearer ${token}` }),
        mapError: (status, body, answered) => paypalError(status, body, answered, about),
        ...this.#tuning,
      });
      return client.request<T>(
        path,
        { ...request, headers, ...(requestId ? { idempotent: true } : {}) },
        this.#ctx.signal,
      );
    };
    try {
      if (!('app' in stored)) return await refused(send(stored.token), LEGACY);
      const { app } = stored;
      const key = TokenCache.key(this.#ctx.userId, app);
      const token = await this.#cache.get(key, () => requestToken(app, this.#tuning));
      try {
        return await send(token);
      } catch (error) {
        if (!(error instanceof AuthRequiredError)) throw error;
        // PayPal refused the token, which did nothing: once more with a new one.
        this.#cache.drop(key, token);
        const fresh = await this.#cache.get(key, () => requestToken(app, this.#tuning));
        return await refused(
          send(fresh),
          `PayPal refused a new access token of client id ${app.client_id} too: the app may have been deleted or ` +
            'lost the permission',
        );
      }
    } catch (error) {
      if (about.doing && unanswered(error)) throw noAnswer(about);
      throw error;
    }
  }
}

/** One PayPal-Request-Id per tool call: the caller's (to repeat a call that failed), or a new UUID. */
export function requestIdOf(given: string | undefined): string {
  return given ?? randomUUID();
}

/**
 * Checks the client id and secret at sign-in by asking PayPal for a token with them, in the chosen
 * environment. Nothing is stored besides the values typed in; errors never echo the secret.
 */
export async function verifyPayPalApp(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<undefined> {
  const environment = readEnvironment(values.environment);
  if (!environment) throw new ToolError('environment: must be "sandbox" or "live" (or empty for sandbox)');
  const client_id = values.client_id?.trim() ?? '';
  const client_secret = values.client_secret?.trim() ?? '';
  if (!client_id) throw new ToolError('client_id: required (the app’s Client ID)');
  if (!client_secret) throw new ToolError('client_secret: required (the app’s Secret)');
  try {
    await requestToken({ client_id, client_secret, environment }, { retries: 1, ...tuning });
  } catch (error) {
    if (error instanceof AuthRequiredError) throw new ToolError(error.detail);
    if (error instanceof UpstreamError)
      throw new ToolError(`PayPal could not check the credentials: ${error.message}`);
    throw error;
  }
  return undefined;
}

/** Makes the PayPal client a tool uses; all of them share one token cache. */
export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'userId'>) => PayPalApi;

export function apiFactory(cache: TokenCache, tuning: ClientTuning = {}): ApiFactory {
  return (ctx) => new PayPalApi(ctx, cache, tuning);
}
