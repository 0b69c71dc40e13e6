import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENVELOPE, envelope, errors, limits, TEMPLATE, template, USER_ID } from './fake-docusign.js';
import { data, failure, NOW, route, setup, TOKEN } from './harness.js';

const RESET = Math.floor(NOW / 1000) + 40 * 60; // 14:00 UTC

test('USER_AUTHENTICATION_FAILED asks to re-authenticate, and the token is never echoed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `envelopes/${ENVELOPE}`), { status: 401, body: errors.authentication });
  const message = failure(await call('get_envelope', { envelope_id: ENVELOPE }));
  assert.equal(
    message,
    'Not authenticated with docusign: DocuSign rejected the stored token (expired or revoked). Re-authenticate with `gumcp auth docusign`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(fake.requests.length, 1);
});

test('a missing envelope, template or user is named by its id (DocuSign answers 400 with a code)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `envelopes/${ENVELOPE}`), { status: 400, body: errors.noEnvelope });
  fake.route(route('GET', `templates/${TEMPLATE}`), {
    status: 404,
    body: { errorCode: 'RESOURCE_NOT_FOUND', message: 'Not found' },
  });
  fake.route(route('GET', `users/${USER_ID}`), { status: 400, body: errors.badUser });
  fake.route(route('POST', 'envelopes'), { status: 400, body: errors.badTemplate });

  assert.equal(
    failure(await call('get_envelope', { envelope_id: ENVELOPE })),
    `Envelope not found: ${ENVELOPE}`,
  );
  assert.equal(
    failure(await call('get_template', { template_id: TEMPLATE })),
    `Template not found: ${TEMPLATE}`,
  );
  assert.equal(failure(await call('get_user', { user_id: USER_ID })), `User not found: ${USER_ID}`);
  assert.equal(
    failure(
      await call('create_envelope', {
        template_id: 'tpl-9',
        email_subject: 's',
        status: 'sent',
        documents: [],
        recipients: [{ email: 'a@b.c', name: 'A', role_name: 'Client' }],
      }),
    ),
    'Template not found: tpl-9',
  );
});

test('a permission DocuSign refuses says so, and other 400s give DocuSign’s code and message', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(route('GET', 'users'), { status: 400, body: errors.lacksPermissions });
  fake.once(route('GET', 'users'), {
    status: 400,
    body: {
      errorCode: 'INVALID_REQUEST_PARAMETER',
      message: "The request contained at least one invalid parameter. Invalid value for 'status'.",
    },
  });
  assert.match(
    failure(await call('list_users')),
    /^Permission denied by DocuSign \(USER_LACKS_PERMISSIONS: This user lacks sufficient permissions/,
  );
  assert.equal(
    failure(await call('list_users', { status: 'Sleeping' })),
    "DocuSign refused the request for Users list: INVALID_REQUEST_PARAMETER: The request contained at least one invalid parameter. Invalid value for 'status'.",
  );
});

test('a 429 with Retry-After is retried, then answered', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(route('GET', `templates/${TEMPLATE}`), {
    status: 429,
    headers: { 'retry-after': '0' },
    body: errors.burst,
  });
  fake.route(route('GET', `templates/${TEMPLATE}`), { body: template() });
  data(await call('get_template', { template_id: TEMPLATE }));
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(sleeps, [0]);
});

test('the burst limit is waited out (its 30-second window), then the call goes through', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(route('GET', `templates/${TEMPLATE}`), {
    status: 429,
    headers: limits(2500, RESET, 0),
    body: errors.burst,
  });
  fake.route(route('GET', `templates/${TEMPLATE}`), { body: template() });
  data(await call('get_template', { template_id: TEMPLATE }));
  assert.deepEqual(sleeps, [30_000]);
});

test('the hourly limit is not waited for: the call fails at once naming the limit and when it resets', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(route('GET', `templates/${TEMPLATE}`), {
    status: 429,
    headers: limits(0, RESET),
    body: errors.hourly,
  });
  assert.equal(
    failure(await call('get_template', { template_id: TEMPLATE })),
    "DocuSign's hourly API limit for this account (3000 requests) is used up; it resets at 14:00 UTC (in 40 min)",
  );
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('a burst limit that lasts names it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `templates/${TEMPLATE}`), {
    status: 429,
    headers: limits(100, RESET, 0),
    body: errors.burst,
  });
  assert.equal(
    failure(await call('get_template', { template_id: TEMPLATE })),
    "DocuSign's burst limit for this account (500 requests in 30 seconds) was hit; try again in 30 s",
  );
  assert.equal(fake.requests.length, 3, 'the first try and two retries');
});

test('polling one envelope too often is named as such', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `envelopes/${ENVELOPE}`), { status: 400, body: errors.polling });
  assert.equal(
    failure(await call('get_envelope', { envelope_id: ENVELOPE })),
    'DocuSign refused: too many reads of this envelope in the last hour (HOURLY_ENVELOPE_POLLING_LIMIT_EXCEEDED); wait before asking again',
  );
});

test('a 5xx on a read is retried, then said to be temporary', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(route('GET', `envelopes/${ENVELOPE}`), { status: 503, body: 'Service Unavailable' });
  fake.route(route('GET', `envelopes/${ENVELOPE}`), { body: envelope() });
  data(await call('get_envelope', { envelope_id: ENVELOPE }));
  assert.equal(fake.requests.length, 2);

  const down = await setup(t);
  down.fake.route(route('GET', `envelopes/${ENVELOPE}`), {
    status: 500,
    body: { errorCode: 'UNSPECIFIED_ERROR', message: 'x' },
  });
  assert.equal(
    failure(await down.call('get_envelope', { envelope_id: ENVELOPE })),
    'DocuSign failed (HTTP 500); try again later',
  );
  assert.equal(down.fake.requests.length, 3);
});
