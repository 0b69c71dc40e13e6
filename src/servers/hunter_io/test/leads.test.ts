import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { errors, lead, leadsList, notFound, paged } from './fake-hunter.js';
import { assertAuth, data, failure, setup } from './harness.js';

const leads = Array.from({ length: 150 }, (_, i) => lead(i + 1));

test('list_leads follows limit/offset pages up to the limit and says where the next starts', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/leads', paged('leads', leads));

  const out = data(await call('list_leads', { limit: 120 }));

  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { limit: '100', offset: '0' },
      { limit: '20', offset: '100' },
    ],
  );
  for (const req of fake.requests) assertAuth(req);
  const listed = out.leads as { id: number }[];
  assert.equal(listed.length, 120);
  assert.equal(listed[119]?.id, 120);
  assert.equal(out.total, 150);
  assert.equal(out.next_offset, 120);
  assert.deepEqual(listed[0], {
    id: 1,
    email: 'lead1@example.com',
    first_name: 'Ada',
    last_name: 'Lead1',
    position: 'CTO',
    company: 'Example Inc',
    leads_list_id: 7,
    leads_list_name: 'Prospects',
    verification_status: null,
    sending_status: null,
    created_at: '2024-06-03T10:00:00.000Z',
  });
});

test('list_leads from an offset to the end has no next_offset', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/leads', paged('leads', leads));

  const out = data(await call('list_leads', { limit: 100, offset: 120 }));

  assert.deepEqual(query(only(fake, 'GET', '/v2/leads')), { limit: '100', offset: '120' });
  assert.equal((out.leads as unknown[]).length, 30);
  assert.equal(out.next_offset, undefined);
});

test('list_leads sends guMCP’s lead_list_id as Hunter’s leads_list_id, with the other filters', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/leads', paged('leads', [lead(5)]));

  await call('list_leads', {
    lead_list_id: 7,
    first_name: 'Ada',
    last_name: 'Lead5',
    email: 'lead5@example.com',
    company: 'Example Inc',
    phone_number: '+1 555 0100',
    twitter: 'ada',
  });

  assert.deepEqual(query(only(fake, 'GET', '/v2/leads')), {
    leads_list_id: '7',
    first_name: 'Ada',
    last_name: 'Lead5',
    email: 'lead5@example.com',
    company: 'Example Inc',
    phone_number: '+1 555 0100',
    twitter: 'ada',
    limit: '20',
    offset: '0',
  });
});

test('a filter Hunter rejects is named by the tool’s argument', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/leads', errors(400, 'wrong_params', 'The leads_list_id parameter is invalid'));

  assert.equal(
    failure(await call('list_leads', { lead_list_id: 999 })),
    'Invalid argument lead_list_id: Hunter rejected the request for leads (HTTP 400): The leads_list_id ' +
      'parameter is invalid',
  );
});

test('get_lead returns the whole lead; an unknown id is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/leads/12', { body: { data: lead(12) } });
  fake.route('GET /v2/leads/99', notFound);

  const out = data(await call('get_lead', { id: 12 }));

  assertAuth(only(fake, 'GET', '/v2/leads/12'));
  assert.deepEqual(out, { lead: lead(12) });
  assert.equal(failure(await call('get_lead', { id: 99 })), 'Lead not found: 99');
});

test('create_lead posts the fields as JSON, numbers as text, and reports the new lead', async (t) => {
  const { fake, call } = await setup(t);
  const created = lead(31, { email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper' });
  fake.route('POST /v2/leads', { status: 201, body: { data: created } });

  const out = data(
    await call('create_lead', {
      email: 'grace@example.com',
      first_name: 'Grace',
      last_name: 'Hopper',
      position: 'Admiral',
      company: 'Navy',
      company_size: 500,
      confidence_score: 80,
      website: 'https://navy.mil',
      country_code: 'us',
      postal_code: 2139,
      source: 'conference',
      linkedin_url: 'https://linkedin.com/in/grace',
      phone_number: '+1 555 0101',
      twitter: 'grace',
      leads_list_id: 7,
    }),
  );

  const req = only(fake, 'POST', '/v2/leads');
  assertAuth(req);
  assert.equal(req.headers['content-type'], 'application/json');
  assert.deepEqual(req.body, {
    email: 'grace@example.com',
    first_name: 'Grace',
    last_name: 'Hopper',
    position: 'Admiral',
    company: 'Navy',
    company_size: '500',
    confidence_score: 80,
    website: 'https://navy.mil',
    country_code: 'US',
    postal_code: '2139',
    source: 'conference',
    linkedin_url: 'https://linkedin.com/in/grace',
    phone_number: '+1 555 0101',
    twitter: 'grace',
    leads_list_id: 7,
  });
  assert.deepEqual(out, {
    lead: created,
    message: 'Created lead 31 for Grace Hopper <grace@example.com> in leads list "Prospects"',
  });
});

test('create_lead of an email Hunter already has names the argument and why', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/leads', errors(422, 'email_taken', 'This email is already used by another lead'));

  assert.equal(
    failure(await call('create_lead', { email: 'lead1@example.com' })),
    'Invalid argument email: Hunter rejected the request for a lead for lead1@example.com (HTTP 422): This ' +
      'email is already used by another lead',
  );
});

test('create_lead is not repeated after a server error: it may have created the lead', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/leads', { status: 502, body: 'Bad gateway' });

  assert.equal(
    failure(await call('create_lead', { email: 'new@example.com' })),
    'Hunter failed (HTTP 502); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('update_lead puts only the fields given, then reads the lead back (Hunter answers 204)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('PUT /v2/leads/12', { status: 204 });
  fake.route('GET /v2/leads/12', { body: { data: lead(12, { position: 'CEO', notes: null }) } });

  const out = data(await call('update_lead', { id: 12, position: 'CEO', confidence_score: 99 }));

  const put = only(fake, 'PUT', '/v2/leads/12');
  assertAuth(put);
  assert.deepEqual(put.body, { position: 'CEO', confidence_score: 99 });
  assert.deepEqual(out.updated_fields, ['position', 'confidence_score']);
  assert.equal((out.lead as { position: string }).position, 'CEO');
  assert.equal(
    out.message,
    'Updated position, confidence_score of lead 12 (Ada Lead12 <lead12@example.com>)',
  );
});

test('update_lead without a field to change, or of an unknown lead, says so', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('PUT /v2/leads/99', notFound);

  assert.match(
    failure(await call('update_lead', { id: 12 })),
    /^Give at least one field to change besides id: email, first_name/,
  );
  assert.equal(fake.requests.length, 0);
  assert.equal(failure(await call('update_lead', { id: 99, company: 'X' })), 'Lead not found: 99');
});

