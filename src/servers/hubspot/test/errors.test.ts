import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CORRELATION_ID,
  conflict,
  contact,
  daily,
  expiredToken,
  invalidProperty,
  missingScopes,
  notFound,
  serverError,
  tenSecondly,
} from './fake-hubspot.js';
import { assertAuth, data, failure, onlyRequest, setup, TOKEN } from './harness.js';

const CONTACT = '/crm/v3/objects/contacts/5101';
const REF = ` (HubSpot correlation id ${CORRELATION_ID})`;

test('401 asks the user to re-authenticate, with HubSpot’s category and correlation id, never the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${CONTACT}`, { status: 401, body: expiredToken });
  const message = failure(await call('update_contact', { contact_id: '5101', jobtitle: 'x' }));
  assert.equal(
    message,
    `Not authenticated with hubspot: HubSpot rejected the stored token (EXPIRED_AUTHENTICATION): it expired or was revoked${REF}. ` +
      'Re-authenticate with `gumcp auth hubspot`.',
  );
  assert.ok(!message.includes(TOKEN));
  onlyRequest(fake);
});

test('403 MISSING_SCOPES names the scope HubSpot asks for; without one named, the tool’s scopes', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /crm/v3/objects/contacts', { status: 403, body: missingScopes });
  fake.route('POST /engagements/v1/engagements', {
    status: 403,
    body: { ...missingScopes, errors: undefined },
  });
  assert.equal(
    failure(await call('list_contacts')),
    `Permission denied: the stored token lacks the scope "crm.objects.contacts.read". Re-authenticate to grant it.${REF}`,
  );
  assert.equal(
    failure(await call('create_engagement', { type: 'NOTE', metadata_body: 'x' })),
    `Permission denied: the stored token lacks the scope "crm.objects.contacts.write". Re-authenticate to grant it.${REF}`,
  );
});

test('404 names the record and carries the correlation id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /crm/v3/objects/tickets/31`, { status: 404, body: notFound });
  assert.equal(failure(await call('get_ticket', { ticket_id: '31' })), `Ticket not found: 31${REF}`);
});

test('a delete whose retry finds the record gone is not reported as a failure', async (t) => {
  const { fake, call } = await setup(t);
  // The first attempt went through but its answer was lost (502); the retry then finds nothing.
  fake.once(`DELETE /crm/v3/objects/products/72`, { status: 502, body: serverError });
  fake.route(`DELETE /crm/v3/objects/products/72`, { status: 404, body: notFound });
  assert.deepEqual(data(await call('delete_product', { product_id: '72' })), {
    id: '72',
    deleted: true,
    message: 'Product 72 is not in HubSpot: it was already deleted, or the id is wrong.',
  });
  assert.equal(fake.requests.length, 2);
});

test('409 on create_contact gives HubSpot’s message naming the existing contact; 400 names the bad property', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /crm/v3/objects/contacts', { status: 409, body: conflict });
  fake.route(`PATCH ${CONTACT}`, { status: 400, body: invalidProperty });
  assert.equal(
    failure(await call('create_contact', { email: 'ada@example.com' })),
    `HubSpot rejected the request for Contact (new) (HTTP 409 CONFLICT): Contact already exists. Existing ID: 5101${REF}`,
  );
  assert.equal(
    failure(await call('update_contact', { contact_id: '5101', properties: { colour: 'red' } })),
    `HubSpot rejected the request for Contact 5101 (HTTP 400 VALIDATION_ERROR): Property "colour" does not exist${REF}`,
  );
});

test('429 with Retry-After is retried, then the call succeeds', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`GET ${CONTACT}`, { status: 429, headers: { 'retry-after': '0' }, body: tenSecondly });
  fake.route(`GET ${CONTACT}`, { body: contact('5101') });
  fake.route('POST /engagements/v1/engagements', { body: { engagement: { id: 1, type: 'EMAIL' } } });
  data(await call('send_email', { contact_id: '5101', subject: 's', body: 'b' }));
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    [`GET ${CONTACT}`, `GET ${CONTACT}`, 'POST /engagements/v1/engagements'],
  );
  for (const req of fake.requests) assertAuth(req);
});

