import { z } from 'zod';
import { reads } from '../../../core/annotations.js';
import { accountSchema, contactSchema, listPage } from '../shapes.js';
import { apolloId, idList, pages, paging, shaped, type ToolMaker, type ToolTable, text } from './common.js';

const sortAscending = z.boolean().optional().describe('Sort ascending (default false: most recent first)');

/** Searches of the contacts and accounts saved in the team's Apollo workspace (no credits). */
export function searchTools(apolloTool: ToolMaker): ToolTable {
  return {
    search_contacts: apolloTool({
      description:
        "Search the contacts saved in the team's Apollo workspace (no credits). Apollo searches by keywords " +
        '(names, titles, companies, emails) and stage: first_name, last_name, title, organization_name and email ' +
        'are added to the keywords; account_id keeps only that account’s contacts among the results. Needs a ' +
        'paid Apollo plan.',
      input: z.object({
        q_keywords: text('Keywords: names, job titles, company names or emails'),
        contact_stage_ids: idList('Only contacts in these stages (ids from list_contact_stages)').optional(),
        account_id: apolloId('account whose contacts to keep').optional(),
        organization_name: text('Company name (added to the keywords)'),
        first_name: text('First name (added to the keywords)'),
        last_name: text('Last name (added to the keywords)'),
        title: text('Job title (added to the keywords)'),
        email: text('Email (added to the keywords)'),
        sort_by_field: z
          .enum([
            'contact_last_activity_date',
            'contact_email_last_opened_at',
            'contact_email_last_clicked_at',
            'contact_created_at',
            'contact_updated_at',
          ])
          .optional()
          .describe('Sort by this field'),
        sort_ascending: sortAscending,
        ...paging,
      }),
      output: z.object({ contacts: z.array(contactSchema), ...listPage }),
      annotations: reads,
      async run(args, apollo) {
        const keywords = [
          args.q_keywords,
          args.first_name,
          args.last_name,
          args.title,
          args.organization_name,
          args.email,
        ]
          .filter(Boolean)
          .join(' ');
        const { items, pagination, next_page } = await pages(
          (page, per_page) =>
            apollo.searchContacts({
              ...(keywords ? { q_keywords: keywords } : {}),
              ...(args.contact_stage_ids?.length ? { contact_stage_ids: args.contact_stage_ids } : {}),
              ...(args.sort_by_field ? { sort_by_field: args.sort_by_field } : {}),
              ...(args.sort_ascending !== undefined ? { sort_ascending: args.sort_ascending } : {}),
              page,
              per_page,
            }),
          'contacts',
          args,
        );
        const kept = args.account_id ? items.filter((c) => c.account_id === args.account_id) : items;
        const contacts = shaped(kept, 'contact', args.full) as z.input<typeof contactSchema>[];
        return { contacts, count: contacts.length, pagination, ...(next_page ? { next_page } : {}) };
      },
    }),

    search_accounts: apolloTool({
      description:
        "Search the accounts (companies) saved in the team's Apollo workspace by name and stage (no credits).",
      input: z.object({
        q_organization_name: text('Company name, or part of it'),
        account_stage_ids: idList('Only accounts in these stages (ids from list_account_stages)').optional(),
        sort_by_field: z
          .enum(['account_last_activity_date', 'account_created_at', 'account_updated_at'])
          .optional()
          .describe('Sort by this field'),
        sort_ascending: sortAscending,
        ...paging,
      }),
      output: z.object({ accounts: z.array(accountSchema), ...listPage }),
      annotations: reads,
      async run(args, apollo) {
        const { items, pagination, next_page } = await pages(
          (page, per_page) =>
            apollo.searchAccounts({
              ...(args.q_organization_name ? { q_organization_name: args.q_organization_name } : {}),
              ...(args.account_stage_ids?.length ? { account_stage_ids: args.account_stage_ids } : {}),
              ...(args.sort_by_field ? { sort_by_field: args.sort_by_field } : {}),
              ...(args.sort_ascending !== undefined ? { sort_ascending: args.sort_ascending } : {}),
              page,
              per_page,
            }),
          'accounts',
          args,
        );
        const accounts = shaped(items, 'account', args.full) as z.input<typeof accountSchema>[];
        return { accounts, count: accounts.length, pagination, ...(next_page ? { next_page } : {}) };
      },
    }),
  };
}
