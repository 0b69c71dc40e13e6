import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import { UpstreamClient, type UpstreamOptions, type UpstreamRequest } from '../../upstream/client.js';
import { discourseError, rateLimitWait, type Subject } from './errors.js';
import { apiRoot, type DiscourseLogin, FIELDS, loginOf, parseSite } from './site.js';

/**
 * Timing knobs of the upstream client. Production uses the client's defaults; tests pass tiny values
 * through `createDiscourseServer(tuning)`.
 */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

// Shapes of the Discourse objects this server reads (the fields it uses).

export interface DcCategory {
  id: number;
  name: string;
  slug: string;
  description_text?: string | null;
  topic_count?: number;
  post_count?: number;
  read_restricted?: boolean;
  parent_category_id?: number | null;
  subcategory_ids?: number[];
  topic_url?: string | null;
}

export interface DcTopic {
  id: number;
  title: string;
  slug: string;
  category_id?: number | null;
  tags?: (string | { name: string })[];
  posts_count?: number;
  reply_count?: number;
  views?: number;
  like_count?: number;
  created_at?: string | null;
  last_posted_at?: string | null;
  closed?: boolean;
  archived?: boolean;
}

export interface DcPost {
  id: number;
  topic_id: number;
  post_number: number;
  username: string;
  name?: string | null;
  created_at?: string | null;
  cooked?: string;
  blurb?: string;
  reply_to_post_number?: number | string | null;
  topic_slug?: string;
}

export interface DcSearch {
  posts?: DcPost[];
  topics?: DcTopic[];
  grouped_search_result?: { more_full_page_results?: unknown; error?: string | null };
}

export interface DcUser {
  id: number;
  username: string;
  name?: string | null;
  title?: string | null;
  trust_level?: number;
  moderator?: boolean;
  admin?: boolean;
  created_at?: string | null;
  last_posted_at?: string | null;
  last_seen_at?: string | null;
  badge_count?: number;
  post_count?: number;
  topic_count?: number;
  profile_view_count?: number;
  bio_raw?: string | null;
  location?: string | null;
  website?: string | null;
}

export interface DcTopicDetail extends DcTopic {
  post_stream?: { posts?: DcPost[]; stream?: number[] };
  highest_post_number?: number;
}

export interface DcLatest {
  topic_list?: { topics?: DcTopic[]; more_topics_url?: string };
}

/** What POST /posts.json takes: a new topic (title, category) or a reply (topic_id). */
export type NewPost = Record<string, unknown>;

const enc = encodeURIComponent;

/**
 * The Discourse API calls, one method per endpoint, with the `Api-Key` and `Api-Username` headers
 * Discourse documents. Every request reads the stored login anew; `keyScope` is the API-key scope
 * named when Discourse refuses the key.
 */
export class DiscourseApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #keyScope: string;
  readonly #tuning: ClientTuning;

  constructor(
    ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
    keyScope: string,
    tuning: ClientTuning,
  ) {
    this.#ctx = ctx;
    this.#keyScope = keyScope;
    this.#tuning = tuning;
  }

  /** The forum's address as the user gave it, for links in results. */
  async site(): Promise<URL> {
    return loginOf(await this.#ctx.credentials()).site;
  }

  async #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const login = loginOf(await this.#ctx.credentials());
    return call<T>(login, await apiRoot(login), subject, path, req, {
      keyScope: this.#keyScope,
      tuning: this.#tuning,
      log: this.#ctx.log,
      signal: this.#ctx.signal,
      // Read again per attempt, so a key replaced mid-session is used from the next request on.
      headers: async () => headersOf(loginOf(await this.#ctx.credentials())),
    });
  }

  categories(includeSubcategories: boolean): Promise<{ category_list?: { categories?: DcCategory[] } }> {
    return this.#call({ what: 'Categories', id: 'list' }, 'categories.json', {
      query: { include_subcategories: includeSubcategories ? true : undefined },
    });
  }

  /** One page of search results (pages count from 1). */
  search(q: string, page: number): Promise<DcSearch> {
    return this.#call({ what: 'Search', id: 'results' }, 'search.json', { query: { q, page } });
  }

  /** Creates a topic or a post. Discourse has no idempotency key, so it is never retried after a 5xx. */
  createPost(body: NewPost, subject: Subject): Promise<DcPost> {
    return this.#call(subject, 'posts.json', { method: 'POST', body });
  }

  user(username: string): Promise<{ user: DcUser }> {
    return this.#call({ what: 'User', id: username }, `u/${enc(username)}.json`);
  }

  category(id: string): Promise<{ category: DcCategory }> {
    return this.#call({ what: 'Category', id }, `c/${enc(id)}/show.json`);
  }

  topic(id: string): Promise<DcTopicDetail> {
    return this.#call({ what: 'Topic', id }, `t/${enc(id)}.json`);
  }

  /** One page of the latest topics (pages count from 0, as Discourse's more_topics_url does). */
  latest(page: number): Promise<DcLatest> {
    return this.#call({ what: 'Topics', id: 'latest' }, 'latest.json', {
      query: { page: page || undefined },
    });
  }
}

const headersOf = (login: DiscourseLogin): Record<string, string> => ({
  'api-key': login.key,
  'api-username': login.username,
});

interface CallOptions {
  keyScope: string;
  tuning: ClientTuning;
  headers?: () => Promise<Record<string, string>>;
  log?: ToolContext['log'] | undefined;
  signal?: AbortSignal | undefined;
}

function call<T>(
  login: DiscourseLogin,
  baseUrl: string,
  subject: Subject,
  path: string,
  req: UpstreamRequest,
  options: CallOptions,
): Promise<T> {
  const client = new UpstreamClient({
    service: 'Discourse',
    serverId: 'discourse',
    baseUrl,
    ...(options.log ? { log: options.log } : {}),
    auth: options.headers ?? (() => headersOf(login)),
    mapError: (status, body, headers) => discourseError(status, body, headers, subject, options.keyScope),
    retryDelay: (status, headers, body) => (status === 429 ? rateLimitWait(headers, body) : undefined),
    ...options.tuning,
  });
  return client.request<T>(path, req, options.signal);
}

/**
 * Checks a login when it is entered (`gumcp auth discourse`, the connect page): the URL must be an
 * https forum on the public network, and the key must let its username read their own profile. A
 * wrong value fails the sign-in with what to fix; nothing besides the fields is stored.
 */
export async function verifyLogin(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<undefined> {
  const raw = values[FIELDS.url] ?? '';
  const site = parseSite(raw);
  const username = values[FIELDS.username]?.trim() ?? '';
  const key = values[FIELDS.key]?.trim() ?? '';
  if (!username || !key) throw new ToolError('Give the username and the API key.');
  const login: DiscourseLogin = { site, username, key };
  try {
    await call(
      login,
      await apiRoot(login),
      { what: 'User', id: username },
      `u/${enc(username)}.json`,
      {},
      {
        keyScope: 'users:show',
        tuning,
      },
    );
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        `Discourse at ${site.origin} refused the API key for "${username}": check the key was copied whole, is not revoked, and belongs to that user (or to all users)`,
      );
    }
    if (error instanceof NotFoundError) {
      throw new ToolError(`Discourse at ${site.origin} has no user "${username}"`);
    }
    throw error;
  }
  return undefined;
}

/** Makes the Discourse client a tool uses; `keyScope` is named if Discourse refuses the key. */
export type ApiFactory = (
  ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
  keyScope: string,
) => DiscourseApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, keyScope) => new DiscourseApi(ctx, keyScope, tuning);
}
