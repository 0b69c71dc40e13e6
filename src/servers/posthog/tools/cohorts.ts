import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import type { Rec } from '../api.js';
import type { Call } from '../errors.js';
import { cohortSchema, cohortSummarySchema, toCohort, toCohortSummary } from '../shapes.js';
import {
  full,
  given,
  limit,
  listOutput,
  offset,
  paging,
  projectArgs,
  raw,
  rawIf,
  recordId,
  someChange,
  THE_PROJECT,
  type ToolMaker,
  type ToolTable,
} from './common.js';

const OPERATORS = [
  'exact',
  'is_not',
  'icontains',
  'not_icontains',
  'regex',
  'not_regex',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_set',
  'is_not_set',
  'is_date_exact',
  'is_date_before',
  'is_date_after',
] as const;

const cohortProperty = z.object({
  key: z.string().trim().min(1).describe('Property name (for type cohort: "id")'),
  value: z.unknown().describe('Value to compare with (for type cohort: the other cohort’s id)'),
  operator: z.enum(OPERATORS).optional().describe('How to compare (default exact)'),
  type: z
    .enum(['person', 'event', 'cohort'])
    .describe('person property, event property, or membership of a cohort'),
});

/** guMCP's groups: each a set of property conditions that must all hold; a person in any group is in the cohort. */
const groups = z
  .array(
    z.looseObject({
      properties: z.array(cohortProperty).min(1).describe('Conditions that must all hold'),
    }),
  )
  .min(1)
  .describe('Match groups: a person matching all conditions of any one group is in the cohort');

const cohortOutput = z.object({ cohort: cohortSchema, message: z.string(), raw });

const cohortCall = (id: string, doing: string, uncertain?: string): Call => ({
  subject: { what: 'Cohort', id },
  doing,
  ...(uncertain ? { uncertain } : {}),
});

export function cohortTools(posthogTool: ToolMaker): ToolTable {
  return {
    list_cohorts: posthogTool({
      description: 'List the cohorts (saved groups of persons) of a project, with their sizes.',
      input: z.object({ ...projectArgs, limit: limit(100), offset }),
      output: z.object({ cohorts: z.array(cohortSummarySchema), ...listOutput }),
      annotations: reads,
      async run({ project_id, limit: max, offset: from }, api) {
        const list = await api.list(
          { subject: THE_PROJECT, doing: 'listing cohorts' },
          project_id,
          'cohorts/',
          {},
          max,
          from,
        );
        return { cohorts: list.items.map(toCohortSummary), ...paging(list) };
      },
    }),

    create_cohort: posthogTool({
      description:
        'Create a cohort from match groups of person or event properties; PostHog then counts its members in the ' +
        'background. Each call creates one.',
      input: z.object({
        name: z.string().trim().min(1).max(400).describe('Name of the cohort'),
        description: z.string().optional().describe('What the cohort is'),
        groups,
        is_static: z
          .boolean()
          .optional()
          .describe('A static cohort keeps a fixed list of persons instead of matching (default false)'),
        ...projectArgs,
      }),
      output: cohortOutput,
      annotations: adds,
      async run({ name, description, groups: list, is_static, project_id }, api) {
        const cohort = await api.inProject<Rec>(
          {
            subject: THE_PROJECT,
            doing: `creating cohort "${name}"`,
            uncertain: 'it may exist already; check with list_cohorts before trying again',
          },
          project_id,
          'cohorts/',
          { method: 'POST', body: given({ name, description, groups: list, is_static }) },
        );
        const c = toCohort(cohort);
        return {
          cohort: c,
          message: `Created cohort "${c.name}" (${c.id}); PostHog is counting its members.`,
        };
      },
    }),

    get_cohort: posthogTool({
      description: 'Get a cohort with its definition and member count.',
      input: z.object({ cohort_id: recordId('cohort'), ...projectArgs, full }),
      output: cohortOutput,
      annotations: reads,
      async run({ cohort_id, project_id, full: wanted }, api) {
        const cohort = await api.inProject<Rec>(
          cohortCall(cohort_id, `getting cohort ${cohort_id}`),
          project_id,
          `cohorts/${cohort_id}/`,
        );
        const c = toCohort(cohort);
        const size = c.is_calculating ? 'being counted' : `${c.count ?? 'unknown'} persons`;
        return { cohort: c, message: `Cohort "${c.name}" (${c.id}): ${size}.`, ...rawIf(wanted, cohort) };
      },
    }),

    update_cohort: posthogTool({
      description: 'Change a cohort’s name, description, match groups or kind; what is not given stays.',
      input: z.object({
        cohort_id: recordId('cohort'),
        name: z.string().trim().min(1).max(400).optional().describe('New name'),
        description: z.string().optional().describe('New description'),
        groups: groups.optional(),
        is_static: z.boolean().optional().describe('Make it static (a fixed list) or dynamic'),
        ...projectArgs,
      }),
      output: cohortOutput,
      annotations: overwrites,
      async run({ cohort_id, name, description, groups: list, is_static, project_id }, api) {
        const body = given({ name, description, groups: list, is_static });
        someChange(body, ['name', 'description', 'groups', 'is_static']);
        const cohort = await api.inProject<Rec>(
          cohortCall(cohort_id, `updating cohort ${cohort_id}`),
          project_id,
          `cohorts/${cohort_id}/`,
          { method: 'PATCH', body, idempotent: true },
        );
        const c = toCohort(cohort);
        return {
          cohort: c,
          message: `Updated cohort "${c.name}" (${c.id}): ${Object.keys(body).join(', ')}.`,
        };
      },
    }),

    delete_cohort: posthogTool({
      description:
        'Delete a cohort (PostHog marks it deleted; insights and flags that use it stop matching its members).',
      input: z.object({ cohort_id: recordId('cohort'), ...projectArgs }),
      output: z.object({ deleted: z.boolean(), cohort_id: z.string(), message: z.string() }),
      annotations: overwrites,
      async run({ cohort_id, project_id }, api) {
        // PostHog refuses DELETE here (405): a deletion is a PATCH of `deleted`.
        await api.inProject<Rec>(
          cohortCall(cohort_id, `deleting cohort ${cohort_id}`),
          project_id,
          `cohorts/${cohort_id}/`,
          {
            method: 'PATCH',
            body: { deleted: true },
            idempotent: true,
          },
        );
        return { deleted: true, cohort_id, message: `Deleted cohort ${cohort_id}.` };
      },
    }),
  };
}
