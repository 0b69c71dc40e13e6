import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import posthog from '../index.js';

const catalog = catalogServer('posthog');

const LISTS = ['limit', 'offset'];
/** Optional parameters this server adds to guMCP's. */
const EXTRAS: Record<string, string[]> = {
  list_actions: LISTS,
  get_action: ['full'],
  capture_event: ['timestamp'],
  capture_group_event: ['timestamp'],
  check_feature_flag: ['groups'],
  get_feature_flag_payload: ['groups'],
  get_all_flags: ['groups'],
  list_annotations: [...LISTS, 'search'],
  create_annotation: ['insight_id'],
  get_annotation: ['full'],
  update_annotation: ['insight_id'],
  list_cohorts: LISTS,
  get_cohort: ['full'],
  list_dashboards: LISTS,
  get_dashboard: ['full'],
  list_dashboard_collaborators: ['project_id'],
  add_dashboard_collaborator: ['project_id'],
  get_dashboard_sharing: ['project_id'],
  list_persons: LISTS,
  get_person: ['full'],
  list_experiments: LISTS,
  get_experiment: ['full'],
  check_experiments_requiring_flag: ['project_id'],
  list_insights: LISTS,
  get_insight_sharing: ['project_id'],
  get_insight: ['full'],
  get_insight_activity: ['project_id', 'limit'],
  mark_insight_viewed: ['project_id'],
  get_insights_activity: ['project_id', 'limit'],
  get_trend_insights: ['events', 'date_from', 'date_to', 'interval', 'breakdown', 'filters', 'project_id'],
  create_trend_insight: ['project_id'],
};

test('posthog lists exactly the catalog’s 45 tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(posthog)).listTools();
  assert.equal(tools.length, 45);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: reads, soft deletions and updates overwrite, creations and captured events add', async () => {
  const { tools } = await (await connect(posthog)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'list_actions',
      'get_action',
      'check_feature_flag',
      'get_feature_flag_payload',
      'get_all_flags',
      'list_annotations',
      'get_annotation',
      'list_cohorts',
      'get_cohort',
      'list_dashboards',
      'get_dashboard',
      'list_dashboard_collaborators',
      'get_dashboard_sharing',
      'list_persons',
      'get_person',
      'list_experiments',
      'get_experiment',
      'check_experiments_requiring_flag',
      'list_insights',
      'get_insight_sharing',
      'get_insight',
      'get_insight_activity',
      'get_insights_activity',
      'get_trend_insights',
    ],
    destructive: [
      'update_action',
      'update_annotation',
      'update_cohort',
      'delete_cohort',
      'update_dashboard',
      'delete_dashboard',
      'update_experiment',
      'update_insight',
    ],
    notIdempotent: [
      'create_action',
      'capture_event',
      'capture_group_event',
      'create_annotation',
      'create_cohort',
      'create_dashboard',
      'create_experiment',
      'create_insight',
      'create_trend_insight',
    ],
  });
});

test('auth is guMCP’s api_key plus an optional host and project, checked at sign-in', () => {
  assert.equal(posthog.auth.kind, 'api_key');
  if (posthog.auth.kind !== 'api_key') return;
  const [key, ...rest] = posthog.auth.fields;
  assert.deepEqual([key?.name], catalog.auth.credentialFields);
  assert.equal(key?.secret, true);
  assert.deepEqual(
    rest.map((f) => [f.name, f.optional]),
    [
      ['host', true],
      ['project_id', true],
    ],
  );
  assert.equal(typeof posthog.auth.verify, 'function');
  assert.equal(posthog.resources, undefined);
});
