import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import {
  type FieldNames,
  type JsonAnswer,
  jsonData,
  rateLimitResetMs,
  redditError,
  type Subject,
} from './errors.js';
import { id36 } from './ids.js';

/** Reddit's OAuth API host: every call with a bearer token goes here, not to www.reddit.com. */
export const REDDIT_API = 'https://oauth.reddit.com';

/** This server's version, in its default User-Agent. */
export const REDDIT_SERVER_VERSION = '1.0.0';

/** The variable that sets the User-Agent Reddit requires (it names the app and its operator). */
export const USER_AGENT_VARIABLE = 'GUMCP_REDDIT_USER_AGENT';

/** A listing is bounded by Reddit near 1,000 items; past that `after` leads nowhere. */
export const MAX_LISTING_ITEMS = 1000;
/** Reddit's largest listing page. */
export const PAGE_SIZE = 100;
/** The largest listing page this server reads (a page of 100 posts is well under 1 MB). */
const LISTING_MAX_BYTES = 8 << 20;

/**
 * Timing knobs of the upstream client, the clock that dates rate-limit messages, and the User-Agent
 * (else GUMCP_REDDIT_USER_AGENT, else the default). Tests pass tiny values; production the defaults.
 */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  now?: () => number;
  userAgent?: string;
}

/**
 * The User-Agent sent with every call. Reddit asks for a unique, descriptive one naming the app,
 * its version and a contact (`<platform>:<app id>:<version> (by /u/<username>)`), and throttles
 * generic ones hard. An operator sets their own with GUMCP_REDDIT_USER_AGENT.
 */
export function userAgent(tuning: ClientTuning = {}): string {
  const configured = (tuning.userAgent ?? process.env[USER_AGENT_VARIABLE] ?? '').trim();
  if (!configured) return `server:gumcp-reddit:v${REDDIT_SERVER_VERSION} (gumcp MCP server for Reddit)`;
  // A header value cannot carry control characters; fetch would throw a TypeError at the first call.
  if (!/^[\x20-\x7e]{1,256}$/.test(configured)) {
    throw new ToolError(
      `${USER_AGENT_VARIABLE} must be printable ASCII of at most 256 characters, e.g. "server:myapp:v1.0 (by /u/yourname)"`,
    );
  }
  return configured;
}

function bearer(creds: Credentials): string {
  const token = creds.access_token;
  if (typeof token !== 'string' || !token.trim()) {
    throw new AuthRequiredError('reddit', 'the stored credentials hold no access token');
  }
  return `Bearer ${token.trim()}`;
}

// Shapes of Reddit's objects: the fields this server reads.

export interface Thing<T> {
  kind: string;
  data: T;
}

export interface ListingData<T> {
  after: string | null;
  before: string | null;
  dist?: number | null;
  children: Thing<T>[];
}

export interface Listing<T> {
  kind: 'Listing';
  data: ListingData<T>;
}

export interface RedditPost {
  id: string;
  name: string;
  title: string;
  author: string;
  author_fullname?: string;
  subreddit: string;
  subreddit_id?: string;
  selftext?: string;
  url?: string;
  permalink: string;
  domain?: string;
  score?: number;
  upvote_ratio?: number;
  num_comments?: number;
  created_utc: number;
  edited?: boolean | number;
  is_self?: boolean;
  is_video?: boolean;
  is_original_content?: boolean;
  over_18?: boolean;
  spoiler?: boolean;
  locked?: boolean;
  stickied?: boolean;
  archived?: boolean;
  link_flair_text?: string | null;
  post_hint?: string;
  removed_by_category?: string | null;
}

export interface RedditComment {
  id: string;
  name: string;
  parent_id: string;
  link_id: string;
  author: string;
  body: string;
  score?: number;
  created_utc: number;
  edited?: boolean | number;
  permalink?: string;
  is_submitter?: boolean;
  stickied?: boolean;
  depth?: number;
  replies?: Listing<RedditComment | MoreComments> | '';
}

/** A "load more comments" stub at the end of a listing of comments. */
export interface MoreComments {
  count: number;
  parent_id: string;
  children: string[];
}

export interface Account {
  name: string;
}

/** The form every write sends: Reddit answers errors in a JSON body only when asked with api_type=json. */
const form = (fields: Record<string, string | undefined>): URLSearchParams => {
  const body = new URLSearchParams({ api_type: 'json' });
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) body.set(key, value);
  return body;
};

const enc = encodeURIComponent;

interface Call {
  subject: Subject;
  serverErrorHint?: string;
  /** The scope this endpoint needs, when not the calling tool's (e.g. identity for api/v1/me). */
  scope?: string;
}

/**
 * The Reddit API calls, one method per endpoint, through the shared upstream client with the user's
 * token and the User-Agent Reddit requires. Writes are form-encoded with api_type=json; the errors
 * Reddit puts in the body of a 200 then become tool errors naming the argument.
 */
