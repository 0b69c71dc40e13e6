import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import {
  lookup,
  pageV,
  sid,
  TO,
  twilioError,
  verification,
  verificationCheck,
  verifyService,
} from './fake-twilio.js';
import { data, failure, formOf, onlyRequest, setup } from './harness.js';

const SERVICE = sid('VA', 0xabc);
const ISO = '2023-08-24T05:01:45.000Z';

test('list_verify_services lists services on the Verify host', async (t) => {
  const { api, verify, call } = await setup(t);
  verify.route('GET /v2/Services', {
    body: pageV('services', 'https://verify.twilio.com/v2/Services', [verifyService(1), verifyService(2)]),
  });
  const out = data(await call('list_verify_services', { page_size: 5 }));
  assert.deepEqual(query(onlyRequest(verify)), { PageSize: '5' });
  assert.equal(api.requests.length, 0);
  assert.deepEqual(out, {
    count: 2,
    next_page_token: null,
    services: [1, 2].map((n) => ({
      sid: sid('VA', n),
      friendly_name: `Login ${n}`,
      code_length: 6,
      lookup_enabled: false,
      skip_sms_to_landlines: false,
      dtmf_input_required: true,
      date_created: ISO,
    })),
  });
});

test('create_verify_service sends its settings in PascalCase', async (t) => {
  const { verify, call } = await setup(t);
  verify.route('POST /v2/Services', (req) => {
    const f = formOf(req) as Record<string, string>;
    return {
      status: 201,
      body: verifyService(3, {
        friendly_name: f.FriendlyName,
        code_length: Number(f.CodeLength),
        lookup_enabled: true,
      }),
    };
  });
  const out = data(
    await call('create_verify_service', {
      friendly_name: 'Acme login',
      code_length: 8,
      lookup_enabled: true,
      skip_sms_to_landlines: true,
      dtmf_input_required: false,
    }),
  );
  assert.deepEqual(formOf(onlyRequest(verify)), {
    FriendlyName: 'Acme login',
    CodeLength: '8',
    LookupEnabled: 'true',
    SkipSmsToLandlines: 'true',
    DtmfInputRequired: 'false',
  });
  assert.equal(out.sid, sid('VA', 3));
  assert.equal(out.code_length, 8);
});

test('create_verify_service refuses a code length Twilio would not take', async (t) => {
  const { verify, call } = await setup(t);
  assert.match(
    failure(await call('create_verify_service', { friendly_name: 'A', code_length: 12 })),
    /code_length/,
  );
  assert.equal(verify.requests.length, 0);
});

test('start_verification sends To and Channel and says where the code went', async (t) => {
  const { verify, call } = await setup(t);
  verify.route(`POST /v2/Services/${SERVICE}/Verifications`, { status: 201, body: verification(SERVICE) });
  const out = data(await call('start_verification', { service_sid: SERVICE, to: TO, channel: 'sms' }));
  assert.deepEqual(formOf(onlyRequest(verify)), { To: TO, Channel: 'sms' });
  assert.equal(
    out.sent,
    `Sent a verification code by sms to ${TO}: verification ${sid('VE', 1)}, status pending`,
  );
  assert.deepEqual(out.verification, {
    sid: sid('VE', 1),
    service_sid: SERVICE,
    to: TO,
    channel: 'sms',
    status: 'pending',
    valid: false,
    date_created: ISO,
  });
});

test('start_verification refuses an unknown channel or a malformed service SID', async (t) => {
  const { verify, call } = await setup(t);
  assert.match(
    failure(await call('start_verification', { service_sid: SERVICE, to: TO, channel: 'fax' })),
    /channel/,
  );
  assert.match(
    failure(await call('start_verification', { service_sid: 'VA123', to: TO, channel: 'sms' })),
    /service_sid: must be a Verify service SID: VA followed by 32 hexadecimal characters/,
  );
  assert.equal(verify.requests.length, 0);
});

test('check_verification says approved when the code matches', async (t) => {
  const { verify, call } = await setup(t);
  verify.route(`POST /v2/Services/${SERVICE}/VerificationCheck`, { body: verificationCheck(SERVICE) });
  const out = data(await call('check_verification', { service_sid: SERVICE, to: TO, code: 123456 }));
  assert.deepEqual(formOf(onlyRequest(verify)), { To: TO, Code: '123456' });
  assert.equal(out.approved, true);

  verify.route(`POST /v2/Services/${SERVICE}/VerificationCheck`, {
    body: verificationCheck(SERVICE, { status: 'pending', valid: false }),
  });
  assert.equal(
    data(await call('check_verification', { service_sid: SERVICE, to: TO, code: '000000' })).approved,
    false,
  );
});

