import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  action,
  activity,
  annotation,
  base,
  cohort,
  collaborator,
  dashboard,
  dashboardBasic,
  experiment,
  insight,
  KEY,
  me,
  ORG,
  person,
  project,
  sharing,
  trendsAnswer,
  USER_UUID,
} from './fake-posthog.js';
import { data, setup } from './harness.js';

/**
 * Checks the fake and the client against PostHog's OpenAPI schema, so they cannot drift apart
 * together: every request the tools make to the private API (method, path, query keys, JSON body) must
 * be an operation of the schema, and every answer the fake gives must fit the operation's documented
 * answer. The ingestion endpoints (/i/v0/e/, /flags) are not part of the schema and are not checked.
 *
 * The schema is what any PostHog instance serves at /api/schema/ (YAML, or JSON when the file name ends
 * in .json); POSTHOG_OPENAPI_SPEC names the file. No npm package ships it, so without the variable the
 * test is skipped.
 */

type Schema = Record<string, unknown>;

/**
 * PostHog's schema uses one component for requests and answers (drf-spectacular without split
 * components), so its `required` lists name read-only fields a request never sends and write-only
 * fields an answer never holds. OpenAPI 3.0 says such required fields apply to one direction only:
 * each check drops the other direction's from `required`.
 */
const dropRequired = (flag: 'readOnly' | 'writeOnly') => (schema: Schema) => {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (Array.isArray(schema.required) && properties) {
    schema.required = schema.required.filter((name) => properties[name]?.[flag] !== true);
  }
  return schema;
};

const P = base();
const p = (rest: string) => `${P}/${rest}`;
const list = (results: unknown[]) => ({
  body: { count: results.length, next: null, previous: null, results },
});

/** What each private-API route of the fake answers in this test. */
const ANSWERS: Record<string, FakeReply> = {
  'GET /api/users/@me/': { body: me() },
  [`GET /api/organizations/${ORG}/projects/99/`]: { body: project('99', 'Staging', 'phc_staging_token_1') },
  [`GET ${p('actions/')}`]: list([action(1, 'A')]),
  [`POST ${p('actions/')}`]: { status: 201, body: action(2, 'B') },
  [`GET ${p('actions/2/')}`]: { body: action(2, 'B') },
  [`PATCH ${p('actions/2/')}`]: { body: action(2, 'C') },
  [`GET ${p('annotations/')}`]: list([annotation(1)]),
  [`POST ${p('annotations/')}`]: { status: 201, body: annotation(2) },
  [`GET ${p('annotations/2/')}`]: { body: annotation(2) },
  [`PATCH ${p('annotations/2/')}`]: { body: annotation(2) },
  [`GET ${p('cohorts/')}`]: list([cohort(3, 'Pro')]),
  [`POST ${p('cohorts/')}`]: { status: 201, body: cohort(3, 'Pro') },
  [`GET ${p('cohorts/3/')}`]: { body: cohort(3, 'Pro') },
  [`PATCH ${p('cohorts/3/')}`]: { body: cohort(3, 'Pro') },
  [`GET ${p('dashboards/')}`]: list([dashboardBasic(12, 'Growth')]),
  [`POST ${p('dashboards/')}`]: { status: 201, body: dashboard(12, 'Growth') },
  [`GET ${p('dashboards/12/')}`]: { body: dashboard(12, 'Growth') },
  [`PATCH ${p('dashboards/12/')}`]: { body: dashboard(12, 'Growth') },
  [`GET ${p('dashboards/12/collaborators/')}`]: { body: [collaborator()] },
  [`POST ${p('dashboards/12/collaborators/')}`]: { status: 201, body: collaborator() },
  [`GET ${p('dashboards/12/sharing/')}`]: { body: [sharing(true)] },
  [`GET ${p('persons/')}`]: list([person(1)]),
  [`GET ${p('persons/1/')}`]: { body: person(1) },
  [`GET ${p('experiments/')}`]: list([experiment(8, 'Button')]),
  [`POST ${p('experiments/')}`]: { status: 201, body: experiment(8, 'Button') },
  [`GET ${p('experiments/8/')}`]: { body: experiment(8, 'Button') },
  [`PATCH ${p('experiments/8/')}`]: { body: experiment(8, 'Button') },
  [`GET ${p('experiments/requires_flag_implementation/')}`]: { body: [experiment(8, 'Button')] },
  [`GET ${p('insights/')}`]: list([insight(77, 'Signups')]),
  [`POST ${p('insights/')}`]: { status: 201, body: insight(77, 'Signups') },
  [`GET ${p('insights/77/')}`]: { body: insight(77, 'Signups') },
  [`PATCH ${p('insights/77/')}`]: { body: insight(77, 'Signups') },
  [`GET ${p('insights/77/sharing/')}`]: { body: [sharing(false)] },
  [`GET ${p('insights/77/activity/')}`]: {
    body: { results: [activity('a1', 'updated')], next: null, previous: null, total_count: 1 },
  },
  [`GET ${p('insights/activity/')}`]: {
    body: { results: [activity('a2', 'created')], next: null, previous: null, total_count: 1 },
  },
  [`POST ${p('insights/viewed/')}`]: { status: 201, body: {} },
  [`POST ${p('query/')}`]: { body: trendsAnswer() },
};

