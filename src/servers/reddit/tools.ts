import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import {
  type ApiFactory,
  type ListingData,
  MAX_LISTING_ITEMS,
  PAGE_SIZE,
  type RedditApi,
  type RedditComment,
  type RedditPost,
} from './api.js';
import { fullnameArg, subredditArg } from './ids.js';
import {
  commentSchema,
  flattenComments,
  type PostOut,
  postDetailsSchema,
  postSchema,
  toComment,
  toPost,
  toPostDetails,
} from './shapes.js';

/** Reddit's limits on a text post, checked before sending so the argument is named at once. */
const MAX_TITLE = 300;
const MAX_BODY = 40_000;
/** The most comments fetch_post_comments asks Reddit for. */
const MAX_COMMENTS = 500;

// Arguments shared by the tools.
const postId = fullnameArg(['t3'], 'Id of the post: abc123, t3_abc123 or its reddit.com URL');
const commentId = fullnameArg(['t1'], 'Id of the comment: def456, t1_def456 or its reddit.com permalink');
const body = (what: string) =>
  z
    .string()
    .refine((s) => s.trim().length > 0, 'must not be empty')
    .refine((s) => s.length <= MAX_BODY, `must be at most ${MAX_BODY} characters (Reddit's limit)`)
    .describe(`${what} (Markdown)`);
const fullnameCursor = (direction: string) =>
  z
    .string()
    .regex(/^t3_[a-z0-9]{1,13}$/, 'must be a post fullname such as t3_abc123, as a previous call returned it')
    .optional()
    .describe(
      `Continue ${direction} this post (the "${direction === 'after' ? 'after' : 'before'}" of a previous call)`,
    );

/** Scopes, as Reddit names them per endpoint (reddit.com/dev/api). */
const SCOPES = {
  read: ['read'],
  submit: ['submit'],
  edit: ['edit'],
  delete: ['edit', 'identity'],
} as const;

interface RedditToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output' | 'scopes'> {
  output: O;
  scopes: readonly string[];
  run(args: z.output<I>, reddit: RedditApi): Promise<z.input<O>>;
}

/** Walks a listing forward (`after`) or back (`before`) until `limit` items, its end, or Reddit's ~1,000 cap. */
async function collect(
  limit: number,
  start: { after?: string | undefined; before?: string | undefined },
  page: (cursor: {
    after?: string;
    before?: string;
    count?: number;
    limit: number;
  }) => Promise<ListingData<RedditPost>>,
): Promise<{ posts: RedditPost[]; after: string | null; before: string | null }> {
  const back = start.before !== undefined;
  let cursor = back ? start.before : start.after;
  const posts: RedditPost[] = [];
  let first: ListingData<RedditPost> | undefined;
  let last: ListingData<RedditPost> | undefined;
  while (posts.length < limit) {
    const size = Math.min(PAGE_SIZE, limit - posts.length);
    last = await page({
      ...(cursor ? (back ? { before: cursor } : { after: cursor }) : {}),
      // Reddit asks for the number of items already seen with each later page.
      ...(posts.length ? { count: posts.length } : {}),
      limit: size,
    });
    first ??= last;
    const found = last.children.filter((c) => c.kind === 't3').map((c) => c.data);
    posts.push(...found);
    cursor = (back ? last.before : last.after) ?? undefined;
    if (!found.length || !cursor) break;
  }
  const kept = posts.slice(0, limit);
  // Reddit may add pinned posts beyond the limit: the cursor then continues after the last one kept.
  const trimmed = kept.length < posts.length;
  const lastKept = kept[kept.length - 1]?.name ?? null;
  if (back)
    return { posts: kept, before: trimmed ? lastKept : (last?.before ?? null), after: first?.after ?? null };
  return { posts: kept, after: trimmed ? lastKept : (last?.after ?? null), before: first?.before ?? null };
}

