import { z } from 'zod';

/**
 * What Hunter answers, as the tools return it (output schemas) and as api.ts reads it. Objects Hunter
 * may grow keep their other fields (`catchall`); long ones (a domain search's sources) are trimmed to
 * counts unless asked for.
 */

const text = z.string().nullable().optional();
const count = z.number().nullable().optional();
const flag = z.boolean().nullable().optional();
/** A value Hunter may give as text or as a number (guMCP typed company_size and postal_code as numbers). */
const textOrNumber = z.union([z.string(), z.number()]).nullable().optional();
const anyId = textOrNumber;

/** `{ date, status }` of Hunter's last verification of an address. */
export const verification = z
  .object({ date: text, status: text.describe('valid, invalid, accept_all, webmail, disposable or unknown') })
  .catchall(z.unknown());

/** Where Hunter found an address. */
export const source = z
  .object({
    domain: text,
    uri: text,
    extracted_on: text,
    last_seen_on: text,
    still_on_page: flag,
  })
  .catchall(z.unknown());

export type Source = z.infer<typeof source>;

/** `meta` of Hunter's list answers: `results` (domain search) or `total`, `limit`, `offset`. */
export interface ListMeta {
  results?: number;
  total?: number;
  count?: number;
  limit?: number;
  offset?: number;
  params?: { limit?: number; offset?: number };
}

/** Hunter's answer envelope. */
export interface Envelope<T> {
  data?: T;
  meta?: ListMeta;
}

// Discovery and verification

export interface RawDomainEmail {
  value: string;
  type?: string | null;
  confidence?: number | null;
  sources?: Source[];
  first_name?: string | null;
  last_name?: string | null;
  position?: string | null;
  seniority?: string | null;
  department?: string | null;
  linkedin?: string | null;
  twitter?: string | null;
  phone_number?: string | null;
  verification?: z.infer<typeof verification> | null;
}

export interface RawDomainSearch {
  domain?: string;
  organization?: string | null;
  pattern?: string | null;
  disposable?: boolean;
  webmail?: boolean;
  accept_all?: boolean;
  emails?: RawDomainEmail[];
  [field: string]: unknown;
}

export const domainEmail = z.object({
  value: z.string().describe('The email address'),
  type: text.describe('personal or generic'),
  confidence: count.describe('Confidence score, 0-100'),
  first_name: text,
  last_name: text,
  position: text,
  seniority: text,
  department: text,
  linkedin: text,
  twitter: text,
  phone_number: text,
  verification_status: text.describe('Status of Hunter’s last verification of the address'),
  sources_count: z.number().describe('Web pages the address was found on'),
  sources: z.array(source).optional().describe('The pages, when include_sources was set'),
});

export const domainSearchOutput = z.object({
  domain: z.string(),
  organization: text,
  pattern: text.describe('The address pattern of the domain, e.g. {first}.{last}'),
  disposable: flag,
  webmail: flag,
  accept_all: flag.describe('The mail server accepts every address, so none can be verified for sure'),
  emails: z.array(domainEmail),
  total: count.describe('Addresses Hunter has for the domain (with the filters given)'),
  offset: z.number(),
  next_offset: z.number().optional().describe('Pass as offset for the next addresses'),
});

export function toDomainEmail(e: RawDomainEmail, withSources: boolean): z.infer<typeof domainEmail> {
  const { sources, verification: checked, ...fields } = e;
  return {
    value: fields.value,
    type: fields.type ?? null,
    confidence: fields.confidence ?? null,
    first_name: fields.first_name ?? null,
    last_name: fields.last_name ?? null,
    position: fields.position ?? null,
    seniority: fields.seniority ?? null,
    department: fields.department ?? null,
    linkedin: fields.linkedin ?? null,
    twitter: fields.twitter ?? null,
    phone_number: fields.phone_number ?? null,
    verification_status: checked?.status ?? null,
    sources_count: sources?.length ?? 0,
    ...(withSources ? { sources: sources ?? [] } : {}),
  };
}

export const finderOutput = z.object({
  found: z.boolean().describe('Whether Hunter found an address'),
  email: text,
  score: count.describe('Confidence score, 0-100'),
  first_name: text,
  last_name: text,
  domain: text,
  company: text,
  position: text,
  accept_all: flag,
  linkedin_url: text,
  twitter: text,
  phone_number: text,
  verification_status: text,
  sources_count: z.number(),
});

export interface RawFinder {
  email?: string | null;
  score?: number | null;
  first_name?: string | null;
  last_name?: string | null;
  domain?: string | null;
  company?: string | null;
  position?: string | null;
  accept_all?: boolean | null;
  linkedin_url?: string | null;
  twitter?: string | null;
  phone_number?: string | null;
  verification?: z.infer<typeof verification> | null;
  sources?: Source[];
}

export function toFinder(d: RawFinder | undefined): z.infer<typeof finderOutput> {
  return {
    found: !!d?.email,
    email: d?.email ?? null,
    score: d?.score ?? null,
    first_name: d?.first_name ?? null,
    last_name: d?.last_name ?? null,
    domain: d?.domain ?? null,
    company: d?.company ?? null,
    position: d?.position ?? null,
    accept_all: d?.accept_all ?? null,
    linkedin_url: d?.linkedin_url ?? null,
    twitter: d?.twitter ?? null,
    phone_number: d?.phone_number ?? null,
    verification_status: d?.verification?.status ?? null,
    sources_count: d?.sources?.length ?? 0,
  };
}

