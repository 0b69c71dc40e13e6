import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { text } from '../../../testing/mcp.js';
import {
  account,
  company,
  domainEmail,
  domainSearch,
  emailCount,
  errors,
  finder,
  notFound,
  person,
  verifier,
} from './fake-hunter.js';
import { assertAuth, data, failure, setup } from './harness.js';

test('domain_search asks for the limit given, trims sources to a count, and says where the next addresses start', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/domain-search', {
    body: domainSearch([domainEmail(1), domainEmail(2)], 35, 2, 0),
  });

  const out = data(await call('domain_search', { domain: 'https://www.Stripe.com/about', limit: 2 }));

  const req = only(fake, 'GET', '/v2/domain-search');
  assertAuth(req);
  assert.deepEqual(query(req), { domain: 'www.stripe.com', limit: '2', offset: '0' });
  assert.equal(out.organization, 'Stripe');
  assert.equal(out.pattern, '{first}');
  assert.equal(out.total, 35);
  assert.equal(out.next_offset, 2);
  assert.deepEqual((out.emails as Record<string, unknown>[])[0], {
    value: 'person1@stripe.com',
    type: 'personal',
    confidence: 91,
    first_name: 'First1',
    last_name: 'Last1',
    position: 'Engineer',
    seniority: 'senior',
    department: 'it',
    linkedin: null,
    twitter: null,
    phone_number: null,
    verification_status: 'valid',
    sources_count: 2,
  });
});

test('domain_search passes its filters and, when asked, the sources; the last page has no next_offset', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/domain-search', { body: domainSearch([domainEmail(11)], 11, 10, 10) });

  const out = data(
    await call('domain_search', {
      domain: 'stripe.com',
      offset: 10,
      type: 'personal',
      seniority: 'senior,executive',
      department: 'it',
      include_sources: true,
    }),
  );

  assert.deepEqual(query(only(fake, 'GET', '/v2/domain-search')), {
    domain: 'stripe.com',
    limit: '10',
    offset: '10',
    type: 'personal',
    seniority: 'senior,executive',
    department: 'it',
  });
  assert.equal(out.next_offset, undefined);
  const [first] = out.emails as { sources: unknown[] }[];
  assert.equal(first?.sources.length, 2);
});

test('domain_search refuses what is not a domain, and a limit over Hunter’s 100, before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('domain_search', { domain: 'not a domain' })),
    /domain.*must be a domain name/s,
  );
  assert.match(failure(await call('domain_search', { domain: 'stripe.com', limit: 500 })), /limit/);
  assert.equal(fake.requests.length, 0);
});

test('email_finder returns the address and its score', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/email-finder', { body: finder });

  const out = data(
    await call('email_finder', { domain: 'stripe.com', first_name: 'Patrick', last_name: 'Collison' }),
  );

  const req = only(fake, 'GET', '/v2/email-finder');
  assertAuth(req);
  assert.deepEqual(query(req), { domain: 'stripe.com', first_name: 'Patrick', last_name: 'Collison' });
  assert.deepEqual(out, {
    found: true,
    email: 'patrick@stripe.com',
    score: 97,
    first_name: 'Patrick',
    last_name: 'Collison',
    domain: 'stripe.com',
    company: 'Stripe',
    position: 'CEO',
    accept_all: false,
    linkedin_url: null,
    twitter: 'patrickc',
    phone_number: null,
    verification_status: 'valid',
    sources_count: 1,
  });
});

test('email_finder answers found: false when Hunter has no address (404 or an empty email)', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('GET /v2/email-finder', notFound);
  fake.route('GET /v2/email-finder', { body: { data: { ...finder.data, email: null, score: null } } });
  const args = { domain: 'stripe.com', first_name: 'No', last_name: 'Body' };

  assert.equal(data(await call('email_finder', args)).found, false);
  assert.equal(data(await call('email_finder', args)).found, false);
  assert.equal(fake.requests.length, 2);
});

