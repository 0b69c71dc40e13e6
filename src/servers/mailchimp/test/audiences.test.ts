import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { text } from '../../../testing/mcp.js';
import { activityDay, activityPage, listsPage, subscriberList } from './fake-mailchimp.js';
import { data, failure, only, route, setup } from './harness.js';

test('get_audience_list lists the audiences newest first, trimmed, from the account’s data centre', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'lists'), {
    body: listsPage([subscriberList('a1b2c3d4e5', 'Newsletter', { has_welcome: true })], 1),
  });

  const out = data(await call('get_audience_list'));

  assert.deepEqual(out, {
    lists: [
      {
        id: 'a1b2c3d4e5',
        name: 'Newsletter',
        web_id: 123456,
        member_count: 1200,
        unsubscribe_count: 40,
        cleaned_count: 5,
        date_created: '2024-03-01T10:00:00+00:00',
        double_optin: false,
        has_welcome: true,
        campaign_last_sent: '2024-05-01T12:00:00+00:00',
      },
    ],
    total_items: 1,
    more: false,
  });
  const req = only(fake, 'GET', 'lists');
  assert.deepEqual(query(req), { count: '100', offset: '0', sort_field: 'date_created', sort_dir: 'DESC' });
  assert.equal(req.headers.accept, 'application/json');
});

test('get_all_list follows count/offset pages up to the limit and says when more exist', async (t) => {
  const { fake, call } = await setup(t);
  const many = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => subscriberList(`list${from + i}`, `List ${from + i}`));
  fake.route(route('GET', 'lists'), (req) =>
    req.query.get('offset') === '0'
      ? { body: listsPage(many(0, 100), 230) }
      : { body: listsPage(many(Number(req.query.get('offset')), Number(req.query.get('count'))), 230) },
  );

  const out = data(await call('get_all_list', { limit: 150 }));

  assert.equal((out.lists as unknown[]).length, 150);
  assert.equal((out.lists as { id: string }[])[149]?.id, 'list149');
  assert.equal(out.total_items, 230);
  assert.equal(out.more, true);
  assert.deepEqual(
    fake.requests.map((r) => [r.query.get('count'), r.query.get('offset')]),
    [
      ['100', '0'],
      ['50', '100'],
    ],
  );
});

test('a listing stops at the last page even when the limit is larger', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'lists'), { body: listsPage([subscriberList('a1', 'Only')], 1) });
  const out = data(await call('get_all_list', { limit: 1000 }));
  assert.equal(out.more, false);
  assert.equal(fake.requests.length, 1);
});

test('recent_activity gives the audience’s daily stats for the days asked', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'lists/a1b2c3d4e5/activity'), {
    body: activityPage('a1b2c3d4e5', [activityDay('2024-05-04'), activityDay('2024-05-03', { subs: 9 })]),
  });

  const out = data(await call('recent_activity', { list_id: 'a1b2c3d4e5', days: 2 }));

  assert.deepEqual(out, {
    list_id: 'a1b2c3d4e5',
    days: [
      {
        day: '2024-05-04',
        emails_sent: 1180,
        unique_opens: 300,
        recipient_clicks: 20,
        hard_bounce: 2,
        soft_bounce: 3,
        subs: 4,
        unsubs: 1,
        other_adds: 0,
        other_removes: 0,
      },
      {
        day: '2024-05-03',
        emails_sent: 1180,
        unique_opens: 300,
        recipient_clicks: 20,
        hard_bounce: 2,
        soft_bounce: 3,
        subs: 9,
        unsubs: 1,
        other_adds: 0,
        other_removes: 0,
      },
    ],
  });
  assert.deepEqual(query(only(fake, 'GET', 'lists/a1b2c3d4e5/activity')), { count: '2' });
});

test('recent_activity defaults to 30 days and refuses more than Mailchimp’s 180', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'lists/a1/activity'), { body: activityPage('a1', []) });
  assert.deepEqual(data(await call('recent_activity', { list_id: 'a1' })).days, []);
  assert.equal(only(fake, 'GET', 'lists/a1/activity').query.get('count'), '30');
  assert.match(failure(await call('recent_activity', { list_id: 'a1', days: 365 })), /days/);
  assert.match(text(await call('recent_activity', {})), /list_id/);
  assert.equal(fake.requests.length, 1);
});
