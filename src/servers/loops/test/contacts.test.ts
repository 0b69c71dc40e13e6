import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { contact, created, deleted, failed, success } from './fake-loops.js';
import { assertAuth, data, failure, setup } from './harness.js';

test('add_contact posts the body to contacts/create, custom properties and lists included', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts/create', { body: created('c1') });
  const body = {
    email: 'ada@example.com',
    firstName: 'Ada',
    userId: 'user_1',
    subscribed: true,
    mailingLists: { list_123: true },
    planName: 'pro',
    seats: 3,
  };

  assert.deepEqual(data(await call('add_contact', { body })), {
    success: true,
    id: 'c1',
    message: 'Added ada@example.com to the Loops audience',
  });
  const req = only(fake, 'POST', '/api/v1/contacts/create');
  assertAuth(req);
  assert.deepEqual(req.body, body);
});

test('adding a contact that exists (409) says so and points to the update tools', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts/create', {
    status: 409,
    body: failed('Email or userId is already on list.'),
  });
  assert.equal(
    failure(await call('add_contact', { body: { email: 'ada@example.com', userId: 'user_1' } })),
    'A Loops contact with email ada@example.com or userId user_1 already exists; nothing was created. ' +
      'Use update_contact_by_email (or update_contact_by_user_id) to change it.',
  );
  assert.equal(fake.requests.length, 1);
});

test('add_contact needs an email in the body, and property values must be plain', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('add_contact', { body: { firstName: 'Ada' } })), /body\.email/);
  assert.match(
    failure(await call('add_contact', { body: { email: 'ada@example.com', nested: { a: 1 } } })),
    /body\.nested/,
  );
  assert.equal(fake.requests.length, 0);
});

test('update_contact_by_email puts the body with the email; Loops creates the contact if missing', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('PUT /api/v1/contacts/update', { body: created('c1') });
  const out = data(
    await call('update_contact_by_email', {
      email: 'ada@example.com',
      body: { firstName: 'Augusta', planName: null },
    }),
  );
  assert.deepEqual(out, {
    success: true,
    id: 'c1',
    message: 'Updated ada@example.com in Loops (created if it did not exist)',
  });
  const req = only(fake, 'PUT', '/api/v1/contacts/update');
  assertAuth(req);
  assert.deepEqual(req.body, { firstName: 'Augusta', planName: null, email: 'ada@example.com' });
});

test('update_contact_by_email refuses to change the email, which needs the userId', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(
      await call('update_contact_by_email', { email: 'ada@example.com', body: { email: 'new@example.com' } }),
    ),
    /^body\.email: to change a contact's email use update_contact_by_user_id/,
  );
  assert.equal(fake.requests.length, 0);
});

test('update_contact_by_user_id puts the body with the userId, a new email included; retried after a 503', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('PUT /api/v1/contacts/update', { status: 503, body: {} });
  fake.route('PUT /api/v1/contacts/update', { body: created('c1') });
  data(
    await call('update_contact_by_user_id', {
      user_id: 'user_1',
      body: { email: 'new@example.com', userGroup: 'vip' },
    }),
  );
  assert.equal(fake.requests.length, 2);
  for (const r of fake.requests)
    assert.deepEqual(r.body, { email: 'new@example.com', userGroup: 'vip', userId: 'user_1' });
});

test('get_contact_by_email and get_contact_by_user_id find the contact, or say found: false', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v1/contacts/find', (req) => ({
    body: req.query.get('email') === 'ada@example.com' ? [contact('ada@example.com')] : [],
  }));

  const hit = data(await call('get_contact_by_email', { email: 'ada@example.com' }));
  assert.equal(hit.found, true);
  assert.deepEqual(hit.contact, contact('ada@example.com'));
  const miss = data(await call('get_contact_by_user_id', { user_id: 'nobody' }));
  assert.deepEqual(miss, { found: false, contact: null });

  const [byEmail, byUser] = fake.requests;
  assert.ok(byEmail && byUser);
  assertAuth(byEmail);
  assert.deepEqual(query(byEmail), { email: 'ada@example.com' });
  assert.deepEqual(query(byUser), { userId: 'nobody' });
});

test('delete_contact_by_email and delete_contact_by_user_id post one identifier each', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts/delete', { body: deleted });
  assert.deepEqual(data(await call('delete_contact_by_email', { email: 'ada@example.com' })), {
    deleted: true,
    message: 'Deleted ada@example.com from Loops (Contact deleted.)',
  });
  assert.deepEqual(data(await call('delete_contact_by_user_id', { user_id: 'user_1' })), {
    deleted: true,
    message: 'Deleted the contact with userId user_1 from Loops (Contact deleted.)',
  });
  assert.deepEqual(
    fake.requests.map((r) => r.body),
    [{ email: 'ada@example.com' }, { userId: 'user_1' }],
  );
  for (const r of fake.requests) assertAuth(r);
});

test('deleting a contact that does not exist names it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts/delete', { status: 404, body: failed('Contact not found.') });
  assert.equal(
    failure(await call('delete_contact_by_email', { email: 'ghost@example.com' })),
    'Contact not found: ghost@example.com',
  );
  assert.equal(
    failure(await call('delete_contact_by_user_id', { user_id: 'u9' })),
    'Contact not found: with userId u9',
  );
});

test('add_custom_property posts the name and type', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts/properties', { body: success });
  assert.deepEqual(data(await call('add_custom_property', { body: { name: 'planName', type: 'string' } })), {
    success: true,
    name: 'planName',
    type: 'string',
  });
  const req = only(fake, 'POST', '/api/v1/contacts/properties');
  assertAuth(req);
  assert.deepEqual(req.body, { name: 'planName', type: 'string' });
});

test('a property name that is not camelCase, or an unknown type, names the argument', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('add_custom_property', { body: { name: 'Plan Name', type: 'string' } })),
    /body\.name/,
  );
  assert.match(
    failure(await call('add_custom_property', { body: { name: 'plan', type: 'text' } })),
    /body\.type/,
  );
  assert.equal(fake.requests.length, 0);
});

test('Loops’ 400 message is passed on', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts/properties', {
    status: 400,
    body: failed('Property name already taken.'),
  });
  assert.equal(
    failure(await call('add_custom_property', { body: { name: 'planName', type: 'string' } })),
    'Loops rejected the request for Contact property planName (HTTP 400): Property name already taken.',
  );
});
