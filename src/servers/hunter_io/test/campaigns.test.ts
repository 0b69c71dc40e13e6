import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { campaign, notFound, paged, recipient } from './fake-hunter.js';
import { assertAuth, data, failure, setup } from './harness.js';

const RECIPIENTS = '/v2/campaigns/5/recipients';

test('list_campaigns pages with its filters and returns each campaign’s state', async (t) => {
  const { fake, call } = await setup(t);
  const campaigns = Array.from({ length: 130 }, (_, i) => campaign(i + 1, { started: true }));
  fake.route('GET /v2/campaigns', paged('campaigns', campaigns));

  const out = data(await call('list_campaigns', { limit: 110, started: true, archived: false }));

  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { started: 'true', archived: 'false', limit: '100', offset: '0' },
      { started: 'true', archived: 'false', limit: '10', offset: '100' },
    ],
  );
  for (const req of fake.requests) assertAuth(req);
  assert.equal((out.campaigns as unknown[]).length, 110);
  assert.deepEqual((out.campaigns as unknown[])[0], campaigns[0]);
  assert.equal(out.total, 130);
  assert.equal(out.next_offset, 110);
});

test('list_campaign_recipients pages the recipients of a campaign; an unknown campaign is named', async (t) => {
  const { fake, call } = await setup(t);
  const recipients = [recipient('a@example.com', 1), recipient('b@example.com'), recipient('c@example.com')];
  fake.route(`GET ${RECIPIENTS}`, paged('recipients', recipients));
  fake.route('GET /v2/campaigns/404/recipients', notFound);

  const out = data(await call('list_campaign_recipients', { id: 5, limit: 2 }));
  const rest = data(await call('list_campaign_recipients', { id: 5, offset: 2 }));

  assertAuth(fake.requests[0] ?? assert.fail('no request'));
  assert.deepEqual(out, { campaign_id: 5, recipients: recipients.slice(0, 2), total: 3, next_offset: 2 });
  assert.deepEqual(rest, { campaign_id: 5, recipients: recipients.slice(2), total: 3 });
  assert.equal(failure(await call('list_campaign_recipients', { id: 404 })), 'Campaign not found: 404');
});

test('add_campaign_recipients posts the addresses and lead ids, and says exactly who was added and skipped', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${RECIPIENTS}`, {
    status: 201,
    body: {
      data: {
        recipients_added: 2,
        skipped_recipients: [{ email: 'dup@example.com', reason: 'duplicate' }],
      },
    },
  });

  const out = data(
    await call('add_campaign_recipients', {
      id: 5,
      emails: ['new@example.com', 'dup@example.com', 'NEW@example.com'],
      lead_ids: [12],
    }),
  );

  const req = only(fake, 'POST', RECIPIENTS);
  assertAuth(req);
  assert.deepEqual(req.body, { emails: ['new@example.com', 'dup@example.com'], lead_ids: [12] });
  assert.deepEqual(out, {
    campaign_id: 5,
    recipients_added: 2,
    added_emails: ['new@example.com'],
    added_lead_ids: [12],
    skipped: [{ email: 'dup@example.com', reason: 'duplicate' }],
    message:
      'Added 2 recipients to campaign 5: new@example.com, lead 12. Skipped: dup@example.com (duplicate). ' +
      'A started campaign emails them on its schedule; a draft emails them once started.',
  });
});

test('add_campaign_recipients with only lead ids sends no emails field; a count Hunter disagrees with is said', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${RECIPIENTS}`, {
    status: 201,
    body: { data: { recipients_added: 1, skipped_recipients: [] } },
  });

  const out = data(await call('add_campaign_recipients', { id: 5, emails: [], lead_ids: [12, 13] }));

  assert.deepEqual(only(fake, 'POST', RECIPIENTS).body, { lead_ids: [12, 13] });
  assert.deepEqual(out.added_lead_ids, [12, 13]);
  assert.match(
    String(out.message),
    /Hunter counted 1 added where 2 were given and not skipped .*list_campaign_recipients shows the recipients/,
  );
});

