import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { DEFAULT_FIELDS } from '../api.js';
import { CAMPAIGN_ID, campaignResource, meta, tierResource, userResource } from './fake-patreon.js';
import { assertAuth, data, failure, path, setup } from './harness.js';

const all = (type: string) => DEFAULT_FIELDS[type]?.join(',');

test('get_identity asks for every documented user attribute (Patreon sends none unasked)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${path('identity')}`, { body: { data: userResource(), links: { self: 'x' } } });

  const out = data(await call('get_identity'));

  assert.deepEqual(out, {
    user: {
      id: '111',
      type: 'user',
      email: 'some_email@email.com',
      full_name: 'Platform Team',
      related: { campaign: { id: CAMPAIGN_ID, type: 'campaign' } },
    },
  });
  const req = only(fake, 'GET', path('identity'));
  assertAuth(req);
  assert.deepEqual(query(req), { 'fields[user]': all('user') });
});

test('get_identity with includes asks for the included types’ attributes too, and resolves them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${path('identity')}`, {
    body: {
      data: userResource(),
      included: [
        { attributes: { is_monthly: true, summary: 'Hi There' }, id: CAMPAIGN_ID, type: 'campaign' },
      ],
    },
  });

  const out = data(
    await call('get_identity', {
      includes: ['campaign'],
      fields: { user: 'full_name,email', campaign: ['summary', 'is_monthly'] },
    }),
  );

  assert.deepEqual(out.user, {
    id: '111',
    type: 'user',
    email: 'some_email@email.com',
    full_name: 'Platform Team',
    related: { campaign: { id: CAMPAIGN_ID, type: 'campaign', is_monthly: true, summary: 'Hi There' } },
  });
  assert.deepEqual(query(only(fake, 'GET', path('identity'))), {
    include: 'campaign',
    'fields[user]': 'full_name,email',
    'fields[campaign]': 'summary,is_monthly',
  });
});

test('get_identity with memberships asks for member attributes by default', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${path('identity')}`, { body: { data: userResource() } });
  data(await call('get_identity', { includes: ['memberships'] }));
  assert.deepEqual(query(fake.requests[0] as never), {
    include: 'memberships',
    'fields[user]': all('user'),
    'fields[member]': all('member'),
  });
});

test('get_campaigns lists the user’s campaigns with their attributes', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${path('campaigns')}`, {
    body: { data: [campaignResource()], meta: { pagination: { total: 1 } } },
  });
  const out = data(await call('get_campaigns'));
  assert.deepEqual(out, {
    count: 1,
    next_cursor: null,
    total: 1,
    campaigns: [{ ...campaignResource().attributes, id: CAMPAIGN_ID, type: 'campaign' }],
  });
  const req = only(fake, 'GET', path('campaigns'));
  assertAuth(req);
  assert.deepEqual(query(req), { 'fields[campaign]': all('campaign') });
});

test('get_campaign with tiers includes them, with the tier attributes asked for', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${path(`campaigns/${CAMPAIGN_ID}`)}`, {
    body: {
      data: campaignResource(CAMPAIGN_ID, {
        tiers: {
          data: [
            { id: '54321', type: 'tier' },
            { id: '999', type: 'tier' },
          ],
        },
      }),
      included: [tierResource('54321')],
    },
  });

  const out = data(await call('get_campaign', { campaign_id: CAMPAIGN_ID, includes: ['tiers'] }));

  const campaign = out.campaign as { related: { tiers: unknown[] }; summary: string };
  assert.equal(campaign.summary, 'Putting the internet to work for creators.');
  assert.deepEqual(campaign.related.tiers, [
    { ...tierResource('54321').attributes, id: '54321', type: 'tier' },
    // A relationship Patreon did not include stays a reference.
    { id: '999', type: 'tier' },
  ]);
  assert.deepEqual(query(only(fake, 'GET', path(`campaigns/${CAMPAIGN_ID}`))), {
    include: 'tiers',
    'fields[campaign]': all('campaign'),
    'fields[tier]': all('tier'),
  });
});

test('wrong fields and includes name the argument and reach no service', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('get_identity', { fields: { pledge: 'amount' } })),
    /fields.*unknown resource type "pledge"/s,
  );
  assert.match(failure(await call('get_identity', { fields: { user: '' } })), /fields/);
  assert.match(failure(await call('get_identity', { includes: ['tiers'] })), /includes/);
  assert.match(failure(await call('get_campaign', { campaign_id: '../identity' })), /campaign_id/);
  assert.equal(fake.requests.length, 0);
});

test('a campaign answer without meta still lists', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${path('campaigns')}`, { body: { data: [], meta: meta(0, null) } });
  assert.deepEqual(data(await call('get_campaigns')), {
    count: 0,
    next_cursor: null,
    total: 0,
    campaigns: [],
  });
});
