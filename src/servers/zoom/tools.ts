import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type ApiFactory, collectPages, type MeetingBody, PAGE_SIZE, type ZoomApi } from './api.js';
import {
  duration,
  isoDate,
  maxResults,
  meetingId,
  meetingRef,
  pageToken,
  startTime,
  timezone,
} from './args.js';
import type { FieldNames } from './errors.js';
import {
  fullMeeting,
  meetingListSchema,
  meetingSchema,
  participantSchema,
  recordingSchema,
  toMeeting,
  toParticipant,
  toRecording,
} from './shapes.js';

/**
 * Zoom's granular scopes, user level (a user-managed app), as the Meeting API gives them per endpoint.
 * The participant report exists at account level only (an admin's token, on a paid plan).
 */
const SCOPES = {
  create: ['meeting:write:meeting'],
  read: ['meeting:read:meeting'],
  update: ['meeting:update:meeting'],
  delete: ['meeting:delete:meeting'],
  list: ['meeting:read:list_meetings'],
  upcoming: ['meeting:read:list_upcoming_meetings'],
  userRecordings: ['cloud_recording:read:list_user_recordings'],
  meetingRecordings: ['cloud_recording:read:list_recording_files'],
  report: ['report:read:list_meeting_participants:admin'],
  invite: ['meeting:update:meeting', 'meeting:read:meeting'],
} as const;

/** The meeting fields the create and update tools set, by the tool argument that sets them. */
const MEETING_FIELDS: FieldNames = {
  topic: 'topic',
  agenda: 'agenda',
  start_time: 'start_time',
  duration: 'duration',
  timezone: 'timezone',
  'settings.meeting_invitees': 'attendees',
};

/** Zoom's list types: guMCP's three, and the two Zoom added since. */
const LIST_TYPES = ['scheduled', 'live', 'upcoming', 'upcoming_meetings', 'previous_meetings'] as const;

/** Zoom answers one month of recordings per request: longer ranges are read 30 days at a time. */
const RECORDING_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The windows of at most 30 days that cover from..to, newest first (Zoom lists newest first too). */
function recordingWindows(from: string, to: string): { from: string; to: string }[] {
  const windows: { from: string; to: string }[] = [];
  for (let end = to; end >= from; end = addDays(end, -RECORDING_WINDOW_DAYS)) {
    const start = addDays(end, -(RECORDING_WINDOW_DAYS - 1));
    windows.push({ from: start < from ? from : start, to: end });
  }
  return windows;
}

/** A recordings cursor: the window being read and Zoom's page token in it. */
const recordingsCursor = (window: string, token: string) =>
  Buffer.from(JSON.stringify({ w: window, t: token })).toString('base64url');

function readRecordingsCursor(cursor: string): { w: string; t: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { w?: unknown; t?: unknown };
    if (typeof parsed.w === 'string' && typeof parsed.t === 'string') return { w: parsed.w, t: parsed.t };
  } catch {
    // Falls through to the error below.
  }
  throw new ToolError('next_page_token: not a token this tool returned; leave it out to start over');
}

/** The date (YYYY-MM-DD) an instant falls on in a time zone; built per call, never at import. */
function dateIn(zone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (iso) => format.format(new Date(iso));
}

/** Fields of a meeting given by the caller, with undefined left out, so only those are sent. */
function meetingBody(fields: Record<string, unknown>): MeetingBody {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** A Zoom tool: like `tool`, but its handler gets a Zoom client bound to the tool's first scope. */
interface ZoomToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, zoom: ZoomApi): Promise<z.input<O>>;
}

