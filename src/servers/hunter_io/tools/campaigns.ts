import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { campaign, recipient } from '../shapes.js';
import { email, id, limit, offset, paged, plural, type ToolMaker, type ToolTable } from './common.js';

/** Hunter adds or cancels at most this many recipients of each kind a call (guMCP's bound too). */
export const MAX_RECIPIENTS = 50;

const skippedRecipient = z.object({
  email: z.string().optional(),
  lead_id: z.number().optional(),
  reason: z.string().optional(),
});

type Skipped = z.infer<typeof skippedRecipient>;

/** One of Hunter's `skipped_recipients`: an address, a lead id, or an object saying which and why. */
function toSkipped(entry: unknown): Skipped {
  if (typeof entry === 'string') return { email: entry };
  if (typeof entry === 'number') return { lead_id: entry };
  const e = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
  const pick = (...keys: string[]) =>
    keys.map((k) => e[k]).find((v) => typeof v === 'string' && v) as string | undefined;
  const lead = e.lead_id ?? e.id;
  return {
    ...(pick('email', 'value') ? { email: pick('email', 'value') } : {}),
    ...(typeof lead === 'number' ? { lead_id: lead } : {}),
    ...(pick('reason', 'details', 'message') ? { reason: pick('reason', 'details', 'message') } : {}),
  };
}

const unique = <T>(values: readonly T[], key: (v: T) => string | number = (v) => String(v)) => {
  const seen = new Set<string | number>();
  return values.filter((v) => !seen.has(key(v)) && seen.add(key(v)));
};

const describeSkipped = (s: Skipped) =>
  `${s.email ?? (s.lead_id !== undefined ? `lead ${s.lead_id}` : 'one recipient')}${s.reason ? ` (${s.reason})` : ''}`;

