import type { TestContext } from 'node:test';
import {
  type FakeReply,
  type FakeService,
  fakeFor,
  type RecordedRequest,
} from '../../../testing/fake-service.js';
import { parseForm } from '../../../upstream/form.js';

/**
 * A stateful fake of Stripe's API v1 on loopback, answering in the shapes of Stripe's OpenAPI
 * description (github.com/stripe/openapi) for the pinned version 2026-10-28.endive: objects, lists
 * (`object: "list"`, `has_more`, `starting_after`), errors (`{ error: { type, code, param, … } }`), and
 * Stripe's idempotency: the first answer to an Idempotency-Key is saved and replayed to a request with
 * the same key and body (`Idempotent-Replayed: true`); the same key with another body is an
 * idempotency_error.
 */

type Obj = Record<string, unknown>;

export const CREATED = 1_714_557_600; // 2024-05-01T10:00:00Z
export const CREATED_ISO = '2024-05-01T10:00:00.000Z';
export const PERIOD_END = 1_717_236_000; // 2024-06-01T10:00:00Z
export const PERIOD_END_ISO = '2024-06-01T10:00:00.000Z';

const LOG = 'https://dashboard.stripe.com/test/logs/req_fake';

// Objects

export const customer = (id: string, extra: Obj = {}): Obj => ({
  id,
  object: 'customer',
  address: null,
  balance: 0,
  created: CREATED,
  currency: null,
  default_source: null,
  delinquent: false,
  description: null,
  email: `${id}@example.com`,
  invoice_prefix: 'ABC123',
  invoice_settings: {
    custom_fields: null,
    default_payment_method: null,
    footer: null,
    rendering_options: null,
  },
  livemode: false,
  metadata: {},
  name: 'Ada Lovelace',
  next_invoice_sequence: 1,
  phone: null,
  preferred_locales: [],
  shipping: null,
  tax_exempt: 'none',
  test_clock: null,
  ...extra,
});

export const deletedCustomer = (id: string): Obj => ({ id, object: 'customer', deleted: true });

export const paymentMethod = (id: string, extra: Obj = {}): Obj => ({
  id,
  object: 'payment_method',
  allow_redisplay: 'unspecified',
  billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
  card: {
    brand: 'visa',
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
    country: 'US',
    display_brand: 'visa',
    exp_month: 8,
    exp_year: 2030,
    fingerprint: 'Xt5EWLLDS7FJjR1c',
    funding: 'credit',
    generated_from: null,
    last4: '4242',
    networks: { available: ['visa'], preferred: null },
    regulated_status: 'unregulated',
    three_d_secure_usage: { supported: true },
    wallet: null,
  },
  created: CREATED,
  customer: null,
  customer_account: null,
  livemode: false,
  metadata: {},
  type: 'card',
  ...extra,
});

export const paymentIntent = (id: string, extra: Obj = {}): Obj => ({
  id,
  object: 'payment_intent',
  amount: 2000,
  amount_capturable: 0,
  amount_received: 0,
  application: null,
  application_fee_amount: null,
  automatic_payment_methods: { allow_redirects: 'always', enabled: true },
  canceled_at: null,
  cancellation_reason: null,
  capture_method: 'automatic_async',
  client_secret: `${id}_secret_fake`,
  confirmation_method: 'automatic',
  created: CREATED,
  currency: 'usd',
  customer: null,
  customer_account: null,
  description: null,
  excluded_payment_method_types: null,
  last_payment_error: null,
  latest_charge: null,
  livemode: false,
  metadata: {},
  next_action: null,
  on_behalf_of: null,
  payment_method: null,
  payment_method_configuration_details: null,
  payment_method_options: {},
  payment_method_types: ['card'],
  processing: null,
  receipt_email: null,
  review: null,
  setup_future_usage: null,
  shipping: null,
  source: null,
  statement_descriptor: null,
  statement_descriptor_suffix: null,
  status: 'requires_payment_method',
  transfer_data: null,
  transfer_group: null,
  ...extra,
});

