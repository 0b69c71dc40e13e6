import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { crmObject, page } from './fake-hubspot.js';
import { data, onlyRequest, setup } from './harness.js';

const TICKETS = '/crm/v3/objects/tickets';
const PRODUCTS = '/crm/v3/objects/products';

const ticket = (id: string, extra: Record<string, unknown> = {}) =>
  crmObject(
    id,
    { subject: `Ticket ${id}`, hs_pipeline: '0', hs_pipeline_stage: '1', hs_ticket_priority: 'HIGH' },
    extra,
  );

test('list_tickets passes after, properties, associations and archived, and maps associated ids', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${TICKETS}`, {
    body: page(
      [
        ticket('31', {
          associations: {
            contacts: {
              results: [
                { id: '5101', type: 'ticket_to_contact' },
                { id: '5101', type: 'ticket_to_contact_primary' },
              ],
            },
          },
        }),
      ],
      '32',
    ),
  });

  const out = data(
    await call('list_tickets', {
      limit: 1,
      after: '30',
      properties: ['subject'],
      associations: ['contacts'],
      archived: false,
    }),
  );

  assert.deepEqual(query(onlyRequest(fake)), {
    limit: '1',
    after: '30',
    properties: 'subject',
    associations: 'contacts',
    archived: 'false',
  });
  const [first] = out.results as Record<string, unknown>[];
  assert.deepEqual(first?.associations, { contacts: ['5101'] });
  assert.equal(out.next_after, '32');
});

test('get_ticket reads one ticket with the ticket defaults', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${TICKETS}/31`, { body: ticket('31') });

  const out = data(await call('get_ticket', { ticket_id: '31', associations: 'contacts,companies' }));

  assert.deepEqual(query(onlyRequest(fake)), {
    properties: 'subject,content,hs_pipeline,hs_pipeline_stage,hs_ticket_priority,hs_ticket_category',
    associations: 'contacts,companies',
  });
  assert.equal(out.id, '31');
});

test('create_ticket links the contact (type 16) and the primary company (type 26) in the create request', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${TICKETS}`, { status: 201, body: ticket('33') });

  data(
    await call('create_ticket', {
      subject: 'Engine jammed',
      content: 'Column 3 sticks',
      hs_pipeline: '0',
      hs_pipeline_stage: '1',
      hs_ticket_priority: 'HIGH',
      contact_id: '5101',
      company_id: '801',
    }),
  );

  assert.deepEqual(onlyRequest(fake).body, {
    properties: {
      subject: 'Engine jammed',
      content: 'Column 3 sticks',
      hs_pipeline: '0',
      hs_pipeline_stage: '1',
      hs_ticket_priority: 'HIGH',
    },
    associations: [
      { to: { id: '5101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 16 }] },
      { to: { id: '801' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 26 }] },
    ],
  });
});

test('update_ticket patches, delete_ticket archives, merge_tickets merges', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${TICKETS}/31`, { body: ticket('31') });
  fake.route(`DELETE ${TICKETS}/31`, { status: 204 });
  fake.route(`POST ${TICKETS}/merge`, { body: ticket('31') });

  data(await call('update_ticket', { ticket_id: '31', hs_pipeline_stage: '4' }));
  assert.deepEqual(data(await call('delete_ticket', { ticket_id: '31' })), {
    id: '31',
    deleted: true,
    message: 'Ticket 31 was moved to the recycle bin.',
  });
  const merged = data(await call('merge_tickets', { primary_ticket_id: '31', secondary_ticket_id: '35' }));

  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, r.body]),
    [
      ['PATCH', `${TICKETS}/31`, { properties: { hs_pipeline_stage: '4' } }],
      ['DELETE', `${TICKETS}/31`, undefined],
      ['POST', `${TICKETS}/merge`, { primaryObjectId: '31', objectIdToMerge: '35' }],
    ],
  );
  assert.equal(merged.merged_id, '35');
});

test('list_products and get_product (with the history of a property)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PRODUCTS}`, { body: page([crmObject('71', { name: 'Gear', price: '12.50' })]) });
  fake.route(`GET ${PRODUCTS}/71`, {
    body: crmObject(
      '71',
      { name: 'Gear', price: '12.50' },
      {
        propertiesWithHistory: {
          price: [
            {
              value: '12.50',
              timestamp: '2024-05-02T09:30:00.000Z',
              sourceType: 'CRM_UI',
              updatedByUserId: 215482,
            },
            { value: '10.00', timestamp: '2024-05-01T10:00:00.000Z', sourceType: 'API' },
          ],
        },
      },
    ),
  });

  const listed = data(await call('list_products', { archived: true }));
  const one = data(await call('get_product', { product_id: '71', properties_with_history: ['price'] }));

  assert.deepEqual(query(fake.requests[0] as never), {
    limit: '10',
    properties: 'name,description,price,hs_sku,hs_cost_of_goods_sold,hs_recurring_billing_period',
    archived: 'true',
  });
  assert.equal(query(fake.requests[1] as never).propertiesWithHistory, 'price');
  assert.equal(listed.count, 1);
  assert.deepEqual(one.propertiesWithHistory, {
    price: [
      { value: '12.50', timestamp: '2024-05-02T09:30:00.000Z', sourceType: 'CRM_UI' },
      { value: '10.00', timestamp: '2024-05-01T10:00:00.000Z', sourceType: 'API' },
    ],
  });
});

test('create_product, update_product and delete_product send prices as text', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${PRODUCTS}`, { status: 201, body: crmObject('72', { name: 'Cog', price: '3' }) });
  fake.route(`PATCH ${PRODUCTS}/72`, { body: crmObject('72', { price: '3.25' }) });
  fake.route(`DELETE ${PRODUCTS}/72`, { status: 204 });

  data(
    await call('create_product', {
      name: 'Cog',
      price: 3,
      hs_sku: 'COG-1',
      hs_cost_of_goods_sold: 1.2,
      hs_recurring_billing_period: 'P12M',
    }),
  );
  data(await call('update_product', { product_id: '72', price: 3.25 }));
  data(await call('delete_product', { product_id: '72' }));

  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, r.body]),
    [
      [
        'POST',
        PRODUCTS,
        {
          properties: {
            name: 'Cog',
            price: '3',
            hs_sku: 'COG-1',
            hs_cost_of_goods_sold: '1.2',
            hs_recurring_billing_period: 'P12M',
          },
          associations: [],
        },
      ],
      ['PATCH', `${PRODUCTS}/72`, { properties: { price: '3.25' } }],
      ['DELETE', `${PRODUCTS}/72`, undefined],
    ],
  );
});
