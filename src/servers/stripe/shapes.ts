import { z } from 'zod';
import type { Listed } from './api.js';

/**
 * What the tools return: Stripe's objects (API version 2026-10-28.endive) trimmed to the fields a
 * caller acts on, times as ISO 8601, amounts in the currency's smallest unit as Stripe gives them.
 * `full: true` adds the whole object as Stripe sent it under `stripe_object`.
 */

type Obj = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
/** An expandable field: its id, whether Stripe sent the id or the object. */
const ref = (v: unknown): string | null => str(v) ?? str(obj(v)?.id);
/** Unix seconds as ISO 8601. */
const time = (v: unknown): string | null => (typeof v === 'number' ? new Date(v * 1000).toISOString() : null);
const metadata = (v: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(obj(v) ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );

const when = (what: string) => z.string().nullable().describe(`${what} (ISO 8601)`);
const amount = (what: string) =>
  z.number().nullable().describe(`${what}, in the smallest currency unit (cents)`);
const metadataSchema = z.record(z.string(), z.string()).describe('Your key-value pairs on the object');
const rawSchema = z
  .record(z.string(), z.unknown())
  .optional()
  .describe('The whole object as Stripe sent it (with full: true)');

/** Adds the whole object when the caller asked for it. */
export const withRaw = <T extends object>(
  shape: T,
  raw: Obj,
  full: boolean | undefined,
): T & { stripe_object?: Obj } => (full ? { ...shape, stripe_object: raw } : shape);

const addressSchema = z
  .object({
    line1: z.string().nullable(),
    line2: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    postal_code: z.string().nullable(),
    country: z.string().nullable(),
  })
  .nullable();

function address(v: unknown): z.input<typeof addressSchema> {
  const a = obj(v);
  if (!a) return null;
  return {
    line1: str(a.line1),
    line2: str(a.line2),
    city: str(a.city),
    state: str(a.state),
    postal_code: str(a.postal_code),
    country: str(a.country),
  };
}

// Customers

export const customerSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  description: z.string().nullable(),
  address: addressSchema,
  balance: amount('Credit (negative) or amount owed (positive) carried to the next invoice'),
  currency: z.string().nullable(),
  delinquent: z.boolean().nullable(),
  default_payment_method: z
    .string()
    .nullable()
    .describe('Payment method used for invoices and subscriptions'),
  created: when('Created'),
  livemode: z.boolean().nullable(),
  deleted: z.boolean().describe('True when the customer was deleted (only its id remains)'),
  metadata: metadataSchema,
  stripe_object: rawSchema,
});

export function toCustomer(c: Obj) {
  return {
    id: String(c.id),
    email: str(c.email),
    name: str(c.name),
    phone: str(c.phone),
    description: str(c.description),
    address: address(c.address),
    balance: num(c.balance),
    currency: str(c.currency),
    delinquent: bool(c.delinquent),
    default_payment_method: ref(obj(c.invoice_settings)?.default_payment_method),
    created: time(c.created),
    livemode: bool(c.livemode),
    deleted: c.deleted === true,
    metadata: metadata(c.metadata),
  };
}

// Balance

const fundsSchema = z.array(
  z.object({ amount: z.number().describe('In the smallest currency unit'), currency: z.string() }),
);
const funds = (v: unknown) =>
  (Array.isArray(v) ? v : []).map((f) => ({
    amount: num(obj(f)?.amount) ?? 0,
    currency: String(obj(f)?.currency),
  }));

export const balanceSchema = z.object({
  available: fundsSchema.describe('Funds that can be paid out, by currency'),
  pending: fundsSchema.describe('Funds not yet available, by currency'),
  livemode: z.boolean().nullable(),
  account: z
    .string()
    .nullable()
    .describe('The connected account (acct_…) when signed in with Stripe Connect'),
  stripe_object: rawSchema,
});

export function toBalance(b: Obj, account: string | null) {
  return { available: funds(b.available), pending: funds(b.pending), livemode: bool(b.livemode), account };
}

// Subscriptions

