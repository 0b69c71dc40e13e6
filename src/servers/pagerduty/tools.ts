import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { Query } from '../../upstream/client.js';
import type { ApiFactory, PagerDutyApi } from './api.js';
import type { Subject } from './errors.js';
import {
  incidentSchema,
  notificationSchema,
  objectSchema,
  oncallSchema,
  pagingShape,
  scheduleSummarySchema,
  serviceSchema,
  toIncident,
  toNotification,
  toOncall,
  toScheduleSummary,
  toService,
} from './shapes.js';

/** guMCP's scopes: PagerDuty's classic OAuth grants `read` or `write` (which includes read). */
export const READ = 'read';
export const WRITE = 'write';

const MAX_RESULTS = 1000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Raw = Record<string, unknown>;

// Arguments shared by the tools, under guMCP's names.

const emailFrom = z
  .string()
  .trim()
  .min(1)
  .refine((v) => v.toLowerCase() === 'me' || EMAIL.test(v), 'must be an email address, or "me"')
  .describe(
    'Email of the PagerDuty user the request is made as (sent as the From header). "me" is the signed-in ' +
      "user (OAuth or a user's API key)",
  );

const limit = z
  .number()
  .int()
  .min(1)
  .max(MAX_RESULTS)
  .default(25)
  .describe(`Most results to return (1-${MAX_RESULTS}, default 25); pages of up to 100 are followed`);

const offset = z
  .number()
  .int()
  .min(0)
  .default(0)
  .describe('Results to skip (from next_offset of an earlier call)');
const total = z.boolean().default(false).describe('Also count all matching results (slower)');
const timeZone = z
  .string()
  .trim()
  .min(1)
  .optional()
  .describe('Time zone of the dates in the answer (IANA, e.g. Europe/Paris)');
const ids = (what: string) => z.array(z.string().trim().min(1)).optional().describe(`Only these ${what} ids`);

/** An ISO 8601 date or date-time, as PagerDuty takes them. */
const dateTime = (what: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) => /^\d{4}-\d{2}-\d{2}([T ].*)?$/.test(v) && !Number.isNaN(Date.parse(v)),
      'must be an ISO 8601 date or date-time (e.g. 2025-06-01T08:00:00Z)',
    )
    .describe(what);

const include = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values))
    .optional()
    .describe(`Related objects to expand: ${values.join(', ')}`);

const full = z
  .boolean()
  .optional()
  .describe("Add each item's whole PagerDuty object as raw (default: when include is given)");

/** A PagerDuty id (e.g. PI7DH85). */
const pdId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]+$/, `must be a PagerDuty ${what} id (letters and digits, e.g. PXPGF42)`);

/** The arguments every list tool takes. */
interface ListArgs {
  email_from: string;
  limit: number;
  offset: number;
  total: boolean;
  include?: readonly string[] | undefined;
  full?: boolean | undefined;
}

/**
 * One of PagerDuty's lists (its path and answer key are the same word), followed over pages: the items
 * trimmed, with the whole objects beside them when asked (by default when related objects are included).
 */
async function listAll<T extends object>(
  api: PagerDutyApi,
  a: ListArgs,
  subject: Subject,
  key: string,
  query: Query,
  trim: (item: Raw) => T,
): Promise<{
  items: (T & { raw?: Raw })[];
  paging: { count: number; more: boolean; next_offset: number | null; total: number | null };
}> {
  const r = await api.collect<Raw>(
    subject,
    key,
    key,
    query,
    a.limit,
    a.offset,
    a.total,
    readFrom(a.email_from),
  );
  const whole = a.full ?? !!a.include?.length;
  const items = r.items.map((item) => {
    const trimmed: T & { raw?: Raw } = { ...trim(item) };
    if (whole) trimmed.raw = item;
    return trimmed;
  });
  return { items, paging: { count: items.length, more: r.more, next_offset: r.next_offset, total: r.total } };
}

const withRaw = <S extends z.ZodObject>(schema: S) =>
  schema.extend({ raw: objectSchema.optional().describe('The whole PagerDuty object (full)') });

/** The From header of a read: as given (PagerDuty's reads do not need it, so `me` is not looked up). */
const readFrom = (email: string): string | undefined => (email.toLowerCase() === 'me' ? undefined : email);

/** The `[]` query keys PagerDuty takes lists under. */
const list = (values: readonly string[] | undefined): readonly string[] | undefined =>
  values && values.length > 0 ? values : undefined;

interface PdToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output' | 'scopes'> {
  scope: string;
  output: O;
  run(args: z.output<I>, api: PagerDutyApi, ctx: ToolContext): Promise<z.input<O>>;
}

