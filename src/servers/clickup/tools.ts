import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory, ClickUpApi, CuTask, TaskBody, TaskRef } from './api.js';
import {
  folderSchema,
  listSchema,
  spaceSchema,
  taskSchema,
  toFolder,
  toList,
  toSpace,
  toTask,
  toUser,
  toWorkspace,
  userSchema,
  workspaceSchema,
} from './shapes.js';

/** The most task pages (100 tasks each) one get_tasks call fetches. */
export const MAX_PAGES = 10;

// Argument types shared by the tools.
const numericId = (what: string) =>
  z
    .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, `must be a ${what} id (digits)`)])
    .transform(String)
    .describe(`Id of the ${what}`);
const taskId = z
  .string()
  .regex(/^[\w-]+$/, 'must be a task id (or a custom task id with custom_task_ids)')
  .describe('Id of the task (or its custom id, with custom_task_ids and team_id)');
const customTaskIds = z.boolean().optional().describe('task_id is a custom task id; needs team_id');
const teamId = numericId('workspace').optional().describe('Workspace id, required with custom_task_ids');
const archived = z.boolean().optional().describe('List archived items instead (default false)');
const userId = z
  .union([z.number().int().positive(), z.string().regex(/^\d+$/, 'must be a user id (digits)')])
  .transform(Number);
const priority = z
  .number()
  .int()
  .min(1)
  .max(4)
  .optional()
  .describe('Priority: 1 urgent, 2 high, 3 normal, 4 low');
/** A due date as ClickUp takes it: milliseconds since the epoch; an ISO 8601 date or time is converted. */
const dueDate = z
  .union([z.number().int().nonnegative(), z.string().min(1)])
  .transform((value, ctx) => {
    const ms = typeof value === 'number' || /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'must be a Unix time in milliseconds or an ISO 8601 date' });
      return z.NEVER;
    }
    return ms;
  })
  .optional()
  .describe('Due date: Unix time in milliseconds, or an ISO 8601 date or date-time');
const dueDateTime = z.boolean().optional().describe('The due date has a time of day (default: date only)');

/** The task a task tool names, checked: a custom id needs the workspace it belongs to. */
function taskRef(args: {
  task_id: string;
  custom_task_ids?: boolean | undefined;
  team_id?: string | undefined;
}): TaskRef {
  if (args.custom_task_ids && !args.team_id) {
    throw new ToolError(
      'team_id: required when custom_task_ids is true (custom ids are unique per workspace).',
    );
  }
  return { task_id: args.task_id, custom_task_ids: args.custom_task_ids, team_id: args.team_id };
}

/** Drops undefined values, so that only the fields the caller gave are sent. */
const defined = (body: TaskBody): TaskBody =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));

/** Exactly one of folder_id and space_id: where a list lives or is created. */
function container(args: {
  folder_id?: string | undefined;
  space_id?: string | undefined;
}): { folder: string } | { space: string } {
  const { folder_id, space_id } = args;
  if (folder_id && space_id) throw new ToolError('Give folder_id or space_id, not both.');
  if (folder_id) return { folder: folder_id };
  if (space_id) return { space: space_id };
  throw new ToolError('Give folder_id (lists in a folder) or space_id (lists outside folders).');
}

interface ClickUpToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, cu: ClickUpApi): Promise<z.input<O>>;
}

