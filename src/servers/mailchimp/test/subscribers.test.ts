import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { member, notFound, PROBLEM, problem, subscriberList } from './fake-mailchimp.js';
import { data, FAST, failure, only, route, setup } from './harness.js';

const LIST = 'a1b2c3d4e5';
/** Mailchimp addresses a member by the MD5 of the lowercased email. */
const HASH = createHash('md5').update('ada@example.com').digest('hex');
const MEMBER = `lists/${LIST}/members/${HASH}`;

test('add_update_subscriber adds a new member as subscribed, sends only the names given, and says to whom', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST}`), {
    body: subscriberList(LIST, 'Newsletter', { has_welcome: true }),
  });
  fake.route(route('GET', MEMBER), { status: 404, headers: PROBLEM, body: notFound });
  fake.route(route('PUT', MEMBER), { body: member('ada@example.com', 'subscribed', { FNAME: 'Ada' }) });

  const out = data(
    await call('add_update_subscriber', { list_id: LIST, email: 'Ada@Example.com', first_name: 'Ada' }),
  );

  assert.deepEqual(out, {
    action: 'added',
    email: 'Ada@Example.com',
    list_id: LIST,
    list_name: 'Newsletter',
    status: 'subscribed',
    merge_fields_set: ['FNAME'],
    message:
      'Added Ada@Example.com to the audience "Newsletter" (a1b2c3d4e5) as subscribed with FNAME set. ' +
      'The audience’s welcome automation may email them.',
  });
  assert.deepEqual(only(fake, 'PUT', MEMBER).body, {
    email_address: 'Ada@Example.com',
    status_if_new: 'subscribed',
    merge_fields: { FNAME: 'Ada' },
  });
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    [`GET /us6/3.0/lists/${LIST}`, `GET /us6/3.0/${MEMBER}`, `PUT /us6/3.0/${MEMBER}`],
  );
});

test('an existing member is updated and keeps their status (an unsubscribed one is not resubscribed)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST}`), { body: subscriberList(LIST, 'Newsletter') });
  fake.route(route('GET', MEMBER), { body: member('ada@example.com', 'unsubscribed') });
  fake.route(route('PUT', MEMBER), {
    body: member('ada@example.com', 'unsubscribed', { FNAME: 'Ada', LNAME: 'Lovelace' }),
  });

  const out = data(
    await call('add_update_subscriber', {
      list_id: LIST,
      email: 'ada@example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
    }),
  );

  assert.equal(out.action, 'updated');
  assert.equal(out.status, 'unsubscribed');
  assert.equal(
    out.message,
    'Updated ada@example.com in the audience "Newsletter" (a1b2c3d4e5) with FNAME and LNAME set; their status stays unsubscribed.',
  );
  assert.deepEqual(only(fake, 'PUT', MEMBER).body, {
    email_address: 'ada@example.com',
    status_if_new: 'subscribed',
    merge_fields: { FNAME: 'Ada', LNAME: 'Lovelace' },
  });
});

test('status_if_new pending says Mailchimp emails a confirmation; no names sends no merge fields', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST}`), { body: subscriberList(LIST, 'Newsletter') });
  fake.route(route('GET', MEMBER), { status: 404, headers: PROBLEM, body: notFound });
  fake.route(route('PUT', MEMBER), { body: member('ada@example.com', 'pending') });

  const out = data(
    await call('add_update_subscriber', {
      list_id: LIST,
      email: 'ada@example.com',
      status_if_new: 'pending',
    }),
  );

  assert.equal(
    out.message,
    'Added ada@example.com to the audience "Newsletter" (a1b2c3d4e5) as pending. Mailchimp emails them a confirmation request (double opt-in).',
  );
  assert.deepEqual(only(fake, 'PUT', MEMBER).body, {
    email_address: 'ada@example.com',
    status_if_new: 'pending',
  });
});

test('an unknown audience is named before anything is written', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'lists/wrong'), { status: 404, headers: PROBLEM, body: notFound });
  assert.equal(
    failure(await call('add_update_subscriber', { list_id: 'wrong', email: 'ada@example.com' })),
    'Audience not found: wrong',
  );
  assert.equal(fake.requests.length, 1);
});

test('the upsert is not repeated after a 500: the member may have been added', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST}`), { body: subscriberList(LIST, 'Newsletter') });
  fake.route(route('GET', MEMBER), { status: 404, headers: PROBLEM, body: notFound });
  fake.route(route('PUT', MEMBER), {
    status: 500,
    headers: PROBLEM,
    body: problem(500, 'Internal Server Error', 'An unexpected internal error has occurred.'),
  });

  assert.equal(
    failure(await call('add_update_subscriber', { list_id: LIST, email: 'ada@example.com' })),
    'Mailchimp failed (HTTP 500); the member ada@example.com may have been added or updated, so check the audience before trying again',
  );
  assert.equal(fake.requests.filter((r) => r.method === 'PUT').length, 1);
});

