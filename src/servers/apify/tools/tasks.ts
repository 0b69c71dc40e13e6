import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../../core/annotations.js';
import { runSchema, taskSchema, taskSummarySchema, toRun, toTask, toTaskSummary } from '../shapes.js';
import type { Run, Task } from '../types.js';
import { STATUSES } from './actors.js';
import {
  apifyId,
  body,
  desc,
  limit,
  offset,
  paged,
  pagedShape,
  runAndCollect,
  runArgs,
  runResultSchema,
  type ToolMaker,
  type ToolTable,
} from './common.js';

const enc = encodeURIComponent;
const taskId = apifyId('Actor task');
const subject = (id: string, permission: string, arg?: string) => ({
  what: 'Actor task',
  id,
  permission,
  ...(arg ? { arg } : {}),
});

export function taskTools(apifyTool: ToolMaker): ToolTable {
  return {
    list_tasks: apifyTool({
      description:
        'List the user’s Actor tasks (saved inputs and options of an Actor), following pages up to limit.',
      input: z.object({ limit: limit(100), offset, desc: desc(false) }),
      output: z.object({ ...pagedShape, tasks: z.array(taskSummarySchema) }),
      annotations: reads,
      async run({ limit, offset, desc }, apify) {
        const page = await apify.list<Task>(
          { what: 'Actor tasks', permission: 'list Actor tasks' },
          'actor-tasks',
          { desc },
          limit,
          offset,
        );
        return { ...paged(page), tasks: page.items.map(toTaskSummary) };
      },
    }),

    get_task: apifyTool({
      description: 'Get an Actor task: its Actor, run options and input. full returns Apify’s whole object.',
      input: z.object({
        task_id: taskId,
        full: z.boolean().default(false).describe('Also return Apify’s whole task object (apifyObject)'),
      }),
      output: taskSchema,
      annotations: reads,
      async run({ task_id, full }, apify) {
        const task = await apify.data<Task>(
          subject(task_id, `read task ${task_id}`),
          `actor-tasks/${enc(task_id)}`,
        );
        return full ? { ...toTask(task), apifyObject: { ...task } } : toTask(task);
      },
    }),

    create_task: apifyTool({
      description:
        'Create a task of an Actor: body holds its name, input, options (build, timeoutSecs, memoryMbytes) and ' +
        'title, as Apify’s Create task takes them.',
      input: z.object({
        actor_id: apifyId('Actor'),
        body: body('The task: {name, input, options, title}').optional(),
      }),
      output: taskSchema,
      annotations: adds,
      async run({ actor_id, body }, apify) {
        const task = await apify.data<Task>(
          {
            what: 'Actor',
            id: actor_id,
            permission: 'create tasks (and the Run permission on the Actor)',
            arg: 'body',
          },
          'actor-tasks',
          { method: 'POST', body: { ...body, actId: actor_id } },
        );
        return toTask(task);
      },
    }),

    update_task: apifyTool({
      description:
        'Change an Actor task’s name, title, options or input: the fields body gives; the others stay.',
      input: z.object({ task_id: taskId, body: body('The fields to change: {name, title, options, input}') }),
      output: taskSchema,
      annotations: sets,
      async run({ task_id, body }, apify) {
        const task = await apify.data<Task>(
          subject(task_id, `change task ${task_id}`, 'body'),
          `actor-tasks/${enc(task_id)}`,
          { method: 'PUT', body },
        );
        return toTask(task);
      },
    }),

    delete_task: apifyTool({
      description: 'Delete an Actor task.',
      input: z.object({ task_id: taskId }),
      output: z.object({ deleted: z.boolean(), task_id: z.string() }),
      annotations: overwrites,
      async run({ task_id }, apify) {
        await apify.send(subject(task_id, `delete task ${task_id}`), `actor-tasks/${enc(task_id)}`, {
          method: 'DELETE',
        });
        return { deleted: true, task_id };
      },
    }),

    update_task_input: apifyTool({
      description:
        'Change fields of an Actor task’s input: the ones body gives; the others stay. Returns the whole input.',
      input: z.object({ task_id: taskId, body: body('Input fields to set') }),
      output: z.object({ task_id: z.string(), input: z.record(z.string(), z.unknown()) }),
      annotations: sets,
      async run({ task_id, body }, apify) {
        const { body: input } = await apify.exchange<Record<string, unknown> | undefined>(
          subject(task_id, `change task ${task_id}`, 'body'),
          `actor-tasks/${enc(task_id)}/input`,
          { method: 'PUT', body },
        );
        return { task_id, input: input ?? {} };
      },
    }),

    run_task: apifyTool({
      description:
        'Run an Actor task (body overrides fields of its input), wait for the run (progress notifications; ' +
        'cancelling the call aborts the run at Apify) and return it with its first result items. Runs cost money.',
      input: z.object({
        task_id: taskId,
        body: body('Input fields overriding the task’s (JSON object)').optional(),
        ...runArgs,
      }),
      output: runResultSchema,
      annotations: adds,
      run: ({ task_id, body, ...args }, apify) =>
        runAndCollect(apify, 'actor-tasks', task_id, body, args, 'list_task_runs'),
    }),

    list_task_runs: apifyTool({
      description: 'List the runs of an Actor task, newest first, following pages up to limit.',
      input: z.object({
        task_id: taskId,
        limit: limit(50),
        offset,
        desc: desc(true),
        status: z.enum(STATUSES).optional().describe('Only runs in this status'),
      }),
      output: z.object({ ...pagedShape, runs: z.array(runSchema) }),
      annotations: reads,
      async run({ task_id, limit, offset, desc, status }, apify) {
        const page = await apify.list<Run>(
          subject(task_id, `read the runs of task ${task_id}`),
          `actor-tasks/${enc(task_id)}/runs`,
          { desc, status },
          limit,
          offset,
        );
        return { ...paged(page), runs: page.items.map(toRun) };
      },
    }),
  };
}
