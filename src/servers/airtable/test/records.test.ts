import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { apartments, BASE, CREATED, districts, recId, record, TABLE } from './fake-airtable.js';
import { assertAuth, data, failure, onlyRequest, setup } from './harness.js';

const RECORDS = `/v0/${BASE}/${TABLE}`;

test('read_records sends the formula and page size and returns the records', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORDS}`, { body: { records: [record(recId(1), { Name: 'Loft', Visited: true })] } });

  const out = data(
    await call('read_records', {
      base_id: BASE,
      table_id: TABLE,
      max_records: 5,
      filter_by_formula: '{Visited} = TRUE()',
    }),
  );

  const req = onlyRequest(fake);
  assert.deepEqual(query(req), { pageSize: '5', filterByFormula: '{Visited} = TRUE()' });
  assert.deepEqual(out, {
    count: 1,
    records: [{ id: recId(1), createdTime: CREATED, fields: { Name: 'Loft', Visited: true } }],
    more: false,
  });
});

test('read_records follows offset across pages and stops at max_records', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORDS}`, (req) => {
    const offset = req.query.get('offset');
    const start = offset ? Number(offset.split('/')[1]) : 0;
    const records = Array.from({ length: 100 }, (_, i) => record(recId(start + i)));
    return { body: { records, offset: `itr${start + 100}/${start + 100}` } };
  });

  const out = data(await call('read_records', { base_id: BASE, table_id: TABLE, max_records: 150 }));

  assert.deepEqual(fake.requests.map(query), [
    { pageSize: '100' },
    { pageSize: '100', offset: 'itr100/100' },
  ]);
  for (const req of fake.requests) assertAuth(req);
  const ids = (out.records as { id: string }[]).map((r) => r.id);
  assert.equal(out.count, 150);
  assert.equal(ids[99], recId(99));
  assert.equal(ids[100], recId(100));
  assert.equal(out.more, true);
});

test('a page without offset ends the list', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORDS}`, (req) =>
    req.query.get('offset')
      ? { body: { records: [record(recId(100))] } }
      : { body: { records: Array.from({ length: 100 }, (_, i) => record(recId(i))), offset: 'itr/1' } },
  );
  const out = data(await call('read_records', { base_id: BASE, table_id: TABLE, max_records: 1000 }));
  assert.equal(fake.requests.length, 2);
  assert.equal(out.count, 101);
  assert.equal(out.more, false);
});

test('get_record names the record and answers with it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${RECORDS}/${recId(7)}`, { body: record(recId(7), { Name: 'Studio' }) });
  const out = data(await call('get_record', { base_id: BASE, table_id: TABLE, record_id: recId(7) }));
  onlyRequest(fake);
  assert.deepEqual(out, { id: recId(7), createdTime: CREATED, fields: { Name: 'Studio' } });
});

test('search_records searches the text fields of the table with a case-insensitive formula', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v0/meta/bases/${BASE}/tables`, { body: { tables: [apartments, districts] } });
  fake.route(`GET ${RECORDS}`, { body: { records: [record(recId(1), { Name: 'Sunny "loft"' })] } });

  const out = data(
    await call('search_records', { base_id: BASE, table_id: 'Apartments', search_query: 'Sunny "Loft"' }),
  );

  const listed = only(fake, 'GET', RECORDS);
  assertAuth(listed);
  const needle = 'LOWER("Sunny \\"Loft\\"")';
  assert.equal(
    listed.query.get('filterByFormula'),
    `OR(SEARCH(${needle}, LOWER({Name} & "")), SEARCH(${needle}, LOWER({Notes} & "")))`,
  );
  assert.deepEqual(out.searched_fields, ['Name', 'Notes']);
  assert.equal(out.count, 1);
});

test('search_records names a table the base does not have', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v0/meta/bases/${BASE}/tables`, { body: { tables: [districts] } });
  assert.equal(
    failure(await call('search_records', { base_id: BASE, table_id: 'Apartments', search_query: 'x' })),
    `Table not found: Apartments in base ${BASE}`,
  );
  assert.equal(fake.requests.length, 1);
});

test('create_records accepts {fields} or bare cell values and posts them with typecast', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${RECORDS}`, (req) => {
    const body = req.body as { records: { fields: Record<string, unknown> }[] };
    return { body: { records: body.records.map((r, i) => record(recId(i + 1), r.fields)) } };
  });

  const out = data(
    await call('create_records', {
      base_id: BASE,
      table_id: TABLE,
      records: [{ fields: { Name: 'A' } }, { Name: 'B', Rooms: 2 }],
      typecast: true,
    }),
  );

  const req = onlyRequest(fake);
  assert.deepEqual(req.body, {
    records: [{ fields: { Name: 'A' } }, { fields: { Name: 'B', Rooms: 2 } }],
    typecast: true,
  });
  assert.equal(out.count, 2);
  assert.deepEqual(out.batches, [{ batch: 1, ids: [recId(1), recId(2)] }]);
});

test('update_records patches only the given fields', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${RECORDS}`, { body: { records: [record(recId(3), { Name: 'Renamed', Rooms: 4 })] } });
  const out = data(
    await call('update_records', {
      base_id: BASE,
      table_id: TABLE,
      records: [{ id: recId(3), fields: { Name: 'Renamed' } }],
    }),
  );
  const req = onlyRequest(fake);
  assert.deepEqual(req.body, { records: [{ id: recId(3), fields: { Name: 'Renamed' } }] });
  assert.deepEqual((out.records as unknown[])[0], {
    id: recId(3),
    createdTime: CREATED,
    fields: { Name: 'Renamed', Rooms: 4 },
  });
});

test('delete_records sends records[] in the query', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE ${RECORDS}`, {
    body: {
      records: [
        { id: recId(1), deleted: true },
        { id: recId(2), deleted: true },
      ],
    },
  });
  const out = data(
    await call('delete_records', { base_id: BASE, table_id: TABLE, record_ids: [recId(1), recId(2)] }),
  );
  const req = onlyRequest(fake);
  assert.deepEqual(query(req), { 'records[]': [recId(1), recId(2)] });
  assert.deepEqual(out, {
    count: 2,
    deleted: [recId(1), recId(2)],
    batches: [{ batch: 1, ids: [recId(1), recId(2)] }],
  });
});

test('arguments are checked before any request: ids, empty lists, repeated ids, max_records', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('get_record', { base_id: 'nope', table_id: TABLE, record_id: recId(1) })),
    /base_id: must be a base id/,
  );
  assert.match(
    failure(await call('get_record', { base_id: BASE, table_id: TABLE, record_id: '1' })),
    /record_id: must be a record id/,
  );
  assert.match(
    failure(await call('create_records', { base_id: BASE, table_id: TABLE, records: [] })),
    /records: /,
  );
  assert.match(
    failure(
      await call('delete_records', { base_id: BASE, table_id: TABLE, record_ids: [recId(1), recId(1)] }),
    ),
    /record_ids: must not repeat an id/,
  );
  assert.match(
    failure(await call('read_records', { base_id: BASE, table_id: TABLE, max_records: 0 })),
    /max_records: /,
  );
  assert.equal(fake.requests.length, 0);
});
