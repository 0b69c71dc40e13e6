import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import {
  assignedMessage,
  CAMPAIGN_ID,
  campaign,
  campaignMessage,
  doc,
  errors,
  JSONAPI,
  MESSAGE_ID,
  notFound,
} from './fake-klaviyo.js';
import { answer, data, failure, only, route, setup } from './harness.js';

const flat = (r: { id: string; attributes: object }) => ({ id: r.id, ...r.attributes });

test('list_campaigns filters by channel, combined with the additional filter', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'campaigns'), answer(doc([campaign()])));

  const out = data(
    await call('list_campaigns', {
      channel: 'email',
      additional_filter: "equals(status,'Draft')",
      include_fields: ['name', 'status'],
    }),
  );

  assert.deepEqual(out, { campaigns: [flat(campaign())] });
  assert.deepEqual(query(only(fake, 'GET', 'campaigns')), {
    filter: "and(equals(messages.channel,'email'),equals(status,'Draft'))",
    'fields[campaign]': 'name,status',
    'page[size]': '100',
  });
});

test('list_campaigns needs a known channel', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'campaigns'), answer(doc([])));
  assert.deepEqual(data(await call('list_campaigns', { channel: 'sms' })), { campaigns: [] });
  assert.equal(only(fake, 'GET', 'campaigns').query.get('filter'), "equals(messages.channel,'sms')");
  assert.match(failure(await call('list_campaigns', { channel: 'fax' })), /channel/);
});

test('get_campaign includes related messages and tags when asked', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    route('GET', `campaigns/${CAMPAIGN_ID}`),
    answer(doc(campaign(), { included: [campaignMessage()] })),
  );

  const out = data(
    await call('get_campaign', {
      campaign_id: CAMPAIGN_ID,
      include_fields: ['name'],
      include_related: ['campaign-messages', 'tags'],
    }),
  );

  assert.deepEqual(out, {
    campaign: flat(campaign()),
    included: [{ type: 'campaign-message', ...flat(campaignMessage()) }],
  });
  assert.deepEqual(query(only(fake, 'GET', `campaigns/${CAMPAIGN_ID}`)), {
    'fields[campaign]': 'name',
    include: 'campaign-messages,tags',
  });
  assert.match(
    failure(await call('get_campaign', { campaign_id: CAMPAIGN_ID, include_related: ['flows'] })),
    /include_related/,
  );
});

test('update_campaign patches the campaign in the revision’s shapes and says nothing was sent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    route('PATCH', `campaigns/${CAMPAIGN_ID}`),
    answer(doc(campaign(CAMPAIGN_ID, { name: 'June sale' }))),
  );

  const out = data(
    await call('update_campaign', {
      campaign_id: CAMPAIGN_ID,
      name: 'June sale',
      included_audiences: ['Y6nRLr'],
      excluded_audiences: [],
      send_strategy: 'Throttled',
      smart_send_time: '2026-06-01T10:00:00+00:00',
      throttle_percentage: 20,
      use_smart_sending: false,
      add_tracking_params: true,
    }),
  );

  assert.deepEqual(out.changed, ['name', 'audiences', 'send options', 'tracking options', 'send strategy']);
  assert.equal(
    out.message,
    `Updated the name, audiences, send options, tracking options, send strategy of campaign "June sale" (${CAMPAIGN_ID}); nothing was sent.`,
  );
  assert.deepEqual(only(fake, 'PATCH', `campaigns/${CAMPAIGN_ID}`).body, {
    data: {
      type: 'campaign',
      id: CAMPAIGN_ID,
      attributes: {
        name: 'June sale',
        audiences: { included: ['Y6nRLr'], excluded: [] },
        send_options: { use_smart_sending: false },
        tracking_options: { add_tracking_params: true },
        send_strategy: {
          method: 'throttled',
          datetime: '2026-06-01T10:00:00+00:00',
          throttle_percentage: 20,
        },
      },
    },
  });
});

test('each send strategy takes its own form of smart_send_time', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('PATCH', `campaigns/${CAMPAIGN_ID}`), answer(doc(campaign())));
  data(
    await call('update_campaign', {
      campaign_id: CAMPAIGN_ID,
      send_strategy: 'SmartSendTime',
      smart_send_time: '2026-06-01',
    }),
  );
  data(
    await call('update_campaign', {
      campaign_id: CAMPAIGN_ID,
      send_strategy: 'Static',
      smart_send_time: '2026-06-01T10:00:00Z',
    }),
  );
  data(await call('update_campaign', { campaign_id: CAMPAIGN_ID, send_strategy: 'Immediate' }));
  assert.deepEqual(
    fake.requests.map((r) => (r.body as { data: { attributes: unknown } }).data.attributes),
    [
      { send_strategy: { method: 'smart_send_time', date: '2026-06-01' } },
      { send_strategy: { method: 'static', datetime: '2026-06-01T10:00:00Z' } },
      { send_strategy: { method: 'immediate' } },
    ],
  );
  const refused = [
    [{ send_strategy: 'SmartSendTime' }, /smart_send_time: SmartSendTime needs the day/],
    [
      { send_strategy: 'Static', smart_send_time: '2026-06-01' },
      /smart_send_time: Static needs the date and time/,
    ],
    [{ send_strategy: 'Throttled', smart_send_time: '2026-06-01T10:00:00Z' }, /throttle_percentage/],
    [{ throttle_percentage: 7 }, /throttle_percentage/],
    [{ smart_send_time: '2026-06-01' }, /smart_send_time needs send_strategy/],
    [{}, /give at least one thing to change/],
  ] as const;
  for (const [args, message] of refused) {
    assert.match(failure(await call('update_campaign', { campaign_id: CAMPAIGN_ID, ...args })), message);
  }
  assert.equal(fake.requests.length, 3);
});

