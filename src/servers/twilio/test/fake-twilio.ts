/**
 * Bodies in the shapes of Twilio's OpenAPI descriptions (github.com/twilio/twilio-oai, spec/json:
 * twilio_api_v2010, twilio_verify_v2, twilio_lookups_v2, twilio_conversations_v1, twilio_video_v1)
 * and its error body `{ code, message, more_info, status }`. The 2010 API pages with `next_page_uri`
 * (a path) and gives RFC 2822 dates; the product APIs page with `meta.next_page_url` and give ISO 8601.
 */

/** Every route the server calls, as templates of the descriptions' paths. */
export const TWILIO_ROUTES = [
  'GET /2010-04-01/Accounts/{Sid}.json',
  'POST /2010-04-01/Accounts/{AccountSid}/Messages.json',
  'GET /2010-04-01/Accounts/{AccountSid}/Messages.json',
  'GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json',
  'DELETE /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json',
  'POST /2010-04-01/Accounts/{AccountSid}/Calls.json',
  'GET /2010-04-01/Accounts/{AccountSid}/Calls.json',
  'GET /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json',
  'GET /v2/Services',
  'POST /v2/Services',
  'POST /v2/Services/{ServiceSid}/Verifications',
  'POST /v2/Services/{ServiceSid}/VerificationCheck',
  'GET /v2/PhoneNumbers/{PhoneNumber}',
  'GET /v1/Services',
  'POST /v1/Services',
  'GET /v1/Services/{ChatServiceSid}/Conversations',
  'POST /v1/Services/{ChatServiceSid}/Conversations',
  'POST /v1/Conversations/{ConversationSid}/Participants',
  'POST /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Participants',
  'POST /v1/Conversations/{ConversationSid}/Messages',
  'POST /v1/Services/{ChatServiceSid}/Conversations/{ConversationSid}/Messages',
  'GET /v1/Rooms',
  'POST /v1/Rooms',
  'GET /v1/Rooms/{Sid}',
  'POST /v1/Rooms/{Sid}',
] as const;

/** A SID of the given kind: its two letters, then 32 hexadecimal characters. */
export const sid = (prefix: string, n: number): string => `${prefix}${n.toString(16).padStart(32, '0')}`;

export const ACCOUNT_SID = sid('AC', 0xa11ce);
export const KEY_SID = sid('SK', 0x5ec);
export const KEY_SECRET = 'k3ySecret-9f2c41d0b7e64a8c93d1e5f0';
export const ACCOUNT = `/2010-04-01/Accounts/${ACCOUNT_SID}`;

export const FROM = '+15017122661';
export const TO = '+15558675310';

const RFC2822 = 'Thu, 24 Aug 2023 05:01:45 +0000';
const ISO = '2023-08-24T05:01:45Z';

export function message(n: number, over: Record<string, unknown> = {}) {
  const messageSid = sid('SM', n);
  return {
    account_sid: ACCOUNT_SID,
    api_version: '2010-04-01',
    body: `Hello ${n}`,
    date_created: RFC2822,
    date_sent: RFC2822,
    date_updated: RFC2822,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: FROM,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: '1',
    price: '-0.00790',
    price_unit: 'USD',
    sid: messageSid,
    status: 'delivered',
    subresource_uris: { media: `${ACCOUNT}/Messages/${messageSid}/Media.json` },
    to: TO,
    uri: `${ACCOUNT}/Messages/${messageSid}.json`,
    ...over,
  };
}

export function call(n: number, over: Record<string, unknown> = {}) {
  const callSid = sid('CA', n);
  return {
    account_sid: ACCOUNT_SID,
    answered_by: null,
    api_version: '2010-04-01',
    caller_name: null,
    date_created: RFC2822,
    date_updated: RFC2822,
    direction: 'outbound-api',
    duration: '15',
    end_time: 'Thu, 24 Aug 2023 05:02:00 +0000',
    forwarded_from: null,
    from: FROM,
    from_formatted: '(501) 712-2661',
    group_sid: null,
    parent_call_sid: null,
    phone_number_sid: sid('PN', 1),
    price: '-0.03000',
    price_unit: 'USD',
    sid: callSid,
    start_time: RFC2822,
    status: 'completed',
    subresource_uris: { recordings: `${ACCOUNT}/Calls/${callSid}/Recordings.json` },
    to: TO,
    to_formatted: '(555) 867-5310',
    trunk_sid: null,
    uri: `${ACCOUNT}/Calls/${callSid}.json`,
    queue_time: '0',
    ...over,
  };
}

