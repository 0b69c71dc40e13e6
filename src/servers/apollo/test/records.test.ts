import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import {
  account,
  accountStages,
  contact,
  contactStages,
  deal,
  dealStages,
  errors,
  search,
} from './fake-apollo.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const CONTACT = '66e34b81740c50074e3d1bd4';
const ACCOUNT = '5fe0a1b2c3d4e5f6a7b8c9d0';
const DEAL = '5fdca1b2c3d4e5f6a7b8c9d0';

test('create_contact posts the contact and says who was created', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts', { body: { contact: contact(CONTACT), labels: [] } });
  const out = data(
    await call('create_contact', {
      first_name: 'Fyodor',
      last_name: 'Dostoevsky',
      email: 'fyodo@apollo.io',
      label_names: ['writers'],
      direct_phone: '555-555-0149',
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    first_name: 'Fyodor',
    last_name: 'Dostoevsky',
    email: 'fyodo@apollo.io',
    label_names: ['writers'],
    direct_phone: '555-555-0149',
  });
  assert.equal(out.message, `Created contact Fyodor Dostoevsky (${CONTACT}).`);
});

test('create_contact with run_dedupe says a matching contact may have been updated', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts', { body: { contact: contact(CONTACT) } });
  const out = data(
    await call('create_contact', { first_name: 'Fyodor', last_name: 'Dostoevsky', run_dedupe: true }),
  );
  assert.equal((onlyRequest(fake).body as { run_dedupe: boolean }).run_dedupe, true);
  assert.match(String(out.message), /either created it or updated a matching contact/);
});

test('create_contact is not retried after a 500: Apollo may have created it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts', { status: 500, body: 'Internal error' });
  assert.equal(
    failure(await call('create_contact', { first_name: 'A', last_name: 'B' })),
    'Apollo failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('update_contact patches only the fields given; none is refused', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH /api/v1/contacts/${CONTACT}`, {
    body: { contact: contact(CONTACT, { title: 'Chief Writer' }) },
  });
  const out = data(await call('update_contact', { contact_id: CONTACT, title: 'Chief Writer' }));
  assert.deepEqual(onlyRequest(fake).body, { title: 'Chief Writer' });
  assert.equal(out.message, `Updated title of contact Fyodor Dostoevsky (${CONTACT}).`);
  assert.match(failure(await call('update_contact', { contact_id: CONTACT })), /give at least one field/);
});

test('update_contact names the contact Apollo does not know, and Apollo’s reason for a bad id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('PATCH /api/v1/contacts/nope', { status: 404, body: { error: 'Not found' } });
  fake.route('PATCH /api/v1/contacts/bad', { status: 422, body: errors.invalidId });
  assert.equal(
    failure(await call('update_contact', { contact_id: 'nope', title: 'x' })),
    'Contact not found: nope',
  );
  assert.equal(
    failure(await call('update_contact', { contact_id: 'bad', account_id: 'x', title: 'x' })),
    'Apollo rejected the request for Contact bad (HTTP 422): Parameters misconfigured. 63f53afe4ceeca00016bdd2fsfsdf is not a valid ID',
  );
});

test('delete_contact says Apollo’s API cannot delete contacts, and sends nothing', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('delete_contact', { contact_id: CONTACT })),
    new RegExp(`^Contact ${CONTACT} was not deleted: Apollo's API has no way to delete a contact`),
  );
  assert.equal(fake.requests.length, 0);
});

test('the stage lists read contact_stages, account_stages and opportunity_stages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v1/contact_stages', { body: contactStages });
  fake.route('GET /api/v1/account_stages', { body: accountStages });
  fake.route('GET /api/v1/opportunity_stages', { body: dealStages });
  assert.deepEqual(data(await call('list_contact_stages')), contactStages);
  assert.deepEqual(data(await call('list_account_stages')), accountStages);
  assert.deepEqual(data(await call('list_deal_stages')), { deal_stages: dealStages.opportunity_stages });
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    ['GET /api/v1/contact_stages', 'GET /api/v1/account_stages', 'GET /api/v1/opportunity_stages'],
  );
});

