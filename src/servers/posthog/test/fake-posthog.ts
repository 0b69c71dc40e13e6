import type { FakeReply, RecordedRequest } from '../../../testing/fake-service.js';

/**
 * PostHog answers, in the shapes of its OpenAPI schema (`/api/schema/`: Action, Annotation, Cohort,
 * Dashboard, DashboardBasic, DashboardCollaborator, SharingConfiguration, Person, Experiment, Insight,
 * ActivityLog, User with TeamBasic, ProjectBackwardCompat, Paginated*List with count/next/previous/results,
 * TrendsQueryResponse), its ingestion docs (`/i/v0/e/` answers `{"status": 1}`; `/flags?v=2` answers
 * `{flags: {key: {key, enabled, variant, reason, metadata}}, errorsWhileComputingFlags, requestId}`) and
 * its error shape from drf-exceptions-hog: `{type, code, detail, attr}`.
 */

export const KEY = 'phx_fake_personal_key_for_tests';
export const PROJECT = '4242';
export const PROJECT_TOKEN = 'phc_project0token0Xa7Yq3m';
export const ORG = '0189d7e2-6b8f-0000-2bde-2f1c3a9e7b10';
export const USER_UUID = '0189d7e2-6b8f-0000-9a1e-5f4c2d3b1a00';

export const base = (project = PROJECT) => `/api/projects/${project}`;

export const userBasic = (email = 'ada@example.com') => ({
  id: 7,
  uuid: USER_UUID,
  distinct_id: 'ada-distinct',
  first_name: 'Ada',
  last_name: 'Lovelace',
  email,
  is_email_verified: true,
  hedgehog_config: null,
  role_at_organization: 'engineering',
});

export function team(project = PROJECT, name = 'Default project', token = PROJECT_TOKEN) {
  return {
    id: Number(project),
    uuid: '0189d7e2-6b8f-0000-7a2b-3c4d5e6f7a8b',
    organization: ORG,
    project_id: Number(project),
    api_token: token,
    name,
    completed_snippet_onboarding: true,
    has_completed_onboarding_for: { product_analytics: true },
    ingested_event: true,
    is_demo: false,
    timezone: 'UTC',
    access_control: false,
  };
}

/** `GET /api/users/@me/`: the user, their current team (project) and organization. */
export function me(project = PROJECT, name = 'Default project') {
  return {
    date_joined: '2024-01-10T09:00:00Z',
    uuid: USER_UUID,
    distinct_id: 'ada-distinct',
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@example.com',
    pending_email: null,
    is_email_verified: true,
    notification_settings: {},
    anonymize_data: false,
    toolbar_mode: 'toolbar',
    has_password: true,
    id: 7,
    is_staff: false,
    is_impersonated: false,
    is_impersonated_until: null,
    sensitive_session_expires_at: null,
    team: team(project, name),
    organization: {
      id: ORG,
      name: 'Acme',
      slug: 'acme',
      logo_media_id: null,
      created_at: '2024-01-10T09:00:00Z',
      updated_at: '2024-01-10T09:00:00Z',
      membership_level: 8,
      plugins_access_level: 9,
      teams: [{ id: Number(project), name }],
      projects: [{ id: Number(project), name }],
      available_product_features: [],
      metadata: {},
      customer_id: null,
      member_count: 3,
    },
    organizations: [{ id: ORG, name: 'Acme', slug: 'acme', logo_media_id: null, membership_level: 8 }],
    is_2fa_enabled: false,
    has_social_auth: false,
    has_sso_enforcement: false,
    scene_personalisation: [],
  };
}

/** `GET /api/organizations/{org}/projects/{id}/`. */
export function project(id: string, name: string, token: string) {
  return {
    id: Number(id),
    uuid: '0189d7e2-6b8f-0000-1111-222233334444',
    organization: ORG,
    api_token: token,
    name,
    completed_snippet_onboarding: true,
    has_completed_onboarding_for: null,
    ingested_event: true,
    is_demo: false,
    timezone: 'UTC',
    access_control: false,
  };
}

/** A limit/offset page, with `next` built as PostHog does: an absolute URL on the host asked. */
export function page(
  req: RecordedRequest,
  results: unknown[],
  count: number,
  nextOffset: number | null,
  host = req.headers.host,
) {
  const link = (offset: number) => {
    const q = new URLSearchParams(req.query);
    q.set('offset', String(offset));
    return `http://${host}${req.path}?${q}`;
  };
  const offset = Number(req.query.get('offset') ?? 0);
  return {
    count,
    next: nextOffset === null ? null : link(nextOffset),
    previous: offset > 0 ? link(Math.max(0, offset - results.length)) : null,
    results,
  };
}

