import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { audience, campaign, IDS, invalid, language, numberedPage, one } from './fake-mailerlite.js';
import { assertAuth, data, failure, setup } from './harness.js';

const C = IDS.campaign;
const NEWSLETTER = { id: IDS.group, name: 'Newsletter' };
const VIP = { id: IDS.group2, name: 'VIP' };
const ENGAGED = { id: IDS.segment, name: 'Engaged' };
const EMAIL = {
  subject: 'November news',
  from_name: 'Acme News',
  from: 'news@acme.test',
  content: '<p>Hi</p>',
};

test('schedule_campaign schedules once and says which campaign goes to which groups and segments, and when', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /api/campaigns/${C}/schedule`, {
    body: one(
      campaign(C, 'November', {
        status: 'ready',
        delivery_schedule: 'scheduled',
        scheduled_for: '2026-12-01 08:05:00',
        basic_filter_for_humans: audience([NEWSLETTER, VIP], [ENGAGED]),
        recipients_count: 2450,
      }),
    ),
  });

  const out = data(
    await call('schedule_campaign', { campaign_id: C, date: '2026-12-01', hours: 9, minutes: 5 }),
  );

  assert.equal(
    out.message,
    `Scheduled campaign "November" (${C}) to be sent at 2026-12-01 09:05 (the account’s time zone; MailerLite ` +
      `lists it for 2026-12-01 08:05:00) to groups "Newsletter" (${IDS.group}), "VIP" (${IDS.group2}) and segments ` +
      `"Engaged" (${IDS.segment}) (2450 recipients, as MailerLite counts them). Subject "November news" from ` +
      'news@acme.test. To stop it, call cancel_campaign before then.',
  );
  assert.deepEqual(out.audience, {
    all_active_subscribers: false,
    groups: [NEWSLETTER, VIP],
    segments: [ENGAGED],
    excluded_groups: [],
    excluded_segments: [],
    filter: [],
    recipients_count: 2450,
  });
  assert.equal(out.scheduled_for, '2026-12-01 08:05:00');
  const req = only(fake, 'POST', `/api/campaigns/${C}/schedule`);
  assertAuth(req);
  assert.deepEqual(req.body, {
    delivery: 'scheduled',
    schedule: { date: '2026-12-01', hours: '09', minutes: '05' },
  });
});

test('a campaign with no group or segment is reported as going to ALL active subscribers', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /api/campaigns/${C}/schedule`, {
    body: one(campaign(C, 'Blast', { status: 'ready', scheduled_for: '2026-12-01 23:00:00' })),
  });
  const out = data(
    await call('schedule_campaign', {
      campaign_id: C,
      date: '2026-12-01',
      hours: '23',
      minutes: 0,
      timezone_id: 50,
    }),
  );
  assert.match(
    String(out.message),
    /\(time zone 50; MailerLite lists it for 2026-12-01 23:00:00\) to ALL active subscribers of the account\./,
  );
  assert.equal((out.audience as { all_active_subscribers: boolean }).all_active_subscribers, true);
  assert.deepEqual(only(fake, 'POST', `/api/campaigns/${C}/schedule`).body, {
    delivery: 'scheduled',
    schedule: { date: '2026-12-01', hours: '23', minutes: '00', timezone_id: 50 },
  });
});

