import { type FakeService, type RecordedRequest, startFake } from '../../../testing/fake-service.js';
import slack from '../index.js';

/**
 * A stand-in for the Slack Web API (https://slack.com/api/<method>) on loopback, with a small
 * workspace behind it. Answers follow Slack's documented shapes: HTTP 200 with `ok: true` and the
 * method's fields, or `ok: false` with an error code (plus `needed`/`provided` for missing_scope);
 * lists are cursor-paginated through `limit`, `cursor` and `response_metadata.next_cursor`.
 * Like Slack, it takes arguments from the query string, a JSON body or a form body.
 */

export interface FakeMessage {
  type: 'message';
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  thread_ts?: string;
  reply_count?: number;
  reactions?: { name: string; count: number; users: string[] }[];
  blocks?: unknown[];
}

export interface FakeChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_archived: boolean;
  created: number;
  creator: string;
  topic: { value: string; creator: string; last_set: number };
  purpose: { value: string; creator: string; last_set: number };
  members: string[];
  /** Oldest first; Slack's history answers newest first. */
  messages: FakeMessage[];
  /** Timestamps of pinned messages. */
  pins: string[];
}

export interface FakeUser {
  id: string;
  name: string;
  real_name: string;
  deleted: boolean;
  is_admin: boolean;
  is_owner: boolean;
  is_bot: boolean;
  updated: number;
  profile: { real_name: string; display_name: string; email?: string };
  presence: 'active' | 'away';
}

export interface Workspace {
  team: { id: string; name: string };
  /** The app's bot user: the author of what the tools post. */
  botUser: string;
  channels: FakeChannel[];
  users: FakeUser[];
  /** Direct-message conversations opened by conversations.open, by user ID. */
  ims: Map<string, string>;
}

/** A call to a Web API method as it reached the fake. */
export interface SlackCall {
  httpMethod: string;
  /** The Web API method, e.g. chat.postMessage. */
  method: string;
  query: URLSearchParams;
  /** The parsed JSON or form body, if any. */
  body: unknown;
  /** Arguments from the query string and the body together. */
  params: Record<string, unknown>;
  authorization: string | undefined;
  contentType: string | undefined;
}

export interface FakeSlack {
  /** The API root to point the server at, like https://slack.com/api. */
  readonly apiUrl: string;
  readonly service: FakeService;
  readonly workspace: Workspace;
  /** Bearer tokens the fake accepts, with the scopes each was granted. */
  readonly tokens: Map<string, Set<string>>;
  /** Calls to one Web API method, in order. */
  calls(method: string): SlackCall[];
  /** Every call, in order. */
  allCalls(): SlackCall[];
  close(): Promise<void>;
}

/** Every scope the server asks for, plus the two the README lists as optional: DMs to @user, users by email. */
export const ALL_SCOPES = [
  ...(slack.auth.kind === 'oauth2' ? slack.auth.scopes : []),
  'im:write',
  'users:read.email',
];

type Params = Record<string, unknown>;
type Answer = Record<string, unknown>;

const fail = (error: string, extra: Answer = {}): Answer => ({ ok: false, error, ...extra });

const user = (id: string, name: string, realName: string, extra: Partial<FakeUser> = {}): FakeUser => ({
  id,
  name,
  real_name: realName,
  deleted: false,
  is_admin: false,
  is_owner: false,
  is_bot: false,
  updated: 1_690_000_000,
  profile: { real_name: realName, display_name: name, email: `${name}@example.com` },
  presence: 'active',
  ...extra,
});

const channel = (id: string, name: string, extra: Partial<FakeChannel> = {}): FakeChannel => ({
  id,
  name,
  is_private: false,
  is_archived: false,
  created: 1_600_000_000,
  creator: 'U01ALICE',
  topic: { value: '', creator: '', last_set: 0 },
  purpose: { value: '', creator: '', last_set: 0 },
  members: [],
  messages: [],
  pins: [],
  ...extra,
});