test('a refused member names the field Mailchimp objected to', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST}`), { body: subscriberList(LIST, 'Newsletter') });
  fake.route(route('GET', MEMBER), { status: 404, headers: PROBLEM, body: notFound });
  fake.route(route('PUT', MEMBER), {
    status: 400,
    headers: PROBLEM,
    body: problem(400, 'Invalid Resource', 'The resource submitted could not be validated.', [
      { field: 'merge_fields.LNAME', message: 'Please enter a value' },
    ]),
  });
  assert.equal(
    failure(await call('add_update_subscriber', { list_id: LIST, email: 'ada@example.com' })),
    'Mailchimp rejected the request for Member ada@example.com (HTTP 400): Invalid Resource: The resource ' +
      'submitted could not be validated. — merge_fields.LNAME: Please enter a value',
  );
});

test('a wrong email names the argument and reaches no service', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('add_update_subscriber', { list_id: LIST, email: 'not-an-email' })),
    /email/,
  );
  assert.match(
    failure(
      await call('add_update_subscriber', {
        list_id: LIST,
        email: 'a@example.com',
        status_if_new: 'cleaned',
      }),
    ),
    /status_if_new/,
  );
  assert.equal(fake.requests.length, 0);
});

test('add_subscriber_tags posts active tags for the member and names the audience', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST}`), { body: subscriberList(LIST, 'Newsletter') });
  fake.route(route('POST', `${MEMBER}/tags`), { status: 204, body: '' });

  const out = data(
    await call('add_subscriber_tags', {
      list_id: LIST,
      email: 'ada@example.com',
      tags: ['vip', 'beta', 'vip'],
    }),
  );

  assert.deepEqual(out, {
    email: 'ada@example.com',
    list_id: LIST,
    list_name: 'Newsletter',
    tags: ['vip', 'beta'],
    message: 'Tagged ada@example.com in the audience "Newsletter" (a1b2c3d4e5) with vip, beta.',
  });
  assert.deepEqual(only(fake, 'POST', `${MEMBER}/tags`).body, {
    tags: [
      { name: 'vip', status: 'active' },
      { name: 'beta', status: 'active' },
    ],
  });
});

test('tagging someone who is not in the audience names them; no tags is refused', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST}`), { body: subscriberList(LIST, 'Newsletter') });
  fake.route(route('POST', `${MEMBER}/tags`), { status: 404, headers: PROBLEM, body: notFound });
  assert.equal(
    failure(await call('add_subscriber_tags', { list_id: LIST, email: 'ada@example.com', tags: ['vip'] })),
    'Member not found: ada@example.com',
  );
  assert.match(
    failure(await call('add_subscriber_tags', { list_id: LIST, email: 'ada@example.com', tags: [] })),
    /tags/,
  );
});

test('an upsert Mailchimp does not answer in time is not repeated', async (t) => {
  const { fake, call } = await setup(t, undefined, { ...FAST, timeoutMs: 50 });
  fake.route(route('GET', `lists/${LIST}`), { body: subscriberList(LIST, 'Newsletter') });
  fake.route(route('GET', MEMBER), { status: 404, headers: PROBLEM, body: notFound });
  // Mailchimp never answers the PUT: the call gives up after its timeout.
  fake.route(route('PUT', MEMBER), () => new Promise<never>(() => undefined));
  assert.equal(
    failure(await call('add_update_subscriber', { list_id: LIST, email: 'ada@example.com' })),
    'Mailchimp did not answer; the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.filter((r) => r.method === 'PUT').length, 1);
});
