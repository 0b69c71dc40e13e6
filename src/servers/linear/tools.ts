import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type ApiFactory, type IssueInput, type LinearApi, type LinearIssue, MAX_LIMIT } from './api.js';

// Arguments shared by the tools.
const id = (what: string) => z.string().trim().min(1).describe(what);
const priority = z
  .number()
  .int()
  .min(0)
  .max(4)
  .describe('Priority: 1 urgent (highest), 2 high, 3 medium, 4 low, 0 no priority');
const labelIds = z
  .array(z.string().trim().min(1))
  .describe('Label ids (see the team resource linear://team/{team_id}); replaces the issue’s labels');
const assigneeId = z
  .string()
  .trim()
  .describe('User id of the assignee (see the team resource); an empty string unassigns');

const ref = z.object({ id: z.string(), name: z.string() });

/** An issue as every tool answers with it: Linear's field names, labels as a plain list. */
const issueSchema = z.object({
  id: z.string(),
  identifier: z.string().describe('Team key and number, e.g. ENG-123'),
  title: z.string(),
  url: z.string(),
  priority: z.number(),
  priorityLabel: z.string(),
  state: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  team: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  assignee: ref.nullable(),
  project: ref.nullable(),
  labels: z.array(ref),
  createdAt: z.string(),
  updatedAt: z.string(),
  description: z.string().nullable().optional().describe('Markdown'),
});

const mutationResult = z.object({ success: z.boolean(), issue: issueSchema });

function toIssue({ labels, ...issue }: LinearIssue): z.input<typeof issueSchema> {
  return { ...issue, labels: labels.nodes };
}

/** The fields create_issue and update_issue take, as Linear's input names them. */
function issueInput(args: {
  title?: string | undefined;
  description?: string | undefined;
  priority?: number | undefined;
  assignee_id?: string | undefined;
  label_ids?: string[] | undefined;
  state_id?: string | undefined;
}): IssueInput {
  const input: IssueInput = {};
  if (args.title !== undefined) input.title = args.title;
  if (args.description !== undefined) input.description = args.description;
  if (args.priority !== undefined) input.priority = args.priority;
  if (args.assignee_id !== undefined) input.assigneeId = args.assignee_id || null;
  if (args.label_ids !== undefined) input.labelIds = args.label_ids;
  if (args.state_id !== undefined) input.stateId = args.state_id;
  return input;
}

/** A Linear tool: like `tool`, but its handler gets a Linear client bound to the tool's scope. */
interface LinearToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scope: 'read' | 'write';
  run(args: z.output<I>, linear: LinearApi): Promise<z.input<O>>;
}

/** The Linear tools, with clients made by `connect` (the seam tests use to shorten retries). */
export function linearTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const linearTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    scope,
    ...def
  }: LinearToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      scopes: [scope],
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, scope)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    search_issues: linearTool({
      description:
        'Find Linear issues whose title or description contains the text (case-insensitive), most recently ' +
        'updated first. An identifier such as ENG-123 also finds that issue.',
      input: z.object({
        query: z.string().trim().min(1).describe('Text to look for, or an issue identifier such as ENG-123'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(MAX_LIMIT)
          .default(10)
          .describe(`Maximum number of issues to return (1-${MAX_LIMIT}, default 10)`),
      }),
      output: z.object({
        issues: z.array(issueSchema),
        count: z.number(),
        has_more: z.boolean().describe('Whether more issues match than were returned'),
      }),
      annotations: reads,
      scope: 'read',
      async run({ query, limit }, linear) {
        const { items, hasMore } = await linear.searchIssues(query, limit);
        return { issues: items.map(toIssue), count: items.length, has_more: hasMore };
      },
    }),

    create_issue: linearTool({
      description:
        'Create a Linear issue in a team. Team, state, label and member ids are listed by the resource ' +
        'linear://team/{team_id}.',
      input: z.object({
        team_id: id('Id of the team the issue belongs to'),
        title: z.string().trim().min(1).describe('Title of the issue'),
        description: z.string().optional().describe('Description, in Markdown'),
        priority: priority.optional(),
        assignee_id: assigneeId.optional(),
        label_ids: labelIds.optional(),
      }),
      output: mutationResult,
      annotations: adds,
      scope: 'write',
      async run({ team_id, ...args }, linear) {
        const issue = await linear.createIssue({ teamId: team_id, ...issueInput(args) });
        return { success: true, issue: toIssue(issue) };
      },
    }),

    update_issue: linearTool({
      description:
        'Change fields of a Linear issue; fields not given stay as they are. label_ids replaces the labels.',
      input: z.object({
        issue_id: id('Id of the issue, or its identifier such as ENG-123'),
        title: z.string().trim().min(1).optional().describe('New title'),
        description: z.string().optional().describe('New description, in Markdown'),
        state_id: id('Id of the new workflow state (see the team resource)').optional(),
        priority: priority.optional(),
        assignee_id: assigneeId.optional(),
        label_ids: labelIds.optional(),
      }),
      output: mutationResult,
      annotations: overwrites,
      scope: 'write',
      async run({ issue_id, ...args }, linear) {
        const input = issueInput(args);
        if (Object.keys(input).length === 0) {
          throw new ToolError(
            'Nothing to update: give at least one of title, description, state_id, priority, assignee_id, label_ids',
          );
        }
        return { success: true, issue: toIssue(await linear.updateIssue(issue_id, input)) };
      },
    }),
  };
}
