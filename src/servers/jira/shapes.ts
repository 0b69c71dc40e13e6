import { z } from 'zod';
import { adfToMarkdown } from '../../providers/atlassian/index.js';
import type {
  JiraComment,
  JiraIssue,
  JiraIssueLink,
  JiraIssueTypeStatuses,
  JiraPermission,
  JiraProject,
  JiraUser,
} from './types.js';

/**
 * What the tools return: the fields of Jira's objects a caller acts on, with rich text (ADF) as
 * Markdown, instead of Jira's payloads (avatar URLs, `self` links, schemas). One schema and one
 * mapper per kind of object.
 */

export const siteSchema = z
  .object({ id: z.string().describe('Cloud id'), name: z.string(), url: z.string() })
  .describe('The Jira site the call went to');

export const userRefSchema = z
  .object({ account_id: z.string(), display_name: z.string().nullable() })
  .nullable();

export const toUserRef = (u: JiraUser | null | undefined): z.input<typeof userRefSchema> =>
  u?.accountId ? { account_id: u.accountId, display_name: u.displayName ?? null } : null;

export const userSchema = z.object({
  account_id: z.string(),
  display_name: z.string().nullable(),
  email: z.string().nullable().describe('Absent when the user hides it'),
  active: z.boolean().nullable(),
  time_zone: z.string().nullable(),
  locale: z.string().nullable(),
  account_type: z.string().nullable(),
});

export const toUser = (u: JiraUser): z.input<typeof userSchema> => ({
  account_id: u.accountId,
  display_name: u.displayName ?? null,
  email: u.emailAddress ?? null,
  active: u.active ?? null,
  time_zone: u.timeZone ?? null,
  locale: u.locale ?? null,
  account_type: u.accountType ?? null,
});

/** The fields every issue listing asks Jira for (the enhanced search returns ids only otherwise). */
export const ISSUE_FIELDS = [
  'summary',
  'status',
  'issuetype',
  'priority',
  'assignee',
  'reporter',
  'labels',
  'project',
  'parent',
  'created',
  'updated',
  'duedate',
  'resolution',
  'description',
] as const;

/** The fields get_issue asks for besides ISSUE_FIELDS. */
export const ISSUE_DETAIL_FIELDS = [
  ...ISSUE_FIELDS,
  'creator',
  'resolutiondate',
  'comment',
  'attachment',
  'subtasks',
  'issuelinks',
  'components',
  'fixVersions',
] as const;

const linkedSchema = z.object({
  key: z.string(),
  summary: z.string().nullable(),
  status: z.string().nullable(),
});

export const issueSchema = z.object({
  key: z.string(),
  id: z.string(),
  url: z.string().describe('The issue in Jira'),
  summary: z.string().nullable(),
  status: z.string().nullable(),
  status_category: z.string().nullable().describe('To Do, In Progress or Done'),
  issue_type: z.string().nullable(),
  priority: z.string().nullable(),
  assignee: userRefSchema,
  reporter: userRefSchema,
  labels: z.array(z.string()),
  project: z.object({ key: z.string(), name: z.string().nullable() }).nullable(),
  parent: linkedSchema.nullable(),
  created: z.string().nullable(),
  updated: z.string().nullable(),
  due_date: z.string().nullable(),
  resolution: z.string().nullable(),
  description: z.string().nullable().describe('Markdown, converted from Atlassian Document Format'),
});

type Issue = z.input<typeof issueSchema>;

const name = (v: { name?: string } | null | undefined) => v?.name ?? null;

const linked = (i: { key: string; fields?: { summary?: string; status?: { name?: string } | null } }) => ({
  key: i.key,
  summary: i.fields?.summary ?? null,
  status: i.fields?.status?.name ?? null,
});

export function toIssue(issue: JiraIssue, url: string): Issue {
  const f = issue.fields ?? {};
  const description =
    f.description === undefined || f.description === null ? null : adfToMarkdown(f.description);
  return {
    key: issue.key,
    id: String(issue.id),
    url,
    summary: f.summary ?? null,
    status: name(f.status),
    status_category: f.status?.statusCategory?.name ?? null,
    issue_type: name(f.issuetype),
    priority: name(f.priority),
    assignee: toUserRef(f.assignee),
    reporter: toUserRef(f.reporter),
    labels: f.labels ?? [],
    project: f.project?.key ? { key: f.project.key, name: f.project.name ?? null } : null,
    parent: f.parent ? linked(f.parent) : null,
    created: f.created ?? null,
    updated: f.updated ?? null,
    due_date: f.duedate ?? null,
    resolution: name(f.resolution),
    description,
  };
}

export const issueListSchema = z.object({
  count: z.number(),
  issues: z.array(issueSchema),
  more: z.boolean().describe('Whether more issues match than were returned (raise max_results to get them)'),
});

export const commentSchema = z.object({
  id: z.string(),
  author: userRefSchema,
  created: z.string().nullable(),
  updated: z.string().nullable(),
  body: z.string().describe('Markdown, converted from Atlassian Document Format'),
});

export const toComment = (c: JiraComment): z.input<typeof commentSchema> => ({
  id: String(c.id),
  author: toUserRef(c.author),
  created: c.created ?? null,
  updated: c.updated ?? null,
  body: adfToMarkdown(c.body),
});

const issueLinkSchema = z.object({
  type: z.string().describe('How this issue relates to the other, e.g. "blocks" or "is blocked by"'),
  key: z.string(),
  summary: z.string().nullable(),
  status: z.string().nullable(),
});

function toLink(link: JiraIssueLink): z.input<typeof issueLinkSchema> | undefined {
  const other = link.outwardIssue ?? link.inwardIssue;
  if (!other) return undefined;
  const type =
    (link.outwardIssue ? link.type?.outward : link.type?.inward) ?? link.type?.name ?? 'relates to';
  return { type, ...linked(other) };
}

