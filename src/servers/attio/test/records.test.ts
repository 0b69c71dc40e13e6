import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMPANIES, company, PEOPLE, person, reference, rid, select } from './fake-attio.js';
import { assertAuth, data, failure, onlyRequest, setup } from './harness.js';

test('search_companies queries name or domain with $contains and flattens the values', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/objects/companies/records/query', {
    body: { data: [company(1, 'Acme', { categories: [select('SaaS'), select('B2B')] })] },
  });

  const out = data(await call('search_companies', { query: 'acme' }));

  const req = onlyRequest(fake);
  assert.deepEqual(req.body, {
    filter: { $or: [{ name: { $contains: 'acme' } }, { domains: { domain: { $contains: 'acme' } } }] },
    limit: 20,
    offset: 0,
  });
  assert.deepEqual(out, {
    count: 1,
    records: [
      {
        id: rid(1),
        object_id: COMPANIES,
        created_at: '2022-11-21T13:22:49.061281000Z',
        web_url: null,
        values: { name: 'Acme', domains: 'company1.com', categories: ['SaaS', 'B2B'] },
      },
    ],
    more: false,
  });
});

test('search_contacts follows limit/offset over two pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/objects/people/records/query', (req) => {
    const { offset, limit } = req.body as { offset: number; limit: number };
    const n = offset === 0 ? limit : 30;
    return { body: { data: Array.from({ length: n }, (_, i) => person(offset + i)) } };
  });

  const out = data(await call('search_contacts', { query: 'ada', limit: 500 }));

  assert.deepEqual(
    fake.requests.map((r) => {
      const { limit, offset } = r.body as { limit: number; offset: number };
      return [limit, offset];
    }),
    [
      [100, 0],
      [100, 100],
    ],
  );
  for (const req of fake.requests) assertAuth(req);
  assert.deepEqual((fake.requests[0]?.body as { filter: unknown }).filter, {
    $or: [
      { name: { full_name: { $contains: 'ada' } } },
      { email_addresses: { email_address: { $contains: 'ada' } } },
    ],
  });
  assert.equal(out.count, 130);
  assert.equal(out.more, false);
});

test('a search stops at its limit and says there may be more', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/objects/people/records/query', (req) => {
    const { offset, limit } = req.body as { offset: number; limit: number };
    return { body: { data: Array.from({ length: limit }, (_, i) => person(offset + i)) } };
  });
  const out = data(await call('search_contacts', { query: 'a', limit: 150 }));
  assert.deepEqual(
    fake.requests.map((r) => (r.body as { limit: number }).limit),
    [100, 50],
  );
  assert.equal(out.count, 150);
  assert.equal(out.more, true);
});

test('read_company and read_contact get the record by id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/objects/companies/records/${rid(1)}`, { body: { data: company(1) } });
  fake.route(`GET /v2/objects/people/records/${rid(2)}`, { body: { data: person(2, 'Grace', 'Hopper') } });

  assert.deepEqual(data(await call('read_company', { id: rid(1) })).values, {
    name: 'Company 1',
    domains: 'company1.com',
  });
  const contact = data(await call('read_contact', { id: rid(2) }));
  assert.deepEqual(contact.values, { name: 'Grace Hopper', email_addresses: 'grace@example.com' });
  assert.equal(contact.object_id, PEOPLE);
  for (const req of fake.requests) assertAuth(req);
  assert.match(failure(await call('read_company', { id: '42' })), /id: must be a record id \(a UUID\)/);
  assert.equal(fake.requests.length, 2);
});

test('create_company posts name, domains and attributes', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/objects/companies/records', { body: { data: company(3, 'Initech') } });
  const out = data(
    await call('create_company', {
      name: 'Initech',
      domain: 'initech.com',
      attributes: { description: 'Software' },
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    data: { values: { description: 'Software', name: 'Initech', domains: ['initech.com'] } },
  });
  assert.equal(out.id, rid(3));
});

test('create_contact writes email, the three parts of the name, and the company reference', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/objects/people/records', {
    body: { data: person(4, 'Ada', 'Lovelace', { company: [reference('companies', rid(1))] }) },
  });
  const out = data(
    await call('create_contact', {
      email: 'ada@example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
      company_id: rid(1),
      attributes: { job_title: 'Engineer' },
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    data: {
      values: {
        job_title: 'Engineer',
        email_addresses: ['ada@example.com'],
        name: [{ first_name: 'Ada', last_name: 'Lovelace', full_name: 'Ada Lovelace' }],
        company: [{ target_object: 'companies', target_record_id: rid(1) }],
      },
    },
  });
  assert.deepEqual((out.values as Record<string, unknown>).company, {
    target_object: 'companies',
    target_record_id: rid(1),
  });
  assert.match(
    failure(await call('create_contact', { email: 'not-an-email' })),
    /email: must be an email address/,
  );
  assert.equal(fake.requests.length, 1);
});

test('update_company and update_contact patch the attributes given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH /v2/objects/companies/records/${rid(1)}`, { body: { data: company(1, 'Acme Corp') } });
  fake.route(`PATCH /v2/objects/people/records/${rid(2)}`, { body: { data: person(2) } });

  assert.equal(
    (
      data(await call('update_company', { id: rid(1), attributes: { name: 'Acme Corp' } })).values as {
        name: string;
      }
    ).name,
    'Acme Corp',
  );
  data(await call('update_contact', { id: rid(2), attributes: { job_title: 'CTO' } }));
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, r.body]),
    [
      ['PATCH', `/v2/objects/companies/records/${rid(1)}`, { data: { values: { name: 'Acme Corp' } } }],
      ['PATCH', `/v2/objects/people/records/${rid(2)}`, { data: { values: { job_title: 'CTO' } } }],
    ],
  );
  assert.match(
    failure(await call('update_contact', { id: rid(2), attributes: {} })),
    /attributes: must name at least one attribute/,
  );
  assert.equal(fake.requests.length, 2);
});
