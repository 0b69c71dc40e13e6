import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { failed, idempotencyUsed, success, transactional, transactionalPage } from './fake-loops.js';
import { assertAuth, data, failure, setup } from './harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const SEND = {
  to_email: 'ada@example.com',
  transactional_id: 'cll42l54f20i1la0lfooe3z12',
  add_to_audience: true,
  data_variables: { name: 'Ada', passwordResetLink: 'https://example.com/reset' },
  attachments: [{ filename: 'invoice.pdf', contentType: 'application/pdf', data: 'SGVsbG8=' }],
};

test('send_transactional_email posts Loops’ body with a fresh Idempotency-Key and says what was sent to whom', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/transactional', { body: success });

  const out = data(await call('send_transactional_email', SEND));

  assert.equal(out.status, 'sent');
  assert.equal(out.to, 'ada@example.com');
  assert.equal(out.transactional_id, 'cll42l54f20i1la0lfooe3z12');
  assert.equal(
    out.message,
    'Sent transactional email cll42l54f20i1la0lfooe3z12 to ada@example.com with data variables name, ' +
      'passwordResetLink and attachments invoice.pdf; the recipient is added to the audience.',
  );
  const req = only(fake, 'POST', '/api/v1/transactional');
  assertAuth(req);
  assert.match(String(req.headers['idempotency-key']), UUID);
  assert.equal(out.idempotency_key, req.headers['idempotency-key']);
  assert.deepEqual(req.body, {
    email: 'ada@example.com',
    transactionalId: 'cll42l54f20i1la0lfooe3z12',
    addToAudience: true,
    dataVariables: { name: 'Ada', passwordResetLink: 'https://example.com/reset' },
    attachments: [{ filename: 'invoice.pdf', contentType: 'application/pdf', data: 'SGVsbG8=' }],
  });
});

test('each call has its own key; the caller’s idempotency_key is sent as given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/transactional', { body: success });
  await call('send_transactional_email', { to_email: 'a@example.com', transactional_id: 't1' });
  await call('send_transactional_email', { to_email: 'a@example.com', transactional_id: 't1' });
  const out = data(
    await call('send_transactional_email', {
      to_email: 'a@example.com',
      transactional_id: 't1',
      idempotency_key: 'order-1042',
    }),
  );
  const keys = fake.requests.map((r) => r.headers['idempotency-key']);
  assert.notEqual(keys[0], keys[1]);
  assert.equal(keys[2], 'order-1042');
  assert.equal(out.idempotency_key, 'order-1042');
  assert.deepEqual(fake.requests[0]?.body, { email: 'a@example.com', transactionalId: 't1' });
});

test('after a 503 the send is retried with the same key, so Loops cannot send twice', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /api/v1/transactional', { status: 503, body: {} });
  fake.route('POST /api/v1/transactional', { body: success });
  assert.equal(data(await call('send_transactional_email', SEND)).status, 'sent');
  assert.equal(fake.requests.length, 2);
  const [first, second] = fake.requests;
  assert.equal(first?.headers['idempotency-key'], second?.headers['idempotency-key']);
  assert.deepEqual(first?.body, second?.body);
});

test('a retry Loops answers with 409 (the key was used: the first attempt went through) reports already sent', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /api/v1/transactional', { status: 500, body: {} });
  fake.route('POST /api/v1/transactional', { status: 409, body: idempotencyUsed });
  const out = data(
    await call('send_transactional_email', { to_email: 'ada@example.com', transactional_id: 't1' }),
  );
  assert.equal(out.status, 'already_sent');
  assert.equal(
    out.message,
    'Already sent earlier (nothing sent again): transactional email t1 to ada@example.com.',
  );
  assert.equal(fake.requests.length, 2);
});

test('a repeated caller key is reported as already sent, not as a failure', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/events/send', { status: 409, body: idempotencyUsed });
  const out = data(
    await call('send_event_by_email', {
      email: 'ada@example.com',
      event_name: 'signup',
      idempotency_key: 'k1',
    }),
  );
  assert.deepEqual(out, {
    status: 'already_sent',
    message:
      'Already sent earlier (nothing sent again): event "signup" for ada@example.com; loops triggered by it may email that contact.',
    idempotency_key: 'k1',
  });
});

