import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { NotFoundError, ToolError } from '../../../core/errors.js';
import type { HunterApi, LeadFields } from '../api.js';
import { lead, leadSummary, leadsList, toLeadSummary } from '../shapes.js';
import { email, id, limit, offset, paged, type ToolMaker, type ToolTable } from './common.js';

/** A lead's fields as guMCP took them; Hunter takes the same names. */
const leadFields = {
  first_name: z.string().trim().optional().describe('First name'),
  last_name: z.string().trim().optional().describe('Last name'),
  position: z.string().trim().optional().describe('Job title'),
  company: z.string().trim().optional().describe('Company name'),
  company_size: z
    .union([z.string().trim(), z.number().int().min(0)])
    .optional()
    .describe('Size of the company, e.g. "11-50" (a number is sent as text)'),
  confidence_score: z.number().int().min(0).max(100).optional().describe('Confidence in the address, 0-100'),
  website: z.string().trim().optional().describe('Website of the company'),
  country_code: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO 3166-1 code, e.g. US')
    .optional()
    .describe('Country, as a two-letter ISO 3166-1 code (e.g. US)'),
  postal_code: z
    .union([z.string().trim(), z.number().int().min(0)])
    .optional()
    .describe('Postal code (a number is sent as text; give leading zeros as text)'),
  source: z.string().trim().optional().describe('Where the lead comes from'),
  linkedin_url: z.string().trim().optional().describe('LinkedIn profile URL'),
  phone_number: z.string().trim().optional().describe('Phone number'),
  twitter: z.string().trim().optional().describe('Twitter/X handle'),
  leads_list_id: id('leads list to put the lead in').optional(),
};

/** The tool's argument names are Hunter's own, so an error naming a parameter names the argument. */
const LEAD_ARGS = Object.fromEntries(['email', ...Object.keys(leadFields)].map((k) => [k, k]));

/** The fields given, as Hunter takes them: numbers as text where Hunter keeps text. */
function toLeadFields(args: Record<string, unknown>): LeadFields {
  const out: LeadFields = {};
  for (const key of ['email', ...Object.keys(leadFields)]) {
    const value = args[key];
    if (value === undefined || value === '') continue;
    if (key === 'country_code') out[key] = String(value).toUpperCase();
    else if (key === 'company_size' || key === 'postal_code') out[key] = String(value);
    else out[key] = value as string | number;
  }
  return out;
}

const leadOutput = z.object({ lead, message: z.string() });
const listOutput = z.object({ leads_list: leadsList, message: z.string() });
const deleted = z.object({ deleted: z.boolean(), id: z.number(), message: z.string() });

const who = (l: { email?: string; first_name?: string | null; last_name?: string | null }) =>
  [[l.first_name, l.last_name].filter(Boolean).join(' '), l.email ? `<${l.email}>` : '']
    .filter(Boolean)
    .join(' ');

async function found<T>(what: string, lookup: number, value: Promise<T | undefined>): Promise<T> {
  return (await value) ?? Promise.reject(new NotFoundError(what, String(lookup)));
}

async function leadOf(hunter: HunterApi, leadId: number) {
  return found('Lead', leadId, hunter.lead(leadId));
}

