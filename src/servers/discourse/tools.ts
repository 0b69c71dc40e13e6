import { z } from 'zod';
import { adds, reads } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory, DcTopic, DiscourseApi } from './api.js';
import { categorySchema, link, toCategory, topicSchema, toTopic, toUser, userSchema } from './shapes.js';

/** The most search pages (50 posts each) one search_topics call fetches. */
export const MAX_SEARCH_PAGES = 10;

const id = (what: string) =>
  z
    .union([z.number().int().positive(), z.string().regex(/^\d+$/, `must be a ${what} id (digits)`)])
    .transform(Number);

/** Drops undefined values, so that only the fields the caller gave are sent. */
const defined = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));

interface DiscourseToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  /** The API-key scope the tool needs, named when Discourse refuses a scoped key. */
  keyScope: string;
  run(args: z.output<I>, dc: DiscourseApi): Promise<z.input<O>>;
}

export function discourseTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const discourseTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    keyScope,
    ...def
  }: DiscourseToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, keyScope)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  const searchTopicSchema = topicSchema.extend({
    excerpt: z.string().nullable().describe('The matching post’s excerpt'),
  });

  return {
    list_categories: discourseTool({
      description: 'List the categories of the forum the user can see, with their ids (for create_topic).',
      input: z.object({
        include_subcategories: z.boolean().optional().describe('Also list subcategories (default false)'),
      }),
      output: z.object({ count: z.number(), categories: z.array(categorySchema) }),
      annotations: reads,
      keyScope: 'global:read',
      async run({ include_subcategories }, dc) {
        const [answer, site] = await Promise.all([dc.categories(include_subcategories ?? false), dc.site()]);
        const categories = answer.category_list?.categories ?? [];
        return { count: categories.length, categories: categories.map((c) => toCategory(site, c)) };
      },
    }),

    search_topics: discourseTool({
      description:
        'Search the forum’s topics (Discourse search syntax: @user, #category, tags:x, after:2024-01-01, status:open), ' +
        'optionally in one category; follows pages up to max_pages.',
      input: z.object({
        query: z.string().trim().min(1).describe('Search terms, with Discourse search filters if wanted'),
        category_id: id('category')
          .optional()
          .describe('Only topics in this category (and its subcategories)'),
        page: z.number().int().min(1).default(1).describe('Page to start from (default 1)'),
        max_pages: z
          .number()
          .int()
          .min(1)
          .max(MAX_SEARCH_PAGES)
          .default(1)
          .describe(`Pages of results to fetch (1-${MAX_SEARCH_PAGES}, default 1)`),
      }),
      output: z.object({
        count: z.number(),
        topics: z.array(searchTopicSchema),
        next_page: z.number().nullable().describe('The page to ask for next, or null after the last'),
      }),
      annotations: reads,
      keyScope: 'global:read',
      async run({ query, category_id, page, max_pages }, dc) {
        // Discourse's search takes the category as a filter in the terms, by id.
        const q = category_id === undefined ? query : `${query} category:${category_id}`;
        const topics = new Map<number, DcTopic>();
        const excerpts = new Map<number, string>();
        let next: number | null = page;
        for (let fetched = 0; next !== null && fetched < max_pages; fetched++) {
          const got = await dc.search(q, next);
          const error = got.grouped_search_result?.error;
          if (error) throw new ToolError(`query: ${error}`);
          for (const t of got.topics ?? []) if (!topics.has(t.id)) topics.set(t.id, t);
          for (const p of got.posts ?? []) {
            if (!excerpts.has(p.topic_id) && p.blurb) excerpts.set(p.topic_id, p.blurb);
          }
          next = got.grouped_search_result?.more_full_page_results ? next + 1 : null;
        }
        const site = await dc.site();
        const found = [...topics.values()].map((t) => ({
          ...toTopic(site, t),
          excerpt: excerpts.get(t.id) ?? null,
        }));
        return { count: found.length, topics: found, next_page: next };
      },
    }),

    create_topic: discourseTool({
      description: 'Create a topic in a category: its title and first post (Markdown), with optional tags.',
      input: z.object({
        title: z
          .string()
          .trim()
          .min(1)
          .describe('Title of the topic (the forum sets a minimum length, often 15)'),
        raw: z.string().trim().min(1).describe('The first post, in Markdown'),
        category_id: id('category').describe('Id of the category (from list_categories)'),
        tags: z.array(z.string().trim().min(1)).optional().describe('Tag names (when tagging is enabled)'),
      }),
      output: z.object({
        topic_id: z.number(),
        post_id: z.number(),
        title: z.string(),
        url: z.string(),
      }),
      annotations: adds,
      keyScope: 'topics:write',
      async run({ title, raw, category_id, tags }, dc) {
        const post = await dc.createPost(defined({ title, raw, category: category_id, tags }), {
          what: 'Category',
          id: String(category_id),
        });
        const site = await dc.site();
        return {
          topic_id: post.topic_id,
          post_id: post.id,
          title,
          url: link(site, `/t/${post.topic_slug ?? 'topic'}/${post.topic_id}`),
        };
      },
    }),

    create_post: discourseTool({
      description: 'Reply in a topic (Markdown), optionally to one of its posts by number.',
      input: z.object({
        topic_id: id('topic').describe('Id of the topic'),
        raw: z.string().trim().min(1).describe('The reply, in Markdown'),
        reply_to_post_number: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('The number of the post replied to in the topic (1 is the first post)'),
      }),
      output: z.object({
        post_id: z.number(),
        topic_id: z.number(),
        post_number: z.number(),
        reply_to_post_number: z.number().nullable(),
        url: z.string(),
      }),
      annotations: adds,
      keyScope: 'topics:write',
      async run({ topic_id, raw, reply_to_post_number }, dc) {
        const post = await dc.createPost(defined({ topic_id, raw, reply_to_post_number }), {
          what: 'Topic',
          id: String(topic_id),
        });
        const site = await dc.site();
        const replyTo = post.reply_to_post_number ?? reply_to_post_number ?? null;
        return {
          post_id: post.id,
          topic_id: post.topic_id,
          post_number: post.post_number,
          reply_to_post_number: replyTo === null ? null : Number(replyTo),
          url: link(site, `/t/${post.topic_slug ?? 'topic'}/${post.topic_id}/${post.post_number}`),
        };
      },
    }),

    get_user_info: discourseTool({
      description: 'Get a user’s public profile: name, title, trust level, activity and counts.',
      input: z.object({
        username: z
          .string()
          .trim()
          .regex(/^@?[\p{L}\p{N}_.-]{1,60}$/u, 'must be a Discourse username (letters, digits, _ . -)')
          .describe('The username, without @'),
      }),
      output: userSchema,
      annotations: reads,
      keyScope: 'users:show',
      async run({ username }, dc) {
        const [{ user }, site] = await Promise.all([dc.user(username.replace(/^@/, '')), dc.site()]);
        return toUser(site, user);
      },
    }),
  };
}
