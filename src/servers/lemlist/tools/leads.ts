import { z } from 'zod';
import { adds, overwrites } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { MayHaveGoneThroughError, UpstreamError, unanswered } from '../../../upstream/client.js';
import type { LemlistApi, LemlistObject } from '../api.js';
import { leadSchema, message } from '../shapes.js';
import {
  campaignId,
  campaignLabel,
  email,
  lemlistId,
  person,
  type ToolMaker,
  type ToolTable,
} from './common.js';

/** The enrichment lemlist runs on a new lead when asked, each spending the team's credits. */
const ENRICHMENT = {
  linkedinEnrichment: 'LinkedIn enrichment',
  findEmail: 'email finding',
  verifyEmail: 'email verification',
  findPhone: 'phone finding',
} as const;

const optionalText = (describe: string) => z.string().trim().min(1).max(500).optional().describe(describe);

const leadFields = {
  firstName: optionalText('First name'),
  lastName: optionalText('Last name'),
  companyName: optionalText('Company name'),
  icebreaker: z
    .string()
    .trim()
    .min(1)
    .max(5000)
    .optional()
    .describe('Icebreaker, used in the sequence’s messages'),
  phone: optionalText('Phone number'),
  linkedinUrl: z.url().optional().describe('LinkedIn profile URL'),
  companyDomain: optionalText('Company domain, e.g. example.com'),
};

/** Whether an error leaves it open that lemlist did the work (a server error, or no answer at all). */
const uncertain = (error: unknown): boolean =>
  (error instanceof UpstreamError && error.status >= 500) || unanswered(error);

/** Lemlist's answer for the lead of `email` in `campaign`, from GET /leads/{email}, if there is one. */
async function leadIn(
  lemlist: LemlistApi,
  campaign: string,
  address: string,
): Promise<LemlistObject | undefined> {
  const leads = await lemlist.leadsByEmail(address);
  return leads.find(
    (l) => (l.campaign as { id?: unknown } | undefined)?.id === campaign || l.campaignId === campaign,
  );
}

const markOutput = {
  email: z.string(),
  interested: z.boolean(),
};

