import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../../core/annotations.js';
import type { PostHogApi, Rec } from '../api.js';
import type { Call } from '../errors.js';
import { insightQuery } from '../query.js';
import {
  activitySchema,
  insightSchema,
  insightSummarySchema,
  sharingSchema,
  toActivity,
  toInsight,
  toInsightSummary,
  toSharing,
} from '../shapes.js';
import {
  full,
  given,
  jsonObject,
  limit,
  listOutput,
  offset,
  paging,
  projectArgs,
  projectId,
  raw,
  rawIf,
  recordId,
  someChange,
  THE_PROJECT,
  type ToolMaker,
  type ToolTable,
} from './common.js';

/** guMCP's `filters`: PostHog's legacy insight filters, or (now) a query node; both are stored as a query. */
export const insightFilters = jsonObject(
  'What the insight shows: a PostHog query node ({"kind": "TrendsQuery", "series": [{"kind": "EventsNode", ' +
    '"event": "$pageview"}], "dateRange": {"date_from": "-7d"}}, or FunnelsQuery, HogQLQuery, InsightVizNode, ...), ' +
    'or legacy filters ({"insight": "TRENDS", "events": [{"id": "$pageview"}], "date_from": "-7d"}), which are ' +
    'translated to a query',
);

const insightOutput = z.object({ insight: insightSchema, message: z.string(), raw });

const insightCall = (id: string, doing: string): Call => ({
  subject: { what: 'Insight', id },
  doing,
  fields: { query: 'filters' },
  limit: 'analytics',
});

/** The note that some legacy filter keys were not translated. */
export const ignoredNote = (ignored: readonly string[]) =>
  ignored.length ? ` Legacy filter keys not translated (set them in PostHog): ${ignored.join(', ')}.` : '';

const activityOutput = z.object({
  activity: z.array(activitySchema),
  more: z.boolean().describe('Whether older entries exist beyond limit'),
  message: z.string(),
});

async function activity(
  api: PostHogApi,
  call: Call,
  projectIdArg: string | undefined,
  path: string,
  max: number,
): Promise<z.input<typeof activityOutput>> {
  const { items, more } = await api.linked(call, projectIdArg, path, max);
  return {
    activity: items.map(toActivity),
    more,
    message: `${items.length} changes${more ? ` (the latest ${max}; more exist)` : ''}.`,
  };
}