/** Routes whose answer the schema leaves undocumented ("No response body"): only their requests are checked. */
const UNDOCUMENTED_ANSWERS = new Set(
  [
    `GET ${P}/insights/{id}/activity/`,
    `GET ${P}/insights/activity/`,
    `POST ${P}/insights/viewed/`,
    `GET ${P}/experiments/requires_flag_implementation/`,
  ].map((route) => route.replace(P, '/api/projects/{project_id}')),
);

const CALLS: [string, Record<string, unknown>][] = [
  ['list_actions', {}],
  ['create_action', { name: 'B', steps: [{ event: 'b', properties: [{ key: 'plan', value: 'pro' }] }] }],
  ['get_action', { action_id: 2 }],
  ['update_action', { action_id: 2, name: 'C' }],
  ['capture_event', { distinct_id: 'u', event: 'e', project_id: 99 }],
  ['list_annotations', { search: 'launch' }],
  ['create_annotation', { content: 'x', date_marker: '2025-03-01', scope: 'project', creation_type: 'USR' }],
  ['get_annotation', { annotation_id: 2 }],
  ['update_annotation', { annotation_id: 2, content: 'y' }],
  ['list_cohorts', {}],
  [
    'create_cohort',
    { name: 'Pro', groups: [{ properties: [{ key: 'plan', value: 'pro', type: 'person' }] }] },
  ],
  ['get_cohort', { cohort_id: 3 }],
  ['update_cohort', { cohort_id: 3, name: 'Pro' }],
  ['delete_cohort', { cohort_id: 3 }],
  ['list_dashboards', {}],
  ['create_dashboard', { name: 'Growth', description: 'd' }],
  ['get_dashboard', { dashboard_id: 12 }],
  ['update_dashboard', { dashboard_id: 12, name: 'Growth' }],
  ['delete_dashboard', { dashboard_id: 12 }],
  ['list_dashboard_collaborators', { dashboard_id: 12 }],
  ['add_dashboard_collaborator', { dashboard_id: 12, user_uuid: USER_UUID, level: 37 }],
  ['get_dashboard_sharing', { dashboard_id: 12 }],
  ['list_persons', { search: 'ada', properties: ['plan=pro'] }],
  ['get_person', { person_id: '1' }],
  ['list_experiments', {}],
  ['create_experiment', { name: 'Button', feature_flag_key: 'new-button' }],
  ['get_experiment', { experiment_id: 8 }],
  ['update_experiment', { experiment_id: 8, description: 'd' }],
  ['check_experiments_requiring_flag', {}],
  ['list_insights', {}],
  ['create_insight', { name: 'Signups', filters: { events: [{ id: '$pageview' }], date_from: '-7d' } }],
  ['get_insight_sharing', { insight_id: 77 }],
  ['get_insight', { insight_id: 77 }],
  ['update_insight', { insight_id: 77, name: 'Signups' }],
  ['get_insight_activity', { insight_id: 77 }],
  ['mark_insight_viewed', { insight_id: 77 }],
  ['get_insights_activity', {}],
  ['get_trend_insights', {}],
  ['create_trend_insight', { name: 'T', filters: { events: [{ id: 'e' }] } }],
];

test("every request the tools make to PostHog's private API, and every answer of the fake, fits its OpenAPI schema", async (t) => {
  const file = process.env.POSTHOG_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('POSTHOG_OPENAPI_SPEC names no file (save https://us.posthog.com/api/schema/ to run this check)');
    return;
  }
  const requests = await OpenApiCheck.load(file, { fix: dropRequired('readOnly') });
  const answers = await OpenApiCheck.load(file, { fix: dropRequired('writeOnly') });
  // guMCP's credentials (the key alone): the project comes from /api/users/@me/.
  const { fake, call } = await setup(t, { api_key: KEY });
  for (const [route, reply] of Object.entries(ANSWERS)) fake.route(route, reply);
  fake.route('POST /i/v0/e/', { body: { status: 1 } });
  for (const [name, args] of CALLS) data(await call(name, args));

  const used = new Set<string>();
  for (const req of fake.requests.filter((r) => r.path.startsWith('/api/'))) {
    const route = requests.assertRequest(req);
    used.add(route);
    if (UNDOCUMENTED_ANSWERS.has(route)) continue;
    const answer = ANSWERS[`${req.method} ${req.path}`];
    answers.assertAnswer(req.method, req.path, answer?.status ?? 200, answer?.body);
  }
  assert.equal(used.size, Object.keys(ANSWERS).length, 'every route of the fake was called and checked');
});
