import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { contact, crmObject, page, searchPage } from './fake-hubspot.js';
import { assertAuth, data, failure, onlyRequest, setup } from './harness.js';

const CONTACTS = '/crm/v3/objects/contacts';
const DEFAULT_PROPERTIES = 'email,firstname,lastname,phone,company,jobtitle,lifecyclestage';

test('list_contacts follows paging.next.after over two pages up to the limit, with the default properties', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${CONTACTS}`, (req) =>
    req.query.get('after') === 'NTI1Cg%3D%3D'
      ? { body: page([contact('3')], 'NTI3Cg%3D%3D') }
      : { body: page([contact('1'), contact('2')], 'NTI1Cg%3D%3D') },
  );

  const out = data(await call('list_contacts', { limit: 3 }));

  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { limit: '3', properties: DEFAULT_PROPERTIES },
      { limit: '1', after: 'NTI1Cg%3D%3D', properties: DEFAULT_PROPERTIES },
    ],
  );
  for (const req of fake.requests) assertAuth(req);
  assert.equal(out.count, 3);
  assert.equal(out.next_after, 'NTI3Cg%3D%3D');
  assert.equal(out.total, null);
  const first = (out.results as Record<string, unknown>[])[0];
  assert.deepEqual(first, {
    id: '1',
    properties: { hs_object_id: '1', email: 'person1@example.com', firstname: 'Ada', lastname: 'Lovelace 1' },
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-02T09:30:00.000Z',
    archived: false,
  });
});

test('list_contacts with a query searches HubSpot’s default searchable properties, with the properties asked for', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${CONTACTS}/search`, { body: searchPage([contact('7')], 1) });

  const out = data(
    await call('list_contacts', { query: 'lovelace', limit: 5, properties: ['email', 'phone'] }),
  );

  const req = onlyRequest(fake);
  assert.deepEqual(req.body, {
    query: 'lovelace',
    filterGroups: [],
    sorts: [],
    properties: ['email', 'phone'],
    limit: 5,
    after: '0',
  });
  assert.equal(out.count, 1);
  assert.equal(out.total, 1);
  assert.equal(out.next_after, null);
});

test('search_contacts sends one filter; IN takes a list and BETWEEN low and high', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${CONTACTS}/search`, { body: searchPage([contact('7')], 1) });

  data(
    await call('search_contacts', {
      filter_property: 'email',
      filter_operator: 'eq',
      filter_value: 'a@b.co',
    }),
  );
  data(
    await call('search_contacts', {
      filter_property: 'lifecyclestage',
      filter_operator: 'IN',
      filter_value: 'lead, customer',
      properties: 'email,lifecyclestage',
      limit: 50,
    }),
  );
  data(
    await call('search_contacts', {
      filter_property: 'createdate',
      filter_operator: 'BETWEEN',
      filter_value: '2024-01-01,2024-02-01',
    }),
  );

  const bodies = fake.requests.map((r) => r.body as Record<string, unknown>);
  assert.deepEqual(bodies[0], {
    filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'a@b.co' }] }],
    sorts: [],
    properties: DEFAULT_PROPERTIES.split(','),
    limit: 10,
    after: '0',
  });
  assert.deepEqual(bodies[1]?.filterGroups, [
    { filters: [{ propertyName: 'lifecyclestage', operator: 'IN', values: ['lead', 'customer'] }] },
  ]);
  assert.deepEqual(bodies[1]?.properties, ['email', 'lifecyclestage']);
  assert.equal(bodies[1]?.limit, 50);
  assert.deepEqual(bodies[2]?.filterGroups, [
    {
      filters: [
        { propertyName: 'createdate', operator: 'BETWEEN', value: '2024-01-01', highValue: '2024-02-01' },
      ],
    },
  ]);
});

test('search_contacts names a wrong operator or a BETWEEN without two values, before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(
      await call('search_contacts', { filter_property: 'email', filter_operator: 'LIKE', filter_value: 'x' }),
    ),
    /filter_operator/,
  );
  assert.equal(
    failure(
      await call('search_contacts', {
        filter_property: 'createdate',
        filter_operator: 'BETWEEN',
        filter_value: '5',
      }),
    ),
    'Invalid arguments: filter_value: BETWEEN takes "low,high", e.g. "10,20"',
  );
  assert.equal(fake.requests.length, 0);
});

test('create_contact posts the named fields and `properties` as text, with no associations', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${CONTACTS}`, (req) => ({
    status: 201,
    body: crmObject('5101', (req.body as { properties: Record<string, string> }).properties),
  }));

  const out = data(
    await call('create_contact', {
      email: 'ada@example.com',
      firstname: 'Ada',
      city: 'London',
      properties: { hs_lead_status: 'NEW', annualrevenue: 1200000, hs_marketable: true },
    }),
  );

  const req = onlyRequest(fake);
  assert.equal(req.headers['content-type'], 'application/json');
  assert.deepEqual(req.body, {
    properties: {
      email: 'ada@example.com',
      firstname: 'Ada',
      city: 'London',
      hs_lead_status: 'NEW',
      annualrevenue: '1200000',
      hs_marketable: 'true',
    },
    associations: [],
  });
  assert.equal(out.id, '5101');
  assert.equal((out.properties as Record<string, string>).email, 'ada@example.com');
});