const subscriptionItemSchema = z.object({
  id: z.string(),
  price: z.string().nullable(),
  product: z.string().nullable(),
  unit_amount: amount('Price per unit'),
  currency: z.string().nullable(),
  interval: z.string().nullable().describe('day, week, month or year'),
  quantity: z.number().nullable(),
  current_period_start: when('Start of the current billing period'),
  current_period_end: when('End of the current billing period'),
});

export const subscriptionSchema = z.object({
  id: z.string(),
  customer: z.string().nullable(),
  status: z.string().describe('incomplete, trialing, active, past_due, canceled, unpaid, paused, …'),
  items: z.array(subscriptionItemSchema),
  current_period_end: when('End of the current billing period (of its first item)'),
  cancel_at_period_end: z.boolean().nullable(),
  cancel_at: when('When it is set to cancel'),
  canceled_at: when('When it was canceled'),
  ended_at: when('When it ended'),
  trial_end: when('End of the trial'),
  start_date: when('Started'),
  created: when('Created'),
  collection_method: z.string().nullable(),
  currency: z.string().nullable(),
  default_payment_method: z.string().nullable(),
  latest_invoice: z.string().nullable(),
  description: z.string().nullable(),
  metadata: metadataSchema,
  stripe_object: rawSchema,
});

export function toSubscription(s: Obj) {
  const items = (Array.isArray(obj(s.items)?.data) ? (obj(s.items)?.data as unknown[]) : []).map((raw) => {
    const i = obj(raw) ?? {};
    const price = obj(i.price);
    return {
      id: String(i.id),
      price: ref(i.price),
      product: ref(price?.product),
      unit_amount: num(price?.unit_amount),
      currency: str(price?.currency),
      interval: str(obj(price?.recurring)?.interval),
      quantity: num(i.quantity),
      current_period_start: time(i.current_period_start),
      current_period_end: time(i.current_period_end),
    };
  });
  return {
    id: String(s.id),
    customer: ref(s.customer),
    status: String(s.status),
    items,
    current_period_end: items[0]?.current_period_end ?? null,
    cancel_at_period_end: bool(s.cancel_at_period_end),
    cancel_at: time(s.cancel_at),
    canceled_at: time(s.canceled_at),
    ended_at: time(s.ended_at),
    trial_end: time(s.trial_end),
    start_date: time(s.start_date),
    created: time(s.created),
    collection_method: str(s.collection_method),
    currency: str(s.currency),
    default_payment_method: ref(s.default_payment_method),
    latest_invoice: ref(s.latest_invoice),
    description: str(s.description),
    metadata: metadata(s.metadata),
  };
}

// Payment intents

export const paymentIntentSchema = z.object({
  id: z.string(),
  amount: amount('Amount to collect'),
  amount_received: amount('Amount collected'),
  currency: z.string().nullable(),
  status: z
    .string()
    .describe(
      'requires_payment_method, requires_confirmation, requires_action, processing, requires_capture, canceled or succeeded',
    ),
  customer: z.string().nullable(),
  payment_method: z.string().nullable(),
  latest_charge: z.string().nullable(),
  description: z.string().nullable(),
  next_action: z.string().nullable().describe('What the customer must do next, e.g. redirect_to_url'),
  last_payment_error: z
    .object({
      code: z.string().nullable(),
      decline_code: z.string().nullable(),
      message: z.string().nullable(),
    })
    .nullable(),
  cancellation_reason: z.string().nullable(),
  created: when('Created'),
  livemode: z.boolean().nullable(),
  metadata: metadataSchema,
  stripe_object: rawSchema,
});

export function toPaymentIntent(p: Obj) {
  const error = obj(p.last_payment_error);
  return {
    id: String(p.id),
    amount: num(p.amount),
    amount_received: num(p.amount_received),
    currency: str(p.currency),
    status: String(p.status),
    customer: ref(p.customer),
    payment_method: ref(p.payment_method),
    latest_charge: ref(p.latest_charge),
    description: str(p.description),
    next_action: str(obj(p.next_action)?.type),
    last_payment_error: error
      ? { code: str(error.code), decline_code: str(error.decline_code), message: str(error.message) }
      : null,
    cancellation_reason: str(p.cancellation_reason),
    created: time(p.created),
    livemode: bool(p.livemode),
    metadata: metadata(p.metadata),
  };
}

