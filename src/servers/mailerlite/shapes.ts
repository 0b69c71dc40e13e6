import { z } from 'zod';
import type { Rec } from './api.js';

/**
 * The records the tools return, trimmed to what matters from MailerLite's answers (the shapes of its API
 * reference and of the recorded answers in its official Node SDK's tests). `full: true` on the get tools
 * adds the record as MailerLite gave it.
 */

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** MailerLite gives rates as `{float, string}` (groups, forms, campaigns) or a bare number (subscribers). */
const rate = (v: unknown): number | null =>
  num(v) ?? num((v as { float?: unknown } | null | undefined)?.float ?? undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const ref = z.object({ id: z.string(), name: z.string() });
export type Ref = z.infer<typeof ref>;

/** A group or segment named in another record: `{id, name}`, or a bare name or id. */
export function toRef(v: unknown): Ref {
  if (v && typeof v === 'object') {
    const o = v as { id?: unknown; name?: unknown };
    const id = str(o.id) ?? '';
    return { id, name: str(o.name) ?? id };
  }
  const s = str(v) ?? '';
  return { id: /^\d+$/.test(s) ? s : '', name: s };
}

export const subscriberSchema = z.object({
  id: z.string(),
  email: z.string(),
  status: z.string().nullable().describe('active, unsubscribed, unconfirmed, bounced or junk'),
  source: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()).describe('Field values by key (name, last_name, custom ones)'),
  groups: z.array(ref).nullable().describe('Groups it belongs to, when MailerLite included them'),
  sent: z.number().nullable(),
  opens_count: z.number().nullable(),
  clicks_count: z.number().nullable(),
  open_rate: z.number().nullable(),
  click_rate: z.number().nullable(),
  subscribed_at: z.string().nullable(),
  unsubscribed_at: z.string().nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});

export const toSubscriber = (s: Rec): z.infer<typeof subscriberSchema> => ({
  id: s.id,
  email: str(s.email) ?? '',
  status: str(s.status),
  source: str(s.source),
  fields: s.fields && typeof s.fields === 'object' ? (s.fields as Record<string, unknown>) : {},
  groups: Array.isArray(s.groups) ? s.groups.map(toRef) : null,
  sent: num(s.sent),
  opens_count: num(s.opens_count),
  clicks_count: num(s.clicks_count),
  open_rate: rate(s.open_rate),
  click_rate: rate(s.click_rate),
  subscribed_at: str(s.subscribed_at),
  unsubscribed_at: str(s.unsubscribed_at),
  created_at: str(s.created_at),
  updated_at: str(s.updated_at),
});

export const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  active_count: z.number().nullable().describe('Active subscribers: who a campaign to this group reaches'),
  unsubscribed_count: z.number().nullable(),
  unconfirmed_count: z.number().nullable(),
  bounced_count: z.number().nullable(),
  junk_count: z.number().nullable(),
  sent_count: z.number().nullable(),
  open_rate: z.number().nullable(),
  click_rate: z.number().nullable(),
  created_at: z.string().nullable(),
});

export const toGroup = (g: Rec): z.infer<typeof groupSchema> => ({
  id: g.id,
  name: str(g.name) ?? '',
  active_count: num(g.active_count),
  unsubscribed_count: num(g.unsubscribed_count),
  unconfirmed_count: num(g.unconfirmed_count),
  bounced_count: num(g.bounced_count),
  junk_count: num(g.junk_count),
  sent_count: num(g.sent_count),
  open_rate: rate(g.open_rate),
  click_rate: rate(g.click_rate),
  created_at: str(g.created_at),
});

export const fieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  key: z.string().describe('The key subscriber fields are set under'),
  type: z.string().describe('text, number or date'),
  is_default: z.boolean().nullable(),
});

export const toField = (f: Rec): z.infer<typeof fieldSchema> => ({
  id: f.id,
  name: str(f.name) ?? '',
  key: str(f.key) ?? '',
  type: str(f.type) ?? '',
  is_default: typeof f.is_default === 'boolean' ? f.is_default : null,
});

export const audienceSchema = z.object({
  all_active_subscribers: z
    .boolean()
    .describe('True when the campaign goes to every active subscriber (no group or segment chosen)'),
  groups: z.array(ref),
  segments: z.array(ref),
  excluded_groups: z.array(ref),
  excluded_segments: z.array(ref),
  filter: z.array(z.string()).describe('Other conditions, as MailerLite words them'),
  recipients_count: z.number().nullable().describe('Recipients, when MailerLite tells'),
});

export type Audience = z.infer<typeof audienceSchema>;

/**
 * Who a campaign goes to, from its `basic_filter_for_humans` (or, for an advanced filter, its
 * `filter_for_humans`). With neither groups, segments nor a filter, MailerLite sends it to every
 * active subscriber.
 */
export function audienceOf(c: Rec): Audience {
  const basic = (c.basic_filter_for_humans ?? null) as Record<string, unknown> | null;
  const conditions = list(c.filter_for_humans).flatMap((g) => list(g).map((x) => String(x)));
  const groups = list(basic?.included_groups).map(toRef);
  const segments = list(basic?.included_segments).map(toRef);
  const everyone =
    basic?.all_active_subscribers === true ||
    (!basic && groups.length === 0 && segments.length === 0 && conditions.length === 0);
  return {
    all_active_subscribers: everyone,
    groups,
    segments,
    excluded_groups: list(basic?.excluded_groups).map(toRef),
    excluded_segments: list(basic?.excluded_segments).map(toRef),
    filter: basic ? [] : conditions,
    recipients_count: num(c.recipients_count),
  };
}

const refs = (what: string, xs: Ref[]) =>
  xs.length
    ? `${what} ${xs.map((x) => (x.id && x.id !== x.name ? `"${x.name}" (${x.id})` : `"${x.name}"`)).join(', ')}`
    : '';