export const verifierOutput = z.object({
  email: z.string(),
  status: text.describe('valid, invalid, accept_all, webmail, disposable or unknown'),
  score: count.describe('Deliverability score, 0-100'),
  regexp: flag,
  gibberish: flag,
  disposable: flag,
  webmail: flag,
  mx_records: flag,
  smtp_server: flag,
  smtp_check: flag,
  accept_all: flag,
  block: flag,
  sources_count: z.number(),
});

export interface RawVerifier {
  email?: string;
  status?: string | null;
  score?: number | null;
  regexp?: boolean | null;
  gibberish?: boolean | null;
  disposable?: boolean | null;
  webmail?: boolean | null;
  mx_records?: boolean | null;
  smtp_server?: boolean | null;
  smtp_check?: boolean | null;
  accept_all?: boolean | null;
  block?: boolean | null;
  sources?: Source[];
}

const VERIFIER_FIELDS = [
  'status',
  'score',
  'regexp',
  'gibberish',
  'disposable',
  'webmail',
  'mx_records',
  'smtp_server',
  'smtp_check',
  'accept_all',
  'block',
] as const;

export function toVerifier(email: string, d: RawVerifier | undefined): z.infer<typeof verifierOutput> {
  const fields = Object.fromEntries(VERIFIER_FIELDS.map((f) => [f, d?.[f] ?? null]));
  return { email: d?.email ?? email, ...fields, sources_count: d?.sources?.length ?? 0 };
}

export const countOutput = z.object({
  domain: z.string(),
  total: z.number(),
  personal_emails: z.number(),
  generic_emails: z.number(),
  department: z.record(z.string(), z.number()).describe('Addresses by department'),
  seniority: z.record(z.string(), z.number()).describe('Addresses by seniority'),
});

export interface RawCount {
  total?: number;
  personal_emails?: number;
  generic_emails?: number;
  department?: Record<string, number>;
  seniority?: Record<string, number>;
}

export const personOutput = z.object({
  found: z.boolean(),
  person: z
    .object({ id: anyId, email: text, name: z.record(z.string(), z.unknown()).nullable().optional() })
    .catchall(z.unknown())
    .nullable()
    .describe('Name, employment, location, social handles, as Hunter has them'),
});

export const companyOutput = z.object({
  found: z.boolean(),
  company: z
    .object({ id: anyId, name: text, domain: text })
    .catchall(z.unknown())
    .nullable()
    .describe('Description, category, size, location, technologies, as Hunter has them'),
});

const usage = z
  .object({ used: z.number().optional(), available: z.number().optional() })
  .catchall(z.unknown());

export const accountOutput = z
  .object({
    first_name: text,
    last_name: text,
    email: text,
    plan_name: text,
    plan_level: count,
    reset_date: text.describe('When the monthly allowances reset'),
    team_id: count,
    requests: z
      .record(z.string(), usage)
      .optional()
      .describe('Used and available, by kind (searches, verifications, credits)'),
  })
  .catchall(z.unknown());

// Leads and leads lists

export const lead = z
  .object({
    id: z.number(),
    email: z.string(),
    first_name: text,
    last_name: text,
    position: text,
    company: text,
    company_industry: text,
    company_size: textOrNumber,
    confidence_score: count,
    website: text,
    country_code: text,
    postal_code: textOrNumber,
    source: text,
    linkedin_url: text,
    phone_number: text,
    twitter: text,
    notes: text,
    sending_status: text,
    verification: verification.nullable().optional(),
    leads_list: z
      .object({ id: count, name: text, leads_count: count })
      .catchall(z.unknown())
      .nullable()
      .optional(),
    created_at: text,
  })
  .catchall(z.unknown());

export type Lead = z.infer<typeof lead>;

export const leadSummary = z.object({
  id: z.number(),
  email: z.string(),
  first_name: text,
  last_name: text,
  position: text,
  company: text,
  leads_list_id: count,
  leads_list_name: text,
  verification_status: text,
  sending_status: text,
  created_at: text,
});

export function toLeadSummary(l: Lead): z.infer<typeof leadSummary> {
  return {
    id: l.id,
    email: l.email,
    first_name: l.first_name ?? null,
    last_name: l.last_name ?? null,
    position: l.position ?? null,
    company: l.company ?? null,
    leads_list_id: l.leads_list?.id ?? null,
    leads_list_name: l.leads_list?.name ?? null,
    verification_status: l.verification?.status ?? null,
    sending_status: l.sending_status ?? null,
    created_at: l.created_at ?? null,
  };
}

export const leadsList = z
  .object({ id: z.number(), name: z.string(), leads_count: count, created_at: text })
  .catchall(z.unknown());

export type LeadsList = z.infer<typeof leadsList>;

// Campaigns

export const campaign = z
  .object({
    id: z.number(),
    name: z.string(),
    recipients_count: count,
    editable: flag,
    started: flag,
    archived: flag,
    paused: flag,
    sending_status: text,
    created_at: text,
  })
  .catchall(z.unknown());

export type Campaign = z.infer<typeof campaign>;

export const recipient = z
  .object({
    email: z.string(),
    first_name: text,
    last_name: text,
    lead_id: count,
    sending_status: text,
  })
  .catchall(z.unknown());

export type Recipient = z.infer<typeof recipient>;

/** A page of a list the tools follow, and where the next one starts. */
export const paging = {
  total: count.describe('How many there are in all, when Hunter says'),
  next_offset: z.number().optional().describe('Pass as offset to continue; absent when there is no more'),
};