// Charges

export const chargeSchema = z.object({
  id: z.string(),
  amount: amount('Amount charged'),
  amount_captured: amount('Amount captured'),
  amount_refunded: amount('Amount refunded'),
  currency: z.string().nullable(),
  status: z.string().describe('succeeded, pending or failed'),
  paid: z.boolean().nullable(),
  captured: z.boolean().nullable(),
  refunded: z.boolean().nullable(),
  disputed: z.boolean().nullable(),
  customer: z.string().nullable(),
  payment_intent: z.string().nullable(),
  payment_method: z.string().nullable(),
  payment_method_type: z.string().nullable().describe('card, us_bank_account, …'),
  card: z.object({ brand: z.string().nullable(), last4: z.string().nullable() }).nullable(),
  description: z.string().nullable(),
  failure_code: z.string().nullable(),
  failure_message: z.string().nullable(),
  receipt_url: z.string().nullable(),
  created: when('Created'),
  metadata: metadataSchema,
});

export function toCharge(c: Obj) {
  const details = obj(c.payment_method_details);
  const card = obj(details?.card);
  return {
    id: String(c.id),
    amount: num(c.amount),
    amount_captured: num(c.amount_captured),
    amount_refunded: num(c.amount_refunded),
    currency: str(c.currency),
    status: String(c.status),
    paid: bool(c.paid),
    captured: bool(c.captured),
    refunded: bool(c.refunded),
    disputed: bool(c.disputed),
    customer: ref(c.customer),
    payment_intent: ref(c.payment_intent),
    payment_method: str(c.payment_method),
    payment_method_type: str(details?.type),
    card: card ? { brand: str(card.brand), last4: str(card.last4) } : null,
    description: str(c.description),
    failure_code: str(c.failure_code),
    failure_message: str(c.failure_message),
    receipt_url: str(c.receipt_url),
    created: time(c.created),
    metadata: metadata(c.metadata),
  };
}

// Invoices

export const invoiceSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  customer: z.string().nullable(),
  subscription: z.string().nullable().describe('The subscription that billed it, if any'),
  status: z.string().nullable().describe('draft, open, paid, uncollectible or void'),
  currency: z.string().nullable(),
  total: amount('Total'),
  amount_due: amount('Amount due'),
  amount_paid: amount('Amount paid'),
  amount_remaining: amount('Amount remaining'),
  collection_method: z.string().nullable(),
  due_date: when('Due'),
  hosted_invoice_url: z.string().nullable(),
  invoice_pdf: z.string().nullable(),
  description: z.string().nullable(),
  created: when('Created'),
  metadata: metadataSchema,
  stripe_object: rawSchema,
});

export function toInvoice(i: Obj) {
  return {
    id: String(i.id),
    number: str(i.number),
    customer: ref(i.customer),
    subscription: ref(obj(obj(i.parent)?.subscription_details)?.subscription),
    status: str(i.status),
    currency: str(i.currency),
    total: num(i.total),
    amount_due: num(i.amount_due),
    amount_paid: num(i.amount_paid),
    amount_remaining: num(i.amount_remaining),
    collection_method: str(i.collection_method),
    due_date: time(i.due_date),
    hosted_invoice_url: str(i.hosted_invoice_url),
    invoice_pdf: str(i.invoice_pdf),
    description: str(i.description),
    created: time(i.created),
    metadata: metadata(i.metadata),
  };
}

// Products and prices

export const productSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean().nullable(),
  default_price: z.string().nullable(),
  images: z.array(z.string()),
  url: z.string().nullable(),
  created: when('Created'),
  updated: when('Last changed'),
  livemode: z.boolean().nullable(),
  metadata: metadataSchema,
  stripe_object: rawSchema,
});

