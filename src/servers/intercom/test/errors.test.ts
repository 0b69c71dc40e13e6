import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONTACT, errorList, ticket, unauthorized } from './fake-intercom.js';
import { data, failure, NOW, onlyRequest, setup, TOKEN } from './harness.js';

const GET_TICKET = 'GET /tickets/631';

for (const body of [unauthorized, errorList('token_revoked', 'The token has been revoked')]) {
  const code = body.errors[0]?.code;
  test(`${code} asks the user to re-authenticate, without echoing the token`, async (t) => {
    const { fake, call } = await setup(t);
    fake.route(GET_TICKET, { status: 401, body });
    const message = failure(await call('get_ticket', { ticket_id: '631' }));
    assert.equal(
      message,
      'Not authenticated with intercom: Intercom rejected the stored token (revoked, or the app was uninstalled). Re-authenticate with `gumcp auth intercom`.',
    );
    assert.ok(!message.includes(TOKEN));
    onlyRequest(fake);
  });
}

test('token_unauthorized names the permission the tool needs', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /tickets', {
    status: 403,
    body: errorList('token_unauthorized', 'The token or API Key is not allowed to access the resource'),
  });
  assert.equal(
    failure(
      await call('create_ticket', {
        contact_id: CONTACT,
        ticket_type_id: '67',
        title: 't',
        description: 'd',
      }),
    ),
    'Permission denied: the stored token lacks the scope "tickets.write". Re-authenticate to grant it.',
  );
});

test('not_found names the id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET_TICKET, { status: 404, body: errorList('not_found', 'Resource Not Found') });
  assert.equal(failure(await call('get_ticket', { ticket_id: '631' })), 'Ticket not found: 631');
});

test('api_plan_restricted says the plan lacks the feature', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET_TICKET, {
    status: 403,
    body: errorList('api_plan_restricted', 'Active subscription needed.'),
  });
  assert.equal(
    failure(await call('get_ticket', { ticket_id: '631' })),
    "Intercom refused: Active subscription needed. (api_plan_restricted: this API or feature is not on the workspace's plan)",
  );
});

test('a 429 waits until X-RateLimit-Reset, then the call succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(GET_TICKET, {
    status: 429,
    headers: {
      'x-ratelimit-limit': '167',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(NOW / 1000 + 4),
    },
    body: errorList('rate_limit_exceeded', 'Exceeded rate limit of 167 in 10_seconds'),
  });
  fake.route(GET_TICKET, { body: ticket('631') });
  assert.equal(data(await call('get_ticket', { ticket_id: '631' })).id, '631');
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(sleeps, [4000], 'waited exactly until the window resets');
});

test('a 429 that persists says the limit and when it resets', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET_TICKET, {
    status: 429,
    headers: {
      'x-ratelimit-limit': '167',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(NOW / 1000 + 4),
    },
    body: errorList('rate_limit_exceeded', 'Exceeded rate limit of 167 in 10_seconds'),
  });
  assert.equal(
    failure(await call('get_ticket', { ticket_id: '631' })),
    'Rate limited by Intercom (167 requests a window: Exceeded rate limit of 167 in 10_seconds); the limit resets at 2026-05-01T12:00:04.000Z: try again then',
  );
  assert.equal(fake.requests.length, 3);
});

test('a 429 on a reply is retried too: Intercom did not take it', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /conversations/524/reply', {
    status: 429,
    headers: { 'x-ratelimit-reset': String(NOW / 1000 + 1) },
    body: errorList('rate_limit_exceeded', 'Exceeded rate limit'),
  });
  fake.route('POST /conversations/524/reply', {
    status: 500,
    body: errorList('server_error', 'Server Error'),
  });
  assert.match(
    failure(await call('reply_to_conversation', { conversation_id: '524', message: 'Hi' })),
    /the request may have gone through/,
  );
  assert.equal(fake.requests.length, 2, 'the 429 is retried once; the 5xx on a reply is not');
});

test('5xx on a read is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET_TICKET, { status: 503, body: errorList('service_unavailable', 'Service Unavailable') });
  assert.equal(
    failure(await call('get_ticket', { ticket_id: '631' })),
    'Intercom failed (HTTP 503); try again later',
  );
  assert.equal(fake.requests.length, 3);
});

test('an id that could step out of its path is refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('get_ticket', { ticket_id: '631/reply' })), /ticket_id/);
  assert.match(
    failure(await call('associate_contact_with_company', { contact_id: '../admins', company_id: 'x' })),
    /contact_id/,
  );
  assert.equal(fake.requests.length, 0);
});

test('without stored credentials, or without an access token, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(failure(await none.call('list_admins')), /Not authenticated with intercom: no credentials/);
  const empty = await setup(t, { region: 'eu' });
  assert.match(failure(await empty.call('list_admins')), /stored credentials hold no access token/);
  assert.equal(none.fake.requests.length + empty.fake.requests.length, 0);
});

test('a token replaced mid-session (Intercom tokens do not expire; a new sign-in) is used from the next call', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({
    access_token: ++lookups <= 1 ? 'tok-old' : 'tok-new',
    admin_id: '1',
  }));
  fake.route('GET /admins', { body: { type: 'admin.list', admins: [] } });
  data(await call('list_admins'));
  data(await call('list_admins'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer tok-old', 'Bearer tok-new'],
  );
});
