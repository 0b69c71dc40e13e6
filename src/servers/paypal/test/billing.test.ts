import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { invoice, subscription } from './fake-paypal.js';
import { apiRequests, data, onlyRequest, requestIdOf, setup } from './harness.js';

test('create_subscription sends the plan and subscriber with the given PayPal-Request-Id and Prefer', async (t) => {
  const h = await setup(t);
  const out = data(
    await h.call('create_subscription', {
      plan_id: 'P-1',
      quantity: 2,
      custom_id: 'cust-7',
      subscriber: { email_address: 'customer@example.com' },
      shipping_amount: { currency_code: 'USD', value: '10.00' },
      paypal_request_id: 'sub-cust-7-may',
    }),
  );
  assert.equal(out.status, 'APPROVAL_PENDING');
  assert.match(String(out.approve_url), /ba_token=BA-I-/);
  assert.equal(out.quantity, '2');
  const req = onlyRequest(h);
  assert.equal(`${req.method} ${req.path}`, 'POST /v1/billing/subscriptions');
  assert.equal(req.headers['paypal-request-id'], 'sub-cust-7-may');
  assert.equal(req.headers.prefer, 'return=representation');
  assert.deepEqual(req.body, {
    plan_id: 'P-1',
    quantity: '2',
    custom_id: 'cust-7',
    subscriber: { email_address: 'customer@example.com' },
    shipping_amount: { currency_code: 'USD', value: '10.00' },
  });
});

test('create_subscription with prefer return=minimal still gives the id, status and approve link', async (t) => {
  const h = await setup(t);
  const out = data(await h.call('create_subscription', { plan_id: 'P-1', prefer: 'return=minimal' }));
  assert.equal(out.status, 'APPROVAL_PENDING');
  assert.ok(out.approve_url);
  assert.equal(onlyRequest(h).headers.prefer, 'return=minimal');
  requestIdOf(onlyRequest(h));
});

test('get_subscription reads billing info and passes fields', async (t) => {
  const h = await setup(t);
  h.subscriptions.set(
    'I-1',
    subscription('I-1', {
      status: 'ACTIVE',
      billing_info: {
        outstanding_balance: { currency_code: 'USD', value: '0.00' },
        last_payment: { amount: { currency_code: 'USD', value: '10.00' }, time: '2024-05-01T10:00:00Z' },
        next_billing_time: '2024-06-01T10:00:00Z',
        failed_payments_count: 0,
      },
    }),
  );
  const out = data(
    await h.call('get_subscription', { subscription_id: 'I-1', fields: 'last_failed_payment' }),
  );
  assert.equal(out.next_billing_time, '2024-06-01T10:00:00Z');
  assert.deepEqual(out.last_payment, { currency_code: 'USD', value: '10.00' });
  assert.equal(out.subscriber_email, 'customer@example.com');
  assert.deepEqual(query(onlyRequest(h)), { fields: 'last_failed_payment' });
});

test('search_invoices posts the filters, pages in the query, over two pages', async (t) => {
  const h = await setup(t);
  for (let i = 1; i <= 3; i++) h.invoices.set(`INV2-${i}`, invoice(`INV2-000${i}`));
  h.invoices.set('INV2-9', invoice('INV2-0009', { status: 'PAID' }));
  const out = data(
    await h.call('search_invoices', {
      status: ['SENT'],
      invoice_date_range: { start: '2024-05-01', end: '2024-05-31' },
      page_size: 2,
      max_pages: 3,
    }),
  );
  assert.equal(out.count, 3);
  assert.equal(out.next_page, null);
  assert.deepEqual((out.invoices as unknown[])[0], {
    id: 'INV2-0001',
    status: 'SENT',
    invoice_number: '#0001',
    invoice_date: '2024-05-01',
    due_date: '2024-05-11',
    reference: 'deal-ref',
    amount: { currency_code: 'USD', value: '74.21' },
    due_amount: { currency_code: 'USD', value: '74.21' },
    recipient_email: 'bill-me@example.com',
    recipient_name: 'Stephanie Meyers',
    links: [
      {
        rel: 'self',
        href: 'https://api-m.sandbox.paypal.com/v2/invoicing/invoices/INV2-0001',
        method: 'GET',
      },
    ],
  });
  const requests = apiRequests(h);
  assert.deepEqual(
    requests.map((r) => [r.method, r.path, query(r)]),
    [
      ['POST', '/v2/invoicing/search-invoices', { page_size: '2', page: '1', total_required: 'false' }],
      ['POST', '/v2/invoicing/search-invoices', { page_size: '2', page: '2', total_required: 'false' }],
    ],
  );
  assert.deepEqual(requests[0]?.body, {
    status: ['SENT'],
    invoice_date_range: { start: '2024-05-01', end: '2024-05-31' },
  });
});
