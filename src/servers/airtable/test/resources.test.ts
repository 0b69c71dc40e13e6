import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apartments, BASE, districts, recId, record, TABLE } from './fake-airtable.js';
import { assertAuth, setup } from './harness.js';

const bases = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    id: `app${String(from + i).padStart(14, '0')}`,
    name: `Base ${from + i}`,
    permissionLevel: 'edit',
  }));

test('resources/list lists the tables of 10 bases a page, following the bases offset', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /v0/meta/bases', (req) =>
    req.query.get('offset')
      ? { body: { bases: bases(1, 12) } }
      : { body: { bases: bases(12), offset: 'itr1/next' } },
  );
  fake.route('GET /v0/meta/bases/*', { body: { tables: [districts] } });

  // One page at a time: listResources() without a cursor would walk them all.
  const page = (cursor?: string) =>
    client.request({ method: 'resources/list', params: cursor ? { cursor } : {} });
  const first = await page();
  assert.equal(first.resources.length, 10);
  assert.deepEqual(first.resources[0], {
    uri: `airtable://table/app00000000000000/${districts.id}`,
    name: 'Base 0 / Districts',
    mimeType: 'application/json',
  });
  const second = await page(first.nextCursor);
  assert.deepEqual(
    second.resources.map((r) => r.name),
    ['Base 10 / Districts', 'Base 11 / Districts'],
  );
  const third = await page(second.nextCursor);
  assert.deepEqual(
    third.resources.map((r) => r.name),
    ['Base 12 / Districts'],
  );
  assert.equal(third.nextCursor, undefined);
  for (const req of fake.requests) assertAuth(req);
  assert.equal(
    fake.requests
      .filter((r) => r.path === '/v0/meta/bases')
      .at(-1)
      ?.query.get('offset'),
    'itr1/next',
  );
});

test('reading a table gives its fields and first records', async (t) => {
  const { fake, client } = await setup(t);
  fake.route(`GET /v0/meta/bases/${BASE}/tables`, { body: { tables: [apartments, districts] } });
  fake.route(`GET /v0/${BASE}/${TABLE}`, { body: { records: [record(recId(1))] } });
  const uri = `airtable://table/${BASE}/${TABLE}`;
  const { contents } = await client.readResource({ uri });
  assert.equal(contents[0]?.mimeType, 'application/json');
  const body = JSON.parse((contents[0] as { text: string }).text);
  assert.equal(body.table.name, 'Apartments');
  assert.equal(body.records[0].id, recId(1));
  assert.equal(body.more_records, false);
  assert.equal(fake.requests.find((r) => r.path === `/v0/${BASE}/${TABLE}`)?.query.get('pageSize'), '100');
});

test('reading a table the base does not have names it', async (t) => {
  const { fake, client } = await setup(t);
  fake.route(`GET /v0/meta/bases/${BASE}/tables`, { body: { tables: [districts] } });
  await assert.rejects(
    client.readResource({ uri: `airtable://table/${BASE}/${TABLE}` }),
    /Table not found: tbltp8DGLhqbUmjK1/,
  );
});
