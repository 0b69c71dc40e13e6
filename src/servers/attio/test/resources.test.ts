import assert from 'node:assert/strict';
import { test } from 'node:test';
import { company, entry, LIST, list, person } from './fake-attio.js';
import { assertAuth, setup } from './harness.js';

test('resources/list gives the two collections and every list', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /v2/lists', { body: { data: [list] } });
  const { resources } = await client.listResources();
  assert.deepEqual(
    resources.map((r) => r.uri),
    ['attio://collection/companies', 'attio://collection/people', `attio://list/${LIST}`],
  );
  assert.equal(resources[2]?.name, 'Hiring Engineering');
  for (const req of fake.requests) assertAuth(req);
});

test('reading a collection queries its first 100 records; reading a list gives its entries', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('POST /v2/objects/companies/records/query', { body: { data: [company(1)] } });
  fake.route('POST /v2/objects/people/records/query', { body: { data: [person(2)] } });
  fake.route(`GET /v2/lists/${LIST}`, { body: { data: list } });
  fake.route(`POST /v2/lists/${LIST}/entries/query`, { body: { data: [entry(1)] } });

  const companies = await client.readResource({ uri: 'attio://collection/companies' });
  const body = JSON.parse((companies.contents[0] as { text: string }).text);
  assert.equal(body.records[0].values.name, 'Company 1');
  assert.deepEqual(fake.requests[0]?.body, { limit: 100, offset: 0 });

  const people = await client.readResource({ uri: 'attio://collection/people' });
  assert.equal(
    JSON.parse((people.contents[0] as { text: string }).text).records[0].values.name,
    'Ada Lovelace',
  );

  const read = await client.readResource({ uri: `attio://list/${LIST}` });
  const listBody = JSON.parse((read.contents[0] as { text: string }).text);
  assert.equal(listBody.list.name, 'Hiring Engineering');
  assert.equal(listBody.entries[0].entry_values.status, 'In Progress');
});
