import { z } from 'zod';
import type { CuFolder, CuList, CuRef, CuSpace, CuTask, CuTeam, CuUser } from './api.js';

/**
 * What the tools return: the fields of ClickUp's objects a caller acts on, with ClickUp's
 * millisecond timestamps (sent as strings) turned into ISO 8601. One schema and mapper per kind.
 */

/** A ClickUp timestamp (milliseconds, as a string or number) as ISO 8601, or null. */
export function iso(ms: string | number | null | undefined): string | null {
  if (ms === null || ms === undefined || ms === '') return null;
  const n = Number(ms);
  return Number.isFinite(n) ? new Date(n).toISOString() : null;
}

export const userSchema = z.object({
  id: z.number(),
  username: z.string().nullable(),
  email: z.string().nullable(),
});

export const toUser = (u: CuUser): z.input<typeof userSchema> => ({
  id: Number(u.id),
  username: u.username ?? null,
  email: u.email ?? null,
});

const refSchema = z.object({ id: z.string(), name: z.string().nullable() }).nullable();
const toRef = (r: CuRef | undefined): z.input<typeof refSchema> =>
  r ? { id: String(r.id), name: r.name ?? null } : null;

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string().nullable(),
  members: z.array(userSchema),
});

export const toWorkspace = (t: CuTeam): z.input<typeof workspaceSchema> => ({
  id: String(t.id),
  name: t.name,
  color: t.color ?? null,
  members: (t.members ?? []).map((m) => toUser(m.user)),
});

export const spaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  private: z.boolean(),
  archived: z.boolean(),
  statuses: z.array(z.string()).describe('Task statuses of the space, in order'),
  multiple_assignees: z.boolean(),
});

export const toSpace = (s: CuSpace): z.input<typeof spaceSchema> => ({
  id: String(s.id),
  name: s.name,
  private: s.private ?? false,
  archived: s.archived ?? false,
  statuses: (s.statuses ?? []).map((st) => st.status),
  multiple_assignees: s.multiple_assignees ?? false,
});

export const listSchema = z.object({
  id: z.string(),
  name: z.string(),
  content: z.string().nullable(),
  status: z.string().nullable().describe('The list’s color status, not a task status'),
  priority: z.string().nullable(),
  assignee: userSchema.nullable(),
  task_count: z.number().nullable(),
  due_date: z.string().nullable(),
  archived: z.boolean(),
  folder: refSchema,
  space: refSchema,
});

export const toList = (l: CuList): z.input<typeof listSchema> => ({
  id: String(l.id),
  name: l.name,
  content: l.content || null,
  status: l.status?.status ?? null,
  priority: l.priority?.priority ?? null,
  assignee: l.assignee ? toUser(l.assignee) : null,
  task_count: l.task_count === null || l.task_count === undefined ? null : Number(l.task_count),
  due_date: iso(l.due_date),
  archived: l.archived ?? false,
  folder: toRef(l.folder),
  space: toRef(l.space),
});

export const folderSchema = z.object({
  id: z.string(),
  name: z.string(),
  hidden: z.boolean(),
  archived: z.boolean(),
  task_count: z.number().nullable(),
  space: refSchema,
  lists: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const toFolder = (f: CuFolder): z.input<typeof folderSchema> => ({
  id: String(f.id),
  name: f.name,
  hidden: f.hidden ?? false,
  archived: f.archived ?? false,
  task_count: f.task_count === undefined ? null : Number(f.task_count),
  space: toRef(f.space),
  lists: (f.lists ?? []).map((l) => ({ id: String(l.id), name: l.name })),
});

export const taskSchema = z.object({
  id: z.string(),
  custom_id: z.string().nullable(),
  name: z.string(),
  status: z.string().nullable(),
  priority: z.string().nullable().describe('urgent, high, normal or low'),
  description: z.string().nullable(),
  url: z.string().nullable(),
  creator: userSchema.nullable(),
  assignees: z.array(userSchema),
  tags: z.array(z.string()),
  due_date: z.string().nullable(),
  start_date: z.string().nullable(),
  date_created: z.string().nullable(),
  date_updated: z.string().nullable(),
  date_closed: z.string().nullable(),
  parent: z.string().nullable(),
  archived: z.boolean(),
  list: refSchema,
  folder: refSchema,
  space: refSchema,
});

export const toTask = (t: CuTask): z.input<typeof taskSchema> => ({
  id: t.id,
  custom_id: t.custom_id ?? null,
  name: t.name,
  status: t.status?.status ?? null,
  priority: t.priority?.priority ?? null,
  description: t.text_content || t.description || null,
  url: t.url ?? null,
  creator: t.creator ? toUser(t.creator) : null,
  assignees: (t.assignees ?? []).map(toUser),
  tags: (t.tags ?? []).map((tag) => tag.name),
  due_date: iso(t.due_date),
  start_date: iso(t.start_date),
  date_created: iso(t.date_created),
  date_updated: iso(t.date_updated),
  date_closed: iso(t.date_closed),
  parent: t.parent ?? null,
  archived: t.archived ?? false,
  list: toRef(t.list),
  folder: toRef(t.folder),
  space: toRef(t.space),
});
