import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { CREATED_ISO, customer, deletedCustomer, paymentMethod } from './fake-stripe.js';
import { assertHeaders, data, failure, formOf, keyOf, onlyRequest, setup } from './harness.js';

test('list_customers follows starting_after over two pages up to limit, and says where to continue', async (t) => {
  const h = await setup(t);
  for (let i = 1; i <= 150; i++) h.objects.customers.set(`cus_${i}`, customer(`cus_${i}`));
  const out = data(await h.call('list_customers', { limit: 120 }));
  assert.equal(out.count, 120);
  assert.equal(out.has_more, true);
  assert.equal(out.next_starting_after, 'cus_31');
  const customers = out.customers as { id: string }[];
  assert.equal(customers[0]?.id, 'cus_150');
  assert.deepEqual(
    h.fake.requests.map((r) => query(r)),
    [{ limit: '100' }, { limit: '20', starting_after: 'cus_51' }],
  );
  for (const r of h.fake.requests) assertHeaders(r);
});

test('list_customers filters by email and ends the list with next_starting_after null', async (t) => {
  const h = await setup(t);
  h.objects.customers.set('cus_1', customer('cus_1'));
  const out = data(await h.call('list_customers', { email: 'cus_1@example.com' }));
  assert.deepEqual(out, {
    count: 1,
    has_more: false,
    next_starting_after: null,
    customers: [
      {
        id: 'cus_1',
        email: 'cus_1@example.com',
        name: 'Ada Lovelace',
        phone: null,
        description: null,
        address: null,
        balance: 0,
        currency: null,
        delinquent: false,
        default_payment_method: null,
        created: CREATED_ISO,
        livemode: false,
        deleted: false,
        metadata: {},
      },
    ],
  });
  assert.deepEqual(query(onlyRequest(h)), { email: 'cus_1@example.com', limit: '10' });
});

test('retrieve_customer returns the customer, its whole object with full, and says when it was deleted', async (t) => {
  const h = await setup(t);
  h.objects.customers.set('cus_1', customer('cus_1', { metadata: { tier: 'gold' } }));
  h.objects.customers.set('cus_gone', deletedCustomer('cus_gone'));
  const out = data(await h.call('retrieve_customer', { customer_id: 'cus_1', full: true }));
  assert.deepEqual(out.metadata, { tier: 'gold' });
  assert.equal((out.stripe_object as { invoice_prefix: string }).invoice_prefix, 'ABC123');
  const gone = data(await h.call('retrieve_customer', { customer_id: 'cus_gone' }));
  assert.equal(gone.deleted, true);
  assert.equal(gone.email, null);
  assert.deepEqual(
    h.fake.requests.map((r) => `${r.method} ${r.path}`),
    ['GET /v1/customers/cus_1', 'GET /v1/customers/cus_gone'],
  );
});

test('create_customer sends nested address, shipping and metadata as bracketed form keys, with an Idempotency-Key', async (t) => {
  const h = await setup(t);
  const out = data(
    await h.call('create_customer', {
      email: 'ada@example.com',
      name: 'Ada',
      address: { line1: '1 Main St', city: 'London', country: 'GB' },
      shipping: { name: 'Ada', address: { line1: '2 Dock Rd', country: 'GB' } },
      metadata: { order: 6735, vip: true },
    }),
  );
  assert.equal(out.email, 'ada@example.com');
  assert.deepEqual(out.address, {
    line1: '1 Main St',
    line2: null,
    city: 'London',
    state: null,
    postal_code: null,
    country: 'GB',
  });
  const req = onlyRequest(h);
  assert.equal(`${req.method} ${req.path}`, 'POST /v1/customers');
  keyOf(req);
  assert.equal(
    req.rawBody,
    'email=ada%40example.com&name=Ada&address%5Bline1%5D=1+Main+St&address%5Bcity%5D=London&address%5Bcountry%5D=GB' +
      '&shipping%5Bname%5D=Ada&shipping%5Baddress%5D%5Bline1%5D=2+Dock+Rd&shipping%5Baddress%5D%5Bcountry%5D=GB' +
      '&metadata%5Border%5D=6735&metadata%5Bvip%5D=true',
  );
  assert.equal(h.created.customers, 1);
});

