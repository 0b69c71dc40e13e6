import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { checkZone, timeRange } from '../gcalendar/times.js';
import { collectPages } from '../google-api.js';
import {
  deleteEvent,
  EVENTS,
  EVENTS_READONLY,
  getEvent,
  insertMeeting,
  listEventsPage,
  patchEvent,
} from './api.js';
import {
  awaitConference,
  conferenceNote,
  DEFAULT_ZONE,
  eventTimes,
  meeting,
  withAttendees,
} from './meetings.js';

/** Scopes as guMCP's catalog lists them per tool. */
const WRITE = [EVENTS];
const READ = [EVENTS_READONLY];

const MAX_MEETINGS = 2500;
const TIMES = 'YYYY-MM-DD HH:MM, YYYY-MM-DDTHH:MM:SS, or RFC 3339 such as 2025-05-15T10:00:00Z';

const meetingId = z
  .string()
  .min(1)
  .describe('Meeting id (the Calendar event id), as create_meeting returns it');
const emails = (what: string) => z.array(z.email()).min(1).describe(what);
const when = (what: string) => z.string().min(1).describe(`${what}: ${TIMES}; a date alone makes it all day`);
const timeZone = z
  .string()
  .min(1)
  .optional()
  .describe(`IANA time zone of times without an offset, e.g. Europe/Paris (default ${DEFAULT_ZONE})`);
const sendUpdates = z
  .enum(['all', 'externalOnly', 'none'])
  .optional()
  .describe('Who Google e-mails about the change (Google’s default: nobody)');

const meetingSchema = z.object({
  meeting_id: z.string(),
  title: z.string(),
  start: z.string().describe('RFC 3339 date-time, or YYYY-MM-DD for all-day meetings'),
  end: z.string().describe('RFC 3339 date-time, or YYYY-MM-DD for all-day meetings (exclusive)'),
  status: z.string().optional(),
  description: z.string().optional(),
  location: z.string().optional(),
  conference_status: z
    .enum(['ready', 'pending', 'failed', 'none'])
    .describe('ready: join_url works; pending: Google is still creating it; failed or none: no Meet link'),
  join_url: z.string().optional().describe('The Google Meet link'),
  meeting_code: z.string().optional().describe('The Meet code, e.g. abc-defg-hij'),
  dial_in: z
    .array(z.object({ number: z.string(), pin: z.string().optional(), region: z.string().optional() }))
    .optional()
    .describe('Phone numbers to join by'),
  html_link: z.string().optional().describe('The meeting in Google Calendar'),
  organizer: z.string().optional(),
  attendees: z.array(z.object({ email: z.string(), response_status: z.string().optional() })),
});