export function toProduct(p: Obj) {
  return {
    id: String(p.id),
    name: String(p.name ?? ''),
    description: str(p.description),
    active: bool(p.active),
    default_price: ref(p.default_price),
    images: Array.isArray(p.images) ? p.images.filter((i): i is string => typeof i === 'string') : [],
    url: str(p.url),
    created: time(p.created),
    updated: time(p.updated),
    livemode: bool(p.livemode),
    metadata: metadata(p.metadata),
  };
}

export const priceSchema = z.object({
  id: z.string(),
  product: z.string().nullable(),
  unit_amount: amount('Price per unit'),
  currency: z.string().nullable(),
  type: z.string().nullable().describe('one_time or recurring'),
  recurring: z
    .object({
      interval: z.string().nullable(),
      interval_count: z.number().nullable(),
      usage_type: z.string().nullable(),
      meter: z.string().nullable(),
    })
    .nullable(),
  active: z.boolean().nullable(),
  nickname: z.string().nullable(),
  lookup_key: z.string().nullable(),
  created: when('Created'),
  metadata: metadataSchema,
  stripe_object: rawSchema,
});

export function toPrice(p: Obj) {
  const r = obj(p.recurring);
  return {
    id: String(p.id),
    product: ref(p.product),
    unit_amount: num(p.unit_amount),
    currency: str(p.currency),
    type: str(p.type),
    recurring: r
      ? {
          interval: str(r.interval),
          interval_count: num(r.interval_count),
          usage_type: str(r.usage_type),
          meter: str(r.meter),
        }
      : null,
    active: bool(p.active),
    nickname: str(p.nickname),
    lookup_key: str(p.lookup_key),
    created: time(p.created),
    metadata: metadata(p.metadata),
  };
}

// Payment methods

export const paymentMethodSchema = z.object({
  id: z.string(),
  type: z.string(),
  customer: z.string().nullable(),
  billing_details: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: addressSchema,
  }),
  card: z
    .object({
      brand: z.string().nullable(),
      last4: z.string().nullable(),
      exp_month: z.number().nullable(),
      exp_year: z.number().nullable(),
      funding: z.string().nullable(),
      country: z.string().nullable(),
    })
    .nullable(),
  us_bank_account: z
    .object({
      bank_name: z.string().nullable(),
      last4: z.string().nullable(),
      routing_number: z.string().nullable(),
      account_holder_type: z.string().nullable(),
      account_type: z.string().nullable(),
    })
    .nullable(),
  created: when('Created'),
  livemode: z.boolean().nullable(),
  metadata: metadataSchema,
  stripe_object: rawSchema,
});

export function toPaymentMethod(p: Obj) {
  const card = obj(p.card);
  const bank = obj(p.us_bank_account);
  const billing = obj(p.billing_details) ?? {};
  return {
    id: String(p.id),
    type: String(p.type),
    customer: ref(p.customer),
    billing_details: {
      name: str(billing.name),
      email: str(billing.email),
      phone: str(billing.phone),
      address: address(billing.address),
    },
    card: card
      ? {
          brand: str(card.brand),
          last4: str(card.last4),
          exp_month: num(card.exp_month),
          exp_year: num(card.exp_year),
          funding: str(card.funding),
          country: str(card.country),
        }
      : null,
    us_bank_account: bank
      ? {
          bank_name: str(bank.bank_name),
          last4: str(bank.last4),
          routing_number: str(bank.routing_number),
          account_holder_type: str(bank.account_holder_type),
          account_type: str(bank.account_type),
        }
      : null,
    created: time(p.created),
    livemode: bool(p.livemode),
    metadata: metadata(p.metadata),
  };
}

export const attachedSchema = paymentMethodSchema.extend({
  set_as_default: z
    .boolean()
    .describe('Whether it is now the customer’s default for invoices and subscriptions'),
});

// Lists

export function toList<T, K extends string>(
  key: K,
  listed: Listed<Obj>,
  map: (o: Obj) => T,
): { count: number; has_more: boolean; next_starting_after: string | null } & Record<K, T[]> {
  return {
    count: listed.items.length,
    has_more: listed.next !== null,
    next_starting_after: listed.next,
    [key]: listed.items.map(map),
  } as { count: number; has_more: boolean; next_starting_after: string | null } & Record<K, T[]>;
}
