import { createHash } from 'node:crypto';
import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { MAILCHIMP_CONNECTIONS, mailchimpError, type Subject } from './errors.js';
import type { Activity, ActivityPage, Campaign, Member, Metadata, SubscriberList } from './types.js';

/** The Marketing API root; `{dc}` is the account's data centre (e.g. `us6`). */
export const MAILCHIMP_API = 'https://{dc}.api.mailchimp.com/3.0';
/** Where an OAuth token's account (and so its data centre) is looked up. */
export const MAILCHIMP_LOGIN = 'https://login.mailchimp.com';

/** Records per page of a Mailchimp collection (`count`; Mailchimp allows up to 1000). */
export const PAGE_SIZE = 100;
/** The most records a listing returns. */
export const MAX_LIMIT = 1000;

/**
 * Timing knobs of the upstream client and the per-user connection limit; only tests change them
 * (tiny backoff, a virtual sleep, a small limit to watch the queue).
 */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  /** Requests one Mailchimp user may have in flight at once (default: Mailchimp's 10), or the limit itself. */
  connections?: number | ConnectionLimit;
}

/** A data centre as Mailchimp names them (`us6`, `us21`): nothing that could change the API host. */
const DC = /^[a-z]{2,4}\d{1,3}$/;

/** The data centre at the end of an API key (`…-us6`), or undefined. */
export function dataCentreOfKey(key: string): string | undefined {
  const dc = /-([a-z0-9]+)$/i.exec(key.trim())?.[1]?.toLowerCase();
  return dc && DC.test(dc) ? dc : undefined;
}

/** The API root for a data centre; GUMCP_MAILCHIMP_API_URL may hold `{dc}` too (tests put it in the path). */
export function apiRoot(dc: string): string {
  return serviceUrl('mailchimp', MAILCHIMP_API).split('{dc}').join(dc);
}

/** Identifies one Mailchimp user's credential without keeping it: a hash, for the connection limit. */
const fingerprint = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/**
 * At most `max` requests in flight per key (Mailchimp allows 10 simultaneous connections per user and
 * answers more with 429). A request over the limit waits, first come first served, until one ends; a
 * cancelled call stops waiting. Keys with nothing in flight or waiting are forgotten.
 */
export class ConnectionLimit {
  readonly #max: number;
  readonly #slots = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(max: number) {
    if (!(max >= 1)) throw new Error('max must be at least 1');
    this.#max = max;
  }

  /** Requests in flight and waiting, for one key or all of them; for tests and diagnostics. */
  usage(key?: string): { active: number; waiting: number } {
    const slots = key === undefined ? [...this.#slots.values()] : [this.#slots.get(key)];
    return {
      active: slots.reduce((n, s) => n + (s?.active ?? 0), 0),
      waiting: slots.reduce((n, s) => n + (s?.waiting.length ?? 0), 0),
    };
  }

  async run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#acquire(key, signal);
    try {
      return await task();
    } finally {
      this.#release(key);
    }
  }

  #acquire(key: string, signal?: AbortSignal): Promise<void> {
    let slot = this.#slots.get(key);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      this.#slots.set(key, slot);
    }
    if (slot.active < this.#max) {
      slot.active += 1;
      return Promise.resolve();
    }
    const queue = slot;
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new ToolError('Request to Mailchimp was cancelled'));
      const go = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const at = queue.waiting.indexOf(go);
        if (at >= 0) queue.waiting.splice(at, 1);
        this.#forget(key);
        reject(new ToolError('Request to Mailchimp was cancelled'));
      };
      queue.waiting.push(go);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  #release(key: string): void {
    const slot = this.#slots.get(key);
    if (!slot) return;
    const next = slot.waiting.shift();
    // The slot passes straight to the next in line, so `active` stays as it is.
    if (next) next();
    else slot.active -= 1;
    this.#forget(key);
  }

  #forget(key: string): void {
    const slot = this.#slots.get(key);
    if (slot && slot.active === 0 && slot.waiting.length === 0) this.#slots.delete(key);
  }
}

