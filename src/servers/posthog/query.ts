import { ToolError } from '../../core/errors.js';
import type { Rec } from './api.js';

/**
 * guMCP's insight tools took PostHog's legacy `filters` (`{insight, events, actions, date_from, ...}`),
 * which PostHog has replaced with query nodes (`{kind: 'InsightVizNode', source: {kind: 'TrendsQuery',
 * series: [...]}}`). The tools keep the `filters` argument and accept both: a query node is used as it
 * is; legacy filters of trends, funnels, stickiness and lifecycle insights are translated here.
 */

/** Insight queries a visualization node shows as a chart. */
const CHART_KINDS = new Set([
  'TrendsQuery',
  'FunnelsQuery',
  'RetentionQuery',
  'PathsQuery',
  'StickinessQuery',
  'LifecycleQuery',
]);
/** Nodes an insight stores as they are. */
const NODE_KINDS = new Set(['InsightVizNode', 'DataVisualizationNode', 'DataTableNode', 'HogQuery']);

const LEGACY: Readonly<Record<string, string>> = {
  TRENDS: 'TrendsQuery',
  FUNNELS: 'FunnelsQuery',
  STICKINESS: 'StickinessQuery',
  LIFECYCLE: 'LifecycleQuery',
};

/** Legacy filter keys the translation reads; others are named in the result so nothing is lost unseen. */
const READ = new Set([
  'insight',
  'events',
  'actions',
  'date_from',
  'date_to',
  'interval',
  'properties',
  'breakdown',
  'breakdown_type',
  'display',
  'formula',
  'compare',
  'filter_test_accounts',
  'funnel_window_interval',
  'funnel_window_interval_unit',
  'funnel_viz_type',
  'funnel_order_type',
]);

const obj = (v: unknown): Rec | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined;

export interface InsightQuery {
  /** The node to store as the insight's `query`. */
  query: Rec;
  /** The query's kind (TrendsQuery, HogQLQuery, ...). */
  kind: string;
  /** Legacy filter keys that were not translated. */
  ignored: string[];
}

/** A query node, or legacy filters, as the node an insight stores. `argument` names the tool argument. */
export function insightQuery(filters: Rec, argument = 'filters'): InsightQuery {
  const kind = typeof filters.kind === 'string' ? filters.kind : undefined;
  if (kind) {
    if (NODE_KINDS.has(kind)) {
      const source = obj(filters.source);
      return { query: filters, kind: (source?.kind as string | undefined) ?? kind, ignored: [] };
    }
    if (CHART_KINDS.has(kind))
      return { query: { kind: 'InsightVizNode', source: filters }, kind, ignored: [] };
    if (kind === 'HogQLQuery')
      return { query: { kind: 'DataVisualizationNode', source: filters }, kind, ignored: [] };
    if (kind === 'EventsQuery')
      return { query: { kind: 'DataTableNode', source: filters }, kind, ignored: [] };
    throw new ToolError(
      `${argument}: PostHog insights cannot store a query of kind "${kind.slice(0, 60)}"; use TrendsQuery, FunnelsQuery, ` +
        'RetentionQuery, PathsQuery, StickinessQuery, LifecycleQuery, HogQLQuery or an InsightVizNode',
    );
  }
  const source = legacySource(filters, argument);
  return {
    query: { kind: 'InsightVizNode', source: source.query },
    kind: source.kind,
    ignored: source.ignored,
  };
}

/** The TrendsQuery in `filters` (a query node or legacy trends filters), for the trend tools. */
export function trendsQuery(filters: Rec, argument = 'filters'): { query: Rec; ignored: string[] } {
  const made = insightQuery(filters, argument);
  if (made.kind !== 'TrendsQuery') {
    throw new ToolError(
      `${argument}: a trend insight needs trends filters or a TrendsQuery, not ${made.kind}`,
    );
  }
  const source = obj(made.query.source) ?? made.query;
  return { query: source, ignored: made.ignored };
}

/** One legacy entity (`{id, type, name, math, properties, ...}`) as an EventsNode or ActionsNode. */
function seriesNode(entity: Rec, type: 'events' | 'actions', argument: string): Rec {
  const common: Rec = {};
  for (const key of ['name', 'custom_name', 'math', 'math_property', 'math_group_type_index', 'math_hogql']) {
    if (entity[key] !== undefined && entity[key] !== null) common[key] = entity[key];
  }
  if (Array.isArray(entity.properties) && entity.properties.length) common.properties = entity.properties;
  if (type === 'actions') {
    const id = Number(entity.id);
    if (!Number.isInteger(id)) throw new ToolError(`${argument}.actions: each action needs its numeric id`);
    return { kind: 'ActionsNode', id, ...common };
  }
  // A null event id means "all events" in PostHog.
  const event = entity.id === undefined ? null : entity.id;
  if (event !== null && typeof event !== 'string') {
    throw new ToolError(`${argument}.events: each event needs its name as id (e.g. {"id": "$pageview"})`);
  }
  return { kind: 'EventsNode', event, name: common.name ?? event ?? 'All events', ...common };
}

