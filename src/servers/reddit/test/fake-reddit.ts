/**
 * Bodies in the shapes Reddit's API answers with (reddit.com/dev/api, and the field tables of the
 * Submission, Comment and Listing objects in Pyprohly's reddit-api-doc-notes), for the fake to send.
 * Listings are `{ kind: "Listing", data: { after, before, dist, children: [{ kind, data }] } }`;
 * writes with api_type=json answer `{ json: { errors: [[code, message, field]], data } }` with 200.
 */

export function post(id: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 't3',
    data: {
      approved_at_utc: null,
      subreddit: 'python',
      selftext: `Body of post ${id}`,
      author_fullname: 't2_abc12',
      saved: false,
      gilded: 0,
      clicked: false,
      title: `Post ${id}`,
      subreddit_name_prefixed: 'r/python',
      hidden: false,
      downs: 0,
      upvote_ratio: 0.97,
      ups: 42,
      link_flair_text: 'Discussion',
      score: 42,
      edited: false,
      is_self: true,
      created: 1_700_000_000,
      domain: 'self.python',
      selftext_html: `&lt;div class="md"&gt;&lt;p&gt;Body of post ${id}&lt;/p&gt;&lt;/div&gt;`,
      archived: false,
      over_18: false,
      spoiler: false,
      locked: false,
      subreddit_id: 't5_2qh0y',
      id,
      author: 'alice',
      num_comments: 3,
      permalink: `/r/python/comments/${id}/post_${id}/`,
      stickied: false,
      url: `https://www.reddit.com/r/python/comments/${id}/post_${id}/`,
      created_utc: 1_700_000_000,
      is_video: false,
      is_original_content: false,
      removed_by_category: null,
      name: `t3_${id}`,
      ...extra,
    },
  };
}

export function listing(children: unknown[], after: string | null = null, before: string | null = null) {
  return {
    kind: 'Listing',
    data: { after, dist: children.length, modhash: '', geo_filter: '', children, before },
  };
}

export function comment(id: string, parent: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 't1',
    data: {
      total_awards_received: 0,
      subreddit_id: 't5_2qh0y',
      link_id: 't3_abc123',
      replies: '',
      saved: false,
      id,
      gilded: 0,
      archived: false,
      author: 'bob',
      parent_id: parent,
      score: 5,
      author_fullname: 't2_def34',
      body: `Comment ${id}`,
      edited: false,
      is_submitter: false,
      body_html: `&lt;div class="md"&gt;&lt;p&gt;Comment ${id}&lt;/p&gt;&lt;/div&gt;`,
      stickied: false,
      permalink: `/r/python/comments/abc123/post_abc123/${id}/`,
      name: `t1_${id}`,
      created: 1_700_000_100,
      subreddit: 'python',
      created_utc: 1_700_000_100,
      depth: 0,
      ups: 5,
      ...extra,
    },
  };
}

/** A "load more comments" stub, as the last child of a listing of comments. */
export function more(parent: string, count: number, children: string[], depth = 0) {
  return {
    kind: 'more',
    data: {
      count,
      name: `t1_${children[0] ?? '_'}`,
      id: children[0] ?? '_',
      parent_id: parent,
      depth,
      children,
    },
  };
}

export const submitted = (id: string) => ({
  json: {
    errors: [],
    data: {
      url: `https://www.reddit.com/r/python/comments/${id}/my_title/`,
      drafts_count: 0,
      id,
      name: `t3_${id}`,
    },
  },
});

/** A created or edited comment or post, wrapped as /api/comment and /api/editusertext answer. */
export const things = (...items: unknown[]) => ({ json: { errors: [], data: { things: items } } });

/** An error in the body of a 200, as Reddit answers writes sent with api_type=json. */
export const apiError = (code: string, message: string, field: string | null, ratelimit?: number) => ({
  json: { ...(ratelimit === undefined ? {} : { ratelimit }), errors: [[code, message, field]] },
});

export const unauthorized = { message: 'Unauthorized', error: 401 };
export const forbidden = { message: 'Forbidden', error: 403 };
export const notFound = { message: 'Not Found', error: 404 };
export const tooManyRequests = { message: 'Too Many Requests', error: 429 };
export const serverError = { message: 'Internal Server Error', error: 500 };
export const privateSubreddit = { reason: 'private', message: 'Forbidden', error: 403 };
export const bannedSubreddit = { reason: 'banned', message: 'Not Found', error: 404 };

/** WWW-Authenticate of a token without the scope an endpoint needs (r2's OAuth2ResourceController). */
export const insufficientScope = { 'www-authenticate': 'Bearer realm="reddit", error="insufficient_scope"' };
export const invalidToken = { 'www-authenticate': 'Bearer realm="reddit", error="invalid_token"' };

export const me = {
  name: 'alice',
  id: 'abc12',
  created_utc: 1_500_000_000,
  link_karma: 10,
  comment_karma: 20,
};
