import { z } from 'zod';
import { adds, overwrites, reads, sets, writes } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { type MailerLiteApi, paths, type Rec } from '../api.js';
import type { Call } from '../errors.js';
import {
  audienceOf,
  audienceSchema,
  campaignSchema,
  describeAudience,
  languageSchema,
  raw,
  toCampaign,
  toLanguage,
} from '../shapes.js';
import {
  filters,
  full,
  limit,
  name,
  page,
  pagedOutput,
  recordId,
  type ToolMaker,
  type ToolTable,
} from './common.js';

const CAMPAIGN_TYPES = ['regular', 'ab', 'resend'] as const;

/** A small whole number guMCP typed as a number; a numeric string is taken too. */
const smallInt = (what: string, min: number, max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+$/, 'must be a whole number')])
    .transform((v) => Number(v))
    .pipe(z.number().int().min(min).max(max))
    .describe(what);

const languageId = smallInt(
  'Language id of the campaign (list_campaign_languages; 4 is English)',
  1,
  100_000,
);

const emailInput = z.object({
  subject: z.string().trim().min(1).describe('Subject line'),
  from_name: z.string().trim().min(1).describe('Sender name'),
  from: z.email('must be an email address').describe('Sender address: a verified sender of the account'),
  content: z
    .string()
    .min(1)
    .optional()
    .describe('HTML content (MailerLite takes it through the API on its Advanced plan)'),
});

const emails = z.array(emailInput).min(1).describe('The email of the campaign (MailerLite takes one)');

const audienceInput = {
  groups: z
    .array(recordId('group'))
    .optional()
    .describe(
      'Group ids to send to (list_groups); an empty list clears them. Without groups or segments a campaign goes to ALL active subscribers',
    ),
  segments: z.array(recordId('segment')).optional().describe('Segment ids to send to'),
};

const campaignOutput = z.object({ campaign: campaignSchema, message: z.string() });

const campaignCall = (id: string, doing: string, extra: Partial<Call> = {}): Call => ({
  subject: { what: 'Campaign', id },
  doing,
  ...extra,
});

const label = (c: Rec) => `"${String(c.name ?? '')}" (${c.id})`;

/** The audience, with a nudge when it is everyone. */
const audienceNote = (c: Rec) => {
  const a = audienceOf(c);
  return `${describeAudience(a)}${a.all_active_subscribers ? ' (give groups or segments to narrow it)' : ''}`;
};

const pad = (n: number) => String(n).padStart(2, '0');

async function getCampaign(api: MailerLiteApi, id: string): Promise<Rec> {
  return api.record(campaignCall(id, `reading campaign ${id}`), paths.campaign(id));
}

