import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { serviceUrl, UpstreamClient, UpstreamError, type UpstreamOptions } from '../../upstream/client.js';

/**
 * Instacart Developer Platform's two hosts. A key works on the host it was issued for: development
 * keys on connect.dev.instacart.tools, production keys (after Instacart's review) on
 * connect.instacart.com. Each root is overridable on its own (GUMCP_INSTACART_API_URL,
 * GUMCP_INSTACART_DEV_API_URL): tests point them at fakes, a user may point them at a proxy.
 */
export const HOSTS = {
  production: { id: 'instacart', url: 'https://connect.instacart.com/idp/v1' },
  development: { id: 'instacart-dev', url: 'https://connect.dev.instacart.tools/idp/v1' },
} as const;

export type Environment = keyof typeof HOSTS;

/** Tried in this order when the credentials do not say which host the key belongs to. */
const ENVIRONMENTS: readonly Environment[] = ['production', 'development'];

export const hostUrl = (env: Environment): string => serviceUrl(HOSTS[env].id, HOSTS[env].url);

/** Timing knobs of the upstream client; tests pass tiny values through `createInstacartServer(tuning)`. */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

/** The stored `environment` field: `production` or `development` (also `prod`, `dev`); undefined when unset. */
export function parseEnvironment(value: unknown): Environment | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return undefined;
  const v = String(value).trim().toLowerCase();
  if (v === 'production' || v === 'prod') return 'production';
  if (v === 'development' || v === 'dev') return 'development';
  throw new ToolError(
    'environment: must be "production" or "development" (or left empty to let gumcp find the host the key works on)',
  );
}

function keyOf(creds: Credentials): string {
  const key = creds.api_key;
  if (typeof key !== 'string' || !key.trim()) {
    throw new AuthRequiredError('instacart', 'the stored credentials hold no API key (field "api_key")');
  }
  return key.trim();
}

/** An Instacart error body: one `{error: {message, code}, meta: {key}}` or `{errors: [...]}` of them. */
interface ErrorEntry {
  error?: { message?: unknown; code?: unknown };
  meta?: { key?: unknown };
}

/** Instacart's request field, as the tools' argument that carries it (`landing_page_configuration.x` is `x`). */
function argumentOf(key: string): string {
  return key
    .replace(/^landing_page_configuration\./, '')
    .replace(/\.line_item_measurements|\.measurements/, '');
}

/** Each error Instacart reports as `argument: message`, never the raw body. */
export function instacartMessages(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const b = body as { errors?: unknown } & ErrorEntry;
  const entries: ErrorEntry[] = Array.isArray(b.errors) ? (b.errors as ErrorEntry[]) : [b];
  return entries
    .map((e) => {
      const message = typeof e?.error?.message === 'string' ? e.error.message.trim() : '';
      const key = typeof e?.meta?.key === 'string' ? argumentOf(e.meta.key) : '';
      return message ? (key ? `${key}: ${message}` : message).slice(0, 300) : '';
    })
    .filter(Boolean)
    .slice(0, 5);
}

function instacartError(status: number, body: unknown, env: Environment): ToolError | undefined {
  const said = instacartMessages(body);
  const detail = said.length ? `: ${said.join('; ')}` : '';
  if (status === 401) {
    return new AuthRequiredError('instacart', `Instacart's ${env} host rejected the stored API key${detail}`);
  }
  if (status === 403) {
    return new UpstreamError(
      `Instacart denied the request on its ${env} host${detail}. Check the key's permission level (read-write is needed) in the Instacart Developer Dashboard`,
      403,
    );
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return new UpstreamError(`Instacart refused the request (HTTP ${status})${detail}`, status);
  }
  return undefined;
}

function instacartClient(
  key: string,
  env: Environment,
  tuning: ClientTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  return new UpstreamClient({
    service: 'Instacart',
    serverId: 'instacart',
    baseUrl: hostUrl(env),
    ...(log ? { log } : {}),
    auth: () => ({ authorization: `Bearer ${key}` }),
    mapError: (status, body) => instacartError(status, body, env),
    ...tuning,
  });
}

