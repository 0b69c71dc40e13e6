import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import type { Rec } from '../api.js';
import type { Call } from '../errors.js';
import { actionSchema, toAction } from '../shapes.js';
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

const MATCHING = z.enum(['contains', 'regex', 'exact']);

/** A property condition of a step: `{key, value, operator, type}`, PostHog's ActionStepPropertyFilter. */
const propertyFilter = z.object({
  key: z.string().trim().min(1).describe('Property name, e.g. $current_url or plan'),
  value: z
    .unknown()
    .optional()
    .describe('Value to compare with (a list for exact/is_not matches any of them)'),
  operator: z
    .string()
    .optional()
    .describe(
      'exact (default), is_not, icontains, not_icontains, regex, not_regex, gt, gte, lt, lte, is_set, is_not_set',
    ),
  type: z.string().optional().describe('event (default) or person'),
});

/** A step's properties: a list of conditions, or (as guMCP's update_action took them) a {key: value} map. */
const stepProperties = z
  .union([
    z.array(propertyFilter),
    z
      .record(z.string(), z.unknown())
      .transform((map) =>
        Object.entries(map).map(([key, value]) => ({ key, value, operator: 'exact', type: 'event' })),
      ),
  ])
  .optional()
  .describe(
    'Property conditions: a list of {key, value, operator, type}, or a {key: value} map of exact matches',
  );

const step = z
  .object({
    event: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('Event name to match, e.g. $pageview, $autocapture or signed_up'),
    properties: stepProperties,
    url: z.string().optional().describe('Page URL to match ($pageview and $autocapture)'),
    url_matching: MATCHING.optional().describe('How url matches: contains (default), regex or exact'),
    selector: z.string().optional().describe('CSS selector of the clicked element ($autocapture)'),
    tag_name: z.string().optional().describe('HTML tag of the element, e.g. button'),
    text: z.string().optional().describe('Text of the element'),
    text_matching: MATCHING.optional().describe('How text matches: exact (default), contains or regex'),
    href: z.string().optional().describe('Link target of the element'),
    href_matching: MATCHING.optional().describe('How href matches: exact (default), contains or regex'),
  })
  .refine((s) => s.event || s.url || s.selector || s.text || s.href || s.tag_name, {
    message: 'each step needs something to match: event, url, selector, text, href or tag_name',
  });

/** guMCP took one step as an object as well as a list of them. */
const steps = (what: string) =>
  z
    .union([z.array(step).min(1), step.transform((s) => [s])])
    .describe(`${what}: an event matching any one step counts as the action`);

const actionOutput = z.object({ action: actionSchema, message: z.string(), raw });

const actionCall = (id: string, doing: string): Call => ({ subject: { what: 'Action', id }, doing });

export function actionTools(posthogTool: ToolMaker): ToolTable {
  return {
    list_actions: posthogTool({
      description:
        'List the actions of a PostHog project: named events (or page views and clicks) that insights and cohorts use.',
      input: z.object({ ...projectArgs, limit: limit(100), offset }),
      output: z.object({ actions: z.array(actionSchema), ...listOutput }),
      annotations: reads,
      async run({ project_id, limit: max, offset: from }, api) {
        const list = await api.list(
          { subject: THE_PROJECT, doing: 'listing actions' },
          project_id,
          'actions/',
          {},
          max,
          from,
        );
        return { actions: list.items.map(toAction), ...paging(list) };
      },
    }),

    create_action: posthogTool({
      description:
        'Create an action: a name for events matching any of its steps (an event name with property conditions, ' +
        'or a page URL or clicked element). Each call creates one; PostHog refuses a name already taken.',
      input: z.object({
        name: z.string().trim().min(1).max(400).describe('Name of the action, unique in the project'),
        description: z.string().optional().describe('What the action represents'),
        steps: steps('Match conditions'),
        ...projectArgs,
      }),
      output: actionOutput,
      annotations: adds,
      async run({ name, description, steps: list, project_id }, api) {
        const action = await api.inProject<Rec>(
          {
            subject: THE_PROJECT,
            doing: `creating action "${name}"`,
            uncertain: 'it may exist already; check with list_actions before trying again',
          },
          project_id,
          'actions/',
          { method: 'POST', body: given({ name, description, steps: list }) },
        );
        const a = toAction(action);
        return { action: a, message: `Created action "${a.name}" (${a.id}).` };
      },
    }),

    get_action: posthogTool({
      description: 'Get an action with its match steps.',
      input: z.object({ action_id: recordId('action'), ...projectArgs, full }),
      output: actionOutput,
      annotations: reads,
      async run({ action_id, project_id, full: wanted }, api) {
        const action = await api.inProject<Rec>(
          actionCall(action_id, `getting action ${action_id}`),
          project_id,
          `actions/${action_id}/`,
        );
        const a = toAction(action);
        return { action: a, message: `Action "${a.name}" (${a.id}).`, ...rawIf(wanted, action) };
      },
    }),

    update_action: posthogTool({
      description:
        'Change an action’s name, description or steps. Steps given replace all its steps; what is not given stays.',
      input: z.object({
        action_id: recordId('action'),
        name: z.string().trim().min(1).max(400).optional().describe('New name'),
        description: z.string().optional().describe('New description'),
        steps: steps('New match conditions, replacing the old ones').optional(),
        ...projectArgs,
      }),
      output: actionOutput,
      annotations: overwrites,
      async run({ action_id, name, description, steps: list, project_id }, api) {
        const body = given({ name, description, steps: list });
        someChange(body, ['name', 'description', 'steps']);
        const action = await api.inProject<Rec>(
          actionCall(action_id, `updating action ${action_id}`),
          project_id,
          `actions/${action_id}/`,
          { method: 'PATCH', body, idempotent: true },
        );
        const a = toAction(action);
        return {
          action: a,
          message: `Updated action "${a.name}" (${a.id}): ${Object.keys(body).join(', ')}.`,
        };
      },
    }),
  };
}
