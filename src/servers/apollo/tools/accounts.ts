import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { accountSchema, message, stageSchema } from '../shapes.js';
import { apolloId, changes, named, type ToolMaker, type ToolTable, text } from './common.js';

const accountFields = {
  domain: text('Company domain, e.g. apollo.io', 200),
  owner_id: apolloId('user who owns the account (from list_users)').optional(),
  account_stage_id: apolloId('account stage (from list_account_stages)').optional(),
  phone: text('Main phone number', 50),
  raw_address: text('Headquarters address, e.g. San Francisco, United States'),
};

/** Accounts: the companies saved in the team's Apollo workspace. */
export function accountTools(apolloTool: ToolMaker): ToolTable {
  return {
    create_account: apolloTool({
      description:
        "Save a company as an account in the team's Apollo workspace (no credits). Apollo does not deduplicate " +
        'accounts, and the call is not retried after a failure: check search_accounts before creating again.',
      input: z.object({ name: z.string().trim().min(1).max(200).describe('Company name'), ...accountFields }),
      output: z.object({ account: accountSchema, message }),
      annotations: adds,
      async run(args, apollo) {
        const body = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
        const { account } = await apollo.createAccount(body);
        if (!account)
          throw new ToolError(
            'Apollo answered without the account; check search_accounts before creating it again',
          );
        return {
          account: account as z.input<typeof accountSchema>,
          message: `Created account ${named(account, args.name)}.`,
        };
      },
    }),

    update_account: apolloTool({
      description: 'Change fields of a saved account; those not given keep their values.',
      input: z.object({
        account_id: apolloId('account'),
        name: text('Company name', 200),
        ...accountFields,
      }),
      output: z.object({ account: accountSchema, updated: z.array(z.string()), message }),
      annotations: overwrites,
      async run({ account_id, ...fields }, apollo) {
        const body = changes(fields, 'name, domain, owner_id, account_stage_id, …');
        const { account } = await apollo.updateAccount(account_id, body);
        return {
          account: (account ?? { id: account_id }) as z.input<typeof accountSchema>,
          updated: Object.keys(body),
          message: `Updated ${Object.keys(body).join(', ')} of account ${named(account, account_id)}.`,
        };
      },
    }),

    list_account_stages: apolloTool({
      description: "List the team's account stages (their ids go in account_stage_id and account_stage_ids).",
      input: z.object({}),
      output: z.object({ account_stages: z.array(stageSchema) }),
      annotations: reads,
      run: async (_args, apollo) => ({
        account_stages: ((await apollo.accountStages()).account_stages ?? []) as z.input<
          typeof stageSchema
        >[],
      }),
    }),
  };
}
