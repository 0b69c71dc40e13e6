import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { invalidInput, page, schedule, scheduleSummary, service, user } from './fake-pagerduty.js';
import { assertHeaders, data, EMAIL, failure, setup, TOKEN } from './harness.js';

const LAYER = {
  name: 'Night Shift',
  start: '2025-11-06T20:00:00-05:00',
  rotation_virtual_start: '2025-11-06T20:00:00-05:00',
  rotation_turn_length_seconds: 86400,
  users: [{ user: { id: 'PXPGF42', type: 'user_reference' } }, 'PEYSGVF'],
  restrictions: [{ type: 'daily_restriction', start_time_of_day: '08:00:00', duration_seconds: 32400 }],
};

test('list_services filters by name and team, sorted as asked, and trims the services', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /services', {
    body: page('services', [service('PIJ90N7', 'My Application Service')], 0, 25, false),
  });

  const out = data(
    await call('list_services', {
      email_from: EMAIL,
      query: 'App',
      name: 'My Application Service',
      sort_by: 'name:desc',
      team_ids: ['PQ9K7I8'],
      time_zone: 'UTC',
    }),
  );

  assert.deepEqual(out.services, [
    {
      id: 'PIJ90N7',
      name: 'My Application Service',
      description: 'My Application Service, monitored',
      status: 'active',
      html_url: 'https://subdomain.pagerduty.com/service-directory/PIJ90N7',
      created_at: '2015-11-06T11:12:51-05:00',
      last_incident_timestamp: null,
      escalation_policy: {
        id: 'PT20YPA',
        summary: 'Another Escalation Policy',
        html_url: 'https://subdomain.pagerduty.com/escalation_policies/PT20YPA',
      },
      teams: [
        { id: 'PQ9K7I8', summary: 'Engineering', html_url: 'https://subdomain.pagerduty.com/teams/PQ9K7I8' },
      ],
    },
  ]);
  const req = only(fake, 'GET', '/services');
  assertHeaders(req);
  assert.equal(req.headers.from, EMAIL);
  assert.deepEqual(query(req), {
    query: 'App',
    name: 'My Application Service',
    sort_by: 'name:desc',
    'team_ids[]': 'PQ9K7I8',
    time_zone: 'UTC',
    limit: '25',
    offset: '0',
  });
});

test('list_schedules with include schedule_layers keeps the schedules whole as raw', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /schedules', { body: page('schedules', [schedule()], 0, 5, false) });
  const out = data(
    await call('list_schedules', {
      email_from: EMAIL,
      query: 'Daily',
      include: ['schedule_layers'],
      limit: 5,
    }),
  );
  const [first] = out.schedules as Record<string, unknown>[];
  assert.equal(first?.name, 'Daily Engineering Rotation');
  assert.equal(first?.time_zone, 'America/New_York');
  assert.deepEqual(first?.users, [
    { id: 'PEYSGVF', summary: 'PagerDuty Admin', html_url: 'https://subdomain.pagerduty.com/users/PEYSGVF' },
  ]);
  assert.deepEqual(first?.raw, schedule());
  assert.deepEqual(query(only(fake, 'GET', '/schedules')), {
    query: 'Daily',
    'include[]': 'schedule_layers',
    limit: '5',
    offset: '0',
  });
});

test('list_schedules without include gives trimmed schedules only', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /schedules', { body: page('schedules', [scheduleSummary()], 0, 25, false) });
  const out = data(await call('list_schedules', { email_from: EMAIL }));
  assert.equal((out.schedules as Record<string, unknown>[])[0]?.raw, undefined);
});

test('get_schedule renders the range asked for and gives the schedule whole', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /schedules/PI7DH85', { body: { schedule: schedule() } });
  const out = data(
    await call('get_schedule', {
      id: 'PI7DH85',
      email_from: EMAIL,
      since: '2015-11-09',
      until: '2015-11-16',
      time_zone: 'America/New_York',
      overflow: true,
    }),
  );
  assert.deepEqual(out, { schedule: schedule() });
  const req = only(fake, 'GET', '/schedules/PI7DH85');
  assertHeaders(req);
  assert.deepEqual(query(req), {
    since: '2015-11-09',
    until: '2015-11-16',
    time_zone: 'America/New_York',
    overflow: 'true',
  });
});

test('get_schedule refuses until before since', async (t) => {
  const { fake, call } = await setup(t);
  assert.equal(
    failure(
      await call('get_schedule', {
        id: 'PI7DH85',
        email_from: EMAIL,
        since: '2025-02-01',
        until: '2025-01-01',
      }),
    ),
    'until: must be after since',
  );
  assert.equal(fake.requests.length, 0);
});