export const charge = (id: string, extra: Obj = {}): Obj => ({
  id,
  object: 'charge',
  amount: 2000,
  amount_captured: 2000,
  amount_refunded: 0,
  application: null,
  application_fee: null,
  application_fee_amount: null,
  balance_transaction: 'txn_1',
  billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
  calculated_statement_descriptor: 'ACME',
  captured: true,
  created: CREATED,
  currency: 'usd',
  customer: 'cus_1',
  description: null,
  disputed: false,
  failure_balance_transaction: null,
  failure_code: null,
  failure_message: null,
  fraud_details: {},
  livemode: false,
  metadata: {},
  on_behalf_of: null,
  outcome: {
    network_status: 'approved_by_network',
    reason: null,
    risk_level: 'normal',
    seller_message: 'Payment complete.',
    type: 'authorized',
  },
  paid: true,
  payment_intent: 'pi_1',
  payment_method: 'pm_1',
  payment_method_details: {
    card: { brand: 'visa', last4: '4242', exp_month: 8, exp_year: 2030 },
    type: 'card',
  },
  receipt_email: null,
  receipt_number: null,
  receipt_url: 'https://pay.stripe.com/receipts/payment/fake',
  refunded: false,
  review: null,
  shipping: null,
  source: null,
  source_transfer: null,
  statement_descriptor: null,
  statement_descriptor_suffix: null,
  status: 'succeeded',
  transfer_data: null,
  transfer_group: null,
  ...extra,
});

export const product = (id: string, extra: Obj = {}): Obj => ({
  id,
  object: 'product',
  active: true,
  created: CREATED,
  default_price: null,
  description: null,
  images: [],
  livemode: false,
  marketing_features: [],
  metadata: {},
  name: 'Gold plan',
  package_dimensions: null,
  shippable: null,
  statement_descriptor: null,
  tax_code: null,
  tax_details: null,
  type: 'service',
  unit_label: null,
  updated: CREATED,
  url: null,
  ...extra,
});

export const price = (id: string, extra: Obj = {}): Obj => ({
  id,
  object: 'price',
  active: true,
  billing_scheme: 'per_unit',
  created: CREATED,
  currency: 'usd',
  custom_unit_amount: null,
  livemode: false,
  lookup_key: null,
  metadata: {},
  nickname: null,
  product: 'prod_1',
  recurring: { interval: 'month', interval_count: 1, meter: null, usage_type: 'licensed' },
  tax_behavior: 'unspecified',
  tiers_mode: null,
  transform_quantity: null,
  type: 'recurring',
  unit_amount: 1500,
  unit_amount_decimal: '1500',
  ...extra,
});

export const subscriptionItem = (id: string, subscription: string, priceObject: Obj): Obj => ({
  id,
  object: 'subscription_item',
  billing_thresholds: null,
  created: CREATED,
  current_period_end: PERIOD_END,
  current_period_start: CREATED,
  discounts: [],
  metadata: {},
  price: priceObject,
  quantity: 1,
  subscription,
  tax_rates: [],
});