export function campaignTools(mailerliteTool: ToolMaker): ToolTable {
  return {
    list_campaigns: mailerliteTool({
      description:
        'List campaigns of one status (MailerLite lists ready ones, i.e. scheduled, unless filter.status says ' +
        'draft or sent), with who each goes to.',
      input: z.object({
        limit: limit(10),
        filter: z
          .object({
            status: z
              .enum(['sent', 'draft', 'ready'])
              .optional()
              .describe('sent, draft or ready (scheduled); MailerLite’s default is ready'),
            type: z
              .enum(['regular', 'ab', 'resend', 'rss'])
              .optional()
              .describe('Only campaigns of this type'),
          })
          .optional()
          .describe('Filter: status, type'),
        page,
      }),
      output: z.object({ campaigns: z.array(campaignSchema), ...pagedOutput }),
      annotations: reads,
      async run({ limit: max, filter, page: from }, api) {
        const list = await api.numberedList(
          { subject: { what: 'Campaigns', id: 'of the account' }, doing: 'listing campaigns' },
          paths.campaigns,
          filters({ status: filter?.status, type: filter?.type }),
          max,
          from,
        );
        return { campaigns: list.items.map(toCampaign), next_page: list.next_page, total: list.total };
      },
    }),

    get_campaign: mailerliteTool({
      description:
        'Get a campaign: status, schedule, who it goes to, its email, and its statistics once sent.',
      input: z.object({ campaign_id: recordId('campaign'), full }),
      output: campaignOutput.extend({
        raw: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('The record as MailerLite gave it (full: true)'),
      }),
      annotations: reads,
      async run({ campaign_id, full: all }, api) {
        const c = await getCampaign(api, campaign_id);
        return {
          campaign: toCampaign(c),
          message: `Campaign ${label(c)} is ${String(c.status ?? 'of unknown status')}; it goes to ${describeAudience(audienceOf(c))}.`,
          ...(all ? { raw: raw(c) } : {}),
        };
      },
    }),

    create_campaign: mailerliteTool({
      description:
        'Create a draft campaign. Nothing is sent until schedule_campaign. Without groups or segments it would ' +
        'go to all active subscribers; the answer says who it goes to.',
      input: z.object({
        name: name('Name of the campaign (internal)'),
        language_id: languageId,
        type: z.enum(CAMPAIGN_TYPES).describe('regular, ab (A/B test) or resend'),
        emails,
        ...audienceInput,
      }),
      output: campaignOutput,
      annotations: adds,
      async run(a, api) {
        const c = await api.record(
          campaignCall(a.name, `creating campaign "${a.name}"`, {
            uncertain: 'it may exist already; check with list_campaigns (status draft) before trying again',
          }),
          paths.campaigns,
          {
            method: 'POST',
            body: {
              name: a.name,
              language_id: a.language_id,
              type: a.type,
              emails: a.emails,
              ...(a.groups ? { groups: a.groups } : {}),
              ...(a.segments ? { segments: a.segments } : {}),
            },
          },
        );
        return {
          campaign: toCampaign(c),
          message:
            `Created draft campaign ${label(c)}; nothing is sent until schedule_campaign. As it stands it would ` +
            `go to ${audienceNote(c)}.`,
        };
      },
    }),

    update_campaign: mailerliteTool({
      description:
        'Change a draft campaign: its name, language and email, and optionally its groups or segments (kept ' +
        'as they are when not given). The answer says who it goes to, and whether that changed.',
      input: z.object({
        campaign_id: recordId('campaign'),
        name: name('Name of the campaign (internal)'),
        language_id: languageId,
        emails,
        ...audienceInput,
      }),
      output: campaignOutput,
      annotations: overwrites,
      async run(a, api) {
        const before = await getCampaign(api, a.campaign_id);
        const was = audienceOf(before);
        // MailerLite's update takes the whole campaign: its type, and its groups or segments, which are
        // carried over when not given, so an update cannot widen who the campaign goes to unawares.
        const ids = (xs: { id: string }[]) => xs.map((x) => x.id).filter(Boolean);
        const groups = a.groups ?? ids(was.groups);
        const segments = a.segments ?? ids(was.segments);
        const c = await api.record(
          campaignCall(a.campaign_id, `updating campaign ${a.campaign_id}`),
          paths.campaign(a.campaign_id),
          {
            method: 'PUT',
            body: {
              name: a.name,
              language_id: a.language_id,
              type: String(before.type ?? 'regular'),
              emails: a.emails,
              ...(groups?.length ? { groups } : {}),
              ...(segments?.length ? { segments } : {}),
            },
          },
        );
        const now = audienceOf(c);
        const changed = describeAudience(was) !== describeAudience(now);
        return {
          campaign: toCampaign(c),
          message:
            `Updated campaign ${label(c)}. It goes to ${audienceNote(c)}` +
            (changed ? `; its audience CHANGED: it went to ${describeAudience(was)}.` : '.'),
        };
      },
    }),

    schedule_campaign: mailerliteTool({
      description:
        'Schedule a campaign to be sent to its audience at a date and time (the account’s time zone unless ' +
        'timezone_id is given). This sends real email to every recipient; the answer says exactly which ' +
        'campaign goes to which groups or segments, and when. It is sent once: a failure without an answer is ' +
        'not retried (check with get_campaign). cancel_campaign stops it before then.',
      input: z.object({
        campaign_id: recordId('campaign'),
        date: z
          .string()
          .trim()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
          .refine((d) => {
            const t = new Date(`${d}T00:00:00Z`);
            return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
          }, 'must be a real date')
          .describe('Day to send, YYYY-MM-DD'),
        hours: smallInt('Hour to send, 0-23', 0, 23),
        minutes: smallInt('Minute to send, 0-59', 0, 59),
        timezone_id: smallInt(
          'MailerLite time zone id (default: the account’s time zone)',
          1,
          100_000,
        ).optional(),
      }),
      output: campaignOutput.extend({
        audience: audienceSchema.describe('Who the campaign goes to'),
        scheduled_for: z.string().nullable().describe('As MailerLite gives it'),
      }),
      annotations: writes(true, false),
      async run({ campaign_id, date, hours, minutes, timezone_id }, api) {
        const when = `${date} ${pad(hours)}:${pad(minutes)}`;
        const c = await api.record(
          campaignCall(campaign_id, `scheduling campaign ${campaign_id} for ${when}`, {
            fields: {
              'schedule.date': 'date',
              'schedule.hours': 'hours',
              'schedule.minutes': 'minutes',
              'schedule.timezone_id': 'timezone_id',
            },
            uncertain: 'it may be scheduled already; check with get_campaign before trying again',
          }),
          paths.schedule(campaign_id),
          {
            method: 'POST',
            body: {
              delivery: 'scheduled',
              schedule: {
                date,
                hours: pad(hours),
                minutes: pad(minutes),
                ...(timezone_id ? { timezone_id } : {}),
              },
            },
          },
        );
        const audience = audienceOf(c);
        const email = toCampaign(c).emails[0];
        const sender = email?.subject
          ? ` Subject "${email.subject}" from ${email.from ?? 'the sender'}.`
          : '';
        const zone = timezone_id ? `time zone ${timezone_id}` : 'the account’s time zone';
        return {
          campaign: toCampaign(c),
          audience,
          scheduled_for: typeof c.scheduled_for === 'string' ? c.scheduled_for : null,
          message:
            `Scheduled campaign ${label(c)} to be sent at ${when} (${zone}` +
            `${typeof c.scheduled_for === 'string' ? `; MailerLite lists it for ${c.scheduled_for}` : ''}) to ` +
            `${describeAudience(audience)}.${sender} To stop it, call cancel_campaign before then.`,
        };
      },
    }),

    cancel_campaign: mailerliteTool({
      description:
        'Cancel a scheduled (ready) campaign: it goes back to draft and sends nothing until scheduled again.',
      input: z.object({ campaign_id: recordId('campaign') }),
      output: campaignOutput,
      annotations: sets,
      async run({ campaign_id }, api) {
        // Stopping a send is safe to repeat, so it is retried after a 5xx.
        const c = await api.record(
          campaignCall(campaign_id, `cancelling campaign ${campaign_id}`),
          paths.cancel(campaign_id),
          {
            method: 'POST',
            idempotent: true,
          },
        );
        return {
          campaign: toCampaign(c),
          message: `Cancelled campaign ${label(c)}: it is ${String(c.status ?? 'a draft')} and sends nothing until scheduled again.`,
        };
      },
    }),

    delete_campaign: mailerliteTool({
      description: 'Delete a campaign (a scheduled one is not sent).',
      input: z.object({ campaign_id: recordId('campaign') }),
      output: z.object({ deleted: z.boolean(), campaign_id: z.string(), message: z.string() }),
      annotations: overwrites,
      async run({ campaign_id }, api) {
        await api.none(
          campaignCall(campaign_id, `deleting campaign ${campaign_id}`, {
            uncertain: 'it may be deleted already; check with get_campaign before trying again',
          }),
          paths.campaign(campaign_id),
          { method: 'DELETE', idempotent: false },
        );
        return { deleted: true, campaign_id, message: `Deleted campaign ${campaign_id}.` };
      },
    }),

    list_campaign_languages: mailerliteTool({
      description: 'The languages a campaign can be in, with the language_id create_campaign takes.',
      input: z.object({}),
      output: z.object({ languages: z.array(languageSchema) }),
      annotations: reads,
      async run(_args, api) {
        const answer = await api.request<{ data?: Rec[] }>(
          { subject: { what: 'Languages', id: 'of campaigns' }, doing: 'listing campaign languages' },
          paths.languages,
        );
        if (!Array.isArray(answer?.data))
          throw new ToolError('MailerLite answered without the languages; try again');
        return { languages: answer.data.map(toLanguage) };
      },
    }),
  };
}
