import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import type { Query } from '../../upstream/client.js';
import type { ApiFactory, XAnswer, XApi, XPost, XProblem } from './api.js';

/** Scopes of the reading tools and of the posting ones, as X's reference lists them. */
export const READ_SCOPES = ['tweet.read', 'users.read'] as const;
export const WRITE_SCOPES = ['tweet.read', 'tweet.write', 'users.read'] as const;

/** The most pages one list call follows. */
export const MAX_PAGES = 10;

/** Post fields asked for when the caller names none: when and by whom, besides id and text. */
const DEFAULT_POST_FIELDS = 'created_at,author_id';

// Argument types shared by the tools.

const postId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,19}$/, `must be a post id (digits, as a string)`)
    .describe(what);
const username = z
  .string()
  .trim()
  .transform((v) => v.replace(/^@/, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9_]{1,15}$/, 'must be an X username (letters, digits, _; at most 15)'))
  .describe('X username, with or without @');
/** A comma-separated list or an array, sent comma-separated as X takes it. */
const fieldList = (what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => {
      const list = (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean);
      return list.length ? list.join(',') : undefined;
    })
    .optional()
    .describe(`${what}, comma-separated or as a list`);
/** A time as X takes it: RFC 3339 in UTC, to the second. */
const time = (what: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) {
        ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date-time, e.g. 2025-01-31T12:00:00Z' });
        return z.NEVER;
      }
      return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    })
    .optional()
    .describe(`${what} (ISO 8601, e.g. 2025-01-31T12:00:00Z)`);
const maxPages = z
  .number()
  .int()
  .min(1)
  .max(MAX_PAGES)
  .default(1)
  .describe(`Pages to follow with next_token (1-${MAX_PAGES}, default 1)`);

const expansionFields = {
  expansions: fieldList('Objects to expand into includes, e.g. author_id, attachments.media_keys'),
  tweet_fields: fieldList(`Post fields to return (default ${DEFAULT_POST_FIELDS})`),
};
const objectFields = {
  user_fields: fieldList('User fields for expanded users'),
  media_fields: fieldList('Media fields for expanded media'),
  place_fields: fieldList('Place fields for expanded places'),
  poll_fields: fieldList('Poll fields for expanded polls'),
};

/** The timeline arguments guMCP's three user timelines share; `min` is the endpoint's least page size. */
const timelineInput = (min: number) =>
  z.object({
    username,
    max_results: z
      .number()
      .int()
      .min(min)
      .max(100)
      .optional()
      .describe(`Posts per page, ${min}-100 (X's default 10)`),
    start_time: time('Oldest time of posts'),
    end_time: time('Newest time of posts'),
    since_id: postId('Only posts newer than this id').optional(),
    until_id: postId('Only posts older than this id').optional(),
    pagination_token: z.string().trim().min(1).optional().describe('next_token of an earlier answer'),
    ...expansionFields,
    max_pages: maxPages,
  });

interface FieldArgs {
  tweet_fields?: string | undefined;
  expansions?: string | undefined;
  user_fields?: string | undefined;
  media_fields?: string | undefined;
  place_fields?: string | undefined;
  poll_fields?: string | undefined;
}

/** The fields parameters under X's names. */
const fieldsQuery = (a: FieldArgs): Query => ({
  'tweet.fields': a.tweet_fields ?? DEFAULT_POST_FIELDS,
  expansions: a.expansions,
  'user.fields': a.user_fields,
  'media.fields': a.media_fields,
  'place.fields': a.place_fields,
  'poll.fields': a.poll_fields,
});

// Output shapes.

const postSchema = z
  .object({ id: z.string(), text: z.string() })
  .catchall(z.unknown())
  .describe('A post with the fields asked for');
const problemSchema = z.object({
  title: z.string().nullable(),
  detail: z.string().nullable(),
  resource_type: z.string().nullable(),
  resource_id: z.string().nullable(),
});
const includesSchema = z
  .record(z.string(), z.array(z.unknown()))
  .describe('Expanded objects (users, media, polls, places, posts), by kind');
const problems = z
  .array(problemSchema)
  .describe('Parts of the request X could not answer (e.g. a post not found), beside the data');
const listSchema = z.object({
  result_count: z.number(),
  tweets: z.array(postSchema),
  includes: includesSchema,
  next_token: z.string().nullable().describe('Pass as next_token (search) or pagination_token to continue'),
  errors: problems,
});

const toProblems = (errors: XProblem[] | undefined): z.input<typeof problems> =>
  (errors ?? []).map((e) => ({
    title: e.title ?? null,
    detail: e.detail ?? null,
    resource_type: e.resource_type ?? null,
    resource_id: e.resource_id ?? e.value ?? null,
  }));