/** A small workspace: four people and a bot, four channels, a thread and a pin in #general. */
export function seedWorkspace(): Workspace {
  return {
    team: { id: 'T01TEAM', name: 'Acme' },
    botUser: 'U0BOT',
    users: [
      user('U01ALICE', 'alice', 'Alice Archer', { is_admin: true, is_owner: true }),
      user('U02BOB', 'bob', 'Bob Baker', { presence: 'away' }),
      user('U03CAROL', 'carol', 'Carol Chen'),
      user('U04DAVE', 'dave', 'Dave Dunn'),
      user('U0BOT', 'gumcp', 'guMCP', {
        is_bot: true,
        profile: { real_name: 'guMCP', display_name: 'gumcp' },
      }),
    ],
    channels: [
      channel('C01GENERAL', 'general', {
        members: ['U01ALICE', 'U02BOB', 'U03CAROL', 'U0BOT'],
        topic: { value: 'Company-wide', creator: 'U01ALICE', last_set: 1_600_000_000 },
        messages: [
          {
            type: 'message',
            ts: '1700000000.000100',
            user: 'U01ALICE',
            text: 'Lunch?',
            thread_ts: '1700000000.000100',
            reply_count: 2,
          },
          {
            type: 'message',
            ts: '1700000010.000200',
            user: 'U02BOB',
            text: 'Yes',
            thread_ts: '1700000000.000100',
          },
          {
            type: 'message',
            ts: '1700000020.000300',
            user: 'U03CAROL',
            text: 'Me too',
            thread_ts: '1700000000.000100',
          },
          { type: 'message', ts: '1700000100.000000', user: 'U02BOB', text: 'Release notes are out' },
          { type: 'message', ts: '1700000200.000000', bot_id: 'B01DEPLOY', text: 'Deploy finished' },
          {
            type: 'message',
            ts: '1700000300.000000',
            user: 'U0BOT',
            bot_id: 'B0GUMCP',
            text: 'Posted by the app',
          },
        ],
        pins: ['1700000100.000000'],
      }),
      channel('C02RANDOM', 'random', { members: ['U01ALICE', 'U0BOT'] }),
      channel('G03SECRET', 'secret-plans', { is_private: true, members: ['U01ALICE', 'U0BOT'] }),
      channel('C04OLD', 'old-project', { is_archived: true, members: ['U0BOT'] }),
    ],
    ims: new Map(),
  };
}

/** The scopes Slack documents for each bot-token method; any one of them suffices here. */
const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'conversations.list': ['channels:read', 'groups:read'],
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'conversations.members': ['channels:read', 'groups:read'],
  'conversations.invite': ['channels:manage', 'groups:write'],
  'conversations.kick': ['channels:manage', 'groups:write'],
  'conversations.create': ['channels:manage', 'groups:write'],
  'conversations.setTopic': ['channels:manage', 'groups:write'],
  'conversations.setPurpose': ['channels:manage', 'groups:write'],
  'conversations.archive': ['channels:manage', 'groups:write'],
  'conversations.unarchive': ['channels:manage', 'groups:write'],
  'conversations.open': ['im:write'],
  'chat.postMessage': ['chat:write'],
  'chat.delete': ['chat:write'],
  'reactions.add': ['reactions:write'],
  'pins.add': ['pins:write'],
  'pins.remove': ['pins:write'],
  'pins.list': ['pins:read'],
  'users.info': ['users:read'],
  'users.list': ['users:read'],
  'users.getPresence': ['users:read'],
  'users.lookupByEmail': ['users:read.email'],
};

/** Cursor pagination as Slack does it: opaque base64 cursors, an empty next_cursor on the last page. */
function paginate<T>(
  items: readonly T[],
  p: Params,
  fallback = 100,
): { page: T[]; next: string } | undefined {
  let offset = 0;
  if (p.cursor) {
    const match = /^offset:(\d+)$/.exec(Buffer.from(String(p.cursor), 'base64').toString());
    if (!match) return undefined;
    offset = Number(match[1]);
  }
  const limit = Math.max(1, Number(p.limit ?? fallback) || fallback);
  const next =
    offset + limit < items.length ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
  return { page: items.slice(offset, offset + limit), next };
}

