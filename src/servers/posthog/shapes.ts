import { z } from 'zod';
import type { Rec } from './api.js';

/**
 * The records the tools return, trimmed to what matters from PostHog's answers (the shapes of its
 * OpenAPI schema). `full: true` on the get tools adds the record as PostHog gave it.
 */

export const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const obj = (v: unknown): Rec | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).flatMap((s) => (typeof s === 'string' ? [s] : []));

/** Who made something: PostHog's UserBasic as "First Last <email>", or whichever part it has. */
export function person(v: unknown): string | null {
  const u = obj(v);
  if (!u) return null;
  const name = [str(u.first_name), str(u.last_name)].filter(Boolean).join(' ').trim();
  const email = str(u.email);
  if (name && email) return `${name} <${email}>`;
  return name || email || null;
}

/**
 * A bounded copy of a value PostHog computes (insight results, cohort filters, activity diffs):
 * arrays cut at `items`, strings at 500 characters, nesting at 6 levels. `cut` says whether anything was.
 */
export function bounded(value: unknown, items = 50): { value: unknown; cut: boolean } {
  let cut = false;
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') {
      if (v.length <= 500) return v;
      cut = true;
      return `${v.slice(0, 500)}…`;
    }
    if (!v || typeof v !== 'object') return v;
    if (depth >= 6) {
      cut = true;
      return Array.isArray(v) ? [] : {};
    }
    if (Array.isArray(v)) {
      if (v.length > items) cut = true;
      return v.slice(0, items).map((x) => walk(x, depth + 1));
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, depth + 1)]));
  };
  return { value: walk(value, 0), cut };
}

const created = {
  created_at: z.string().nullable(),
  created_by: z.string().nullable().describe('Who created it: name and email'),
};
const createdOf = (r: Rec) => ({ created_at: str(r.created_at), created_by: person(r.created_by) });

// Actions

const STEP_FIELDS = [
  'event',
  'url',
  'url_matching',
  'properties',
  'selector',
  'tag_name',
  'text',
  'text_matching',
  'href',
  'href_matching',
] as const;