/** How a call authenticates: the header, the data centre it goes to, and whose connection slots it takes. */
interface Access {
  authorization: string;
  dc: string;
  user: string;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The metadata endpoint's client: `Authorization: OAuth <token>`, as Mailchimp's OAuth guide shows. */
function loginClient(token: string, tuning: ClientTuning, log?: ToolContext['log']): UpstreamClient {
  const { connections: _c, ...timing } = tuning;
  return new UpstreamClient({
    service: 'Mailchimp',
    serverId: 'mailchimp',
    baseUrl: serviceUrl('mailchimp-login', MAILCHIMP_LOGIN),
    ...(log ? { log } : {}),
    auth: () => ({ authorization: `OAuth ${token}` }),
    mapError: (status, body) =>
      mailchimpError(status, body, { what: 'Mailchimp account', id: 'of the token' }),
    ...timing,
  });
}

/** The account an OAuth token belongs to, with its data centre (GET /oauth2/metadata). */
export async function fetchMetadata(
  token: string,
  tuning: ClientTuning = {},
  log?: ToolContext['log'],
  signal?: AbortSignal,
): Promise<{ dc: string; api_endpoint?: string; account_name?: string }> {
  const meta = await loginClient(token, tuning, log).get<Metadata>('oauth2/metadata', undefined, signal);
  const dc = text(meta?.dc)?.toLowerCase();
  if (!dc || !DC.test(dc)) {
    throw new ToolError('Mailchimp’s account metadata named no data centre for this token; sign in again');
  }
  const endpoint = text(meta.api_endpoint);
  const name = text(meta.accountname);
  return { dc, ...(endpoint ? { api_endpoint: endpoint } : {}), ...(name ? { account_name: name } : {}) };
}

/**
 * What `discover` stores after an OAuth sign-in: the data centre (`dc`, as guMCP stored it) and the API
 * endpoint Mailchimp gives for the account. A token whose account cannot be read fails the sign-in.
 */
export async function discoverDataCentre(
  credentials: Readonly<Credentials>,
  tuning: ClientTuning = {},
): Promise<Credentials> {
  const token = text(credentials.access_token);
  if (!token) throw new ToolError('The Mailchimp sign-in answered no access token');
  return fetchMetadata(token, tuning);
}

/** A client of the Marketing API in one data centre, authenticated as `access` says. */
function apiClient(
  access: Access,
  subject: Subject,
  tuning: ClientTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  const { connections: _c, ...timing } = tuning;
  return new UpstreamClient({
    service: 'Mailchimp',
    serverId: 'mailchimp',
    baseUrl: apiRoot(access.dc),
    ...(log ? { log } : {}),
    auth: () => ({ authorization: access.authorization }),
    mapError: (status, body) => mailchimpError(status, body, subject),
    ...timing,
  });
}

const basic = (key: string) => `Basic ${Buffer.from(`anystring:${key}`).toString('base64')}`;

/**
 * Checks an API key when it is entered (`gumcp auth mailchimp --api-key`): its data centre comes from its
 * suffix (`…-us6`), and `GET /ping` in that data centre must accept it. Stores the data centre and API
 * endpoint beside the key; a wrong key fails the sign-in without being echoed.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<Credentials> {
  const key = text(values.api_key);
  if (!key) throw new ToolError('api_key: enter the Mailchimp API key (Profile > Extras > API keys)');
  const dc = dataCentreOfKey(key);
  if (!dc) {
    throw new ToolError(
      'api_key: a Mailchimp API key ends with its data centre, like -us6; copy the whole key from Profile > Extras > API keys',
    );
  }
  const access: Access = { authorization: basic(key), dc, user: fingerprint(key) };
  try {
    await apiClient(access, { what: 'API key', id: '(the one entered)' }, tuning).get('ping');
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'Mailchimp rejected the API key: check that it was copied whole and has not been disabled',
      );
    }
    throw error;
  }
  return { dc, api_endpoint: `https://${dc}.api.mailchimp.com` };
}

/** A collection page's items and the total Mailchimp counts for the query. */
export interface Paged<T> {
  items: T[];
  total: number;
}

export const subscriberHash = (email: string) =>
  createHash('md5').update(email.trim().toLowerCase()).digest('hex');

const enc = encodeURIComponent;

/**
 * The Mailchimp Marketing API (3.0) calls of this server, in the account's data centre. The credentials
 * are read on every call (a token or key replaced mid-session is used from the next call on), and each
 * request takes one of the user's connection slots while it runs.
 */
export class MailchimpApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #limit: ConnectionLimit;
  readonly #tuning: ClientTuning;
  readonly #dcOfToken: Map<string, string>;

  constructor(
    ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
    limit: ConnectionLimit,
    tuning: ClientTuning,
    dcOfToken: Map<string, string>,
  ) {
    this.#ctx = ctx;
    this.#limit = limit;
    this.#tuning = tuning;
    this.#dcOfToken = dcOfToken;
  }

