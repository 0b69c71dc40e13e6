import { z } from 'zod';
import type { Listing, MoreComments, RedditComment, RedditPost, Thing } from './api.js';

/**
 * What the tools return: the fields of Reddit's posts and comments a caller acts on, with links made
 * absolute and times given both as Reddit's Unix seconds (guMCP's `created_utc`) and ISO 8601.
 */

const SITE = 'https://www.reddit.com';
/** Text a listing shows of each post; get_reddit_post_details gives the whole of it. */
export const LISTED_TEXT_CHARS = 1000;

const iso = (seconds: number | undefined): string | null =>
  typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : null;

/** Reddit's `edited`: false, or when it was edited in Unix seconds. */
const editedAt = (edited: boolean | number | undefined): string | null =>
  typeof edited === 'number' ? iso(edited) : null;

const link = (permalink: string | undefined): string | null => (permalink ? `${SITE}${permalink}` : null);

export const postSchema = z.object({
  id: z.string().describe('Id of the post (e.g. abc123)'),
  name: z.string().describe('Fullname of the post (t3_abc123), for parent_id and paging'),
  title: z.string(),
  author: z.string(),
  subreddit: z.string(),
  score: z.number().nullable(),
  num_comments: z.number().nullable(),
  created_utc: z.number().describe('When it was posted, in Unix seconds'),
  created_at: z.string().nullable().describe('When it was posted, ISO 8601'),
  edited_at: z.string().nullable(),
  permalink: z.string().nullable().describe('The post on reddit.com'),
  url: z.string().nullable().describe('What a link post links to; the post itself for a text post'),
  is_self: z.boolean().describe('A text post (true) or a link, image or video post (false)'),
  selftext: z.string().describe('Body of a text post (Markdown)'),
  selftext_truncated: z.boolean().describe('The body was cut; get_reddit_post_details gives all of it'),
  flair: z.string().nullable(),
  over_18: z.boolean(),
  spoiler: z.boolean(),
  locked: z.boolean(),
  stickied: z.boolean(),
});

export type PostOut = z.input<typeof postSchema>;

/** A post as listings show it; `maxText` cuts long bodies (listings), Infinity keeps them whole. */
export function toPost(p: RedditPost, maxText = LISTED_TEXT_CHARS): PostOut {
  const body = p.selftext ?? '';
  return {
    id: p.id,
    name: p.name,
    title: p.title,
    author: p.author,
    subreddit: p.subreddit,
    score: p.score ?? null,
    num_comments: p.num_comments ?? null,
    created_utc: p.created_utc,
    created_at: iso(p.created_utc),
    edited_at: editedAt(p.edited),
    permalink: link(p.permalink),
    url: p.url ?? null,
    is_self: p.is_self ?? false,
    selftext: body.length > maxText ? body.slice(0, maxText) : body,
    selftext_truncated: body.length > maxText,
    flair: p.link_flair_text ?? null,
    over_18: p.over_18 ?? false,
    spoiler: p.spoiler ?? false,
    locked: p.locked ?? false,
    stickied: p.stickied ?? false,
  };
}

export const postDetailsSchema = postSchema.extend({
  author_fullname: z.string().nullable(),
  subreddit_id: z.string().nullable(),
  upvote_ratio: z.number().nullable(),
  domain: z.string().nullable(),
  post_hint: z.string().nullable(),
  is_video: z.boolean(),
  is_original_content: z.boolean(),
  archived: z.boolean().describe('Archived posts take no new comments'),
  removed_by: z.string().nullable().describe('Why the post is gone (deleted, moderator, ...), if it is'),
});

export function toPostDetails(p: RedditPost): z.input<typeof postDetailsSchema> {
  return {
    ...toPost(p, Number.POSITIVE_INFINITY),
    author_fullname: p.author_fullname ?? null,
    subreddit_id: p.subreddit_id ?? null,
    upvote_ratio: p.upvote_ratio ?? null,
    domain: p.domain ?? null,
    post_hint: p.post_hint ?? null,
    is_video: p.is_video ?? false,
    is_original_content: p.is_original_content ?? false,
    archived: p.archived ?? false,
    removed_by: p.removed_by_category ?? null,
  };
}

export const commentSchema = z.object({
  id: z.string(),
  name: z.string().describe('Fullname (t1_...), for parent_id to reply to it'),
  parent_id: z.string().describe('Fullname of the post (t3_) or comment (t1_) it answers'),
  depth: z.number().describe('0 for a comment on the post, 1 for a reply to one, ...'),
  author: z.string(),
  body: z.string().describe('Markdown'),
  score: z.number().nullable(),
  created_utc: z.number(),
  created_at: z.string().nullable(),
  edited_at: z.string().nullable(),
  permalink: z.string().nullable(),
  is_submitter: z.boolean().describe('Written by the author of the post'),
  stickied: z.boolean(),
});

export type CommentOut = z.input<typeof commentSchema>;

export function toComment(c: RedditComment, depth = c.depth ?? 0): CommentOut {
  return {
    id: c.id,
    name: c.name,
    parent_id: c.parent_id,
    depth,
    author: c.author,
    body: c.body,
    score: c.score ?? null,
    created_utc: c.created_utc,
    created_at: iso(c.created_utc),
    edited_at: editedAt(c.edited),
    permalink: link(c.permalink),
    is_submitter: c.is_submitter ?? false,
    stickied: c.stickied ?? false,
  };
}

/**
 * A comment tree as one list in reading order (each comment before its replies), with the number of
 * comments Reddit left behind "load more" stubs.
 */
export function flattenComments(children: Thing<RedditComment | MoreComments>[]): {
  comments: CommentOut[];
  not_loaded: number;
} {
  const comments: CommentOut[] = [];
  let notLoaded = 0;
  const walk = (things: Thing<RedditComment | MoreComments>[], depth: number) => {
    for (const thing of things) {
      if (thing.kind === 'more') {
        const more = thing.data as MoreComments;
        // "continue this thread" stubs have count 0 but still hide replies.
        notLoaded += more.count || more.children.length || 1;
        continue;
      }
      if (thing.kind !== 't1') continue;
      const comment = thing.data as RedditComment;
      comments.push(toComment(comment, comment.depth ?? depth));
      const replies = comment.replies as Listing<RedditComment | MoreComments> | '' | undefined;
      if (replies && typeof replies === 'object') walk(replies.data.children, depth + 1);
    }
  };
  walk(children, 0);
  return { comments, not_loaded: notLoaded };
}
