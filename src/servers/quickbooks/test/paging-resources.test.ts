import assert from 'node:assert/strict';
import { test } from 'node:test';
import { account, customer, entityAnswer, invoice, purchase, queryRoute, REALM } from './fake-quickbooks.js';
import { assertRequests, data, setup, statements } from './harness.js';

const Q = `GET /v3/company/${REALM}/query`;

test('queries page with STARTPOSITION and MAXRESULTS until a short page', async (t) => {
  const { fake, call } = await setup(t);
  const many = Array.from({ length: 1500 }, (_, i) =>
    purchase(String(i + 1), '2025-01-10', 10 + i, { value: '56', name: 'Acme' }),
  );
  fake.route(Q, queryRoute({ Purchase: many }));
  const out = data(
    await call('find_duplicate_transactions', { start_date: '2025-01-01', end_date: '2025-01-31' }),
  );
  assert.equal(out.transactions_checked, 1500);
  assert.deepEqual(
    statements(fake).map((s) => s.replace(/.* STARTPOSITION/, 'STARTPOSITION')),
    ['STARTPOSITION 1 MAXRESULTS 1000', 'STARTPOSITION 1001 MAXRESULTS 1000'],
  );
});

test('resources list a page at a time with a cursor, and read an entity by id', async (t) => {
  const { fake, client } = await setup(t);
  const customers = Array.from({ length: 150 }, (_, i) => customer(String(i + 1), `Customer ${i + 1}`));
  fake.route(
    Q,
    queryRoute({
      Customer: customers,
      Invoice: [invoice('130', '2025-01-01', 10)],
      Account: [account('33', 'Checking', 'Asset', 'Bank', 1)],
    }),
  );
  fake.route(
    `GET /v3/company/${REALM}/invoice/130`,
    entityAnswer('Invoice', invoice('130', '2025-01-01', 10)),
  );

  const first = await client.listResources();
  const uris = first.resources.map((r) => r.uri);
  assert.ok(uris.includes('quickbooks://customer/1'));
  assert.ok(uris.includes('quickbooks://invoice/130'));
  assert.ok(uris.includes('quickbooks://account/33'));
  assert.equal(
    first.resources.find((r) => r.uri === 'quickbooks://account/33')?.name,
    'Account: Checking (Bank)',
  );

  const all = new Set(uris);
  let cursor = first.nextCursor;
  for (let i = 0; cursor && i < 10; i++) {
    const page = await client.listResources({ cursor });
    for (const r of page.resources) all.add(r.uri);
    cursor = page.nextCursor;
  }
  assert.ok(all.has('quickbooks://customer/150'));
  assert.ok(statements(fake).some((s) => s === 'SELECT * FROM Customer STARTPOSITION 101 MAXRESULTS 100'));

  const read = await client.readResource({ uri: 'quickbooks://invoice/130' });
  const content = read.contents[0] as { text: string; mimeType: string };
  assert.equal(content.mimeType, 'application/json');
  assert.equal(JSON.parse(content.text).DocNumber, '10130');
  assertRequests(fake.requests);
});
