import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { fieldDefinitions, sgErrors } from './fake-sendgrid.js';
import { assertAuth, data, failure, setup } from './harness.js';

const PUT = 'PUT /v3/marketing/contacts';
const job = { status: 202, body: { job_id: '2387e363-4104-4225-8960-4a5758492351' } };

test('add_contact upserts the contact with only the fields given, and reports the job', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(PUT, job);
  const out = data(await call('add_contact', { email: 'ada@example.com', first_name: 'Ada' }));
  assert.deepEqual(out, {
    job_id: '2387e363-4104-4225-8960-4a5758492351',
    email: 'ada@example.com',
    fields: ['first_name'],
    message:
      'SendGrid queued adding or updating the contact ada@example.com (first_name) as job ' +
      '2387e363-4104-4225-8960-4a5758492351; it shows in Marketing Campaigns within a few minutes.',
  });
  const req = only(fake, 'PUT', '/v3/marketing/contacts');
  assertAuth(req);
  // No empty last_name: it would blank the name of a contact that exists.
  assert.deepEqual(req.body, { contacts: [{ email: 'ada@example.com', first_name: 'Ada' }] });
  assert.equal(fake.requests.length, 1, 'no field definitions needed');
});

test('custom fields by name become SendGrid’s field ids, typed; reserved ones go at the top of the contact', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/marketing/field_definitions', { body: fieldDefinitions });
  fake.route(PUT, job);
  const out = data(
    await call('add_contact', {
      email: 'ada@example.com',
      last_name: 'Lovelace',
      custom_fields: {
        plan: 'pro',
        Seats: '3',
        e1_T: 'pro',
        city: 'London',
        alternate_emails: 'a@x.test, b@x.test',
      },
    }),
  );
  assert.deepEqual(out.fields, ['last_name', 'city', 'alternate_emails', 'e1_T', 'e2_N']);
  assertAuth(only(fake, 'GET', '/v3/marketing/field_definitions'));
  assert.deepEqual(only(fake, 'PUT', '/v3/marketing/contacts').body, {
    contacts: [
      {
        email: 'ada@example.com',
        last_name: 'Lovelace',
        city: 'London',
        alternate_emails: ['a@x.test', 'b@x.test'],
        custom_fields: { e1_T: 'pro', e2_N: 3 },
      },
    ],
  });
});

test('an unknown custom field lists the account’s, and a Number field wants a number; nothing is sent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/marketing/field_definitions', { body: fieldDefinitions });
  assert.equal(
    failure(await call('add_contact', { email: 'ada@example.com', custom_fields: { tier: 'gold' } })),
    'custom_fields.tier: no such custom field in SendGrid. Its custom fields are: plan, seats. Create it in ' +
      'Marketing > Custom Fields first.',
  );
  assert.equal(
    failure(await call('add_contact', { email: 'ada@example.com', custom_fields: { seats: 'many' } })),
    'custom_fields.seats: the field is a Number in SendGrid; give a number',
  );
  assert.equal(
    failure(await call('add_contact', { email: 'ada@example.com', custom_fields: { first_name: 'Ada' } })),
    'custom_fields.first_name: give it as the first_name argument',
  );
  assert.equal(fake.requests.filter((r) => r.method === 'PUT').length, 0);
});

test('the upsert is retried after a 503 (repeating it changes nothing more); SendGrid’s 400 names the argument', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(PUT, { status: 503, body: {} });
  fake.route(PUT, job);
  data(await call('add_contact', { email: 'ada@example.com' }));
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(fake.requests[0]?.body, fake.requests[1]?.body);

  fake.route(PUT, {
    status: 400,
    body: sgErrors({ field: 'contacts[0].email', message: 'email is invalid' }),
  });
  assert.equal(
    failure(await call('add_contact', { email: 'ada@example.com' })),
    'SendGrid refused adding the contact (HTTP 400): email: email is invalid',
  );
});
