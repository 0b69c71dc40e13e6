import { z } from 'zod';
import { adds, reads } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import type { Rec } from '../api.js';
import { trendsQuery } from '../query.js';
import { insightSchema, seriesSchema, str, toInsight, toSeries } from '../shapes.js';
import { projectId, THE_PROJECT, type ToolMaker, type ToolTable } from './common.js';
import { ignoredNote, insightFilters } from './insights.js';

/**
 * Trends through PostHog's query API (`POST /api/projects/{id}/query/`), which replaced the legacy
 * `/insights/trend/` endpoint guMCP called. The query API has its own, much lower rate limit (120
 * queries an hour per project by default), which its 429 message says.
 */

const INTERVALS = ['hour', 'day', 'week', 'month'] as const;

const trendsFilters = insightFilters.describe(
  'The trend: a TrendsQuery ({"kind": "TrendsQuery", "series": [{"kind": "EventsNode", "event": "$pageview"}], ' +
    '"dateRange": {"date_from": "-7d"}, "interval": "day"}) or legacy trends filters ({"events": [{"id": ' +
    '"$pageview"}], "date_from": "-7d", "interval": "day"})',
);

export function trendTools(posthogTool: ToolMaker): ToolTable {
  return {
    get_trend_insights: posthogTool({
      description:
        'Compute a trend now: counts of events over time (default: $pageview, daily, the last 7 days), per event ' +
        'and optionally broken down by a property. Uses PostHog’s query API, which allows about 120 queries an hour.',
      input: z.object({
        events: z
          .array(z.string().trim().min(1))
          .min(1)
          .max(10)
          .optional()
          .describe('Events to count, one series each (default ["$pageview"])'),
        date_from: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Start: a relative range like -7d, -24h, -3m, or a date (default -7d)'),
        date_to: z.string().trim().min(1).optional().describe('End: a date, or a relative one (default now)'),
        interval: z.enum(INTERVALS).optional().describe('Bucket size (default day)'),
        breakdown: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Event property to break each series down by, e.g. $browser'),
        filters: trendsFilters.optional().describe('A whole trend query instead of the arguments above'),
        project_id: projectId,
      }),
      output: z.object({
        series: z.array(seriesSchema),
        date_from: z.string().nullable(),
        date_to: z.string().nullable(),
        interval: z.string().nullable(),
        query: z.record(z.string(), z.unknown()).describe('The TrendsQuery that was run'),
        message: z.string(),
      }),
      annotations: reads,
      async run({ events, date_from, date_to, interval, breakdown, filters, project_id }, api) {
        if (filters && (events || date_from || date_to || interval || breakdown)) {
          throw new ToolError(
            'filters: give either a whole trend query in filters, or events/date_from/date_to/interval/breakdown',
          );
        }
        const made = filters
          ? trendsQuery(filters)
          : {
              query: {
                kind: 'TrendsQuery',
                series: (events ?? ['$pageview']).map((event) => ({
                  kind: 'EventsNode',
                  event,
                  name: event,
                })),
                dateRange: { date_from: date_from ?? '-7d', ...(date_to ? { date_to } : {}) },
                interval: interval ?? 'day',
                ...(breakdown ? { breakdownFilter: { breakdown, breakdown_type: 'event' } } : {}),
              },
              ignored: [],
            };
        const answer = await api.inProject<Rec>(
          {
            subject: THE_PROJECT,
            doing: 'computing a trend',
            fields: { query: 'filters' },
            limit: 'query',
          },
          project_id,
          'query/',
          { method: 'POST', body: { query: made.query }, idempotent: true },
        );
        if (typeof answer?.error === 'string' && answer.error) {
          throw new ToolError(`PostHog could not compute the trend: ${answer.error.slice(0, 300)}`);
        }
        if (!Array.isArray(answer?.results)) {
          throw new ToolError(
            'PostHog answered without results; the query may still be running, try again shortly',
          );
        }
        const series = (answer.results as Rec[]).map(toSeries);
        const range = (answer.resolved_date_range ?? {}) as Rec;
        const sent = made.query as Rec;
        return {
          series,
          date_from: str(range.date_from) ?? str((sent.dateRange as Rec | undefined)?.date_from),
          date_to: str(range.date_to) ?? str((sent.dateRange as Rec | undefined)?.date_to),
          interval: str(sent.interval),
          query: sent,
          message:
            `${series.length} series: ` +
            series.map((s) => `${s.label ?? '?'} ${s.count ?? 0}`).join(', ') +
            `.${ignoredNote(made.ignored)}`,
        };
      },
    }),

    create_trend_insight: posthogTool({
      description: 'Save a new trends insight (a chart of events over time). Each call creates one.',
      input: z.object({
        name: z.string().trim().min(1).max(400).describe('Name of the insight'),
        filters: trendsFilters,
        project_id: projectId,
      }),
      output: z.object({ insight: insightSchema, message: z.string() }),
      annotations: adds,
      async run({ name, filters, project_id }, api) {
        const made = trendsQuery(filters);
        const insight = await api.inProject<Rec>(
          {
            subject: THE_PROJECT,
            doing: `creating trend insight "${name}"`,
            fields: { query: 'filters' },
            uncertain: 'it may exist already; check with list_insights before trying again',
            limit: 'analytics',
          },
          project_id,
          'insights/',
          { method: 'POST', body: { name, query: { kind: 'InsightVizNode', source: made.query } } },
        );
        const i = toInsight(insight);
        return {
          insight: i,
          message: `Created trend insight "${i.name}" (${i.id}, ${i.short_id}).${ignoredNote(made.ignored)}`,
        };
      },
    }),
  };
}