export type PageKind = 'shopping_list' | 'recipe';

const PATHS: Readonly<Record<PageKind, string>> = {
  shopping_list: 'products/products_link',
  recipe: 'products/recipe',
};

export interface CreatedPage {
  products_link_url: string;
  environment: Environment;
}

/**
 * The Developer Platform calls. A page is created on the host of the stored `environment`; credentials
 * without one (guMCP's, which hold only `api_key`) are tried on production and, when production
 * refuses the key with a 401 (nothing was created), on development.
 */
export class InstacartApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  /**
   * Creates a shopping list or recipe page. Each call makes a new page, so it is never retried after a
   * timeout or 5xx (Instacart offers no idempotency key); a 429 is retried, as nothing was made.
   */
  async createPage(kind: PageKind, body: Record<string, unknown>): Promise<CreatedPage> {
    const creds = await this.#ctx.credentials();
    const key = keyOf(creds);
    const stored = parseEnvironment(creds.environment);
    const tried = stored ? [stored] : ENVIRONMENTS;
    for (const [i, env] of tried.entries()) {
      try {
        const answer = await instacartClient(key, env, this.#tuning, this.#ctx.log).request<unknown>(
          PATHS[kind],
          { method: 'POST', body },
          this.#ctx.signal,
        );
        const url = (answer as { products_link_url?: unknown } | undefined)?.products_link_url;
        if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
          throw new ToolError('Instacart answered without a page URL (products_link_url); try again');
        }
        return { products_link_url: url, environment: env };
      } catch (error) {
        if (!(error instanceof AuthRequiredError) || i === tried.length - 1) {
          if (error instanceof AuthRequiredError && !stored) {
            throw new AuthRequiredError(
              'instacart',
              'Instacart rejected the stored API key on both its production and development hosts (revoked or mistyped)',
            );
          }
          throw error;
        }
      }
    }
    throw new ToolError('No Instacart host to call');
  }
}

export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>) => InstacartApi;

export const apiFactory =
  (tuning: ClientTuning = {}): ApiFactory =>
  (ctx) =>
    new InstacartApi(ctx, tuning);

/** Where `verify` asks: a read (nearby retailers) that creates nothing. */
const PROBE = { path: 'retailers', query: { postal_code: '10001', country_code: 'US' } };

/** Whether `env`'s host accepts the key: false on a 401, true on any other answer but a 5xx or no answer. */
async function accepts(key: string, env: Environment, tuning: ClientTuning): Promise<boolean> {
  try {
    await instacartClient(key, env, tuning).request(PROBE.path, { query: PROBE.query });
    return true;
  } catch (error) {
    if (error instanceof AuthRequiredError) return false;
    // A 4xx other than 401 (a postal code it does not serve, a permission) still means the key was taken.
    if (error instanceof UpstreamError && error.status >= 400 && error.status < 500 && error.status !== 429) {
      return true;
    }
    throw error;
  }
}

/**
 * Checks the key at sign-in with a read that creates nothing (GET /idp/v1/retailers) on the host the
 * `environment` field names, or, when it is left empty, on production and then development, and
 * stores the host that took it.
 */
export async function verifyInstacartKey(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<Credentials> {
  const key = values.api_key?.trim();
  if (!key) throw new ToolError('api_key: enter the Instacart Developer Platform API key');
  const stored = parseEnvironment(values.environment);
  for (const env of stored ? [stored] : ENVIRONMENTS) {
    if (await accepts(key, env, tuning)) return { environment: env };
  }
  throw new ToolError(
    stored
      ? `Instacart's ${stored} host rejected the API key: check that it was copied whole, is not revoked, and is a ${stored} key`
      : 'Instacart rejected the API key on both its production and development hosts: check that it was copied whole and is not revoked',
  );
}
