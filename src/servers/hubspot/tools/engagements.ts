import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { CONTACTS, type HubSpotApi } from '../api.js';
import {
  activitySchema,
  deleted,
  deletedSchema,
  dispositionSchema,
  engagementPageSchema,
  engagementSchema,
  toDisposition,
  toEngagement,
} from '../shapes.js';
import type { CrmObject, V1EngagementBody } from '../types.js';
import {
  CONTACTS_READ,
  CONTACTS_WRITE,
  deletion,
  limit,
  recordId,
  stringList,
  type ToolMaker,
  type ToolTable,
} from './common.js';

/**
 * Engagements (emails, calls, meetings, tasks, notes logged on records). guMCP's tools take the legacy
 * engagements v1 shapes (a type, metadata by type, owner and association ids), so they call that API,
 * which HubSpot still serves; get_engagements reads a contact's activities as CRM v3 objects.
 */

const ENGAGEMENT_TYPES = ['EMAIL', 'CALL', 'MEETING', 'TASK', 'NOTE'] as const;
type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

/** The CRM v3 object type of each engagement type, and the properties get_engagements reads of it. */
const ACTIVITIES: Readonly<Record<EngagementType, { path: string; label: string; properties: string[] }>> = {
  EMAIL: {
    path: 'emails',
    label: 'Email',
    properties: ['hs_email_subject', 'hs_email_text', 'hs_email_direction', 'hs_email_status'],
  },
  CALL: {
    path: 'calls',
    label: 'Call',
    properties: [
      'hs_call_title',
      'hs_call_body',
      'hs_call_direction',
      'hs_call_disposition',
      'hs_call_status',
    ],
  },
  MEETING: {
    path: 'meetings',
    label: 'Meeting',
    properties: ['hs_meeting_title', 'hs_meeting_body', 'hs_meeting_start_time', 'hs_meeting_outcome'],
  },
  TASK: {
    path: 'tasks',
    label: 'Task',
    properties: ['hs_task_subject', 'hs_task_body', 'hs_task_status', 'hs_task_priority'],
  },
  NOTE: { path: 'notes', label: 'Note', properties: ['hs_note_body'] },
};

/** Associated ids read per type for get_engagements: a page of HubSpot's association list. */
const ASSOCIATED_PER_TYPE = 500;

/** EMAIL, email, emails …: an engagement type by any of its usual spellings. */
const engagementType = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/S$/, ''))
  .pipe(z.enum(ENGAGEMENT_TYPES));

const engagementId = recordId('engagement');

/** An id HubSpot's v1 API takes as a number. */
const numericIds = (what: string) =>
  stringList(`Ids of the ${what} to associate it with`)
    .pipe(z.array(z.string().regex(/^\d+$/, `must be numeric ${what} ids`)))
    .optional();

const ownerId = z
  .union([z.number().int().positive(), z.string().trim().regex(/^\d+$/, 'must be a numeric owner id')])
  .transform(Number)
  .describe('Id of the HubSpot owner (user) it belongs to; for a task, the assignee');

const timestamp = z
  .union([z.number().int().nonnegative(), z.iso.datetime({ offset: true })])
  .transform((t) => (typeof t === 'number' ? t : Date.parse(t)))
  .describe('When it happened: ms since the epoch, or an ISO 8601 time (default: now)');

const metadata = z
  .record(z.string(), z.unknown())
  .optional()
  .describe(
    'The details of its type, e.g. {"body": "..."} for a note; {"subject", "body", "status", "forObjectType"} for a task; ' +
      '{"toNumber", "fromNumber", "status", "durationMilliseconds", "body", "disposition"} for a call; ' +
      '{"title", "body", "startTime", "endTime"} for a meeting; {"from", "to", "subject", "text", "html"} for an email',
  );

const metadataBody = z
  .string()
  .optional()
  .describe('The body text (metadata.body); the usual way to write a note');

/** metadata with metadata_body as its body; the same body given both ways differently is refused. */
function metadataOf(
  given: Record<string, unknown> | undefined,
  body: string | undefined,
): Record<string, unknown> | undefined {
  if (body === undefined) return given;
  if (given?.body !== undefined && given.body !== body) {
    throw new ToolError('Invalid arguments: metadata.body differs from metadata_body; give the body once');
  }
  return { ...given, body };
}

const ids = (list: readonly string[] | undefined) => (list ?? []).map(Number);

/** Text as HTML: escaped, with its line breaks kept. */
const asHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>');

/** The activities of a contact: association ids per type, then 100-id batch reads. */
async function contactActivities(hubspot: HubSpotApi, contactId: string, types: readonly EngagementType[]) {
  const found: { type: EngagementType; record: CrmObject }[] = [];
  const failed: { type: EngagementType; ids: string[]; category: string; message: string }[] = [];
  let more = false;
  for (const type of types) {
    const activity = ACTIVITIES[type];
    const linked = await hubspot.associatedIds(CONTACTS, contactId, activity.path, ASSOCIATED_PER_TYPE);
    more ||= linked.more;
    if (!linked.ids.length) continue;
    const properties = ['hs_timestamp', 'hubspot_owner_id', ...activity.properties];
    const read = await hubspot.batchRead(activity.path, activity.label, linked.ids, properties);
    found.push(...read.items.map((record) => ({ type, record })));
    failed.push(...read.failures.map((f) => ({ type, ...f })));
  }
  return { found, failed, more };
}

