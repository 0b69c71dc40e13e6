import { z } from 'zod';
import { adds, reads } from '../../../core/annotations.js';
import { listPage, message, taskSchema, userSchema } from '../shapes.js';
import { apolloId, idList, pages, paging, shaped, type ToolMaker, type ToolTable } from './common.js';

/** The task types Apollo documents for bulk_create. */
const TASK_TYPES = [
  'call',
  'outreach_manual_email',
  'linkedin_step_connect',
  'linkedin_step_message',
  'linkedin_step_view_profile',
  'linkedin_step_interact_post',
  'action_item',
] as const;

/** The team's users, and the tasks assigned to them. */
export function teamTools(apolloTool: ToolMaker): ToolTable {
  return {
    list_users: apolloTool({
      description:
        "List the team's Apollo users (their ids go in owner_id and user_id), a page at a time or up to `limit`.",
      input: z.object({
        page: paging.page,
        per_page: paging.per_page,
        limit: paging.limit,
        full: paging.full,
      }),
      output: z.object({ users: z.array(userSchema), ...listPage }),
      annotations: reads,
      async run(args, apollo) {
        const { items, pagination, next_page } = await pages(
          (page, per_page) => apollo.users({ page, per_page }),
          'users',
          args,
        );
        const users = shaped(items, 'user', args.full) as z.input<typeof userSchema>[];
        return { users, count: users.length, pagination, ...(next_page ? { next_page } : {}) };
      },
    }),

    create_task: apolloTool({
      description:
        'Create a task for a user on each of the given contacts (one task per contact; Apollo does not ' +
        'deduplicate). A task is a to-do in Apollo: it contacts no one by itself. Not retried after a failure. ' +
        'Needs a master API key.',
      input: z.object({
        user_id: apolloId('user who owns the tasks (from list_users)'),
        contact_ids: idList('Contacts to create a task for, one each').pipe(
          z.array(z.string()).min(1).max(100),
        ),
        priority: z.enum(['high', 'medium', 'low']).describe('Priority'),
        due_at: z.iso
          .datetime({ offset: true })
          .describe('When it is due, ISO 8601, e.g. 2025-02-15T08:10:30Z'),
        type: z.enum(TASK_TYPES).describe(`Kind of task: ${TASK_TYPES.join(', ')}`),
        status: z
          .enum(['scheduled', 'completed', 'archived'])
          .describe('scheduled (to do), completed or archived'),
        note: z.string().trim().max(5000).optional().describe('Note shown with the task'),
      }),
      output: z.object({ created: z.number(), tasks: z.array(taskSchema), message }),
      annotations: adds,
      async run(args, apollo) {
        const body = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
        const answer = await apollo.createTasks(body);
        const tasks = (answer.tasks ?? []) as z.input<typeof taskSchema>[];
        const n = args.contact_ids.length;
        return {
          created: tasks.length || (answer.success ? n : 0),
          tasks,
          message:
            `Created ${n} ${args.priority}-priority ${args.type} task${n === 1 ? '' : 's'} (${args.status}) for user ` +
            `${args.user_id}, due ${args.due_at}, on contact${n === 1 ? '' : 's'} ${args.contact_ids.join(', ')}.`,
        };
      },
    }),
  };
}