test('a schedule that meets a 5xx is not retried and says to check before trying again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /api/campaigns/${C}/schedule`, { status: 503, body: {} });
  assert.equal(
    failure(await call('schedule_campaign', { campaign_id: C, date: '2026-12-01', hours: 9, minutes: 0 })),
    `MailerLite failed (HTTP 503) while scheduling campaign ${C} for 2026-12-01 09:00: it may be scheduled already; ` +
      'check with get_campaign before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('a schedule MailerLite refuses names the argument; wrong times and big numeric ids never reach it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /api/campaigns/${C}/schedule`, {
    status: 422,
    body: invalid('The schedule.date must be a date after or equal to today.', {
      'schedule.date': ['The schedule.date must be a date after or equal to today.'],
    }),
  });
  assert.equal(
    failure(await call('schedule_campaign', { campaign_id: C, date: '2020-01-01', hours: 9, minutes: 0 })),
    `MailerLite refused scheduling campaign ${C} for 2020-01-01 09:00 (HTTP 422): date: The schedule.date must be a ` +
      'date after or equal to today.',
  );
  assert.equal(fake.requests.length, 1);
  assert.match(
    failure(await call('schedule_campaign', { campaign_id: C, date: '2026-02-30', hours: 9, minutes: 0 })),
    /date/,
  );
  assert.match(
    failure(await call('schedule_campaign', { campaign_id: C, date: '2026-12-01', hours: 24, minutes: 0 })),
    /hours/,
  );
  assert.match(
    failure(await call('schedule_campaign', { campaign_id: C, date: '2026-12-01', hours: 9, minutes: 60 })),
    /minutes/,
  );
  // The id as a JSON number would arrive rounded, naming another campaign: refused, nothing scheduled.
  assert.match(
    failure(
      await call('schedule_campaign', {
        campaign_id: Number('129543796892370121'),
        date: '2026-12-01',
        hours: 9,
        minutes: 0,
      }),
    ),
    /campaign_id.*as a string/s,
  );
  assert.equal(fake.requests.length, 1);
});

test('create_campaign creates a draft and says who it would go to', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/campaigns', (req) => {
    const body = req.body as { groups?: string[] };
    return {
      status: 201,
      body: one(
        campaign(C, 'November', { basic_filter_for_humans: audience(body.groups ? [NEWSLETTER] : []) }),
      ),
    };
  });
  const everyone = data(
    await call('create_campaign', { name: 'November', language_id: 4, type: 'regular', emails: [EMAIL] }),
  );
  assert.equal(
    everyone.message,
    `Created draft campaign "November" (${C}); nothing is sent until schedule_campaign. As it stands it would go to ` +
      'ALL active subscribers of the account (give groups or segments to narrow it).',
  );
  assert.deepEqual(fake.requests[0]?.body, {
    name: 'November',
    language_id: 4,
    type: 'regular',
    emails: [EMAIL],
  });
  assertAuth(fake.requests[0] ?? assert.fail());

  const narrowed = data(
    await call('create_campaign', {
      name: 'November',
      language_id: '4',
      type: 'regular',
      emails: [EMAIL],
      groups: [IDS.group],
      segments: [IDS.segment],
    }),
  );
  assert.match(String(narrowed.message), /would go to groups "Newsletter" \(\d+\)\.$/);
  assert.deepEqual(fake.requests[1]?.body, {
    name: 'November',
    language_id: 4,
    type: 'regular',
    emails: [EMAIL],
    groups: [IDS.group],
    segments: [IDS.segment],
  });
});

test('a campaign creation MailerLite refuses names the email field; a 5xx is not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/campaigns', {
    status: 422,
    body: invalid('The emails.0.from must be a verified domain.', {
      'emails.0.from': ['The emails.0.from must be a verified domain.'],
    }),
  });
  const args = { name: 'N', language_id: 4, type: 'regular', emails: [EMAIL] };
  assert.equal(
    failure(await call('create_campaign', args)),
    'MailerLite refused creating campaign "N" (HTTP 422): emails[0].from: The emails.0.from must be a verified domain.',
  );
  fake.route('POST /api/campaigns', { status: 500, body: {} });
  assert.match(
    failure(await call('create_campaign', args)),
    /it may exist already; check with list_campaigns/,
  );
  assert.equal(fake.requests.length, 2);
  assert.match(failure(await call('create_campaign', { ...args, type: 'rss' })), /type/);
});

test('update_campaign keeps the type and the groups and segments it had when they are not given', async (t) => {
  const { fake, call } = await setup(t);
  const before = campaign(C, 'November', { basic_filter_for_humans: audience([NEWSLETTER], [ENGAGED]) });
  fake.route(`GET /api/campaigns/${C}`, { body: one(before) });
  fake.route(`PUT /api/campaigns/${C}`, { body: one({ ...before, name: 'November (v2)' }) });
  const out = data(
    await call('update_campaign', { campaign_id: C, name: 'November (v2)', language_id: 4, emails: [EMAIL] }),
  );
  assert.equal(
    out.message,
    `Updated campaign "November (v2)" (${C}). It goes to groups "Newsletter" (${IDS.group}) and segments "Engaged" ` +
      `(${IDS.segment}).`,
  );
  const put = only(fake, 'PUT', `/api/campaigns/${C}`);
  assertAuth(put);
  assert.deepEqual(put.body, {
    name: 'November (v2)',
    language_id: 4,
    type: 'regular',
    emails: [EMAIL],
    groups: [IDS.group],
    segments: [IDS.segment],
  });
});

test('update_campaign reports an audience that changed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /api/campaigns/${C}`, {
    body: one(campaign(C, 'November', { basic_filter_for_humans: audience([NEWSLETTER]) })),
  });
  fake.route(`PUT /api/campaigns/${C}`, { body: one(campaign(C, 'November')) });
  const out = data(
    await call('update_campaign', {
      campaign_id: C,
      name: 'November',
      language_id: 4,
      emails: [EMAIL],
      groups: [],
    }),
  );
  assert.equal(
    out.message,
    `Updated campaign "November" (${C}). It goes to ALL active subscribers of the account (give groups or segments ` +
      `to narrow it); its audience CHANGED: it went to groups "Newsletter" (${IDS.group}).`,
  );
  assert.deepEqual(
    (only(fake, 'PUT', `/api/campaigns/${C}`).body as Record<string, unknown>).groups,
    undefined,
  );
});

