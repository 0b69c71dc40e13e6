import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { notification, oncall, page } from './fake-pagerduty.js';
import { assertHeaders, data, EMAIL, failure, setup } from './harness.js';

test('list_oncalls filters by users, policies and schedules, and trims each on-call', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /oncalls', { body: page('oncalls', [oncall(2), oncall(1, false)], 0, 25, false) });

  const out = data(
    await call('list_oncalls', {
      email_from: EMAIL,
      earliest: true,
      user_ids: ['PT23IWX'],
      escalation_policy_ids: ['PT20YPA'],
      schedule_ids: ['PI7DH85', 'PI7DH86'],
      since: '2015-03-06T00:00:00Z',
      until: '2015-03-08T00:00:00Z',
      time_zone: 'UTC',
    }),
  );

  assert.deepEqual(out.oncalls, [
    {
      user: {
        id: 'PT23IWX',
        summary: 'Tim Wright',
        html_url: 'https://subdomain.pagerduty.com/users/PT23IWX',
      },
      schedule: {
        id: 'PI7DH85',
        summary: 'Daily Engineering Rotation',
        html_url: 'https://subdomain.pagerduty.com/schedules/PI7DH85',
      },
      escalation_policy: {
        id: 'PT20YPA',
        summary: 'Another Escalation Policy',
        html_url: 'https://subdomain.pagerduty.com/escalation_policies/PT20YPA',
      },
      escalation_level: 2,
      start: '2015-03-06T15:28:51-05:00',
      end: '2015-03-07T15:28:51-05:00',
    },
    {
      user: {
        id: 'PT23IWX',
        summary: 'Tim Wright',
        html_url: 'https://subdomain.pagerduty.com/users/PT23IWX',
      },
      schedule: null,
      escalation_policy: {
        id: 'PT20YPA',
        summary: 'Another Escalation Policy',
        html_url: 'https://subdomain.pagerduty.com/escalation_policies/PT20YPA',
      },
      escalation_level: 1,
      start: '2015-03-06T15:28:51-05:00',
      end: '2015-03-07T15:28:51-05:00',
    },
  ]);
  const req = only(fake, 'GET', '/oncalls');
  assertHeaders(req);
  assert.deepEqual(query(req), {
    earliest: 'true',
    'user_ids[]': 'PT23IWX',
    'escalation_policy_ids[]': 'PT20YPA',
    'schedule_ids[]': ['PI7DH85', 'PI7DH86'],
    since: '2015-03-06T00:00:00Z',
    until: '2015-03-08T00:00:00Z',
    time_zone: 'UTC',
    limit: '25',
    offset: '0',
  });
});

test('list_notifications asks for the range and type, and trims each notification', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /notifications', {
    body: page(
      'notifications',
      [notification('PWL7QXS'), notification('PKN7NBH', 'push_notification')],
      0,
      25,
      false,
      2,
    ),
  });

  const out = data(
    await call('list_notifications', {
      email_from: EMAIL,
      since: '2013-03-01',
      until: '2013-03-31',
      filter: 'phone_notification',
      include: ['users'],
      total: true,
    }),
  );

  assert.equal(out.total, 2);
  const [phone, push] = out.notifications as Record<string, unknown>[];
  assert.deepEqual(
    { ...phone, raw: undefined },
    {
      id: 'PWL7QXS',
      type: 'phone_notification',
      started_at: '2013-03-06T15:28:51-05:00',
      address: '+15555551234',
      status: null,
      user: {
        id: 'PT23IWX',
        summary: 'Tim Wright',
        html_url: 'https://subdomain.pagerduty.com/users/PT23IWX',
      },
      raw: undefined,
    },
  );
  assert.equal(push?.address, null);
  assert.deepEqual(push?.raw, notification('PKN7NBH', 'push_notification'));
  const req = only(fake, 'GET', '/notifications');
  assert.equal(req.headers.from, EMAIL);
  assert.deepEqual(query(req), {
    since: '2013-03-01',
    until: '2013-03-31',
    filter: 'phone_notification',
    'include[]': 'users',
    limit: '25',
    offset: '0',
    total: 'true',
  });
});

test('list_notifications needs since before until', async (t) => {
  const { fake, call } = await setup(t);
  assert.equal(
    failure(
      await call('list_notifications', { email_from: EMAIL, since: '2013-03-31', until: '2013-03-01' }),
    ),
    'until: must be after since',
  );
  assert.match(failure(await call('list_notifications', { email_from: EMAIL })), /since/);
  assert.equal(fake.requests.length, 0);
});
