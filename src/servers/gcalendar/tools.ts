import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import {
  CALENDAR_SCOPE,
  deleteEvent,
  freeBusy,
  getEvent,
  insertEvent,
  listEvents,
  patchEvent,
} from './api.js';
import { changesSomething, DEFAULT_ZONE, eventBody, summarize, withResponse } from './events.js';
import { availability } from './slots.js';
import { checkZone, formatInZone, timeRange, WHEN_FORMATS } from './times.js';

const scopes = [CALENDAR_SCOPE];

const MAX_EVENTS = 250;
const RANGE_ARGS = { start: 'time_min', end: 'time_max' };
const SLOT_ARGS = { start: 'start_datetime', end: 'end_datetime' };

const calendarId = z
  .string()
  .min(1)
  .default('primary')
  .describe('Calendar id, e.g. an email address (default: primary, the user’s main calendar)');
const eventId = z.string().min(1).describe('Event id, as list_events returns it');
const when = (what: string) => z.string().min(1).describe(`${what}: ${WHEN_FORMATS}`);
const zone = (what: string) =>
  z
    .string()
    .min(1)
    .optional()
    .describe(`IANA time zone ${what}, e.g. Europe/Paris (default ${DEFAULT_ZONE})`);
const sendUpdates = z
  .enum(['all', 'externalOnly', 'none'])
  .optional()
  .describe('Who Google e-mails about the change (Google’s default: none)');
const sendNotifications = z
  .boolean()
  .optional()
  .describe('Deprecated by Google in favour of send_updates; whether to e-mail attendees');

/** The fields create_event and update_event share; create requires three of them. */
const eventFields = {
  summary: z.string().describe('Title'),
  start_datetime: when('Start'),
  end_datetime: when('End'),
  description: z.string().optional().describe('Description'),
  location: z.string().optional().describe('Location'),
  attendees: z.array(z.string().min(1)).optional().describe('Attendee email addresses (replaces the list)'),
  time_zone: zone('the wall-clock start and end are in'),
  recurrence: z
    .array(z.string())
    .optional()
    .describe("RRULE, EXRULE, RDATE or EXDATE lines, e.g. ['RRULE:FREQ=WEEKLY;COUNT=4']"),
  reminders: z
    .object({
      use_default: z.boolean().optional().describe('Use the calendar’s default reminders'),
      overrides: z
        .array(z.object({ method: z.enum(['email', 'popup']), minutes: z.number().int().min(0).max(40320) }))
        .optional()
        .describe('Custom reminders, replacing the defaults'),
    })
    .optional()
    .describe('Reminders'),
  transparency: z
    .enum(['opaque', 'transparent'])
    .optional()
    .describe('opaque blocks time; transparent does not'),
  visibility: z.enum(['default', 'public', 'private', 'confidential']).optional().describe('Visibility'),
  color_id: z.string().optional().describe('Event colour id, "1" to "11"'),
  send_updates: sendUpdates,
};

const attendee = z.object({
  email: z.string(),
  responseStatus: z.string().optional(),
  comment: z.string().optional(),
});

/** An event as every event-returning tool shows it. */
const event = z.object({
  id: z.string(),
  summary: z.string(),
  start: z.string().describe('RFC 3339 date-time, or YYYY-MM-DD for all-day events'),
  end: z.string().describe('RFC 3339 date-time, or YYYY-MM-DD for all-day events (exclusive)'),
  status: z.string().optional(),
  location: z.string().optional(),
  description: z.string().optional(),
  htmlLink: z.string().optional().describe('The event in Google Calendar’s web interface'),
  attendees: z.array(attendee),
});

const interval = z.object({ start: z.string(), end: z.string() });

