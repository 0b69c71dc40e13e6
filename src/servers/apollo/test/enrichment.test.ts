import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { organization, person } from './fake-apollo.js';
import { data, failure, onlyRequest, setup } from './harness.js';

test('enrich_person posts people/match with the identifiers as query parameters and says credits were spent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/people/match', { body: { person } });
  const out = data(
    await call('enrich_person', {
      first_name: 'Tim',
      last_name: 'Zheng',
      domain: 'https://www.Apollo.io/',
      reveal_personal_emails: true,
    }),
  );
  const req = onlyRequest(fake);
  assert.deepEqual(query(req), {
    first_name: 'Tim',
    last_name: 'Zheng',
    domain: 'apollo.io',
    reveal_personal_emails: 'true',
  });
  assert.equal(req.body, undefined);
  assert.equal(out.matched, true);
  assert.equal(
    out.message,
    'Enriched Tim Zheng (64a7ff0cc4dfae00013df1a5), Founder & CEO; Apollo charged credits for the data returned.',
  );
});

test('enrich_person with reveal_phone_number needs an HTTPS webhook_url, and says where the numbers go', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/people/match', { body: { person } });
  assert.match(
    failure(await call('enrich_person', { email: 'tim@apollo.io', reveal_phone_number: true })),
    /webhook_url: required/,
  );
  assert.match(
    failure(
      await call('enrich_person', {
        email: 'tim@apollo.io',
        reveal_phone_number: true,
        webhook_url: 'http://hooks.example/x',
      }),
    ),
    /webhook_url/,
  );
  assert.match(
    failure(await call('enrich_person', { email: 'tim@apollo.io', webhook_url: 'https://hooks.example/x' })),
    /only used with/,
  );
  assert.match(failure(await call('enrich_person', { domain: 'apollo.io' })), /name the person/);
  assert.equal(fake.requests.length, 0);
  const out = data(
    await call('enrich_person', {
      email: 'tim@apollo.io',
      reveal_phone_number: true,
      webhook_url: 'https://hooks.example/x',
    }),
  );
  assert.match(String(out.message), /Phone numbers will be posted to https:\/\/hooks\.example\/x\.$/);
  assert.deepEqual(query(onlyRequest(fake)), {
    email: 'tim@apollo.io',
    reveal_phone_number: 'true',
    webhook_url: 'https://hooks.example/x',
  });
});

test('enrich_person with no match says no credits were spent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/people/match', { body: { person: null } });
  assert.deepEqual(data(await call('enrich_person', { name: 'Nobody Here' })), {
    matched: false,
    person: null,
    message: 'Apollo found no matching person; no credits were spent.',
  });
});

test('enrichment is not repeated after a 500 (credits may have been spent); a 429 per-minute is', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/people/match', { status: 500, body: { error: 'Internal error' } });
  assert.match(failure(await call('enrich_person', { email: 'tim@apollo.io' })), /may have gone through/);
  assert.equal(fake.requests.length, 1);
  fake.route('GET /api/v1/organizations/enrich', { status: 503, body: 'Service unavailable' });
  assert.match(failure(await call('enrich_organization', { domain: 'apollo.io' })), /may have gone through/);
  assert.equal(fake.requests.length, 2);
});

test('enrich_organization reads organizations/enrich?domain=', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v1/organizations/enrich', { body: { organization } });
  const out = data(await call('enrich_organization', { domain: 'www.apollo.io' }));
  assert.deepEqual(query(onlyRequest(fake)), { domain: 'apollo.io' });
  assert.equal(out.message, 'Enriched Apollo.io (5e66b6381e05b4008c8331b8) from apollo.io.');
  assert.match(failure(await call('enrich_organization', { domain: 'not a domain' })), /domain/);
});

test('enrich_organization with no match says so', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v1/organizations/enrich', { body: {} });
  assert.deepEqual(data(await call('enrich_organization', { domain: 'nothing.example' })), {
    matched: false,
    organization: null,
    message: 'Apollo found no organization for nothing.example.',
  });
});
