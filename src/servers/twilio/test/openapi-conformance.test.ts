import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply, FakeService } from '../../../testing/fake-service.js';
import { OpenApiCheck, readOpenApi } from '../../../testing/openapi.js';
import { HOSTS, type HostId, verifyTwilioKey } from '../api.js';
import {
  ACCOUNT,
  ACCOUNT_SID,
  call as callOf,
  conversation,
  conversationMessage,
  conversationService,
  FROM,
  lookup,
  message,
  page2010,
  pageV,
  participant,
  room,
  sid,
  TO,
  TWILIO_ROUTES,
  twilioError,
  verification,
  verificationCheck,
  verifyService,
} from './fake-twilio.js';
import { CREDENTIALS, data, type Harness, setup } from './harness.js';

/**
 * Checks the fakes and the client against Twilio's OpenAPI descriptions (github.com/twilio/twilio-oai,
 * spec/json or spec/yaml: one file per product), so they cannot drift apart together: every request the tools make
 * (method, path, query keys, and the form body typed by the operation's schema) must be an operation of
 * its host's description, and every answer of the fakes must validate against that operation's
 * documented answer. TWILIO_OPENAPI_SPEC names the files, comma-separated (twilio_api_v2010.json,
 * twilio_verify_v2.json, twilio_lookups_v2.json, twilio_conversations_v1.json, twilio_video_v1.json);
 * each is matched to its host by its `servers` URL. Without any, the test is skipped; requests to a
 * host no file describes are left unchecked (and listed).
 */

type Schema = Record<string, unknown>;

/**
 * Twilio's Lookup v2 description leaves `nullable` off the data packages of its answer (and off their
 * fields), while its own examples give null for every package not asked for: its properties are
 * mended to take null.
 */
function lookupNulls(schema: Schema): Schema {
  const properties = schema.properties;
  if (!properties || typeof properties !== 'object' || Array.isArray(properties)) return schema;
  const nullable = Object.entries(properties as Record<string, Schema>).map(([name, p]) => [
    name,
    { anyOf: [p, { type: 'null' }] },
  ]);
  return { ...schema, properties: Object.fromEntries(nullable) };
}

const VA = sid('VA', 1);
const IS = sid('IS', 1);
const CH = sid('CH', 2);
const RM = sid('RM', 7);
const SM = sid('SM', 1);
const CA = sid('CA', 1);