export class RedditApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, scope: string, tuning: ClientTuning) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  #now(): number {
    return this.#tuning.now?.() ?? Date.now();
  }

  #client(call: Call): UpstreamClient {
    const { now: _now, userAgent: _ua, ...timing } = this.#tuning;
    const agent = userAgent(this.#tuning);
    return new UpstreamClient({
      service: 'Reddit',
      serverId: 'reddit',
      baseUrl: serviceUrl('reddit', REDDIT_API),
      log: this.#ctx.log,
      // Read on every request, so a token the host refreshed is used from the next request on.
      auth: async () => ({ authorization: bearer(await this.#ctx.credentials()), 'user-agent': agent }),
      mapError: (status, body, headers) =>
        redditError(status, body, headers, { scope: this.#scope, ...call, now: this.#now() }),
      // Reddit's 429 names no Retry-After; its window resets X-Ratelimit-Reset seconds from now.
      retryDelay: (status, headers) => (status === 429 ? rateLimitResetMs(headers) : undefined),
      ...timing,
    });
  }

  #request<T>(call: Call, path: string, req: UpstreamRequest = {}): Promise<T> {
    return this.#client(call).request<T>(path, req, this.#ctx.signal);
  }

  /**
   * One listing page. Redirects are not followed: Reddit answers a subreddit that does not exist
   * with a redirect to its subreddit search, which would read as an empty listing.
   */
  async #listing<T>(call: Call, path: string, query: Query): Promise<T> {
    const answer = await this.#client(call).exchange<Buffer>(
      path,
      {
        query: { ...query, raw_json: 1 },
        bytes: { maxBytes: LISTING_MAX_BYTES },
        headers: { accept: 'application/json' },
      },
      this.#ctx.signal,
    );
    if (answer.status >= 300) throw new NotFoundError(call.subject.what, call.subject.id);
    try {
      return JSON.parse(answer.body.toString('utf8')) as T;
    } catch {
      throw new ToolError(`Reddit answered ${path} with something other than JSON; try again later`);
    }
  }

  /** A page of a subreddit's posts in one sort (`hot`, `new`, `top`, ...). */
  async subredditPage(subreddit: string, sort: string, query: Query): Promise<ListingData<RedditPost>> {
    const subject = { what: 'Subreddit', id: `r/${subreddit}` };
    const listing = await this.#listing<Listing<RedditPost>>({ subject }, `r/${subreddit}/${sort}`, query);
    return listing.data;
  }

  /** Posts and comments by fullname (up to 100); unknown ones are left out. */
  async info<T>(fullnames: readonly string[], subject: Subject): Promise<Thing<T>[]> {
    const listing = await this.#listing<Listing<T>>({ subject }, 'api/info', { id: fullnames.join(',') });
    return listing.data.children;
  }

  /** A post and its comment tree: Reddit answers two listings, the post and its top-level comments. */
  async comments(
    post: string,
    query: Query,
  ): Promise<[Listing<RedditPost>, Listing<RedditComment | MoreComments>]> {
    return this.#listing({ subject: { what: 'Post', id: post } }, `comments/${enc(id36(post))}`, query);
  }

  /** The user the token belongs to (scope identity). */
  me(): Promise<Account> {
    return this.#request(
      { subject: { what: 'Account', id: 'of the token' }, scope: 'identity' },
      'api/v1/me',
    );
  }

  /** A self (text) post. Not idempotent: it is retried only after a 429, never after a 5xx or timeout. */
  async submit(fields: Record<string, string | undefined>, names: FieldNames): Promise<SubmitData> {
    const answer = await this.#request<JsonAnswer<SubmitData>>(
      { subject: { what: 'Subreddit', id: `r/${fields.sr}` } },
      'api/submit',
      { method: 'POST', body: form(fields) },
    );
    const data = jsonData(answer, 'submit the post', names, this.#now());
    if (!data?.name)
      throw new ToolError(
        'Reddit did not say which post it created; check the subreddit before posting again',
      );
    return data;
  }

  /** A comment on a post, or a reply to a comment. Not idempotent, like `submit`. */
  async comment(parent: string, text: string, names: FieldNames): Promise<RedditComment | undefined> {
    const answer = await this.#request<JsonAnswer<{ things?: Thing<RedditComment>[] }>>(
      { subject: { what: parent.startsWith('t1_') ? 'Comment' : 'Post', id: parent } },
      'api/comment',
      { method: 'POST', body: form({ thing_id: parent, text }) },
    );
    return jsonData(answer, 'post the comment', names, this.#now())?.things?.[0]?.data;
  }

  /** Replaces the body of a text post or comment; sending it twice changes nothing more. */
  async editText<T>(thing: string, text: string, names: FieldNames): Promise<T | undefined> {
    const what = thing.startsWith('t1_') ? 'Comment' : 'Post';
    const answer = await this.#request<JsonAnswer<{ things?: Thing<T>[] }>>(
      {
        subject: { what, id: thing },
        serverErrorHint: `Reddit answers 500 to editing a link, image or video post (only text posts have a body to edit); otherwise try again later`,
      },
      'api/editusertext',
      { method: 'POST', body: form({ thing_id: thing, text }), idempotent: true },
    );
    // NO_THING_ID: "the thing_id parameter wasn't given or the ID doesn't exist".
    if (answer?.json?.errors?.[0]?.[0] === 'NO_THING_ID') throw new NotFoundError(what, thing);
    const data = jsonData(answer, `edit ${what.toLowerCase()} ${thing}`, names, this.#now());
    return data?.things?.[0]?.data;
  }

  /** Deletes a post or comment of the user. Reddit answers `{}` whether or not anything was deleted. */
  async del(thing: string): Promise<void> {
    await this.#request(
      { subject: { what: thing.startsWith('t1_') ? 'Comment' : 'Post', id: thing } },
      'api/del',
      { method: 'POST', body: form({ id: thing }), idempotent: true },
    );
  }
}

/** The `data` of a successful /api/submit of a text post. */
export interface SubmitData {
  id?: string;
  name?: string;
  url?: string;
}

/** Makes the Reddit client a tool uses; `scope` is named if Reddit says the token lacks one. */
export type ApiFactory = (
  ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
  scope: string,
) => RedditApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new RedditApi(ctx, scope, tuning);
}