export const tools = {
  list_events: tool({
    description: 'List events of a Google Calendar in a time range (by default the next 7 days).',
    input: z.object({
      calendar_id: calendarId,
      time_min: when('Earliest end of events listed (default now)').optional(),
      time_max: when(
        'Latest start of events listed; a date means its end (default time_min + days)',
      ).optional(),
      days: z
        .number()
        .int()
        .min(1)
        .max(366)
        .default(7)
        .describe('Days to look ahead when time_max is absent'),
      max_results: z
        .number()
        .int()
        .min(1)
        .max(MAX_EVENTS)
        .default(10)
        .describe(`Most events to return (default 10, at most ${MAX_EVENTS}); pages are followed up to it`),
      order_by: z
        .enum(['startTime', 'updated'])
        .optional()
        .describe('startTime (default; needs single_events) or updated'),
      show_deleted: z.boolean().optional().describe('Include cancelled events (default false)'),
      single_events: z
        .boolean()
        .default(true)
        .describe('Expand recurring events into instances (default true)'),
      time_zone: zone('for wall-clock times in the arguments and the answer'),
      q: z.string().optional().describe('Free text matched against title, description, location, attendees'),
    }),
    output: z.object({
      calendar_id: z.string(),
      time_min: z.string(),
      time_max: z.string(),
      count: z.number().int(),
      more: z.boolean().describe('Whether more events match than were returned'),
      events: z.array(event),
    }),
    annotations: { title: 'List events', ...reads },
    scopes,
    async handler(args, ctx) {
      const tz = checkZone(args.time_zone ?? DEFAULT_ZONE);
      if (args.order_by === 'startTime' && !args.single_events) {
        throw new ToolError('order_by startTime needs single_events true; use order_by updated instead.');
      }
      const range = timeRange({ start: args.time_min, end: args.time_max, days: args.days }, RANGE_ARGS, tz);
      const [timeMin, timeMax] = [new Date(range.start).toISOString(), new Date(range.end).toISOString()];
      const { items, more } = await listEvents(
        ctx,
        args.calendar_id,
        {
          timeMin,
          timeMax,
          timeZone: tz,
          singleEvents: args.single_events,
          orderBy: args.order_by ?? (args.single_events ? 'startTime' : undefined),
          showDeleted: args.show_deleted,
          q: args.q,
        },
        args.max_results,
      );
      const events = items.map(summarize);
      return {
        calendar_id: args.calendar_id,
        time_min: timeMin,
        time_max: timeMax,
        count: events.length,
        more,
        events,
      };
    },
  }),

  create_event: tool({
    description:
      'Create an event in a Google Calendar: timed or all-day, with attendees, recurrence, reminders.',
    input: z.object({ calendar_id: calendarId, ...eventFields }),
    output: event,
    annotations: { title: 'Create event', ...adds },
    scopes,
    async handler({ calendar_id, send_updates, ...fields }, ctx) {
      checkZone(fields.time_zone ?? DEFAULT_ZONE);
      return summarize(await insertEvent(ctx, calendar_id, eventBody(fields), { sendUpdates: send_updates }));
    },
  }),

  update_event: tool({
    description: 'Change fields of an event; fields left out stay as they are.',
    input: z.object({
      calendar_id: calendarId,
      event_id: eventId,
      ...eventFields,
      summary: eventFields.summary.optional(),
      start_datetime: eventFields.start_datetime.optional(),
      end_datetime: eventFields.end_datetime.optional(),
    }),
    output: event,
    annotations: { title: 'Update event', ...overwrites },
    scopes,
    async handler({ calendar_id, event_id, send_updates, ...fields }, ctx) {
      checkZone(fields.time_zone ?? DEFAULT_ZONE);
      const body = eventBody(fields);
      if (!changesSomething(body)) throw new ToolError('Nothing to change: give at least one event field.');
      return summarize(await patchEvent(ctx, calendar_id, event_id, body, { sendUpdates: send_updates }));
    },
  }),

  delete_event: tool({
    description: 'Delete an event from a Google Calendar.',
    input: z.object({
      calendar_id: calendarId,
      event_id: eventId,
      send_notifications: sendNotifications,
      send_updates: sendUpdates,
    }),
    output: z.object({
      success: z.boolean(),
      message: z.string(),
      event_id: z.string(),
      event_title: z.string(),
      calendar_id: z.string(),
    }),
    annotations: { title: 'Delete event', ...overwrites },
    scopes,
    async handler({ calendar_id, event_id, send_notifications, send_updates }, ctx) {
      // Read first, so the answer names what was deleted and a wrong id fails before anything changes.
      const existing = await getEvent(ctx, calendar_id, event_id);
      await deleteEvent(ctx, calendar_id, event_id, {
        sendUpdates: send_updates,
        sendNotifications: send_notifications,
      });
      const title = summarize(existing).summary;
      return { success: true, message: 'Event deleted', event_id, event_title: title, calendar_id };
    },
  }),

  update_attendee_status: tool({
    description: "Set an attendee's response to an event (accepted, declined, tentative, needsAction).",
    input: z.object({
      calendar_id: calendarId,
      event_id: eventId,
      attendee_email: z.string().min(1).describe('Email of the attendee; added to the event if absent'),
      response_status: z.enum(['accepted', 'declined', 'tentative', 'needsAction']).describe('The response'),
      send_notifications: sendNotifications,
      send_updates: sendUpdates,
      comment: z.string().optional().describe("The attendee's comment on the response"),
    }),
    output: event,
    annotations: { title: 'Update attendee status', ...overwrites },
    scopes,
    async handler(args, ctx) {
      const existing = await getEvent(ctx, args.calendar_id, args.event_id);
      const attendees = withResponse(
        existing.attendees ?? [],
        args.attendee_email,
        args.response_status,
        args.comment,
      );
      const notify = { sendUpdates: args.send_updates, sendNotifications: args.send_notifications };
      return summarize(await patchEvent(ctx, args.calendar_id, args.event_id, { attendees }, notify));
    },
  }),

  check_free_slots: tool({
    description:
      'Find free time slots of at least a given length in one or more calendars within a time range.',
    input: z.object({
      calendar_id: calendarId,
      start_datetime: when('Start of the range'),
      end_datetime: when('End of the range; a date means its end'),
      duration_minutes: z
        .number()
        .int()
        .min(1)
        .max(1440)
        .default(30)
        .describe('Shortest free slot to report, in minutes (default 30)'),
      timezone: zone('of wall-clock times in the arguments and the answer'),
      items: z
        .array(z.object({ id: z.string().min(1).describe('Calendar or group id') }))
        .optional()
        .describe('Calendars that must all be free (default: calendar_id alone)'),
      group_exp_expand: z
        .boolean()
        .optional()
        .describe('Expand groups in items into their members (up to 100)'),
    }),
    output: z.object({
      time_min: z.string(),
      time_max: z.string(),
      timezone: z.string(),
      duration_minutes: z.number().int(),
      calendars: z.array(
        z.object({
          id: z.string(),
          busy: z.array(interval),
          errors: z.array(z.string()).optional().describe('Why Google could not read this calendar'),
        }),
      ),
      free_slots: z.array(interval.extend({ minutes: z.number().int() })).describe('Times when all are free'),
    }),
    annotations: { title: 'Check free slots', ...reads },
    scopes,
    async handler(args, ctx) {
      const tz = checkZone(args.timezone ?? DEFAULT_ZONE);
      const range = timeRange({ start: args.start_datetime, end: args.end_datetime }, SLOT_ARGS, tz);
      const answer = await freeBusy(ctx, {
        timeMin: new Date(range.start).toISOString(),
        timeMax: new Date(range.end).toISOString(),
        timeZone: tz,
        ...(args.group_exp_expand ? { groupExpansionMax: 100 } : {}),
        items: args.items ?? [{ id: args.calendar_id }],
      });
      return {
        time_min: formatInZone(range.start, tz),
        time_max: formatInZone(range.end, tz),
        timezone: tz,
        duration_minutes: args.duration_minutes,
        ...availability(answer, range, args.duration_minutes, tz),
      };
    },
  }),
};
