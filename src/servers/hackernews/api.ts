import { z } from 'zod';
import type { ToolContext } from '../../core/context.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import { serviceUrl, UpstreamClient, type UpstreamOptions } from '../../upstream/client.js';
import { mapBounded } from '../../util/map-bounded.js';

const SERVER_ID = 'hackernews';
const SERVICE = 'Hacker News';

/** An item as the v0 API documents it (story, comment, job, poll or pollopt); only `id` is always there. */
export const itemSchema = z.object({
  id: z.number().int().describe("The item's unique id"),
  type: z.string().optional().describe('job, story, comment, poll or pollopt'),
  by: z.string().optional().describe("The author's username"),
  time: z.number().int().optional().describe('Creation time, in Unix seconds'),
  title: z.string().optional().describe('Title of a story, poll or job (HTML)'),
  url: z.string().optional().describe('The URL of a story'),
  text: z.string().optional().describe('Text of a comment, story or poll (HTML)'),
  score: z.number().int().optional().describe("The story's score, or the votes for a pollopt"),
  descendants: z.number().int().optional().describe('Total comment count of a story or poll'),
  kids: z.array(z.number().int()).optional().describe('Ids of the comments, in ranked display order'),
  parent: z.number().int().optional().describe('The parent comment or story of a comment'),
  poll: z.number().int().optional().describe('The poll of a pollopt'),
  parts: z.array(z.number().int()).optional().describe('The pollopts of a poll, in display order'),
  deleted: z.boolean().optional().describe('true if the item is deleted'),
  dead: z.boolean().optional().describe('true if the item is dead'),
});
export type Item = z.infer<typeof itemSchema>;

/** A user profile as the v0 API documents it. */
export const userSchema = z.object({
  id: z.string().describe('The username (case-sensitive)'),
  created: z.number().int().describe('Creation time, in Unix seconds'),
  karma: z.number().int().describe("The user's karma"),
  about: z.string().optional().describe('Self-description (HTML)'),
  delay: z.number().int().optional().describe('Minutes before a comment of theirs becomes visible'),
  submitted: z.array(z.number().int()).optional().describe("Ids of the user's stories, polls and comments"),
});
export type User = z.infer<typeof userSchema>;

/** The story lists of the API, by the `type` names guMCP's get_stories_by_type accepts. */
export const STORY_LISTS = {
  top: 'topstories',
  new: 'newstories',
  best: 'beststories',
  ask: 'askstories',
  show: 'showstories',
  job: 'jobstories',
} as const;
export type StoryType = keyof typeof STORY_LISTS;

/** Timing knobs of the upstream client, and how many items are fetched at once. */
export interface HackerNewsOptions
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  /** Item requests in flight at once when a tool fetches many items (default 5). */
  concurrency?: number;
}

const DEFAULT_CONCURRENCY = 5;

const isVisible = (item: Item | undefined): item is Item => !!item && !item.deleted && !item.dead;

/** The calls the tools make to the Hacker News Firebase API, for one tool call. */
export class HackerNewsApi {
  readonly #client: UpstreamClient;
  readonly #signal: AbortSignal;
  readonly #concurrency: number;

  constructor(ctx: Pick<ToolContext, 'log' | 'signal'>, options: HackerNewsOptions = {}) {
    const { concurrency = DEFAULT_CONCURRENCY, ...timing } = options;
    this.#concurrency = concurrency;
    this.#signal = ctx.signal;
    this.#client = new UpstreamClient({
      // An option given as undefined must not override the client's default.
      ...Object.fromEntries(Object.entries(timing).filter(([, value]) => value !== undefined)),
      service: SERVICE,
      serverId: SERVER_ID,
      baseUrl: serviceUrl(SERVER_ID, 'https://hacker-news.firebaseio.com/v0'),
      log: ctx.log,
      // The API is public: a 401/403 (Firebase's "Permission denied") is no reason to log in again.
      mapError: (status, body) =>
        status === 401 || status === 403
          ? new ToolError(`${SERVICE} refused the request (HTTP ${status})${firebaseMessage(body)}`)
          : undefined,
    });
  }

  /** One item; the API answers `null` for an id it does not know. */
  async item(id: number): Promise<Item> {
    const item = await this.#maybeItem(id);
    if (!item) throw new NotFoundError('Hacker News item', String(id));
    return item;
  }

  async user(username: string): Promise<User> {
    const user = await this.#client.get<User | null>(
      `user/${encodeURIComponent(username)}.json`,
      undefined,
      this.#signal,
    );
    if (!user) throw new NotFoundError('Hacker News user', username);
    return user;
  }

  /** The first `limit` stories of a list, in the list's order; ids the API no longer knows are skipped. */
  async stories(type: StoryType, limit: number): Promise<Item[]> {
    const ids =
      (await this.#client.get<number[] | null>(`${STORY_LISTS[type]}.json`, undefined, this.#signal)) ?? [];
    const items = await mapBounded(ids.slice(0, limit), this.#concurrency, (id) => this.#maybeItem(id));
    return items.filter((item): item is Item => !!item);
  }

  /** The story and its first `limit` top-level comments, without deleted or dead ones (as guMCP). */
  async comments(storyId: number, limit: number): Promise<{ story: Item; comments: Item[] }> {
    const story = await this.item(storyId);
    const kids = (story.kids ?? []).slice(0, limit);
    const comments = await mapBounded(kids, this.#concurrency, (id) => this.#maybeItem(id));
    return { story, comments: comments.filter(isVisible) };
  }

  async #maybeItem(id: number): Promise<Item | undefined> {
    return (await this.#client.get<Item | null>(`item/${id}.json`, undefined, this.#signal)) ?? undefined;
  }
}

/** Firebase's REST errors are `{ "error": "<message>" }`. */
function firebaseMessage(body: unknown): string {
  const error = (body as { error?: unknown } | undefined)?.error;
  return typeof error === 'string' ? `: ${error.slice(0, 200)}` : '';
}