test('429 of the rolling 10-second limit without Retry-After waits the window HubSpot names, then retries', async (t) => {
  const { fake, call, clock } = await setup(t, undefined, { maxRetryAfterMs: 60_000 });
  fake.once(`GET ${CONTACT}`, {
    status: 429,
    headers: { 'x-hubspot-ratelimit-interval-milliseconds': '10000', 'x-hubspot-ratelimit-remaining': '0' },
    body: tenSecondly,
  });
  fake.route(`GET ${CONTACT}`, { body: contact('5101') });
  fake.route('POST /engagements/v1/engagements', { body: { engagement: { id: 1, type: 'EMAIL' } } });
  data(await call('send_email', { contact_id: '5101', subject: 's', body: 'b' }));
  assert.deepEqual(clock.sleeps, [10_000]);
});

test('a 429 that persists says when to try again; the daily limit is not retried and says when it resets', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /crm/v3/objects/tickets/31`, {
    status: 429,
    headers: { 'retry-after': '7' },
    body: tenSecondly,
  });
  fake.route(`GET /crm/v3/objects/tickets/32`, { status: 429, body: daily });
  assert.equal(
    failure(await call('get_ticket', { ticket_id: '31' })),
    `Rate limited by HubSpot (the per-10-seconds limit of the app in this account); try again in 7 s${REF}`,
  );
  assert.equal(fake.requests.length, 1, 'a wait longer than the client allows is not waited out');
  assert.equal(
    failure(await call('get_ticket', { ticket_id: '32' })),
    `HubSpot's daily API limit for this account is used up; it resets at midnight in the account's time zone${REF}`,
  );
  assert.equal(fake.requests.length, 2);
});

test('the daily limit is not retried even when its 429 carries a short Retry-After', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /crm/v3/objects/tickets/32`, { status: 429, headers: { 'retry-after': '1' }, body: daily });
  assert.equal(
    failure(await call('get_ticket', { ticket_id: '32' })),
    `HubSpot's daily API limit for this account is used up; it resets at midnight in the account's time zone${REF}`,
  );
  assert.equal(fake.requests.length, 1);
});

test('5xx on a read is retried; when retries run out the message says to try later', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /crm/v3/objects/tickets/31`, { status: 502, body: serverError });
  assert.equal(
    failure(await call('get_ticket', { ticket_id: '31' })),
    `HubSpot failed (HTTP 502)${REF}; try again later`,
  );
  assert.equal(fake.requests.length, 3);
});

test('5xx on create_contact is not retried, and says the contact may exist and to search its email first', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /crm/v3/objects/contacts', { status: 500, body: serverError });
  assert.equal(
    failure(await call('create_contact', { email: 'ada@example.com' })),
    `HubSpot failed (HTTP 500)${REF}; the contact may have been created: HubSpot has no idempotency key for creates, ` +
      "so it was not sent again. A contact's email is unique: search for ada@example.com (search_contacts, " +
      'filter_property "email", filter_operator "EQ") before creating it again.',
  );
  assert.equal(fake.requests.length, 1);
});

test('a create that gets no answer in time is not retried, and says it may have gone through', async (t) => {
  const { fake, call } = await setup(t, undefined, { timeoutMs: 50 });
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  t.after(() => release());
  fake.route('POST /crm/v3/objects/deals', async () => {
    await held;
    return { status: 201, body: {} };
  });
  assert.equal(
    failure(await call('create_deal', { dealname: 'Engine #3' })),
    'HubSpot did not answer; the deal may have been created: HubSpot has no idempotency key for creates, so it was not ' +
      'sent again. Look for "Engine #3" (list_deals with query) before creating it again.',
  );
  assert.equal(fake.requests.length, 1);
});

test('5xx on a merge is not retried either', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /crm/v3/objects/tickets/merge', { status: 503, body: serverError });
  assert.equal(
    failure(await call('merge_tickets', { primary_ticket_id: '31', secondary_ticket_id: '35' })),
    `HubSpot failed (HTTP 503)${REF}; the merge may have happened: HubSpot merges only once, so it was not sent again. ` +
      'Check whether ticket 35 still exists before merging again.',
  );
  assert.equal(fake.requests.length, 1);
});

test('without stored credentials, or without an access token in them, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(
    failure(await none.call('get_ticket', { ticket_id: '31' })),
    /Not authenticated with hubspot: no credentials/,
  );
  const empty = await setup(t, { refresh_token: 'r' });
  assert.match(
    failure(await empty.call('get_ticket', { ticket_id: '31' })),
    /Not authenticated with hubspot: the stored credentials hold no access token/,
  );
  assert.equal(none.fake.requests.length + empty.fake.requests.length, 0);
});