/** A page of a 2010 API list; `next` is the PageToken of the following page, if any. */
export function page2010(key: string, path: string, items: unknown[], page = 0, next?: string) {
  const uri = (p: number, token?: string) =>
    `${ACCOUNT}/${path}?PageSize=${items.length || 50}&Page=${p}${token ? `&PageToken=${token}` : ''}`;
  return {
    [key]: items,
    end: page * 50 + items.length - 1,
    first_page_uri: uri(0),
    next_page_uri: next ? uri(page + 1, next) : null,
    page,
    page_size: items.length || 50,
    previous_page_uri: null,
    start: page * 50,
    uri: uri(page),
  };
}

/** A page of a product API list (`meta.next_page_url` is absolute, on the product's host). */
export function pageV(key: string, url: string, items: unknown[], page = 0, next?: string) {
  const at = (p: number, token?: string) =>
    `${url}?PageSize=50&Page=${p}${token ? `&PageToken=${token}` : ''}`;
  return {
    [key]: items,
    meta: {
      page,
      page_size: 50,
      first_page_url: at(0),
      previous_page_url: null,
      url: at(page),
      next_page_url: next ? at(page + 1, next) : null,
      key,
    },
  };
}

export function verifyService(n: number, over: Record<string, unknown> = {}) {
  const serviceSid = sid('VA', n);
  return {
    sid: serviceSid,
    account_sid: ACCOUNT_SID,
    friendly_name: `Login ${n}`,
    code_length: 6,
    lookup_enabled: false,
    psd2_enabled: false,
    skip_sms_to_landlines: false,
    dtmf_input_required: true,
    tts_name: null,
    do_not_share_warning_enabled: false,
    custom_code_enabled: false,
    push: { include_date: false, apn_credential_sid: null, fcm_credential_sid: null },
    totp: { issuer: null, time_step: 30, code_length: 6, skew: 1 },
    default_template_sid: null,
    whatsapp: { msg_service_sid: null, from: null },
    passkeys: null,
    verify_event_subscription_enabled: false,
    date_created: ISO,
    date_updated: ISO,
    url: `https://verify.twilio.com/v2/Services/${serviceSid}`,
    links: { verifications: `https://verify.twilio.com/v2/Services/${serviceSid}/Verifications` },
    ...over,
  };
}

export function verification(service: string, over: Record<string, unknown> = {}) {
  const verificationSid = sid('VE', 1);
  return {
    sid: verificationSid,
    service_sid: service,
    account_sid: ACCOUNT_SID,
    to: TO,
    channel: 'sms',
    status: 'pending',
    valid: false,
    lookup: {},
    amount: null,
    payee: null,
    send_code_attempts: [{ attempt_sid: sid('VL', 1), channel: 'sms', time: ISO }],
    date_created: ISO,
    date_updated: ISO,
    sna: null,
    url: `https://verify.twilio.com/v2/Services/${service}/Verifications/${verificationSid}`,
    ...over,
  };
}

export function verificationCheck(service: string, over: Record<string, unknown> = {}) {
  return {
    sid: sid('VE', 1),
    service_sid: service,
    account_sid: ACCOUNT_SID,
    to: TO,
    channel: 'sms',
    status: 'approved',
    valid: true,
    amount: null,
    payee: null,
    date_created: ISO,
    date_updated: ISO,
    sna_attempts_error_codes: [],
    ...over,
  };
}

