import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entry, LIST, list, rid } from './fake-attio.js';
import { assertAuth, data, onlyRequest, setup } from './harness.js';

test('list_lists returns each list with its id, slug and parent object', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/lists', { body: { data: [list] } });
  assert.deepEqual(data(await call('list_lists')), {
    count: 1,
    lists: [
      {
        id: LIST,
        api_slug: 'hiring-engineering',
        name: 'Hiring Engineering',
        parent_object: ['people'],
        workspace_access: 'read-and-write',
        created_at: '2022-11-21T13:22:49.061281000Z',
      },
    ],
  });
  onlyRequest(fake);
});

test('read_list gets the list and its entries, following offset', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/lists/${LIST}`, { body: { data: list } });
  fake.route(`POST /v2/lists/${LIST}/entries/query`, (req) => {
    const { offset, limit } = req.body as { offset: number; limit: number };
    return { body: { data: Array.from({ length: offset === 0 ? limit : 5 }, (_, i) => entry(offset + i)) } };
  });

  const out = data(await call('read_list', { list_id: LIST, limit: 300 }));

  const queries = fake.requests.filter((r) => r.method === 'POST').map((r) => r.body);
  assert.deepEqual(queries, [
    { limit: 100, offset: 0 },
    { limit: 100, offset: 100 },
  ]);
  for (const req of fake.requests) assertAuth(req);
  assert.equal(out.count, 105);
  assert.deepEqual((out.entries as unknown[])[0], {
    id: '2e6e29ea-c4e0-4f44-842d-000000000000',
    list_id: LIST,
    parent_record_id: rid(1),
    parent_object: 'people',
    created_at: '2022-11-21T13:22:49.061281000Z',
    entry_values: { status: 'In Progress' },
  });
});

test('add_to_list posts the parent record with the object slug for the record type', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /v2/lists/${LIST}/entries`, { body: { data: entry(9, rid(5), 'companies') } });
  const out = data(await call('add_to_list', { list_id: LIST, record_id: rid(5), record_type: 'company' }));
  assert.deepEqual(onlyRequest(fake).body, {
    data: { parent_record_id: rid(5), parent_object: 'companies', entry_values: {} },
  });
  assert.equal(out.parent_object, 'companies');

  data(await call('add_to_list', { list_id: LIST, record_id: rid(6), record_type: 'contact' }));
  assert.equal((fake.requests[1]?.body as { data: { parent_object: string } }).data.parent_object, 'people');
});