test('create_customer refuses a bad email and an unknown address field before any request', async (t) => {
  const h = await setup(t);
  assert.match(failure(await h.call('create_customer', { email: 'not-an-email' })), /email/);
  assert.match(
    failure(await h.call('create_customer', { email: 'a@b.co', address: { street: 'x' } })),
    /address[\s\S]*street/,
  );
  assert.equal(h.fake.requests.length, 0);
});

test('update_customer sends fields as Stripe parameters, nested ones in brackets', async (t) => {
  const h = await setup(t);
  h.objects.customers.set('cus_1', customer('cus_1'));
  const out = data(
    await h.call('update_customer', {
      customer_id: 'cus_1',
      fields: {
        name: 'Ada L.',
        metadata: { tier: 'gold' },
        invoice_settings: { default_payment_method: 'pm_1' },
      },
    }),
  );
  assert.equal(out.name, 'Ada L.');
  assert.equal(out.default_payment_method, 'pm_1');
  const req = onlyRequest(h);
  assert.equal(`${req.method} ${req.path}`, 'POST /v1/customers/cus_1');
  keyOf(req);
  assert.deepEqual(formOf(req), {
    name: 'Ada L.',
    metadata: { tier: 'gold' },
    invoice_settings: { default_payment_method: 'pm_1' },
  });
  assert.match(failure(await h.call('update_customer', { customer_id: 'cus_1', fields: {} })), /fields/);
});

test('create_payment_method sends the card token and billing details; a card type without card is refused', async (t) => {
  const h = await setup(t);
  const out = data(
    await h.call('create_payment_method', {
      type: 'card',
      card: { token: 'tok_visa' },
      billing_details: { name: 'Ada', address: { postal_code: '94107' } },
    }),
  );
  assert.deepEqual(out.card, {
    brand: 'visa',
    last4: '4242',
    exp_month: 8,
    exp_year: 2030,
    funding: 'credit',
    country: 'US',
  });
  const req = onlyRequest(h);
  assert.equal(req.path, '/v1/payment_methods');
  keyOf(req);
  assert.deepEqual(formOf(req), {
    type: 'card',
    card: { token: 'tok_visa' },
    billing_details: { name: 'Ada', address: { postal_code: '94107' } },
  });
  assert.match(failure(await h.call('create_payment_method', { type: 'card' })), /card: required/);
  assert.equal(h.fake.requests.length, 1);
});

test('attach_payment_method attaches, then sets the default with a key of its own', async (t) => {
  const h = await setup(t);
  h.objects.customers.set('cus_1', customer('cus_1'));
  h.objects.payment_methods.set('pm_1', paymentMethod('pm_1'));
  const out = data(
    await h.call('attach_payment_method', {
      payment_method: 'pm_1',
      customer_id: 'cus_1',
      set_as_default: true,
    }),
  );
  assert.equal(out.customer, 'cus_1');
  assert.equal(out.set_as_default, true);
  const [attach, setDefault] = h.fake.requests;
  assert.ok(attach && setDefault);
  assert.equal(`${attach.method} ${attach.path}`, 'POST /v1/payment_methods/pm_1/attach');
  assert.deepEqual(formOf(attach), { customer: 'cus_1' });
  assert.equal(`${setDefault.method} ${setDefault.path}`, 'POST /v1/customers/cus_1');
  assert.deepEqual(formOf(setDefault), { invoice_settings: { default_payment_method: 'pm_1' } });
  assert.equal(keyOf(setDefault), `${keyOf(attach)}-default`);
  assert.equal(
    (h.objects.customers.get('cus_1')?.invoice_settings as { default_payment_method: string })
      .default_payment_method,
    'pm_1',
  );
});

test('attach_payment_method to an unknown customer names the argument customer_id', async (t) => {
  const h = await setup(t);
  h.objects.payment_methods.set('pm_1', paymentMethod('pm_1'));
  assert.equal(
    failure(await h.call('attach_payment_method', { payment_method: 'pm_1', customer_id: 'cus_nope' })),
    "Not found: No such customer: 'cus_nope' (invalid_request_error, resource_missing; argument customer_id)",
  );
  assert.equal(h.fake.requests.length, 1);
});
