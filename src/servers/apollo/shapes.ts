import { z } from 'zod';
import type { ApolloObject } from './api.js';

/**
 * The Apollo objects tools return, as Apollo answers them (docs.apollo.io API reference): the fields this
 * server relies on are named, the rest pass through. Lists are trimmed to the fields below unless the
 * caller asks for `full` objects.
 */

const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();
const text = z.string();

export const anyObject = z.object({}).catchall(z.unknown());

const record = (what: string, fields: Record<string, z.ZodType>) =>
  z.object({ id: text.describe(`Apollo id of the ${what}`), ...fields }).catchall(z.unknown());

export const contactSchema = record('contact', {
  name: opt(text),
  first_name: opt(text),
  last_name: opt(text),
  title: opt(text),
  email: opt(text),
  organization_name: opt(text),
  account_id: opt(text),
  contact_stage_id: opt(text),
  owner_id: opt(text),
});

export const accountSchema = record('account', {
  name: opt(text),
  domain: opt(text),
  account_stage_id: opt(text),
  owner_id: opt(text),
});

export const dealSchema = record('deal', {
  name: opt(text),
  amount: opt(z.union([z.number(), text])),
  account_id: opt(text),
  owner_id: opt(text),
  opportunity_stage_id: opt(text),
  closed_date: opt(text),
  is_closed: opt(z.boolean()),
  is_won: opt(z.boolean()),
});

export const userSchema = record('user', {
  name: opt(text),
  email: opt(text),
  first_name: opt(text),
  last_name: opt(text),
  title: opt(text),
});

export const stageSchema = record('stage', { name: opt(text), display_name: opt(text) });

export const taskSchema = record('task', {
  type: opt(text),
  priority: opt(text),
  status: opt(text),
  due_at: opt(text),
  contact_id: opt(text),
  user_id: opt(text),
});

/** The fields a trimmed list keeps, by kind. */
export const TRIMMED = {
  contact: [
    'id',
    'name',
    'first_name',
    'last_name',
    'title',
    'email',
    'email_status',
    'organization_name',
    'account_id',
    'contact_stage_id',
    'owner_id',
    'linkedin_url',
    'city',
    'state',
    'country',
    'last_activity_date',
    'created_at',
    'updated_at',
  ],
  account: [
    'id',
    'name',
    'domain',
    'website_url',
    'account_stage_id',
    'owner_id',
    'phone',
    'linkedin_url',
    'num_contacts',
    'last_activity_date',
    'created_at',
  ],
  deal: [
    'id',
    'name',
    'amount',
    'account_id',
    'owner_id',
    'opportunity_stage_id',
    'stage_name',
    'closed_date',
    'is_closed',
    'is_won',
    'source',
    'created_at',
  ],
  user: ['id', 'name', 'first_name', 'last_name', 'email', 'title', 'team_id', 'deleted', 'created_at'],
} as const;

/** An object with only the named fields it has. */
export function trim(object: ApolloObject, fields: readonly string[]): ApolloObject {
  return Object.fromEntries(fields.filter((f) => f in object).map((f) => [f, object[f]]));
}

export const paginationSchema = z
  .object({
    page: opt(z.number()),
    per_page: opt(z.number()),
    total_entries: opt(z.number()),
    total_pages: opt(z.number()),
  })
  .catchall(z.unknown());

/** What every list returns beside its items. */
export const listPage = {
  count: z.number().describe('How many are returned'),
  pagination: paginationSchema.describe("Apollo's pagination of the last page read"),
  next_page: z
    .number()
    .optional()
    .describe(
      'The page after the last one read, when more remain (a page cut short by limit is not repeated)',
    ),
};

export const message = z.string().describe('What was done, to what');
