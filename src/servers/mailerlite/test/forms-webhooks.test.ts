import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { form, IDS, invalid, numberedPage, one, webhook } from './fake-mailerlite.js';
import { assertAuth, data, failure, setup } from './harness.js';

const F = IDS.form;
const W = IDS.webhook;

test('list_forms lists one type with guMCP’s page, sort and name filter', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/forms/embedded', {
    body: numberedPage('forms/embedded', [form(F, 'Footer sign-up', 'embedded')], 2, 2, 11),
  });
  const out = data(
    await call('list_forms', {
      type: 'embedded',
      limit: 10,
      page: 2,
      sort: '-conversions_count',
      filter: { name: 'sign' },
    }),
  );
  assert.deepEqual((out.forms as unknown[])[0], {
    id: F,
    name: 'Footer sign-up',
    type: 'embedded',
    slug: 'w3zZJj',
    active: true,
    double_optin: true,
    groups: [{ id: IDS.group, name: 'Newsletter' }],
    conversions_count: 12,
    opens_count: 100,
    conversion_rate: 0.12,
    last_registration_at: '2026-11-03T11:48:01.000000Z',
    created_at: '2026-02-03 11:43:33',
  });
  assert.equal(out.next_page, null);
  assert.equal(out.total, 11);
  const req = only(fake, 'GET', '/api/forms/embedded');
  assertAuth(req);
  assert.deepEqual(query(req), {
    'filter[name]': 'sign',
    sort: '-conversions_count',
    limit: '10',
    page: '2',
  });
  assert.match(failure(await call('list_forms', { type: 'landing_page' })), /type/);
});

test('get_form, update_form and delete_form', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /api/forms/${F}`, { body: one(form(F, 'Popup')) });
  fake.route(`PUT /api/forms/${F}`, { body: one(form(F, 'Winter popup')) });
  fake.route(`DELETE /api/forms/${F}`, { status: 204, body: '' });
  assert.equal(data(await call('get_form', { form_id: F })).message, `Form "Popup" (${F}) is a popup form.`);
  assert.equal(
    data(await call('update_form', { form_id: F, name: 'Winter popup' })).message,
    `Renamed form ${F} to "Winter popup".`,
  );
  assert.deepEqual(only(fake, 'PUT', `/api/forms/${F}`).body, { name: 'Winter popup' });
  assert.equal(data(await call('delete_form', { form_id: F })).message, `Deleted form ${F}.`);
  for (const r of fake.requests) assertAuth(r);
});

test('list_webhooks reads every page and leaves the signing secrets out', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/webhooks', (req) =>
    req.query.get('page') === '2'
      ? { body: numberedPage('webhooks', [webhook('2', 'Second')], 2, 2, 2, 1) }
      : { body: numberedPage('webhooks', [webhook('1', 'First')], 1, 2, 2, 1) },
  );
  const out = data(await call('list_webhooks'));
  const hooks = out.webhooks as Record<string, unknown>[];
  assert.deepEqual(
    hooks.map((h) => h.name),
    ['First', 'Second'],
  );
  for (const h of hooks) assert.equal('secret' in h, false);
  assert.deepEqual(fake.requests.map(query), [{ page: '1' }, { page: '2' }]);
  for (const r of fake.requests) {
    assert.equal(r.path, '/api/webhooks');
    assertAuth(r);
  }
});

test('get_webhook gives the signing secret; create_webhook too', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /api/webhooks/${W}`, { body: one(webhook(W, 'CRM sync')) });
  fake.route('POST /api/webhooks', { status: 201, body: one(webhook(W, 'CRM sync')) });
  const got = data(await call('get_webhook', { webhook_id: W }));
  assert.equal((got.webhook as Record<string, unknown>).secret, 'N8j0kwRp1w');
  assert.equal(got.message, `Webhook ${W} posts subscriber.created to https://hooks.acme.test/mailerlite.`);
  assertAuth(only(fake, 'GET', `/api/webhooks/${W}`));

  const made = data(
    await call('create_webhook', {
      name: 'CRM sync',
      events: ['subscriber.created'],
      url: 'https://hooks.acme.test/mailerlite',
    }),
  );
  assert.equal(
    made.message,
    `Created webhook "CRM sync" (${W}) posting subscriber.created to https://hooks.acme.test/mailerlite.`,
  );
  assert.equal((made.webhook as Record<string, unknown>).secret, 'N8j0kwRp1w');
  const post = only(fake, 'POST', '/api/webhooks');
  assertAuth(post);
  assert.deepEqual(post.body, {
    name: 'CRM sync',
    events: ['subscriber.created'],
    url: 'https://hooks.acme.test/mailerlite',
  });
});

test('update_webhook keeps the enabled state unless told (guMCP re-enabled it by default)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PUT /api/webhooks/${W}`, { body: one(webhook(W, 'CRM', { enabled: false })) });
  const args = {
    webhook_id: W,
    name: 'CRM',
    events: ['subscriber.updated'],
    url: 'https://hooks.acme.test/x',
  };
  const out = data(await call('update_webhook', args));
  assert.equal(
    out.message,
    `Updated webhook ${W}: subscriber.updated to https://hooks.acme.test/x (disabled).`,
  );
  assert.equal('secret' in (out.webhook as Record<string, unknown>), false);
  assert.deepEqual(fake.requests[0]?.body, {
    name: 'CRM',
    events: ['subscriber.updated'],
    url: 'https://hooks.acme.test/x',
  });
  assert.equal(fake.requests[0]?.method, 'PUT');
  assertAuth(fake.requests[0] ?? assert.fail());
  data(await call('update_webhook', { ...args, enabled: true }));
  assert.deepEqual((fake.requests[1]?.body as Record<string, unknown>).enabled, true);
});

test('webhook arguments are checked, and MailerLite’s refusal names the field', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('create_webhook', { name: 'x', events: ['created'], url: 'https://a.test' })),
    /events/,
  );
  assert.match(
    failure(await call('create_webhook', { name: 'x', events: ['subscriber.created'], url: 'hooks' })),
    /url/,
  );
  assert.equal(fake.requests.length, 0);
  fake.route('POST /api/webhooks', {
    status: 422,
    body: invalid('The selected events.0 is invalid.', { 'events.0': ['The selected events.0 is invalid.'] }),
  });
  assert.equal(
    failure(
      await call('create_webhook', { name: 'x', events: ['subscriber.exploded'], url: 'https://a.test' }),
    ),
    'MailerLite refused creating webhook "x" (HTTP 422): events[0]: The selected events.0 is invalid.',
  );
});

test('delete_webhook deletes it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE /api/webhooks/${W}`, { status: 204, body: '' });
  assert.equal(data(await call('delete_webhook', { webhook_id: W })).message, `Deleted webhook ${W}.`);
  assertAuth(only(fake, 'DELETE', `/api/webhooks/${W}`));
});
