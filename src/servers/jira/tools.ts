import { z } from 'zod';
import { adds, overwrites, reads, writes } from '../../core/annotations.js';
import type { AnyToolDef, ToolDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { markdownToAdf } from '../../providers/atlassian/index.js';
import { type ApiFactory, type IssueFields, type JiraApi, MAX_RESULTS, type ProjectBody } from './api.js';
import {
  commentSchema,
  ISSUE_DETAIL_FIELDS,
  ISSUE_FIELDS,
  issueDetailSchema,
  issueListSchema,
  issueTypeStatusesSchema,
  permissionSchema,
  projectSchema,
  siteSchema,
  toComment,
  toIssue,
  toIssueDetail,
  toIssueTypeStatuses,
  toPermission,
  toProject,
  toUser,
  userSchema,
} from './shapes.js';

// Arguments shared by the tools. Keys are checked so none can step out of the URL path it is put in.

const site = {
  cloud_id: z
    .string()
    .optional()
    .describe('The Jira site to use, by cloud id (a site name or URL works too); default: the first site'),
  site_name: z
    .string()
    .optional()
    .describe(
      'The Jira site to use, by name (e.g. "acme") or URL (acme.atlassian.net); default: the first site',
    ),
};
type SiteArgs = { cloud_id?: string | undefined; site_name?: string | undefined };

const projectKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]+$/, 'must be a project key such as PROJ (or a project id)')
  .describe('Project key, e.g. PROJ');
const issueKey = z
  .string()
  .trim()
  .regex(/^([A-Za-z][A-Za-z0-9_]*-)?\d+$/, 'must be an issue key such as PROJ-123 (or an issue id)')
  .describe('Issue key, e.g. PROJ-123');
const accountId = (what: string) =>
  z.string().trim().min(1).describe(`Atlassian account id of the ${what} (get_myself gives yours)`);
const maxResults = (fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_RESULTS)
    .default(fallback)
    .describe(`Maximum number of results (1-${MAX_RESULTS}, default ${fallback})`);
/** guMCP took arrays; a comma-separated string is accepted too. */
const stringList = (describe: string) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .describe(describe);
const markdown = (what: string) =>
  z.string().describe(`${what}, in Markdown or plain text (sent to Jira as Atlassian Document Format)`);
const priority = z
  .string()
  .trim()
  .min(1)
  .describe('Priority name, e.g. Highest, High, Medium, Low, Lowest (sites may define their own)');
const storyPoints = z.number().min(0).describe('Story points estimate');
const labels = stringList('Labels (replace the issue’s labels); labels cannot contain spaces');

/** guMCP's default for get_my_permissions: what a user most often wants to know about a project. */
const DEFAULT_PERMISSIONS = ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ASSIGN_ISSUES'];

/** A JQL string literal: quotes and backslashes escaped, so a value cannot change the query. */
const jqlString = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const success = z.object({ success: z.literal(true), message: z.string() });

/** A Jira tool: like `tool`, but its handler gets a Jira client on the site its arguments choose. */
interface JiraToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, jira: JiraApi): Promise<z.input<O>>;
}

/** Issue fields set by create_issue and update_issue, as Jira names them. */
async function issueFields(
  jira: JiraApi,
  a: {
    summary?: string | undefined;
    description?: string | undefined;
    assignee_account_id?: string | undefined;
    priority?: string | undefined;
    story_points?: number | undefined;
    labels?: string[] | undefined;
  },
): Promise<IssueFields> {
  const fields: IssueFields = {};
  if (a.summary !== undefined) fields.summary = a.summary;
  if (a.description !== undefined) fields.description = markdownToAdf(a.description);
  if (a.assignee_account_id !== undefined) fields.assignee = { accountId: a.assignee_account_id };
  if (a.priority !== undefined) fields.priority = { name: a.priority };
  if (a.labels !== undefined) fields.labels = a.labels;
  if (a.story_points !== undefined) fields[await jira.storyPointsField()] = a.story_points;
  return fields;
}

