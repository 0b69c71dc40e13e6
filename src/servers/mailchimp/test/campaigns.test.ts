import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { campaign, campaignsPage, notFound, PROBLEM } from './fake-mailchimp.js';
import { data, failure, only, route, setup } from './harness.js';

const SUMMARY = {
  id: 'c0ffee1234',
  web_id: 987,
  type: 'regular',
  status: 'sent',
  title: 'May newsletter',
  subject_line: 'May news',
  list_id: 'a1b2c3d4e5',
  list_name: 'Newsletter',
  recipient_count: 1180,
  emails_sent: 1180,
  create_time: '2024-04-20T09:00:00+00:00',
  send_time: '2024-05-01T12:00:00+00:00',
  open_rate: 0.4068,
  click_rate: 0.0313,
};

test('list_all_campaigns lists campaigns newest first, filtered by status, with their audience and rates', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'campaigns'), { body: campaignsPage([campaign('c0ffee1234')], 1) });

  const out = data(await call('list_all_campaigns', { status: 'sent', limit: 5 }));

  assert.deepEqual(out, { campaigns: [SUMMARY], total_items: 1, more: false });
  assert.deepEqual(query(only(fake, 'GET', 'campaigns')), {
    count: '5',
    offset: '0',
    sort_field: 'create_time',
    sort_dir: 'DESC',
    status: 'sent',
  });
});

test('list_all_campaigns without arguments asks for the first 100', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'campaigns'), { body: campaignsPage([], 0) });
  assert.deepEqual(data(await call('list_all_campaigns')), { campaigns: [], total_items: 0, more: false });
  assert.deepEqual(query(only(fake, 'GET', 'campaigns')), {
    count: '100',
    offset: '0',
    sort_field: 'create_time',
    sort_dir: 'DESC',
  });
});

test('campaign_info gives the campaign’s settings, audience and report summary', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'campaigns/c0ffee1234'), { body: campaign('c0ffee1234') });

  const out = data(await call('campaign_info', { campaign_id: 'c0ffee1234' }));

  assert.deepEqual(out, {
    campaign: {
      ...SUMMARY,
      preview_text: 'What is new in May',
      from_name: 'Acme',
      reply_to: 'news@acme.example',
      archive_url: 'http://eepurl.com/c0ffee1234',
      content_type: 'template',
      report_summary: {
        opens: 900,
        unique_opens: 480,
        open_rate: 0.4068,
        clicks: 60,
        subscriber_clicks: 37,
        click_rate: 0.0313,
        ecommerce: { total_orders: 0, total_spent: 0, total_revenue: 0 },
      },
    },
  });
  assert.deepEqual(query(only(fake, 'GET', 'campaigns/c0ffee1234')), {});
});

test('campaign_info with full returns Mailchimp’s whole object', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'campaigns/c0ffee1234'), { body: campaign('c0ffee1234') });
  const out = data(await call('campaign_info', { campaign_id: 'c0ffee1234', full: true }));
  assert.deepEqual(out.campaign, campaign('c0ffee1234'));
});

test('an unknown campaign id is named in the error', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'campaigns/nope'), { status: 404, headers: PROBLEM, body: notFound });
  assert.equal(failure(await call('campaign_info', { campaign_id: 'nope' })), 'Campaign not found: nope');
});

test('an id is put in the path encoded, so it cannot reach another resource', async (t) => {
  const { fake, call } = await setup(t);
  assert.equal(
    failure(await call('campaign_info', { campaign_id: '../lists' })),
    'Campaign not found: ../lists',
  );
  // The fake decodes the path: had the id not been encoded, URL resolution would have made it /us6/3.0/lists.
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/us6/3.0/campaigns/../lists'],
  );
});