export function action(id: number, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    description: '',
    tags: [],
    post_to_slack: false,
    slack_message_format: '',
    steps: [
      {
        event: '$pageview',
        properties: null,
        selector: null,
        tag_name: null,
        text: null,
        text_matching: null,
        href: null,
        href_matching: null,
        url: '/signup',
        url_matching: 'contains',
      },
    ],
    created_at: '2025-02-01T10:00:00Z',
    created_by: userBasic(),
    deleted: false,
    is_calculating: false,
    last_calculated_at: '2025-02-01T10:00:00Z',
    team_id: Number(PROJECT),
    is_action: true,
    bytecode_error: null,
    pinned_at: null,
    creation_context: null,
    user_access_level: 'editor',
    ...extra,
  };
}

export function annotation(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    content: 'Launched v2',
    date_marker: '2025-03-01T12:00:00Z',
    creation_type: 'USR',
    dashboard_item: null,
    dashboard_id: null,
    dashboard_name: null,
    insight_short_id: null,
    insight_name: null,
    insight_derived_name: null,
    created_by: userBasic(),
    created_at: '2025-03-01T12:01:00Z',
    updated_at: '2025-03-01T12:01:00Z',
    deleted: false,
    scope: 'project',
    ...extra,
  };
}

export function cohort(id: number, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    description: 'Paying customers',
    groups: [{ properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'person' }] }],
    deleted: false,
    filters: null,
    query: null,
    is_calculating: false,
    created_by: userBasic(),
    created_at: '2025-01-05T08:00:00Z',
    last_calculation: '2025-01-05T08:05:00Z',
    errors_calculating: 0,
    count: 128,
    is_static: false,
    cohort_type: 'person_property',
    experiment_set: [],
    ...extra,
  };
}

const dashboardCommon = (id: number, name: string) => ({
  id,
  name,
  description: 'Weekly numbers',
  pinned: true,
  created_at: '2025-01-02T08:00:00Z',
  created_by: userBasic(),
  last_accessed_at: '2025-04-01T08:00:00Z',
  last_viewed_at: null,
  is_shared: false,
  deleted: false,
  creation_mode: 'default',
  tags: ['growth'],
  restriction_level: 37,
  effective_restriction_level: 37,
  effective_privilege_level: 37,
  user_access_level: 'editor',
  access_control_version: 'v2',
  last_refresh: null,
  team_id: Number(PROJECT),
});

/** DashboardBasic, as the list answers it. */
export const dashboardBasic = (id: number, name: string) => dashboardCommon(id, name);

/** Dashboard, as retrieve, create and update answer it. */
export function dashboard(id: number, name: string, extra: Record<string, unknown> = {}) {
  return {
    ...dashboardCommon(id, name),
    filters: { date_from: '-30d' },
    variables: null,
    breakdown_colors: [],
    data_color_theme_id: null,
    persisted_filters: null,
    persisted_variables: null,
    tiles: [
      { id: 301, insight: { id: 77, short_id: 'aBcD1234', name: 'Signups', derived_name: null }, text: null },
      { id: 302, insight: null, text: { body: '## Notes' } },
    ],
    ...extra,
  };
}

export function collaborator(level = 37) {
  return {
    id: '0189d7e2-6b8f-0000-5555-666677778888',
    dashboard_id: 12,
    user: userBasic('grace@example.com'),
    level,
    added_at: '2025-04-02T08:00:00Z',
    updated_at: '2025-04-02T08:00:00Z',
    user_uuid: USER_UUID,
  };
}

export const sharing = (enabled: boolean) => ({
  created_at: '2025-04-03T08:00:00Z',
  enabled,
  access_token: enabled ? 'shAreT0ken_x1' : null,
  settings: null,
  password_required: false,
  share_passwords: [],
});

export function person(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    name: 'ada@example.com',
    distinct_ids: ['ada-distinct', 'anon-123'],
    properties: { email: 'ada@example.com', plan: 'pro' },
    created_at: '2025-01-01T00:00:00Z',
    uuid: '0189d7e2-6b8f-0000-aaaa-bbbbccccdddd',
    ...extra,
  };
}

export function experiment(id: number, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    description: 'Button colour',
    start_date: null,
    end_date: null,
    feature_flag_key: 'new-button',
    feature_flag: {
      id: 55,
      team_id: Number(PROJECT),
      name: 'new-button',
      key: 'new-button',
      filters: {},
      deleted: false,
      active: true,
      ensure_experience_continuity: false,
      has_encrypted_payloads: false,
      version: 1,
      evaluation_runtime: 'all',
      evaluation_tags: [],
    },
    holdout: null,
    holdout_id: null,
    exposure_cohort: null,
    parameters: {
      feature_flag_variants: [
        { key: 'control', rollout_percentage: 50 },
        { key: 'test', rollout_percentage: 50 },
      ],
    },
    secondary_metrics: [],
    saved_metrics: [],
    saved_metrics_ids: [],
    filters: {},
    archived: false,
    deleted: false,
    created_by: userBasic(),
    created_at: '2025-02-10T08:00:00Z',
    updated_at: '2025-02-10T08:00:00Z',
    type: 'product',
    exposure_criteria: null,
    metrics: [],
    metrics_secondary: [],
    stats_config: null,
    conclusion: null,
    conclusion_comment: null,
    primary_metrics_ordered_uuids: null,
    secondary_metrics_ordered_uuids: null,
    user_access_level: 'editor',
    ...extra,
  };
}

