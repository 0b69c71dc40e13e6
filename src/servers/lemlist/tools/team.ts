import { z } from 'zod';
import { reads } from '../../../core/annotations.js';
import { anyObject } from '../shapes.js';
import { lemlistId, type ToolMaker, type ToolTable } from './common.js';

const none = z.object({});

/** The team the key belongs to, its members, senders and credits. */
export function teamTools(lemlistTool: ToolMaker): ToolTable {
  return {
    get_team: lemlistTool({
      description: 'Get the lemlist team of the API key: its name, member user ids, webhooks and settings.',
      input: none,
      output: anyObject,
      annotations: reads,
      run: (_args, lemlist) => lemlist.team(),
    }),

    get_senders: lemlistTool({
      description:
        "List the team's senders: each user id with the campaigns they send for (id, name, status, channels).",
      input: none,
      output: z.object({
        senders: z
          .array(
            z
              .object({ userId: z.string().optional(), campaigns: z.array(anyObject).optional() })
              .catchall(z.unknown()),
          )
          .describe('One entry per sending user'),
      }),
      annotations: reads,
      run: async (_args, lemlist) => ({ senders: await lemlist.senders() }),
    }),

    get_credits: lemlistTool({
      description:
        "Get the team's remaining lemlist credits (spent by enrichment: finding emails and phones, LinkedIn " +
        'enrichment, email verification), in total and by kind.',
      input: none,
      output: z
        .object({
          credits: z.number().optional().describe('Credits remaining in total'),
          details: anyObject.optional(),
        })
        .catchall(z.unknown()),
      annotations: reads,
      run: (_args, lemlist) => lemlist.credits(),
    }),

    get_user: lemlistTool({
      description: 'Get a team member by user id: email, role, connected mailboxes and LinkedIn limits.',
      input: z.object({ user_id: lemlistId('user', 'usr') }),
      output: anyObject,
      annotations: reads,
      run: ({ user_id }, lemlist) => lemlist.user(user_id),
    }),
  };
}