/** Expanded objects of several pages, each once (by id or media_key). */
function mergeIncludes(into: Record<string, unknown[]>, from: Record<string, unknown[]> | undefined): void {
  for (const [kind, items] of Object.entries(from ?? {})) {
    const list = into[kind] ?? [];
    into[kind] = list;
    const key = (o: unknown) => {
      const r = o as { id?: unknown; media_key?: unknown };
      return String(r.id ?? r.media_key ?? JSON.stringify(o));
    };
    const seen = new Set(list.map(key));
    for (const item of items) if (!seen.has(key(item))) list.push(item);
  }
}

/** Follows `meta.next_token` from `first` for up to `pages` pages. */
async function collect(
  fetch: (token: string | undefined) => Promise<XAnswer<XPost[]>>,
  first: string | undefined,
  pages: number,
): Promise<z.input<typeof listSchema>> {
  const tweets: XPost[] = [];
  const includes: Record<string, unknown[]> = {};
  const errors: XProblem[] = [];
  let token = first;
  for (let page = 0; page < pages; page++) {
    const got = await fetch(token);
    tweets.push(...(got.data ?? []));
    mergeIncludes(includes, got.includes);
    errors.push(...(got.errors ?? []));
    token = got.meta?.next_token;
    if (!token) break;
  }
  return {
    result_count: tweets.length,
    tweets,
    includes,
    next_token: token ?? null,
    errors: toProblems(errors),
  };
}

/** The one object of an answer, or the error X gave instead of it (a 200 with only `errors`). */
function single<T>(answer: XAnswer<T>, what: string, id: string): T {
  if (answer.data) return answer.data;
  const problem = answer.errors?.[0];
  if (!problem || /resource-not-found/.test(problem.type ?? '') || /not found/i.test(problem.title ?? '')) {
    throw new NotFoundError(what, id);
  }
  throw new ToolError(
    `X did not return ${what.toLowerCase()} ${id}: ${problem.detail ?? problem.title ?? 'no reason given'}`,
  );
}

/** The id of a user, by username. */
async function userId(x: XApi, name: string): Promise<string> {
  return single(await x.userByUsername(name), 'User', `@${name}`).id;
}

interface XToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  scopes: readonly string[];
  run(args: z.output<I>, x: XApi): Promise<z.input<O>>;
}

