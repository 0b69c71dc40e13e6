import { z } from 'zod';
import type { FeedViewPost, PostView, ProfileView, ProfileViewDetailed } from './api.js';
import { describeFacet, type Facet } from './facets.js';
import { postUrl } from './ids.js';

/**
 * What the tools return: the fields of Bluesky's views a caller acts on, with bsky.app links for
 * people and AT URIs for the tools that take them.
 */

const profileUrl = (handle: string) => `https://bsky.app/profile/${handle}`;

const relationSchema = z.object({
  following: z.boolean().describe('You follow this account'),
  followed_by: z.boolean().describe('This account follows you'),
  muted: z.boolean(),
  blocking: z.boolean().describe('You block this account'),
  blocked_by: z.boolean().describe('This account blocks you'),
});

const relation = (p: ProfileView): z.input<typeof relationSchema> => ({
  following: Boolean(p.viewer?.following),
  followed_by: Boolean(p.viewer?.followedBy),
  muted: Boolean(p.viewer?.muted),
  blocking: Boolean(p.viewer?.blocking),
  blocked_by: Boolean(p.viewer?.blockedBy),
});

export const actorSchema = z.object({
  did: z.string(),
  handle: z.string(),
  display_name: z.string().nullable(),
  description: z.string().nullable(),
  avatar: z.string().nullable(),
  url: z.string().describe('The profile on bsky.app'),
  relation: relationSchema,
});

export function toActor(p: ProfileView): z.input<typeof actorSchema> {
  return {
    did: p.did,
    handle: p.handle,
    display_name: p.displayName || null,
    description: p.description || null,
    avatar: p.avatar ?? null,
    url: profileUrl(p.handle),
    relation: relation(p),
  };
}

export const profileSchema = actorSchema.extend({
  banner: z.string().nullable(),
  website: z.string().nullable(),
  pronouns: z.string().nullable(),
  followers_count: z.number().nullable(),
  follows_count: z.number().nullable(),
  posts_count: z.number().nullable(),
  created_at: z.string().nullable(),
  pinned_post: z.string().nullable().describe('AT URI of the pinned post'),
  labels: z.array(z.string()),
});

export function toProfile(p: ProfileViewDetailed): z.input<typeof profileSchema> {
  return {
    ...toActor(p),
    banner: p.banner ?? null,
    website: p.website ?? null,
    pronouns: p.pronouns || null,
    followers_count: p.followersCount ?? null,
    follows_count: p.followsCount ?? null,
    posts_count: p.postsCount ?? null,
    created_at: p.createdAt ?? null,
    pinned_post: p.pinnedPost?.uri ?? null,
    labels: (p.labels ?? []).map((l) => l.val),
  };
}

export const postSchema = z.object({
  uri: z.string().describe('AT URI of the post (delete_post takes it)'),
  cid: z.string(),
  url: z.string().nullable().describe('The post on bsky.app'),
  author: z.object({ did: z.string(), handle: z.string(), display_name: z.string().nullable() }),
  text: z.string(),
  created_at: z.string().nullable(),
  indexed_at: z.string(),
  langs: z.array(z.string()),
  reply_to: z.string().nullable().describe('AT URI of the post this one answers'),
  embed: z
    .string()
    .nullable()
    .describe('What is attached: images, video, external (a link card), record (a quote)'),
  links: z.array(z.string()).describe('URLs in the text (its link facets)'),
  like_count: z.number().nullable(),
  repost_count: z.number().nullable(),
  reply_count: z.number().nullable(),
  quote_count: z.number().nullable(),
});

/** `app.bsky.embed.images#view` → `images`. */
const embedKind = (type: string | undefined): string | null =>
  type?.replace(/^app\.bsky\.embed\./, '').replace(/#view$/, '') ?? null;

export function toPost(p: PostView): z.input<typeof postSchema> {
  const record = p.record ?? {};
  const links = (record.facets ?? []).flatMap((f) =>
    (f.features ?? []).flatMap((feature) =>
      'uri' in feature && typeof feature.uri === 'string' ? [feature.uri] : [],
    ),
  );
  return {
    uri: p.uri,
    cid: p.cid,
    url: postUrl(p.uri, p.author?.handle),
    author: { did: p.author.did, handle: p.author.handle, display_name: p.author.displayName || null },
    text: record.text ?? '',
    created_at: record.createdAt ?? null,
    indexed_at: p.indexedAt,
    langs: record.langs ?? [],
    reply_to: record.reply?.parent?.uri ?? null,
    embed: embedKind(p.embed?.$type),
    links,
    like_count: p.likeCount ?? null,
    repost_count: p.repostCount ?? null,
    reply_count: p.replyCount ?? null,
    quote_count: p.quoteCount ?? null,
  };
}

export const feedItemSchema = postSchema.extend({
  reposted_by: z.string().nullable().describe('Handle of who reposted it into this feed, if it is a repost'),
  pinned: z.boolean(),
});

export function toFeedItem(item: FeedViewPost): z.input<typeof feedItemSchema> {
  const reason = item.reason?.$type;
  return {
    ...toPost(item.post),
    reposted_by: reason === 'app.bsky.feed.defs#reasonRepost' ? (item.reason?.by?.handle ?? null) : null,
    pinned: reason === 'app.bsky.feed.defs#reasonPin',
  };
}

export const facetOutput = z.object({
  type: z.string().describe('link, mention or tag'),
  text: z.string().describe('The part of the text it marks'),
  value: z.string().describe('The URL, the DID of the mentioned account, or the tag'),
  byte_start: z.number(),
  byte_end: z.number(),
});

export const toFacets = (text: string, facets: readonly Facet[]) => facets.map((f) => describeFacet(text, f));

export const cursorOutput = z
  .string()
  .nullable()
  .describe('Pass as `cursor` for the next page; null at the end');
