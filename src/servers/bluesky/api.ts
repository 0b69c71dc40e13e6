import type { ToolContext } from '../../core/context.js';
import { NotFoundError } from '../../core/errors.js';
import type { Query } from '../../upstream/client.js';
import { realClock } from '../../util/clock.js';
import { callError, type Subject, TokenRejected } from './errors.js';
import type { Facet } from './facets.js';
import type { RecordRef } from './ids.js';
import { Sessions, type StoredSession } from './session.js';
import { type BlueskyTuning, xrpcClient } from './xrpc.js';

// Shapes of the lexicons' views (app.bsky.actor.defs, app.bsky.feed.defs): the fields this server reads.

export interface ViewerState {
  muted?: boolean;
  blockedBy?: boolean;
  /** The AT URI of the user's block record of this account. */
  blocking?: string;
  /** The AT URI of the user's follow record of this account. */
  following?: string;
  followedBy?: string;
}

export interface ProfileView {
  did: string;
  handle: string;
  displayName?: string;
  description?: string;
  avatar?: string;
  createdAt?: string;
  indexedAt?: string;
  viewer?: ViewerState;
  labels?: { val: string }[];
}

export interface ProfileViewDetailed extends ProfileView {
  banner?: string;
  website?: string;
  pronouns?: string;
  followersCount?: number;
  followsCount?: number;
  postsCount?: number;
  pinnedPost?: { uri: string; cid: string };
}

export interface PostRecord {
  $type?: string;
  text?: string;
  createdAt?: string;
  langs?: string[];
  facets?: Facet[];
  reply?: { root?: { uri: string }; parent?: { uri: string } };
}

export interface PostView {
  uri: string;
  cid: string;
  author: ProfileView;
  record: PostRecord;
  embed?: { $type?: string; external?: { uri?: string }; images?: unknown[]; record?: { uri?: string } };
  replyCount?: number;
  repostCount?: number;
  likeCount?: number;
  quoteCount?: number;
  indexedAt: string;
  viewer?: { like?: string; repost?: string };
}

export interface FeedViewPost {
  post: PostView;
  reason?: { $type?: string; by?: ProfileView };
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** The largest page Bluesky's list and search queries give. */
export const PAGE_SIZE = 100;

/**
 * The Bluesky calls, one method per XRPC method, made to the account's PDS with the session's access
 * token (app.bsky.* queries are proxied by the PDS to the AppView). A token refused as expired is
 * refreshed once and the call made again; the refusal happened before the call did anything.
 */
export class BlueskyApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'store' | 'log' | 'signal' | 'serverId' | 'userId'>;
  readonly #tuning: BlueskyTuning;
  readonly sessions: Sessions;

  constructor(
    ctx: Pick<ToolContext, 'credentials' | 'store' | 'log' | 'signal' | 'serverId' | 'userId'>,
    tuning: BlueskyTuning,
  ) {
    this.#ctx = ctx;
    this.#tuning = tuning;
    this.sessions = new Sessions(ctx, tuning);
  }

  /** The signed-in account. */
  me(): Promise<StoredSession> {
    return this.sessions.current();
  }

  now(): Date {
    return new Date((this.#tuning.clock ?? realClock).now());
  }

  async #xrpc<T>(
    nsid: string,
    subject: Subject,
    req: { query?: Query; body?: unknown; idempotent?: boolean } = {},
  ): Promise<T> {
    let session = await this.sessions.current();
    for (let renewed = false; ; renewed = true) {
      const token = session.accessJwt;
      const client = xrpcClient(session.pds, {
        tuning: this.#tuning,
        log: this.#ctx.log,
        auth: () => ({ authorization: `Bearer ${token}` }),
        mapError: (status, body, headers, now) => callError(status, body, headers, subject, now),
      });
      try {
        return await client.request<T>(
          nsid,
          req.body === undefined
            ? { query: req.query }
            : {
                method: 'POST',
                body: req.body,
                ...(req.idempotent !== undefined ? { idempotent: req.idempotent } : {}),
              },
          this.#ctx.signal,
        );
      } catch (error) {
        if (!(error instanceof TokenRejected)) throw error;
        if (renewed) {
          await this.sessions.forget();
          throw error.signInAgain();
        }
        session = await this.sessions.renewAfter(session);
      }
    }
  }

  getProfile(actor: string): Promise<ProfileViewDetailed> {
    return this.#xrpc('app.bsky.actor.getProfile', { what: 'Account', id: actor }, { query: { actor } });
  }

  /** The DID of a handle, or undefined when it resolves to none (a mention of it stays plain text). */
  async resolveHandle(handle: string): Promise<string | undefined> {
    try {
      const { did } = await this.#xrpc<{ did: string }>(
        'com.atproto.identity.resolveHandle',
        { what: 'Handle', id: handle },
        { query: { handle } },
      );
      return did;
    } catch (error) {
      // HandleNotFound, or InvalidRequest "Unable to resolve handle".
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  async searchPosts(
    q: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<PostView> & { hitsTotal?: number }> {
    const out = await this.#xrpc<{ posts: PostView[]; cursor?: string; hitsTotal?: number }>(
      'app.bsky.feed.searchPosts',
      { what: 'Search', id: q },
      { query: { q, limit, cursor } },
    );
    return {
      items: out.posts ?? [],
      ...page(out.cursor),
      ...(out.hitsTotal !== undefined ? { hitsTotal: out.hitsTotal } : {}),
    };
  }

  async searchActors(q: string, limit: number, cursor?: string): Promise<Page<ProfileView>> {
    const out = await this.#xrpc<{ actors: ProfileView[]; cursor?: string }>(
      'app.bsky.actor.searchActors',
      { what: 'Search', id: q },
      { query: { q, limit, cursor } },
    );
    return { items: out.actors ?? [], ...page(out.cursor) };
  }

  async actorLikes(actor: string, limit: number, cursor?: string): Promise<Page<FeedViewPost>> {
    const out = await this.#xrpc<{ feed: FeedViewPost[]; cursor?: string }>(
      'app.bsky.feed.getActorLikes',
      { what: 'Account', id: actor },
      { query: { actor, limit, cursor } },
    );
    return { items: out.feed ?? [], ...page(out.cursor) };
  }