/** Leads and leads lists: free to use, no credits. */
export function leadTools(hunterTool: ToolMaker): ToolTable {
  return {
    list_leads: hunterTool({
      description:
        'List the leads saved in Hunter, optionally only those of a leads list or matching a name, email, ' +
        'company, phone number or Twitter handle. Free.',
      input: z.object({
        limit: limit(20),
        offset,
        lead_list_id: id('leads list whose leads to list').optional(),
        first_name: z.string().trim().optional().describe('Only leads with this first name'),
        last_name: z.string().trim().optional().describe('Only leads with this last name'),
        email: z.string().trim().optional().describe('Only the lead with this email'),
        company: z.string().trim().optional().describe('Only leads at this company'),
        phone_number: z.string().trim().optional().describe('Only leads with this phone number'),
        twitter: z.string().trim().optional().describe('Only leads with this Twitter handle'),
      }),
      output: z.object({
        leads: z.array(leadSummary),
        total: z.number().nullable(),
        next_offset: z.number().optional(),
      }),
      annotations: reads,
      async run({ limit: max, offset: from, lead_list_id, ...filters }, hunter) {
        // guMCP named the list filter lead_list_id; Hunter's parameter is leads_list_id.
        const query = { ...filters, leads_list_id: lead_list_id };
        const args = {
          ...Object.fromEntries(Object.keys(filters).map((k) => [k, k])),
          leads_list_id: 'lead_list_id',
        };
        const page = await hunter.leads(query, max, from, args);
        return { leads: page.items.map(toLeadSummary), ...paged(page) };
      },
    }),

    get_lead: hunterTool({
      description: 'A lead saved in Hunter, with every field, its leads list and its verification. Free.',
      input: z.object({ id: id('lead') }),
      output: z.object({ lead }),
      annotations: reads,
      run: async ({ id: leadId }, hunter) => ({ lead: await leadOf(hunter, leadId) }),
    }),

    create_lead: hunterTool({
      description:
        'Save a new lead in Hunter (optionally in a leads list). Creates one each call; Hunter refuses an ' +
        'email already saved as a lead (change that one with update_lead).',
      input: z.object({ email: email.describe('Email address of the lead'), ...leadFields }),
      output: leadOutput,
      annotations: adds,
      async run(args, hunter) {
        const created = await hunter.createLead(toLeadFields(args), LEAD_ARGS);
        if (!created) throw new ToolError(`Hunter answered without the new lead for ${args.email}`);
        const list = created.leads_list?.name ? ` in leads list "${created.leads_list.name}"` : '';
        return { lead: created, message: `Created lead ${created.id} for ${who(created)}${list}` };
      },
    }),

    update_lead: hunterTool({
      description: 'Change fields of a lead saved in Hunter; the fields not given are kept. Free.',
      input: z.object({
        id: id('lead to change'),
        email: email.optional().describe('New email address'),
        ...leadFields,
      }),
      output: leadOutput.extend({ updated_fields: z.array(z.string()) }),
      annotations: overwrites,
      async run({ id: leadId, ...args }, hunter) {
        const fields = toLeadFields(args);
        const names = Object.keys(fields);
        if (!names.length) {
          throw new ToolError(
            `Give at least one field to change besides id: ${['email', ...Object.keys(leadFields)].join(', ')}`,
          );
        }
        const updated = await found('Lead', leadId, hunter.updateLead(leadId, fields, LEAD_ARGS));
        return {
          lead: updated,
          updated_fields: names,
          message: `Updated ${names.join(', ')} of lead ${leadId} (${who(updated)})`,
        };
      },
    }),

    delete_lead: hunterTool({
      description: 'Delete a lead from Hunter. It cannot be restored. Free.',
      input: z.object({ id: id('lead to delete') }),
      output: deleted,
      annotations: overwrites,
      async run({ id: leadId }, hunter) {
        await hunter.deleteLead(leadId);
        return { deleted: true, id: leadId, message: `Deleted lead ${leadId}` };
      },
    }),

    list_leads_lists: hunterTool({
      description: 'List the leads lists of the Hunter account, with how many leads each holds. Free.',
      input: z.object({ limit: limit(100), offset }),
      output: z.object({
        leads_lists: z.array(leadsList),
        total: z.number().nullable(),
        next_offset: z.number().optional(),
      }),
      annotations: reads,
      async run({ limit: max, offset: from }, hunter) {
        const page = await hunter.leadsLists(max, from);
        return { leads_lists: page.items, ...paged(page) };
      },
    }),

    get_leads_list: hunterTool({
      description: 'A leads list of the Hunter account: its name and how many leads it holds. Free.',
      input: z.object({ id: id('leads list') }),
      output: z.object({ leads_list: leadsList }),
      annotations: reads,
      run: async ({ id: listId }, hunter) => ({
        leads_list: await found('Leads list', listId, hunter.leadsList(listId)),
      }),
    }),

    create_leads_list: hunterTool({
      description:
        'Create an empty leads list in Hunter. Creates one each call, even with a name in use. Free.',
      input: z.object({ name: z.string().trim().min(1).describe('Name of the new list') }),
      output: listOutput,
      annotations: adds,
      async run({ name }, hunter) {
        const created = await hunter.createLeadsList(name);
        if (!created) throw new ToolError(`Hunter answered without the new leads list "${name}"`);
        return { leads_list: created, message: `Created leads list ${created.id} "${created.name}"` };
      },
    }),

    update_leads_list: hunterTool({
      description: 'Rename a leads list in Hunter. Free.',
      input: z.object({
        id: id('leads list to rename'),
        name: z.string().trim().min(1).describe('New name of the list'),
      }),
      output: listOutput,
      annotations: overwrites,
      async run({ id: listId, name }, hunter) {
        const renamed = await found('Leads list', listId, hunter.renameLeadsList(listId, name));
        return { leads_list: renamed, message: `Renamed leads list ${listId} to "${renamed.name}"` };
      },
    }),

    delete_leads_list: hunterTool({
      description:
        'Delete a leads list from Hunter. It cannot be restored; Hunter deletes a large list in the ' +
        'background. Free.',
      input: z.object({ id: id('leads list to delete') }),
      output: deleted.extend({
        scheduled: z.boolean().describe('Hunter accepted the deletion and finishes it in the background'),
      }),
      annotations: overwrites,
      async run({ id: listId }, hunter) {
        const { scheduled } = await hunter.deleteLeadsList(listId);
        const message = scheduled
          ? `Hunter is deleting leads list ${listId} in the background`
          : `Deleted leads list ${listId}`;
        return { deleted: true, scheduled, id: listId, message };
      },
    }),
  };
}
