import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import {
  ACCOUNT_ID,
  accountDescribe,
  created,
  notFound,
  orgLimits,
  serverError,
  sobject,
} from './fake-salesforce.js';
import { data, failure, only, route, setup } from './harness.js';

test('describe_object returns the fields, picklist values, children and record types; full adds the whole answer', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'sobjects/Account/describe'), { body: accountDescribe });
  const out = data(await call('describe_object', { object_name: 'Account' }));
  assert.equal(out.name, 'Account');
  assert.equal(out.key_prefix, '001');
  const fields = out.fields as { name: string; picklist_values?: string[]; reference_to?: string[] }[];
  assert.deepEqual(
    fields.map((f) => f.name),
    ['Id', 'Name', 'Industry', 'OwnerId'],
  );
  assert.deepEqual(fields[2]?.picklist_values, ['Technology']);
  assert.deepEqual(fields[3]?.reference_to, ['User']);
  assert.deepEqual(out.child_relationships, [
    { child_object: 'Contact', field: 'AccountId', relationship_name: 'Contacts' },
  ]);
  assert.equal(out.full, undefined);
  only(fake, 'GET', 'sobjects/Account/describe');

  const full = data(await call('describe_object', { object_name: 'Account', full: true }));
  assert.deepEqual((full.full as { urls: unknown }).urls, accountDescribe.urls);
});

test('get_record reads the record with the fields asked for', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `sobjects/Account/${ACCOUNT_ID}`), {
    body: sobject('Account', ACCOUNT_ID, { Name: 'Acme' }),
  });
  const out = data(
    await call('get_record', {
      object_name: 'Account',
      record_id: ACCOUNT_ID,
      fields: ['Name', 'Owner.Name'],
    }),
  );
  assert.equal((out.record as { Name: string }).Name, 'Acme');
  assert.deepEqual(query(only(fake, 'GET', `sobjects/Account/${ACCOUNT_ID}`)), { fields: 'Name,Owner.Name' });
});

test('a record id that is not a Salesforce id is refused, naming the argument', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('get_record', { object_name: 'Account', record_id: '../limits' })),
    /record_id/,
  );
  assert.equal(fake.requests.length, 0);
});

test('create_record posts the data and returns Salesforce’s save result', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'sobjects/Account'), created(ACCOUNT_ID));
  const out = data(
    await call('create_record', { object_name: 'Account', data: { Name: 'Acme', NumberOfEmployees: 5 } }),
  );
  assert.deepEqual(out, { id: ACCOUNT_ID, success: true, errors: [] });
  const req = only(fake, 'POST', 'sobjects/Account');
  assert.deepEqual(req.body, { Name: 'Acme', NumberOfEmployees: 5 });
  assert.match(String(req.headers['content-type']), /application\/json/);
});

test('update_record patches the fields given and reports 204', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('PATCH', `sobjects/Account/${ACCOUNT_ID}`), { status: 204 });
  const out = data(
    await call('update_record', {
      object_name: 'Account',
      record_id: ACCOUNT_ID,
      data: { Industry: 'Technology' },
    }),
  );
  assert.deepEqual(out, {
    id: ACCOUNT_ID,
    object_name: 'Account',
    updated: true,
    status_code: 204,
    fields: ['Industry'],
  });
  assert.deepEqual(only(fake, 'PATCH', `sobjects/Account/${ACCOUNT_ID}`).body, { Industry: 'Technology' });
});

test('update_record with empty data is refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('update_record', { object_name: 'Account', record_id: ACCOUNT_ID, data: {} })),
    /data/,
  );
  assert.equal(fake.requests.length, 0);
});

test('delete_record deletes; a retry that finds the record gone is not a failure', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('DELETE', `sobjects/Account/${ACCOUNT_ID}`), { status: 204 });
  assert.deepEqual(data(await call('delete_record', { object_name: 'Account', record_id: ACCOUNT_ID })), {
    id: ACCOUNT_ID,
    deleted: true,
    status_code: 204,
    message: `Account ${ACCOUNT_ID} deleted.`,
  });

  const other = '0015e00000ZzZzZAAZ';
  // The first attempt went through but its answer was lost (500); the retry then finds nothing.
  fake.once(route('DELETE', `sobjects/Account/${other}`), serverError);
  fake.route(route('DELETE', `sobjects/Account/${other}`), notFound);
  const out = data(await call('delete_record', { object_name: 'Account', record_id: other }));
  assert.equal(out.deleted, false);
  assert.match(String(out.message), /already deleted, or the id is wrong/);
  assert.equal(fake.requests.filter((r) => r.path.endsWith(other)).length, 2);
});

test('get_org_limits returns every limit, one by name, or names the limits there are', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'limits'), { body: orgLimits });
  assert.deepEqual(data(await call('get_org_limits')), { limits: orgLimits });
  assert.deepEqual(data(await call('get_org_limits', { limit_type: 'DataStorageMB' })), {
    limits: { DataStorageMB: { Max: 5, Remaining: 4 } },
  });
  assert.equal(
    failure(await call('get_org_limits', { limit_type: 'Nope' })),
    'Invalid arguments: limit_type: the org has no limit "Nope"; it has DailyApiRequests, DataStorageMB, SingleEmail',
  );
});