export function xTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const xTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: XToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, def.scopes)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  const timelineQuery = (a: z.output<ReturnType<typeof timelineInput>>): Query => ({
    max_results: a.max_results,
    start_time: a.start_time,
    end_time: a.end_time,
    since_id: a.since_id,
    until_id: a.until_id,
    ...fieldsQuery(a),
  });

  return {
    search_recent_tweet: xTool({
      description:
        'Search posts from the last 7 days with X search operators (from:user, #tag, -is:retweet, lang:en, ...); ' +
        'follows next_token up to max_pages.',
      input: z.object({
        query: z.string().trim().min(1).max(4096).describe('Search query with X operators'),
        max_results: z
          .number()
          .int()
          .min(10)
          .max(100)
          .optional()
          .describe('Posts per page, 10-100 (default 10)'),
        start_time: time('Oldest time of posts (within the last 7 days)'),
        end_time: time('Newest time of posts'),
        since_id: postId('Only posts newer than this id').optional(),
        until_id: postId('Only posts older than this id').optional(),
        next_token: z.string().trim().min(1).optional().describe('next_token of an earlier answer'),
        sort_order: z
          .enum(['recency', 'relevancy'])
          .optional()
          .describe('Order of results (X default recency)'),
        ...expansionFields,
        ...objectFields,
        max_pages: maxPages,
      }),
      output: listSchema,
      annotations: reads,
      scopes: READ_SCOPES,
      async run(a, x) {
        const query: Query = {
          query: a.query,
          max_results: a.max_results,
          start_time: a.start_time,
          end_time: a.end_time,
          since_id: a.since_id,
          until_id: a.until_id,
          sort_order: a.sort_order,
          ...fieldsQuery(a),
        };
        return collect((token) => x.searchRecent({ ...query, next_token: token }), a.next_token, a.max_pages);
      },
    }),

    get_user_profile: xTool({
      description:
        'Get a user’s profile by username: name, bio, location, counts, verification, creation date.',
      input: z.object({ username }),
      output: z
        .object({ id: z.string(), name: z.string(), username: z.string() })
        .catchall(z.unknown())
        .describe('The user with its profile fields'),
      annotations: reads,
      scopes: READ_SCOPES,
      async run({ username: name }, x) {
        const answer = await x.userByUsername(name, {
          'user.fields':
            'created_at,description,location,public_metrics,verified,verified_type,protected,profile_image_url,url,pinned_tweet_id',
        });
        return single(answer, 'User', `@${name}`);
      },
    }),

    get_user_posts: xTool({
      description: 'List a user’s posts, newest first; follows pagination up to max_pages.',
      input: timelineInput(5),
      output: listSchema,
      annotations: reads,
      scopes: READ_SCOPES,
      async run(a, x) {
        const id = await userId(x, a.username);
        const query = timelineQuery(a);
        return collect(
          (token) => x.userPosts(id, { ...query, pagination_token: token }),
          a.pagination_token,
          a.max_pages,
        );
      },
    }),

    get_user_home_timeline: xTool({
      description:
        'List the signed-in user’s home timeline (posts of accounts they follow and their own), newest first. ' +
        'X shows it only to its owner: username must be the signed-in user.',
      input: timelineInput(1),
      output: listSchema,
      annotations: reads,
      scopes: READ_SCOPES,
      async run(a, x) {
        const me = single(await x.me(), 'User', 'the signed-in user');
        if (me.username.toLowerCase() !== a.username.toLowerCase()) {
          throw new ToolError(
            `username: X shows a home timeline only to its owner; the token is @${me.username}'s, not @${a.username}'s`,
          );
        }
        const query = timelineQuery(a);
        return collect(
          (token) => x.homeTimeline(me.id, { ...query, pagination_token: token }),
          a.pagination_token,
          a.max_pages,
        );
      },
    }),

    get_user_mentions: xTool({
      description: 'List posts that mention a user, newest first; follows pagination up to max_pages.',
      input: timelineInput(5),
      output: listSchema,
      annotations: reads,
      scopes: READ_SCOPES,
      async run(a, x) {
        const id = await userId(x, a.username);
        const query = timelineQuery(a);
        return collect(
          (token) => x.mentions(id, { ...query, pagination_token: token }),
          a.pagination_token,
          a.max_pages,
        );
      },
    }),

    get_tweet_by_id: xTool({
      description: 'Get a post by its id, with the fields and expansions asked for.',
      input: z.object({ id: postId('Id of the post'), ...expansionFields, ...objectFields }),
      output: z.object({
        tweet: postSchema,
        includes: includesSchema,
        errors: problems,
      }),
      annotations: reads,
      scopes: READ_SCOPES,
      async run(a, x) {
        const answer = await x.post(a.id, fieldsQuery(a));
        return {
          tweet: single(answer, 'Post', a.id),
          includes: answer.includes ?? {},
          errors: toProblems(answer.errors),
        };
      },
    }),

    create_tweet: xTool({
      description:
        'Publish a post, optionally as a reply, a quote, or with a poll. Posting is not idempotent: a call that ' +
        'failed with a timeout or 5xx may still have posted, so check before trying again.',
      input: z.object({
        text: z.string().min(1).describe('Text of the post'),
        reply_to_tweet_id: postId('Id of the post this one replies to').optional(),
        quote_tweet_id: postId('Id of the post this one quotes').optional(),
        poll_options: z
          .array(z.string().trim().min(1).max(25))
          .min(2)
          .max(4)
          .optional()
          .describe('2-4 poll choices of at most 25 characters; needs poll_duration_minutes'),
        poll_duration_minutes: z
          .number()
          .int()
          .min(5)
          .max(10080)
          .optional()
          .describe('How long the poll runs, 5-10080 minutes'),
        reply_settings: z
          .enum(['following', 'mentionedUsers', 'subscribers', 'verified'])
          .optional()
          .describe('Who may reply (default: everyone)'),
        for_super_followers_only: z.boolean().optional().describe('Only for the author’s subscribers'),
      }),
      output: z.object({ id: z.string(), text: z.string(), url: z.string() }),
      annotations: adds,
      scopes: WRITE_SCOPES,
      async run(a, x) {
        if ((a.poll_options === undefined) !== (a.poll_duration_minutes === undefined)) {
          throw new ToolError('poll_options and poll_duration_minutes: give both for a poll, or neither.');
        }
        if (a.poll_options && a.quote_tweet_id) {
          throw new ToolError('quote_tweet_id: a post cannot both quote a post and hold a poll.');
        }
        const body: Record<string, unknown> = { text: a.text };
        if (a.reply_to_tweet_id) body.reply = { in_reply_to_tweet_id: a.reply_to_tweet_id };
        if (a.quote_tweet_id) body.quote_tweet_id = a.quote_tweet_id;
        if (a.poll_options)
          body.poll = { options: a.poll_options, duration_minutes: a.poll_duration_minutes };
        if (a.reply_settings) body.reply_settings = a.reply_settings;
        if (a.for_super_followers_only !== undefined)
          body.for_super_followers_only = a.for_super_followers_only;
        const created = single(await x.createPost(body), 'Post', '(new)');
        return { id: created.id, text: created.text, url: `https://x.com/i/web/status/${created.id}` };
      },
    }),

    delete_tweet: xTool({
      description: 'Delete one of the signed-in user’s posts.',
      input: z.object({ id: postId('Id of the post to delete') }),
      output: z.object({ id: z.string(), deleted: z.boolean() }),
      annotations: overwrites,
      scopes: WRITE_SCOPES,
      async run({ id }, x) {
        const answer = await x.deletePost(id);
        return { id, deleted: single(answer, 'Post', id).deleted };
      },
    }),
  };
}