test('get_campaign reads the campaign with its audience and statistics; an unknown one is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /api/campaigns/${C}`, {
    body: one(
      campaign(C, 'October', {
        status: 'sent',
        basic_filter_for_humans: audience([NEWSLETTER], [], [VIP]),
        stats: { sent: 100, opens_count: 40, open_rate: { float: 0.4, string: '40%' } },
      }),
    ),
  });
  const out = data(await call('get_campaign', { campaign_id: C, full: true }));
  assert.equal(
    out.message,
    `Campaign "October" (${C}) is sent; it goes to groups "Newsletter" (${IDS.group}), excluding groups "VIP" (${IDS.group2}).`,
  );
  const campaignOut = out.campaign as Record<string, unknown>;
  assert.deepEqual(campaignOut.stats, { sent: 100, opens_count: 40, open_rate: 0.4 });
  assert.deepEqual((campaignOut.emails as unknown[])[0], {
    id: '129543796909147339',
    subject: 'November news',
    from: 'news@acme.test',
    from_name: 'Acme News',
    preview_url: 'https://preview.mailerlite.io/preview/252151/emails/129543796909147339',
  });
  assert.equal((out.raw as Record<string, unknown>).type_for_humans, 'Regular');
  assertAuth(only(fake, 'GET', `/api/campaigns/${C}`));
  fake.route('GET /api/campaigns/77', { status: 404, body: { message: 'Resource not found.' } });
  assert.equal(failure(await call('get_campaign', { campaign_id: '77' })), 'Campaign not found: 77');
});

test('list_campaigns passes guMCP’s status and type filters', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/campaigns', {
    body: numberedPage('campaigns', [campaign(C, 'October', { status: 'sent' })], 1, 1, 1),
  });
  const out = data(await call('list_campaigns', { limit: 25, filter: { status: 'sent', type: 'regular' } }));
  assert.equal((out.campaigns as { status: string }[])[0]?.status, 'sent');
  assertAuth(only(fake, 'GET', '/api/campaigns'));
  assert.deepEqual(query(only(fake, 'GET', '/api/campaigns')), {
    'filter[status]': 'sent',
    'filter[type]': 'regular',
    limit: '25',
    page: '1',
  });
});

test('cancel_campaign returns the campaign to draft and is retried after a 5xx (stopping is safe to repeat)', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`POST /api/campaigns/${C}/cancel`, { status: 502, body: {} });
  fake.route(`POST /api/campaigns/${C}/cancel`, { body: one(campaign(C, 'November', { status: 'draft' })) });
  assert.equal(
    data(await call('cancel_campaign', { campaign_id: C })).message,
    `Cancelled campaign "November" (${C}): it is draft and sends nothing until scheduled again.`,
  );
  assert.equal(fake.requests.length, 2);
  assertAuth(fake.requests[1] ?? assert.fail());
});

test('delete_campaign deletes it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE /api/campaigns/${C}`, { status: 204, body: '' });
  assert.equal(data(await call('delete_campaign', { campaign_id: C })).message, `Deleted campaign ${C}.`);
  assertAuth(only(fake, 'DELETE', `/api/campaigns/${C}`));
});

test('list_campaign_languages lists the languages with their ids', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/campaigns/languages', {
    body: { data: [language('4', 'en', 'English'), language('34', 'ca', 'Català')] },
  });
  const out = data(await call('list_campaign_languages'));
  assert.deepEqual(out.languages, [
    { id: '4', shortcode: 'en', iso639: 'en', name: 'English', direction: 'ltr' },
    { id: '34', shortcode: 'ca', iso639: 'ca', name: 'Català', direction: 'ltr' },
  ]);
  assertAuth(only(fake, 'GET', '/api/campaigns/languages'));
});