export function leadTools(lemlistTool: ToolMaker): ToolTable {
  const markEverywhere = (interested: boolean) =>
    lemlistTool({
      description:
        `Mark a lead as ${interested ? 'interested' : 'not interested'} in every campaign they are in, by ` +
        'email. Says which campaigns changed; marking again changes nothing more.',
      input: z.object({ email: email('Email of the lead') }),
      output: z.object({
        ...markOutput,
        campaigns: z.array(z.string()).describe('Ids of the campaigns the lead was marked in'),
        leads: z.array(leadSchema),
        message,
      }),
      annotations: overwrites,
      async run({ email: address }, lemlist) {
        const leads = await lemlist.markEverywhere(address, interested);
        const campaigns = [...new Set(leads.map((l) => l.campaignId).filter((c) => typeof c === 'string'))];
        return {
          email: address,
          interested,
          campaigns,
          leads: leads as z.input<typeof leadSchema>[],
          message:
            `Marked ${address} as ${interested ? 'interested' : 'not interested'} in ${campaigns.length} ` +
            `campaign${campaigns.length === 1 ? '' : 's'}${campaigns.length ? `: ${campaigns.join(', ')}` : ''}.`,
        };
      },
    });

  const markInCampaign = (interested: boolean) =>
    lemlistTool({
      description:
        `Mark a lead as ${interested ? 'interested' : 'not interested'} in one campaign, by email. Marking ` +
        'again changes nothing more.',
      input: z.object({ campaignId, email: email('Email of the lead') }),
      output: z.object({ ...markOutput, campaignId: z.string(), lead: leadSchema, message }),
      annotations: overwrites,
      async run({ campaignId: c, email: address }, lemlist) {
        const lead = await lemlist.markInCampaign(c, address, interested);
        return {
          email: address,
          interested,
          campaignId: c,
          lead: lead as z.input<typeof leadSchema>,
          message: `Marked ${person(lead, address)} as ${interested ? 'interested' : 'not interested'} in campaign ${c}.`,
        };
      },
    });

  return {
    create_lead_in_campaign: lemlistTool({
      description:
        'Add a person to a campaign as a lead. This enrols a real person: if the campaign is running, lemlist ' +
        'starts its sequence for them, emails included. By default a person already in another campaign is ' +
        'not added (deduplicate). linkedinEnrichment, findEmail, verifyEmail and findPhone spend lemlist ' +
        'credits. Never repeated automatically: after a failure the tool checks whether the lead was added.',
      input: z.object({
        campaignId,
        email: email(
          'Email of the person (may be left out when findEmail or linkedinEnrichment finds it)',
        ).optional(),
        deduplicate: z
          .boolean()
          .default(true)
          .describe('Do not add the person when their email is already in another campaign (default true)'),
        linkedinEnrichment: z.boolean().optional().describe('Run LinkedIn enrichment (spends credits)'),
        findEmail: z.boolean().optional().describe('Find a verified email (spends credits)'),
        verifyEmail: z.boolean().optional().describe('Verify the email (spends credits)'),
        findPhone: z.boolean().optional().describe('Find a phone number (spends credits)'),
        ...leadFields,
      }),
      output: z.object({
        added: z.boolean(),
        campaignId: z.string(),
        campaignName: z.string().optional(),
        lead: leadSchema,
        enrichment: z.array(z.string()).describe('Enrichment requested (spending lemlist credits)'),
        message,
      }),
      annotations: adds,
      async run(args, lemlist) {
        const { campaignId: c, email: address, deduplicate, ...rest } = args;
        const flags = Object.entries(ENRICHMENT).filter(
          ([flag]) => rest[flag as keyof typeof ENRICHMENT] === true,
        );
        if (!address && !rest.findEmail && !rest.linkedinEnrichment) {
          throw new ToolError(
            'Invalid arguments: email: give the email, or set findEmail or linkedinEnrichment (with a name and ' +
              'company or a linkedinUrl) so lemlist can find it',
          );
        }
        const body = Object.fromEntries(
          Object.entries({ email: address, ...rest }).filter(
            ([k, v]) => v !== undefined && !(k in ENRICHMENT),
          ),
        );
        const query = { deduplicate, ...Object.fromEntries(flags.map(([flag]) => [flag, true])) };
        const who = person(body, address);
        const enrichment = flags.map(([, what]) => what);
        const spent = enrichment.length
          ? ` Requested ${enrichment.join(', ')} (spending lemlist credits).`
          : '';
        let lead: LemlistObject;
        try {
          lead = await lemlist.addLead(c, body, query);
        } catch (error) {
          if (uncertain(error) && address) {
            // The request may have gone through: say which, rather than leave a retry to add them twice.
            const found = await leadIn(lemlist, c, address).catch(() => undefined);
            if (found) {
              return {
                added: true,
                campaignId: c,
                lead: found as z.input<typeof leadSchema>,
                enrichment,
                message:
                  `lemlist answered with an error, but ${who} is now a lead of campaign ${c} ` +
                  `(${String(found._id ?? '')}): the request went through. Do not add them again.${spent}`,
              };
            }
            throw new ToolError(
              `${error instanceof MayHaveGoneThroughError ? error.happened : (error as Error).message}. ${address} is not ` +
                `a lead of campaign ${c}: nothing was added, so it is safe to try again.`,
            );
          }
          if (error instanceof UpstreamError && error.status === 400) {
            throw new ToolError(
              `lemlist did not add ${who} to campaign ${c}${error.message.replace(/^[^:]*/, '')}`,
            );
          }
          throw error;
        }
        const name = typeof lead.campaignName === 'string' ? lead.campaignName : undefined;
        return {
          added: true,
          campaignId: c,
          ...(name ? { campaignName: name } : {}),
          lead: lead as z.input<typeof leadSchema>,
          enrichment,
          message:
            `Added ${person(lead, address)} to campaign ${campaignLabel(c, name)} as lead ${String(lead._id ?? '')}: ` +
            `if the campaign is running, lemlist starts its sequence for them.${spent}`,
        };
      },
    }),

    delete_lead: lemlistTool({
      description:
        'Delete a lead from a campaign, with its statistics (permanent). The lead is found by leadId when given, ' +
        'else by email.',
      input: z.object({
        campaignId,
        leadId: lemlistId('lead', 'lea').optional(),
        email: email('Email of the lead'),
      }),
      output: z.object({
        deleted: z.boolean(),
        campaignId: z.string(),
        email: z.string(),
        lead: leadSchema.optional(),
        message,
      }),
      annotations: overwrites,
      async run({ campaignId: c, leadId, email: address }, lemlist) {
        const ref = leadId ?? address;
        const done = await lemlist.deleteLead(c, ref);
        if (done === 'gone') {
          return {
            deleted: false,
            campaignId: c,
            email: address,
            message: `${ref} is not a lead of campaign ${c}: it was already deleted, or was never there.`,
          };
        }
        return {
          deleted: true,
          campaignId: c,
          email: address,
          lead: done as z.input<typeof leadSchema>,
          message: `Deleted lead ${person(done, address)}${leadId ? ` (${leadId})` : ''} from campaign ${c}, with its statistics.`,
        };
      },
    }),

    mark_lead_as_interested_all_campaigns: markEverywhere(true),
    mark_lead_as_not_interested_all_campaigns: markEverywhere(false),
    mark_lead_as_interested_in_campaign: markInCampaign(true),
    mark_lead_as_not_interested_in_campaign: markInCampaign(false),
  };
}
