import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { apartments, BASE, districts, TABLE } from './fake-airtable.js';
import { assertAuth, data, failure, onlyRequest, setup } from './harness.js';

const TABLES = `/v0/meta/bases/${BASE}/tables`;

test('list_bases follows offset and returns id, name and permission level', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v0/meta/bases', (req) =>
    req.query.get('offset')
      ? { body: { bases: [{ id: 'appSW9R5uCNmRmfl6', name: 'Project Tracker', permissionLevel: 'edit' }] } }
      : {
          body: {
            bases: [{ id: BASE, name: 'Apartment Hunting', permissionLevel: 'create' }],
            offset: 'itr23sEjsdfEr3282/appSW9R5uCNmRmfl6',
          },
        },
  );
  const out = data(await call('list_bases'));
  assert.deepEqual(fake.requests.map(query), [{}, { offset: 'itr23sEjsdfEr3282/appSW9R5uCNmRmfl6' }]);
  for (const req of fake.requests) assertAuth(req);
  assert.deepEqual(out, {
    count: 2,
    bases: [
      { id: BASE, name: 'Apartment Hunting', permissionLevel: 'create' },
      { id: 'appSW9R5uCNmRmfl6', name: 'Project Tracker', permissionLevel: 'edit' },
    ],
    more: false,
  });
});

test('list_tables summarizes each table with its fields', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${TABLES}`, { body: { tables: [apartments, districts] } });
  const out = data(await call('list_tables', { base_id: BASE }));
  onlyRequest(fake);
  assert.equal(out.count, 2);
  assert.deepEqual((out.tables as unknown[])[1], {
    id: 'tblK6MZHez0ZvBChZ',
    name: 'Districts',
    description: null,
    primaryFieldId: 'fldEVzvQOoULO38yl',
    fields: [{ id: 'fldEVzvQOoULO38yl', name: 'Name', type: 'singleLineText' }],
  });
});

test('base_schema passes include[]=visibleFieldIds and returns fields with options and views', async (t) => {
  const { fake, call } = await setup(t);
  const withVisible = {
    ...apartments,
    views: [
      { id: 'viwQpsuEDqHFqegkp', name: 'Grid view', type: 'grid', visibleFieldIds: ['fld1VnoyuotSTyxW1'] },
    ],
  };
  fake.route(`GET ${TABLES}`, { body: { tables: [withVisible] } });
  const out = data(await call('base_schema', { base_id: BASE, include: 'visibleFieldIds' }));
  const req = onlyRequest(fake);
  assert.deepEqual(query(req), { 'include[]': 'visibleFieldIds' });
  const [table] = out.tables as { fields: { name: string; options: unknown }[]; views: unknown[] }[];
  assert.deepEqual(table?.fields[3]?.options, apartments.fields[3]?.options);
  assert.deepEqual(table?.views, [
    { id: 'viwQpsuEDqHFqegkp', name: 'Grid view', type: 'grid', visibleFieldIds: ['fld1VnoyuotSTyxW1'] },
  ]);
});

test('create_base posts name, workspaceId and tables', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v0/meta/bases', { body: { id: 'appNewBase0000001', tables: [districts] } });
  const tables = [{ name: 'Districts', fields: [{ name: 'Name', type: 'singleLineText' }] }];
  const out = data(await call('create_base', { name: 'City', workspace_id: 'wspmhESAta6clCCwF', tables }));
  const req = onlyRequest(fake);
  assert.deepEqual(req.body, { name: 'City', workspaceId: 'wspmhESAta6clCCwF', tables });
  assert.equal(out.id, 'appNewBase0000001');
  assert.equal((out.tables as unknown[]).length, 1);
});

test('delete_base deletes the base and says so', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE /v0/meta/bases/${BASE}`, { body: { deleted: true, id: BASE } });
  assert.deepEqual(data(await call('delete_base', { base_id: BASE })), { id: BASE, deleted: true });
  onlyRequest(fake);
});

test('create_table posts the table, with a primary "Name" field when none is given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${TABLES}`, { body: districts });
  data(await call('create_table', { base_id: BASE, table_name: 'Districts', description: 'Areas' }));
  const req = onlyRequest(fake);
  assert.deepEqual(req.body, {
    name: 'Districts',
    description: 'Areas',
    fields: [{ name: 'Name', type: 'singleLineText' }],
  });
});

test('update_table patches name and description', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${TABLES}/${TABLE}`, {
    body: { ...apartments, name: 'Apartments (revised)', description: 'I was changed!' },
  });
  const out = data(
    await call('update_table', {
      base_id: BASE,
      table_id: TABLE,
      name: 'Apartments (revised)',
      description: 'I was changed!',
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, { name: 'Apartments (revised)', description: 'I was changed!' });
  assert.equal(out.name, 'Apartments (revised)');
  assert.match(
    failure(await call('update_table', { base_id: BASE, table_id: TABLE })),
    /Give name or description/,
  );
  assert.equal(fake.requests.length, 1);
});

test('create_field posts name, type, description and options', async (t) => {
  const { fake, call } = await setup(t);
  const options = { choices: [{ name: 'Open' }, { name: 'Done' }] };
  fake.route(`POST ${TABLES}/${TABLE}/fields`, {
    body: {
      id: 'fldStatus00000001',
      name: 'Status',
      type: 'singleSelect',
      description: 'Where it is',
      options,
    },
  });
  const out = data(
    await call('create_field', {
      base_id: BASE,
      table_id: TABLE,
      field_name: 'Status',
      field_type: 'singleSelect',
      description: 'Where it is',
      options,
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    name: 'Status',
    type: 'singleSelect',
    description: 'Where it is',
    options,
  });
  assert.deepEqual(out, {
    id: 'fldStatus00000001',
    name: 'Status',
    type: 'singleSelect',
    description: 'Where it is',
    options,
  });
});

test('update_field renames a field, and refuses options, which Airtable cannot change', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${TABLES}/${TABLE}/fields/fldoi0c3GaRQJ3xnI`, {
    body: {
      id: 'fldoi0c3GaRQJ3xnI',
      name: 'Name (revised)',
      type: 'singleLineText',
      description: 'I was changed!',
    },
  });
  const args = { base_id: BASE, table_id: TABLE, field_id: 'fldoi0c3GaRQJ3xnI' };
  const out = data(
    await call('update_field', { ...args, name: 'Name (revised)', description: 'I was changed!' }),
  );
  assert.deepEqual(onlyRequest(fake).body, { name: 'Name (revised)', description: 'I was changed!' });
  assert.equal(out.name, 'Name (revised)');

  assert.match(
    failure(await call('update_field', { ...args, options: { precision: 2 } })),
    /^options: Airtable’s API can change only/,
  );
  assert.equal(fake.requests.length, 1);
});