export const trendsQueryNode = {
  kind: 'InsightVizNode',
  source: {
    kind: 'TrendsQuery',
    series: [{ kind: 'EventsNode', event: '$pageview', name: '$pageview' }],
    dateRange: { date_from: '-7d' },
  },
};

export function insight(id: number, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    short_id: 'aBcD1234',
    name,
    derived_name: null,
    query: trendsQueryNode,
    order: null,
    deleted: false,
    dashboards: [12],
    dashboard_tiles: [{ id: 301, dashboard_id: 12, deleted: null }],
    last_refresh: '2025-04-01T08:00:00Z',
    cache_target_age: null,
    next_allowed_client_refresh: null,
    result: null,
    hasMore: null,
    columns: null,
    created_at: '2025-03-10T08:00:00Z',
    created_by: userBasic(),
    description: 'Daily pageviews',
    updated_at: '2025-03-10T08:00:00Z',
    tags: [],
    favorited: false,
    last_modified_at: '2025-03-10T08:00:00Z',
    last_modified_by: userBasic(),
    is_sample: false,
    effective_restriction_level: 21,
    effective_privilege_level: 37,
    user_access_level: 'editor',
    timezone: 'UTC',
    is_cached: true,
    query_status: null,
    hogql: null,
    types: null,
    alerts: [],
    last_viewed_at: null,
    ...extra,
  };
}

export function activity(id: string, activityName: string, item = '77') {
  return {
    id,
    user: userBasic(),
    unread: false,
    organization_id: ORG,
    was_impersonated: false,
    is_system: false,
    activity: activityName,
    item_id: item,
    scope: 'Insight',
    detail: {
      id: Number(item),
      changes: [{ type: 'Insight', action: 'changed', field: 'name', before: 'Old', after: 'Signups' }],
      merge: null,
      trigger: null,
      name: 'Signups',
      short_id: 'aBcD1234',
      type: null,
    },
    created_at: '2025-04-01T08:00:00Z',
  };
}

/** A TrendsQueryResponse: one series per event, with `days` and `data` per interval. */
export function trendsAnswer(events: string[] = ['$pageview']) {
  return {
    results: events.map((event, i) => ({
      action: { id: event, type: 'events', order: i, name: event, custom_name: null, math: 'total' },
      label: event,
      count: 30 + i,
      data: [10, 12, 8 + i],
      labels: ['1-Apr-2025', '2-Apr-2025', '3-Apr-2025'],
      days: ['2025-04-01', '2025-04-02', '2025-04-03'],
      breakdown_value: null,
    })),
    hasMore: false,
    hogql: 'SELECT ...',
    is_cached: false,
    resolved_date_range: { date_from: '2025-03-27T00:00:00Z', date_to: '2025-04-03T23:59:59Z' },
    timezone: 'UTC',
    timings: [],
    modifiers: null,
    query_status: null,
    error: null,
  };
}

/** `/flags?v=2`: flag details by key. */
export function flagsAnswer() {
  return {
    flags: {
      'new-button': {
        key: 'new-button',
        enabled: true,
        variant: 'test',
        reason: { code: 'condition_match', condition_index: 0, description: 'Matched condition set 1' },
        metadata: { id: 55, version: 3, payload: '{"color": "green"}', description: null },
      },
      'beta-page': {
        key: 'beta-page',
        enabled: false,
        variant: null,
        reason: {
          code: 'no_condition_match',
          condition_index: null,
          description: 'No matching condition set',
        },
        metadata: { id: 56, version: 1, payload: null, description: null },
      },
    },
    errorsWhileComputingFlags: false,
    requestId: '0f3e2c5a-1d2b-4c7e-9a8f-1b2c3d4e5f60',
  };
}

// Error answers (drf-exceptions-hog).

export const problem = (
  status: number,
  type: string,
  code: string,
  detail: string,
  attr: string | null = null,
) => ({ status, body: { type, code, detail, attr } }) satisfies FakeReply;

export const unauthorized = () =>
  problem(
    401,
    'authentication_error',
    'authentication_failed',
    'Personal API key found in request Authorization header is invalid.',
  );
export const missingScope = (scope: string) =>
  problem(403, 'authentication_error', 'permission_denied', `API key missing required scope '${scope}'`);
export const notFound = () => problem(404, 'invalid_request', 'not_found', 'Not found.');
export const throttled = (seconds: number, headers: Record<string, string> = {}) => ({
  ...problem(
    429,
    'throttled_error',
    'throttled',
    `Request was throttled. Expected available in ${seconds} seconds.`,
  ),
  headers,
});
