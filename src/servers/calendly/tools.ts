import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';
import { type ApiFactory, type CalendlyApi, calendlyId, collect, idOf } from './api.js';
import { eventSchema, eventTypeSchema, slotSchema, toEvent, toEventType, toSlot } from './shapes.js';

/** guMCP's one scope; Calendly grants a token everything its user may do. */
export const SCOPE = 'default';

const DAY_MS = 86_400_000;
/** Calendly answers at most 7 days of available times a request. */
const AVAILABILITY_WINDOW_MS = 7 * DAY_MS;
/** get_availability splits longer ranges into 7-day requests, up to this many days. */
export const MAX_AVAILABILITY_DAYS = 31;
/** The default range of list_scheduled_events, as in guMCP: 30 days either side of now. */
const DEFAULT_EVENT_RANGE_DAYS = 30;
const MAX_RESULTS = 1000;

/** A Calendly id, or the URI it ends (`https://api.calendly.com/event_types/AAAA`). */
const calendlyIdArg = (what: string) =>
  z
    .string()
    .min(1)
    .transform((value, ctx) => {
      try {
        return calendlyId(value, what);
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be a Calendly ${what} id or URI` });
        return z.NEVER;
      }
    });

/** A day (`YYYY-MM-DD`, read in UTC as guMCP did) or an ISO 8601 date-time with an offset. */
const dayOrTime = z
  .string()
  .trim()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) || (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))),
    'must be a date (YYYY-MM-DD) or an ISO 8601 date-time',
  );

/** Milliseconds of a day-or-time: a bare date is its start, or its end with `endOfDay`. */
function instant(value: string, endOfDay: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`);
    if (Number.isNaN(start)) throw new ToolError(`Not a valid date: ${value}`);
    return endOfDay ? start + DAY_MS - 1000 : start;
  }
  return Date.parse(value);
}

const maxResults = (what: string, byDefault: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_RESULTS)
    .default(byDefault)
    .describe(`Most ${what} to return (1-${MAX_RESULTS}, default ${byDefault}); pages are followed up to it`);

const iso = (ms: number) => new Date(ms).toISOString();

interface CalendlyToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output' | 'scopes'> {
  output: O;
  run(args: z.output<I>, api: CalendlyApi, ctx: ToolContext): Promise<z.input<O>>;
}

