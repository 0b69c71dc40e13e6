import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import {
  ADMIN,
  ADMIN_2,
  admin,
  COMPANY,
  CONTACT,
  CONTACT_2,
  company,
  contact,
  contactList,
  errorList,
  pagedList,
} from './fake-intercom.js';
import { assertHeaders, data, failure, onlyRequest, setup } from './harness.js';

test('search_contacts searches email and name, following the cursor to the second page', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /contacts/search', (req) =>
    (req.body as { pagination?: { starting_after?: string } }).pagination?.starting_after ===
    'WzE3MzQ1Mzc0MzcwMDAsMV0='
      ? {
          body: contactList(
            [contact(CONTACT_2, { email: 'jo@example.com', name: 'Jo Bloggs' })],
            undefined,
            2,
          ),
        }
      : { body: contactList([contact()], 'WzE3MzQ1Mzc0MzcwMDAsMV0=', 2) },
  );

  const result = data(await call('search_contacts', { query: 'bloggs' }));

  assertHeaders(fake.requests);
  assert.deepEqual(
    fake.requests.map((r) => r.body),
    [
      {
        query: {
          operator: 'OR',
          value: [
            { field: 'email', operator: '~', value: 'bloggs' },
            { field: 'name', operator: '~', value: 'bloggs' },
          ],
        },
        pagination: { per_page: 50 },
      },
      {
        query: {
          operator: 'OR',
          value: [
            { field: 'email', operator: '~', value: 'bloggs' },
            { field: 'name', operator: '~', value: 'bloggs' },
          ],
        },
        pagination: { per_page: 50, starting_after: 'WzE3MzQ1Mzc0MzcwMDAsMV0=' },
      },
    ],
  );
  assert.equal(result.count, 2);
  assert.equal(result.total_count, 2);
  assert.equal(result.next_cursor, null);
  assert.deepEqual((result.contacts as unknown[])[0], {
    id: CONTACT,
    role: 'user',
    email: 'joe@bloggs.com',
    name: 'Joe Bloggs',
    phone: null,
    external_id: null,
    created_at: '2024-12-18T15:57:17.000Z',
    last_seen_at: '2024-12-18T16:40:00.000Z',
    custom_attributes: { plan: 'pro' },
  });
});

test('search_contacts stops at max_results and gives the cursor to continue', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /contacts/search', { body: contactList([contact()], 'next-cursor', 9) });
  const result = data(await call('search_contacts', { query: 'joe', max_results: 1 }));
  assert.equal(fake.requests.length, 1);
  assert.deepEqual((fake.requests[0]?.body as { pagination: unknown }).pagination, { per_page: 1 });
  assert.equal(result.next_cursor, 'next-cursor');
});

test('create_contact creates a user by default, with its name and custom attributes', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /contacts', (req) => ({ body: contact(CONTACT, req.body as Record<string, unknown>) }));
  const result = data(
    await call('create_contact', {
      email: 'joe@bloggs.com',
      name: 'Joe Bloggs',
      custom_attributes: { plan: 'pro' },
    }),
  );
  const req = onlyRequest(fake);
  assert.deepEqual(req.body, {
    role: 'user',
    email: 'joe@bloggs.com',
    name: 'Joe Bloggs',
    custom_attributes: { plan: 'pro' },
  });
  assert.equal(result.id, CONTACT);
  assert.match(failure(await call('create_contact', { email: 'not-an-email' })), /email/);
});

test('a contact that exists already is reported with Intercom’s message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /contacts', {
    status: 409,
    body: errorList('conflict', `A contact matching those details already exists with id=${CONTACT}`),
  });
  assert.equal(
    failure(await call('create_contact', { email: 'joe@bloggs.com' })),
    `Intercom rejected the request for contact joe@bloggs.com (HTTP 409): A contact matching those details already exists with id=${CONTACT} (conflict)`,
  );
});

test('search_companies answers the company of exactly that name when there is one', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /companies', { body: pagedList([company()], 1, 1) });
  const result = data(await call('search_companies', { query: 'Acme Corp' }));
  assert.deepEqual(query(onlyRequest(fake)), { name: 'Acme Corp' });
  assert.equal(result.match, 'exact_name');
  assert.deepEqual((result.companies as unknown[])[0], {
    id: COMPANY,
    company_id: 'acme-001',
    name: 'Acme Corp',
    website: 'https://acme.example',
    industry: 'Manufacturing',
    size: 120,
    user_count: 1,
    monthly_spend: 0,
    plan: null,
    created_at: '2024-12-18T15:56:10.000Z',
    tags: [],
    custom_attributes: {},
  });
});