const flag = (value: unknown): boolean => value === true || value === 'true' || value === '1';

function paramsOf(req: RecordedRequest): Params {
  const body = req.body && typeof req.body === 'object' ? (req.body as Params) : {};
  return { ...Object.fromEntries(req.query), ...body };
}

export async function startFakeSlack(workspace: Workspace = seedWorkspace()): Promise<FakeSlack> {
  const service = await startFake();
  const tokens = new Map<string, Set<string>>();
  const ws = workspace;
  let clock = 1_700_001_000;
  const nextTs = () => `${++clock}.000100`;

  const channelById = (id: unknown) => ws.channels.find((c) => c.id === id);
  const userById = (id: unknown) => ws.users.find((u) => u.id === id);
  const userJson = ({ presence: _presence, ...u }: FakeUser) => ({ ...u, team_id: ws.team.id });
  const channelJson = ({ messages: _m, pins: _p, members, ...c }: FakeChannel) => ({
    ...c,
    is_channel: !c.is_private,
    is_group: c.is_private,
    is_member: members.includes(ws.botUser),
    num_members: members.length,
    context_team_id: ws.team.id,
  });
  const findMessage = (c: FakeChannel, ts: unknown) => c.messages.find((m) => m.ts === ts);

  /** Looks up the channel a call names, or answers the error Slack would. */
  const withChannel = (p: Params, run: (c: FakeChannel) => Answer): Answer => {
    const c = channelById(p.channel);
    return c ? run(c) : fail('channel_not_found');
  };
  const withMessage = (p: Params, ts: unknown, run: (c: FakeChannel, m: FakeMessage) => Answer): Answer =>
    withChannel(p, (c) => {
      const m = findMessage(c, ts);
      return m ? run(c, m) : fail('message_not_found');
    });

  const methods: Record<string, (p: Params) => Answer> = {
    'conversations.list': (p) => {
      const types = String(p.types ?? 'public_channel').split(',');
      const listed = ws.channels.filter(
        (c) =>
          types.includes(c.is_private ? 'private_channel' : 'public_channel') &&
          !(flag(p.exclude_archived) && c.is_archived),
      );
      const paged = paginate(listed, p);
      if (!paged) return fail('invalid_cursor');
      return { channels: paged.page.map(channelJson), response_metadata: { next_cursor: paged.next } };
    },
    'conversations.history': (p) =>
      withChannel(p, (c) => {
        const inclusive = flag(p.inclusive);
        const after = (ts: string) =>
          p.oldest === undefined || (inclusive ? ts >= String(p.oldest) : ts > String(p.oldest));
        const before = (ts: string) =>
          p.latest === undefined || (inclusive ? ts <= String(p.latest) : ts < String(p.latest));
        const top = c.messages.filter(
          (m) => (!m.thread_ts || m.thread_ts === m.ts) && after(m.ts) && before(m.ts),
        );
        const paged = paginate([...top].reverse(), p);
        if (!paged) return fail('invalid_cursor');
        return {
          messages: paged.page,
          has_more: paged.next !== '',
          pin_count: c.pins.length,
          response_metadata: { next_cursor: paged.next },
        };
      }),
    'conversations.replies': (p) =>
      withChannel(p, (c) => {
        if (!findMessage(c, p.ts)) return fail('thread_not_found');
        const thread = c.messages.filter((m) => m.ts === p.ts || m.thread_ts === p.ts);
        const paged = paginate(thread, p, 1000);
        if (!paged) return fail('invalid_cursor');
        return {
          messages: paged.page,
          has_more: paged.next !== '',
          response_metadata: { next_cursor: paged.next },
        };
      }),
    'conversations.members': (p) =>
      withChannel(p, (c) => {
        const paged = paginate(c.members, p);
        if (!paged) return fail('invalid_cursor');
        return { members: paged.page, response_metadata: { next_cursor: paged.next } };
      }),
    'conversations.invite': (p) =>
      withChannel(p, (c) => {
        if (!c.members.includes(ws.botUser)) return fail('not_in_channel');
        const ids = String(p.users ?? '').split(',');
        if (!ids.every((id) => userById(id))) return fail('user_not_found');
        if (ids.every((id) => c.members.includes(id))) return fail('already_in_channel');
        c.members.push(...ids.filter((id) => !c.members.includes(id)));
        return { channel: channelJson(c) };
      }),
    'conversations.kick': (p) =>
      withChannel(p, (c) => {
        if (!userById(p.user)) return fail('user_not_found');
        if (p.user === ws.botUser) return fail('cant_kick_self');
        if (!c.members.includes(String(p.user))) return fail('not_in_channel');
        c.members = c.members.filter((id) => id !== p.user);
        return {};
      }),
    'conversations.create': (p) => {
      const name = String(p.name ?? '');
      if (!/^[a-z0-9_-]{1,80}$/.test(name)) return fail('invalid_name_specials');
      if (ws.channels.some((c) => c.name === name)) return fail('name_taken');
      const isPrivate = flag(p.is_private);
      const created = channel(`${isPrivate ? 'G' : 'C'}0${ws.channels.length + 1}NEW`, name, {
        is_private: isPrivate,
        creator: ws.botUser,
        created: clock,
        members: [ws.botUser],
      });
      ws.channels.push(created);
      return { channel: channelJson(created) };
    },
    'conversations.setTopic': (p) =>
      withChannel(p, (c) => {
        c.topic = { value: String(p.topic ?? ''), creator: ws.botUser, last_set: clock };
        return { channel: channelJson(c) };
      }),
    'conversations.setPurpose': (p) =>
      withChannel(p, (c) => {
        c.purpose = { value: String(p.purpose ?? ''), creator: ws.botUser, last_set: clock };
        return { channel: channelJson(c) };
      }),
    'conversations.archive': (p) =>
      withChannel(p, (c) => {
        if (c.is_archived) return fail('already_archived');
        if (c.name === 'general') return fail('cant_archive_general');
        c.is_archived = true;
        return {};
      }),
    'conversations.unarchive': (p) =>
      withChannel(p, (c) => {
        if (!c.is_archived) return fail('not_archived');
        c.is_archived = false;
        return {};
      }),
    'conversations.open': (p) => {
      const id = String(p.users ?? '');
      if (!userById(id)) return fail('user_not_found');
      const existing = ws.ims.get(id);
      const dm = existing ?? `D0${id}`;
      if (!existing) {
        ws.ims.set(id, dm);
        ws.channels.push(channel(dm, dm, { is_private: true, members: [id, ws.botUser] }));
      }
      return { channel: { id: dm }, ...(existing ? { already_open: true } : {}) };
    },
    'chat.postMessage': (p) =>
      withChannel(p, (c) => {
        if (c.is_archived) return fail('is_archived');
        if (!c.members.includes(ws.botUser)) return fail('not_in_channel');
        if (p.thread_ts !== undefined && !findMessage(c, p.thread_ts)) return fail('thread_not_found');
        const message: FakeMessage = {
          type: 'message',
          ts: nextTs(),
          user: ws.botUser,
          bot_id: 'B0GUMCP',
          text: String(p.text ?? ''),
          ...(p.thread_ts ? { thread_ts: String(p.thread_ts) } : {}),
          ...(Array.isArray(p.blocks) ? { blocks: p.blocks } : {}),
        };
        c.messages.push(message);
        return { channel: c.id, ts: message.ts, message: { ...message, team: ws.team.id } };
      }),
    'chat.delete': (p) =>
      withMessage(p, p.ts, (c, m) => {
        if (m.user !== ws.botUser) return fail('cant_delete_message');
        c.messages = c.messages.filter((x) => x !== m);
        return { channel: c.id, ts: m.ts };
      }),
    'reactions.add': (p) =>
      withMessage(p, p.timestamp, (_c, m) => {
        const name = String(p.name ?? '');
        if (!/^[a-z0-9_+-]+$/.test(name)) return fail('invalid_name');
        m.reactions ??= [];
        const existing = m.reactions.find((r) => r.name === name);
        if (existing?.users.includes(ws.botUser)) return fail('already_reacted');
        if (existing) {
          existing.users.push(ws.botUser);
          existing.count++;
        } else m.reactions.push({ name, count: 1, users: [ws.botUser] });
        return {};
      }),
    'pins.add': (p) =>
      withMessage(p, p.timestamp, (c, m) => {
        if (c.pins.includes(m.ts)) return fail('already_pinned');
        c.pins.push(m.ts);
        return {};
      }),
    'pins.remove': (p) =>
      withMessage(p, p.timestamp, (c, m) => {
        if (!c.pins.includes(m.ts)) return fail('no_pin');
        c.pins = c.pins.filter((ts) => ts !== m.ts);
        return {};
      }),
    'pins.list': (p) =>
      withChannel(p, (c) => ({
        items: c.pins.flatMap((ts) => {
          const m = findMessage(c, ts);
          return m
            ? [
                {
                  type: 'message',
                  created: 1_700_000_500,
                  created_by: 'U01ALICE',
                  channel: c.id,
                  message: { ...m, pinned_to: [c.id] },
                },
              ]
            : [];
        }),
      })),
    'users.info': (p) => {
      const u = userById(p.user);
      return u ? { user: userJson(u) } : fail('user_not_found');
    },
    'users.list': (p) => {
      const paged = paginate(ws.users, p);
      if (!paged) return fail('invalid_cursor');
      return {
        members: paged.page.map(userJson),
        cache_ts: clock,
        response_metadata: { next_cursor: paged.next },
      };
    },
    'users.lookupByEmail': (p) => {
      const u = ws.users.find((x) => x.profile.email === p.email);
      return u ? { user: userJson(u) } : fail('users_not_found');
    },
    'users.getPresence': (p) => {
      const u = userById(p.user);
      if (!u) return fail('user_not_found');
      // Details come only for the token's own user, as Slack documents.
      if (u.id !== ws.botUser) return { presence: u.presence };
      return {
        presence: u.presence,
        online: true,
        auto_away: false,
        manual_away: false,
        connection_count: 1,
        last_activity: clock,
      };
    },
  };

  const answer = (req: RecordedRequest): Answer => {
    const method = req.path.replace(/^\/api\//, '');
    const run = methods[method];
    if (!run) return fail('unknown_method');
    const auth = req.headers.authorization;
    if (!auth) return fail('not_authed');
    const scopes = tokens.get(auth.replace(/^Bearer /, ''));
    if (!scopes) return fail('invalid_auth');
    const needed = METHOD_SCOPES[method] ?? [];
    if (needed.length && !needed.some((s) => scopes.has(s))) {
      return fail('missing_scope', { needed: needed[0], provided: [...scopes].join(',') });
    }
    const result = run(paramsOf(req));
    return result.ok === false ? result : { ok: true, ...result };
  };
  for (const verb of ['GET', 'POST']) service.route(`${verb} /api/*`, (req) => ({ body: answer(req) }));

  const toCall = (req: RecordedRequest): SlackCall => ({
    httpMethod: req.method,
    method: req.path.replace(/^\/api\//, ''),
    query: req.query,
    body: req.body,
    params: paramsOf(req),
    authorization: req.headers.authorization,
    contentType: req.headers['content-type'],
  });

  return {
    apiUrl: `${service.url}/api`,
    service,
    workspace: ws,
    tokens,
    calls: (method) => service.requests.map(toCall).filter((c) => c.method === method),
    allCalls: () => service.requests.map(toCall),
    close: () => service.close(),
  };
}
