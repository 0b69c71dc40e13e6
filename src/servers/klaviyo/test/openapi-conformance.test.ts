import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply, RecordedRequest } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  assignedMessage,
  CAMPAIGN_ID,
  campaign,
  campaignMessage,
  doc,
  errors,
  estimation,
  LIST_ID,
  list,
  MESSAGE_ID,
  METRIC_ID,
  member,
  metric,
  notFound,
  PROFILE_ID,
  profile,
  sendJob,
  throttled,
  unauthenticated,
} from './fake-klaviyo.js';
import { answer, data, setup } from './harness.js';

/**
 * Checks the fake and the client against Klaviyo's OpenAPI description, so they cannot drift apart
 * together: every request the tools make (method, path, query keys, JSON:API body) must be an operation
 * of the description, and every answer the fake gives must fit that operation's documented answer.
 *
 * The description is openapi/stable.json of github.com/klaviyo/openapi (revision 2026-07-15, the one
 * the server pins). No npm package ships it (`klaviyo-api` carries only the generated client):
 * KLAVIYO_OPENAPI_SPEC names a copy; without one the test is skipped.
 */

/** Every route the server calls, as templates of the description's paths. */
const ROUTES = [
  'GET /api/profiles',
  'POST /api/profiles',
  'GET /api/profiles/{id}',
  'PATCH /api/profiles/{id}',
  'GET /api/campaigns',
  'GET /api/campaigns/{id}',
  'PATCH /api/campaigns/{id}',
  'DELETE /api/campaigns/{id}',
  'GET /api/campaigns/{id}/campaign-messages',
  'PATCH /api/campaign-messages/{id}',
  'POST /api/campaign-message-assign-template',
  'POST /api/campaign-send-jobs',
  'GET /api/campaign-send-jobs/{id}',
  'GET /api/campaign-recipient-estimations/{id}',
  'GET /api/metrics',
  'GET /api/metrics/{id}',
  'POST /api/lists',
  'GET /api/lists',
  'GET /api/lists/{id}',
  'GET /api/lists/{id}/profiles',
  'POST /api/lists/{id}/relationships/profiles',
  'DELETE /api/lists/{id}/relationships/profiles',
];

const ANSWERS: Record<string, FakeReply> = {
  'GET /api/profiles': answer(doc([profile()])),
  'POST /api/profiles': answer(doc(profile()), 201),
  [`GET /api/profiles/${PROFILE_ID}`]: answer(doc(profile())),
  [`PATCH /api/profiles/${PROFILE_ID}`]: answer(doc(profile())),
  'GET /api/campaigns': answer(doc([campaign()])),
  [`GET /api/campaigns/${CAMPAIGN_ID}`]: answer(doc(campaign(), { included: [campaignMessage()] })),
  [`PATCH /api/campaigns/${CAMPAIGN_ID}`]: answer(doc(campaign())),
  [`DELETE /api/campaigns/${CAMPAIGN_ID}`]: { status: 204, body: '' },
  [`GET /api/campaigns/${CAMPAIGN_ID}/campaign-messages`]: answer(doc([campaignMessage()])),
  [`PATCH /api/campaign-messages/${MESSAGE_ID}`]: answer(doc(campaignMessage())),
  'POST /api/campaign-message-assign-template': answer(assignedMessage()),
  'POST /api/campaign-send-jobs': answer(doc(sendJob()), 202),
  [`GET /api/campaign-send-jobs/${CAMPAIGN_ID}`]: answer(doc(sendJob(CAMPAIGN_ID, 'processing'))),
  [`GET /api/campaign-recipient-estimations/${CAMPAIGN_ID}`]: answer(doc(estimation())),
  'GET /api/metrics': answer(doc([metric()])),
  [`GET /api/metrics/${METRIC_ID}`]: answer(doc(metric())),
  'POST /api/lists': answer(doc(list()), 201),
  'GET /api/lists': answer(doc([list()])),
  [`GET /api/lists/${LIST_ID}`]: answer(doc(list(LIST_ID, 'Newsletter', { profile_count: 3 }))),
  [`GET /api/lists/${LIST_ID}/profiles`]: answer(doc([member()])),
  [`POST /api/lists/${LIST_ID}/relationships/profiles`]: { status: 204, body: '' },
  [`DELETE /api/lists/${LIST_ID}/relationships/profiles`]: { status: 204, body: '' },
};

