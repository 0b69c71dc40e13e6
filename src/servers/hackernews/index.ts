import { z } from 'zod';
import { reads } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { defineServer, type ServerDefinition, tool } from '../../core/definition.js';
import {
  HackerNewsApi,
  type HackerNewsOptions,
  itemSchema,
  STORY_LISTS,
  type StoryType,
  userSchema,
} from './api.js';

/** Bounds on how many items one call fetches: each item is one request to the API. */
const MAX_STORIES = 30;
const MAX_COMMENTS = 50;
const DEFAULT_LIMIT = 10;

const limitArg = (max: number, what: string) =>
  z
    .number()
    .int()
    .min(1, `limit must be between 1 and ${max}`)
    .max(max, `limit must be between 1 and ${max}`)
    .default(DEFAULT_LIMIT)
    .describe(`Maximum number of ${what} to return (default ${DEFAULT_LIMIT}, at most ${max})`);

const itemId = (what: string) => z.number().int().positive().describe(`Hacker News ${what} id`);

const storyTypes = Object.keys(STORY_LISTS) as [StoryType, ...StoryType[]];

const storyList = z.object({
  story_type: z.enum(storyTypes).describe('Which list the stories come from'),
  endpoint: z.string().describe('The API list read, e.g. topstories'),
  count: z.number().int().describe('Number of stories returned'),
  stories: z.array(itemSchema).describe('The stories, in the order of the list'),
});

const commentList = z.object({
  story_id: z.number().int(),
  story_title: z.string().optional(),
  count: z.number().int().describe('Number of comments returned'),
  comments: z.array(itemSchema).describe('Top-level comments in ranked order, without deleted or dead ones'),
});

/** Every tool only reads public data from a service outside this host. */

async function listStories(
  api: HackerNewsApi,
  type: StoryType,
  count: number,
): Promise<z.input<typeof storyList>> {
  const stories = await api.stories(type, count);
  return { story_type: type, endpoint: STORY_LISTS[type], count: stories.length, stories };
}

/**
 * The Hacker News server. `options` tunes the upstream client (timeouts, retries, concurrency);
 * the default export uses the defaults, tests pass small values.
 */
export function createHackerNewsServer(options: HackerNewsOptions = {}): ServerDefinition {
  const hn = (ctx: ToolContext) => new HackerNewsApi(ctx, options);
  return defineServer({
    id: 'hackernews',
    name: 'Hacker News',
    description: 'Read Hacker News: story lists, stories, comments and user profiles. No account needed.',
    auth: { kind: 'none' },
    tools: {
      get_top_stories: tool({
        description: 'Get the current top stories on Hacker News.',
        input: z.object({ limit: limitArg(MAX_STORIES, 'stories') }),
        output: storyList,
        annotations: { title: 'Top stories', ...reads },
        handler: ({ limit }, ctx) => listStories(hn(ctx), 'top', limit),
      }),
      get_latest_posts: tool({
        description: 'Get the newest stories on Hacker News.',
        input: z.object({ limit: limitArg(MAX_STORIES, 'stories') }),
        output: storyList,
        annotations: { title: 'Latest stories', ...reads },
        handler: ({ limit }, ctx) => listStories(hn(ctx), 'new', limit),
      }),
      get_story_details: tool({
        description:
          'Get one Hacker News story (or any item) by id: title, URL, author, score, text, comment ids.',
        input: z.object({ id: itemId('story') }),
        output: itemSchema,
        annotations: { title: 'Story details', ...reads },
        handler: ({ id }, ctx) => hn(ctx).item(id),
      }),
      get_comments: tool({
        description: 'Get the top-level comments of a Hacker News story, in ranked order.',
        input: z.object({ story_id: itemId('story'), limit: limitArg(MAX_COMMENTS, 'comments') }),
        output: commentList,
        annotations: { title: 'Story comments', ...reads },
        async handler({ story_id, limit }, ctx) {
          const { story, comments } = await hn(ctx).comments(story_id, limit);
          return { story_id, story_title: story.title, count: comments.length, comments };
        },
      }),
      get_user: tool({
        description: "Get a Hacker News user's profile: creation date, karma, about text and submissions.",
        input: z.object({
          username: z
            .string()
            .regex(/^[A-Za-z0-9_-]{1,32}$/, 'username may hold only letters, digits, "-" and "_"')
            .describe('Hacker News username (case-sensitive)'),
        }),
        output: userSchema,
        annotations: { title: 'User profile', ...reads },
        handler: ({ username }, ctx) => hn(ctx).user(username),
      }),
      get_stories_by_type: tool({
        description: 'Get Hacker News stories from one list: top, new, best, ask, show or job.',
        input: z.object({
          type: z.enum(storyTypes).describe('Story list: top, new, best, ask, show or job'),
          limit: limitArg(MAX_STORIES, 'stories'),
        }),
        output: storyList,
        annotations: { title: 'Stories by type', ...reads },
        handler: ({ type, limit }, ctx) => listStories(hn(ctx), type, limit),
      }),
    },
  });
}

export default createHackerNewsServer();