export function engagementTools(hubspotTool: ToolMaker): ToolTable {
  return {
    get_engagements: hubspotTool({
      description:
        'The activities logged on a contact (emails, calls, meetings, tasks, notes), newest first. ' +
        'Records HubSpot could not read (deleted meanwhile, or not visible) are listed under `failed`, not left out silently.',
      input: z.object({
        contact_id: recordId('contact'),
        limit: limit(10, 500),
        engagement_type: engagementType
          .optional()
          .describe('Only this type: EMAIL, CALL, MEETING, TASK or NOTE (default: all)'),
      }),
      output: z.object({
        contact_id: z.string(),
        count: z.number(),
        engagements: z.array(activitySchema),
        more: z.boolean().describe('Whether the contact has more activities than were returned'),
        failed: z
          .array(
            z.object({
              type: z.string(),
              ids: z.array(z.string()),
              category: z.string(),
              message: z.string(),
            }),
          )
          .describe('Activities HubSpot could not read, with its reason; empty when all were read'),
      }),
      annotations: reads,
      scopes: [CONTACTS_READ],
      async run({ contact_id, limit: max, engagement_type }, hubspot) {
        const types = engagement_type ? [engagement_type] : ENGAGEMENT_TYPES;
        const { found, failed, more } = await contactActivities(hubspot, contact_id, types);
        const when = (r: CrmObject) => r.properties?.hs_timestamp ?? r.createdAt ?? '';
        found.sort((a, b) => when(b.record).localeCompare(when(a.record)));
        return {
          contact_id,
          count: Math.min(found.length, max),
          engagements: found.slice(0, max).map(({ type, record }) => ({
            id: String(record.id),
            type,
            timestamp: record.properties?.hs_timestamp ?? null,
            properties: record.properties ?? {},
          })),
          more: more || found.length > max,
          failed,
        };
      },
    }),

    send_email: hubspotTool({
      description:
        'Log an email to a contact on their HubSpot timeline (an EMAIL engagement with the contact’s address). ' +
        'HubSpot’s API records the email; it does not deliver it, so send it from a mail tool too. Not retried after a failure.',
      input: z.object({
        contact_id: recordId('contact'),
        subject: z.string().min(1).describe('Subject line'),
        body: z.string().min(1).describe('Body, as plain text (line breaks are kept in the HTML version)'),
        from_name: z.string().trim().optional().describe('Sender’s name as shown on the email'),
      }),
      output: z.object({
        logged: z.literal(true),
        delivered: z.literal(false).describe('HubSpot’s API does not deliver one-to-one email'),
        to: z.string(),
        engagement: engagementSchema,
      }),
      annotations: adds,
      scopes: [CONTACTS_READ, CONTACTS_WRITE],
      async run({ contact_id, subject, body, from_name }, hubspot) {
        const contact = await hubspot.get(CONTACTS, contact_id, {
          properties: ['email', 'firstname', 'lastname'],
        });
        const to = contact.properties?.email;
        if (!to) throw new ToolError(`Contact ${contact_id} has no email address to write to`);
        const email: V1EngagementBody = {
          engagement: { active: true, type: 'EMAIL', timestamp: Date.now() },
          associations: { contactIds: [Number(contact_id)], companyIds: [], dealIds: [], ticketIds: [] },
          metadata: {
            ...(from_name ? { from: { firstName: from_name } } : {}),
            to: [{ email: to }],
            subject,
            text: body,
            html: asHtml(body),
          },
        };
        const check =
          'the email may have been logged: HubSpot has no idempotency key, so it was not sent again. ' +
          `Look at the contact’s emails (get_engagements with engagement_type EMAIL) before logging it again.`;
        const created = await hubspot.createEngagement(email, check);
        return { logged: true as const, delivered: false as const, to, engagement: toEngagement(created) };
      },
    }),

    get_engagement: hubspotTool({
      description: 'Get one engagement by id: its type, time, owner, associated records and details.',
      input: z.object({ engagement_id: engagementId }),
      output: engagementSchema,
      annotations: reads,
      scopes: [CONTACTS_READ],
      async run({ engagement_id }, hubspot) {
        return toEngagement(await hubspot.getEngagement(engagement_id));
      },
    }),

    list_engagements: hubspotTool({
      description: 'List every engagement of the account, oldest first, a page at a time.',
      input: z.object({
        limit: limit(100),
        offset: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Where to start: the `offset` of an earlier call'),
      }),
      output: engagementPageSchema,
      annotations: reads,
      scopes: [CONTACTS_READ],
      async run({ limit: max, offset }, hubspot) {
        const page = await hubspot.pagedEngagements(max, offset);
        return {
          count: page.items.length,
          engagements: page.items.map(toEngagement),
          has_more: page.more,
          offset: page.next ?? null,
        };
      },
    }),

    get_recent_engagements: hubspotTool({
      description:
        'Engagements created or changed recently, newest first. HubSpot keeps only the last 30 days or ' +
        'the 10,000 most recent here; list_engagements reaches the rest.',
      input: z.object({
        count: limit(20).describe('Maximum number of engagements (1-1000, default 20)'),
        offset: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Where to start: the `offset` of an earlier call'),
        since: z
          .number()
          .int()
          .nonnegative()
          .optional()
          .describe('Only those changed after this time, in ms since the epoch'),
      }),
      output: engagementPageSchema,
      annotations: reads,
      scopes: [CONTACTS_READ],
      async run({ count, offset, since }, hubspot) {
        const page = await hubspot.recentEngagements(count, offset, since);
        return {
          count: page.items.length,
          engagements: page.items.map(toEngagement),
          has_more: page.more,
          offset: page.next ?? null,
        };
      },
    }),

    get_call_dispositions: hubspotTool({
      description: 'The outcomes a call can be logged with (Connected, Busy, …), with the ids calls take.',
      input: z.object({}),
      output: z.object({ count: z.number(), dispositions: z.array(dispositionSchema) }),
      annotations: reads,
      scopes: [CONTACTS_READ],
      async run(_args, hubspot) {
        const dispositions = (await hubspot.dispositions()).filter((d) => !d.deleted).map(toDisposition);
        return { count: dispositions.length, dispositions };
      },
    }),

    create_engagement: hubspotTool({
      description:
        'Log an email, call, meeting, task or note on contacts, companies, deals or tickets. ' +
        'Not retried after a failure, since HubSpot has no idempotency key.',
      input: z.object({
        type: engagementType.describe('EMAIL, CALL, MEETING, TASK or NOTE'),
        metadata,
        metadata_body: metadataBody,
        owner_id: ownerId.optional(),
        timestamp: timestamp.optional(),
        contact_ids: numericIds('contacts'),
        company_ids: numericIds('companies'),
        deal_ids: numericIds('deals'),
        ticket_ids: numericIds('tickets'),
      }),
      output: engagementSchema,
      annotations: adds,
      scopes: [CONTACTS_WRITE],
      async run(a, hubspot) {
        const details = metadataOf(a.metadata, a.metadata_body);
        const body: V1EngagementBody = {
          engagement: {
            active: true,
            type: a.type,
            ...(a.owner_id !== undefined ? { ownerId: a.owner_id } : {}),
            ...(a.timestamp !== undefined ? { timestamp: a.timestamp } : {}),
          },
          associations: {
            contactIds: ids(a.contact_ids),
            companyIds: ids(a.company_ids),
            dealIds: ids(a.deal_ids),
            ticketIds: ids(a.ticket_ids),
          },
          ...(details ? { metadata: details } : {}),
        };
        const check =
          `the ${a.type.toLowerCase()} may have been logged: HubSpot has no idempotency key, so it was not sent again. ` +
          'Look for it (get_recent_engagements) before logging it again.';
        return toEngagement(await hubspot.createEngagement(body, check));
      },
    }),

    update_engagement: hubspotTool({
      description:
        'Change an engagement’s owner, time or details; metadata given is merged into its metadata.',
      input: z.object({
        engagement_id: engagementId,
        owner_id: ownerId.optional(),
        timestamp: timestamp.optional(),
        metadata,
        metadata_body: metadataBody,
      }),
      output: engagementSchema,
      annotations: overwrites,
      scopes: [CONTACTS_WRITE],
      async run(a, hubspot) {
        const details = metadataOf(a.metadata, a.metadata_body);
        const engagement = {
          ...(a.owner_id !== undefined ? { ownerId: a.owner_id } : {}),
          ...(a.timestamp !== undefined ? { timestamp: a.timestamp } : {}),
        };
        if (!details && !Object.keys(engagement).length) {
          throw new ToolError(
            'Invalid arguments: give owner_id, timestamp, metadata or metadata_body to change',
          );
        }
        const body = { engagement, ...(details ? { metadata: details } : {}) };
        return toEngagement(await hubspot.updateEngagement(a.engagement_id, body));
      },
    }),

    delete_engagement: hubspotTool({
      description: 'Delete an engagement (it cannot be restored).',
      input: z.object({ engagement_id: engagementId }),
      output: deletedSchema,
      annotations: overwrites,
      scopes: [CONTACTS_WRITE],
      async run({ engagement_id }, hubspot) {
        const done = await hubspot.deleteEngagement(engagement_id);
        return deleted(engagement_id, deletion('Engagement', engagement_id, done, 'was deleted'));
      },
    }),
  };
}