test('search_companies otherwise looks through the company list page by page for the text', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /companies', { status: 404, body: errorList('company_not_found', 'Company Not Found') });
  fake.route('POST /companies/list', (req) =>
    req.query.get('page') === '1'
      ? {
          body: pagedList(
            [
              company('c1', { name: 'Globex', company_id: 'gx-1', website: 'https://globex.example' }),
              company('c2', { name: 'ACME Labs' }),
            ],
            1,
            2,
            3,
          ),
        }
      : { body: pagedList([company('c3', { name: 'Initech', company_id: 'acme-legacy' })], 2, 2, 3) },
  );
  const result = data(await call('search_companies', { query: 'acme' }));
  assert.deepEqual(
    fake.requests.map(
      (r) => `${r.method} ${r.path} ${new URLSearchParams(query(r) as Record<string, string>)}`,
    ),
    [
      'GET /companies name=acme',
      'POST /companies/list page=1&per_page=50',
      'POST /companies/list page=2&per_page=50',
    ],
  );
  assert.equal(result.match, 'contains');
  assert.equal(result.complete, true);
  assert.deepEqual(
    (result.companies as { id: string }[]).map((c) => c.id),
    ['c2', 'c3'],
  );
});

test('create_company makes up a company_id when none is given, so a retried request updates the same company', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /companies', { status: 503, body: errorList('service_unavailable', 'Try again') });
  fake.route('POST /companies', (req) => ({ body: company(COMPANY, req.body as Record<string, unknown>) }));
  const result = data(
    await call('create_company', {
      name: 'Acme Corp',
      industry: 'Retail',
      custom_attributes: { tier: 'gold' },
    }),
  );
  assert.equal(fake.requests.length, 2, 'retried after the 503');
  const [first, second] = fake.requests.map((r) => r.body as Record<string, unknown>);
  assert.match(String(first?.company_id), /^[0-9a-f-]{36}$/);
  assert.deepEqual(second, first, 'the retry sends the same company_id');
  assert.deepEqual(first, {
    name: 'Acme Corp',
    company_id: first?.company_id,
    industry: 'Retail',
    custom_attributes: { tier: 'gold' },
  });
  assert.equal(result.company_id, first?.company_id);
});

test('create_company keeps the company_id given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /companies', { body: company() });
  data(
    await call('create_company', {
      name: 'Acme Corp',
      company_id: 'acme-001',
      website: 'https://acme.example',
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    name: 'Acme Corp',
    company_id: 'acme-001',
    website: 'https://acme.example',
  });
});

test('associate_contact_with_company attaches by Intercom’s company id; a missing company is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /contacts/${CONTACT}/companies`, { body: company() });
  const result = data(
    await call('associate_contact_with_company', { contact_id: CONTACT, company_id: COMPANY }),
  );
  assert.deepEqual(onlyRequest(fake).body, { id: COMPANY });
  assert.equal(result.contact_id, CONTACT);
  assert.equal((result.company as { id: string }).id, COMPANY);

  fake.route(`POST /contacts/${CONTACT}/companies`, {
    status: 404,
    body: errorList('company_not_found', 'Company Not Found'),
  });
  assert.equal(
    failure(await call('associate_contact_with_company', { contact_id: CONTACT, company_id: 'nope123' })),
    'Company not found: nope123',
  );
  fake.route(`POST /contacts/${CONTACT_2}/companies`, {
    status: 404,
    body: errorList('not_found', 'User Not Found'),
  });
  assert.equal(
    failure(await call('associate_contact_with_company', { contact_id: CONTACT_2, company_id: COMPANY })),
    `Contact not found: ${CONTACT_2}`,
  );
});

test('list_admins lists the teammates with their ids', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /admins', {
    body: { type: 'admin.list', admins: [admin(ADMIN, 'Ada Admin'), admin(ADMIN_2, 'Ciaran Lee')] },
  });
  const result = data(await call('list_admins'));
  onlyRequest(fake);
  assert.equal(result.count, 2);
  assert.deepEqual((result.admins as unknown[])[1], {
    id: ADMIN_2,
    name: 'Ciaran Lee',
    email: 'ciaran@example.com',
    job_title: null,
    away_mode_enabled: false,
    has_inbox_seat: true,
    team_ids: [814865],
  });
});
