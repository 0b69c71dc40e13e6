import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { dealSchema, listPage, message, stageSchema } from '../shapes.js';
import {
  apolloId,
  changes,
  named,
  pages,
  paging,
  shaped,
  type ToolMaker,
  type ToolTable,
  text,
} from './common.js';

/** An amount as Apollo takes it: digits, without currency symbols or separators. */
const amount = z
  .union([
    z.number().nonnegative(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, 'must be a number without currency or commas'),
  ])
  .transform(String)
  .optional()
  .describe('Value of the deal, without currency symbol or commas, e.g. 55000');

const closedDate = z.iso
  .date('must be a date written YYYY-MM-DD')
  .optional()
  .describe('Expected close date, YYYY-MM-DD');

const dealFields = {
  owner_id: apolloId('user who owns the deal (from list_users)').optional(),
  account_id: apolloId('account (company) of the deal').optional(),
  amount,
  opportunity_stage_id: apolloId('deal stage (from list_deal_stages)').optional(),
  closed_date: closedDate,
};

/** Deals (Apollo's opportunities). */
export function dealTools(apolloTool: ToolMaker): ToolTable {
  return {
    create_deal: apolloTool({
      description:
        'Create a deal (no credits). Apollo does not deduplicate deals, and the call is not retried after a ' +
        'failure: check list_deals before creating again. Needs a master API key.',
      input: z.object({
        name: z.string().trim().min(1).max(200).describe('Name of the deal'),
        ...dealFields,
      }),
      output: z.object({ deal: dealSchema, message }),
      annotations: adds,
      async run(args, apollo) {
        const body = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
        const { opportunity } = await apollo.createDeal(body);
        if (!opportunity)
          throw new ToolError('Apollo answered without the deal; check list_deals before creating it again');
        return {
          deal: opportunity as z.input<typeof dealSchema>,
          message: `Created deal ${named(opportunity, args.name)}.`,
        };
      },
    }),

    update_deal: apolloTool({
      description:
        'Change fields of a deal (stage, amount, close date, won or lost…); those not given keep their values. ' +
        'Needs a master API key.',
      input: z.object({
        opportunity_id: apolloId('deal'),
        name: text('Name of the deal', 200),
        ...dealFields,
        is_closed: z.boolean().optional().describe('Whether the deal is closed'),
        is_won: z.boolean().optional().describe('Whether the deal was won'),
        source: text('Where the deal came from'),
      }),
      output: z.object({ deal: dealSchema, updated: z.array(z.string()), message }),
      annotations: overwrites,
      async run({ opportunity_id, ...fields }, apollo) {
        const body = changes(fields, 'name, amount, opportunity_stage_id, closed_date, is_won, …');
        const { opportunity } = await apollo.updateDeal(opportunity_id, body);
        return {
          deal: (opportunity ?? { id: opportunity_id }) as z.input<typeof dealSchema>,
          updated: Object.keys(body),
          message: `Updated ${Object.keys(body).join(', ')} of deal ${named(opportunity, opportunity_id)}.`,
        };
      },
    }),

    list_deals: apolloTool({
      description: "List the team's deals, a page at a time or up to `limit`. Needs a master API key.",
      input: z.object({
        ...paging,
        sort_by_field: z
          .enum(['amount', 'is_closed', 'is_won'])
          .optional()
          .describe('amount (largest first), is_closed (closed first) or is_won (won first)'),
      }),
      output: z.object({ deals: z.array(dealSchema), ...listPage }),
      annotations: reads,
      async run(args, apollo) {
        const { items, pagination, next_page } = await pages(
          (page, per_page) =>
            apollo.deals({
              page,
              per_page,
              ...(args.sort_by_field ? { sort_by_field: args.sort_by_field } : {}),
            }),
          'opportunities',
          args,
        );
        const deals = shaped(items, 'deal', args.full) as z.input<typeof dealSchema>[];
        return { deals, count: deals.length, pagination, ...(next_page ? { next_page } : {}) };
      },
    }),

    list_deal_stages: apolloTool({
      description:
        "List the team's deal stages (their ids go in opportunity_stage_id), with their probability.",
      input: z.object({}),
      output: z.object({ deal_stages: z.array(stageSchema) }),
      annotations: reads,
      run: async (_args, apollo) => ({
        deal_stages: ((await apollo.dealStages()).opportunity_stages ?? []) as z.input<typeof stageSchema>[],
      }),
    }),
  };
}
