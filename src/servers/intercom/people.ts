import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { adds, reads, sets } from '../../core/annotations.js';
import type { AnyToolDef } from '../../core/definition.js';
import { NotFoundError } from '../../core/errors.js';
import { collectCursor } from './api.js';
import { customAttributes, type IntercomTool, icId, maxResults, SCOPES, startingAfter } from './define.js';
import { adminSchema, companySchema, contactSchema, toAdmin, toCompany, toContact } from './shapes.js';
import type { IcCompany } from './types.js';

/** Intercom's largest search page. */
const SEARCH_PAGE = 150;
/** Companies are listed 50 a page; a name search looks through at most this many pages. */
const COMPANY_PAGE = 50;
const MAX_COMPANY_PAGES = 20;

const has = (value: string | undefined, needle: string) => value?.toLowerCase().includes(needle) ?? false;

/** Contacts, companies and admins. */
export function peopleTools(intercomTool: IntercomTool): Record<string, AnyToolDef> {
  return {
    search_contacts: intercomTool({
      description:
        'Find contacts (users and leads) whose email or name contains the query. Pages are followed up to ' +
        'max_results; next_cursor (when not null) continues the search.',
      input: z.object({
        query: z.string().trim().min(1).max(255).describe('Text the email or name contains'),
        max_results: maxResults('contacts', 50),
        starting_after: startingAfter,
      }),
      output: z.object({
        query: z.string(),
        count: z.number().int(),
        total_count: z.number().int().nullable().describe('How many contacts match in all'),
        contacts: z.array(contactSchema),
        next_cursor: z.string().nullable(),
      }),
      annotations: reads,
      scopes: SCOPES.contactsRead,
      async run({ query, max_results, starting_after }, intercom) {
        let total: number | null = null;
        const { items, next } = await collectCursor(max_results, starting_after, async (cursor) => {
          const page = await intercom.searchContacts({
            query: {
              operator: 'OR',
              value: [
                { field: 'email', operator: '~', value: query },
                { field: 'name', operator: '~', value: query },
              ],
            },
            pagination: {
              per_page: Math.min(SEARCH_PAGE, max_results),
              ...(cursor ? { starting_after: cursor } : {}),
            },
          });
          total ??= page.total_count ?? null;
          return { items: page.data ?? [], pages: page.pages };
        });
        return {
          query,
          count: items.length,
          total_count: total,
          contacts: items.map(toContact),
          next_cursor: next,
        };
      },
    }),

    create_contact: intercomTool({
      description:
        'Create a contact (a user by default, or a lead) with an email, a name and custom attributes.',
      input: z.object({
        email: z.email().describe('Email of the contact'),
        name: z.string().trim().min(1).max(255).optional().describe('Name of the contact'),
        role: z.enum(['user', 'lead']).default('user').describe('user (default) or lead'),
        custom_attributes: customAttributes.optional(),
      }),
      output: contactSchema,
      annotations: adds,
      scopes: SCOPES.contactsWrite,
      async run({ email, name, role, custom_attributes }, intercom) {
        const body = {
          role,
          email,
          ...(name ? { name } : {}),
          ...(custom_attributes ? { custom_attributes } : {}),
        };
        return toContact(
          await intercom.createContact(body, {
            email: 'email',
            name: 'name',
            role: 'role',
            custom_attributes: 'custom_attributes',
          }),
        );
      },
    }),

    search_companies: intercomTool({
      description:
        'Find companies by name: the company of exactly that name if there is one, else those whose name, ' +
        'company_id or website contains the query, looking through up to 1000 companies (Intercom lists ' +
        'only companies that have contacts).',
      input: z.object({
        query: z.string().trim().min(1).max(255).describe('The company name, or text its name contains'),
        max_results: maxResults('companies', 50, 500),
      }),
      output: z.object({
        query: z.string(),
        match: z.enum(['exact_name', 'contains']).describe('How the companies were found'),
        count: z.number().int(),
        companies: z.array(companySchema),
        complete: z.boolean().describe('False when not every company was looked through'),
      }),
      annotations: reads,
      scopes: SCOPES.companiesRead,
      async run({ query, max_results }, intercom) {
        try {
          const exact = (await intercom.companiesNamed(query)).data ?? [];
          if (exact.length > 0) {
            const companies = exact.slice(0, max_results).map(toCompany);
            return {
              query,
              match: 'exact_name' as const,
              count: companies.length,
              companies,
              complete: true,
            };
          }
        } catch (error) {
          // No company has exactly that name: look through the list.
          if (!(error instanceof NotFoundError)) throw error;
        }
        const needle = query.toLowerCase();
        const found: IcCompany[] = [];
        let complete = false;
        for (let page = 1; page <= MAX_COMPANY_PAGES && found.length < max_results; page++) {
          const list = await intercom.listCompaniesPage(page, COMPANY_PAGE);
          const items = list.data ?? [];
          found.push(
            ...items.filter(
              (c) => has(c.name, needle) || has(c.company_id, needle) || has(c.website, needle),
            ),
          );
          if (items.length === 0 || page >= (list.pages?.total_pages ?? page)) {
            complete = true;
            break;
          }
        }
        const companies = found.slice(0, max_results).map(toCompany);
        return { query, match: 'contains' as const, count: companies.length, companies, complete };
      },
    }),

    create_company: intercomTool({
      description:
        'Create a company. Intercom creates or updates by company_id (your own id of it): when left out, a ' +
        'new one is made up, so each call without it creates another company.',
      input: z.object({
        name: z.string().trim().min(1).max(255).describe('Name of the company'),
        company_id: z
          .string()
          .trim()
          .min(1)
          .max(255)
          .optional()
          .describe('Your own id of the company; an existing company with this id is updated'),
        website: z.string().trim().max(255).optional().describe('Website URL'),
        industry: z.string().trim().max(255).optional().describe('Industry'),
        custom_attributes: customAttributes.optional(),
      }),
      output: companySchema,
      annotations: adds,
      scopes: SCOPES.companiesWrite,
      async run({ name, company_id = randomUUID(), website, industry, custom_attributes }, intercom) {
        const body = {
          name,
          company_id,
          ...(website ? { website } : {}),
          ...(industry ? { industry } : {}),
          ...(custom_attributes ? { custom_attributes } : {}),
        };
        return toCompany(
          await intercom.createCompany(body, {
            name: 'name',
            company_id: 'company_id',
            website: 'website',
            industry: 'industry',
            custom_attributes: 'custom_attributes',
          }),
        );
      },
    }),

    associate_contact_with_company: intercomTool({
      description: 'Attach a contact to a company (both by Intercom’s id); attaching twice changes nothing.',
      input: z.object({
        contact_id: icId('contact'),
        company_id: icId('company').describe(
          'Intercom’s id of the company (the id search_companies returns)',
        ),
      }),
      output: z.object({ contact_id: z.string(), company: companySchema }),
      annotations: sets,
      scopes: SCOPES.contactCompany,
      async run({ contact_id, company_id }, intercom) {
        return { contact_id, company: toCompany(await intercom.attachCompany(contact_id, company_id)) };
      },
    }),

    list_admins: intercomTool({
      description: 'List the admins (teammates) of the workspace, with the ids other tools take as admin_id.',
      input: z.object({}),
      output: z.object({ count: z.number().int(), admins: z.array(adminSchema) }),
      annotations: reads,
      scopes: SCOPES.adminsRead,
      async run(_args, intercom) {
        const admins = ((await intercom.listAdmins()).admins ?? []).map(toAdmin);
        return { count: admins.length, admins };
      },
    }),
  };
}
