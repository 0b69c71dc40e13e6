import { z } from 'zod';
import { reads, sets, writes } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { type ApiFactory, MAX_LIMIT, type MailchimpApi, PAGE_SIZE, type Paged } from './api.js';
import type { Campaign, SubscriberList } from './types.js';

/**
 * Adding a member enrols a person in an audience, whose welcome automation may email them: a write that
 * overwrites what it finds (names) and that is not repeated on its own (annotated not idempotent).
 */
const enrols = writes(true, false);

// Arguments

const id = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `must be the id of the ${what}`)
    .max(100)
    .describe(`The id of the Mailchimp ${what}`);
const listId = id('audience (list)');
const email = z.string().trim().email().max(254).describe('Email address of the subscriber');
const limit = (what: string) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(PAGE_SIZE)
    .describe(
      `How many ${what} to return (1-${MAX_LIMIT}, default ${PAGE_SIZE}); pages are followed up to it`,
    );

// Results

const audience = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    web_id: z.number().optional(),
    member_count: z.number().optional(),
    unsubscribe_count: z.number().optional(),
    cleaned_count: z.number().optional(),
    date_created: z.string().optional(),
    double_optin: z.boolean().optional(),
    has_welcome: z.boolean().optional().describe('Whether a welcome automation is connected'),
    campaign_last_sent: z.string().optional(),
  })
  .describe('An audience (Mailchimp also calls it a list)');

const audiencesOutput = z.object({
  lists: z.array(audience),
  total_items: z.number().describe('How many audiences the account has'),
  more: z.boolean().describe('Whether more audiences exist than were returned (raise limit)'),
});

const campaignSummary = z.object({
  id: z.string(),
  web_id: z.number().optional(),
  type: z.string().optional(),
  status: z.string().optional().describe('save, paused, schedule, sending, sent, canceled, …'),
  title: z.string().optional(),
  subject_line: z.string().optional(),
  list_id: z.string().optional(),
  list_name: z.string().optional(),
  recipient_count: z.number().optional(),
  emails_sent: z.number().optional(),
  create_time: z.string().optional(),
  send_time: z.string().optional(),
  open_rate: z.number().optional(),
  click_rate: z.number().optional(),
});

const defined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;

function toAudience(l: SubscriberList): z.infer<typeof audience> {
  return defined({
    id: l.id,
    name: l.name,
    web_id: l.web_id,
    member_count: l.stats?.member_count,
    unsubscribe_count: l.stats?.unsubscribe_count,
    cleaned_count: l.stats?.cleaned_count,
    date_created: l.date_created,
    double_optin: l.double_optin,
    has_welcome: l.has_welcome,
    campaign_last_sent: l.stats?.campaign_last_sent,
  });
}

function toCampaign(c: Campaign): z.infer<typeof campaignSummary> {
  return defined({
    id: c.id,
    web_id: c.web_id,
    type: c.type,
    status: c.status,
    title: c.settings?.title,
    subject_line: c.settings?.subject_line,
    list_id: c.recipients?.list_id,
    list_name: c.recipients?.list_name,
    recipient_count: c.recipients?.recipient_count,
    emails_sent: c.emails_sent,
    create_time: c.create_time,
    send_time: c.send_time,
    open_rate: c.report_summary?.open_rate,
    click_rate: c.report_summary?.click_rate,
  });
}

const audiences = (page: Paged<SubscriberList>) => ({
  lists: page.items.map(toAudience),
  total_items: page.total,
  more: page.total > page.items.length,
});

/** "Newsletter" (a1b2c3d4e5): how results name an audience. */
const named = (l: SubscriberList) => (l.name ? `"${l.name}" (${l.id})` : l.id);

interface MailchimpToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, api: MailchimpApi): Promise<z.input<O>>;
}