export function insightTools(posthogTool: ToolMaker): ToolTable {
  return {
    list_insights: posthogTool({
      description:
        'List the saved insights (charts, funnels, SQL tables) of a project, without their results.',
      input: z.object({ ...projectArgs, limit: limit(100), offset }),
      output: z.object({ insights: z.array(insightSummarySchema), ...listOutput }),
      annotations: reads,
      async run({ project_id, limit: max, offset: from }, api) {
        const list = await api.list(
          {
            subject: THE_PROJECT,
            doing: 'listing insights',
            limit: 'analytics',
          },
          project_id,
          'insights/',
          { basic: true },
          max,
          from,
        );
        return { insights: list.items.map(toInsightSummary), ...paging(list) };
      },
    }),

    create_insight: posthogTool({
      description:
        'Save a new insight from a query (or legacy filters). PostHog computes its results when it is viewed. ' +
        'Each call creates one.',
      input: z.object({
        name: z.string().trim().min(1).max(400).describe('Name of the insight'),
        filters: insightFilters,
        description: z.string().optional().describe('What it shows'),
        ...projectArgs,
      }),
      output: insightOutput,
      annotations: adds,
      async run({ name, filters, description, project_id }, api) {
        const made = insightQuery(filters);
        const insight = await api.inProject<Rec>(
          {
            subject: THE_PROJECT,
            doing: `creating insight "${name}"`,
            fields: { query: 'filters' },
            uncertain: 'it may exist already; check with list_insights before trying again',
            limit: 'analytics',
          },
          project_id,
          'insights/',
          { method: 'POST', body: given({ name, description, query: made.query }) },
        );
        const i = toInsight(insight);
        return {
          insight: i,
          message: `Created ${made.kind} insight "${i.name}" (${i.id}, ${i.short_id}).${ignoredNote(made.ignored)}`,
        };
      },
    }),

    get_insight_sharing: posthogTool({
      description: 'Whether an insight is shared by public link, and the link.',
      input: z.object({ insight_id: recordId('insight'), project_id: projectId }),
      output: z.object({ insight_id: z.string(), sharing: sharingSchema, message: z.string() }),
      annotations: reads,
      async run({ insight_id, project_id }, api) {
        const answer = await api.inProject<unknown>(
          insightCall(insight_id, `getting the sharing of insight ${insight_id}`),
          project_id,
          `insights/${insight_id}/sharing/`,
        );
        const sharing = toSharing(answer, (await api.account()).host);
        return {
          insight_id,
          sharing,
          message: sharing.enabled
            ? `Insight ${insight_id} is shared at ${sharing.shared_url}.`
            : `Insight ${insight_id} is not shared publicly.`,
        };
      },
    }),

    get_insight: posthogTool({
      description:
        'Get an insight with its query and its last computed results (cut to 50 entries per list).',
      input: z.object({ insight_id: recordId('insight'), ...projectArgs, full }),
      output: insightOutput,
      annotations: reads,
      async run({ insight_id, project_id, full: wanted }, api) {
        const insight = await api.inProject<Rec>(
          insightCall(insight_id, `getting insight ${insight_id}`),
          project_id,
          `insights/${insight_id}/`,
        );
        const i = toInsight(insight);
        return {
          insight: i,
          message: `Insight "${i.name}" (${i.id}, ${i.kind ?? 'unknown kind'}).`,
          ...rawIf(wanted, insight),
        };
      },
    }),

    update_insight: posthogTool({
      description: 'Change an insight’s name, description or query (filters); what is not given stays.',
      input: z.object({
        insight_id: recordId('insight'),
        name: z.string().trim().min(1).max(400).optional().describe('New name'),
        filters: insightFilters.optional(),
        description: z.string().optional().describe('New description'),
        ...projectArgs,
      }),
      output: insightOutput,
      annotations: overwrites,
      async run({ insight_id, name, filters, description, project_id }, api) {
        const made = filters ? insightQuery(filters) : undefined;
        const body = given({ name, description, query: made?.query });
        someChange(body, ['name', 'filters', 'description']);
        const insight = await api.inProject<Rec>(
          insightCall(insight_id, `updating insight ${insight_id}`),
          project_id,
          `insights/${insight_id}/`,
          { method: 'PATCH', body, idempotent: true },
        );
        const i = toInsight(insight);
        const changed = Object.keys(body).map((k) => (k === 'query' ? 'filters' : k));
        return {
          insight: i,
          message: `Updated insight "${i.name}" (${i.id}): ${changed.join(', ')}.${ignoredNote(made?.ignored ?? [])}`,
        };
      },
    }),

    get_insight_activity: posthogTool({
      description: 'The change history of an insight: who changed what, newest first.',
      input: z.object({ insight_id: recordId('insight'), project_id: projectId, limit: limit(50) }),
      output: activityOutput,
      annotations: reads,
      run: ({ insight_id, project_id, limit: max }, api) =>
        activity(
          api,
          insightCall(insight_id, `getting the history of insight ${insight_id}`),
          project_id,
          `insights/${insight_id}/activity/`,
          max,
        ),
    }),

    mark_insight_viewed: posthogTool({
      description: 'Record that you viewed an insight (it moves up in PostHog’s recently viewed list).',
      input: z.object({ insight_id: recordId('insight'), project_id: projectId }),
      output: z.object({ insight_id: z.string(), viewed: z.boolean(), message: z.string() }),
      annotations: sets,
      async run({ insight_id, project_id }, api) {
        await api.inProject<unknown>(
          insightCall(insight_id, `marking insight ${insight_id} viewed`),
          project_id,
          'insights/viewed/',
          { method: 'POST', body: { insight_ids: [Number(insight_id)] }, idempotent: true },
        );
        return { insight_id, viewed: true, message: `Marked insight ${insight_id} as viewed.` };
      },
    }),

    get_insights_activity: posthogTool({
      description:
        'The change history of all insights of a project: who created or changed what, newest first.',
      input: z.object({ project_id: projectId, limit: limit(50) }),
      output: activityOutput,
      annotations: reads,
      run: ({ project_id, limit: max }, api) =>
        activity(
          api,
          {
            subject: THE_PROJECT,
            doing: 'getting the history of insights',
            limit: 'analytics',
          },
          project_id,
          'insights/activity/',
          max,
        ),
    }),
  };
}
