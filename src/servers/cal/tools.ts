import { z } from 'zod';
import { adds, overwrites, reads, sets, writes } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type ApiFactory, BOOKINGS_PAGE_SIZE, type CalApi, type CalBooking } from './api.js';
import {
  bookingSchema,
  bookingsOutput,
  bookingsResult,
  eventTypeSchema,
  meSchema,
  scheduleSchema,
  toBooking,
  toEventType,
  toMe,
  toSchedule,
} from './shapes.js';

/** The most bookings one get_bookings call collects (four of Cal.com's largest pages). */
export const MAX_BOOKINGS = 1000;
const BOOKING_STATUSES = ['upcoming', 'recurring', 'past', 'cancelled', 'unconfirmed'] as const;

const bookingUid = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a booking uid (letters, digits, - and _)')
  .describe('Uid of the booking (of one occurrence, or of a recurring booking for all occurrences)');

/** An ISO 8601 date-time, sent to Cal.com in UTC as it requires. */
const utcTime = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), {
      message: 'must be an ISO 8601 date-time, e.g. 2024-08-13T09:00:00Z',
    })
    .transform((v) => new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v}Z`).toISOString())
    .describe(`${what} as an ISO 8601 date-time (UTC unless it carries an offset)`);

const email = z.string().trim().email();

const attendee = z
  .object({
    email: email.describe("The attendee's email"),
    name: z.string().min(1).describe("The attendee's name"),
    timeZone: z
      .string()
      .min(1)
      .default('UTC')
      .describe("The attendee's time zone, e.g. America/New_York (default UTC; Cal.com requires one)"),
    phoneNumber: z.string().optional().describe("The attendee's phone number, e.g. +1234567890"),
    language: z.string().optional().describe("The attendee's language, e.g. en"),
  })
  .describe('Who books: email and name required');

/** Drops undefined values, so that only what the caller gave is sent. */
const defined = (body: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));

/** A comma-separated list, from an array or a string as guMCP took it. */
const commaList = (v: string | readonly string[] | undefined): string | undefined =>
  v === undefined
    ? undefined
    : (Array.isArray(v) ? v : String(v).split(','))
        .map((s) => s.trim())
        .filter(Boolean)
        .join(',');

interface CalToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, api: CalApi): Promise<z.input<O>>;
}

export function calTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const calTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: CalToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    get_me: calTool({
      description:
        'Get the Cal.com profile of the API key’s user: username, email, time zone, default schedule.',
      input: z.object({}),
      output: meSchema,
      annotations: reads,
      async run(_args, api) {
        return toMe(await api.me());
      },
    }),

    get_event_types: calTool({
      description:
        'List the event types of a Cal.com user (username), or one of them (eventSlug), or the dynamic ' +
        'event type of several users (usernames); orgSlug or orgId when the users are in an organization.',
      input: z.object({
        username: z.string().trim().min(1).describe('Username whose event types to list'),
        eventSlug: z.string().trim().min(1).optional().describe('Only the event type with this slug'),
        usernames: z
          .union([z.string(), z.array(z.string())])
          .optional()
          .describe('Several usernames (array or comma-separated) for their dynamic event type'),
        orgSlug: z.string().trim().min(1).optional().describe("Slug of the users' organization"),
        orgId: z.number().int().positive().optional().describe("Id of the users' organization"),
      }),
      output: z.object({ count: z.number().int(), event_types: z.array(eventTypeSchema) }),
      annotations: reads,
      async run({ username, eventSlug, usernames, orgSlug, orgId }, api) {
        const types = await api.eventTypes({
          username,
          eventSlug,
          usernames: commaList(usernames),
          orgSlug,
          orgId,
        });
        return { count: types.length, event_types: types.map(toEventType) };
      },
    }),

    get_booking: calTool({
      description: 'Get a booking by uid; the uid of a recurring booking gives all its occurrences.',
      input: z.object({ bookingUid }),
      output: bookingsOutput,
      annotations: reads,
      async run({ bookingUid: uid }, api) {
        return bookingsResult(await api.booking(uid));
      },
    }),

    reschedule_booking: calTool({
      description:
        'Move a booking to a new start time. Cal.com cancels the booking and makes a new one (with a new ' +
        'uid), and emails the attendees.',
      input: z.object({
        bookingUid,
        start: utcTime('New start'),
        rescheduledBy: email
          .optional()
          .describe('Email of who reschedules (the owner’s email confirms it at once)'),
        reschedulingReason: z.string().optional().describe('Reason, shown to the attendees'),
      }),
      output: bookingsOutput,
      annotations: writes(true, false),
      async run({ bookingUid: uid, start, rescheduledBy, reschedulingReason }, api) {
        return bookingsResult(
          await api.reschedule(uid, defined({ start, rescheduledBy, reschedulingReason })),
        );
      },
    }),

    cancel_booking: calTool({
      description:
        'Cancel a booking (and, for a recurring one, optionally the occurrences after it); Cal.com emails the attendees.',
      input: z.object({
        bookingUid,
        cancellationReason: z.string().optional().describe('Reason, shown to the attendees'),
        cancelSubsequentBookings: z
          .boolean()
          .optional()
          .describe('For an occurrence of a recurring booking: also cancel the occurrences after it'),
      }),
      output: bookingsOutput,
      annotations: overwrites,
      async run({ bookingUid: uid, cancellationReason, cancelSubsequentBookings }, api) {
        return bookingsResult(
          await api.setState(uid, 'cancel', defined({ cancellationReason, cancelSubsequentBookings })),
        );
      },
    }),

    confirm_booking: calTool({
      description: 'Confirm a booking that waits for the host’s confirmation.',
      input: z.object({ bookingUid }),
      output: bookingsOutput,
      annotations: sets,
      async run({ bookingUid: uid }, api) {
        return bookingsResult(await api.setState(uid, 'confirm'));
      },
    }),

    decline_booking: calTool({
      description: 'Decline a booking that waits for the host’s confirmation.',
      input: z.object({
        bookingUid,
        reason: z.string().optional().describe('Reason, shown to the attendee'),
      }),
      output: bookingsOutput,
      annotations: overwrites,
      async run({ bookingUid: uid, reason }, api) {
        return bookingsResult(await api.setState(uid, 'decline', defined({ reason })));
      },
    }),

    create_booking: calTool({
      description:
        'Book a meeting. Name the event type by eventTypeId, or by eventTypeSlug with username (or ' +
        'teamSlug, and organizationSlug inside an organization). Cal.com emails the attendee and the host. ' +
        'Each call books anew.',
      input: z.object({
        start: utcTime('Start of the booking'),
        attendee,
        lengthInMinutes: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('Length, for event types that offer several'),
        eventTypeId: z.number().int().positive().optional().describe('Id of the event type to book'),
        eventTypeSlug: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Slug of the event type (with username or teamSlug)'),
        username: z.string().trim().min(1).optional().describe('Owner of eventTypeSlug'),
        teamSlug: z.string().trim().min(1).optional().describe('Team owning eventTypeSlug'),
        organizationSlug: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Organization of username or teamSlug'),
        guests: z.array(email).optional().describe('Emails of more guests'),
        instant: z.boolean().optional().describe('An instant meeting (team event types only)'),
        location: z
          .union([z.string(), z.record(z.string(), z.unknown())])
          .optional()
          .describe('One of the event type’s locations (an address, a link, or a location object)'),
        metadata: z
          .record(z.string(), z.string())
          .optional()
          .describe('Your own key-value data to keep with the booking'),
        bookingFieldsResponses: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('Answers to the event type’s booking questions, by field slug'),
      }),
      output: bookingsOutput,
      annotations: adds,
      async run(args, api) {
        if (args.eventTypeId === undefined && !(args.eventTypeSlug && (args.username || args.teamSlug))) {
          throw new ToolError(
            'eventTypeId: give eventTypeId, or eventTypeSlug with username or teamSlug, to say which event type to book',
          );
        }
        return bookingsResult(await api.createBooking(defined({ ...args })));
      },
    }),

    get_bookings: calTool({
      description:
        'List bookings, filtered by status, attendee and event type. take says how many to return (pages of ' +
        `up to ${BOOKINGS_PAGE_SIZE} are followed), skip how many to pass over; next_skip continues the list.`,
      input: z.object({
        status: z
          .union([z.array(z.enum(BOOKING_STATUSES)), z.string()])
          .optional()
          .refine(
            (v) =>
              v === undefined ||
              (commaList(v)?.split(',') ?? []).every((s) =>
                (BOOKING_STATUSES as readonly string[]).includes(s),
              ),
            { message: `each status must be one of ${BOOKING_STATUSES.join(', ')}` },
          )
          .describe(`Statuses to include (array or comma-separated): ${BOOKING_STATUSES.join(', ')}`),
        attendeeEmail: email.optional().describe("Only bookings with this attendee's email"),
        attendeeName: z.string().trim().min(1).optional().describe("Only bookings with this attendee's name"),
        eventTypeIds: z
          .union([z.string(), z.array(z.union([z.string(), z.number()]))])
          .optional()
          .describe('Only bookings of these event types (ids, array or comma-separated)'),
        eventTypeId: z
          .union([z.string(), z.number()])
          .optional()
          .describe('Only bookings of this event type'),
        take: z
          .number()
          .int()
          .min(1)
          .max(MAX_BOOKINGS)
          .default(100)
          .describe(`How many bookings to return (1-${MAX_BOOKINGS}, default 100)`),
        skip: z.number().int().min(0).default(0).describe('How many bookings to pass over first (default 0)'),
      }),
      output: z.object({
        count: z.number().int(),
        total: z.number().int().nullable().describe('Bookings matching the filters, all pages together'),
        bookings: z.array(bookingSchema),
        next_skip: z.number().int().nullable().describe('skip for the next call, or null at the end'),
      }),
      annotations: reads,
      async run({ status, attendeeEmail, attendeeName, eventTypeIds, eventTypeId, take, skip }, api) {
        const ids = Array.isArray(eventTypeIds) ? eventTypeIds.map(String) : eventTypeIds;
        const filters = {
          status: commaList(status),
          attendeeEmail,
          attendeeName,
          eventTypeIds: commaList(ids),
          eventTypeId: eventTypeId === undefined ? undefined : String(eventTypeId),
        };
        const bookings: CalBooking[] = [];
        let offset = skip;
        let total: number | null = null;
        let more = true;
        while (more && bookings.length < take) {
          const page = await api.bookingsPage(
            filters,
            Math.min(BOOKINGS_PAGE_SIZE, take - bookings.length),
            offset,
          );
          const got = page.data ?? [];
          bookings.push(...got);
          offset += got.length;
          total = page.pagination?.totalItems ?? total;
          more = got.length > 0 && page.pagination?.hasNextPage === true;
        }
        return {
          count: bookings.length,
          total,
          bookings: bookings.map(toBooking),
          next_skip: more ? offset : null,
        };
      },
    }),

    get_schedules: calTool({
      description:
        'List the availability schedules of the API key’s user: weekly hours, time zone, date overrides.',
      input: z.object({}),
      output: z.object({ count: z.number().int(), schedules: z.array(scheduleSchema) }),
      annotations: reads,
      async run(_args, api) {
        const schedules = await api.schedules();
        return { count: schedules.length, schedules: schedules.map(toSchedule) };
      },
    }),
  };
}