const layerUser = z
  .union([
    z.string().trim().min(1),
    z.object({
      user: z.object({ id: z.string().trim().min(1), type: z.literal('user_reference').optional() }),
    }),
  ])
  .describe('A user id, or { user: { id, type: "user_reference" } }');

const restriction = z
  .object({
    type: z.enum(['daily_restriction', 'weekly_restriction']),
    start_time_of_day: z
      .string()
      .regex(/^\d{2}:\d{2}(:\d{2})?$/, 'must be HH:mm:ss')
      .describe('When the on-call window starts (HH:mm:ss, in the schedule time zone)'),
    duration_seconds: z.number().int().min(1).describe('How long the window lasts'),
    start_day_of_week: z
      .number()
      .int()
      .min(1)
      .max(7)
      .optional()
      .describe('For weekly_restriction: ISO day the window starts (1 Monday ... 7 Sunday)'),
  })
  .refine((r) => r.type !== 'weekly_restriction' || r.start_day_of_week !== undefined, {
    message: 'a weekly_restriction needs start_day_of_week',
    path: ['start_day_of_week'],
  });

const scheduleLayer = z.object({
  name: z.string().trim().min(1).optional().describe('Name of the layer'),
  start: dateTime('When the layer starts'),
  end: dateTime('When the layer ends (default: never)').optional(),
  rotation_virtual_start: dateTime('When the rotation is anchored (may be before start)'),
  rotation_turn_length_seconds: z.number().int().min(1).describe('Length of each on-call turn in seconds'),
  users: z.array(layerUser).min(1).describe('The users of the rotation, in order'),
  restrictions: z.array(restriction).optional().describe('Windows of the day or week the layer covers'),
});