export const tools = {
  create_meeting: tool({
    description:
      'Schedule a Google Meet meeting: a Calendar event on the primary calendar with a Meet link, ' +
      'optionally inviting attendees. Waits briefly for Google to create the link.',
    input: z.object({
      title: z.string().min(1).describe('Title of the meeting'),
      description: z.string().optional().describe('Description or agenda'),
      start_time: when('Start'),
      end_time: when('End'),
      attendees: emails('Email addresses to invite').optional(),
      time_zone: timeZone,
      send_updates: sendUpdates,
    }),
    output: meetingSchema.extend({
      note: z.string().optional().describe('Why there is no join link yet, when there is none'),
    }),
    annotations: { title: 'Create meeting', ...adds },
    scopes: WRITE,
    async handler(args, ctx) {
      const created = await insertMeeting(
        ctx,
        {
          summary: args.title,
          ...(args.description !== undefined ? { description: args.description } : {}),
          ...eventTimes(args, args.time_zone),
          ...(args.attendees ? { attendees: args.attendees.map((email) => ({ email })) } : {}),
        },
        args.send_updates,
      );
      const event = await awaitConference(ctx, created);
      const shown = meeting(event);
      const note = conferenceNote(shown.conference_status, event.id);
      return { ...shown, ...(note ? { note } : {}) };
    },
  }),

  add_attendees: tool({
    description: 'Invite more people to a meeting; those already invited stay, and are not added twice.',
    input: z.object({
      meeting_id: meetingId,
      attendees: emails('Email addresses to add'),
      send_updates: sendUpdates,
    }),
    output: meetingSchema.extend({ added: z.array(z.string()).describe('Who was not invited before') }),
    annotations: { title: 'Add attendees', ...sets },
    scopes: WRITE,
    async handler({ meeting_id, attendees, send_updates }, ctx) {
      const event = await getEvent(ctx, meeting_id);
      const merged = withAttendees(event.attendees ?? [], attendees);
      const updated = merged.added.length
        ? await patchEvent(ctx, meeting_id, { attendees: merged.attendees }, send_updates)
        : event;
      return { ...meeting(updated), added: merged.added };
    },
  }),

  fetch_meetings_by_date: tool({
    description: 'List the meetings (events of the primary calendar) on a given day, in start order.',
    input: z.object({
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
        .describe('The day, YYYY-MM-DD'),
      time_zone: z
        .string()
        .min(1)
        .optional()
        .describe(`IANA time zone the day is in, e.g. Europe/Paris (default ${DEFAULT_ZONE})`),
      max_results: z
        .number()
        .int()
        .min(1)
        .max(MAX_MEETINGS)
        .default(100)
        .describe(`Most meetings to return (default 100, at most ${MAX_MEETINGS})`),
    }),
    output: z.object({
      date: z.string(),
      time_zone: z.string(),
      count: z.number().int(),
      more: z.boolean().describe('Whether the day has more meetings than were returned'),
      meetings: z.array(meetingSchema),
    }),
    annotations: { title: 'Fetch meetings by date', ...reads },
    scopes: READ,
    async handler({ date, time_zone, max_results }, ctx) {
      const zone = checkZone(time_zone ?? DEFAULT_ZONE);
      const day = timeRange({ start: date, end: date }, { start: 'date', end: 'date' }, zone);
      const query = {
        timeMin: new Date(day.start).toISOString(),
        timeMax: new Date(day.end).toISOString(),
        timeZone: zone,
        singleEvents: true,
        orderBy: 'startTime',
      };
      const { items, more } = await collectPages(max_results, MAX_MEETINGS, (token, size) =>
        listEventsPage(ctx, query, token, size),
      );
      return { date, time_zone: zone, count: items.length, more, meetings: items.map(meeting) };
    },
  }),

  get_meeting_details: tool({
    description: 'Get a meeting: its time, Meet link and code, dial-in numbers, organizer and attendees.',
    input: z.object({ meeting_id: meetingId }),
    output: meetingSchema,
    annotations: { title: 'Get meeting details', ...reads },
    scopes: READ,
    handler: async ({ meeting_id }, ctx) => meeting(await getEvent(ctx, meeting_id)),
  }),

  update_meeting: tool({
    description:
      'Change the title, description or times of a meeting; what is not given stays, and so does the Meet link.',
    input: z.object({
      meeting_id: meetingId,
      summary: z.string().min(1).optional().describe('New title'),
      description: z.string().optional().describe('New description'),
      start_time: when('New start').optional(),
      end_time: when('New end').optional(),
      time_zone: timeZone,
      send_updates: sendUpdates,
    }),
    output: meetingSchema,
    annotations: { title: 'Update meeting', ...overwrites },
    scopes: WRITE,
    async handler({ meeting_id, summary, description, time_zone, send_updates, ...times }, ctx) {
      const body = {
        ...(summary !== undefined ? { summary } : {}),
        ...(description !== undefined ? { description } : {}),
        ...eventTimes(times, time_zone),
      };
      if (!Object.keys(body).length) {
        throw new ToolError('Nothing to change: give summary, description, start_time or end_time.');
      }
      return meeting(await patchEvent(ctx, meeting_id, body, send_updates));
    },
  }),

  delete_meeting: tool({
    description: 'Cancel a meeting: delete its event from the primary calendar.',
    input: z.object({ meeting_id: meetingId, send_updates: sendUpdates }),
    output: z.object({
      success: z.boolean(),
      message: z.string(),
      meeting_id: z.string(),
      title: z.string(),
    }),
    annotations: { title: 'Delete meeting', ...overwrites },
    scopes: WRITE,
    async handler({ meeting_id, send_updates }, ctx) {
      // Read first, so the answer names what was deleted and a wrong id fails before anything changes.
      const { title } = meeting(await getEvent(ctx, meeting_id));
      await deleteEvent(ctx, meeting_id, send_updates);
      return { success: true, message: 'Meeting deleted', meeting_id, title };
    },
  }),
};