/** The Jira tools, with clients made by `connect` (the seam tests use to shorten retries). */
export function jiraTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const jiraTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    output,
    ...def
  }: JiraToolDef<I, O>): AnyToolDef => ({
    ...def,
    output: output.extend({ site: siteSchema }),
    async handler(args, ctx) {
      const { cloud_id, site_name } = args as SiteArgs;
      const jira = await connect(ctx, def.scopes, { cloudId: cloud_id, siteName: site_name });
      const result = await run(args as z.output<I>, jira);
      return { ...result, site: { id: jira.site.id, name: jira.site.name, url: jira.site.url } };
    },
  });

  return {
    // Projects

    create_project: jiraTool({
      description:
        'Create a Jira project. The lead defaults to you; template_key picks a template of the project type ' +
        '(e.g. com.pyxis.greenhopper.jira:gh-simplified-kanban-classic).',
      input: z.object({
        key: z
          .string()
          .trim()
          .toUpperCase()
          .regex(
            /^[A-Z][A-Z0-9_]{1,9}$/,
            'must be 2-10 uppercase letters, digits or _ starting with a letter',
          )
          .describe('Project key, e.g. PRJ'),
        name: z.string().trim().min(1).describe('Project name'),
        description: z.string().optional().describe('Project description (plain text)'),
        project_type_key: z.enum(['software', 'service_desk', 'business']).describe('Type of project'),
        lead_account_id: accountId('project lead').optional(),
        template_key: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Project template key (must fit the type)'),
        ...site,
      }),
      output: projectSchema.pick({ id: true, key: true, url: true }),
      annotations: adds,
      scopes: ['manage:jira-project', 'write:jira-work'],
      async run(a, jira) {
        const body: ProjectBody = {
          key: a.key,
          name: a.name,
          projectTypeKey: a.project_type_key,
          leadAccountId: a.lead_account_id ?? (await jira.myself()).accountId,
          ...(a.description !== undefined ? { description: a.description } : {}),
          ...(a.template_key ? { projectTemplateKey: a.template_key } : {}),
        };
        const created = await jira.createProject(body);
        return { id: String(created.id), key: created.key, url: jira.browseUrl(created.key) };
      },
    }),

    get_project: jiraTool({
      description: 'Get a project: name, description, lead, type, issue types and components.',
      input: z.object({ project_key: projectKey, ...site }),
      output: projectSchema,
      annotations: reads,
      scopes: ['read:jira-work'],
      async run({ project_key }, jira) {
        const project = await jira.getProject(project_key);
        return toProject(project, jira.browseUrl(project.key));
      },
    }),

    update_project: jiraTool({
      description: "Change a project's name, description or lead; what is not given stays.",
      input: z.object({
        project_key: projectKey,
        name: z.string().trim().min(1).optional().describe('New project name'),
        description: z.string().optional().describe('New project description (plain text)'),
        lead_account_id: accountId('new project lead').optional(),
        ...site,
      }),
      output: projectSchema,
      annotations: overwrites,
      scopes: ['manage:jira-project', 'write:jira-work'],
      async run({ project_key, name, description, lead_account_id }, jira) {
        if (name === undefined && description === undefined && lead_account_id === undefined) {
          throw new ToolError('Invalid arguments: give at least one of name, description, lead_account_id');
        }
        const project = await jira.updateProject(project_key, {
          ...(name !== undefined ? { name } : {}),
          ...(description !== undefined ? { description } : {}),
          ...(lead_account_id !== undefined ? { leadAccountId: lead_account_id } : {}),
        });
        return toProject(project, jira.browseUrl(project.key));
      },
    }),

    delete_project: jiraTool({
      description:
        'Delete a project and its issues. It goes to the Jira trash, where a Jira admin can restore it for 60 days.',
      input: z.object({ project_key: projectKey, ...site }),
      output: success.extend({ project_key: z.string() }),
      annotations: overwrites,
      scopes: ['manage:jira-project'],
      async run({ project_key }, jira) {
        await jira.deleteProject(project_key);
        return {
          success: true as const,
          project_key,
          message: `Project ${project_key} moved to the Jira trash (restorable for 60 days)`,
        };
      },
    }),

    list_projects: jiraTool({
      description: 'List the projects you can see, by key.',
      input: z.object({ max_results: maxResults(50), ...site }),
      output: z.object({
        count: z.number(),
        projects: z.array(projectSchema),
        more: z.boolean().describe('Whether there are more projects than were returned'),
      }),
      annotations: reads,
      scopes: ['read:jira-work'],
      async run({ max_results }, jira) {
        const { projects, more } = await jira.listProjects(max_results);
        return {
          count: projects.length,
          projects: projects.map((p) => toProject(p, jira.browseUrl(p.key))),
          more,
        };
      },
    }),

    get_issue_types_for_project: jiraTool({
      description:
        'List the issue types of a project (e.g. Task, Bug, Story) with the statuses each can have.',
      input: z.object({ project_key: projectKey, ...site }),
      output: z.object({ project_key: z.string(), issue_types: z.array(issueTypeStatusesSchema) }),
      annotations: reads,
      scopes: ['read:jira-work'],
      async run({ project_key }, jira) {
        const types = await jira.projectStatuses(project_key);
        return { project_key, issue_types: types.map(toIssueTypeStatuses) };
      },
    }),

    // Issues

    create_issue: jiraTool({
      description:
        'Create an issue in a project. The description is Markdown (headings, lists, code, links; ' +
        '[~accountid:ID] mentions a user). parent_key makes a sub-task or a child of an epic.',
      input: z.object({
        project_key: projectKey,
        summary: z.string().trim().min(1).describe('Issue summary (title)'),
        description: markdown('Issue description').optional(),
        issue_type: z
          .string()
          .trim()
          .min(1)
          .describe(
            'Issue type name, e.g. Task, Bug, Story, Epic, Subtask (get_issue_types_for_project lists them)',
          ),
        assignee_account_id: accountId('assignee').optional(),
        priority: priority.optional(),
        parent_key: issueKey.optional().describe('Parent issue key, for a sub-task or an epic child'),
        story_points: storyPoints.optional(),
        labels: labels.optional(),
        ...site,
      }),
      output: z.object({ id: z.string(), key: z.string(), url: z.string() }),
      annotations: adds,
      scopes: ['write:jira-work'],
      async run(a, jira) {
        const fields: IssueFields = {
          project: { key: a.project_key },
          issuetype: { name: a.issue_type },
          ...(await issueFields(jira, a)),
          ...(a.parent_key ? { parent: { key: a.parent_key } } : {}),
        };
        const created = await jira.createIssue(fields);
        return { id: String(created.id), key: created.key, url: jira.browseUrl(created.key) };
      },
    }),

    get_issue: jiraTool({
      description:
        'Get an issue: summary, status, people, description and comments (as Markdown), attachments, ' +
        'sub-tasks and links. expand adds "transitions", "changelog", or Jira expansions such as "renderedFields".',
      input: z.object({
        issue_key: issueKey,
        expand: stringList('Expansions, e.g. ["transitions", "changelog"]').optional(),
        ...site,
      }),
      output: issueDetailSchema,
      annotations: reads,
      scopes: ['read:jira-work'],
      async run({ issue_key, expand = [] }, jira) {
        const issue = await jira.getIssue(issue_key, ISSUE_DETAIL_FIELDS, expand);
        return toIssueDetail(issue, jira.browseUrl(issue.key), expand);
      },
    }),

    update_issue: jiraTool({
      description:
        "Change an issue's summary, description (Markdown), assignee, priority, story points or labels; what is not given stays.",
      input: z.object({
        issue_key: issueKey,
        summary: z.string().trim().min(1).optional().describe('New summary (title)'),
        description: markdown('New description').optional(),
        assignee_account_id: accountId('new assignee').optional(),
        priority: priority.optional(),
        story_points: storyPoints.optional(),
        labels: labels.optional(),
        ...site,
      }),
      output: success.extend({ issue_key: z.string(), url: z.string(), updated_fields: z.array(z.string()) }),
      annotations: overwrites,
      scopes: ['write:jira-work'],
      async run(a, jira) {
        const given = (
          ['summary', 'description', 'assignee_account_id', 'priority', 'story_points', 'labels'] as const
        ).filter((k) => a[k] !== undefined);
        if (!given.length) {
          throw new ToolError(
            'Invalid arguments: give at least one of summary, description, assignee_account_id, priority, story_points, labels',
          );
        }
        await jira.updateIssue(a.issue_key, await issueFields(jira, a));
        return {
          success: true as const,
          issue_key: a.issue_key,
          url: jira.browseUrl(a.issue_key),
          updated_fields: [...given],
          message: `Issue ${a.issue_key} updated`,
        };
      },
    }),

    delete_issue: jiraTool({
      description: 'Delete an issue for good (an issue with sub-tasks cannot be deleted).',
      input: z.object({ issue_key: issueKey, ...site }),
      output: success.extend({ issue_key: z.string() }),
      annotations: overwrites,
      scopes: ['write:jira-work'],
      async run({ issue_key }, jira) {
        await jira.deleteIssue(issue_key);
        return { success: true as const, issue_key, message: `Issue ${issue_key} deleted` };
      },
    }),

    transition_my_issue: jiraTool({
      description:
        'Move an issue to another status (e.g. "In Progress", "Done") through its workflow, optionally with a comment. ' +
        'transition_to may name the target status or the transition.',
      input: z.object({
        issue_key: issueKey,
        transition_to: z
          .string()
          .trim()
          .min(1)
          .describe('Target status (or transition name), e.g. "In Progress"'),
        comment: markdown('Comment to add with the transition').optional(),
        ...site,
      }),
      output: success.extend({
        issue_key: z.string(),
        transition: z.object({ id: z.string(), name: z.string() }),
        status: z.string().nullable().describe('The status the issue moved to'),
      }),
      annotations: writes(false, false),
      scopes: ['write:jira-work'],
      async run({ issue_key, transition_to, comment }, jira) {
        const transitions = await jira.transitions(issue_key);
        const wanted = transition_to.toLowerCase();
        const chosen =
          transitions.find((t) => t.to?.name?.toLowerCase() === wanted) ??
          transitions.find((t) => t.name.toLowerCase() === wanted);
        if (!chosen) {
          const available = transitions.map((t) => `"${t.to?.name ?? t.name}" (${t.name})`).join(', ');
          throw new ToolError(
            `Invalid arguments: transition_to: issue ${issue_key} cannot move to "${transition_to}" from its status; ` +
              (available ? `available: ${available}` : 'it has no transitions you may use'),
          );
        }
        await jira.transition(issue_key, chosen.id, comment ? markdownToAdf(comment) : undefined);
        const status = chosen.to?.name ?? null;
        return {
          success: true as const,
          issue_key,
          transition: { id: chosen.id, name: chosen.name },
          status,
          message: `Issue ${issue_key} moved to ${status ?? chosen.name}`,
        };
      },
    }),

    list_issues: jiraTool({
      description:
        'Search issues with JQL, e.g. project = PROJ AND status = "In Progress" ORDER BY updated DESC. ' +
        'Descriptions come as Markdown.',
      input: z.object({
        jql: z
          .string()
          .trim()
          .min(1)
          .describe('JQL query; it must be bounded (name a project, a user, a date...)'),
        max_results: maxResults(50),
        ...site,
      }),
      output: issueListSchema,
      annotations: reads,
      scopes: ['read:jira-work'],
      async run({ jql, max_results }, jira) {
        return searchIssues(jira, jql, max_results);
      },
    }),

    comment_on_issue: jiraTool({
      description: 'Add a comment to an issue, in Markdown ([~accountid:ID] mentions a user).',
      input: z.object({ issue_key: issueKey, body: markdown('Comment text'), ...site }),
      output: commentSchema.extend({ issue_key: z.string(), url: z.string() }),
      annotations: adds,
      scopes: ['write:jira-work'],
      async run({ issue_key, body }, jira) {
        const comment = await jira.addComment(issue_key, markdownToAdf(body));
        const url = `${jira.browseUrl(issue_key)}?focusedCommentId=${encodeURIComponent(String(comment.id))}`;
        return { ...toComment(comment), issue_key, url };
      },
    }),

    // You

    get_myself: jiraTool({
      description: 'Get your Jira account: account id, name, email, time zone.',
      input: z.object({ ...site }),
      output: userSchema,
      annotations: reads,
      scopes: ['read:jira-user'],
      async run(_args, jira) {
        return toUser(await jira.myself());
      },
    }),

    get_my_issues: jiraTool({
      description:
        'Issues assigned to you, most recently updated first: open ones (not Done), or those in `status`.',
      input: z.object({
        status: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Only issues in this status, e.g. "In Progress"'),
        max_results: maxResults(50),
        ...site,
      }),
      output: issueListSchema,
      annotations: reads,
      scopes: ['read:jira-work', 'read:jira-user'],
      async run({ status, max_results }, jira) {
        const filter = status ? `status = ${jqlString(status)}` : 'statusCategory != Done';
        return searchIssues(
          jira,
          `assignee = currentUser() AND ${filter} ORDER BY updated DESC`,
          max_results,
        );
      },
    }),

    get_my_recent_activity: jiraTool({
      description:
        'Issues you recently worked on (assigned to you now or before, reported or updated by you), most recently updated first.',
      input: z.object({ max_results: maxResults(20), ...site }),
      output: issueListSchema,
      annotations: reads,
      scopes: ['read:jira-work', 'read:jira-user'],
      async run({ max_results }, jira) {
        const jql =
          'assignee = currentUser() OR assignee WAS currentUser() OR reporter = currentUser() ' +
          'OR issue IN updatedBy(currentUser()) ORDER BY updated DESC';
        return searchIssues(jira, jql, max_results);
      },
    }),

    get_my_permissions: jiraTool({
      description:
        'Which permissions you have in a project, e.g. BROWSE_PROJECTS, CREATE_ISSUES, EDIT_ISSUES, ' +
        'ASSIGN_ISSUES (the default), TRANSITION_ISSUES, DELETE_ISSUES, ADMINISTER_PROJECTS.',
      input: z.object({
        project_key: projectKey,
        permissions: stringList(
          'Permission keys to check (default BROWSE_PROJECTS, CREATE_ISSUES, EDIT_ISSUES, ASSIGN_ISSUES)',
        ).optional(),
        ...site,
      }),
      output: z.object({ project_key: z.string(), permissions: z.array(permissionSchema) }),
      annotations: reads,
      scopes: ['read:jira-user'],
      async run({ project_key, permissions }, jira) {
        const keys = permissions?.length ? permissions.map((p) => p.toUpperCase()) : DEFAULT_PERMISSIONS;
        const found = await jira.myPermissions(project_key, keys);
        return { project_key, permissions: found.map(toPermission) };
      },
    }),
  };
}

async function searchIssues(
  jira: JiraApi,
  jql: string,
  limit: number,
): Promise<z.input<typeof issueListSchema>> {
  const { issues, more } = await jira.search(jql, ISSUE_FIELDS, limit);
  return { count: issues.length, issues: issues.map((i) => toIssue(i, jira.browseUrl(i.key))), more };
}