export function clickupTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const clickupTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: ClickUpToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  const taskOut = (t: CuTask) => toTask(t);

  return {
    get_authenticated_user: clickupTool({
      description: 'Get the ClickUp user the token belongs to.',
      input: z.object({}),
      output: userSchema.extend({ timezone: z.string().nullable() }),
      annotations: reads,
      async run(_args, cu) {
        const { user } = await cu.getUser();
        return { ...toUser(user), timezone: user.timezone ?? null };
      },
    }),

    get_workspaces: clickupTool({
      description: 'List the workspaces (ClickUp "teams") the token was authorized for, with their members.',
      input: z.object({}),
      output: z.object({ count: z.number(), workspaces: z.array(workspaceSchema) }),
      annotations: reads,
      async run(_args, cu) {
        const { teams } = await cu.getTeams();
        return { count: teams.length, workspaces: teams.map(toWorkspace) };
      },
    }),

    get_spaces: clickupTool({
      description: 'List the spaces of a workspace.',
      input: z.object({ workspace_id: numericId('workspace'), archived }),
      output: z.object({ count: z.number(), spaces: z.array(spaceSchema) }),
      annotations: reads,
      async run({ workspace_id, archived }, cu) {
        const { spaces } = await cu.getSpaces(workspace_id, archived);
        return { count: spaces.length, spaces: spaces.map(toSpace) };
      },
    }),

    get_folders: clickupTool({
      description: 'List the folders of a space, with the lists in each.',
      input: z.object({ space_id: numericId('space'), archived }),
      output: z.object({ count: z.number(), folders: z.array(folderSchema) }),
      annotations: reads,
      async run({ space_id, archived }, cu) {
        const { folders } = await cu.getFolders(space_id, archived);
        return { count: folders.length, folders: folders.map(toFolder) };
      },
    }),

    get_lists: clickupTool({
      description:
        'List the lists of a folder (folder_id), or the lists of a space outside folders (space_id).',
      input: z.object({
        folder_id: numericId('folder').optional(),
        space_id: numericId('space').optional(),
        archived,
      }),
      output: z.object({ count: z.number(), lists: z.array(listSchema) }),
      annotations: reads,
      async run(args, cu) {
        const where = container(args);
        const { lists } =
          'folder' in where
            ? await cu.getFolderLists(where.folder, args.archived)
            : await cu.getFolderlessLists(where.space, args.archived);
        return { count: lists.length, lists: lists.map(toList) };
      },
    }),

    get_tasks: clickupTool({
      description:
        'List the tasks of a list, 100 to a page from page 0 (default), following up to max_pages pages; next_page continues.',
      input: z.object({
        list_id: numericId('list'),
        archived: z.boolean().optional().describe('List archived tasks'),
        include_closed: z.boolean().optional().describe('Include closed tasks (default false)'),
        subtasks: z.boolean().optional().describe('Include subtasks (default false)'),
        page: z.number().int().min(0).optional().describe('Page to start from, numbered from 0 (default 0)'),
        max_pages: z
          .number()
          .int()
          .min(1)
          .max(MAX_PAGES)
          .default(1)
          .describe(`Pages of up to 100 tasks to fetch (1-${MAX_PAGES}, default 1)`),
      }),
      output: z.object({
        count: z.number(),
        tasks: z.array(taskSchema),
        next_page: z.number().nullable().describe('The page to ask for next, or null after the last page'),
      }),
      annotations: reads,
      async run({ list_id, archived, include_closed, subtasks, page = 0, max_pages }, cu) {
        const tasks: CuTask[] = [];
        let current = page;
        for (let fetched = 0; fetched < max_pages; fetched++, current++) {
          const got = await cu.getTasksPage(list_id, current, { archived, include_closed, subtasks });
          tasks.push(...(got.tasks ?? []));
          // ClickUp says `last_page`; an empty page ends the list too.
          if (got.last_page || !got.tasks?.length)
            return { count: tasks.length, tasks: tasks.map(taskOut), next_page: null };
        }
        return { count: tasks.length, tasks: tasks.map(taskOut), next_page: current };
      },
    }),

    get_task_by_id: clickupTool({
      description: 'Get a task by its id, or by its custom id with custom_task_ids and team_id.',
      input: z.object({ task_id: taskId, custom_task_ids: customTaskIds, team_id: teamId }),
      output: taskSchema,
      annotations: reads,
      async run(args, cu) {
        return taskOut(await cu.getTask(taskRef(args)));
      },
    }),

    create_task: clickupTool({
      description: 'Create a task in a list.',
      input: z.object({
        list_id: numericId('list'),
        name: z.string().min(1).describe('Name of the task'),
        description: z.string().optional().describe('Description of the task'),
        status: z
          .string()
          .min(1)
          .optional()
          .describe('Status, one of the list’s statuses (default: the first)'),
        priority,
        due_date: dueDate,
        due_date_time: dueDateTime,
        assignees: z.array(userId).optional().describe('User ids to assign'),
        tags: z.array(z.string().min(1)).optional().describe('Tag names'),
      }),
      output: taskSchema,
      annotations: adds,
      async run({ list_id, ...fields }, cu) {
        return taskOut(await cu.createTask(list_id, defined(fields)));
      },
    }),

    update_task: clickupTool({
      description: 'Change the given fields of a task; the others stay as they are.',
      input: z.object({
        task_id: taskId,
        name: z.string().min(1).optional().describe('New name'),
        description: z.string().optional().describe('New description (" " clears it)'),
        status: z.string().min(1).optional().describe('New status'),
        priority,
        due_date: dueDate,
        due_date_time: dueDateTime,
        custom_task_ids: customTaskIds,
        team_id: teamId,
      }),
      output: taskSchema,
      annotations: overwrites,
      async run({ task_id, custom_task_ids, team_id, ...fields }, cu) {
        const ref = taskRef({ task_id, custom_task_ids, team_id });
        const body = defined(fields);
        if (!Object.keys(body).length) throw new ToolError('Give at least one field to change.');
        return taskOut(await cu.updateTask(ref, body));
      },
    }),

    add_comment: clickupTool({
      description: 'Comment on a task, optionally assigning the comment to a user.',
      input: z.object({
        task_id: taskId,
        comment_text: z.string().min(1).describe('Text of the comment'),
        assignee: userId.optional().describe('User id to assign the comment to'),
        notify_all: z.boolean().default(false).describe('Notify everyone on the task, the author included'),
        custom_task_ids: customTaskIds,
        team_id: teamId,
      }),
      output: z.object({ id: z.string(), task_id: z.string(), date: z.string().nullable() }),
      annotations: adds,
      async run({ task_id, custom_task_ids, team_id, comment_text, assignee, notify_all }, cu) {
        const ref = taskRef({ task_id, custom_task_ids, team_id });
        const comment = await cu.addComment(ref, defined({ comment_text, assignee, notify_all }));
        return {
          id: String(comment.id),
          task_id,
          date: comment.date ? new Date(comment.date).toISOString() : null,
        };
      },
    }),

    create_list: clickupTool({
      description: 'Create a list in a folder (folder_id) or in a space outside folders (space_id).',
      input: z.object({
        folder_id: numericId('folder').optional(),
        space_id: numericId('space').optional(),
        name: z.string().min(1).describe('Name of the list'),
        content: z.string().optional().describe('Description of the list'),
        due_date: dueDate,
        due_date_time: dueDateTime,
        priority,
        assignee: userId.optional().describe('User id of the list owner'),
        status: z
          .string()
          .min(1)
          .optional()
          .describe('The list’s color status (e.g. red), not a task status'),
      }),
      output: listSchema,
      annotations: adds,
      async run({ folder_id, space_id, ...fields }, cu) {
        const where = container({ folder_id, space_id });
        const body = defined(fields);
        const list =
          'folder' in where
            ? await cu.createFolderList(where.folder, body)
            : await cu.createFolderlessList(where.space, body);
        return toList(list);
      },
    }),

    create_folder: clickupTool({
      description: 'Create a folder in a space.',
      input: z.object({
        space_id: numericId('space'),
        name: z.string().min(1).describe('Name of the folder'),
      }),
      output: folderSchema,
      annotations: adds,
      async run({ space_id, name }, cu) {
        return toFolder(await cu.createFolder(space_id, name));
      },
    }),
  };
}