/** Campaigns (Hunter's email sequences): listing is free; adding recipients and starting send email. */
export function campaignTools(hunterTool: ToolMaker): ToolTable {
  return {
    list_campaigns: hunterTool({
      description:
        'List the campaigns (email sequences) of the Hunter account: whether each is started, paused or ' +
        'archived, and how many recipients it has. Free.',
      input: z.object({
        limit: limit(100),
        offset,
        started: z.boolean().optional().describe('Only started (true) or only not started (false) campaigns'),
        archived: z.boolean().optional().describe('Only archived (true) or only active (false) campaigns'),
      }),
      output: z.object({
        campaigns: z.array(campaign),
        total: z.number().nullable(),
        next_offset: z.number().optional(),
      }),
      annotations: reads,
      async run({ limit: max, offset: from, started, archived }, hunter) {
        const page = await hunter.campaigns({ started, archived }, max, from);
        return { campaigns: page.items, ...paged(page) };
      },
    }),

    list_campaign_recipients: hunterTool({
      description: 'List the recipients of a campaign, with where each stands in the sequence. Free.',
      input: z.object({ id: id('campaign'), limit: limit(100), offset }),
      output: z.object({
        campaign_id: z.number(),
        recipients: z.array(recipient),
        total: z.number().nullable(),
        next_offset: z.number().optional(),
      }),
      annotations: reads,
      async run({ id: campaignId, limit: max, offset: from }, hunter) {
        const page = await hunter.recipients(campaignId, max, from);
        return { campaign_id: campaignId, recipients: page.items, ...paged(page) };
      },
    }),

    add_campaign_recipients: hunterTool({
      description:
        'Add recipients to a campaign, by email address and by lead id (at most 50 of each; pass [] for ' +
        'the kind not used). SENDS EMAIL: a started campaign emails them on its schedule, a draft once ' +
        'start_campaign is called. Answers exactly who was added and who Hunter skipped (e.g. already a ' +
        'recipient). Not repeated after a timeout: check with list_campaign_recipients.',
      input: z.object({
        id: id('campaign'),
        emails: z
          .array(email)
          .max(MAX_RECIPIENTS)
          .describe('Email addresses to add (at most 50; [] for none)'),
        lead_ids: z
          .array(z.number().int().positive())
          .max(MAX_RECIPIENTS)
          .describe('Ids of saved leads to add (at most 50; [] for none)'),
      }),
      output: z.object({
        campaign_id: z.number(),
        recipients_added: z.number().describe('How many Hunter says it added'),
        added_emails: z.array(z.string()).describe('The addresses given that Hunter did not skip'),
        added_lead_ids: z.array(z.number()).describe('The lead ids given that Hunter did not skip'),
        skipped: z.array(skippedRecipient).describe('Recipients Hunter did not add, and why'),
        message: z.string(),
      }),
      annotations: adds,
      async run({ id: campaignId, emails, lead_ids }, hunter) {
        const asked = unique(emails, (e) => e.toLowerCase());
        const leads = unique(lead_ids);
        if (!asked.length && !leads.length) {
          throw new ToolError(
            'emails and lead_ids are both empty: give at least one address or lead id to add',
          );
        }
        const answer = await hunter.addRecipients(campaignId, asked, leads);
        const skipped = (answer?.skipped_recipients ?? []).map(toSkipped);
        const skippedEmails = new Set(skipped.map((s) => s.email?.toLowerCase()).filter(Boolean));
        const skippedLeads = new Set(skipped.map((s) => s.lead_id).filter((v) => v !== undefined));
        const added_emails = asked.filter((e) => !skippedEmails.has(e.toLowerCase()));
        const added_lead_ids = leads.filter((l) => !skippedLeads.has(l));
        const counted = added_emails.length + added_lead_ids.length;
        const recipients_added = answer?.recipients_added ?? counted;
        const names = [...added_emails, ...added_lead_ids.map((l) => `lead ${l}`)];
        const message = [
          recipients_added > 0
            ? `Added ${plural(recipients_added, 'recipient')} to campaign ${campaignId}: ${names.join(', ')}.`
            : `Added no recipient to campaign ${campaignId}.`,
          skipped.length ? `Skipped: ${skipped.map(describeSkipped).join(', ')}.` : '',
          recipients_added !== counted
            ? `Hunter counted ${recipients_added} added where ${counted} were given and not skipped ` +
              '(a lead id may be an address also given); list_campaign_recipients shows the recipients.'
            : '',
          recipients_added > 0
            ? 'A started campaign emails them on its schedule; a draft emails them once started.'
            : '',
        ]
          .filter(Boolean)
          .join(' ');
        return { campaign_id: campaignId, recipients_added, added_emails, added_lead_ids, skipped, message };
      },
    }),

    cancel_campaign_recipients: hunterTool({
      description:
        'Stop a campaign emailing these recipients: cancels the emails not sent yet (sent ones cannot be ' +
        'recalled). At most 50 addresses a call. Free.',
      input: z.object({
        id: id('campaign'),
        emails: z
          .array(email)
          .min(1)
          .max(MAX_RECIPIENTS)
          .describe('Email addresses of the recipients to cancel (at most 50)'),
      }),
      output: z.object({
        campaign_id: z.number(),
        recipients_canceled: z.array(z.string()),
        messages_canceled: z.number().nullable().describe('Emails that will no longer be sent'),
        not_canceled: z.array(z.string()).describe('Addresses given that Hunter did not cancel'),
        message: z.string(),
      }),
      annotations: overwrites,
      async run({ id: campaignId, emails }, hunter) {
        const asked = unique(emails, (e) => e.toLowerCase());
        const answer = await hunter.cancelRecipients(campaignId, asked);
        const canceled = answer?.recipients_canceled ?? [];
        const done = new Set(canceled.map((e) => e.toLowerCase()));
        const not_canceled = asked.filter((e) => !done.has(e.toLowerCase()));
        const messages = answer?.messages_canceled ?? null;
        const message = [
          canceled.length
            ? `Canceled ${plural(canceled.length, 'recipient')} of campaign ${campaignId}: ${canceled.join(', ')}` +
              `${messages !== null ? ` (${plural(messages, 'email')} will not be sent)` : ''}.`
            : `Canceled no recipient of campaign ${campaignId}.`,
          not_canceled.length
            ? `Not canceled (not recipients, or nothing left to send): ${not_canceled.join(', ')}.`
            : '',
        ]
          .filter(Boolean)
          .join(' ');
        return {
          campaign_id: campaignId,
          recipients_canceled: canceled,
          messages_canceled: messages,
          not_canceled,
          message,
        };
      },
    }),

    start_campaign: hunterTool({
      description:
        'Start a campaign. SENDS EMAIL: Hunter begins emailing every recipient on the campaign’s schedule, ' +
        'which cannot be undone (cancel_campaign_recipients stops emails not sent yet). The campaign needs ' +
        'recipients, a message and a connected email account set up in Hunter.',
      input: z.object({ id: id('campaign to start') }),
      output: z.object({
        campaign_id: z.number(),
        started: z.boolean().describe('This call started it'),
        already_started: z.boolean().describe('It was running already; nothing changed'),
        message: z.string(),
      }),
      annotations: adds,
      async run({ id: campaignId }, hunter) {
        const answer = await hunter.startCampaign(campaignId);
        const said = typeof answer?.message === 'string' ? answer.message.trim() : '';
        const already = /already started/i.test(said);
        const message = already
          ? `Campaign ${campaignId} was already started; nothing changed${said ? ` (Hunter: ${said})` : ''}`
          : `Started campaign ${campaignId}: Hunter emails its recipients on the campaign's schedule${said ? ` (Hunter: ${said})` : ''}`;
        return { campaign_id: campaignId, started: !already, already_started: already, message };
      },
    }),
  };
}