export const actionSchema = z.object({
  id: z.number(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  steps: z
    .array(z.record(z.string(), z.unknown()))
    .describe('Match conditions; an event matching any one step counts as the action'),
  deleted: z.boolean().nullable(),
  ...created,
});

export const toAction = (a: Rec): z.infer<typeof actionSchema> => ({
  id: num(a.id) ?? 0,
  name: str(a.name),
  description: str(a.description) || null,
  tags: strings(a.tags),
  steps: list(a.steps).flatMap((s) => {
    const step = obj(s);
    if (!step) return [];
    return [
      Object.fromEntries(
        STEP_FIELDS.filter((f) => step[f] != null && step[f] !== '').map((f) => [f, step[f]]),
      ),
    ];
  }),
  deleted: bool(a.deleted),
  ...createdOf(a),
});

// Annotations

export const annotationSchema = z.object({
  id: z.number(),
  content: z.string().nullable(),
  date_marker: z.string().nullable().describe('When it happened (ISO 8601)'),
  scope: z.string().nullable().describe('project, organization, dashboard or dashboard_item (an insight)'),
  creation_type: z.string().nullable().describe('USR (a person) or GIT (a bot or deployment)'),
  dashboard_id: z.number().nullable(),
  dashboard_name: z.string().nullable(),
  insight_short_id: z.string().nullable(),
  insight_name: z.string().nullable(),
  updated_at: z.string().nullable(),
  deleted: z.boolean().nullable(),
  ...created,
});

export const toAnnotation = (a: Rec): z.infer<typeof annotationSchema> => ({
  id: num(a.id) ?? 0,
  content: str(a.content),
  date_marker: str(a.date_marker),
  scope: str(a.scope),
  creation_type: str(a.creation_type),
  dashboard_id: num(a.dashboard_id),
  dashboard_name: str(a.dashboard_name),
  insight_short_id: str(a.insight_short_id),
  insight_name: str(a.insight_name) ?? str(a.insight_derived_name),
  updated_at: str(a.updated_at),
  deleted: bool(a.deleted),
  ...createdOf(a),
});

// Cohorts

export const cohortSummarySchema = z.object({
  id: z.number(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  is_static: z.boolean().nullable(),
  count: z.number().nullable().describe('Persons in the cohort at its last calculation'),
  is_calculating: z.boolean().nullable(),
  last_calculation: z.string().nullable(),
  deleted: z.boolean().nullable(),
  ...created,
});

export const cohortSchema = cohortSummarySchema.extend({
  groups: z.unknown().describe('The legacy match groups, when the cohort is defined by them'),
  filters: z.unknown().describe('The cohort’s filters (property groups), when defined by them'),
  errors_calculating: z.number().nullable(),
});

export const toCohortSummary = (c: Rec): z.infer<typeof cohortSummarySchema> => ({
  id: num(c.id) ?? 0,
  name: str(c.name),
  description: str(c.description) || null,
  is_static: bool(c.is_static),
  count: num(c.count),
  is_calculating: bool(c.is_calculating),
  last_calculation: str(c.last_calculation),
  deleted: bool(c.deleted),
  ...createdOf(c),
});

export const toCohort = (c: Rec): z.infer<typeof cohortSchema> => ({
  ...toCohortSummary(c),
  groups: list(c.groups).length ? bounded(c.groups).value : null,
  filters: obj(c.filters) ? bounded(c.filters).value : null,
  errors_calculating: num(c.errors_calculating),
});

// Dashboards

/** PostHog's dashboard privilege levels: 21 lets everyone in the project edit, 37 only named editors. */
export const LEVELS: Readonly<Record<number, string>> = { 21: 'can view', 37: 'can edit' };
const RESTRICTIONS: Readonly<Record<number, string>> = {
  21: 'everyone in the project can edit',
  37: 'only those invited can edit',
};

export const dashboardSummarySchema = z.object({
  id: z.number(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  pinned: z.boolean().nullable(),
  tags: z.array(z.string()),
  is_shared: z.boolean().nullable().describe('Whether it is shared publicly by link'),
  restriction: z.string().nullable().describe('Who may edit it'),
  last_accessed_at: z.string().nullable(),
  deleted: z.boolean().nullable(),
  ...created,
});

export const dashboardSchema = dashboardSummarySchema.extend({
  filters: z.record(z.string(), z.unknown()).describe('Filters applied to every insight on it'),
  tiles: z
    .array(
      z.object({
        id: z.number().nullable(),
        insight_id: z.number().nullable(),
        insight_short_id: z.string().nullable(),
        insight_name: z.string().nullable(),
        text: z.string().nullable().describe('A text card’s Markdown'),
      }),
    )
    .describe('Its insights and text cards'),
});

export const toDashboardSummary = (d: Rec): z.infer<typeof dashboardSummarySchema> => ({
  id: num(d.id) ?? 0,
  name: str(d.name),
  description: str(d.description) || null,
  pinned: bool(d.pinned),
  tags: strings(d.tags),
  is_shared: bool(d.is_shared),
  restriction: RESTRICTIONS[num(d.restriction_level) ?? 0] ?? null,
  last_accessed_at: str(d.last_accessed_at),
  deleted: bool(d.deleted),
  ...createdOf(d),
});

export const toDashboard = (d: Rec): z.infer<typeof dashboardSchema> => ({
  ...toDashboardSummary(d),
  filters: obj(d.filters) ?? {},
  tiles: list(d.tiles).flatMap((t) => {
    const tile = obj(t);
    if (!tile) return [];
    const insight = obj(tile.insight);
    return [
      {
        id: num(tile.id),
        insight_id: insight ? num(insight.id) : null,
        insight_short_id: insight ? str(insight.short_id) : null,
        insight_name: insight ? (str(insight.name) ?? str(insight.derived_name)) : null,
        text: str(obj(tile.text)?.body),
      },
    ];
  }),
});

export const collaboratorSchema = z.object({
  user_uuid: z.string().nullable(),
  user: z.string().nullable().describe('Name and email'),
  level: z.number().nullable().describe('21: can view, 37: can edit'),
  level_name: z.string().nullable(),
  added_at: z.string().nullable(),
});

export const toCollaborator = (c: Rec): z.infer<typeof collaboratorSchema> => {
  const level = num(c.level);
  return {
    user_uuid: str(c.user_uuid) ?? str(obj(c.user)?.uuid),
    user: person(c.user),
    level,
    level_name: level === null ? null : (LEVELS[level] ?? null),
    added_at: str(c.added_at),
  };
};

export const sharingSchema = z.object({
  enabled: z.boolean().describe('Whether anyone with the link can view it'),
  access_token: z.string().nullable().describe('The token in the public link'),
  shared_url: z.string().nullable().describe('The public link, when sharing is on'),
  password_required: z.boolean().nullable(),
  created_at: z.string().nullable(),
});

/** PostHog answers sharing as one configuration or a list of them; the first is the one in use. */
export function toSharing(answer: unknown, host: string): z.infer<typeof sharingSchema> {
  const s = (Array.isArray(answer) ? obj(answer[0]) : obj(answer)) ?? {};
  const enabled = s.enabled === true;
  const token = str(s.access_token);
  return {
    enabled,
    access_token: token,
    shared_url: enabled && token ? `${host}/shared/${encodeURIComponent(token)}` : null,
    password_required: bool(s.password_required),
    created_at: str(s.created_at),
  };
}

// Persons

const MAX_DISTINCT_IDS = 20;

export const personSchema = z.object({
  id: z.string().nullable(),
  uuid: z.string().nullable(),
  name: z.string().nullable().describe('PostHog’s display name (email, name or a distinct id)'),
  distinct_ids: z.array(z.string()).describe(`Its distinct ids (the first ${MAX_DISTINCT_IDS})`),
  distinct_id_count: z.number(),
  properties: z.record(z.string(), z.unknown()),
  created_at: z.string().nullable(),
});

export const toPerson = (p: Rec): z.infer<typeof personSchema> => {
  const ids = strings(p.distinct_ids);
  return {
    id: str(p.id),
    uuid: str(p.uuid),
    name: str(p.name),
    distinct_ids: ids.slice(0, MAX_DISTINCT_IDS),
    distinct_id_count: ids.length,
    properties: (bounded(obj(p.properties) ?? {}).value as Rec) ?? {},
    created_at: str(p.created_at),
  };
};

// Experiments

export const experimentSummarySchema = z.object({
  id: z.number(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  feature_flag_key: z.string().nullable(),
  status: z.enum(['draft', 'running', 'complete']).describe('From its start and end dates'),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  archived: z.boolean().nullable(),
  ...created,
});

export const experimentSchema = experimentSummarySchema.extend({
  feature_flag: z
    .object({ id: z.number().nullable(), key: z.string().nullable(), active: z.boolean().nullable() })
    .nullable(),
  type: z.string().nullable().describe('product or web'),
  parameters: z.unknown().describe('Variants, rollout and sample-size parameters'),
  filters: z.unknown(),
  metrics: z.unknown(),
  secondary_metrics: z.unknown(),
  conclusion: z.string().nullable(),
  updated_at: z.string().nullable(),
});

export const toExperimentSummary = (e: Rec): z.infer<typeof experimentSummarySchema> => {
  const start = str(e.start_date);
  const end = str(e.end_date);
  return {
    id: num(e.id) ?? 0,
    name: str(e.name),
    description: str(e.description) || null,
    feature_flag_key: str(e.feature_flag_key) ?? str(obj(e.feature_flag)?.key),
    status: end ? 'complete' : start ? 'running' : 'draft',
    start_date: start,
    end_date: end,
    archived: bool(e.archived),
    ...createdOf(e),
  };
};

export const toExperiment = (e: Rec): z.infer<typeof experimentSchema> => {
  const flag = obj(e.feature_flag);
  const some = (v: unknown) => (v == null || (Array.isArray(v) && !v.length) ? null : bounded(v).value);
  return {
    ...toExperimentSummary(e),
    feature_flag: flag ? { id: num(flag.id), key: str(flag.key), active: bool(flag.active) } : null,
    type: str(e.type),
    parameters: some(e.parameters),
    filters: obj(e.filters) && Object.keys(e.filters as Rec).length ? bounded(e.filters).value : null,
    metrics: some(e.metrics),
    secondary_metrics: some(e.secondary_metrics),
    conclusion: str(e.conclusion),
    updated_at: str(e.updated_at),
  };
};

// Insights

export const insightSummarySchema = z.object({
  id: z.number(),
  short_id: z.string().nullable().describe('The id in its web address'),
  name: z.string().nullable().describe('Its name, or the one PostHog derived from its query'),
  description: z.string().nullable(),
  kind: z.string().nullable().describe('TrendsQuery, FunnelsQuery, HogQLQuery, ...'),
  favorited: z.boolean().nullable(),
  tags: z.array(z.string()),
  dashboards: z.array(z.number()).describe('Dashboards it is on'),
  last_modified_at: z.string().nullable(),
  ...created,
});

export const insightSchema = insightSummarySchema.extend({
  query: z.unknown().describe('The query it runs'),
  filters: z.unknown().describe('Its legacy filters, for insights saved before queries'),
  last_refresh: z.string().nullable(),
  result: z.unknown().describe('Its last results (series cut at 50 entries)'),
  result_truncated: z.boolean(),
});

/** The kind of an insight's query: the source's of a visualization node, else its own. */
export function kindOf(query: unknown): string | null {
  const q = obj(query);
  if (!q) return null;
  return str(obj(q.source)?.kind) ?? str(q.kind);
}

export const toInsightSummary = (i: Rec): z.infer<typeof insightSummarySchema> => ({
  id: num(i.id) ?? 0,
  short_id: str(i.short_id),
  name: str(i.name) || str(i.derived_name),
  description: str(i.description) || null,
  kind: kindOf(i.query) ?? (str(obj(i.filters)?.insight) ? `legacy ${str(obj(i.filters)?.insight)}` : null),
  favorited: bool(i.favorited),
  tags: strings(i.tags),
  dashboards: list(i.dashboards).flatMap((d) => (typeof d === 'number' ? [d] : [])),
  last_modified_at: str(i.last_modified_at),
  ...createdOf(i),
});

export const toInsight = (i: Rec): z.infer<typeof insightSchema> => {
  const result = bounded(i.result ?? null);
  const filters = obj(i.filters);
  return {
    ...toInsightSummary(i),
    query: i.query ?? null,
    filters: filters && Object.keys(filters).length ? filters : null,
    last_refresh: str(i.last_refresh),
    result: result.value,
    result_truncated: result.cut,
  };
};

// Activity

export const activitySchema = z.object({
  id: z.string().nullable(),
  activity: z.string().nullable().describe('created, updated, deleted, ...'),
  scope: z.string().nullable(),
  item_id: z.string().nullable(),
  name: z.string().nullable().describe('The name of the item at the time'),
  user: z.string().nullable(),
  created_at: z.string().nullable(),
  changes: z
    .array(
      z.object({
        field: z.string().nullable(),
        action: z.string().nullable(),
        before: z.unknown(),
        after: z.unknown(),
      }),
    )
    .describe('What changed (values cut at 50 entries)'),
});

export const toActivity = (a: Rec): z.infer<typeof activitySchema> => {
  const detail = obj(a.detail) ?? {};
  return {
    id: str(a.id),
    activity: str(a.activity),
    scope: str(a.scope),
    item_id: str(a.item_id),
    name: str(detail.name) ?? str(detail.short_id),
    user: person(a.user),
    created_at: str(a.created_at),
    changes: list(detail.changes).flatMap((c) => {
      const change = obj(c);
      if (!change) return [];
      return [
        {
          field: str(change.field),
          action: str(change.action),
          before: bounded(change.before ?? null, 10).value,
          after: bounded(change.after ?? null, 10).value,
        },
      ];
    }),
  };
};

// Trends (query results)

const MAX_POINTS = 100;

export const seriesSchema = z.object({
  label: z.string().nullable(),
  breakdown_value: z.unknown().describe('The breakdown value of this series, when broken down'),
  count: z.number().nullable().describe('Total over the range'),
  points: z
    .array(z.object({ date: z.string().nullable(), value: z.number().nullable() }))
    .describe(`Values by interval (the last ${MAX_POINTS})`),
});

export const toSeries = (s: Rec): z.infer<typeof seriesSchema> => {
  const values = list(s.data);
  const days = list(s.days).length ? list(s.days) : list(s.labels);
  const points = values.map((v, i) => ({ date: str(days[i]), value: num(v) }));
  return {
    label: str(s.label) ?? str(obj(s.action)?.name),
    breakdown_value: s.breakdown_value ?? null,
    count: num(s.count) ?? num(s.aggregated_value),
    points: points.slice(-MAX_POINTS),
  };
};