test('a property given both as an argument and in `properties` with another value is refused', async (t) => {
  const { fake, call } = await setup(t);
  assert.equal(
    failure(
      await call('create_contact', { email: 'a@b.co', firstname: 'Ada', properties: { firstname: 'Bob' } }),
    ),
    'Invalid arguments: properties.firstname differs from the argument firstname; give the value once',
  );
  assert.match(failure(await call('create_contact', { email: 'not-an-email' })), /email/);
  assert.equal(fake.requests.length, 0);
});

test('update_contact patches only the properties given; with none it refuses', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${CONTACTS}/5101`, {
    body: contact('5101', 'ada@example.com', { jobtitle: 'Countess' }),
  });

  const out = data(
    await call('update_contact', { contact_id: '5101', jobtitle: 'Countess', properties: { phone: null } }),
  );

  const req = onlyRequest(fake);
  assert.deepEqual(req.body, { properties: { jobtitle: 'Countess', phone: '' } });
  assert.equal((out.properties as Record<string, string>).jobtitle, 'Countess');

  assert.equal(
    failure(await call('update_contact', { contact_id: '5101' })),
    'Invalid arguments: give at least one property to change',
  );
  assert.match(
    failure(await call('update_contact', { contact_id: '../deals/1', jobtitle: 'x' })),
    /contact_id/,
  );
  assert.equal(fake.requests.length, 1);
});

test('merge_contacts merges the secondary into the primary and returns the kept record', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${CONTACTS}/merge`, { body: contact('5101') });

  const out = data(
    await call('merge_contacts', { primary_contact_id: '5101', secondary_contact_id: '5102' }),
  );

  assert.deepEqual(onlyRequest(fake).body, { primaryObjectId: '5101', objectIdToMerge: '5102' });
  assert.equal(out.id, '5101');
  assert.equal(out.merged_id, '5102');
  assert.match(
    failure(await call('merge_contacts', { primary_contact_id: '5101', secondary_contact_id: '5101' })),
    /secondary_contact_id: it is the primary contact itself/,
  );
});

test('gdpr_delete_contact deletes by id or by email, and refuses neither or both', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${CONTACTS}/gdpr-delete`, { status: 204 });

  assert.deepEqual(data(await call('gdpr_delete_contact', { contact_id: '5101' })), {
    id: '5101',
    deleted: true,
    message: 'Contact 5101 was permanently deleted (GDPR).',
  });
  data(await call('gdpr_delete_contact', { email: 'ada@example.com' }));
  assert.deepEqual(
    fake.requests.map((r) => r.body),
    [{ objectId: '5101' }, { objectId: 'ada@example.com', idProperty: 'email' }],
  );

  assert.equal(failure(await call('gdpr_delete_contact', {})), 'Invalid arguments: give contact_id or email');
  assert.match(
    failure(await call('gdpr_delete_contact', { contact_id: '5101', email: 'ada@example.com' })),
    /not both/,
  );
  assert.equal(fake.requests.length, 2);
});