test('email_verifier returns the status and the checks made', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/email-verifier', { body: verifier('patrick@stripe.com') });

  const out = data(await call('email_verifier', { email: 'patrick@stripe.com' }));

  const req = only(fake, 'GET', '/v2/email-verifier');
  assertAuth(req);
  assert.deepEqual(query(req), { email: 'patrick@stripe.com' });
  assert.deepEqual(out, {
    email: 'patrick@stripe.com',
    status: 'valid',
    score: 100,
    regexp: true,
    gibberish: false,
    disposable: false,
    webmail: false,
    mx_records: true,
    smtp_server: true,
    smtp_check: true,
    accept_all: false,
    block: false,
    sources_count: 1,
  });
});

test('email_verifier waits while Hunter answers 202 (still verifying), with growing waits, then returns the result', async (t) => {
  const { fake, call, sleeps } = await setup(t, undefined, { verifyFirstDelayMs: 100 });
  const pending = {
    status: 202,
    body: { data: { ...verifier('slow@example.com').data, status: 'unknown' } },
  };
  fake.once('GET /v2/email-verifier', pending, pending);
  fake.route('GET /v2/email-verifier', { body: verifier('slow@example.com', 'accept_all') });

  const out = data(await call('email_verifier', { email: 'slow@example.com' }));

  assert.equal(out.status, 'accept_all');
  assert.equal(fake.requests.length, 3);
  assert.deepEqual(sleeps, [100, 150]);
});

test('email_verifier gives up at its deadline and says Hunter goes on verifying', async (t) => {
  const { fake, call } = await setup(t, undefined, { verifyDeadlineMs: 0 });
  fake.route('GET /v2/email-verifier', { status: 202, body: verifier('slow@example.com') });

  assert.equal(
    failure(await call('email_verifier', { email: 'slow@example.com' })),
    'The verification of slow@example.com is still running after 0 s; Hunter goes on verifying it: call ' +
      'email_verifier again in a minute',
  );
});

test('email_count returns the counts by type, department and seniority', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/email-count', { body: emailCount });

  const out = data(await call('email_count', { domain: 'stripe.com' }));

  const req = only(fake, 'GET', '/v2/email-count');
  assertAuth(req);
  assert.deepEqual(query(req), { domain: 'stripe.com' });
  assert.deepEqual(out, { domain: 'stripe.com', ...emailCount.data });
});

test('email_enrichment returns the person; found: false when Hunter knows nobody', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/people/find', { body: person });

  const out = data(await call('email_enrichment', { email: 'patrick@stripe.com' }));
  fake.route('GET /v2/people/find', notFound);
  const none = data(await call('email_enrichment', { email: 'nobody@stripe.com' }));

  const [first] = fake.requests;
  assert.ok(first);
  assertAuth(first);
  assert.deepEqual(query(first), { email: 'patrick@stripe.com' });
  assert.deepEqual(out, { found: true, person: person.data });
  assert.deepEqual(none, { found: false, person: null });
});

test('email_enrichment of a person who asked to be erased (451) says to leave them out', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'GET /v2/people/find',
    errors(451, 'claimed_email', 'This person asked us not to process their data.'),
  );

  assert.equal(
    failure(await call('email_enrichment', { email: 'private@example.com' })),
    'Hunter may not process data about this person (they asked for their data to be erased): This person ' +
      'asked us not to process their data; leave them out of the workflow.',
  );
  assert.equal(fake.requests.length, 1, 'not retried');
});

test('company_enrichment returns the company; found: false when Hunter knows none', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/companies/find', { body: company });

  const out = data(await call('company_enrichment', { domain: 'stripe.com' }));
  fake.route('GET /v2/companies/find', notFound);
  const none = data(await call('company_enrichment', { domain: 'unknown-company.example' }));

  const [first] = fake.requests;
  assert.ok(first);
  assertAuth(first);
  assert.deepEqual(query(first), { domain: 'stripe.com' });
  assert.deepEqual(out, { found: true, company: company.data });
  assert.deepEqual(none, { found: false, company: null });
});

test('account_info returns the plan, the usage and the reset date', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/account', { body: account });

  const result = await call('account_info');

  assertAuth(only(fake, 'GET', '/v2/account'));
  assert.deepEqual(data(result), account.data);
  assert.match(text(result), /"reset_date":"2025-07-01"/);
});
