import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { klaviyoError, retryDelay, type Subject } from './errors.js';

export const KLAVIYO_API = 'https://a.klaviyo.com/api';

/**
 * The API revision every request names (the `revision` header Klaviyo requires): 2026-07-15, the
 * revision of Klaviyo's published OpenAPI description and of its `klaviyo-api` 23 SDK at the time of
 * writing. Klaviyo keeps a revision working for two years after it is released.
 */
export const REVISION = '2026-07-15';

/** JSON:API's media type, which Klaviyo answers with and takes. */
export const JSON_API = 'application/vnd.api+json';

/** A hard stop on pages per call, should a service keep answering with a next link. */
const MAX_PAGES = 50;

/** Timing knobs of the upstream client; tests pass tiny values and a sleep that does not wait. */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

/** A JSON:API resource object as Klaviyo answers it. */
export interface Resource {
  type: string;
  id: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, { data?: unknown; links?: unknown }>;
  links?: { self?: string };
}

/** A JSON:API document: one resource or a page of them, related resources, and paging links. */
export interface Doc<D> {
  data: D;
  included?: Resource[];
  links?: { self?: string; next?: string | null; prev?: string | null };
}

/** A page walk's resources, the related ones, and where to continue (`page[cursor]`) if it stopped early. */
export interface Walk {
  items: Resource[];
  included: Resource[];
  next_cursor?: string;
}

const enc = encodeURIComponent;

/**
 * Klaviyo's API (revision {@link REVISION}), one method per endpoint. Every request reads the user's
 * token anew (a token refreshed mid-session is used from the next request on) and names the revision;
 * errors name the subject of the call and, on a 403, the scopes of the tool that made it. Listings
 * follow `links.next`, but only within Klaviyo's API.
 */
export class KlaviyoApi {
  readonly #ctx: ToolContext;
  readonly #scopes: readonly string[];
  readonly #tuning: ClientTuning;

  constructor(ctx: ToolContext, scopes: readonly string[], tuning: ClientTuning) {
    this.#ctx = ctx;
    this.#scopes = scopes;
    this.#tuning = tuning;
  }

  get signal(): AbortSignal {
    return this.#ctx.signal;
  }