export function calendlyTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const calendlyTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    ...def
  }: CalendlyToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      scopes: [SCOPE],
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, SCOPE), ctx) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    list_event_types: calendlyTool({
      description:
        "List the signed-in user's event types (meeting templates): name, duration, booking URL and id. " +
        'Pages are followed up to max_results; next_page_token says where the list goes on.',
      input: z.object({
        active_only: z.boolean().optional().describe('Only active event types (default: all)'),
        max_results: maxResults('event types', 100),
      }),
      output: z.object({
        count: z.number().int(),
        event_types: z.array(eventTypeSchema),
        next_page_token: z.string().nullable(),
      }),
      annotations: reads,
      async run({ active_only, max_results }, api) {
        const user = await api.me();
        const active = active_only ? true : undefined;
        const { items, next } = await collect(max_results, (count, token) =>
          api.eventTypesPage(user.uri, active, count, token),
        );
        const eventTypes = items.map(toEventType);
        return { count: eventTypes.length, event_types: eventTypes, next_page_token: next };
      },
    }),

    get_availability: calendlyTool({
      description:
        'Available start times of an event type between start_date and end_date (UTC days, or ISO ' +
        `date-times; default the next 7 days; at most ${MAX_AVAILABILITY_DAYS} days). Calendly only ` +
        'lists times in the future, 7 days a request; longer ranges take several requests.',
      input: z.object({
        event_type_id: calendlyIdArg('event type').describe('Id (or URI) of the event type'),
        start_date: dayOrTime.optional().describe('First day (YYYY-MM-DD, UTC) or date-time; default now'),
        end_date: dayOrTime
          .optional()
          .describe('Last day (YYYY-MM-DD, UTC, included) or date-time; default 7 days after the start'),
      }),
      output: z.object({
        event_type_id: z.string(),
        start_time: z.string(),
        end_time: z.string(),
        count: z.number().int(),
        slots: z.array(slotSchema),
        by_date: z.record(z.string(), z.array(z.string())).describe('Start times (HH:MM, UTC) by date'),
      }),
      annotations: reads,
      async run({ event_type_id, start_date, end_date }, api) {
        // Calendly refuses a start in the past; a minute ahead leaves time for the request to arrive.
        const earliest = Date.now() + 60_000;
        const start = Math.max(start_date ? instant(start_date, false) : earliest, earliest);
        const end = end_date ? instant(end_date, true) : start + AVAILABILITY_WINDOW_MS;
        if (end <= start) {
          throw new ToolError(
            `end_date: must be after the start (${iso(start)}); Calendly only lists times in the future`,
          );
        }
        if (end - start > MAX_AVAILABILITY_DAYS * DAY_MS) {
          throw new ToolError(`end_date: the range may span at most ${MAX_AVAILABILITY_DAYS} days`);
        }
        const slots = [];
        for (let from = start; from < end; from += AVAILABILITY_WINDOW_MS) {
          const to = Math.min(from + AVAILABILITY_WINDOW_MS, end);
          slots.push(...(await api.availableTimes(event_type_id, iso(from), iso(to))));
        }
        const byDate: Record<string, string[]> = {};
        for (const s of slots) {
          const [date = '', time = ''] = s.start_time.split('T');
          const times = byDate[date] ?? [];
          times.push(time.slice(0, 5));
          byDate[date] = times;
        }
        return {
          event_type_id,
          start_time: iso(start),
          end_time: iso(end),
          count: slots.length,
          slots: slots.map(toSlot),
          by_date: byDate,
        };
      },
    }),

    list_scheduled_events: calendlyTool({
      description:
        "List the signed-in user's scheduled events that start between start_date and end_date (default: " +
        `${DEFAULT_EVENT_RANGE_DAYS} days either side of today), soonest first, with their ids for cancel_event.`,
      input: z.object({
        status: z
          .enum(['active', 'canceled'])
          .default('active')
          .describe('active (default, as in guMCP) or canceled'),
        start_date: dayOrTime.optional().describe('Earliest start (YYYY-MM-DD, UTC) or date-time'),
        end_date: dayOrTime.optional().describe('Latest start (YYYY-MM-DD, UTC, included) or date-time'),
        max_results: maxResults('events', 100),
      }),
      output: z.object({
        status: z.string(),
        min_start_time: z.string(),
        max_start_time: z.string(),
        count: z.number().int(),
        events: z.array(eventSchema),
        next_page_token: z.string().nullable(),
      }),
      annotations: reads,
      async run({ status, start_date, end_date, max_results }, api) {
        const user = await api.me();
        const now = Date.now();
        const min = start_date ? instant(start_date, false) : now - DEFAULT_EVENT_RANGE_DAYS * DAY_MS;
        const max = end_date ? instant(end_date, true) : now + DEFAULT_EVENT_RANGE_DAYS * DAY_MS;
        if (max < min) throw new ToolError('end_date: must not be before start_date');
        const filters = {
          user: user.uri,
          status,
          min_start_time: iso(min),
          max_start_time: iso(max),
          sort: 'start_time:asc',
        };
        const { items, next } = await collect(max_results, (count, token) =>
          api.scheduledEventsPage(filters, count, token),
        );
        const events = items.map(toEvent);
        return {
          status,
          min_start_time: filters.min_start_time,
          max_start_time: filters.max_start_time,
          count: events.length,
          events,
          next_page_token: next,
        };
      },
    }),

    cancel_event: calendlyTool({
      description:
        'Cancel a scheduled event; Calendly notifies the invitees, with the reason when one is given. An ' +
        'event that is already canceled is reported with its earlier cancellation.',
      input: z.object({
        event_id: calendlyIdArg('scheduled event').describe('Id (or URI) of the scheduled event'),
        reason: z
          .string()
          .max(10_000)
          .optional()
          .describe('Reason for the cancellation, sent to the invitees'),
      }),
      output: z.object({
        event_id: z.string(),
        canceled: z.boolean(),
        already_canceled: z.boolean().describe('The event was canceled before this call (nothing changed)'),
        canceled_by: z.string().nullable(),
        canceler_type: z.string().nullable(),
        reason: z.string().nullable(),
      }),
      annotations: overwrites,
      async run({ event_id, reason }, api) {
        try {
          const c = await api.cancel(event_id, reason);
          return {
            event_id,
            canceled: true,
            already_canceled: false,
            canceled_by: c.canceled_by,
            canceler_type: c.canceler_type,
            reason: c.reason ?? null,
          };
        } catch (error) {
          // A retry after a lost answer, or a second call, meets Calendly's "already canceled".
          if (
            !(error instanceof UpstreamError && error.status === 403 && /already cancel/i.test(error.message))
          ) {
            throw error;
          }
          const event = await api.scheduledEvent(event_id);
          if (event.status !== 'canceled') throw error;
          return {
            event_id,
            canceled: true,
            already_canceled: true,
            canceled_by: event.cancellation?.canceled_by ?? null,
            canceler_type: event.cancellation?.canceler_type ?? null,
            reason: event.cancellation?.reason ?? null,
          };
        }
      },
    }),

    create_scheduling_link: calendlyTool({
      description:
        'Create a single-use scheduling link for an event type: one invitee can book one meeting with it. ' +
        'Each call makes a new link.',
      input: z.object({
        event_type_id: calendlyIdArg('event type').describe('Id (or URI) of the event type'),
      }),
      output: z.object({
        booking_url: z.string(),
        event_type_id: z.string(),
        event_type_name: z.string().nullable(),
        max_event_count: z.number().int(),
      }),
      annotations: adds,
      async run({ event_type_id }, api) {
        // Read first, as guMCP did: a wrong id is then a 404 that names the event type.
        const eventType = await api.eventType(event_type_id);
        const link = await api.createSchedulingLink(idOf(eventType.uri));
        return {
          booking_url: link.booking_url,
          event_type_id: idOf(eventType.uri),
          event_type_name: eventType.name ?? null,
          max_event_count: 1,
        };
      },
    }),
  };
}