/** What each route answers in this test, by host: the fakes' bodies with the documented statuses. */
const ANSWERS: Record<HostId, Record<string, FakeReply>> = {
  api: {
    [`GET ${ACCOUNT}.json`]: {
      body: {
        sid: ACCOUNT_SID,
        friendly_name: 'Acme',
        status: 'active',
        type: 'Full',
        owner_account_sid: ACCOUNT_SID,
        auth_token: null,
        date_created: 'Thu, 24 Aug 2023 05:01:45 +0000',
        date_updated: 'Thu, 24 Aug 2023 05:01:45 +0000',
        subresource_uris: {},
        uri: `${ACCOUNT}.json`,
      },
    },
    [`POST ${ACCOUNT}/Messages.json`]: {
      status: 201,
      body: message(1, { status: 'queued', date_sent: null }),
    },
    [`GET ${ACCOUNT}/Messages.json`]: {
      body: page2010('messages', 'Messages.json', [message(1)], 0, 'PASM1'),
    },
    [`GET ${ACCOUNT}/Messages/${SM}.json`]: { body: message(1) },
    [`DELETE ${ACCOUNT}/Messages/${SM}.json`]: { status: 204, body: '' },
    [`POST ${ACCOUNT}/Calls.json`]: { status: 201, body: callOf(1, { status: 'queued', end_time: null }) },
    [`GET ${ACCOUNT}/Calls.json`]: { body: page2010('calls', 'Calls.json', [callOf(1)]) },
    [`GET ${ACCOUNT}/Calls/${CA}.json`]: { body: callOf(1) },
  },
  verify: {
    'GET /v2/Services': {
      body: pageV('services', 'https://verify.twilio.com/v2/Services', [verifyService(1)], 0, 'PTVA'),
    },
    'POST /v2/Services': { status: 201, body: verifyService(1) },
    [`POST /v2/Services/${VA}/Verifications`]: { status: 201, body: verification(VA) },
    [`POST /v2/Services/${VA}/VerificationCheck`]: { status: 200, body: verificationCheck(VA) },
  },
  lookups: {
    [`GET /v2/PhoneNumbers/${TO}`]: {
      body: lookup(TO, {
        line_type_intelligence: {
          carrier_name: 'T-Mobile USA, Inc.',
          type: 'mobile',
          mobile_country_code: '310',
          mobile_network_code: '160',
          error_code: null,
        },
        caller_name: { caller_name: 'ACME INC', caller_type: 'BUSINESS', error_code: null },
      }),
    },
  },
  conversations: {
    'GET /v1/Services': {
      body: pageV('services', 'https://conversations.twilio.com/v1/Services', [conversationService(1)]),
    },
    'POST /v1/Services': { status: 201, body: conversationService(1) },
    [`GET /v1/Services/${IS}/Conversations`]: {
      body: pageV('conversations', `https://conversations.twilio.com/v1/Services/${IS}/Conversations`, [
        conversation(IS, 2),
      ]),
    },
    [`POST /v1/Services/${IS}/Conversations`]: { status: 201, body: conversation(IS, 2) },
    [`POST /v1/Conversations/${CH}/Participants`]: { status: 201, body: participant(IS, CH) },
    [`POST /v1/Services/${IS}/Conversations/${CH}/Participants`]: { status: 201, body: participant(IS, CH) },
    [`POST /v1/Conversations/${CH}/Messages`]: { status: 201, body: conversationMessage(IS, CH) },
    [`POST /v1/Services/${IS}/Conversations/${CH}/Messages`]: {
      status: 201,
      body: conversationMessage(IS, CH),
    },
  },
  video: {
    'GET /v1/Rooms': { body: pageV('rooms', 'https://video.twilio.com/v1/Rooms', [room(7)]) },
    'POST /v1/Rooms': { status: 201, body: room(7) },
    [`GET /v1/Rooms/${RM}`]: { body: room(7) },
    [`POST /v1/Rooms/${RM}`]: { status: 202, body: room(7, { status: 'completed', duration: 60 }) },
  },
};

const CALLS: [string, Record<string, unknown>][] = [
  ['send_message', { to: TO, from: FROM, body: 'Hi', media_url: ['https://example.com/a.png'] }],
  ['send_message', { to: TO, from: sid('MG', 1), body: 'Hi', status_callback: 'https://example.com/cb' }],
  ['list_messages', { page_size: 1, page_token: 'Page=1&PageToken=PASM0' }],
  ['fetch_message', { message_sid: SM }],
  ['delete_message', { message_sid: SM }],
  ['make_call', { to: TO, from: FROM, text: 'Hello', status_callback: 'https://example.com/cb' }],
  ['make_call', { to: TO, from: FROM, url: 'https://example.com/twiml.xml' }],
  ['list_calls', { page_size: 20 }],
  ['fetch_call', { call_sid: CA }],
  ['list_verify_services', { page_size: 5 }],
  [
    'create_verify_service',
    {
      friendly_name: 'Acme',
      code_length: 6,
      lookup_enabled: true,
      skip_sms_to_landlines: true,
      dtmf_input_required: false,
    },
  ],
  ['start_verification', { service_sid: VA, to: TO, channel: 'sms' }],
  ['check_verification', { service_sid: VA, to: TO, code: '123456' }],
  ['lookup_phone_number', { phone_number: TO, country_code: 'US', add_ons: ['carrier', 'caller_name'] }],
  ['list_conversation_services', { page_size: 10 }],
  ['create_conversation_service', { friendly_name: 'Support' }],
  ['list_conversations', { service_sid: IS }],
  ['create_conversation', { service_sid: IS, friendly_name: 'Case 2' }],
  ['add_conversation_participant', { conversation_sid: CH, identity: 'alice' }],
  ['add_conversation_participant', { service_sid: IS, conversation_sid: CH, identity: 'bob' }],
  ['send_conversation_message', { conversation_sid: CH, body: 'Hi', author: 'alice' }],
  ['send_conversation_message', { service_sid: IS, conversation_sid: CH, body: 'Hi' }],
  ['list_video_rooms', { page_size: 3 }],
  [
    'create_video_room',
    { unique_name: 'standup-7', type: 'group', status_callback: 'https://example.com/r' },
  ],
  ['fetch_video_room', { room_sid: RM }],
  ['complete_video_room', { room_sid: RM }],
];