/** The audience in words: "ALL active subscribers", or the groups and segments, and who is left out. */
export function describeAudience(a: Audience): string {
  const count =
    a.recipients_count !== null ? ` (${a.recipients_count} recipients, as MailerLite counts them)` : '';
  if (a.all_active_subscribers) return `ALL active subscribers of the account${count}`;
  const included = [refs('groups', a.groups), refs('segments', a.segments)].filter(Boolean).join(' and ');
  const excluded = [refs('groups', a.excluded_groups), refs('segments', a.excluded_segments)].filter(Boolean);
  const conditions = a.filter.length
    ? `subscribers matching ${a.filter.map((f) => `"${f}"`).join(' and ')}`
    : '';
  return `${[included, conditions].filter(Boolean).join(' and ') || 'the chosen subscribers'}${
    excluded.length ? `, excluding ${excluded.join(' and ')}` : ''
  }${count}`;
}

const emailSchema = z.object({
  id: z.string().nullable(),
  subject: z.string().nullable(),
  from: z.string().nullable(),
  from_name: z.string().nullable(),
  preview_url: z.string().nullable(),
});

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  status: z.string().nullable().describe('draft, ready (scheduled) or sent'),
  language_id: z.string().nullable(),
  delivery_schedule: z.string().nullable(),
  scheduled_for: z.string().nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  created_at: z.string().nullable(),
  audience: audienceSchema,
  emails: z.array(emailSchema),
  stats: z.record(z.string(), z.number()).nullable().describe('Sent, opens, clicks… once sent'),
  missing_data: z.array(z.string()).describe('What MailerLite still needs before it can be sent'),
});

/** Counts and rates of a sent campaign (rates as fractions). */
function statsOf(c: Rec): Record<string, number> | null {
  const s = c.stats as Record<string, unknown> | undefined;
  if (!s || typeof s !== 'object') return null;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(s)) {
    const n = k.endsWith('_rate') ? rate(v) : num(v);
    if (n !== null) out[k] = n;
  }
  return Object.keys(out).length ? out : null;
}

export const toCampaign = (c: Rec): z.infer<typeof campaignSchema> => ({
  id: c.id,
  name: str(c.name) ?? '',
  type: str(c.type),
  status: str(c.status),
  language_id: str(c.language_id),
  delivery_schedule: str(c.delivery_schedule),
  scheduled_for: str(c.scheduled_for),
  started_at: str(c.started_at),
  finished_at: str(c.finished_at),
  created_at: str(c.created_at),
  audience: audienceOf(c),
  emails: list(c.emails).map((e) => {
    const m = (e ?? {}) as Record<string, unknown>;
    return {
      id: str(m.id),
      subject: str(m.subject),
      from: str(m.from),
      from_name: str(m.from_name),
      preview_url: str(m.preview_url),
    };
  }),
  stats: statsOf(c),
  missing_data: list(c.missing_data).map((x) => String(x)),
});

export const formSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().nullable().describe('popup, embedded or promotion'),
  slug: z.string().nullable(),
  active: z.boolean().nullable(),
  double_optin: z.boolean().nullable(),
  groups: z.array(ref).describe('Groups a sign-up joins'),
  conversions_count: z.number().nullable(),
  opens_count: z.number().nullable(),
  conversion_rate: z.number().nullable(),
  last_registration_at: z.string().nullable(),
  created_at: z.string().nullable(),
});

export const toForm = (f: Rec): z.infer<typeof formSchema> => ({
  id: f.id,
  name: str(f.name) ?? '',
  type: str(f.type),
  slug: str(f.slug),
  active: typeof f.active === 'boolean' ? f.active : null,
  double_optin: typeof f.double_optin === 'boolean' ? f.double_optin : null,
  groups: list(f.groups).map(toRef),
  conversions_count: num(f.conversions_count),
  opens_count: num(f.opens_count),
  conversion_rate: rate(f.conversion_rate),
  last_registration_at: str(f.last_registration_at),
  created_at: str(f.created_at),
});

export const webhookSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean().nullable(),
  is_blocked: z.boolean().nullable(),
  last_fired_at: z.string().nullable(),
  response_code: z.number().nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  secret: z
    .string()
    .optional()
    .describe('Signing secret of the webhook payloads (given by create_webhook and get_webhook only)'),
});

/** A webhook; its signing secret only when asked for (one webhook), never in lists or resources. */
export const toWebhook = (w: Rec, withSecret = false): z.infer<typeof webhookSchema> => ({
  id: w.id,
  name: str(w.name),
  url: str(w.url) ?? '',
  events: list(w.events).map((e) => String(e)),
  enabled: typeof w.enabled === 'boolean' ? w.enabled : null,
  is_blocked: typeof w.is_blocked === 'boolean' ? w.is_blocked : null,
  last_fired_at: str(w.last_fired_at),
  response_code: num(w.response_code),
  created_at: str(w.created_at),
  updated_at: str(w.updated_at),
  ...(withSecret && typeof w.secret === 'string' ? { secret: w.secret } : {}),
});

export const languageSchema = z.object({
  id: z.string(),
  shortcode: z.string().nullable(),
  iso639: z.string().nullable(),
  name: z.string(),
  direction: z.string().nullable(),
});

export const toLanguage = (l: Rec): z.infer<typeof languageSchema> => ({
  id: String(l.id),
  shortcode: str(l.shortcode),
  iso639: str(l.iso639),
  name: str(l.name) ?? '',
  direction: str(l.direction),
});

/** The record as MailerLite gave it, for `full: true`; a webhook's secret left out. */
export function raw(r: Rec): Record<string, unknown> {
  const { secret: _secret, ...rest } = r;
  return rest;
}
