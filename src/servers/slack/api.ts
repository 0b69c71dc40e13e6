import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';
import { type Query, serviceUrl, UpstreamClient, type UpstreamOptions } from '../../upstream/client.js';
import type { PinnedItem, Presence, SlackChannel, SlackMessage, SlackUser, UserSummary } from './schemas.js';

export const SERVER_ID = 'slack';
const SERVICE = 'Slack';

/**
 * Timing knobs of the upstream client. The defaults suit Slack; tests pass tiny backoffs and
 * timeouts so that retry and failure paths run in milliseconds.
 */
export type SlackClientOptions = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'
>;

/** What every Web API answer carries besides its data. Slack reports failures as HTTP 200 with ok: false. */
interface Envelope {
  ok: boolean;
  error?: string;
  /** The scope a missing_scope error asks for. */
  needed?: string;
  response_metadata?: { next_cursor?: string; messages?: string[] };
}

type Params = Record<string, unknown>;

/** Slack's page size for cursor pagination: it recommends 100 to 200. */
const PAGE_SIZE = 200;
/** Bounds every cursor walk, so that a misbehaving cursor cannot loop forever. */
const MAX_PAGES = 50;
/** users.info calls in flight at once when naming many users. */
const CONCURRENCY = 5;

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const CHANNEL_NAME = /^[a-z0-9_-]+$/;

const AUTH_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
]);

/** Error codes that mean "the thing you named does not exist", and how to name it from the call's arguments. */
const NOT_FOUND: Readonly<Record<string, (p: Params) => [what: string, id: string]>> = {
  channel_not_found: (p) => ['Channel', String(p.channel)],
  message_not_found: (p) => ['Message', `${String(p.ts ?? p.timestamp)} in channel ${String(p.channel)}`],
  thread_not_found: (p) => ['Thread', `${String(p.ts)} in channel ${String(p.channel)}`],
  user_not_found: (p) => ['User', String(p.user ?? p.users)],
  users_not_found: (p) => ['User', String(p.email ?? p.user ?? p.users)],
};

/** What a user can do about the other common error codes. */
const HINTS: Readonly<Record<string, string>> = {
  not_in_channel: 'the app is not a member of this channel; add it to the channel first',
  is_archived: 'the channel is archived',
  name_taken: 'a channel with this name already exists',
  invalid_name_specials:
    'channel names may contain only lowercase letters, numbers, hyphens and underscores (80 at most)',
  cant_delete_message: 'this token may only delete messages the app posted itself',
  cant_invite_self: 'the app cannot invite itself',
  cant_kick_self: 'the app cannot remove itself; archive or leave the channel instead',
  cant_kick_from_general: 'nobody can be removed from the workspace-wide general channel',
  cant_archive_general: 'the workspace-wide general channel cannot be archived',
  restricted_action: 'a workspace setting forbids this action for this token',
  invalid_blocks: 'the blocks are not valid Block Kit',
  msg_too_long: 'the message is too long',
  ratelimited: 'rate limited; try again in a minute',
};

/** Turns a Web API error answer into a tool error a user can act on. Never includes the token. */
function slackError(method: string, body: Envelope, params: Params): ToolError {
  const code = body.error ?? 'unknown_error';
  if (AUTH_ERRORS.has(code))
    return new AuthRequiredError(SERVER_ID, `Slack rejected the stored token (${code})`);
  if (code === 'missing_scope') return new MissingScopeError(body.needed ?? 'unknown');
  const notFound = NOT_FOUND[code];
  if (notFound) return new NotFoundError(...notFound(params));
  const details = [HINTS[code], ...(body.response_metadata?.messages ?? [])].filter(Boolean);
  return new ToolError(
    `Slack rejected ${method}: ${code}${details.length ? ` (${details.join('; ')})` : ''}`,
  );
}

const isEnvelope = (body: unknown): body is Envelope =>
  typeof body === 'object' && body !== null && typeof (body as Envelope).ok === 'boolean';