  async #token(): Promise<string> {
    const token = (await this.#ctx.credentials()).access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError('klaviyo', 'the stored credentials hold no access token');
    }
    return token;
  }

  #client(subject: Subject): UpstreamClient {
    return new UpstreamClient({
      service: 'Klaviyo',
      serverId: 'klaviyo',
      baseUrl: serviceUrl('klaviyo', KLAVIYO_API),
      log: this.#ctx.log,
      auth: async () => ({
        authorization: `Bearer ${await this.#token()}`,
        revision: REVISION,
        accept: JSON_API,
      }),
      mapError: (status, body, headers) => klaviyoError(status, body, headers, subject, this.#scopes),
      retryDelay,
      ...this.#tuning,
    });
  }

  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const headers = req.body === undefined ? req.headers : { 'content-type': JSON_API, ...req.headers };
    return this.#client(subject).request<T>(
      path,
      { ...req, ...(headers ? { headers } : {}) },
      this.#ctx.signal,
    );
  }

  /**
   * A next-page link, followed only when it stays in Klaviyo's API (same origin, under its path): a
   * link elsewhere would carry the user's token to another host.
   */
  #nextPage(link: string): string {
    const base = new URL(serviceUrl('klaviyo', KLAVIYO_API));
    let next: URL;
    try {
      next = new URL(link, base);
    } catch {
      throw new ToolError('Klaviyo answered a next-page link that is not a URL; stopped paging');
    }
    const root = base.pathname.replace(/\/?$/, '/');
    if (next.origin !== base.origin || !`${next.pathname}/`.startsWith(root)) {
      throw new ToolError(
        `Klaviyo's next-page link leads outside its API (${next.host}); stopped paging rather than send the token there`,
      );
    }
    return next.href;
  }

  /**
   * A listing, page after page through `links.next`, until at least `limit` resources (whole pages, so
   * `next_cursor` continues exactly after the last one returned) or the last page.
   */
  async #walk(subject: Subject, path: string, query: Query, limit: number): Promise<Walk> {
    const items: Resource[] = [];
    const included: Resource[] = [];
    let doc = await this.#call<Doc<Resource[]>>(subject, path, { query });
    for (let pages = 1; ; pages++) {
      items.push(...(Array.isArray(doc?.data) ? doc.data : []));
      included.push(...(doc?.included ?? []));
      const next = doc?.links?.next;
      if (!next) return { items, included };
      if (items.length >= limit || pages >= MAX_PAGES) {
        const cursor = new URL(this.#nextPage(next)).searchParams.get('page[cursor]');
        return { items, included, ...(cursor ? { next_cursor: cursor } : {}) };
      }
      doc = await this.#call<Doc<Resource[]>>(subject, this.#nextPage(next));
    }
  }

  // Profiles

  profiles(query: Query, limit: number): Promise<Walk> {
    return this.#walk({ what: 'Profiles', id: 'of the account' }, 'profiles', query, limit);
  }

  profile(id: string, query: Query): Promise<Doc<Resource>> {
    return this.#call({ what: 'Profile', id }, `profiles/${enc(id)}`, { query });
  }

  /** Creates a profile; not repeated after a 5xx or a timeout (Klaviyo has no idempotency key). */
  createProfile(attributes: Record<string, unknown>): Promise<Doc<Resource>> {
    return this.#call(
      {
        what: 'Profile',
        id: '(new)',
        fields: PROFILE_FIELDS,
        unrepeatable:
          'the profile may have been created, so look it up with get_profiles (filter by email) before trying again',
      },
      'profiles',
      { method: 'POST', body: { data: { type: 'profile', attributes } } },
    );
  }

  /** Sets the given attributes; setting the same values again changes nothing, so it may be retried. */
  updateProfile(id: string, attributes: Record<string, unknown>): Promise<Doc<Resource>> {
    return this.#call({ what: 'Profile', id, fields: PROFILE_FIELDS }, `profiles/${enc(id)}`, {
      method: 'PATCH',
      body: { data: { type: 'profile', id, attributes } },
      idempotent: true,
    });
  }

  // Campaigns

  campaigns(query: Query, limit: number): Promise<Walk> {
    return this.#walk({ what: 'Campaigns', id: 'of the account' }, 'campaigns', query, limit);
  }

  campaign(id: string, query: Query = {}): Promise<Doc<Resource>> {
    return this.#call({ what: 'Campaign', id }, `campaigns/${enc(id)}`, { query });
  }

  updateCampaign(id: string, attributes: Record<string, unknown>): Promise<Doc<Resource>> {
    return this.#call({ what: 'Campaign', id, fields: CAMPAIGN_FIELDS }, `campaigns/${enc(id)}`, {
      method: 'PATCH',
      body: { data: { type: 'campaign', id, attributes } },
      idempotent: true,
    });
  }

  async campaignMessages(id: string): Promise<Resource[]> {
    const doc = await this.#call<Doc<Resource[]>>(
      { what: 'Campaign', id },
      `campaigns/${enc(id)}/campaign-messages`,
    );
    return Array.isArray(doc?.data) ? doc.data : [];
  }

  updateMessage(id: string, definition: Record<string, unknown>): Promise<Doc<Resource>> {
    return this.#call(
      { what: 'Campaign message', id, fields: MESSAGE_FIELDS },
      `campaign-messages/${enc(id)}`,
      {
        method: 'PATCH',
        body: { data: { type: 'campaign-message', id, attributes: { definition } } },
        idempotent: true,
      },
    );
  }

  /** Gives a campaign message its own copy of a template (Klaviyo copies it for the message). */
  assignTemplate(messageId: string, templateId: string): Promise<Doc<Resource>> {
    return this.#call(
      { what: 'Template', id: templateId, fields: { '/data/relationships/template/data/id': 'template_id' } },
      'campaign-message-assign-template',
      {
        method: 'POST',
        body: {
          data: {
            type: 'campaign-message',
            id: messageId,
            relationships: { template: { data: { type: 'template', id: templateId } } },
          },
        },
      },
    );
  }

  /**
   * Queues a campaign's send job. Never repeated after a 5xx or a timeout: Klaviyo has no idempotency key
   * for sends, and whether the job exists is checked instead (`sendJob`).
   */
  send(id: string): Promise<Doc<Resource>> {
    return this.#call({ what: 'Campaign', id }, 'campaign-send-jobs', {
      method: 'POST',
      body: { data: { type: 'campaign-send-job', id } },
      idempotent: false,
    });
  }

  /** The campaign's send job, or undefined when none exists (nothing was queued). */
  async sendJob(id: string): Promise<Resource | undefined> {
    try {
      const doc = await this.#call<Doc<Resource>>(
        { what: 'Campaign send job', id },
        `campaign-send-jobs/${enc(id)}`,
      );
      return doc?.data;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** Klaviyo's last estimate of a campaign's recipients, or undefined when it has none. */
  async recipientEstimate(id: string): Promise<number | undefined> {
    try {
      const doc = await this.#call<Doc<Resource>>(
        { what: 'Recipient estimate of campaign', id },
        `campaign-recipient-estimations/${enc(id)}`,
      );
      const count = doc?.data?.attributes?.estimated_recipient_count;
      return typeof count === 'number' ? count : undefined;
    } catch (error) {
      // An estimate only says more; its absence (never estimated) must not stop the tool.
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** Deletes a campaign (204). A repeat after the first went through answers 404, reported as gone. */
  async deleteCampaign(id: string): Promise<void> {
    await this.#call({ what: 'Campaign', id }, `campaigns/${enc(id)}`, { method: 'DELETE' });
  }

  // Metrics

  metrics(query: Query, limit: number): Promise<Walk> {
    return this.#walk({ what: 'Metrics', id: 'of the account' }, 'metrics', query, limit);
  }

  metric(id: string, query: Query): Promise<Doc<Resource>> {
    return this.#call({ what: 'Metric', id }, `metrics/${enc(id)}`, { query });
  }

  // Lists

  /** Creates a list; not repeated after a 5xx or a timeout (a repeat would make a second list). */
  createList(name: string): Promise<Doc<Resource>> {
    return this.#call(
      {
        what: 'List',
        id: name,
        fields: { '/data/attributes/name': 'name' },
        unrepeatable: `the list "${name}" may have been created, so look for it with get_lists before trying again`,
      },
      'lists',
      { method: 'POST', body: { data: { type: 'list', attributes: { name } } } },
    );
  }

  lists(query: Query, limit: number): Promise<Walk> {
    return this.#walk({ what: 'Lists', id: 'of the account' }, 'lists', query, limit);
  }

  list(id: string, query: Query = {}): Promise<Doc<Resource>> {
    return this.#call({ what: 'List', id }, `lists/${enc(id)}`, { query });
  }

  listProfiles(id: string, query: Query, limit: number): Promise<Walk> {
    return this.#walk({ what: 'List', id }, `lists/${enc(id)}/profiles`, query, limit);
  }

  /**
   * Adds profiles to a list (204). Membership is a set, but a profile that joins may start the list's
   * flows (a welcome series), so this is not repeated after a 5xx or a timeout.
   */
  async addToList(id: string, profileIds: readonly string[]): Promise<void> {
    await this.#call(
      {
        what: 'List',
        id,
        fields: PROFILE_IDS,
        unrepeatable:
          'the profiles may have been added, so check the list with get_list_profiles before trying again',
      },
      `lists/${enc(id)}/relationships/profiles`,
      {
        method: 'POST',
        body: { data: profileIds.map((p) => ({ type: 'profile', id: p })) },
        idempotent: false,
      },
    );
  }

  /** Removes profiles from a list (204); removing one that is not a member changes nothing. */
  async removeFromList(id: string, profileIds: readonly string[]): Promise<void> {
    await this.#call({ what: 'List', id, fields: PROFILE_IDS }, `lists/${enc(id)}/relationships/profiles`, {
      method: 'DELETE',
      body: { data: profileIds.map((p) => ({ type: 'profile', id: p })) },
    });
  }
}