test('create_account posts the account; update_account patches it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/accounts', { body: { account: account(ACCOUNT, 'Google'), team: { id: 't' } } });
  fake.route(`PATCH /api/v1/accounts/${ACCOUNT}`, {
    body: { account: account(ACCOUNT, 'new name'), labels: [] },
  });
  const created = data(
    await call('create_account', {
      name: 'Google',
      domain: 'google.com',
      phone: '1-866-246-6453',
      raw_address: '1600 Amphitheatre Parkway',
    }),
  );
  assert.equal(created.message, `Created account Google (${ACCOUNT}).`);
  const updated = data(await call('update_account', { account_id: ACCOUNT, name: 'new name' }));
  assert.equal(updated.message, `Updated name of account new name (${ACCOUNT}).`);
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, r.body]),
    [
      [
        'POST',
        '/api/v1/accounts',
        {
          name: 'Google',
          domain: 'google.com',
          phone: '1-866-246-6453',
          raw_address: '1600 Amphitheatre Parkway',
        },
      ],
      ['PATCH', `/api/v1/accounts/${ACCOUNT}`, { name: 'new name' }],
    ],
  );
});

test('create_deal sends the amount as Apollo takes it; update_deal patches stage and outcome', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/opportunities', { body: { opportunity: deal(DEAL, 'Opportunity Name') } });
  fake.route(`PATCH /api/v1/opportunities/${DEAL}`, {
    body: { opportunity: deal(DEAL, 'Opportunity Name', { is_closed: true, is_won: true }) },
  });
  const created = data(
    await call('create_deal', {
      name: 'Opportunity Name',
      amount: 200,
      closed_date: '2020-12-18',
      account_id: '5f06a1b2c3d4e5f6a7b8c9d0',
      opportunity_stage_id: '5c14a1b2c3d4e5f6a7b8c9d0',
    }),
  );
  assert.equal(created.message, `Created deal Opportunity Name (${DEAL}).`);
  const updated = data(
    await call('update_deal', { opportunity_id: DEAL, is_closed: true, is_won: true, source: 'referral' }),
  );
  assert.equal(updated.message, `Updated is_closed, is_won, source of deal Opportunity Name (${DEAL}).`);
  assert.deepEqual(
    fake.requests.map((r) => r.body),
    [
      {
        name: 'Opportunity Name',
        amount: '200',
        closed_date: '2020-12-18',
        account_id: '5f06a1b2c3d4e5f6a7b8c9d0',
        opportunity_stage_id: '5c14a1b2c3d4e5f6a7b8c9d0',
      },
      { is_closed: true, is_won: true, source: 'referral' },
    ],
  );
  assert.match(failure(await call('create_deal', { name: 'x', amount: '$200' })), /amount/);
  assert.match(failure(await call('create_deal', { name: 'x', closed_date: '12/18/2020' })), /closed_date/);
});

test('list_deals reads opportunities/search page by page up to limit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v1/opportunities/search', (req) => {
    const page = Number(req.query.get('page'));
    const perPage = Number(req.query.get('per_page'));
    const deals = Array.from({ length: perPage }, (_, i) =>
      deal(`d${(page - 1) * perPage + i}`, `Deal ${i}`),
    );
    return { body: search('opportunities', deals, page, perPage, 6) };
  });
  const out = data(await call('list_deals', { per_page: 2, limit: 4, sort_by_field: 'amount' }));
  assert.equal(out.count, 4);
  assert.equal(out.next_page, 3);
  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [1, 2].map((page) => ({ page: String(page), per_page: '2', sort_by_field: 'amount' })),
  );
  assert.deepEqual(Object.keys((out.deals as object[])[0] ?? {}).sort(), [
    'account_id',
    'amount',
    'closed_date',
    'created_at',
    'id',
    'is_closed',
    'is_won',
    'name',
    'opportunity_stage_id',
    'owner_id',
    'stage_name',
  ]);
});

test('list_deals without a master key says what is needed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v1/opportunities/search', { status: 403, body: errors.inaccessible });
  assert.equal(
    failure(await call('list_deals', {})),
    'Apollo refused access to Deals of the team: api/v1/opportunities/search is not accessible with this api_key. ' +
      'This endpoint needs a master API key (Apollo: Settings > Integrations > API) or a plan that includes it',
  );
});