/** The Zoom tools, with clients made by `connect` (the seam tests use to shorten retries). */
export function zoomTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const zoomTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: ZoomToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, def.scopes[0])) as ReturnType<ToolDef<I, O>['handler']>,
    });

  const listOutput = meetingListSchema;

  return {
    create_meeting: zoomTool({
      description:
        'Schedule a Zoom meeting for the signed-in user and return it with its join link. Zoom allows 100 ' +
        'meeting creates and updates per user a day; a second call schedules a second meeting.',
      input: z.object({
        topic: z.string().trim().min(1).max(200).describe('The meeting topic (title), up to 200 characters'),
        agenda: z.string().max(2000).optional().describe('The agenda (description), up to 2000 characters'),
        start_time: startTime,
        duration,
        timezone: timezone
          .optional()
          .describe('IANA time zone a start_time without offset is read in, e.g. Europe/Paris'),
      }),
      output: meetingSchema,
      annotations: adds,
      scopes: SCOPES.create,
      async run({ topic, agenda, start_time, duration, timezone }, zoom) {
        const body = meetingBody({ topic, type: 2, start_time, duration, timezone, agenda });
        return toMeeting(await zoom.createMeeting(body, MEETING_FIELDS));
      },
    }),

    update_meeting: zoomTool({
      description:
        'Change the topic, agenda, start time or length of a meeting; fields left out stay as they are. ' +
        'Counts toward Zoom’s 100 meeting creates and updates per user a day.',
      input: z.object({
        meeting_id: meetingId,
        topic: z.string().trim().min(1).max(200).optional().describe('New topic'),
        agenda: z.string().max(2000).optional().describe('New agenda'),
        start_time: startTime.optional(),
        duration: duration.optional(),
        timezone: timezone.optional().describe('IANA time zone a start_time without offset is read in'),
      }),
      output: z.object({
        updated: z.boolean(),
        meeting_id: z.string(),
        changed: z.array(z.string()).describe('The fields sent to Zoom'),
      }),
      annotations: overwrites,
      scopes: SCOPES.update,
      async run({ meeting_id, ...fields }, zoom) {
        const body = meetingBody(fields);
        if (Object.keys(body).length === 0) {
          throw new ToolError(
            'Give at least one of topic, agenda, start_time, duration (or timezone) to change.',
          );
        }
        await zoom.updateMeeting(meeting_id, body, MEETING_FIELDS);
        return { updated: true, meeting_id, changed: Object.keys(body) };
      },
    }),

    get_meeting: zoomTool({
      description:
        'Get a meeting: topic, time, length, join link, passcode, invitees and, for a recurring meeting, its ' +
        'occurrences. `full` adds every field Zoom gives (settings included; the host start link is left out).',
      input: z.object({
        meeting_id: meetingId,
        full: z.boolean().default(false).describe('Also return the whole meeting object as Zoom gives it'),
      }),
      output: meetingSchema.extend({
        full: z.record(z.string(), z.unknown()).optional().describe('With full: the meeting as Zoom gave it'),
      }),
      annotations: reads,
      scopes: SCOPES.read,
      async run({ meeting_id, full }, zoom) {
        const meeting = await zoom.getMeeting(meeting_id);
        return { ...toMeeting(meeting), ...(full ? { full: fullMeeting(meeting) } : {}) };
      },
    }),

    list_meetings: zoomTool({
      description:
        'List the signed-in user’s meetings of a kind: scheduled (past unexpired, live and upcoming), live, ' +
        'upcoming, upcoming_meetings or previous_meetings. Pages are followed up to max_results.',
      input: z.object({
        type: z
          .enum(LIST_TYPES)
          .describe('Which meetings: scheduled, live, upcoming, upcoming_meetings, previous_meetings'),
        max_results: maxResults('meetings', 300),
        next_page_token: pageToken,
      }),
      output: listOutput.extend({ type: z.string() }),
      annotations: reads,
      scopes: SCOPES.list,
      async run({ type, max_results, next_page_token }, zoom) {
        const page_size = Math.min(PAGE_SIZE, max_results);
        const { items, next } = await collectPages(
          max_results,
          next_page_token,
          (token) => zoom.listMeetingsPage({ type, page_size, next_page_token: token }),
          (p) => p.meetings,
        );
        return { type, count: items.length, meetings: items.map(toMeeting), next_page_token: next };
      },
    }),

    list_upcoming_meetings: zoomTool({
      description: 'List the signed-in user’s upcoming meetings (Zoom’s upcoming meetings list).',
      input: z.object({}),
      output: listOutput.omit({ next_page_token: true }),
      annotations: reads,
      scopes: SCOPES.upcoming,
      async run(_args, zoom) {
        const { meetings = [] } = await zoom.listUpcomingMeetings();
        return { count: meetings.length, meetings: meetings.map(toMeeting) };
      },
    }),

    list_all_recordings: zoomTool({
      description:
        'List the signed-in user’s cloud recordings of meetings held from from_date to to_date, newest first, ' +
        'with their files. Ranges longer than a month are read 30 days at a time, up to max_results meetings.',
      input: z.object({
        from_date: isoDate.describe('First day, YYYY-MM-DD (UTC)'),
        to_date: isoDate.describe('Last day, YYYY-MM-DD (UTC)'),
        max_results: maxResults('recorded meetings', 300),
        next_page_token: pageToken,
      }),
      output: z.object({
        from_date: z.string(),
        to_date: z.string(),
        count: z.number().int(),
        recordings: z.array(recordingSchema),
        next_page_token: z
          .string()
          .nullable()
          .describe('When not null, pass it back with the same dates to continue'),
      }),
      annotations: reads,
      scopes: SCOPES.userRecordings,
      async run({ from_date, to_date, max_results, next_page_token }, zoom) {
        if (from_date > to_date) throw new ToolError('from_date: must not be after to_date.');
        let windows = recordingWindows(from_date, to_date);
        let token: string | undefined;
        if (next_page_token) {
          const cursor = readRecordingsCursor(next_page_token);
          windows = windows.filter((w) => w.to <= cursor.w);
          if (windows[0]?.to !== cursor.w) {
            throw new ToolError(
              'next_page_token: belongs to another date range; give the dates of that call.',
            );
          }
          token = cursor.t || undefined;
        }
        const recordings: z.input<typeof recordingSchema>[] = [];
        let next: string | null = null;
        for (const [i, window] of windows.entries()) {
          const page = await collectPages(
            max_results - recordings.length,
            token,
            (t) =>
              zoom.listRecordingsPage({
                from: window.from,
                to: window.to,
                page_size: PAGE_SIZE,
                next_page_token: t,
              }),
            (p) => p.meetings,
          );
          token = undefined;
          recordings.push(...page.items.map(toRecording));
          const following = windows[i + 1];
          if (page.next) next = recordingsCursor(window.to, page.next);
          else if (recordings.length >= max_results && following) next = recordingsCursor(following.to, '');
          if (next) break;
        }
        return { from_date, to_date, count: recordings.length, recordings, next_page_token: next };
      },
    }),

    get_meeting_recordings: zoomTool({
      description:
        'Get the cloud recordings of a meeting (its latest instance, or the instance a UUID names): files ' +
        'with their type, size, play and download links, and the share link and passcode.',
      input: z.object({ meeting_id: meetingRef }),
      output: recordingSchema,
      annotations: reads,
      scopes: SCOPES.meetingRecordings,
      async run({ meeting_id }, zoom) {
        return toRecording(await zoom.getMeetingRecordings(meeting_id));
      },
    }),

    get_meeting_participant_reports: zoomTool({
      description:
        'Get the participant report of a past meeting (its latest instance, or the instance a UUID names): ' +
        'who joined, when, and for how long. Zoom gives reports to account admins on paid plans.',
      input: z.object({
        meeting_id: meetingRef,
        max_results: maxResults('participants', 300),
        next_page_token: pageToken,
      }),
      output: z.object({
        meeting_id: z.string(),
        count: z.number().int(),
        participants: z.array(participantSchema),
        next_page_token: z.string().nullable(),
      }),
      annotations: reads,
      scopes: SCOPES.report,
      async run({ meeting_id, max_results, next_page_token }, zoom) {
        const page_size = Math.min(PAGE_SIZE, max_results);
        const { items, next } = await collectPages(
          max_results,
          next_page_token,
          (token) => zoom.getParticipantReportPage(meeting_id, { page_size, next_page_token: token }),
          (p) => p.participants,
        );
        return {
          meeting_id,
          count: items.length,
          participants: items.map(toParticipant),
          next_page_token: next,
        };
      },
    }),

    add_attendees: zoomTool({
      description:
        'Add people to a meeting’s invitees (settings.meeting_invitees) by email; those already invited stay ' +
        'and are not added twice. Counts toward Zoom’s 100 meeting updates per user a day.',
      input: z.object({
        meeting_id: meetingId,
        attendees: z
          .array(z.string().trim().toLowerCase().pipe(z.email('each attendee must be an email address')))
          .min(1, 'give at least one email address')
          .max(300)
          .describe('Email addresses to invite'),
      }),
      output: z.object({
        meeting_id: z.string(),
        added: z.array(z.string()),
        already_invited: z.array(z.string()),
        invitees: z.array(z.string()).describe('All invitees after the change'),
      }),
      annotations: sets,
      scopes: SCOPES.invite,
      async run({ meeting_id, attendees }, zoom) {
        const meeting = await zoom.getMeeting(meeting_id);
        const current = (meeting.settings?.meeting_invitees ?? [])
          .map((i) => i.email)
          .filter((e): e is string => typeof e === 'string');
        const known = new Set(current.map((e) => e.toLowerCase()));
        const wanted = [...new Set(attendees)];
        const added = wanted.filter((e) => !known.has(e));
        const invitees = [...current, ...added];
        if (added.length > 0) {
          // The whole list is sent: Zoom replaces the invitees with what the update carries.
          await zoom.updateMeeting(
            meeting_id,
            { settings: { meeting_invitees: invitees.map((email) => ({ email })) } },
            MEETING_FIELDS,
          );
        }
        return { meeting_id, added, already_invited: wanted.filter((e) => known.has(e)), invitees };
      },
    }),

    fetch_meetings_by_date: zoomTool({
      description:
        'List the signed-in user’s scheduled meetings that start on a date (in `timezone`, default UTC).',
      input: z.object({
        date: isoDate.describe('The day, YYYY-MM-DD'),
        timezone: timezone.optional().describe('IANA time zone the day is taken in (default UTC)'),
        max_results: maxResults('meetings', 300),
      }),
      output: listOutput.omit({ next_page_token: true }).extend({ date: z.string(), timezone: z.string() }),
      annotations: reads,
      scopes: SCOPES.list,
      async run({ date, timezone: zone = 'UTC', max_results }, zoom) {
        const { items } = await collectPages(
          max_results,
          undefined,
          (token) =>
            zoom.listMeetingsPage({
              type: 'scheduled',
              from: date,
              to: date,
              timezone: zone,
              page_size: Math.min(PAGE_SIZE, max_results),
              next_page_token: token,
            }),
          (p) => p.meetings,
        );
        // Zoom's from/to narrow the list; the day is checked here too, in the caller's time zone.
        const day = dateIn(zone);
        const meetings = items.filter((m) => typeof m.start_time === 'string' && day(m.start_time) === date);
        return { date, timezone: zone, count: meetings.length, meetings: meetings.map(toMeeting) };
      },
    }),

    delete_meeting: zoomTool({
      description:
        'Delete a meeting (all its occurrences). Zoom does not email a reminder about the deletion.',
      input: z.object({ meeting_id: meetingId }),
      output: z.object({ deleted: z.boolean(), meeting_id: z.string() }),
      annotations: overwrites,
      scopes: SCOPES.delete,
      async run({ meeting_id }, zoom) {
        await zoom.deleteMeeting(meeting_id);
        return { deleted: true, meeting_id };
      },
    }),
  };
}
