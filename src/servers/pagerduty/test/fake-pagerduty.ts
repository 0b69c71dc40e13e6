/**
 * PagerDuty REST API v2 answers in the shapes of PagerDuty's OpenAPI description
 * (github.com/PagerDuty/api-schema, reference/REST/openapiv3.json, version 2.0.0), built from its
 * examples: the objects, the classic offset pagination, and `{ error: { code, message, errors } }`.
 */

export const API = 'https://api.pagerduty.com';
export const WEB = 'https://subdomain.pagerduty.com';

/** Every route the tools use, as the description names it (for the conformance test). */
export const PAGERDUTY_ROUTES = [
  'GET /users/{id}',
  'GET /users/me',
  'GET /incidents',
  'GET /services',
  'GET /schedules',
  'POST /schedules',
  'GET /schedules/{id}',
  'DELETE /schedules/{id}',
  'GET /oncalls',
  'GET /notifications',
] as const;

export function ref(type: string, id: string, summary: string, path: string, html = true) {
  return {
    id,
    type,
    summary,
    self: `${API}/${path}/${id}`,
    ...(html ? { html_url: `${WEB}/${path}/${id}` } : {}),
  };
}

export const userRef = (id = 'PXPGF42', name = 'Earline Greenholt') =>
  ref('user_reference', id, name, 'users');
export const teamRef = () => ref('team_reference', 'PQ9K7I8', 'Engineering', 'teams');
export const policyRef = () =>
  ref('escalation_policy_reference', 'PT20YPA', 'Another Escalation Policy', 'escalation_policies');
export const scheduleRef = (id = 'PI7DH85') =>
  ref('schedule_reference', id, 'Daily Engineering Rotation', 'schedules');

export function user(id = 'PXPGF42', extra: Record<string, unknown> = {}) {
  return {
    id,
    type: 'user',
    summary: 'Earline Greenholt',
    self: `${API}/users/${id}`,
    html_url: `${WEB}/users/${id}`,
    name: 'Earline Greenholt',
    email: '125.greenholt.earline@graham.name',
    time_zone: 'America/Lima',
    color: 'green',
    role: 'admin',
    avatar_url: 'https://pd-static-assets.pagerduty.com/users/blank-avatar.png',
    description: "I'm the boss",
    invitation_sent: false,
    job_title: 'Director of Engineering',
    teams: [teamRef()],
    contact_methods: [
      {
        id: 'PTDVERC',
        type: 'email_contact_method_reference',
        summary: 'Default',
        self: `${API}/users/${id}/contact_methods/PTDVERC`,
      },
    ],
    notification_rules: [],
    ...extra,
  };
}

export function incident(id: string, n: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    type: 'incident',
    summary: `[#${n}] The server is on fire.`,
    self: `${API}/incidents/${id}`,
    html_url: `${WEB}/incidents/${id}`,
    incident_number: n,
    title: 'The server is on fire.',
    created_at: '2015-10-06T21:30:42Z',
    updated_at: '2015-10-06T21:40:23Z',
    status: 'triggered',
    incident_key: 'baf7cf21b1da41b4b0221008339ff357',
    service: ref('service_reference', 'PIJ90N7', 'My Mail Service', 'service-directory'),
    assignments: [{ at: '2015-10-06T21:30:42Z', assignee: userRef() }],
    assigned_via: 'escalation_policy',
    last_status_change_at: '2015-10-06T21:38:23Z',
    escalation_policy: policyRef(),
    teams: [teamRef()],
    priority: { id: 'P53ZZH5', type: 'priority_reference', summary: 'P2', self: `${API}/priorities/P53ZZH5` },
    urgency: 'high',
    ...extra,
  };
}

export function service(id: string, name: string) {
  return {
    id,
    summary: name,
    type: 'service',
    self: `${API}/services/${id}`,
    html_url: `${WEB}/service-directory/${id}`,
    name,
    description: `${name}, monitored`,
    auto_resolve_timeout: 14400,
    acknowledgement_timeout: 600,
    created_at: '2015-11-06T11:12:51-05:00',
    status: 'active',
    alert_creation: 'create_alerts_and_incidents',
    escalation_policy: policyRef(),
    teams: [teamRef()],
    incident_urgency_rule: { type: 'constant', urgency: 'high' },
  };
}

export function scheduleSummary(id = 'PI7DH85') {
  return {
    id,
    type: 'schedule',
    summary: 'Daily Engineering Rotation',
    self: `${API}/schedules/${id}`,
    html_url: `${WEB}/schedules/${id}`,
    name: 'Daily Engineering Rotation',
    time_zone: 'America/New_York',
    description: 'Rotation schedule for engineering',
    escalation_policies: [policyRef()],
    users: [userRef('PEYSGVF', 'PagerDuty Admin')],
  };
}

export function schedule(id = 'PI7DH85') {
  const entry = { start: '2015-11-09T08:00:00-05:00', end: '2015-11-09T17:00:00-05:00', user: userRef() };
  return {
    ...scheduleSummary(id),
    teams: [teamRef()],
    schedule_layers: [
      {
        name: 'Layer 1',
        rendered_schedule_entries: [entry],
        rendered_coverage_percentage: 37.5,
        id: 'PG68P1M',
        start: '2015-11-06T21:00:00-05:00',
        rotation_virtual_start: '2015-11-06T20:00:00-05:00',
        rotation_turn_length_seconds: 86400,
        users: [{ user: userRef() }],
        restrictions: [{ type: 'daily_restriction', start_time_of_day: '08:00:00', duration_seconds: 32400 }],
      },
    ],
    overrides_subschedule: {
      name: 'Overrides',
      rendered_schedule_entries: [],
      rendered_coverage_percentage: 0,
    },
    final_schedule: {
      name: 'Final Schedule',
      rendered_schedule_entries: [entry],
      rendered_coverage_percentage: 37.5,
    },
  };
}

export function oncall(level = 2, withSchedule = true) {
  return {
    user: userRef('PT23IWX', 'Tim Wright'),
    ...(withSchedule ? { schedule: scheduleRef() } : {}),
    escalation_policy: policyRef(),
    escalation_level: level,
    start: '2015-03-06T15:28:51-05:00',
    end: '2015-03-07T15:28:51-05:00',
  };
}

export function notification(id: string, type = 'phone_notification') {
  return {
    id,
    type,
    started_at: '2013-03-06T15:28:51-05:00',
    ...(type === 'push_notification' ? {} : { address: '+15555551234' }),
    user: userRef('PT23IWX', 'Tim Wright'),
  };
}

/** A classic list page: the items under `key`, with offset pagination. */
export function page(
  key: string,
  items: unknown[],
  offset: number,
  limit: number,
  more: boolean,
  total: number | null = null,
) {
  return { [key]: items, limit, offset, more, total };
}

/** `{ error: { code, message, errors } }`, PagerDuty's error body. */
export const pdError = (code: number, message: string, errors?: string[]) => ({
  error: { code, message, ...(errors ? { errors } : {}) },
});

export const notFound = pdError(2100, 'Not Found');
export const unauthorized = pdError(2006, 'Authentication failed');
export const accessDenied = pdError(2010, 'Access Denied');
export const invalidInput = (detail: string) => pdError(2001, 'Invalid Input Provided', [detail]);