/** Runs `fn` over `items` with at most `limit` calls in flight, keeping the order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const displayName = (u: SlackUser): string | undefined => u.real_name || u.profile?.real_name || u.name;

/**
 * The Slack Web API calls the tools make, for one tool call or resource request. Reads are GET
 * with a query string; writes are POST with a JSON body, which Slack accepts for write methods
 * when the token travels in the Authorization header.
 */
export class SlackApi {
  readonly #ctx: Pick<ToolContext, 'log' | 'signal' | 'credentials'>;
  readonly #options: SlackClientOptions;

  constructor(ctx: Pick<ToolContext, 'log' | 'signal' | 'credentials'>, options: SlackClientOptions = {}) {
    this.#ctx = ctx;
    this.#options = options;
  }

  // --- transport -------------------------------------------------------------------------------

  /** A client for one call: its error mapping needs the call's method and arguments. */
  #client(method: string, params: Params): UpstreamClient {
    return new UpstreamClient({
      ...this.#options,
      service: SERVICE,
      serverId: SERVER_ID,
      baseUrl: serviceUrl(SERVER_ID, 'https://slack.com/api'),
      log: this.#ctx.log,
      // Asked on every request, so a token refreshed mid-session is used from the next request on.
      auth: async () => ({ authorization: `Bearer ${await this.#token()}` }),
      mapError: (status, body) => {
        // Rare non-200 answers that still carry a Slack error code; 429 and 5xx keep the generic wording.
        return status < 500 && status !== 429 && isEnvelope(body) && body.error
          ? slackError(method, body, params)
          : undefined;
      },
    });
  }

  async #token(): Promise<string> {
    const token = (await this.#ctx.credentials()).access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError(SERVER_ID, 'the stored credentials hold no access token');
    }
    return token;
  }

  #check<T>(method: string, body: unknown, params: Params, tolerate: readonly string[]): T & Envelope {
    if (!isEnvelope(body)) throw new ToolError(`Slack answered ${method} with something other than JSON`);
    if (!body.ok && !tolerate.includes(body.error ?? '')) throw slackError(method, body, params);
    return body as T & Envelope;
  }

  async read<T>(method: string, query: Query): Promise<T & Envelope> {
    const body = await this.#client(method, query).request<unknown>(method, { query }, this.#ctx.signal);
    return this.#check<T>(method, body, query, []);
  }

  /**
   * A write. Error codes in `tolerate` mean "already done" and come back as ok: false instead of
   * failing. Writes are retried after a 5xx or a timeout unless `retry: false` says repeating them
   * would repeat their effect (a 429 is always retried: Slack did not run the call).
   */
  async write<T>(
    method: string,
    params: Params,
    opts: { tolerate?: readonly string[]; retry?: boolean } = {},
  ): Promise<T & Envelope> {
    const body = await this.#client(method, params).request<unknown>(
      method,
      {
        method: 'POST',
        body: params,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        idempotent: opts.retry ?? true,
      },
      this.#ctx.signal,
    );
    return this.#check<T>(method, body, params, opts.tolerate ?? []);
  }

  /** Follows response_metadata.next_cursor, one page of `key` items at a time, until `want` items came. */
  async *#pages<T>(
    method: string,
    query: Query,
    key: string,
    want = Number.POSITIVE_INFINITY,
  ): AsyncGenerator<{ items: T[]; more: boolean }> {
    let cursor: string | undefined;
    let fetched = 0;
    for (let page = 0; page < MAX_PAGES && fetched < want; page++) {
      const body = await this.read<Record<string, unknown>>(method, {
        ...query,
        limit: Math.min(PAGE_SIZE, want - fetched),
        cursor,
      });
      const items = (body[key] as T[] | undefined) ?? [];
      fetched += items.length;
      cursor = body.response_metadata?.next_cursor || undefined;
      yield { items, more: cursor !== undefined };
      if (!cursor) return;
    }
  }

  /** Up to `limit` items of a paginated method, and whether more were left. */
  async #collect<T>(method: string, query: Query, key: string, limit: number) {
    const items: T[] = [];
    let more = false;
    for await (const page of this.#pages<T>(method, query, key, limit)) {
      items.push(...page.items);
      more = page.more;
    }
    return { items: items.slice(0, limit), more: more || items.length > limit };
  }

  // --- names to IDs ----------------------------------------------------------------------------

  /**
   * A channel ID as is, or the ID of a `#name` found by walking conversations.list. A bare
   * lowercase name counts as a name too: channel IDs are uppercase, channel names never are.
   */
  async channelId(channel: string): Promise<string> {
    if (!channel.startsWith('#') && !CHANNEL_NAME.test(channel)) return channel;
    const name = channel.replace(/^#/, '');
    const query = { types: 'public_channel,private_channel' };
    for await (const page of this.#pages<SlackChannel>('conversations.list', query, 'channels')) {
      const hit = page.items.find((c) => c.name === name);
      if (hit) return hit.id;
    }
    throw new NotFoundError('Channel', channel);
  }

  /** A user ID as is; an email through users.lookupByEmail; a name by walking users.list. */
  async userId(user: string): Promise<string> {
    if (USER_ID.test(user)) return user;
    if (/^[^@\s]+@[^@\s]+$/.test(user)) {
      return (await this.read<{ user: SlackUser }>('users.lookupByEmail', { email: user })).user.id;
    }
    const name = user.replace(/^@/, '');
    for await (const page of this.#pages<SlackUser>('users.list', {}, 'members')) {
      const hit = page.items.find(
        (u) =>
          !u.deleted && [u.name, u.real_name, u.profile?.display_name, u.profile?.real_name].includes(name),
      );
      if (hit) return hit.id;
    }
    throw new NotFoundError('User', user);
  }

  /** Where a message goes: a channel reference, or `@name` for a direct message with that user. */
  async conversationId(target: string): Promise<string> {
    if (!target.startsWith('@')) return this.channelId(target);
    const users = await this.userId(target);
    return (await this.write<{ channel: { id: string } }>('conversations.open', { users })).channel.id;
  }

  // --- reading ---------------------------------------------------------------------------------

  /** Recent messages of a channel, oldest first, with their authors' names. */
  async history(channel: string, opts: { limit: number; oldest?: string; latest?: string }) {
    const query = {
      channel,
      oldest: opts.oldest,
      latest: opts.latest,
      inclusive: opts.oldest || opts.latest ? true : undefined,
    };
    const { items, more } = await this.#collect<SlackMessage>(
      'conversations.history',
      query,
      'messages',
      opts.limit,
    );
    return { messages: await this.#withNames(items.reverse()), more };
  }

  /** A thread: its parent message first, then the replies in order. */
  async thread(channel: string, ts: string, limit: number) {
    const { items, more } = await this.#collect<SlackMessage>(
      'conversations.replies',
      { channel, ts },
      'messages',
      limit,
    );
    return { messages: await this.#withNames(items), more };
  }

  /** One page of channels for resource listing; `next` is Slack's cursor for the following page. */
  async channelsPage(cursor: string | undefined) {
    const body = await this.read<{ channels?: SlackChannel[] }>('conversations.list', {
      types: 'public_channel,private_channel',
      exclude_archived: true,
      limit: 100,
      cursor,
    });
    return { channels: body.channels ?? [], next: body.response_metadata?.next_cursor || undefined };
  }

  async pins(channel: string): Promise<PinnedItem[]> {
    return (await this.read<{ items?: PinnedItem[] }>('pins.list', { channel })).items ?? [];
  }

  /** The output schema keeps the documented presence fields and drops the envelope. */
  async presence(user: string): Promise<Presence> {
    return { ...(await this.read<Omit<Presence, 'user'>>('users.getPresence', { user })), user };
  }

  /** Up to `limit` members of a channel, each described by users.info. */
  async members(channel: string, limit: number) {
    const { items, more } = await this.#collect<string>(
      'conversations.members',
      { channel },
      'members',
      limit,
    );
    const users = await mapLimit(items, CONCURRENCY, async (id): Promise<UserSummary> => {
      const u = (await this.read<{ user: SlackUser }>('users.info', { user: id })).user;
      return {
        id: u.id,
        name: u.name,
        real_name: u.real_name ?? u.profile?.real_name,
        display_name: u.profile?.display_name,
        email: u.profile?.email,
        is_admin: u.is_admin,
        is_owner: u.is_owner,
        is_bot: u.is_bot,
        deleted: u.deleted,
        updated: u.updated,
      };
    });
    return { users, more };
  }

  /** Adds `user_name` to messages, one users.info per distinct author; a failed lookup leaves it out. */
  async #withNames(messages: SlackMessage[]): Promise<SlackMessage[]> {
    const ids = [...new Set(messages.map((m) => m.user).filter((u): u is string => !!u))];
    const names = new Map<string, string | undefined>();
    await mapLimit(ids, CONCURRENCY, async (id) => {
      try {
        names.set(id, displayName((await this.read<{ user: SlackUser }>('users.info', { user: id })).user));
      } catch (error) {
        // Names are a courtesy: without users:read the messages are still worth returning.
        if (!(error instanceof ToolError)) throw error;
      }
    });
    return messages.map((m) => {
      const name = m.user ? names.get(m.user) : undefined;
      return name ? { ...m, user_name: name } : m;
    });
  }

  // --- writing ---------------------------------------------------------------------------------

  async post(channel: string, message: { text: string; thread_ts?: string; blocks?: unknown[] }) {
    const params = { channel, ...message };
    return this.write<{ channel: string; ts: string; message?: SlackMessage }>('chat.postMessage', params, {
      retry: false,
    });
  }

  async deleteMessage(channel: string, ts: string): Promise<void> {
    await this.write('chat.delete', { channel, ts });
  }

  /** A write that may find its work already done: answers whether it changed anything. */
  async #change(method: string, params: Params, alreadyDone: string): Promise<boolean> {
    return (await this.write(method, params, { tolerate: [alreadyDone] })).ok;
  }

  react(channel: string, timestamp: string, name: string): Promise<boolean> {
    return this.#change('reactions.add', { channel, timestamp, name }, 'already_reacted');
  }

  pin(channel: string, timestamp: string): Promise<boolean> {
    return this.#change('pins.add', { channel, timestamp }, 'already_pinned');
  }

  unpin(channel: string, timestamp: string): Promise<boolean> {
    return this.#change('pins.remove', { channel, timestamp }, 'no_pin');
  }

  invite(channel: string, user: string): Promise<boolean> {
    return this.#change('conversations.invite', { channel, users: user }, 'already_in_channel');
  }

  /** Slack's not_in_channel here means the user was not a member: nothing to do. */
  kick(channel: string, user: string): Promise<boolean> {
    return this.#change('conversations.kick', { channel, user }, 'not_in_channel');
  }

  archive(channel: string): Promise<boolean> {
    return this.#change('conversations.archive', { channel }, 'already_archived');
  }

  unarchive(channel: string): Promise<boolean> {
    return this.#change('conversations.unarchive', { channel }, 'not_archived');
  }

  async createChannel(name: string, isPrivate: boolean, teamId?: string): Promise<SlackChannel> {
    const params = { name, is_private: isPrivate, team_id: teamId };
    return (await this.write<{ channel: SlackChannel }>('conversations.create', params, { retry: false }))
      .channel;
  }

  /** Older workspaces answer these two without the channel object; the new text is known anyway. */
  async setTopic(channel: string, topic: string): Promise<SlackChannel> {
    const body = await this.write<{ channel?: SlackChannel }>('conversations.setTopic', { channel, topic });
    return body.channel ?? { id: channel, topic: { value: topic } };
  }

  async setPurpose(channel: string, purpose: string): Promise<SlackChannel> {
    const body = await this.write<{ channel?: SlackChannel }>('conversations.setPurpose', {
      channel,
      purpose,
    });
    return body.channel ?? { id: channel, purpose: { value: purpose } };
  }
}
