import assert from 'node:assert/strict';
import { test } from 'node:test';
import { account, contact, search } from './fake-apollo.js';
import { assertAuth, data, onlyRequest, setup } from './harness.js';

const contacts = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) =>
    contact(`c${from + i}`, { account_id: i % 2 ? 'acc_odd' : 'acc_even' }),
  );

test('search_contacts posts the documented body, folding guMCP’s name, title, company and email into the keywords', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts/search', {
    body: search('contacts', [contact('66e34b81740c50074e3d1bd4')], 1, 10, 1),
  });
  const out = data(
    await call('search_contacts', {
      q_keywords: 'writer',
      first_name: 'Fyodor',
      title: 'Chief Fiction Writer',
      organization_name: 'Apollo.io',
      contact_stage_ids: ['6095a710bd01d100a506d4ae'],
      sort_by_field: 'contact_created_at',
      sort_ascending: true,
      per_page: 10,
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    q_keywords: 'writer Fyodor Chief Fiction Writer Apollo.io',
    contact_stage_ids: ['6095a710bd01d100a506d4ae'],
    sort_by_field: 'contact_created_at',
    sort_ascending: true,
    page: 1,
    per_page: 10,
  });
  assert.equal(out.count, 1);
  assert.equal(out.next_page, undefined);
  // Trimmed to the main fields unless full is asked for.
  const [first] = out.contacts as Record<string, unknown>[];
  assert.equal(first?.name, 'Fyodor Dostoevsky');
  assert.equal(first?.phone_numbers, undefined);
  assert.deepEqual(out.pagination, { page: 1, per_page: 10, total_entries: 1, total_pages: 1 });
});

test('search_contacts follows pages (pagination.total_pages) up to limit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts/search', (req) => {
    const { page, per_page } = req.body as { page: number; per_page: number };
    const from = (page - 1) * per_page;
    return { body: search('contacts', contacts(from, Math.min(per_page, 250 - from)), page, per_page, 250) };
  });
  const out = data(await call('search_contacts', { per_page: 100, limit: 150, full: true }));
  assert.equal(out.count, 150);
  assert.equal(out.next_page, 3);
  assert.equal((out.contacts as Record<string, unknown>[])[0]?.phone_numbers !== undefined, true);
  assert.deepEqual(
    fake.requests.map((r) => (r.body as { page: number }).page),
    [1, 2],
  );
  for (const req of fake.requests) assertAuth(req);
  const last = data(await call('search_contacts', { page: 3, per_page: 100, limit: 1000 }));
  assert.equal(last.count, 50);
  assert.equal(last.next_page, undefined);
});

test('search_contacts with account_id keeps only that account’s contacts', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts/search', { body: search('contacts', contacts(0, 4), 1, 25, 4) });
  const out = data(await call('search_contacts', { account_id: 'acc_odd' }));
  assert.deepEqual(
    (out.contacts as { id: string }[]).map((c) => c.id),
    ['c1', 'c3'],
  );
});

test('search_accounts posts the name, stages and sort, and returns the page', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/accounts/search', {
    body: search(
      'accounts',
      [account('5c3d15a1b2c3d4e5f6a7b8c9', 'Google', { num_contacts: 12 })],
      2,
      25,
      26,
    ),
  });
  const out = data(
    await call('search_accounts', {
      q_organization_name: 'Google',
      account_stage_ids: '5c1004a1b2c3d4e5f6a7b8c9, 5c1004a1b2c3d4e5f6a7b8d0',
      sort_by_field: 'account_last_activity_date',
      sort_ascending: false,
      page: 2,
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    q_organization_name: 'Google',
    account_stage_ids: ['5c1004a1b2c3d4e5f6a7b8c9', '5c1004a1b2c3d4e5f6a7b8d0'],
    sort_by_field: 'account_last_activity_date',
    sort_ascending: false,
    page: 2,
    per_page: 25,
  });
  assert.equal((out.accounts as { name: string }[])[0]?.name, 'Google');
  assert.equal(out.next_page, undefined);
});

test('a search (a POST that changes nothing) is retried after a 502', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /api/v1/accounts/search', { status: 502, body: 'Bad gateway' });
  fake.route('POST /api/v1/accounts/search', { body: search('accounts', [], 1, 25, 0) });
  assert.equal(data(await call('search_accounts', {})).count, 0);
  assert.equal(fake.requests.length, 2);
});