test('an idempotency_key longer than Loops’ 100 characters names the argument', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(
      await call('send_transactional_email', {
        to_email: 'a@example.com',
        transactional_id: 't1',
        idempotency_key: 'k'.repeat(101),
      }),
    ),
    /idempotency_key/,
  );
  assert.match(
    failure(await call('send_transactional_email', { to_email: 'not-an-email', transactional_id: 't1' })),
    /to_email/,
  );
  assert.equal(fake.requests.length, 0);
});

test('an unknown transactional_id lists the published transactional emails, page after page', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/transactional', {
    status: 404,
    body: {
      success: false,
      message: 'Transactional email not found.',
      error: { path: 'transactionalId', message: 'not found' },
    },
  });
  fake.route('GET /api/v1/transactional', (req) =>
    req.query.get('cursor') === 'c2'
      ? { body: transactionalPage([transactional('t3', 'Receipt')], null, 3) }
      : {
          body: transactionalPage(
            [transactional('t1', 'Welcome'), transactional('t2', 'Password reset')],
            'c2',
            3,
          ),
        },
  );
  assert.equal(
    failure(
      await call('send_transactional_email', { to_email: 'ada@example.com', transactional_id: 'nope' }),
    ),
    'Transactional email not found: nope. Published transactional emails: Welcome (t1), Password reset (t2), Receipt (t3).',
  );
  const pages = fake.requests.filter((r) => r.method === 'GET');
  assert.deepEqual(pages.map(query), [{ perPage: '50' }, { perPage: '50', cursor: 'c2' }]);
  for (const p of pages) assertAuth(p);
});

test('a transactional email Loops refuses (not published, missing variable) gives its message and path', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/transactional', {
    status: 400,
    body: {
      success: false,
      message: 'Missing required data variables.',
      error: { path: 'dataVariables', reason: 'passwordResetLink is required' },
    },
  });
  assert.equal(
    failure(await call('send_transactional_email', { to_email: 'ada@example.com', transactional_id: 't1' })),
    'Loops rejected the request for Transactional email t1 (HTTP 400): Missing required data variables. ' +
      '(dataVariables: passwordResetLink is required)',
  );
});

test('send_event_by_email posts the event with its properties and lists, and says for whom', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/events/send', { body: success });
  const out = data(
    await call('send_event_by_email', {
      email: 'ada@example.com',
      event_name: 'planUpgraded',
      event_properties: { plan: 'pro', seats: 3 },
      mailing_lists: { list_123: true },
    }),
  );
  assert.equal(out.status, 'sent');
  assert.equal(
    out.message,
    'Sent event "planUpgraded" for ada@example.com with properties plan, seats; loops triggered by it may email that contact.',
  );
  const req = only(fake, 'POST', '/api/v1/events/send');
  assertAuth(req);
  assert.match(String(req.headers['idempotency-key']), UUID);
  assert.deepEqual(req.body, {
    email: 'ada@example.com',
    eventName: 'planUpgraded',
    eventProperties: { plan: 'pro', seats: 3 },
    mailingLists: { list_123: true },
  });
});

test('send_event_by_user_id names the contact by userId', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/events/send', { body: success });
  const out = data(await call('send_event_by_user_id', { user_id: 'user_1', event_name: 'signup' }));
  assert.equal(
    out.message,
    'Sent event "signup" for the contact with userId user_1; loops triggered by it may email that contact.',
  );
  assert.deepEqual(only(fake, 'POST', '/api/v1/events/send').body, { userId: 'user_1', eventName: 'signup' });
});

test('an event Loops refuses gives its message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/events/send', { status: 400, body: failed('eventName is required.') });
  assert.match(
    failure(await call('send_event_by_user_id', { user_id: 'user_1', event_name: 'x' })),
    /eventName is required\./,
  );
});
