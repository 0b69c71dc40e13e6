import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { ACCOUNT_ID, CAMPAIGN_ID, DATA, queryPage, sobject } from './fake-salesforce.js';
import { data, failure, only, route, setup } from './harness.js';

const accounts = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) =>
    sobject('Account', `001000000000${String(from + i).padStart(3, '0')}AAA`, { Name: `A${from + i}` }),
  );

test('soql_query follows nextRecordsUrl over two pages and returns every record', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'query'), { body: queryPage(accounts(0, 2), 3, '01gD0000002HU6KIAW-2000') });
  fake.route(route('GET', 'query/01gD0000002HU6KIAW-2000'), { body: queryPage(accounts(2, 1), 3) });

  const out = data(await call('soql_query', { query: 'SELECT Id, Name FROM Account' }));
  assert.equal(out.count, 3);
  assert.equal(out.total_size, 3);
  assert.equal(out.done, true);
  assert.deepEqual(
    (out.records as { Name: string }[]).map((r) => r.Name),
    ['A0', 'A1', 'A2'],
  );
  assert.deepEqual(query(only(fake, 'GET', 'query')), { q: 'SELECT Id, Name FROM Account' });
  assert.deepEqual(query(only(fake, 'GET', 'query/01gD0000002HU6KIAW-2000')), {});
});

test('soql_query stops at limit, hands back next_records_url, and continues from it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'query'), { body: queryPage(accounts(0, 2), 3, '01gD0000002HU6KIAW-2000') });
  fake.route(route('GET', 'query/01gD0000002HU6KIAW-2000'), { body: queryPage(accounts(2, 1), 3) });

  const first = data(await call('soql_query', { query: 'SELECT Id FROM Account', limit: 2 }));
  assert.equal(first.count, 2);
  assert.equal(first.done, false);
  assert.equal(first.next_records_url, `${DATA}/query/01gD0000002HU6KIAW-2000`);
  assert.equal(fake.requests.length, 1);

  const rest = data(
    await call('soql_query', { query: 'SELECT Id FROM Account', next_records_url: first.next_records_url }),
  );
  assert.equal(rest.count, 1);
  assert.equal(rest.done, true);
});

test('a next_records_url that is not a query locator of the instance is refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  const message = failure(
    await call('soql_query', {
      query: 'SELECT Id FROM Account',
      next_records_url: 'https://elsewhere.example/steal',
    }),
  );
  assert.match(message, /next_records_url: must be the next_records_url of an earlier result/);
  assert.equal(fake.requests.length, 0);
});

test('sosl_search sends the SOSL as q and returns searchRecords', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'search'), {
    body: { searchRecords: [sobject('Account', ACCOUNT_ID, { Name: 'Cloud Co' })] },
  });
  const out = data(
    await call('sosl_search', { search: 'FIND {Cloud} IN ALL FIELDS RETURNING Account(Id, Name)' }),
  );
  assert.equal(out.count, 1);
  assert.equal((out.records as { Name: string }[])[0]?.Name, 'Cloud Co');
  assert.deepEqual(query(only(fake, 'GET', 'search')), {
    q: 'FIND {Cloud} IN ALL FIELDS RETURNING Account(Id, Name)',
  });
});

test('find_child_records queries the children by the parent field, with guMCP’s default fields', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'query'), {
    body: queryPage([sobject('LineItem__c', 'a015e00000AbCdEAAZ', { Name: 'L1' })], 1),
  });
  const out = data(
    await call('find_child_records', {
      parent_id: ACCOUNT_ID,
      child_object_name: 'LineItem__c',
      parent_field_name: 'Order__c',
    }),
  );
  assert.equal(out.count, 1);
  assert.equal(
    only(fake, 'GET', 'query').query.get('q'),
    `SELECT Id, Name, CreatedDate FROM LineItem__c WHERE Order__c = '${ACCOUNT_ID}'`,
  );
});

test('find_child_records refuses names that are not API names, so nothing can be added to the query', async (t) => {
  const { fake, call } = await setup(t);
  const message = failure(
    await call('find_child_records', {
      parent_id: ACCOUNT_ID,
      child_object_name: 'Account WHERE Name != null',
      parent_field_name: 'Order__c',
      fields: ['Id'],
    }),
  );
  assert.match(message, /child_object_name/);
  assert.equal(fake.requests.length, 0);
});

test('list_campaigns filters by status as an escaped SOQL string, newest first, up to limit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'query'), {
    body: queryPage(
      [sobject('Campaign', CAMPAIGN_ID, { Name: 'Summer', Status: "Won't Run", IsActive: true })],
      1,
    ),
  });
  const out = data(await call('list_campaigns', { status: "Won't Run", limit: 5 }));
  assert.equal(out.count, 1);
  assert.equal(
    only(fake, 'GET', 'query').query.get('q'),
    "SELECT Id, Name, IsActive, Status, Type, StartDate, EndDate FROM Campaign WHERE Status = 'Won\\'t Run' ORDER BY CreatedDate DESC LIMIT 5",
  );
});

test('list_email_templates lists one folder’s templates (default 10)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'query'), {
    body: queryPage([sobject('EmailTemplate', '00X5e00000AbCdEAAZ', { Name: 'Welcome', Subject: 'Hi' })], 1),
  });
  const out = data(await call('list_email_templates', { folder_id: '00l5e00000AbCdEAAZ' }));
  assert.equal(out.count, 1);
  assert.equal(
    only(fake, 'GET', 'query').query.get('q'),
    "SELECT Id, Name, FolderId, Subject, ApiVersion, TemplateType, TemplateStyle FROM EmailTemplate WHERE FolderId = '00l5e00000AbCdEAAZ' ORDER BY CreatedDate DESC LIMIT 10",
  );
});
