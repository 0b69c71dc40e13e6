import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  incident,
  invalidInput,
  notFound,
  notification,
  oncall,
  PAGERDUTY_ROUTES,
  page,
  schedule,
  scheduleSummary,
  service,
  unauthorized,
  user,
} from './fake-pagerduty.js';
import { data, EMAIL, setup } from './harness.js';

/**
 * Checks the fake and the client against PagerDuty's OpenAPI description, so they cannot drift apart
 * together: every request the tools make (method, path, query keys, JSON body) must be an operation of
 * the description, and every answer the fake gives must validate against that operation's documented
 * answer. PAGERDUTY_OPENAPI_SPEC names the file (reference/REST/openapiv3.json of
 * github.com/PagerDuty/api-schema; no npm package ships it); without it the test is skipped.
 */

const ANSWERS: Record<string, FakeReply> = {
  'GET /users/PXPGF42': { body: { user: user() } },
  'GET /users/me': { body: { user: user('PME0001', { email: 'me@example.com' }) } },
  'GET /incidents': { body: page('incidents', [incident('PT4KHLK', 1234)], 0, 25, false, 1) },
  'GET /services': { body: page('services', [service('PIJ90N7', 'My Application Service')], 0, 25, false) },
  'GET /schedules': { body: page('schedules', [scheduleSummary()], 0, 25, false) },
  'POST /schedules': { status: 201, body: { schedule: schedule('PNEW001') } },
  'GET /schedules/PI7DH85': { body: { schedule: schedule() } },
  'DELETE /schedules/PI7DH85': { status: 204, body: '' },
  'GET /oncalls': { body: page('oncalls', [oncall(2), oncall(1, false)], 0, 25, false) },
  'GET /notifications': {
    body: page(
      'notifications',
      [notification('PWL7QXS'), notification('PKN7NBH', 'push_notification')],
      0,
      25,
      false,
    ),
  },
};

const LAYER = {
  name: 'Night Shift',
  start: '2015-11-06T20:00:00-05:00',
  rotation_virtual_start: '2015-11-06T20:00:00-05:00',
  rotation_turn_length_seconds: 86400,
  users: ['PXPGF42'],
  restrictions: [
    { type: 'daily_restriction', start_time_of_day: '08:00:00', duration_seconds: 32400 },
    {
      type: 'weekly_restriction',
      start_time_of_day: '08:00:00',
      duration_seconds: 32400,
      start_day_of_week: 1,
    },
  ],
};

const CALLS: [string, Record<string, unknown>][] = [
  ['get_user', { id: 'PXPGF42', include: ['contact_methods', 'notification_rules', 'teams'] }],
  ['get_user', { id: 'me' }],
  [
    'list_incidents',
    {
      email_from: EMAIL,
      total: true,
      date_range: 'all',
      incident_key: 'k',
      include: ['assignees', 'services'],
      service_ids: ['PIJ90N7'],
      since: '2025-06-01T00:00:00Z',
      until: '2025-06-08T00:00:00Z',
      sort_by: ['created_at:desc'],
      statuses: ['triggered'],
      team_ids: ['PQ9K7I8'],
      time_zone: 'UTC',
      urgencies: ['high'],
      user_ids: ['PXPGF42'],
    },
  ],
  [
    'list_services',
    {
      email_from: EMAIL,
      query: 'App',
      total: true,
      include: ['teams'],
      name: 'My Application Service',
      sort_by: 'name:asc',
      team_ids: ['PQ9K7I8'],
      time_zone: 'UTC',
    },
  ],
  [
    'list_schedules',
    { email_from: EMAIL, query: 'Daily', total: true, include: ['schedule_layers'], time_zone: 'UTC' },
  ],
  [
    'create_schedule',
    {
      email_from: 'me',
      name: 'Daily Engineering Rotation',
      time_zone: 'America/New_York',
      description: 'Rotation schedule for engineering',
      schedule_layers: [LAYER],
      overflow: true,
    },
  ],
  [
    'get_schedule',
    {
      id: 'PI7DH85',
      email_from: EMAIL,
      since: '2015-11-09',
      until: '2015-11-16',
      time_zone: 'UTC',
      overflow: true,
    },
  ],
  ['delete_schedule', { id: 'PI7DH85', email_from: EMAIL }],
  [
    'list_oncalls',
    {
      email_from: EMAIL,
      total: true,
      earliest: true,
      include: ['users'],
      user_ids: ['PT23IWX'],
      escalation_policy_ids: ['PT20YPA'],
      schedule_ids: ['PI7DH85'],
      since: '2015-03-06T00:00:00Z',
      until: '2015-03-08T00:00:00Z',
      time_zone: 'UTC',
    },
  ],
  [
    'list_notifications',
    {
      email_from: EMAIL,
      since: '2013-03-01',
      until: '2013-03-31',
      total: true,
      filter: 'sms_notification',
      include: ['users'],
      time_zone: 'UTC',
    },
  ],
];

test("every request the tools make, and every answer of the fake, fits PagerDuty's OpenAPI description", async (t) => {
  const file = process.env.PAGERDUTY_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('PAGERDUTY_OPENAPI_SPEC names no copy of reference/REST/openapiv3.json');
    return;
  }
  const spec = await OpenApiCheck.load(file);
  const { fake, call } = await setup(t);
  for (const [route, reply] of Object.entries(ANSWERS)) fake.route(route, reply);
  for (const [name, args] of CALLS) data(await call(name, args));

  const used = new Set<string>();
  for (const req of fake.requests) {
    used.add(spec.assertRequest(req));
    const answer = ANSWERS[`${req.method} ${req.path}`];
    assert.ok(answer, `the test answers ${req.method} ${req.path}`);
    spec.assertAnswer(req.method, req.path, answer.status ?? 200, answer.body);
  }
  assert.deepEqual(
    [...used].sort(),
    [...PAGERDUTY_ROUTES].sort(),
    'the tools use every route of PAGERDUTY_ROUTES',
  );

  // The error bodies of the fake are PagerDuty's documented error shape.
  spec.assertAnswer('GET', '/schedules/PI7DH85', 404, notFound);
  spec.assertAnswer('GET', '/incidents', 401, unauthorized);
  spec.assertAnswer('POST', '/schedules', 400, invalidInput('Name cannot be empty.'));
});
