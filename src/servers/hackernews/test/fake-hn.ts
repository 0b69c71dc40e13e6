import type { Client } from '@modelcontextprotocol/client';
import type { FakeService, RecordedRequest } from '../../../testing/fake-service.js';
import { startFake } from '../../../testing/fake-service.js';
import type { Item, User } from '../api.js';

/** The fake serves under /v0 like the real API, so tests also prove the base path is kept. */
export const V0 = '/v0';

export interface HackerNewsData {
  /** Ids per list endpoint, e.g. `{ topstories: [1, 2] }`; unlisted lists are empty. */
  lists?: Readonly<Record<string, readonly number[]>>;
  items?: readonly Item[];
  users?: readonly User[];
}

const LISTS = ['topstories', 'newstories', 'beststories', 'askstories', 'showstories', 'jobstories'];

/**
 * A fake of the Hacker News Firebase API on 127.0.0.1, answering as the real one does: JSON lists of
 * ids, items and users, and `200 null` for an id it does not know. Points GUMCP_HACKERNEWS_API_URL
 * at itself; each test file runs in its own process, so the variable is not shared.
 */
export async function startFakeHackerNews(data: HackerNewsData = {}): Promise<FakeService> {
  const fake = await startFake();
  const items = new Map((data.items ?? []).map((item) => [item.id, item]));
  const users = new Map((data.users ?? []).map((user) => [user.id, user]));
  for (const list of LISTS) fake.route(`GET ${V0}/${list}.json`, { body: data.lists?.[list] ?? [] });
  fake.route(`GET ${V0}/item/*`, (req) => ({ body: items.get(Number(pathId(req, 'item'))) ?? null }));
  fake.route(`GET ${V0}/user/*`, (req) => ({ body: users.get(pathId(req, 'user') ?? '') ?? null }));
  process.env.GUMCP_HACKERNEWS_API_URL = `${fake.url}${V0}`;
  return fake;
}

/** The `<id>` of `/v0/<kind>/<id>.json`, or undefined for any other path. */
export function pathId(req: RecordedRequest, kind: 'item' | 'user'): string | undefined {
  return new RegExp(`^${V0}/${kind}/([^/]+)\\.json$`).exec(req.path)?.[1];
}

/** The paths the fake saw, in order. */
export const paths = (fake: FakeService): string[] => fake.requests.map((r) => r.path);

export function story(id: number, extra: Partial<Item> = {}): Item {
  return {
    id,
    type: 'story',
    by: `author${id}`,
    time: 1_700_000_000 + id,
    title: `Story ${id}`,
    score: id,
    ...extra,
  };
}

export function comment(id: number, parent: number, extra: Partial<Item> = {}): Item {
  return {
    id,
    type: 'comment',
    by: `commenter${id}`,
    parent,
    time: 1_700_000_100 + id,
    text: `Comment ${id}`,
    ...extra,
  };
}

/** Calls a tool and returns its result, with structured content typed for assertions. */
export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<{ isError?: boolean; structuredContent?: Record<string, unknown>; content?: unknown }> {
  return (await client.callTool({ name, arguments: args })) as {
    isError?: boolean;
    structuredContent?: Record<string, unknown>;
    content?: unknown;
  };
}

/** The ids of the stories or comments in a tool result, in order. */
export function idsOf(
  result: { structuredContent?: Record<string, unknown> },
  key: 'stories' | 'comments',
): number[] {
  return ((result.structuredContent?.[key] ?? []) as { id: number }[]).map((item) => item.id);
}