export function lookup(number: string, over: Record<string, unknown> = {}) {
  return {
    calling_country_code: '1',
    country_code: 'US',
    phone_number: number,
    national_format: '(555) 867-5310',
    valid: true,
    validation_errors: [],
    caller_name: null,
    sim_swap: null,
    call_forwarding: null,
    line_status: null,
    line_type_intelligence: null,
    identity_match: null,
    reassigned_number: null,
    sms_pumping_risk: null,
    phone_number_quality_score: null,
    pre_fill: null,
    url: `https://lookups.twilio.com/v2/PhoneNumbers/${number}`,
    ...over,
  };
}

export function conversationService(n: number, over: Record<string, unknown> = {}) {
  const serviceSid = sid('IS', n);
  return {
    sid: serviceSid,
    account_sid: ACCOUNT_SID,
    friendly_name: `Support ${n}`,
    date_created: ISO,
    date_updated: ISO,
    url: `https://conversations.twilio.com/v1/Services/${serviceSid}`,
    links: { conversations: `https://conversations.twilio.com/v1/Services/${serviceSid}/Conversations` },
    ...over,
  };
}

export function conversation(service: string, n: number, over: Record<string, unknown> = {}) {
  const conversationSid = sid('CH', n);
  return {
    sid: conversationSid,
    account_sid: ACCOUNT_SID,
    chat_service_sid: service,
    messaging_service_sid: sid('MG', 1),
    friendly_name: `Case ${n}`,
    unique_name: null,
    attributes: '{}',
    state: 'active',
    date_created: ISO,
    date_updated: ISO,
    timers: {},
    url: `https://conversations.twilio.com/v1/Services/${service}/Conversations/${conversationSid}`,
    links: {},
    bindings: null,
    ...over,
  };
}

export function participant(service: string, conversationSid: string, over: Record<string, unknown> = {}) {
  return {
    sid: sid('MB', 1),
    account_sid: ACCOUNT_SID,
    chat_service_sid: service,
    conversation_sid: conversationSid,
    identity: 'alice',
    attributes: '{}',
    messaging_binding: null,
    role_sid: sid('RL', 1),
    date_created: ISO,
    date_updated: ISO,
    url: `https://conversations.twilio.com/v1/Conversations/${conversationSid}/Participants/${sid('MB', 1)}`,
    last_read_message_index: null,
    last_read_timestamp: null,
    ...over,
  };
}

export function conversationMessage(
  service: string,
  conversationSid: string,
  over: Record<string, unknown> = {},
) {
  return {
    sid: sid('IM', 1),
    account_sid: ACCOUNT_SID,
    chat_service_sid: service,
    conversation_sid: conversationSid,
    index: 0,
    author: 'system',
    body: 'Welcome!',
    media: null,
    attributes: '{}',
    participant_sid: null,
    date_created: ISO,
    date_updated: null,
    url: `https://conversations.twilio.com/v1/Conversations/${conversationSid}/Messages/${sid('IM', 1)}`,
    delivery: null,
    links: {},
    content_sid: null,
    ...over,
  };
}

export function room(n: number, over: Record<string, unknown> = {}) {
  const roomSid = sid('RM', n);
  return {
    sid: roomSid,
    status: 'in-progress',
    date_created: ISO,
    date_updated: ISO,
    account_sid: ACCOUNT_SID,
    enable_turn: true,
    unique_name: `standup-${n}`,
    status_callback: null,
    status_callback_method: 'POST',
    end_time: null,
    duration: null,
    type: 'group',
    max_participants: 50,
    max_participant_duration: 14400,
    max_concurrent_published_tracks: 170,
    record_participants_on_connect: false,
    video_codecs: ['VP8', 'H264'],
    media_region: 'us1',
    audio_only: false,
    empty_room_timeout: 5,
    unused_room_timeout: 5,
    large_room: false,
    url: `https://video.twilio.com/v1/Rooms/${roomSid}`,
    links: { participants: `https://video.twilio.com/v1/Rooms/${roomSid}/Participants` },
    ...over,
  };
}

/** Twilio's error body, as every host gives it. */
export const twilioError = (status: number, code: number, message: string) => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});