/** Legacy `properties`: a list of filters (all must match) or a property group, as a property group. */
function propertyGroup(properties: unknown): Rec | undefined {
  if (Array.isArray(properties)) {
    return properties.length ? { type: 'AND', values: [{ type: 'AND', values: properties }] } : undefined;
  }
  const group = obj(properties);
  return group && Array.isArray(group.values) && group.values.length ? group : undefined;
}

function legacySource(filters: Rec, argument: string): { query: Rec; kind: string; ignored: string[] } {
  const insight = typeof filters.insight === 'string' ? filters.insight.toUpperCase() : 'TRENDS';
  const kind = LEGACY[insight];
  if (!kind) {
    throw new ToolError(
      `${argument}: legacy ${insight.slice(0, 30)} filters are not translated; pass a query node instead, e.g. ` +
        `{"kind": "${insight === 'RETENTION' ? 'RetentionQuery' : insight === 'PATHS' ? 'PathsQuery' : 'TrendsQuery'}", ...}`,
    );
  }
  const ordered = (items: unknown, type: 'events' | 'actions') =>
    (Array.isArray(items) ? items : [])
      .map((e) => obj(e))
      .filter((e): e is Rec => Boolean(e))
      .map((e) => ({
        order: typeof e.order === 'number' ? e.order : Number.MAX_SAFE_INTEGER,
        node: seriesNode(e, type, argument),
      }));
  const series = [...ordered(filters.events, 'events'), ...ordered(filters.actions, 'actions')]
    .sort((a, b) => a.order - b.order)
    .map((s) => s.node);
  if (!series.length) {
    throw new ToolError(
      `${argument}: give the events or actions to chart, e.g. {"events": [{"id": "$pageview"}]}, or a query node ` +
        'with a kind',
    );
  }
  const query: Rec = { kind, series };
  if (filters.date_from !== undefined || filters.date_to !== undefined) {
    query.dateRange = {
      ...(filters.date_from !== undefined ? { date_from: filters.date_from } : {}),
      ...(filters.date_to !== undefined ? { date_to: filters.date_to } : {}),
    };
  }
  if (typeof filters.interval === 'string' && kind !== 'FunnelsQuery') query.interval = filters.interval;
  const properties = propertyGroup(filters.properties);
  if (properties) query.properties = properties;
  if (typeof filters.filter_test_accounts === 'boolean')
    query.filterTestAccounts = filters.filter_test_accounts;
  if (filters.breakdown !== undefined && filters.breakdown !== null && kind !== 'LifecycleQuery') {
    query.breakdownFilter = {
      breakdown: filters.breakdown,
      ...(typeof filters.breakdown_type === 'string' ? { breakdown_type: filters.breakdown_type } : {}),
    };
  }
  if (kind === 'TrendsQuery') {
    const trendsFilter: Rec = {};
    if (typeof filters.display === 'string') trendsFilter.display = filters.display;
    if (typeof filters.formula === 'string') trendsFilter.formula = filters.formula;
    if (Object.keys(trendsFilter).length) query.trendsFilter = trendsFilter;
    if (filters.compare === true) query.compareFilter = { compare: true };
  }
  if (kind === 'FunnelsQuery') {
    const funnelsFilter: Rec = {};
    if (typeof filters.funnel_window_interval === 'number')
      funnelsFilter.funnelWindowInterval = filters.funnel_window_interval;
    if (typeof filters.funnel_window_interval_unit === 'string')
      funnelsFilter.funnelWindowIntervalUnit = filters.funnel_window_interval_unit;
    if (typeof filters.funnel_viz_type === 'string') funnelsFilter.funnelVizType = filters.funnel_viz_type;
    if (typeof filters.funnel_order_type === 'string')
      funnelsFilter.funnelOrderType = filters.funnel_order_type;
    if (Object.keys(funnelsFilter).length) query.funnelsFilter = funnelsFilter;
  }
  const ignored = Object.keys(filters).filter((k) => !READ.has(k));
  return { query, kind, ignored };
}