/** Profile attributes: the location ones are arguments of their own in the tools. */
const PROFILE_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  ['address1', 'address2', 'city', 'country', 'latitude', 'longitude', 'region', 'zip', 'timezone', 'ip'].map(
    (name) => [`/data/attributes/location/${name}`, name],
  ),
);

const CAMPAIGN_FIELDS: Readonly<Record<string, string>> = {
  '/data/attributes/audiences/included': 'included_audiences',
  '/data/attributes/audiences/excluded': 'excluded_audiences',
  '/data/attributes/send_options/use_smart_sending': 'use_smart_sending',
  '/data/attributes/tracking_options/add_tracking_params': 'add_tracking_params',
  '/data/attributes/send_strategy': 'send_strategy',
  '/data/attributes/send_strategy/date': 'smart_send_time',
  '/data/attributes/send_strategy/datetime': 'smart_send_time',
  '/data/attributes/send_strategy/throttle_percentage': 'throttle_percentage',
};

const MESSAGE_FIELDS: Readonly<Record<string, string>> = {
  '/data/attributes/definition/content/subject': 'subject_line',
  '/data/attributes/definition/content/body': 'message_content',
};

const PROFILE_IDS: Readonly<Record<string, string>> = { '/data': 'profile_ids' };

export type ApiFactory = (ctx: ToolContext, scopes: readonly string[]) => KlaviyoApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scopes) => new KlaviyoApi(ctx, scopes, tuning);
}