test('check_verification of an expired or approved verification (20404) says so, naming the number', async (t) => {
  const { verify, call } = await setup(t);
  verify.route(`POST /v2/Services/${SERVICE}/VerificationCheck`, {
    status: 404,
    body: twilioError(
      404,
      20404,
      `The requested resource /Services/${SERVICE}/VerificationCheck was not found`,
    ),
  });
  assert.equal(
    failure(await call('check_verification', { service_sid: SERVICE, to: TO, code: '123456' })),
    `Pending verification not found: for ${TO} in Verify service ${SERVICE} (a verification expires 10 ` +
      'minutes after it starts and ends once approved)',
  );
  assert.equal(verify.requests.length, 1, 'a 404 is not retried');
});

test("Verify's attempt limits (429 60202, 60203) fail at once, naming the argument, without retries", async (t) => {
  const { verify, call, sleeps } = await setup(t);
  verify.route(`POST /v2/Services/${SERVICE}/Verifications`, {
    status: 429,
    body: twilioError(429, 60203, 'Max send attempts reached'),
  });
  verify.route(`POST /v2/Services/${SERVICE}/VerificationCheck`, {
    status: 429,
    body: twilioError(429, 60202, 'Max check attempts reached'),
  });
  assert.equal(
    failure(await call('start_verification', { service_sid: SERVICE, to: TO, channel: 'sms' })),
    'to: was sent too many codes: wait 10 minutes before starting another verification (error 60203: Max send attempts reached)',
  );
  assert.equal(
    failure(await call('check_verification', { service_sid: SERVICE, to: TO, code: '111111' })),
    'code: was checked too many times: start a new verification (error 60202: Max check attempts reached)',
  );
  assert.equal(verify.requests.length, 2);
  assert.deepEqual(sleeps, []);
});

test("Verify's attempt limits are not retried even when their 429 carries a short Retry-After", async (t) => {
  const { verify, call, sleeps } = await setup(t);
  verify.route(`POST /v2/Services/${SERVICE}/Verifications`, {
    status: 429,
    headers: { 'retry-after': '1' },
    body: twilioError(429, 60203, 'Max send attempts reached'),
  });
  assert.match(
    failure(await call('start_verification', { service_sid: SERVICE, to: TO, channel: 'sms' })),
    /^to: was sent too many codes/,
  );
  assert.equal(verify.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('lookup_phone_number asks Lookup v2 for the data packages in add_ons (carrier is line_type_intelligence)', async (t) => {
  const { lookups, call } = await setup(t);
  const lineType = {
    carrier_name: 'T-Mobile USA, Inc.',
    type: 'mobile',
    mobile_country_code: '310',
    mobile_network_code: '160',
    error_code: null,
  };
  lookups.route(`GET /v2/PhoneNumbers/${TO}`, { body: lookup(TO, { line_type_intelligence: lineType }) });
  const out = data(
    await call('lookup_phone_number', { phone_number: TO, add_ons: ['carrier'], country_code: 'us' }),
  );
  const req = onlyRequest(lookups);
  assert.equal(req.path, `/v2/PhoneNumbers/${TO}`);
  assert.deepEqual(query(req), { Fields: 'line_type_intelligence', CountryCode: 'US' });
  assert.deepEqual(out, {
    phone_number: TO,
    national_format: '(555) 867-5310',
    country_code: 'US',
    calling_country_code: '1',
    valid: true,
    validation_errors: [],
    packages: { line_type_intelligence: lineType },
  });
});

test('lookup_phone_number without add_ons asks for the basic lookup only; an unknown package is refused', async (t) => {
  const { lookups, call } = await setup(t);
  lookups.route('GET /v2/PhoneNumbers/5558675310', {
    body: lookup('+15558675310', { valid: false, validation_errors: ['TOO_SHORT'] }),
  });
  const out = data(await call('lookup_phone_number', { phone_number: '5558675310' }));
  assert.deepEqual(query(onlyRequest(lookups)), {});
  assert.equal(out.valid, false);
  assert.deepEqual(out.packages, {});
  assert.match(
    failure(await call('lookup_phone_number', { phone_number: TO, add_ons: ['payfone_tcpa'] })),
    /^add_ons: Twilio Lookup has no data package "payfone_tcpa"; it offers validation, caller_name/,
  );
  assert.equal(lookups.requests.length, 1);
});
