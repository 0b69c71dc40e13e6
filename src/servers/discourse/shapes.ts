import { z } from 'zod';
import type { DcCategory, DcPost, DcTopic, DcUser } from './api.js';

/** What the tools and resources return: the fields of Discourse's objects a caller acts on. */

/** An address on the forum, from a path Discourse gives (e.g. `/t/slug/91`). */
export const link = (site: URL, path: string): string => new URL(path.replace(/^\//, ''), site).href;

/** A post's HTML (`cooked`) as plain text, for reading; Discourse keeps the Markdown only on request. */
export function plainText(html: string | undefined): string | null {
  if (html === undefined) return null;
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d|blockquote|pre)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export const categorySchema = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  topic_count: z.number().nullable(),
  post_count: z.number().nullable(),
  read_restricted: z.boolean().describe('Only some groups can see it'),
  parent_category_id: z.number().nullable(),
  subcategory_ids: z.array(z.number()),
  url: z.string(),
});

export const toCategory = (site: URL, c: DcCategory): z.input<typeof categorySchema> => ({
  id: c.id,
  name: c.name,
  slug: c.slug,
  description: c.description_text ?? null,
  topic_count: c.topic_count ?? null,
  post_count: c.post_count ?? null,
  read_restricted: c.read_restricted ?? false,
  parent_category_id: c.parent_category_id ?? null,
  subcategory_ids: c.subcategory_ids ?? [],
  url: link(site, `/c/${c.slug}/${c.id}`),
});

export const topicSchema = z.object({
  id: z.number(),
  title: z.string(),
  category_id: z.number().nullable(),
  tags: z.array(z.string()),
  posts_count: z.number().nullable(),
  created_at: z.string().nullable(),
  last_posted_at: z.string().nullable(),
  closed: z.boolean(),
  url: z.string(),
});

const tagName = (t: string | { name: string }) => (typeof t === 'string' ? t : t.name);

export const toTopic = (site: URL, t: DcTopic): z.input<typeof topicSchema> => ({
  id: t.id,
  title: t.title,
  category_id: t.category_id ?? null,
  tags: (t.tags ?? []).map(tagName),
  posts_count: t.posts_count ?? null,
  created_at: t.created_at ?? null,
  last_posted_at: t.last_posted_at ?? null,
  closed: t.closed ?? false,
  url: link(site, `/t/${t.slug}/${t.id}`),
});

export const postSchema = z.object({
  id: z.number(),
  topic_id: z.number(),
  post_number: z.number(),
  username: z.string(),
  created_at: z.string().nullable(),
  text: z.string().nullable(),
});

export const toPost = (p: DcPost): z.input<typeof postSchema> => ({
  id: p.id,
  topic_id: p.topic_id,
  post_number: p.post_number,
  username: p.username,
  created_at: p.created_at ?? null,
  text: plainText(p.cooked) ?? p.blurb ?? null,
});

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  trust_level: z.number().nullable().describe('0 (new) to 4 (leader)'),
  moderator: z.boolean(),
  admin: z.boolean(),
  created_at: z.string().nullable(),
  last_posted_at: z.string().nullable(),
  last_seen_at: z.string().nullable(),
  post_count: z.number().nullable(),
  topic_count: z.number().nullable(),
  badge_count: z.number().nullable(),
  bio: z.string().nullable(),
  location: z.string().nullable(),
  website: z.string().nullable(),
  url: z.string(),
});

export const toUser = (site: URL, u: DcUser): z.input<typeof userSchema> => ({
  id: u.id,
  username: u.username,
  name: u.name || null,
  title: u.title ?? null,
  trust_level: u.trust_level ?? null,
  moderator: u.moderator ?? false,
  admin: u.admin ?? false,
  created_at: u.created_at ?? null,
  last_posted_at: u.last_posted_at ?? null,
  last_seen_at: u.last_seen_at ?? null,
  post_count: u.post_count ?? null,
  topic_count: u.topic_count ?? null,
  badge_count: u.badge_count ?? null,
  bio: u.bio_raw ?? null,
  location: u.location ?? null,
  website: u.website ?? null,
  url: link(site, `/u/${encodeURIComponent(u.username)}`),
});