export const issueDetailSchema = issueSchema.extend({
  creator: userRefSchema,
  resolution_date: z.string().nullable(),
  components: z.array(z.string()),
  fix_versions: z.array(z.string()),
  comments: z.array(commentSchema),
  comment_total: z.number().describe('Comments on the issue, beyond the ones returned'),
  attachments: z.array(
    z.object({
      id: z.string(),
      filename: z.string().nullable(),
      size: z.number().nullable(),
      mime_type: z.string().nullable(),
      created: z.string().nullable(),
      author: userRefSchema,
    }),
  ),
  subtasks: z.array(linkedSchema),
  issue_links: z.array(issueLinkSchema),
  transitions: z
    .array(z.object({ id: z.string(), name: z.string(), to_status: z.string().nullable() }))
    .optional()
    .describe('With expand "transitions"'),
  changelog: z
    .array(
      z.object({
        author: userRefSchema,
        created: z.string().nullable(),
        changes: z.array(
          z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
        ),
      }),
    )
    .optional()
    .describe('With expand "changelog"'),
  expanded: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'Other expansions asked for (renderedFields, names, schema, operations, editmeta, ...) as Jira sends them',
    ),
});

/** Expansions mapped to their own fields; the others are passed through under `expanded`. */
const OWN_EXPANSIONS = new Set(['transitions', 'changelog']);

export function toIssueDetail(
  issue: JiraIssue,
  url: string,
  expand: readonly string[],
): z.input<typeof issueDetailSchema> {
  const f = issue.fields ?? {};
  const comments = Array.isArray(f.comment) ? f.comment : (f.comment?.comments ?? []);
  const total = Array.isArray(f.comment) ? f.comment.length : (f.comment?.total ?? comments.length);
  const expanded = Object.fromEntries(
    expand.filter((e) => !OWN_EXPANSIONS.has(e) && issue[e] !== undefined).map((e) => [e, issue[e]]),
  );
  return {
    ...toIssue(issue, url),
    creator: toUserRef(f.creator),
    resolution_date: f.resolutiondate ?? null,
    components: (f.components ?? []).map((c) => c.name ?? '').filter(Boolean),
    fix_versions: (f.fixVersions ?? []).map((v) => v.name ?? '').filter(Boolean),
    comments: comments.map(toComment),
    comment_total: total,
    attachments: (f.attachment ?? []).map((a) => ({
      id: String(a.id),
      filename: a.filename ?? null,
      size: a.size ?? null,
      mime_type: a.mimeType ?? null,
      created: a.created ?? null,
      author: toUserRef(a.author),
    })),
    subtasks: (f.subtasks ?? []).map(linked),
    issue_links: (f.issuelinks ?? []).map(toLink).filter((l) => l !== undefined),
    ...(issue.transitions
      ? {
          transitions: issue.transitions.map((t) => ({
            id: t.id,
            name: t.name,
            to_status: t.to?.name ?? null,
          })),
        }
      : {}),
    ...(issue.changelog
      ? {
          changelog: (issue.changelog.histories ?? []).map((h) => ({
            author: toUserRef(h.author),
            created: h.created ?? null,
            changes: (h.items ?? []).map((i) => ({
              field: i.field ?? '',
              from: i.fromString ?? null,
              to: i.toString ?? null,
            })),
          })),
        }
      : {}),
    ...(Object.keys(expanded).length ? { expanded } : {}),
  };
}

export const projectSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  url: z.string().describe('The project in Jira'),
  description: z.string().nullable(),
  project_type: z.string().nullable().describe('software, service_desk or business'),
  style: z.string().nullable().describe('classic (company-managed) or next-gen (team-managed)'),
  lead: userRefSchema,
  issue_types: z.array(z.object({ id: z.string(), name: z.string(), subtask: z.boolean() })).optional(),
  components: z.array(z.string()).optional(),
});

export function toProject(p: JiraProject, url: string): z.input<typeof projectSchema> {
  return {
    id: String(p.id),
    key: p.key,
    name: p.name,
    url,
    description: p.description ?? null,
    project_type: p.projectTypeKey ?? null,
    style: p.style ?? null,
    lead: toUserRef(p.lead),
    ...(p.issueTypes
      ? {
          issue_types: p.issueTypes.map((t) => ({
            id: String(t.id ?? ''),
            name: t.name ?? '',
            subtask: !!t.subtask,
          })),
        }
      : {}),
    ...(p.components ? { components: p.components.map((c) => c.name ?? '').filter(Boolean) } : {}),
  };
}

export const issueTypeStatusesSchema = z.object({
  id: z.string(),
  name: z.string(),
  subtask: z.boolean(),
  statuses: z.array(z.object({ id: z.string(), name: z.string(), category: z.string().nullable() })),
});

export const toIssueTypeStatuses = (t: JiraIssueTypeStatuses): z.input<typeof issueTypeStatusesSchema> => ({
  id: String(t.id),
  name: t.name,
  subtask: !!t.subtask,
  statuses: (t.statuses ?? []).map((s) => ({
    id: String(s.id ?? ''),
    name: s.name ?? '',
    category: s.statusCategory?.name ?? null,
  })),
});

export const permissionSchema = z.object({
  key: z.string(),
  name: z.string().nullable(),
  type: z.string().nullable().describe('GLOBAL or PROJECT'),
  have_permission: z.boolean(),
  description: z.string().nullable(),
});

export const toPermission = (p: JiraPermission): z.input<typeof permissionSchema> => ({
  key: p.key ?? '',
  name: p.name ?? null,
  type: p.type ?? null,
  have_permission: !!p.havePermission,
  description: p.description ?? null,
});