  async authorFeed(
    actor: string,
    limit: number,
    cursor?: string,
    filter?: string,
  ): Promise<Page<FeedViewPost>> {
    const out = await this.#xrpc<{ feed: FeedViewPost[]; cursor?: string }>(
      'app.bsky.feed.getAuthorFeed',
      { what: 'Account', id: actor },
      { query: { actor, limit, cursor, filter } },
    );
    return { items: out.feed ?? [], ...page(out.cursor) };
  }

  async follows(actor: string, limit: number, cursor?: string): Promise<Page<ProfileView>> {
    const out = await this.#xrpc<{ follows: ProfileView[]; cursor?: string }>(
      'app.bsky.graph.getFollows',
      { what: 'Account', id: actor },
      { query: { actor, limit, cursor } },
    );
    return { items: out.follows ?? [], ...page(out.cursor) };
  }

  async followers(actor: string, limit: number, cursor?: string): Promise<Page<ProfileView>> {
    const out = await this.#xrpc<{ followers: ProfileView[]; cursor?: string }>(
      'app.bsky.graph.getFollowers',
      { what: 'Account', id: actor },
      { query: { actor, limit, cursor } },
    );
    return { items: out.followers ?? [], ...page(out.cursor) };
  }

  getRecord(ref: RecordRef, what: string): Promise<{ uri: string; cid?: string; value: unknown }> {
    return this.#xrpc(
      'com.atproto.repo.getRecord',
      { what, id: `at://${ref.repo}/${ref.collection}/${ref.rkey}` },
      {
        query: { repo: ref.repo, collection: ref.collection, rkey: ref.rkey },
      },
    );
  }

  /**
   * A new record in the user's repository. Not idempotent: a post is never sent twice after a 5xx or
   * a timeout (the client retries it only after a 429, when Bluesky did not take it).
   */
  createRecord(
    repo: string,
    collection: string,
    record: Record<string, unknown>,
    subject: Subject,
  ): Promise<{ uri: string; cid: string; validationStatus?: string }> {
    return this.#xrpc('com.atproto.repo.createRecord', subject, { body: { repo, collection, record } });
  }

  /** Deletes a record, or makes sure it does not exist: repeating it changes nothing more. */
  async deleteRecord(ref: RecordRef, subject: Subject): Promise<void> {
    await this.#xrpc('com.atproto.repo.deleteRecord', subject, {
      body: { repo: ref.repo, collection: ref.collection, rkey: ref.rkey },
      idempotent: true,
    });
  }

  async muteActor(did: string, mute: boolean): Promise<void> {
    await this.#xrpc(
      mute ? 'app.bsky.graph.muteActor' : 'app.bsky.graph.unmuteActor',
      { what: 'Account', id: did },
      {
        body: { actor: did },
        idempotent: true,
      },
    );
  }
}

const page = (cursor: string | undefined): { cursor?: string } => (cursor ? { cursor } : {});

/**
 * Pages of a list followed until `limit` items, from `cursor`: Bluesky's pages hold at most 100.
 * Returns the cursor to continue from, or null at the end.
 */
export async function collect<T>(
  limit: number,
  cursor: string | undefined,
  fetch: (size: number, cursor: string | undefined) => Promise<Page<T>>,
): Promise<{ items: T[]; cursor: string | null }> {
  const items: T[] = [];
  let next = cursor;
  while (items.length < limit) {
    const got = await fetch(Math.min(PAGE_SIZE, limit - items.length), next);
    items.push(...got.items);
    next = got.cursor;
    if (!next || !got.items.length) break;
  }
  return { items: items.slice(0, limit), cursor: next ?? null };
}

export type ApiFactory = (
  ctx: Pick<ToolContext, 'credentials' | 'store' | 'log' | 'signal' | 'serverId' | 'userId'>,
) => BlueskyApi;

export function apiFactory(tuning: BlueskyTuning = {}): ApiFactory {
  return (ctx) => new BlueskyApi(ctx, tuning);
}
