import { z } from 'zod';

/**
 * What the tools return: PayPal's orders, plans, products, subscriptions and invoices with the fields a
 * caller acts on (amounts as PayPal gives them: a currency code and a decimal string), the links to
 * act on them, and with `full: true` the whole object under `paypal_object`.
 */

type Obj = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const moneySchema = z.object({ currency_code: z.string(), value: z.string() }).nullable();
const money = (v: unknown): z.input<typeof moneySchema> => {
  const m = obj(v);
  return m && typeof m.currency_code === 'string' && typeof m.value === 'string'
    ? { currency_code: m.currency_code, value: m.value }
    : null;
};

const linkSchema = z.object({ rel: z.string(), href: z.string(), method: z.string().nullable() });
const linksSchema = z.array(linkSchema).describe('What can be done next, as PayPal links it');
const links = (v: unknown) =>
  arr(v).flatMap((l) => {
    const o = obj(l);
    return o && typeof o.rel === 'string' && typeof o.href === 'string'
      ? [{ rel: o.rel, href: o.href, method: str(o.method) }]
      : [];
  });
const link = (v: unknown, ...rels: string[]) => links(v).find((l) => rels.includes(l.rel))?.href ?? null;

const rawSchema = z
  .record(z.string(), z.unknown())
  .optional()
  .describe('The whole object as PayPal sent it (with full: true)');

/** Adds the whole object when the caller asked for it. */
export const withRaw = <T extends object>(
  shape: T,
  raw: Obj,
  full: boolean | undefined,
): T & { paypal_object?: Obj } => (full ? { ...shape, paypal_object: raw } : shape);

const when = (what: string) => z.string().nullable().describe(`${what} (ISO 8601)`);

// Orders

export const orderSchema = z.object({
  id: z.string(),
  status: z
    .string()
    .nullable()
    .describe('CREATED, SAVED, APPROVED, VOIDED, COMPLETED or PAYER_ACTION_REQUIRED'),
  intent: z.string().nullable().describe('CAPTURE or AUTHORIZE'),
  approve_url: z
    .string()
    .nullable()
    .describe('Where the payer approves the order (PayPal’s approve or payer-action link)'),
  purchase_units: z.array(
    z.object({
      reference_id: z.string().nullable(),
      amount: moneySchema,
      description: z.string().nullable(),
      custom_id: z.string().nullable(),
      invoice_id: z.string().nullable(),
    }),
  ),
  payer_email: z.string().nullable(),
  create_time: when('Created'),
  update_time: when('Last changed'),
  links: linksSchema,
  paypal_object: rawSchema,
});

export function toOrder(o: Obj) {
  return {
    id: String(o.id),
    status: str(o.status),
    intent: str(o.intent),
    approve_url: link(o.links, 'approve', 'payer-action'),
    purchase_units: arr(o.purchase_units).map((raw) => {
      const u = obj(raw) ?? {};
      return {
        reference_id: str(u.reference_id),
        amount: money(u.amount),
        description: str(u.description),
        custom_id: str(u.custom_id),
        invoice_id: str(u.invoice_id),
      };
    }),
    payer_email: str(obj(o.payer)?.email_address),
    create_time: str(o.create_time),
    update_time: str(o.update_time),
    links: links(o.links),
  };
}

// Plans

export const planSchema = z.object({
  id: z.string(),
  product_id: z.string().nullable(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  status: z.string().nullable().describe('CREATED, INACTIVE or ACTIVE'),
  billing_cycles: z
    .array(z.record(z.string(), z.unknown()))
    .describe('Trial and regular cycles, as PayPal gives them'),
  payment_preferences: z.record(z.string(), z.unknown()).nullable(),
  taxes: z.record(z.string(), z.unknown()).nullable(),
  quantity_supported: z.boolean().nullable(),
  create_time: when('Created'),
  update_time: when('Last changed'),
  links: linksSchema,
  paypal_object: rawSchema,
});

export function toPlan(p: Obj) {
  return {
    id: String(p.id),
    product_id: str(p.product_id),
    name: str(p.name),
    description: str(p.description),
    status: str(p.status),
    billing_cycles: arr(p.billing_cycles).flatMap((c) => (obj(c) ? [obj(c) as Obj] : [])),
    payment_preferences: obj(p.payment_preferences),
    taxes: obj(p.taxes),
    quantity_supported: typeof p.quantity_supported === 'boolean' ? p.quantity_supported : null,
    create_time: str(p.create_time),
    update_time: str(p.update_time),
    links: links(p.links),
  };
}

// Products

export const productSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  type: z.string().nullable().describe('PHYSICAL, DIGITAL or SERVICE'),
  category: z.string().nullable(),
  image_url: z.string().nullable(),
  home_url: z.string().nullable(),
  create_time: when('Created'),
  update_time: when('Last changed'),
  links: linksSchema,
  paypal_object: rawSchema,
});

