import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError } from '../../core/errors.js';
import { type Query, serviceUrl, UpstreamClient, type UpstreamOptions } from '../../upstream/client.js';
import { sleep } from '../../util/sleep.js';
import { patreonError, retryAfterMs, type Subject } from './errors.js';

/** Patreon's API v2 root (JSON:API). */
export const PATREON_API = 'https://www.patreon.com/api/oauth2/v2';

/** Patreon limits each token to 100 requests a minute, so a wait it asks for is at most a minute. */
const MAX_WAIT_MS = 60_000;

/** Timing knobs of the upstream client; tests pass a `sleep` that records the wait instead of sleeping. */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A JSON:API resource identifier and, when asked for with `fields[type]`, its attributes. */
export interface Resource {
  id: string;
  type: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, { data?: ResourceId | ResourceId[] | null }>;
}

export interface ResourceId {
  id: string;
  type: string;
}

/** A JSON:API document as Patreon sends it. */
export interface JsonApiDocument<D> {
  data: D;
  included?: Resource[];
  meta?: { pagination?: { total?: number; cursors?: { next?: string | null } } };
}

/**
 * The attributes each resource type has in Patreon's API v2 (its documentation's resource tables),
 * less the deprecated ones. Patreon returns none unless asked for with `fields[type]`, so every call
 * asks for these unless the caller names others.
 */
export const DEFAULT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  user: [
    'about',
    'created',
    'email',
    'first_name',
    'full_name',
    'image_url',
    'is_creator',
    'is_email_verified',
    'last_name',
    'thumb_url',
    'url',
  ],
  campaign: [
    'created_at',
    'creation_name',
    'image_small_url',
    'image_url',
    'is_charged_immediately',
    'is_monthly',
    'is_nsfw',
    'one_liner',
    'patron_count',
    'pay_per_name',
    'pledge_url',
    'published_at',
    'summary',
    'url',
    'vanity',
  ],
  member: [
    'campaign_lifetime_support_cents',
    'currently_entitled_amount_cents',
    'email',
    'full_name',
    'is_free_trial',
    'is_gifted',
    'last_charge_date',
    'last_charge_status',
    'next_charge_date',
    'note',
    'patron_status',
    'pledge_cadence',
    'pledge_relationship_start',
    'will_pay_amount_cents',
  ],
  tier: [
    'amount_cents',
    'created_at',
    'description',
    'patron_count',
    'published',
    'published_at',
    'title',
    'url',
  ],
  benefit: ['benefit_type', 'created_at', 'description', 'is_published', 'tiers_count', 'title'],
  goal: ['amount_cents', 'completed_percentage', 'created_at', 'description', 'reached_at', 'title'],
  address: ['addressee', 'city', 'country', 'line_1', 'line_2', 'phone_number', 'postal_code', 'state'],
  'pledge-event': [
    'amount_cents',
    'currency_code',
    'date',
    'payment_status',
    'pledge_payment_status',
    'tier_id',
    'tier_title',
    'type',
  ],
  post: [
    'title',
    'content',
    'url',
    'published_at',
    'is_public',
    'is_paid',
    'embed_url',
    'embed_data',
    'tiers',
  ],
};

/** The resource type each relationship name of the API v2 holds. */
export const INCLUDE_TYPES: Readonly<Record<string, string>> = {
  memberships: 'member',
  campaign: 'campaign',
  tiers: 'tier',
  creator: 'user',
  benefits: 'benefit',
  goals: 'goal',
  address: 'address',
  currently_entitled_tiers: 'tier',
  user: 'user',
  pledge_history: 'pledge-event',
};

/**
 * The JSON:API query of a call: `include`, and `fields[type]` for the primary type and every included
 * one, the caller's lists replacing the defaults type by type.
 */
export function jsonApiQuery(
  primary: string,
  includes: readonly string[],
  fields: Readonly<Record<string, readonly string[]>> = {},
): Query {
  const types = new Set([primary, ...includes.map((i) => INCLUDE_TYPES[i] ?? i), ...Object.keys(fields)]);
  const query: Query = {};
  if (includes.length) query.include = includes.join(',');
  for (const type of types) {
    const list = fields[type] ?? DEFAULT_FIELDS[type];
    if (list?.length) query[`fields[${type}]`] = list.join(',');
  }
  return query;
}

const enc = encodeURIComponent;

/** The Patreon API v2 calls this server makes. */
export class PatreonApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, scope: string, tuning: ClientTuning) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  get<T>(subject: Subject, path: string, query: Query): Promise<JsonApiDocument<T>> {
    const { sleep: wait = sleep, ...client } = this.#tuning;
    const http = new UpstreamClient({
      service: 'Patreon',
      serverId: 'patreon',
      baseUrl: serviceUrl('patreon', PATREON_API),
      log: this.#ctx.log,
      // Read on every request, so a token refreshed mid-session (Patreon rotates both) is used at once.
      auth: async () => {
        const token = (await this.#ctx.credentials()).access_token;
        if (typeof token !== 'string' || !token) {
          throw new AuthRequiredError('patreon', 'the stored credentials hold no access token');
        }
        return { authorization: `Bearer ${token}` };
      },
      mapError: (status, body, headers) => patreonError(status, body, headers, subject, this.#scope),
      // A 429 may say how long to wait in its body (retry_after_seconds) instead of Retry-After.
      retryDelay: (status, _headers, body) => (status === 429 ? retryAfterMs(body) : undefined),
      maxRetryAfterMs: MAX_WAIT_MS,
      sleep: wait,
      ...client,
    });
    return http.request<JsonApiDocument<T>>(
      path,
      { query, headers: { 'user-agent': 'gumcp-patreon' } },
      this.#ctx.signal,
    );
  }

  identity(query: Query): Promise<JsonApiDocument<Resource>> {
    return this.get({ what: 'User', id: 'of the token' }, 'identity', query);
  }

  campaign(id: string, query: Query): Promise<JsonApiDocument<Resource>> {
    return this.get({ what: 'Campaign', id }, `campaigns/${enc(id)}`, query);
  }

  post(id: string, query: Query): Promise<JsonApiDocument<Resource>> {
    return this.get({ what: 'Post', id }, `posts/${enc(id)}`, query);
  }

  /**
   * Follows `page[cursor]` (`meta.pagination.cursors.next`) until `limit` resources are collected or
   * the list ends. A repeated cursor ends the walk. `pageSize` is Patreon's largest page there.
   */
  async collect(
    subject: Subject,
    path: string,
    query: Query,
    limit: number,
    pageSize: number | undefined,
    start?: string,
  ): Promise<{ data: Resource[]; included: Resource[]; next: string | null; total: number | null }> {
    const data: Resource[] = [];
    const included: Resource[] = [];
    const seen = new Set<string>();
    let cursor = start;
    let total: number | null = null;
    for (;;) {
      if (cursor) seen.add(cursor);
      const count = pageSize === undefined ? undefined : Math.min(pageSize, limit - data.length);
      const page = await this.get<Resource[]>(subject, path, {
        ...query,
        'page[count]': count,
        'page[cursor]': cursor,
      });
      const got = Array.isArray(page.data) ? page.data : [];
      data.push(...got);
      included.push(...(page.included ?? []));
      total = page.meta?.pagination?.total ?? total;
      const next = page.meta?.pagination?.cursors?.next ?? null;
      if (!next || seen.has(next) || got.length === 0) return { data, included, next: null, total };
      if (data.length >= limit) return { data, included, next, total };
      cursor = next;
    }
  }
}

export type ApiFactory = (
  ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
  scope: string,
) => PatreonApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new PatreonApi(ctx, scope, tuning);
}