/** Each file of TWILIO_OPENAPI_SPEC, loaded, by the host its `servers` URL names. */
async function descriptions(files: string[]): Promise<Partial<Record<HostId, OpenApiCheck>>> {
  const specs: Partial<Record<HostId, OpenApiCheck>> = {};
  for (const file of files) {
    const doc = await readOpenApi(file);
    const origin = new URL(doc.servers?.[0]?.url ?? 'https://unknown.invalid').origin;
    const host = (Object.keys(HOSTS) as HostId[]).find((h) => new URL(HOSTS[h].url).origin === origin);
    assert.ok(host, `${file} describes ${origin}, a host the server does not call`);
    specs[host] = await OpenApiCheck.load(file, host === 'lookups' ? { fix: lookupNulls } : {});
  }
  return specs;
}

test("every request the tools make, and every answer of the fakes, fits Twilio's OpenAPI descriptions", async (t) => {
  const files = (process.env.TWILIO_OPENAPI_SPEC ?? '').split(',').filter(Boolean);
  if (files.length === 0 || !files.every((f) => existsSync(f))) {
    t.skip('TWILIO_OPENAPI_SPEC names no OpenAPI file of the Twilio APIs');
    return;
  }
  const specs = await descriptions(files);
  const harness: Harness = await setup(t);
  for (const host of Object.keys(ANSWERS) as HostId[]) {
    for (const [route, reply] of Object.entries(ANSWERS[host])) harness[host].route(route, reply);
  }
  for (const [name, args] of CALLS) data(await harness.call(name, args));
  await verifyTwilioKey(CREDENTIALS, { retries: 0 });

  const used = new Set<string>();
  const unchecked = new Set<string>();
  for (const host of Object.keys(ANSWERS) as HostId[]) {
    const fake: FakeService = harness[host];
    const spec = specs[host];
    for (const req of fake.requests) {
      if (!spec) {
        unchecked.add(`${host}: ${req.method} ${req.path}`);
        continue;
      }
      used.add(spec.assertRequest(req));
      const reply = ANSWERS[host][`${req.method} ${req.path}`];
      assert.ok(reply, `the test answers ${req.method} ${req.path}`);
      spec.assertAnswer(req.method, req.path, reply.status ?? 200, reply.body);
    }
  }
  // Twilio's error body is documented on Verify's 429 (too many requests, attempt limits) since 2025.
  const start = `/v2/Services/${VA}/Verifications`;
  if (specs.verify?.operation('POST', start)?.op.responses?.['429']) {
    specs.verify.assertAnswer('POST', start, 429, twilioError(429, 60203, 'Max send attempts reached'));
  }

  if (unchecked.size > 0) t.diagnostic(`not described by the given files: ${[...unchecked].join(', ')}`);
  const described = TWILIO_ROUTES.filter((route) =>
    (Object.keys(specs) as HostId[]).some((host) => specs[host]?.operation(...splitRoute(route))),
  );
  assert.deepEqual(
    [...used].sort(),
    [...described].sort(),
    'the tools use every described route of TWILIO_ROUTES',
  );
});

/** `GET /v1/Rooms/{Sid}` as a method and a concrete path the description's template matches. */
function splitRoute(route: string): [string, string] {
  const [method = '', template = ''] = route.split(' ');
  return [method, template.replace(/\{[^}]+\}/g, 'X')];
}