export function redditTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const redditTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: RedditToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) =>
        run(args, connect(ctx, def.scopes[0] ?? 'read')) as ReturnType<ToolDef<I, O>['handler']>,
    });

  /** A post the user wrote, read before it is deleted: Reddit's /api/del says nothing about what it did. */
  async function ownThing(reddit: RedditApi, name: string, what: 'Post' | 'Comment') {
    const [things, me] = await Promise.all([
      reddit.info<RedditPost | RedditComment>([name], { what, id: name }),
      reddit.me(),
    ]);
    const thing = things.find((t) => t.data.name === name)?.data;
    if (!thing) throw new NotFoundError(what, name);
    if (thing.author === '[deleted]') return { already: true };
    if (thing.author.toLowerCase() !== me.name.toLowerCase()) {
      throw new ToolError(
        `${what} ${name} was written by u/${thing.author}; Reddit lets only its author delete it`,
      );
    }
    return { already: false };
  }

  const deleted = z.object({
    id: z.string(),
    name: z.string(),
    deleted: z.boolean(),
    already_deleted: z.boolean().describe('It had been deleted before this call'),
  });

  return {
    retrieve_reddit_post: redditTool({
      description:
        'List posts of a subreddit in one sort (hot, new, top, controversial, rising), following pages up to ' +
        '`limit` (Reddit lists about 1,000 at most). Long text bodies are cut; get_reddit_post_details gives all.',
      input: z.object({
        subreddit: subredditArg,
        sort: z
          .enum(['hot', 'new', 'top', 'controversial', 'rising'])
          .default('hot')
          .describe('Order of the listing (default hot)'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(MAX_LISTING_ITEMS)
          .default(10)
          .describe(`Posts to return, 1-${MAX_LISTING_ITEMS} (default 10); pages of 100 are followed`),
        time: z
          .enum(['hour', 'day', 'week', 'month', 'year', 'all'])
          .optional()
          .describe('Period of a top or controversial listing (Reddit’s default: day)'),
        after: fullnameCursor('after'),
        before: fullnameCursor('before'),
      }),
      output: z.object({
        subreddit: z.string(),
        sort: z.string(),
        count: z.number(),
        posts: z.array(postSchema),
        after: z.string().nullable().describe('Pass as `after` for the next posts; null at the end'),
        before: z.string().nullable().describe('Pass as `before` for the posts before these'),
      }),
      annotations: reads,
      scopes: SCOPES.read,
      async run({ subreddit, sort, limit, time, after, before }, reddit) {
        if (after && before) throw new ToolError('Give after or before, not both.');
        if (time && sort !== 'top' && sort !== 'controversial') {
          throw new ToolError('time: applies only to sort "top" or "controversial".');
        }
        const got = await collect(limit, { after, before }, (cursor) =>
          reddit.subredditPage(subreddit, sort, { ...cursor, t: time }),
        );
        const posts: PostOut[] = got.posts.map((p) => toPost(p));
        return { subreddit, sort, count: posts.length, posts, after: got.after, before: got.before };
      },
    }),

    get_reddit_post_details: redditTool({
      description: 'Get a post with its whole text, score, flair and state.',
      input: z.object({ post_id: postId }),
      output: postDetailsSchema,
      annotations: reads,
      scopes: SCOPES.read,
      async run({ post_id }, reddit) {
        const things = await reddit.info<RedditPost>([post_id], { what: 'Post', id: post_id });
        const post = things.find((t) => t.kind === 't3')?.data;
        if (!post) throw new NotFoundError('Post', post_id);
        return toPostDetails(post);
      },
    }),

    create_reddit_post: redditTool({
      description:
        'Submit a text post to a subreddit. Not retried after a failure that may have gone through: check ' +
        'the subreddit before posting again.',
      input: z.object({
        subreddit: subredditArg,
        title: z
          .string()
          .refine((s) => s.trim().length > 0, 'must not be empty')
          .refine((s) => s.length <= MAX_TITLE, `must be at most ${MAX_TITLE} characters (Reddit's limit)`)
          .describe('Title of the post'),
        content: body('Body of the post'),
        flair_id: z
          .string()
          .max(36)
          .optional()
          .describe('Id of a post flair of the subreddit, when it requires one'),
        flair_text: z.string().max(64).optional().describe('Text of an editable flair'),
        nsfw: z.boolean().optional().describe('Mark the post NSFW'),
        spoiler: z.boolean().optional().describe('Mark the post as a spoiler'),
      }),
      output: z.object({
        id: z.string(),
        name: z.string().describe('Fullname, as parent_id of a comment'),
        url: z.string().nullable(),
        subreddit: z.string(),
      }),
      annotations: adds,
      scopes: SCOPES.submit,
      async run({ subreddit, title, content, flair_id, flair_text, nsfw, spoiler }, reddit) {
        const data = await reddit.submit(
          {
            sr: subreddit,
            kind: 'self',
            title,
            text: content,
            flair_id,
            flair_text,
            nsfw: nsfw === undefined ? undefined : String(nsfw),
            spoiler: spoiler === undefined ? undefined : String(spoiler),
          },
          {
            sr: 'subreddit',
            title: 'title',
            text: 'content',
            flair_id: 'flair_id',
            flair_text: 'flair_text',
          },
        );
        const name = data.name as string;
        return { id: data.id ?? name.slice(3), name, url: data.url ?? null, subreddit };
      },
    }),

    fetch_post_comments: redditTool({
      description:
        'Read the comments of a post as one list in reading order (each comment before its replies, with its ' +
        'depth and parent_id). Comments behind Reddit’s "load more" links are counted in not_loaded.',
      input: z.object({
        post_id: postId,
        limit: z
          .number()
          .int()
          .min(1)
          .max(MAX_COMMENTS)
          .default(10)
          .describe(`Most comments to load, replies included (1-${MAX_COMMENTS}, default 10)`),
        sort: z
          .enum(['new', 'old', 'top', 'confidence', 'controversial', 'qa'])
          .default('new')
          .describe('Order (default new; confidence is Reddit’s "best")'),
        depth: z
          .number()
          .int()
          .min(1)
          .max(10)
          .optional()
          .describe('Levels of replies to load (Reddit’s default 10)'),
      }),
      output: z.object({
        post: postSchema,
        count: z.number(),
        comments: z.array(commentSchema),
        not_loaded: z.number().describe('Comments Reddit left out of this answer'),
      }),
      annotations: reads,
      scopes: SCOPES.read,
      async run({ post_id, limit, sort, depth }, reddit) {
        const [postListing, commentListing] = await reddit.comments(post_id, { sort, limit, depth });
        const post = postListing?.data.children.find((c) => c.kind === 't3')?.data;
        if (!post) throw new NotFoundError('Post', post_id);
        const { comments, not_loaded } = flattenComments(commentListing?.data.children ?? []);
        return { post: toPost(post), count: comments.length, comments, not_loaded };
      },
    }),

    create_reddit_comment: redditTool({
      description:
        'Comment on a post (parent_id t3_..., or a bare post id) or reply to a comment (t1_...). Not retried ' +
        'after a failure that may have gone through.',
      input: z.object({
        parent_id: fullnameArg(
          ['t3', 't1'],
          'What to answer: a post (abc123, t3_abc123, a post URL) or a comment (t1_def456, a comment permalink)',
        ),
        content: body('Text of the comment'),
      }),
      output: commentSchema,
      annotations: adds,
      scopes: SCOPES.submit,
      async run({ parent_id, content }, reddit) {
        const comment = await reddit.comment(parent_id, content, {
          thing_id: 'parent_id',
          parent: 'parent_id',
          text: 'content',
        });
        if (!comment) {
          throw new ToolError(
            `Reddit accepted the comment on ${parent_id} but did not return it (it does so in quarantined subreddits ` +
              'you have not opted into); check the thread before commenting again',
          );
        }
        return toComment(comment);
      },
    }),

    edit_reddit_post: redditTool({
      description: 'Replace the body of one of your text posts (link, image and video posts have none).',
      input: z.object({ post_id: postId, content: body('New body of the post') }),
      output: postSchema,
      annotations: overwrites,
      scopes: SCOPES.edit,
      async run({ post_id, content }, reddit) {
        const post = await reddit.editText<RedditPost>(post_id, content, {
          thing_id: 'post_id',
          text: 'content',
        });
        if (!post) throw new ToolError(`Reddit did not return post ${post_id} after editing it`);
        return toPost(post, Number.POSITIVE_INFINITY);
      },
    }),

    edit_reddit_comment: redditTool({
      description: 'Replace the text of one of your comments.',
      input: z.object({ comment_id: commentId, content: body('New text of the comment') }),
      output: commentSchema,
      annotations: overwrites,
      scopes: SCOPES.edit,
      async run({ comment_id, content }, reddit) {
        const comment = await reddit.editText<RedditComment>(comment_id, content, {
          thing_id: 'comment_id',
          text: 'content',
        });
        if (!comment) throw new ToolError(`Reddit did not return comment ${comment_id} after editing it`);
        return toComment(comment);
      },
    }),

    delete_reddit_post: redditTool({
      description:
        'Delete one of your posts. The post is read first: Reddit’s delete answers the same whether or not it deleted.',
      input: z.object({ post_id: postId }),
      output: deleted,
      annotations: overwrites,
      scopes: SCOPES.delete,
      async run({ post_id }, reddit) {
        const { already } = await ownThing(reddit, post_id, 'Post');
        if (!already) await reddit.del(post_id);
        return { id: post_id.slice(3), name: post_id, deleted: true, already_deleted: already };
      },
    }),

    delete_reddit_comment: redditTool({
      description: 'Delete one of your comments. It is read first, so an unknown id is reported.',
      input: z.object({ comment_id: commentId }),
      output: deleted,
      annotations: overwrites,
      scopes: SCOPES.delete,
      async run({ comment_id }, reddit) {
        const { already } = await ownThing(reddit, comment_id, 'Comment');
        if (!already) await reddit.del(comment_id);
        return { id: comment_id.slice(3), name: comment_id, deleted: true, already_deleted: already };
      },
    }),
  };
}