test('add_campaign_recipients with nothing to add, a bad address or more than 50 fails before any request', async (t) => {
  const { fake, call } = await setup(t);
  const many = Array.from({ length: 51 }, (_, i) => `p${i}@example.com`);

  assert.equal(
    failure(await call('add_campaign_recipients', { id: 5, emails: [], lead_ids: [] })),
    'emails and lead_ids are both empty: give at least one address or lead id to add',
  );
  assert.match(
    failure(await call('add_campaign_recipients', { id: 5, emails: ['nope'], lead_ids: [] })),
    /emails/,
  );
  assert.match(
    failure(await call('add_campaign_recipients', { id: 5, emails: many, lead_ids: [] })),
    /emails/,
  );
  assert.equal(fake.requests.length, 0);
});

test('add_campaign_recipients is not repeated after a server error: the recipients may have been added', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${RECIPIENTS}`, { status: 503, body: '' });

  assert.match(
    failure(await call('add_campaign_recipients', { id: 5, emails: ['a@example.com'], lead_ids: [] })),
    /Hunter failed \(HTTP 503\); the request may have gone through/,
  );
  assert.equal(fake.requests.length, 1);
});

test('add_campaign_recipients to an unknown campaign names it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/campaigns/404/recipients', notFound);

  assert.equal(
    failure(await call('add_campaign_recipients', { id: 404, emails: ['a@example.com'], lead_ids: [] })),
    'Campaign not found: 404',
  );
});

test('cancel_campaign_recipients deletes with the addresses in the body and says which were canceled', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE ${RECIPIENTS}`, {
    body: { data: { recipients_canceled: ['a@example.com'], messages_canceled: 2 } },
  });

  const out = data(
    await call('cancel_campaign_recipients', { id: 5, emails: ['a@example.com', 'x@example.com'] }),
  );

  const req = only(fake, 'DELETE', RECIPIENTS);
  assertAuth(req);
  assert.deepEqual(req.body, { emails: ['a@example.com', 'x@example.com'] });
  assert.deepEqual(out, {
    campaign_id: 5,
    recipients_canceled: ['a@example.com'],
    messages_canceled: 2,
    not_canceled: ['x@example.com'],
    message:
      'Canceled 1 recipient of campaign 5: a@example.com (2 emails will not be sent). Not canceled (not ' +
      'recipients, or nothing left to send): x@example.com.',
  });
});

test('start_campaign starts it, and says when it was already started', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /v2/campaigns/5/start', { body: { data: { message: 'Sequence started.' } } });
  fake.route('POST /v2/campaigns/5/start', { body: { data: { message: 'Sequence already started.' } } });

  const started = data(await call('start_campaign', { id: 5 }));
  const again = data(await call('start_campaign', { id: 5 }));

  assertAuth(fake.requests[0] ?? assert.fail('no request'));
  assert.deepEqual(started, {
    campaign_id: 5,
    started: true,
    already_started: false,
    message:
      "Started campaign 5: Hunter emails its recipients on the campaign's schedule (Hunter: Sequence started.)",
  });
  assert.deepEqual(again, {
    campaign_id: 5,
    started: false,
    already_started: true,
    message: 'Campaign 5 was already started; nothing changed (Hunter: Sequence already started.)',
  });
});

test('start_campaign that Hunter refuses (422) says why, and is not repeated', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/campaigns/5/start', {
    status: 422,
    body: { errors: [{ id: 'invalid_campaign', code: 422, details: 'The campaign has no recipients' }] },
  });

  assert.equal(
    failure(await call('start_campaign', { id: 5 })),
    'Hunter rejected the request for Campaign 5 (HTTP 422): The campaign has no recipients',
  );
  assert.equal(fake.requests.length, 1);
});