const CALLS: [string, Record<string, unknown>][] = [
  [
    'create_profile',
    {
      email: 'ada@example.com',
      phone_number: '+15005550006',
      first_name: 'Ada',
      city: 'London',
      latitude: 51.5072,
      longitude: '-0.1276',
      properties: { plan: 'pro' },
    },
  ],
  ['get_profiles', { filter: "equals(email,'ada@example.com')", include_fields: ['email'], cursor: 'c2' }],
  ['get_profile', { profile_id: PROFILE_ID, include_fields: ['email', 'location.city'] }],
  ['update_profile', { profile_id: PROFILE_ID, title: 'Countess', organization: null, zip: 'N1' }],
  [
    'list_campaigns',
    { channel: 'email', additional_filter: "equals(status,'Draft')", include_fields: ['name'] },
  ],
  [
    'get_campaign',
    { campaign_id: CAMPAIGN_ID, include_fields: ['name'], include_related: ['campaign-messages'] },
  ],
  [
    'update_campaign',
    {
      campaign_id: CAMPAIGN_ID,
      name: 'June sale',
      included_audiences: [LIST_ID],
      excluded_audiences: [],
      send_strategy: 'Throttled',
      smart_send_time: '2026-06-01T10:00:00+00:00',
      throttle_percentage: 20,
      use_smart_sending: true,
      add_tracking_params: false,
      subject_line: 'Last day',
      template_id: 'TmPl01',
    },
  ],
  [
    'update_campaign',
    { campaign_id: CAMPAIGN_ID, send_strategy: 'SmartSendTime', smart_send_time: '2026-06-01' },
  ],
  [
    'update_campaign',
    { campaign_id: CAMPAIGN_ID, send_strategy: 'Static', smart_send_time: '2026-06-01T10:00:00Z' },
  ],
  ['update_campaign', { campaign_id: CAMPAIGN_ID, send_strategy: 'Immediate' }],
  ['send_campaign', { campaign_id: CAMPAIGN_ID }],
  ['send_campaign', { campaign_id: CAMPAIGN_ID }],
  ['delete_campaign', { campaign_id: CAMPAIGN_ID }],
  [
    'list_metrics',
    { integration_name: 'Shopify', integration_category: 'eCommerce', include_fields: ['name'] },
  ],
  ['get_metric', { metric_id: METRIC_ID, include_fields: ['name', 'integration'] }],
  ['create_list', { name: 'VIP' }],
  ['get_lists', { filter: "equals(name,'VIP')", include_fields: ['name'] }],
  ['get_list', { list_id: LIST_ID, include_fields: ['name'] }],
  [
    'get_list_profiles',
    { list_id: LIST_ID, filter: "equals(email,'ada@example.com')", include_fields: ['email'] },
  ],
  ['add_profiles_to_list', { list_id: LIST_ID, profile_ids: [PROFILE_ID] }],
  ['remove_profiles_from_list', { list_id: LIST_ID, profile_ids: [PROFILE_ID] }],
];

/**
 * Klaviyo's description uses `oneOf` where its branches overlap (EmailSendOptions, SMSSendOptions and
 * PushSendOptions are the same object; the two tracking-option schemas differ only in optional
 * fields), so no value can match exactly one branch: every `oneOf` is checked as `anyOf`. (Its
 * `nullable: true` beside a `oneOf`, a profile's latitude, is read by the shared check itself.)
 */
function overlapping(schema: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(schema.oneOf)) return schema;
  const { oneOf, ...rest } = schema;
  return { ...rest, anyOf: oneOf };
}

test("every request the tools make, and every answer of the fake, fits Klaviyo's OpenAPI description", async (t) => {
  const file = process.env.KLAVIYO_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('KLAVIYO_OPENAPI_SPEC names no copy of klaviyo/openapi openapi/stable.json');
    return;
  }
  const spec = await OpenApiCheck.load(file, { fix: overlapping });
  const { fake, call, client } = await setup(t);
  const given = new Map<RecordedRequest, FakeReply>();
  const serve = (key: string, reply: FakeReply) =>
    fake.route(key, (req) => {
      given.set(req, reply);
      return reply;
    });
  for (const [route, reply] of Object.entries(ANSWERS)) serve(route, reply);
  // The first send meets a 503: the send job is looked up (it exists), and the second send goes through.
  const unavailable = {
    status: 503,
    headers: {},
    body: errors(503, 'error', 'Service unavailable.', 'Try again.'),
  };
  let sends = 0;
  fake.route('POST /api/campaign-send-jobs', (req) => {
    const reply = sends++ === 0 ? unavailable : (ANSWERS['POST /api/campaign-send-jobs'] as FakeReply);
    given.set(req, reply);
    return reply;
  });

  for (const [name, args] of CALLS) data(await call(name, args));
  await client.readResource({ uri: `klaviyo://campaign/${CAMPAIGN_ID}` });

  const used = new Set<string>();
  for (const req of fake.requests) {
    used.add(spec.assertRequest(req));
    const reply = given.get(req);
    assert.ok(reply, `the test answered ${req.method} ${req.path}`);
    spec.assertAnswer(req.method, req.path, reply.status ?? 200, reply.body);
  }
  assert.deepEqual([...used].sort(), [...ROUTES].sort(), 'the tools use every route listed');

  // The error documents the fake answers with fit the documented 4XX answer.
  const profilePath = `/api/profiles/${PROFILE_ID}`;
  spec.assertAnswer('GET', profilePath, 404, notFound('profile', PROFILE_ID));
  spec.assertAnswer('GET', profilePath, 401, unauthenticated);
  spec.assertAnswer('GET', profilePath, 429, throttled);
  spec.assertAnswer(
    'POST',
    '/api/profiles',
    409,
    errors(
      409,
      'duplicate_profile',
      'Conflict.',
      'A profile already exists.',
      { pointer: '/data/attributes' },
      {
        duplicate_profile_id: PROFILE_ID,
      },
    ),
  );
});
