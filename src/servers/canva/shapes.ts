import { z } from 'zod';
import type { CanvaUser, Design, DesignSummary, Folder, Reply, Thread } from './types.js';

/**
 * What the tools return: the fields of Canva's objects a model acts on, with Canva's Unix-second
 * times as ISO 8601. Canva's thumbnail and export URLs expire (thumbnails after 15 minutes, exports
 * after 24 hours).
 */

const iso = (seconds: number | undefined): string | null =>
  typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : null;

const userSchema = z.object({ id: z.string(), display_name: z.string().nullable() });
const toUser = (u: CanvaUser | undefined) => (u ? { id: u.id, display_name: u.display_name ?? null } : null);

export const designSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  owner: z.object({ user_id: z.string(), team_id: z.string() }).nullable(),
  edit_url: z.string().describe('Opens the design in the Canva editor (for its owner and collaborators)'),
  view_url: z.string(),
  thumbnail_url: z.string().nullable().describe('Expires after 15 minutes'),
  page_count: z.number().int().nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});

export const toDesign = (d: Design | DesignSummary): z.input<typeof designSchema> => ({
  id: d.id,
  title: d.title ?? null,
  owner: 'owner' in d && d.owner ? { user_id: d.owner.user_id, team_id: d.owner.team_id } : null,
  edit_url: d.urls.edit_url,
  view_url: d.urls.view_url,
  thumbnail_url: d.thumbnail?.url ?? null,
  page_count: d.page_count ?? null,
  created_at: iso(d.created_at),
  updated_at: iso(d.updated_at),
});

export const threadSchema = z.object({
  id: z.string(),
  design_id: z.string(),
  type: z.string().describe('comment, or suggestion (an edit proposed in a doc)'),
  message: z.string().nullable().describe('The comment as plain text; null for a suggestion'),
  author: userSchema.nullable(),
  assignee: userSchema.nullable(),
  resolver: userSchema.nullable().describe('Who resolved the thread; null while it is open'),
  suggestion_status: z.string().optional(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});

export function toThread(t: Thread): z.input<typeof threadSchema> {
  const type = t.thread_type;
  return {
    id: t.id,
    design_id: t.design_id,
    type: type.type,
    message: type.type === 'comment' ? type.content.plaintext : null,
    author: toUser(t.author),
    assignee: type.type === 'comment' ? toUser(type.assignee) : null,
    resolver: type.type === 'comment' ? toUser(type.resolver) : null,
    ...(type.type === 'suggestion' ? { suggestion_status: type.status } : {}),
    created_at: iso(t.created_at),
    updated_at: iso(t.updated_at),
  };
}

export const replySchema = z.object({
  id: z.string(),
  design_id: z.string(),
  thread_id: z.string(),
  message: z.string(),
  author: userSchema.nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});

export const toReply = (r: Reply): z.input<typeof replySchema> => ({
  id: r.id,
  design_id: r.design_id,
  thread_id: r.thread_id,
  message: r.content.plaintext,
  author: toUser(r.author),
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
});

export const folderSchema = z.object({
  id: z.string(),
  name: z.string(),
  thumbnail_url: z.string().nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});

export const toFolder = (f: Folder): z.input<typeof folderSchema> => ({
  id: f.id,
  name: f.name,
  thumbnail_url: f.thumbnail?.url ?? null,
  created_at: iso(f.created_at),
  updated_at: iso(f.updated_at),
});