  async #access(): Promise<Access> {
    const creds = await this.#ctx.credentials();
    const stored = text(creds.dc)?.toLowerCase();
    if (stored !== undefined && !DC.test(stored)) {
      throw new AuthRequiredError('mailchimp', 'the stored data centre is not one Mailchimp names');
    }
    const token = text(creds.access_token);
    if (token) {
      const user = fingerprint(token);
      return { authorization: `Bearer ${token}`, dc: stored ?? (await this.#lookUpDc(token, user)), user };
    }
    const key = text(creds.api_key);
    if (key) {
      const dc = stored ?? dataCentreOfKey(key);
      if (!dc) throw new AuthRequiredError('mailchimp', 'the stored API key names no data centre (…-us6)');
      return { authorization: basic(key), dc, user: fingerprint(key) };
    }
    throw new AuthRequiredError('mailchimp', 'the stored credentials hold no access token or API key');
  }

  /** A token stored without its data centre (signed in elsewhere): looked up once per server instance. */
  async #lookUpDc(token: string, user: string): Promise<string> {
    const known = this.#dcOfToken.get(user);
    if (known) return known;
    const { dc } = await this.#limit.run(
      user,
      () => fetchMetadata(token, this.#tuning, this.#ctx.log, this.#ctx.signal),
      this.#ctx.signal,
    );
    if (this.#dcOfToken.size >= 1000) this.#dcOfToken.clear();
    this.#dcOfToken.set(user, dc);
    return dc;
  }

  async #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const access = await this.#access();
    const client = apiClient(access, subject, this.#tuning, this.#ctx.log);
    return this.#limit.run(
      access.user,
      () => client.request<T>(path, req, this.#ctx.signal),
      this.#ctx.signal,
    );
  }

  /** A collection read by `count`/`offset`, page after page, up to `limit` records. */
  async #collect<T>(
    subject: Subject,
    path: string,
    field: string,
    limit: number,
    query: Query = {},
  ): Promise<Paged<T>> {
    const items: T[] = [];
    let total = 0;
    for (let offset = 0; items.length < limit; ) {
      const count = Math.min(PAGE_SIZE, limit - items.length);
      const page = await this.#call<Record<string, unknown>>(subject, path, {
        query: { ...query, count, offset },
      });
      const got = Array.isArray(page?.[field]) ? (page[field] as T[]) : [];
      total = typeof page?.total_items === 'number' ? page.total_items : items.length + got.length;
      items.push(...got);
      offset += got.length;
      if (got.length < count || offset >= total) break;
    }
    return { items, total };
  }

  lists(limit: number): Promise<Paged<SubscriberList>> {
    return this.#collect({ what: 'Audiences', id: 'of the account' }, 'lists', 'lists', limit, {
      sort_field: 'date_created',
      sort_dir: 'DESC',
    });
  }

  list(listId: string): Promise<SubscriberList> {
    return this.#call({ what: 'Audience', id: listId }, `lists/${enc(listId)}`);
  }

  campaigns(limit: number, status?: string): Promise<Paged<Campaign>> {
    return this.#collect({ what: 'Campaigns', id: 'of the account' }, 'campaigns', 'campaigns', limit, {
      sort_field: 'create_time',
      sort_dir: 'DESC',
      status,
    });
  }

  campaign(campaignId: string): Promise<Campaign> {
    return this.#call({ what: 'Campaign', id: campaignId }, `campaigns/${enc(campaignId)}`);
  }

  async activity(listId: string, days: number): Promise<Activity[]> {
    const page = await this.#call<ActivityPage>(
      { what: 'Audience', id: listId },
      `lists/${enc(listId)}/activity`,
      {
        query: { count: days },
      },
    );
    return page?.activity ?? [];
  }

  /** The member with this email, or undefined when the audience has none. */
  async member(listId: string, email: string): Promise<Member | undefined> {
    try {
      return await this.#call<Member>(
        { what: 'Member', id: email },
        `lists/${enc(listId)}/members/${subscriberHash(email)}`,
      );
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * Adds or updates a member (PUT, keyed by the email's hash). Not repeated after a 5xx or a timeout: a
   * new subscriber may start the audience's welcome automation, so the caller checks before retrying.
   */
  upsertMember(listId: string, email: string, body: Record<string, unknown>): Promise<Member> {
    return this.#call(
      {
        what: 'Member',
        id: email,
        unrepeatable: `the member ${email} may have been added or updated, so check the audience before trying again`,
      },
      `lists/${enc(listId)}/members/${subscriberHash(email)}`,
      { method: 'PUT', body, idempotent: false },
    );
  }

  /** Adds tags to a member (answered with 204); adding a tag the member has changes nothing. */
  async addTags(listId: string, email: string, tags: readonly string[]): Promise<void> {
    await this.#call(
      { what: 'Member', id: email },
      `lists/${enc(listId)}/members/${subscriberHash(email)}/tags`,
      { method: 'POST', body: { tags: tags.map((name) => ({ name, status: 'active' })) }, idempotent: true },
    );
  }
}

export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>) => MailchimpApi;

/** The client of one server instance: one connection limit for all its sessions, as they share Mailchimp's. */
export function apiFactory(tuning: ClientTuning = {}): { connect: ApiFactory; limit: ConnectionLimit } {
  const { connections = MAILCHIMP_CONNECTIONS } = tuning;
  const limit = connections instanceof ConnectionLimit ? connections : new ConnectionLimit(connections);
  const dcOfToken = new Map<string, string>();
  return { connect: (ctx) => new MailchimpApi(ctx, limit, tuning, dcOfToken), limit };
}