export function pagerDutyTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const pdTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, scope, ...def }: PdToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      scopes: [scope],
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, scope), ctx) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    get_user: pdTool({
      description:
        'A PagerDuty user by id ("me" for the signed-in user), whole: name, email, role, time zone, teams, ' +
        'and with include their contact methods and notification rules.',
      scope: READ,
      input: z.object({
        id: z
          .string()
          .trim()
          .regex(/^([A-Za-z0-9]+|me)$/, 'must be a PagerDuty user id (e.g. PXPGF42) or "me"')
          .describe('The user id, or "me"'),
        include: include(['contact_methods', 'notification_rules', 'teams', 'subdomains'] as const),
      }),
      output: z.object({ user: objectSchema }),
      annotations: reads,
      async run({ id, include: expand }, api) {
        return { user: await api.user(id, list(expand)) };
      },
    }),

    list_incidents: pdTool({
      description:
        'Incidents, newest first by default: number, title, status, urgency, service, assignees. Without ' +
        'since/until PagerDuty lists the last 30 days; date_range "all" lists every incident.',
      scope: READ,
      input: z.object({
        email_from: emailFrom,
        limit,
        offset,
        total,
        date_range: z.enum(['all']).optional().describe('"all" ignores since and until'),
        incident_key: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Only the incident with this de-duplication key'),
        include: include([
          'acknowledgers',
          'agents',
          'assignees',
          'conference_bridge',
          'escalation_policies',
          'first_trigger_log_entries',
          'priorities',
          'services',
          'teams',
          'users',
        ] as const),
        service_ids: ids('service'),
        since: dateTime('Start of the date range').optional(),
        sort_by: z
          .array(
            z
              .string()
              .regex(
                /^(incident_number|created_at|resolved_at|urgency)(:(asc|desc))?$/,
                'must be incident_number, created_at, resolved_at or urgency, with :asc or :desc',
              ),
          )
          .max(2)
          .optional()
          .describe('Up to two sort fields with direction, e.g. ["urgency:desc", "created_at:asc"]'),
        statuses: z
          .array(z.enum(['triggered', 'acknowledged', 'resolved']))
          .optional()
          .describe('Only these statuses'),
        team_ids: ids('team'),
        time_zone: timeZone,
        until: dateTime('End of the date range').optional(),
        urgencies: z
          .array(z.enum(['high', 'low']))
          .optional()
          .describe('Only these urgencies'),
        user_ids: ids('user (assigned to)'),
        full,
      }),
      output: z.object({ ...pagingShape, incidents: z.array(withRaw(incidentSchema)) }),
      annotations: reads,
      async run(a, api) {
        const query: Query = {
          date_range: a.date_range,
          incident_key: a.incident_key,
          'include[]': list(a.include),
          'service_ids[]': list(a.service_ids),
          since: a.since,
          until: a.until,
          // A comma-separated list, as PagerDuty's description says (style form, not exploded).
          sort_by: a.sort_by?.length ? a.sort_by.join(',') : undefined,
          'statuses[]': list(a.statuses),
          'team_ids[]': list(a.team_ids),
          time_zone: a.time_zone,
          'urgencies[]': list(a.urgencies),
          'user_ids[]': list(a.user_ids),
        };
        const { items, paging } = await listAll(
          api,
          a,
          { what: 'Incidents', id: 'matching the filters' },
          'incidents',
          query,
          toIncident,
        );
        return { ...paging, incidents: items };
      },
    }),

    list_services: pdTool({
      description: 'Services (what PagerDuty monitors), by name: status, escalation policy, teams, link.',
      scope: READ,
      input: z.object({
        email_from: emailFrom,
        limit,
        offset,
        query: z.string().trim().min(1).optional().describe('Only services whose name contains this'),
        total,
        include: include([
          'escalation_policies',
          'teams',
          'integrations',
          'auto_pause_notifications_parameters',
        ] as const),
        name: z.string().trim().min(1).optional().describe('Only the service with exactly this name'),
        sort_by: z
          .enum(['name', 'name:asc', 'name:desc'])
          .optional()
          .describe('Sort by name (default name:asc)'),
        team_ids: ids('team'),
        time_zone: timeZone,
        full,
      }),
      output: z.object({ ...pagingShape, services: z.array(withRaw(serviceSchema)) }),
      annotations: reads,
      async run(a, api) {
        const { items, paging } = await listAll(
          api,
          a,
          { what: 'Services', id: 'matching the filters' },
          'services',
          {
            query: a.query,
            'include[]': list(a.include),
            name: a.name,
            sort_by: a.sort_by,
            'team_ids[]': list(a.team_ids),
            time_zone: a.time_zone,
          },
          toService,
        );
        return { ...paging, services: items };
      },
    }),

    list_schedules: pdTool({
      description: 'On-call schedules: name, time zone, users, escalation policies that use them.',
      scope: READ,
      input: z.object({
        email_from: emailFrom,
        limit,
        offset,
        query: z.string().trim().min(1).optional().describe('Only schedules whose name contains this'),
        total,
        include: include(['schedule_layers'] as const),
        time_zone: timeZone,
        full,
      }),
      output: z.object({ ...pagingShape, schedules: z.array(withRaw(scheduleSummarySchema)) }),
      annotations: reads,
      async run(a, api) {
        const { items, paging } = await listAll(
          api,
          a,
          { what: 'Schedules', id: 'matching the filters' },
          'schedules',
          { query: a.query, 'include[]': list(a.include), time_zone: a.time_zone },
          toScheduleSummary,
        );
        return { ...paging, schedules: items };
      },
    }),

    create_schedule: pdTool({
      description:
        'Create an on-call schedule from rotation layers (each: start, rotation_virtual_start, turn length, ' +
        'users, optional daily or weekly restrictions). Each call creates a new schedule.',
      scope: WRITE,
      input: z.object({
        email_from: emailFrom,
        name: z.string().trim().min(1).describe('Name of the schedule'),
        time_zone: z
          .string()
          .trim()
          .min(1)
          .describe('Time zone of the schedule (IANA, e.g. America/New_York)'),
        description: z.string().optional().describe('Description of the schedule'),
        schedule_layers: z.array(scheduleLayer).min(1).describe('The rotation layers, lowest first'),
        overflow: z
          .boolean()
          .optional()
          .describe('Keep on-call entries that cross the rendered range whole (default false)'),
      }),
      output: z.object({ schedule: objectSchema }),
      annotations: adds,
      async run(a, api) {
        const from = await api.fromEmail(a.email_from);
        const layers = a.schedule_layers.map((layer) => ({
          ...layer,
          users: layer.users.map((u) => ({
            user: { id: typeof u === 'string' ? u : u.user.id, type: 'user_reference' },
          })),
        }));
        const schedule = {
          type: 'schedule',
          name: a.name,
          time_zone: a.time_zone,
          ...(a.description !== undefined ? { description: a.description } : {}),
          schedule_layers: layers,
        };
        // No idempotency key exists for schedules: a create is never retried after a timeout or 5xx.
        const r = await api.call<{ schedule: Raw }>({ what: 'Schedule', id: a.name }, 'schedules', {
          method: 'POST',
          query: { overflow: a.overflow },
          body: { schedule },
          from,
        });
        return { schedule: r.schedule };
      },
    }),

    get_schedule: pdTool({
      description:
        'A schedule whole, with its layers; with since and/or until, also the on-call entries PagerDuty ' +
        'renders for that range, per layer and for the final schedule.',
      scope: READ,
      input: z.object({
        id: pdId('schedule').describe('The schedule id'),
        email_from: emailFrom,
        since: dateTime('Start of the rendered range').optional(),
        until: dateTime('End of the rendered range').optional(),
        time_zone: timeZone,
        overflow: z.boolean().optional().describe('Keep entries that cross the range whole (default false)'),
      }),
      output: z.object({ schedule: objectSchema }),
      annotations: reads,
      async run(a, api) {
        if (a.since && a.until && Date.parse(a.until) <= Date.parse(a.since)) {
          throw new ToolError('until: must be after since');
        }
        const r = await api.call<{ schedule: Raw }>({ what: 'Schedule', id: a.id }, `schedules/${a.id}`, {
          query: { since: a.since, until: a.until, time_zone: a.time_zone, overflow: a.overflow },
          from: readFrom(a.email_from),
        });
        return { schedule: r.schedule };
      },
    }),

    delete_schedule: pdTool({
      description:
        'Delete an on-call schedule. PagerDuty refuses while an escalation policy still uses it, or while ' +
        'it has open incidents.',
      scope: WRITE,
      input: z.object({ id: pdId('schedule').describe('The schedule id'), email_from: emailFrom }),
      output: z.object({ id: z.string(), deleted: z.boolean() }),
      annotations: overwrites,
      async run({ id, email_from }, api) {
        const from = await api.fromEmail(email_from);
        // Deleting twice changes nothing more, so a DELETE is retried after a 5xx.
        await api.call({ what: 'Schedule', id }, `schedules/${id}`, { method: 'DELETE', from });
        return { id, deleted: true };
      },
    }),

    list_oncalls: pdTool({
      description:
        'Who is on call: each entry names the user, the schedule (if any), the escalation policy and level, ' +
        'and when the shift starts and ends. Without since/until: now.',
      scope: READ,
      input: z.object({
        email_from: emailFrom,
        limit,
        offset,
        total,
        earliest: z
          .boolean()
          .optional()
          .describe('Only the earliest on-call of each escalation policy, level and user'),
        include: include(['escalation_policies', 'users', 'schedules'] as const),
        user_ids: ids('user'),
        escalation_policy_ids: ids('escalation policy'),
        schedule_ids: ids('schedule'),
        since: dateTime('Start of the time range').optional(),
        until: dateTime('End of the time range').optional(),
        time_zone: timeZone,
        full,
      }),
      output: z.object({ ...pagingShape, oncalls: z.array(withRaw(oncallSchema)) }),
      annotations: reads,
      async run(a, api) {
        const { items, paging } = await listAll(
          api,
          a,
          { what: 'On-calls', id: 'matching the filters' },
          'oncalls',
          {
            earliest: a.earliest,
            'include[]': list(a.include),
            'user_ids[]': list(a.user_ids),
            'escalation_policy_ids[]': list(a.escalation_policy_ids),
            'schedule_ids[]': list(a.schedule_ids),
            since: a.since,
            until: a.until,
            time_zone: a.time_zone,
          },
          toOncall,
        );
        return { ...paging, oncalls: items };
      },
    }),

    list_notifications: pdTool({
      description:
        'Notifications PagerDuty sent (SMS, email, phone, push) between since and until (at most 3 months ' +
        'apart): type, when, where, to whom.',
      scope: READ,
      input: z.object({
        email_from: emailFrom,
        since: dateTime('Start of the date range'),
        until: dateTime('End of the date range'),
        limit,
        offset,
        total,
        filter: z
          .enum(['sms_notification', 'email_notification', 'phone_notification', 'push_notification'])
          .optional()
          .describe('Only notifications of this type'),
        include: include(['users'] as const),
        time_zone: timeZone,
        full,
      }),
      output: z.object({ ...pagingShape, notifications: z.array(withRaw(notificationSchema)) }),
      annotations: reads,
      async run(a, api) {
        if (Date.parse(a.until) <= Date.parse(a.since)) throw new ToolError('until: must be after since');
        const { items, paging } = await listAll(
          api,
          a,
          { what: 'Notifications', id: 'in the range' },
          'notifications',
          {
            since: a.since,
            until: a.until,
            filter: a.filter,
            'include[]': list(a.include),
            time_zone: a.time_zone,
          },
          toNotification,
        );
        return { ...paging, notifications: items };
      },
    }),
  };
}
