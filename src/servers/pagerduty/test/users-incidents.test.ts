import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { incident, page, user } from './fake-pagerduty.js';
import { assertHeaders, data, EMAIL, failure, setup } from './harness.js';

test('get_user reads the user whole, expanding what include names', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /users/PXPGF42', { body: { user: user() } });

  const out = data(await call('get_user', { id: 'PXPGF42', include: ['contact_methods', 'teams'] }));

  assert.deepEqual(out, { user: user() });
  const req = only(fake, 'GET', '/users/PXPGF42');
  assertHeaders(req);
  assert.deepEqual(query(req), { 'include[]': ['contact_methods', 'teams'] });
});

test('get_user "me" reads the signed-in user', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /users/me', { body: { user: user('PME0001') } });
  const out = data(await call('get_user', { id: 'me' }));
  assert.equal((out.user as { id: string }).id, 'PME0001');
  assert.deepEqual(query(only(fake, 'GET', '/users/me')), {});
});

test('list_incidents sends every filter under PagerDuty’s names, the From header, and trims the incidents', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /incidents', { body: page('incidents', [incident('PT4KHLK', 1234)], 0, 10, false, 1) });

  const out = data(
    await call('list_incidents', {
      email_from: EMAIL,
      limit: 10,
      total: true,
      incident_key: 'baf7',
      service_ids: ['PIJ90N7', 'PIJ90N8'],
      since: '2025-06-01T00:00:00Z',
      until: '2025-06-08',
      sort_by: ['urgency:desc', 'created_at:asc'],
      statuses: ['triggered', 'acknowledged'],
      team_ids: ['PQ9K7I8'],
      time_zone: 'Europe/Paris',
      urgencies: ['high'],
      user_ids: ['PXPGF42'],
    }),
  );

  assert.deepEqual(out, {
    count: 1,
    more: false,
    next_offset: null,
    total: 1,
    incidents: [
      {
        id: 'PT4KHLK',
        incident_number: 1234,
        title: 'The server is on fire.',
        status: 'triggered',
        urgency: 'high',
        created_at: '2015-10-06T21:30:42Z',
        html_url: 'https://subdomain.pagerduty.com/incidents/PT4KHLK',
        incident_key: 'baf7cf21b1da41b4b0221008339ff357',
        service: {
          id: 'PIJ90N7',
          summary: 'My Mail Service',
          html_url: 'https://subdomain.pagerduty.com/service-directory/PIJ90N7',
        },
        escalation_policy: {
          id: 'PT20YPA',
          summary: 'Another Escalation Policy',
          html_url: 'https://subdomain.pagerduty.com/escalation_policies/PT20YPA',
        },
        priority: 'P2',
        assignees: [
          {
            id: 'PXPGF42',
            summary: 'Earline Greenholt',
            html_url: 'https://subdomain.pagerduty.com/users/PXPGF42',
          },
        ],
        teams: [
          {
            id: 'PQ9K7I8',
            summary: 'Engineering',
            html_url: 'https://subdomain.pagerduty.com/teams/PQ9K7I8',
          },
        ],
      },
    ],
  });
  const req = only(fake, 'GET', '/incidents');
  assertHeaders(req);
  assert.equal(req.headers.from, EMAIL);
  assert.deepEqual(query(req), {
    incident_key: 'baf7',
    'service_ids[]': ['PIJ90N7', 'PIJ90N8'],
    since: '2025-06-01T00:00:00Z',
    until: '2025-06-08',
    sort_by: 'urgency:desc,created_at:asc',
    'statuses[]': ['triggered', 'acknowledged'],
    'team_ids[]': 'PQ9K7I8',
    time_zone: 'Europe/Paris',
    'urgencies[]': 'high',
    'user_ids[]': 'PXPGF42',
    limit: '10',
    offset: '0',
    total: 'true',
  });
});

test('pages are followed by offset while PagerDuty says more, up to limit; next_offset says where to go on', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /incidents', (req) => {
    const offset = Number(req.query.get('offset'));
    const limit = Number(req.query.get('limit'));
    const items = Array.from({ length: limit }, (_, i) => incident(`P${offset + i}`, offset + i));
    return { body: page('incidents', items, offset, limit, true) };
  });

  const out = data(
    await call('list_incidents', { email_from: EMAIL, limit: 150, offset: 5, date_range: 'all' }),
  );

  assert.equal(out.count, 150);
  assert.equal(out.more, true);
  assert.equal(out.next_offset, 155);
  assert.equal((out.incidents as { id: string }[])[149]?.id, 'P154');
  assert.deepEqual(
    fake.requests.map((r) => [
      r.query.get('offset'),
      r.query.get('limit'),
      r.query.get('total'),
      r.query.get('date_range'),
    ]),
    [
      ['5', '100', null, 'all'],
      ['105', '50', null, 'all'],
    ],
  );
});

test('a page without more ends the list', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('GET /incidents', {
    body: page('incidents', [incident('P1', 1), incident('P2', 2)], 0, 2, true),
  });
  fake.once('GET /incidents', { body: page('incidents', [incident('P3', 3)], 2, 100, false) });
  const out = data(await call('list_incidents', { email_from: EMAIL, limit: 1000 }));
  assert.deepEqual(
    (out.incidents as { id: string }[]).map((i) => i.id),
    ['P1', 'P2', 'P3'],
  );
  assert.equal(out.more, false);
  assert.equal(out.next_offset, null);
  assert.equal(fake.requests[1]?.query.get('offset'), '2');
});

test('include expands related objects and keeps each incident whole as raw', async (t) => {
  const { fake, call } = await setup(t);
  const whole = incident('P1', 1, {
    first_trigger_log_entry: { id: 'Q02', type: 'trigger_log_entry', summary: 'x' },
  });
  fake.route('GET /incidents', { body: page('incidents', [whole], 0, 25, false) });
  const out = data(
    await call('list_incidents', { email_from: EMAIL, include: ['first_trigger_log_entries'] }),
  );
  assert.deepEqual((out.incidents as { raw: unknown }[])[0]?.raw, whole);
  assert.deepEqual(fake.requests[0]?.query.getAll('include[]'), ['first_trigger_log_entries']);
});

test('"me" as email_from sends no From header on a read (PagerDuty’s reads do not need it)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /incidents', { body: page('incidents', [], 0, 25, false) });
  data(await call('list_incidents', { email_from: 'me' }));
  assert.equal(fake.requests.length, 1);
  assert.equal(fake.requests[0]?.headers.from, undefined);
});

test('wrong arguments name the argument and reach no service', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('list_incidents', { email_from: 'not-an-email' })), /email_from/);
  assert.match(failure(await call('list_incidents', { email_from: EMAIL, since: 'yesterday' })), /since/);
  assert.match(failure(await call('list_incidents', { email_from: EMAIL, sort_by: ['title'] })), /sort_by/);
  assert.match(failure(await call('list_incidents', { email_from: EMAIL, limit: 0 })), /limit/);
  assert.match(failure(await call('get_user', { id: '../admin' })), /id/);
  assert.equal(fake.requests.length, 0);
});