test('update_campaign sets the email subject and template on the campaign’s message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `campaigns/${CAMPAIGN_ID}/campaign-messages`), answer(doc([campaignMessage()])));
  fake.route(route('PATCH', `campaign-messages/${MESSAGE_ID}`), answer(doc(campaignMessage())));
  fake.route(route('POST', 'campaign-message-assign-template'), answer(assignedMessage()));
  fake.route(route('GET', `campaigns/${CAMPAIGN_ID}`), answer(doc(campaign())));

  const out = data(
    await call('update_campaign', {
      campaign_id: CAMPAIGN_ID,
      subject_line: 'Last day!',
      template_id: 'TmPl01',
    }),
  );

  assert.deepEqual(out.changed, ['subject line', 'template TmPl01']);
  assert.deepEqual(only(fake, 'PATCH', `campaign-messages/${MESSAGE_ID}`).body, {
    data: {
      type: 'campaign-message',
      id: MESSAGE_ID,
      attributes: { definition: { channel: 'email', content: { subject: 'Last day!' } } },
    },
  });
  assert.deepEqual(only(fake, 'POST', 'campaign-message-assign-template').body, {
    data: {
      type: 'campaign-message',
      id: MESSAGE_ID,
      relationships: { template: { data: { type: 'template', id: 'TmPl01' } } },
    },
  });
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    [
      `GET /api/campaigns/${CAMPAIGN_ID}/campaign-messages`,
      `PATCH /api/campaign-messages/${MESSAGE_ID}`,
      'POST /api/campaign-message-assign-template',
      `GET /api/campaigns/${CAMPAIGN_ID}`,
    ],
  );
});

test('an SMS campaign takes message_content as its text; an email campaign refuses it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    route('GET', `campaigns/${CAMPAIGN_ID}/campaign-messages`),
    answer(doc([campaignMessage(MESSAGE_ID, 'sms')])),
  );
  fake.route(
    route('PATCH', `campaign-messages/${MESSAGE_ID}`),
    answer(doc(campaignMessage(MESSAGE_ID, 'sms'))),
  );
  fake.route(route('GET', `campaigns/${CAMPAIGN_ID}`), answer(doc(campaign())));
  data(await call('update_campaign', { campaign_id: CAMPAIGN_ID, message_content: 'Sale ends tonight' }));
  assert.deepEqual(only(fake, 'PATCH', `campaign-messages/${MESSAGE_ID}`).body, {
    data: {
      type: 'campaign-message',
      id: MESSAGE_ID,
      attributes: { definition: { channel: 'sms', content: { body: 'Sale ends tonight' } } },
    },
  });
  assert.match(
    failure(await call('update_campaign', { campaign_id: CAMPAIGN_ID, subject_line: 'Hi' })),
    /subject_line: a sms campaign/,
  );

  fake.route(route('GET', `campaigns/${CAMPAIGN_ID}/campaign-messages`), answer(doc([campaignMessage()])));
  assert.equal(
    failure(await call('update_campaign', { campaign_id: CAMPAIGN_ID, message_content: '<p>Hi</p>' })),
    'Invalid arguments: message_content: an email campaign’s body comes from its template; give template_id instead',
  );
});

test('a refused send strategy names the argument from Klaviyo’s pointer', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('PATCH', `campaigns/${CAMPAIGN_ID}`), {
    status: 400,
    headers: JSONAPI,
    body: errors(400, 'invalid', 'Invalid input.', 'Send time must be in the future.', {
      pointer: '/data/attributes/send_strategy/datetime',
    }),
  });
  assert.equal(
    failure(
      await call('update_campaign', {
        campaign_id: CAMPAIGN_ID,
        send_strategy: 'Static',
        smart_send_time: '2020-01-01T00:00:00Z',
      }),
    ),
    `Klaviyo rejected the request for Campaign ${CAMPAIGN_ID} (HTTP 400): smart_send_time: Send time must be in the future.`,
  );
});

test('delete_campaign names what it deleted; a delete whose first attempt went through is not an error', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `campaigns/${CAMPAIGN_ID}`), answer(doc(campaign())));
  fake.route(route('DELETE', `campaigns/${CAMPAIGN_ID}`), { status: 204, body: '' });

  assert.deepEqual(data(await call('delete_campaign', { campaign_id: CAMPAIGN_ID })), {
    campaign_id: CAMPAIGN_ID,
    name: 'May sale',
    deleted: true,
    message: `Deleted campaign "May sale" (${CAMPAIGN_ID}).`,
  });
  assert.equal(only(fake, 'DELETE', `campaigns/${CAMPAIGN_ID}`).rawBody, '');

  fake.once(route('DELETE', `campaigns/${CAMPAIGN_ID}`), {
    status: 503,
    headers: JSONAPI,
    body: errors(503, 'error', 'Unavailable.', 'Try later.'),
  });
  fake.route(route('DELETE', `campaigns/${CAMPAIGN_ID}`), {
    status: 404,
    headers: JSONAPI,
    body: notFound('campaign', CAMPAIGN_ID),
  });
  assert.equal(data(await call('delete_campaign', { campaign_id: CAMPAIGN_ID })).deleted, true);

  fake.route(route('GET', `campaigns/NOPE`), {
    status: 404,
    headers: JSONAPI,
    body: notFound('campaign', 'NOPE'),
  });
  assert.equal(failure(await call('delete_campaign', { campaign_id: 'NOPE' })), 'Campaign not found: NOPE');
});