export function mailchimpTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const mailchimpTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    ...def
  }: MailchimpToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  const listAudiences = (description: string) =>
    mailchimpTool({
      description,
      input: z.object({ limit: limit('audiences') }),
      output: audiencesOutput,
      annotations: reads,
      run: async ({ limit: n }, api) => audiences(await api.lists(n)),
    });

  return {
    get_audience_list: listAudiences(
      'List the audiences (lists) of the Mailchimp account, newest first, with member counts.',
    ),

    get_all_list: listAudiences(
      'List all lists (audiences) of the Mailchimp account, newest first, with member counts.',
    ),

    list_all_campaigns: mailchimpTool({
      description:
        'List the campaigns of the Mailchimp account, newest first: status, subject, audience, emails sent and rates.',
      input: z.object({
        limit: limit('campaigns'),
        status: z
          .enum(['save', 'paused', 'schedule', 'sending', 'sent'])
          .optional()
          .describe('Only campaigns in this status (save is a draft)'),
      }),
      output: z.object({
        campaigns: z.array(campaignSummary),
        total_items: z.number(),
        more: z.boolean().describe('Whether more campaigns exist than were returned (raise limit)'),
      }),
      annotations: reads,
      async run({ limit: n, status }, api) {
        const page = await api.campaigns(n, status);
        return {
          campaigns: page.items.map(toCampaign),
          total_items: page.total,
          more: page.total > page.items.length,
        };
      },
    }),

    campaign_info: mailchimpTool({
      description:
        'Get a campaign: status, subject, preview text, sender, audience and recipients, send time and its report summary.',
      input: z.object({
        campaign_id: id('campaign'),
        full: z
          .boolean()
          .default(false)
          .describe('Return Mailchimp’s whole campaign object instead of the summary'),
      }),
      output: z.object({
        campaign: campaignSummary
          .extend({
            preview_text: z.string().optional(),
            from_name: z.string().optional(),
            reply_to: z.string().optional(),
            segment_text: z.string().optional(),
            archive_url: z.string().optional(),
            content_type: z.string().optional(),
            report_summary: z.record(z.string(), z.unknown()).optional(),
          })
          .catchall(z.unknown()),
      }),
      annotations: reads,
      async run({ campaign_id, full }, api) {
        const c = await api.campaign(campaign_id);
        if (full) return { campaign: { ...c, id: c.id } };
        return {
          campaign: defined({
            ...toCampaign(c),
            preview_text: c.settings?.preview_text,
            from_name: c.settings?.from_name,
            reply_to: c.settings?.reply_to,
            segment_text: c.recipients?.segment_text,
            archive_url: c.archive_url,
            content_type: c.content_type,
            report_summary: c.report_summary,
          }),
        };
      },
    }),

    recent_activity: mailchimpTool({
      description:
        'Daily activity of an audience over the last days (up to 180): emails sent, unique opens, clicks, bounces, subscribes and unsubscribes.',
      input: z.object({
        list_id: listId,
        days: z
          .number()
          .int()
          .min(1)
          .max(180)
          .default(30)
          .describe('How many of the most recent days to return (1-180, default 30)'),
      }),
      output: z.object({
        list_id: z.string(),
        days: z.array(
          z.object({
            day: z.string().optional(),
            emails_sent: z.number().optional(),
            unique_opens: z.number().optional(),
            recipient_clicks: z.number().optional(),
            hard_bounce: z.number().optional(),
            soft_bounce: z.number().optional(),
            subs: z.number().optional(),
            unsubs: z.number().optional(),
            other_adds: z.number().optional(),
            other_removes: z.number().optional(),
          }),
        ),
      }),
      annotations: reads,
      async run({ list_id, days }, api) {
        const activity = await api.activity(list_id, days);
        return {
          list_id,
          days: activity.map(({ _links, ...day }) => defined(day)),
        };
      },
    }),

    add_update_subscriber: mailchimpTool({
      description:
        'Add a subscriber to an audience, or update the member with this email (first and last name). A new member ' +
        'gets status_if_new (default subscribed), which may start the audience’s welcome automation; an existing ' +
        'member keeps their status. The result says which happened and to whom.',
      input: z.object({
        list_id: listId,
        email,
        first_name: z.string().max(255).optional().describe('First name (the FNAME merge field)'),
        last_name: z.string().max(255).optional().describe('Last name (the LNAME merge field)'),
        status_if_new: z
          .enum(['subscribed', 'pending', 'unsubscribed', 'transactional'])
          .default('subscribed')
          .describe(
            'Status of a new member (default subscribed, as guMCP did); pending makes Mailchimp email a confirmation (double opt-in)',
          ),
      }),
      output: z.object({
        action: z.enum(['added', 'updated']),
        email: z.string(),
        list_id: z.string(),
        list_name: z.string().optional(),
        status: z.string().optional().describe('The member’s status after the call'),
        merge_fields_set: z.array(z.string()),
        message: z.string().describe('What was done, and to whom'),
      }),
      annotations: enrols,
      async run({ list_id, email: address, first_name, last_name, status_if_new }, api) {
        const list = await api.list(list_id);
        const existing = await api.member(list_id, address);
        // Only the names given are sent: an empty FNAME would wipe an existing member's name.
        const merge = defined({ FNAME: first_name, LNAME: last_name });
        const member = await api.upsertMember(list_id, address, {
          email_address: address,
          status_if_new,
          ...(Object.keys(merge).length ? { merge_fields: merge } : {}),
        });
        const fields = Object.keys(merge);
        const set = fields.length ? ` with ${fields.join(' and ')} set` : '';
        const status = member.status ?? (existing ? existing.status : status_if_new);
        const message = existing
          ? `Updated ${address} in the audience ${named(list)}${set}; their status stays ${status}.`
          : `Added ${address} to the audience ${named(list)} as ${status}${set}.` +
            (status === 'pending'
              ? ' Mailchimp emails them a confirmation request (double opt-in).'
              : status === 'subscribed' && list.has_welcome
                ? ' The audience’s welcome automation may email them.'
                : '');
        return defined({
          action: existing ? ('updated' as const) : ('added' as const),
          email: address,
          list_id,
          list_name: list.name,
          status,
          merge_fields_set: fields,
          message,
        });
      },
    }),

    add_subscriber_tags: mailchimpTool({
      description:
        'Add tags to the member with this email in an audience (tags the member has stay; nothing is removed). ' +
        'Automations triggered by a tag may email the member.',
      input: z.object({
        list_id: listId,
        email,
        tags: z
          .array(z.string().trim().min(1).max(100))
          .min(1)
          .max(100)
          .describe('Names of the tags to add (created when new)'),
      }),
      output: z.object({
        email: z.string(),
        list_id: z.string(),
        list_name: z.string().optional(),
        tags: z.array(z.string()),
        message: z.string(),
      }),
      annotations: sets,
      async run({ list_id, email: address, tags }, api) {
        const list = await api.list(list_id);
        const unique = [...new Set(tags)];
        await api.addTags(list_id, address, unique);
        return defined({
          email: address,
          list_id,
          list_name: list.name,
          tags: unique,
          message: `Tagged ${address} in the audience ${named(list)} with ${unique.join(', ')}.`,
        });
      },
    }),
  };
}
