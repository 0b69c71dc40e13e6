import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { crmObject, page, searchPage } from './fake-hubspot.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const COMPANIES = '/crm/v3/objects/companies';
const DEALS = '/crm/v3/objects/deals';

const created = (id: string) => (req: { body: unknown }) => ({
  status: 201,
  body: crmObject(id, (req.body as { properties: Record<string, string> }).properties),
});

test('list_companies lists with the company defaults; with a query it searches', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${COMPANIES}`, {
    body: page([crmObject('801', { name: 'Analytical Engines', domain: 'ae.example' })]),
  });
  fake.route(`POST ${COMPANIES}/search`, {
    body: searchPage([crmObject('801', { name: 'Analytical Engines' })], 1),
  });

  const listed = data(await call('list_companies', {}));
  const found = data(await call('list_companies', { query: 'engines', limit: 2 }));

  assert.deepEqual(query(fake.requests[0] as never), {
    limit: '10',
    properties: 'name,domain,description,industry,city,state,country,phone',
  });
  assert.deepEqual((fake.requests[1]?.body as Record<string, unknown>).query, 'engines');
  assert.equal((fake.requests[1]?.body as Record<string, unknown>).limit, 2);
  assert.equal(listed.count, 1);
  assert.equal(found.total, 1);
});

test('create_company and update_company send the named fields and extra properties', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${COMPANIES}`, created('801'));
  fake.route(`PATCH ${COMPANIES}/801`, {
    body: crmObject('801', { name: 'AE Ltd', industry: 'COMPUTER_SOFTWARE' }),
  });

  const made = data(
    await call('create_company', { name: 'Analytical Engines', domain: 'ae.example', country: 'UK' }),
  );
  const changed = data(
    await call('update_company', {
      company_id: '801',
      name: 'AE Ltd',
      properties: { industry: 'COMPUTER_SOFTWARE' },
    }),
  );

  assert.deepEqual(fake.requests[0]?.body, {
    properties: { name: 'Analytical Engines', domain: 'ae.example', country: 'UK' },
    associations: [],
  });
  assert.deepEqual(fake.requests[1]?.body, { properties: { name: 'AE Ltd', industry: 'COMPUTER_SOFTWARE' } });
  assert.equal(made.id, '801');
  assert.equal((changed.properties as Record<string, string>).name, 'AE Ltd');
});

test('list_deals with a query searches deals, with the deal defaults', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${DEALS}/search`, { body: searchPage([crmObject('901', { dealname: 'Engine #2' })], 1) });

  const out = data(await call('list_deals', { query: 'engine' }));

  assert.deepEqual(onlyRequest(fake).body, {
    query: 'engine',
    filterGroups: [],
    sorts: [],
    properties: ['dealname', 'amount', 'dealstage', 'closedate', 'pipeline'],
    limit: 10,
    after: '0',
  });
  assert.equal(out.count, 1);
});

test('create_deal links the contact (type 3) and the primary company (type 5) in the create request', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${DEALS}`, created('901'));

  const out = data(
    await call('create_deal', {
      dealname: 'Engine #2',
      amount: 7500.5,
      dealstage: 'appointmentscheduled',
      pipeline: 'default',
      closedate: '2025-06-30',
      contact_id: '5101',
      company_id: '801',
    }),
  );

  assert.deepEqual(onlyRequest(fake).body, {
    properties: {
      dealname: 'Engine #2',
      amount: '7500.5',
      dealstage: 'appointmentscheduled',
      pipeline: 'default',
      closedate: '2025-06-30',
    },
    associations: [
      { to: { id: '5101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }] },
      { to: { id: '801' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 }] },
    ],
  });
  assert.equal((out.properties as Record<string, string>).amount, '7500.5');
});

test('update_deal moves a deal to another stage; a non-numeric amount is refused by name', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${DEALS}/901`, { body: crmObject('901', { dealstage: 'closedwon', amount: '8000' }) });

  data(await call('update_deal', { deal_id: '901', dealstage: 'closedwon', amount: '8000' }));

  assert.deepEqual(onlyRequest(fake).body, { properties: { dealstage: 'closedwon', amount: '8000' } });
  assert.match(failure(await call('update_deal', { deal_id: '901', amount: 'lots' })), /amount/);
  assert.equal(fake.requests.length, 1);
});