test('create_schedule posts the schedule with its layers as PagerDuty takes them, From the given email', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /schedules', { status: 201, body: { schedule: schedule('PNEW001') } });

  const out = data(
    await call('create_schedule', {
      email_from: EMAIL,
      name: 'Daily Engineering Rotation',
      time_zone: 'America/New_York',
      description: 'Rotation schedule for engineering',
      schedule_layers: [LAYER],
      overflow: false,
    }),
  );

  assert.equal((out.schedule as { id: string }).id, 'PNEW001');
  const req = only(fake, 'POST', '/schedules');
  assertHeaders(req);
  assert.equal(req.headers.from, EMAIL);
  assert.deepEqual(query(req), { overflow: 'false' });
  assert.deepEqual(req.body, {
    schedule: {
      type: 'schedule',
      name: 'Daily Engineering Rotation',
      time_zone: 'America/New_York',
      description: 'Rotation schedule for engineering',
      schedule_layers: [
        {
          ...LAYER,
          users: [
            { user: { id: 'PXPGF42', type: 'user_reference' } },
            { user: { id: 'PEYSGVF', type: 'user_reference' } },
          ],
        },
      ],
    },
  });
});

test('create_schedule with email_from "me" takes the email stored at sign-in', async (t) => {
  const { fake, call } = await setup(t, { access_token: TOKEN, email: 'stored@example.com' });
  fake.route('POST /schedules', { status: 201, body: { schedule: schedule('PNEW001') } });
  data(
    await call('create_schedule', {
      email_from: 'me',
      name: 'S',
      time_zone: 'UTC',
      schedule_layers: [LAYER],
    }),
  );
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path} ${r.headers.from}`),
    ['POST /schedules stored@example.com'],
  );
});

test('create_schedule with email_from "me" asks GET /users/me when no email is stored', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /users/me', { body: { user: user('PME0001', { email: 'me@example.com' }) } });
  fake.route('POST /schedules', { status: 201, body: { schedule: schedule('PNEW001') } });
  data(
    await call('create_schedule', {
      email_from: 'ME',
      name: 'S',
      time_zone: 'UTC',
      schedule_layers: [LAYER],
    }),
  );
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path} ${r.headers.from ?? ''}`),
    ['GET /users/me ', 'POST /schedules me@example.com'],
  );
});

test('create_schedule checks each layer and restriction, naming the argument', async (t) => {
  const { fake, call } = await setup(t);
  const weekly = {
    ...LAYER,
    restrictions: [{ type: 'weekly_restriction', start_time_of_day: '08:00:00', duration_seconds: 60 }],
  };
  assert.match(
    failure(
      await call('create_schedule', {
        email_from: EMAIL,
        name: 'S',
        time_zone: 'UTC',
        schedule_layers: [weekly],
      }),
    ),
    /schedule_layers.*start_day_of_week|start_day_of_week/s,
  );
  assert.match(
    failure(
      await call('create_schedule', { email_from: EMAIL, name: 'S', time_zone: 'UTC', schedule_layers: [] }),
    ),
    /schedule_layers/,
  );
  assert.equal(fake.requests.length, 0);
});

test('PagerDuty’s 400 on create gives its message and details', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /schedules', { status: 400, body: invalidInput('Time zone is not a valid time zone') });
  assert.equal(
    failure(
      await call('create_schedule', {
        email_from: EMAIL,
        name: 'S',
        time_zone: 'Mars/Olympus',
        schedule_layers: [LAYER],
      }),
    ),
    'PagerDuty rejected the request for Schedule S (HTTP 400): Invalid Input Provided (Time zone is not a valid time zone)',
  );
});

test('create_schedule is not retried after a server error (it may have been created)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /schedules', { status: 502, body: {} });
  assert.equal(
    failure(
      await call('create_schedule', {
        email_from: EMAIL,
        name: 'S',
        time_zone: 'UTC',
        schedule_layers: [LAYER],
      }),
    ),
    'PagerDuty failed (HTTP 502); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('delete_schedule deletes by id, From the given email; a 5xx is retried (deleting twice changes nothing)', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('DELETE /schedules/PI7DH85', { status: 503, body: {} });
  fake.route('DELETE /schedules/PI7DH85', { status: 204, body: '' });
  const out = data(await call('delete_schedule', { id: 'PI7DH85', email_from: EMAIL }));
  assert.deepEqual(out, { id: 'PI7DH85', deleted: true });
  assert.equal(fake.requests.length, 2);
  for (const req of fake.requests) {
    assertHeaders(req);
    assert.equal(req.headers.from, EMAIL);
  }
});