export function toProduct(p: Obj) {
  return {
    id: String(p.id),
    name: str(p.name),
    description: str(p.description),
    type: str(p.type),
    category: str(p.category),
    image_url: str(p.image_url),
    home_url: str(p.home_url),
    create_time: str(p.create_time),
    update_time: str(p.update_time),
    links: links(p.links),
  };
}

// Subscriptions

export const subscriptionSchema = z.object({
  id: z.string(),
  plan_id: z.string().nullable(),
  status: z
    .string()
    .nullable()
    .describe('APPROVAL_PENDING, APPROVED, ACTIVE, SUSPENDED, CANCELLED or EXPIRED'),
  approve_url: z.string().nullable().describe('Where the subscriber approves the subscription'),
  quantity: z.string().nullable(),
  custom_id: z.string().nullable(),
  start_time: when('Starts'),
  subscriber_email: z.string().nullable(),
  next_billing_time: when('Next bill'),
  last_payment: moneySchema,
  outstanding_balance: moneySchema,
  create_time: when('Created'),
  update_time: when('Last changed'),
  links: linksSchema,
  paypal_object: rawSchema,
});

export function toSubscription(s: Obj) {
  const billing = obj(s.billing_info);
  return {
    id: String(s.id),
    plan_id: str(s.plan_id),
    status: str(s.status),
    approve_url: link(s.links, 'approve'),
    quantity: str(s.quantity),
    custom_id: str(s.custom_id),
    start_time: str(s.start_time),
    subscriber_email: str(obj(s.subscriber)?.email_address),
    next_billing_time: str(billing?.next_billing_time),
    last_payment: money(obj(billing?.last_payment)?.amount),
    outstanding_balance: money(billing?.outstanding_balance),
    create_time: str(s.create_time),
    update_time: str(s.update_time),
    links: links(s.links),
  };
}

// Invoices

export const invoiceSchema = z.object({
  id: z.string(),
  status: z.string().nullable().describe('DRAFT, SENT, SCHEDULED, PAID, MARKED_AS_PAID, CANCELLED, …'),
  invoice_number: z.string().nullable(),
  invoice_date: z.string().nullable(),
  due_date: z.string().nullable(),
  reference: z.string().nullable(),
  amount: moneySchema.describe('Total'),
  due_amount: moneySchema,
  recipient_email: z.string().nullable(),
  recipient_name: z.string().nullable(),
  links: linksSchema,
});

export function toInvoice(i: Obj) {
  const detail = obj(i.detail) ?? {};
  const recipient = obj(obj(arr(i.primary_recipients)[0])?.billing_info);
  const name = obj(recipient?.name);
  return {
    id: String(i.id),
    status: str(i.status),
    invoice_number: str(detail.invoice_number),
    invoice_date: str(detail.invoice_date),
    due_date: str(obj(detail.payment_term)?.due_date),
    reference: str(detail.reference),
    amount: money(i.amount),
    due_amount: money(i.due_amount),
    recipient_email: str(recipient?.email_address),
    recipient_name:
      str(name?.full_name) ?? ([str(name?.given_name), str(name?.surname)].filter(Boolean).join(' ') || null),
    links: links(i.links),
  };
}

// Pages

/** The paging fields of a list tool's answer. */
export const pageFields = {
  count: z.number().describe('How many items this call returns'),
  page: z.number().describe('The first page this call read'),
  next_page: z.number().nullable().describe('Pass as page to continue; null when there is no more'),
  total_items: z.number().nullable().describe('How many match in all (with total_required)'),
  total_pages: z.number().nullable().describe('How many pages in all (with total_required)'),
};