export const subscription = (
  id: string,
  extra: Obj = {},
  items: Obj[] = [subscriptionItem('si_1', id, price('price_1'))],
): Obj => ({
  id,
  object: 'subscription',
  application: null,
  application_fee_percent: null,
  automatic_tax: { disabled_reason: null, enabled: false, liability: null },
  billing_cycle_anchor: CREATED,
  billing_cycle_anchor_config: null,
  billing_mode: { flexible: null, type: 'classic' },
  billing_thresholds: null,
  cancel_at: null,
  cancel_at_period_end: false,
  canceled_at: null,
  cancellation_details: { comment: null, feedback: null, reason: null },
  collection_method: 'charge_automatically',
  created: CREATED,
  currency: 'usd',
  customer: 'cus_1',
  days_until_due: null,
  default_payment_method: null,
  default_source: null,
  description: null,
  discounts: [],
  ended_at: null,
  invoice_settings: { account_tax_ids: null, issuer: { type: 'self' } },
  items: { object: 'list', data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
  latest_invoice: 'in_1',
  livemode: false,
  metadata: {},
  next_pending_invoice_item_invoice: null,
  on_behalf_of: null,
  pause_collection: null,
  payment_settings: null,
  pending_invoice_item_interval: null,
  pending_setup_intent: null,
  pending_update: null,
  schedule: null,
  start_date: CREATED,
  status: 'active',
  test_clock: null,
  transfer_data: null,
  trial_end: null,
  trial_settings: null,
  trial_start: null,
  ...extra,
});

export const invoice = (id: string, extra: Obj = {}): Obj => ({
  id,
  object: 'invoice',
  account_country: 'US',
  account_name: 'Acme',
  account_tax_ids: null,
  amount_due: 1500,
  amount_overpaid: 0,
  amount_paid: 0,
  amount_remaining: 1500,
  amount_shipping: 0,
  application: null,
  attempt_count: 0,
  attempted: false,
  auto_advance: false,
  automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
  automatically_finalizes_at: null,
  billing_reason: 'manual',
  collection_method: 'charge_automatically',
  created: CREATED,
  currency: 'usd',
  custom_fields: null,
  customer: 'cus_1',
  customer_address: null,
  customer_email: 'cus_1@example.com',
  customer_name: 'Ada Lovelace',
  customer_phone: null,
  customer_shipping: null,
  customer_tax_exempt: 'none',
  default_payment_method: null,
  default_source: null,
  default_tax_rates: [],
  description: null,
  discounts: [],
  due_date: null,
  effective_at: null,
  ending_balance: null,
  footer: null,
  from_invoice: null,
  hosted_invoice_url: null,
  invoice_pdf: null,
  issuer: { type: 'self' },
  last_finalization_error: null,
  latest_revision: null,
  lines: { object: 'list', data: [], has_more: false, url: `/v1/invoices/${id}/lines` },
  livemode: false,
  metadata: {},
  next_payment_attempt: null,
  number: null,
  on_behalf_of: null,
  parent: null,
  payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
  period_end: CREATED,
  period_start: CREATED,
  post_payment_credit_notes_amount: 0,
  pre_payment_credit_notes_amount: 0,
  receipt_number: null,
  rendering: null,
  shipping_cost: null,
  shipping_details: null,
  starting_balance: 0,
  statement_descriptor: null,
  status: 'draft',
  status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
  subtotal: 1500,
  subtotal_excluding_tax: 1500,
  test_clock: null,
  total: 1500,
  total_discount_amounts: [],
  total_excluding_tax: 1500,
  total_pretax_credit_amounts: [],
  total_taxes: [],
  webhooks_delivered_at: null,
  ...extra,
});

export const balance = (): Obj => ({
  object: 'balance',
  available: [{ amount: 125_000, currency: 'usd', source_types: { card: 125_000 } }],
  livemode: false,
  pending: [{ amount: 4_200, currency: 'usd', source_types: { card: 4_200 } }],
});

/** A page of a list, as every list endpoint answers. */
export const list = (url: string, data: Obj[], hasMore = false): Obj => ({
  object: 'list',
  data,
  has_more: hasMore,
  url,
});

// Errors

export const stripeError = (error: Obj): Obj => ({ error: { request_log_url: LOG, ...error } });

export const invalidKey = stripeError({
  message: 'Invalid API Key provided: sk_test_********************0000',
  type: 'invalid_request_error',
});

export const noSuch = (what: string, id: string) =>
  stripeError({
    code: 'resource_missing',
    doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
    message: `No such ${what}: '${id}'`,
    param: 'id',
    type: 'invalid_request_error',
  });

export const cardDeclined = stripeError({
  charge: 'ch_declined',
  code: 'card_declined',
  decline_code: 'insufficient_funds',
  doc_url: 'https://stripe.com/docs/error-codes/card-declined',
  message: 'Your card has insufficient funds.',
  type: 'card_error',
});

export const rateLimited = stripeError({
  code: 'rate_limit',
  doc_url: 'https://stripe.com/docs/error-codes/rate-limit',
  message:
    'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
  type: 'invalid_request_error',
});

export const apiError = stripeError({ message: 'An unknown error occurred', type: 'api_error' });

export const restricted = stripeError({
  message:
    "The provided key 'rk_test_*********************abcd' does not have the required permissions for this endpoint " +
    "on account 'acct_1'. Having the 'rak_customer_write' permission would allow this request to continue.",
  type: 'invalid_request_error',
});

// The stateful fake

type Collection =
  | 'customers'
  | 'payment_methods'
  | 'payment_intents'
  | 'charges'
  | 'products'
  | 'prices'
  | 'subscriptions'
  | 'invoices';

const PREFIX: Record<Collection, string> = {
  customers: 'cus',
  payment_methods: 'pm',
  payment_intents: 'pi',
  charges: 'ch',
  products: 'prod',
  prices: 'price',
  subscriptions: 'sub',
  invoices: 'in',
};

interface Saved {
  path: string;
  rawBody: string;
  reply: FakeReply;
}

export interface StripeFake {
  fake: FakeService;
  /** Objects by collection and id, as the fake keeps them. */
  objects: Record<Collection, Map<string, Obj>>;
  /** How many objects each create made (a replay makes none). */
  created: Record<Collection, number>;
  /**
   * Makes the next `count` POSTs to `path` do their work (or replay it) and save the answer, but answer
   * `status` instead: answers lost between Stripe and the client, as a gateway failing after the work.
   */
  loseAnswers(path: string, count?: number, status?: number): void;
  /**
   * Makes the next POST to `path` do its work, then hold its answer until another request arrives:
   * the client times out and retries while the first attempt has already gone through.
   */
  holdAnswer(path: string): void;
  /** How many POSTs reached the work of an endpoint (a replay or a refused key reaches none). */
  executed(): number;
  /** Every answer the fake gave, in order, beside its request: what a conformance check reads. */
  replies: { method: string; path: string; status: number; body: unknown }[];
  /** Only the requests to `method path`. */
  requestsTo(method: string, path: string): RecordedRequest[];
}

/** Starts the fake on 127.0.0.1 (GUMCP_STRIPE_API_URL); closed after the test. */
export async function startStripe(t: TestContext): Promise<StripeFake> {
  const fake = await fakeFor(t, 'stripe', '/v1');
  const replies: StripeFake['replies'] = [];
  /** A route that records what it answered. */
  const answer = (route: string, handler: (req: RecordedRequest) => FakeReply | Promise<FakeReply>) =>
    fake.route(route, async (req) => {
      const reply = await handler(req);
      replies.push({ method: req.method, path: req.path, status: reply.status ?? 200, body: reply.body });
      return reply;
    });
  const objects = Object.fromEntries(Object.keys(PREFIX).map((c) => [c, new Map<string, Obj>()])) as Record<
    Collection,
    Map<string, Obj>
  >;
  const created = Object.fromEntries(Object.keys(PREFIX).map((c) => [c, 0])) as Record<Collection, number>;
  const saved = new Map<string, Saved>();
  const lost = new Map<string, { count: number; status: number }>();
  const held = new Set<string>();
  let release: (() => void) | undefined;
  let executed = 0;
  t.after(() => release?.());
  let sequence = 0;

  const create = (collection: Collection, build: (id: string) => Obj): Obj => {
    sequence += 1;
    created[collection] += 1;
    const id = `${PREFIX[collection]}_new${sequence}`;
    const o = build(id);
    objects[collection].set(id, o);
    return o;
  };

  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const int = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
  const missing = (what: string, id: string): FakeReply => ({ status: 404, body: noSuch(what, id) });

  /** The work of a POST: what Stripe would do and answer. */
  const post = (path: string, form: Obj): FakeReply => {
    const [collection, id, action] = path.replace(/^\/v1\//, '').split('/') as [Collection, string?, string?];
    const metadata = (form.metadata ?? {}) as Obj;
    if (collection === 'customers' && !id) {
      return {
        body: create('customers', (newId) =>
          customer(newId, {
            email: str(form.email) ?? null,
            name: str(form.name) ?? null,
            phone: str(form.phone) ?? null,
            description: str(form.description) ?? null,
            address: form.address ?? null,
            shipping: form.shipping ?? null,
            metadata,
          }),
        ),
      };
    }
    if (collection === 'customers' && id) {
      const c = objects.customers.get(id);
      if (!c) return missing('customer', id);
      Object.assign(c, form.name ? { name: form.name } : {}, form.email ? { email: form.email } : {});
      if (form.metadata) c.metadata = { ...(c.metadata as Obj), ...metadata };
      const settings = form.invoice_settings as Obj | undefined;
      if (settings) c.invoice_settings = { ...(c.invoice_settings as Obj), ...settings };
      return { body: c };
    }
    if (collection === 'payment_methods' && !id) {
      return { body: create('payment_methods', (newId) => paymentMethod(newId, { type: str(form.type) })) };
    }
    if (collection === 'payment_methods' && id && action === 'attach') {
      const pm = objects.payment_methods.get(id);
      if (!pm) return missing('PaymentMethod', id);
      const owner = str(form.customer) ?? '';
      if (!objects.customers.has(owner)) {
        return {
          status: 400,
          body: stripeError({
            code: 'resource_missing',
            message: `No such customer: '${owner}'`,
            param: 'customer',
            type: 'invalid_request_error',
          }),
        };
      }
      pm.customer = owner;
      return { body: pm };
    }
    if (collection === 'payment_intents' && !id) {
      return {
        body: create('payment_intents', (newId) =>
          paymentIntent(newId, {
            amount: int(form.amount),
            currency: form.currency,
            customer: str(form.customer) ?? null,
            description: str(form.description) ?? null,
            payment_method: str(form.payment_method) ?? null,
            metadata,
          }),
        ),
      };
    }
    if (collection === 'payment_intents' && id && action === 'confirm') {
      const pi = objects.payment_intents.get(id);
      if (!pi) return missing('payment_intent', id);
      Object.assign(pi, {
        status: 'succeeded',
        amount_received: pi.amount,
        latest_charge: 'ch_1',
        payment_method: str(form.payment_method) ?? pi.payment_method,
      });
      return { body: pi };
    }
    if (collection === 'products' && !id) {
      return {
        body: create('products', (newId) =>
          product(newId, { name: form.name, description: str(form.description) ?? null, metadata }),
        ),
      };
    }
    if (collection === 'prices' && !id) {
      const recurring = form.recurring as Obj | undefined;
      return {
        body: create('prices', (newId) =>
          price(newId, {
            product: form.product,
            unit_amount: int(form.unit_amount),
            unit_amount_decimal: form.unit_amount,
            currency: form.currency,
            type: recurring ? 'recurring' : 'one_time',
            recurring: recurring
              ? {
                  interval: recurring.interval,
                  interval_count: int(recurring.interval_count) ?? 1,
                  meter: null,
                  usage_type: recurring.usage_type ?? 'licensed',
                }
              : null,
            metadata,
          }),
        ),
      };
    }
    if (collection === 'subscriptions' && !id) {
      const items = (form.items ?? []) as Obj[];
      return {
        body: create('subscriptions', (newId) =>
          subscription(
            newId,
            { customer: form.customer, metadata },
            items.map((item, i) => subscriptionItem(`si_${newId}_${i}`, newId, price(String(item.price)))),
          ),
        ),
      };
    }
    if (collection === 'subscriptions' && id) {
      const s = objects.subscriptions.get(id);
      if (!s) return missing('subscription', id);
      if (form.cancel_at_period_end) s.cancel_at_period_end = form.cancel_at_period_end === 'true';
      if (form.metadata) s.metadata = { ...(s.metadata as Obj), ...metadata };
      return { body: s };
    }
    if (collection === 'invoices' && !id) {
      if (!objects.customers.has(String(form.customer))) {
        return {
          status: 400,
          body: stripeError({
            code: 'resource_missing',
            message: `No such customer: '${form.customer}'`,
            param: 'customer',
            type: 'invalid_request_error',
          }),
        };
      }
      return {
        body: create('invoices', (newId) =>
          invoice(newId, { customer: form.customer, description: str(form.description) ?? null, metadata }),
        ),
      };
    }
    return {
      status: 404,
      body: stripeError({
        message: `Unrecognized request URL (POST: ${path})`,
        type: 'invalid_request_error',
      }),
    };
  };

  /** The answer the client gets: lost while `loseAnswers` says so. */
  const deliver = (path: string, reply: FakeReply): FakeReply => {
    const loss = lost.get(path);
    if (!loss) return reply;
    loss.count -= 1;
    if (loss.count <= 0) lost.delete(path);
    return { status: loss.status, body: apiError };
  };

  answer('POST /v1/*', async (req) => {
    release?.();
    release = undefined;
    const key = String(req.headers['idempotency-key'] ?? '');
    const before = key ? saved.get(key) : undefined;
    if (before) {
      if (before.path !== req.path || before.rawBody !== req.rawBody) {
        return {
          status: 400,
          body: stripeError({
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            type: 'idempotency_error',
          }),
        };
      }
      return deliver(req.path, {
        ...before.reply,
        headers: { ...before.reply.headers, 'idempotent-replayed': 'true' },
      });
    }
    executed += 1;
    const reply = post(req.path, parseForm(req.rawBody));
    if (key) saved.set(key, { path: req.path, rawBody: req.rawBody, reply });
    if (held.delete(req.path)) {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    }
    return deliver(req.path, reply);
  });

  answer('GET /v1/*', (req) => {
    const [collection, id] = req.path.replace(/^\/v1\//, '').split('/') as [string, string?];
    if (collection === 'balance') return { body: balance() };
    const store = objects[collection as Collection];
    if (!store)
      return {
        status: 404,
        body: stripeError({
          message: `Unrecognized request URL (GET: ${req.path})`,
          type: 'invalid_request_error',
        }),
      };
    if (id) {
      const o = store.get(id);
      return o ? { body: o } : missing(collection.replace(/s$/, ''), id);
    }
    // A list: newest first, `limit` items after `starting_after`.
    const all = [...store.values()].reverse();
    const after = req.query.get('starting_after');
    const start = after ? all.findIndex((o) => o.id === after) + 1 : 0;
    const size = Number(req.query.get('limit') ?? 10);
    const page = all.slice(start, start + size);
    return { body: list(`/v1/${collection}`, page, start + size < all.length) };
  });

  answer('DELETE /v1/*', (req) => {
    const [collection, id = ''] = req.path.replace(/^\/v1\//, '').split('/') as [string, string?];
    const s = collection === 'subscriptions' ? objects.subscriptions.get(id) : undefined;
    if (!s) return missing('subscription', id);
    if (s.status === 'canceled') {
      return {
        status: 400,
        body: stripeError({
          message: 'A canceled subscription can only update its cancellation_details and metadata.',
          type: 'invalid_request_error',
        }),
      };
    }
    Object.assign(s, { status: 'canceled', canceled_at: PERIOD_END, ended_at: PERIOD_END });
    return { body: s };
  });

  return {
    fake,
    objects,
    created,
    replies,
    loseAnswers: (path, count = 1, status = 502) => lost.set(path, { count, status }),
    holdAnswer: (path) => held.add(path),
    executed: () => executed,
    requestsTo: (method, path) => fake.requests.filter((r) => r.method === method && r.path === path),
  };
}
