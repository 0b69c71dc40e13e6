import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { ACCOUNT, call as callOf, FROM, page2010, sid, TO, twilioError } from './fake-twilio.js';
import { data, failure, formOf, onlyRequest, setup } from './harness.js';

const CALLS = `${ACCOUNT}/Calls.json`;
const queuedCall = (form: Record<string, string | string[]>) =>
  callOf(0xc1, {
    to: form.To,
    from: form.From,
    status: 'queued',
    duration: null,
    start_time: null,
    end_time: null,
    price: null,
  });

test('make_call with text speaks it through inline TwiML, escaped, and says who is called', async (t) => {
  const { api, call } = await setup(t);
  api.route(`POST ${CALLS}`, (req) => ({ status: 201, body: queuedCall(formOf(req)) }));
  const out = data(await call('make_call', { to: TO, from: FROM, text: 'Your code is 1 < 2 & "fine"' }));
  const req = onlyRequest(api);
  assert.equal(req.method, 'POST');
  assert.deepEqual(formOf(req), {
    To: TO,
    From: FROM,
    Twiml: '<Response><Say>Your code is 1 &lt; 2 &amp; &quot;fine&quot;</Say></Response>',
  });
  assert.equal(
    out.placed,
    `Calling ${TO} from ${FROM}, saying "Your code is 1 < 2 & "fine"": call ${sid('CA', 0xc1)}, status queued`,
  );
  assert.deepEqual(out.call, {
    sid: sid('CA', 0xc1),
    to: TO,
    from: FROM,
    status: 'queued',
    direction: 'outbound-api',
    start_time: null,
    end_time: null,
    duration: null,
    price: null,
    price_unit: 'USD',
    answered_by: null,
    parent_call_sid: null,
    date_created: '2023-08-24T05:01:45.000Z',
  });
});

test('make_call with url sends Url and a status callback', async (t) => {
  const { api, call } = await setup(t);
  api.route(`POST ${CALLS}`, (req) => ({ status: 201, body: queuedCall(formOf(req)) }));
  const out = data(
    await call('make_call', {
      to: TO,
      from: FROM,
      url: 'https://demo.twilio.com/docs/voice.xml',
      status_callback: 'https://example.com/status',
    }),
  );
  assert.deepEqual(formOf(onlyRequest(api)), {
    To: TO,
    From: FROM,
    Url: 'https://demo.twilio.com/docs/voice.xml',
    StatusCallback: 'https://example.com/status',
  });
  assert.match(
    String(out.placed),
    /following the TwiML at https:\/\/demo\.twilio\.com\/docs\/voice\.xml: call CA/,
  );
});

test('make_call needs exactly one of url and text', async (t) => {
  const { api, call } = await setup(t);
  assert.equal(
    failure(await call('make_call', { to: TO, from: FROM })),
    'url, text: give one of them (TwiML instructions at url, or text to speak)',
  );
  assert.equal(
    failure(await call('make_call', { to: TO, from: FROM, text: 'hi', url: 'https://example.com/t.xml' })),
    'url, text: give only one of them',
  );
  assert.match(
    failure(await call('make_call', { to: TO, from: FROM, text: 'x'.repeat(4000) })),
    /^text: too long/,
  );
  assert.equal(api.requests.length, 0);
});

test('a call Twilio fails on with 5xx is not placed twice', async (t) => {
  const { api, call } = await setup(t);
  api.route(`POST ${CALLS}`, { status: 503, body: twilioError(503, 20503, 'Service Unavailable') });
  assert.match(
    failure(await call('make_call', { to: TO, from: FROM, text: 'hello' })),
    /while placing the call to \+15558675310; it may have gone through/,
  );
  assert.equal(api.requests.length, 1);
});

test('list_calls returns calls trimmed, with durations and ISO times', async (t) => {
  const { api, call } = await setup(t);
  api.route(`GET ${CALLS}`, {
    body: page2010('calls', 'Calls.json', [callOf(1), callOf(2, { status: 'busy' })]),
  });
  const out = data(await call('list_calls', { page_size: 20 }));
  assert.deepEqual(query(onlyRequest(api)), { PageSize: '20' });
  assert.equal(out.count, 2);
  assert.equal(out.next_page_token, null);
  const [first, second] = out.calls as Record<string, unknown>[];
  assert.equal(first?.duration, '15');
  assert.equal(first?.end_time, '2023-08-24T05:02:00.000Z');
  assert.equal(second?.status, 'busy');
});

test('fetch_call returns the call; full adds the whole resource', async (t) => {
  const { api, call } = await setup(t);
  const callSid = sid('CA', 5);
  api.route(`GET ${ACCOUNT}/Calls/${callSid}.json`, { body: callOf(5) });
  const out = data(await call('fetch_call', { call_sid: callSid, full: true }));
  assert.equal(onlyRequest(api).path, `${ACCOUNT}/Calls/${callSid}.json`);
  assert.equal(out.sid, callSid);
  assert.equal((out.resource as { to_formatted: string }).to_formatted, '(555) 867-5310');
});