test('delete_lead deletes by id; a server error is not repeated (a second delete would answer 404)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('DELETE /v2/leads/12', { status: 204 });
  fake.route('DELETE /v2/leads/13', { status: 500, body: { errors: [{ id: 'server_error', code: 500 }] } });

  const out = data(await call('delete_lead', { id: 12 }));
  const failed = failure(await call('delete_lead', { id: 13 }));

  assertAuth(only(fake, 'DELETE', '/v2/leads/12'));
  assert.deepEqual(out, { deleted: true, id: 12, message: 'Deleted lead 12' });
  assert.match(failed, /may have gone through/);
  assert.equal(fake.requests.filter((r) => r.path === '/v2/leads/13').length, 1);
});

test('list_leads_lists pages; get, create, rename and delete a leads list', async (t) => {
  const { fake, call } = await setup(t);
  const lists = Array.from({ length: 3 }, (_, i) => leadsList(i + 1));
  fake.route('GET /v2/leads_lists', paged('leads_lists', lists));
  fake.route('GET /v2/leads_lists/2', { body: { data: leadsList(2) } });
  fake.route('POST /v2/leads_lists', { status: 201, body: { data: leadsList(9, 'Conference', 0) } });
  fake.route('PUT /v2/leads_lists/9', { status: 204 });
  fake.route('GET /v2/leads_lists/9', { body: { data: leadsList(9, 'Conference 2025', 0) } });
  fake.route('DELETE /v2/leads_lists/9', { status: 204 });
  fake.route('DELETE /v2/leads_lists/2', { status: 202 });

  const listed = data(await call('list_leads_lists', { limit: 2 }));
  const got = data(await call('get_leads_list', { id: 2 }));
  const created = data(await call('create_leads_list', { name: 'Conference' }));
  const renamed = data(await call('update_leads_list', { id: 9, name: 'Conference 2025' }));
  const deleted = data(await call('delete_leads_list', { id: 9 }));
  const scheduled = data(await call('delete_leads_list', { id: 2 }));

  for (const req of fake.requests) assertAuth(req);
  assert.deepEqual(listed, { leads_lists: lists.slice(0, 2), total: 3, next_offset: 2 });
  assert.deepEqual(got, { leads_list: leadsList(2) });
  assert.deepEqual(only(fake, 'POST', '/v2/leads_lists').body, { name: 'Conference' });
  assert.equal(created.message, 'Created leads list 9 "Conference"');
  assert.deepEqual(only(fake, 'PUT', '/v2/leads_lists/9').body, { name: 'Conference 2025' });
  assert.equal(renamed.message, 'Renamed leads list 9 to "Conference 2025"');
  assert.deepEqual(deleted, { deleted: true, scheduled: false, id: 9, message: 'Deleted leads list 9' });
  assert.deepEqual(scheduled, {
    deleted: true,
    scheduled: true,
    id: 2,
    message: 'Hunter is deleting leads list 2 in the background',
  });
});

test('an unknown leads list is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/leads_lists/404', notFound);
  fake.route('DELETE /v2/leads_lists/404', notFound);

  assert.equal(failure(await call('get_leads_list', { id: 404 })), 'Leads list not found: 404');
  assert.equal(failure(await call('delete_leads_list', { id: 404 })), 'Leads list not found: 404');
});
