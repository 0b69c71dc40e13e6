import type { ToolContext } from '../../core/context.js';
import { ToolError } from '../../core/errors.js';
import { checkZone, eventTime, parseWhen, toInstant } from '../gcalendar/times.js';
import { type Attendee, type CalendarEvent, type EventBody, getEvent } from './api.js';

/**
 * Meetings between tool arguments and Calendar events: the times and fields the tools write, the
 * meeting every tool shows, and the wait for a Meet link Google is still creating.
 */

/** Wall-clock times without an offset are read in UTC, as guMCP does. */
export const DEFAULT_ZONE = 'UTC';

export type ConferenceStatus = 'ready' | 'pending' | 'failed' | 'none';

/** The Meet link: Calendar's hangoutLink, or the conference's video entry point. */
export const joinUrl = (event: CalendarEvent): string | undefined =>
  event.hangoutLink ?? event.conferenceData?.entryPoints?.find((e) => e.entryPointType === 'video')?.uri;

export function conferenceStatus(event: CalendarEvent): ConferenceStatus {
  if (joinUrl(event)) return 'ready';
  const code = event.conferenceData?.createRequest?.status?.statusCode;
  if (code === 'pending') return 'pending';
  if (code === 'failure') return 'failed';
  return 'none';
}

export interface Meeting {
  meeting_id: string;
  title: string;
  start: string;
  end: string;
  status?: string | undefined;
  description?: string | undefined;
  location?: string | undefined;
  conference_status: ConferenceStatus;
  join_url?: string | undefined;
  meeting_code?: string | undefined;
  dial_in?: { number: string; pin?: string | undefined; region?: string | undefined }[] | undefined;
  html_link?: string | undefined;
  organizer?: string | undefined;
  attendees: { email: string; response_status?: string | undefined }[];
}

/** `value` without its undefined fields, so answers carry no empty keys. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** An event as every tool shows it: times as Google gives them, the Meet link, code and dial-ins. */
export function meeting(event: CalendarEvent): Meeting {
  const phones = (event.conferenceData?.entryPoints ?? []).filter((e) => e.entryPointType === 'phone');
  return compact({
    meeting_id: event.id,
    title: event.summary ?? '(no title)',
    start: event.start?.dateTime ?? event.start?.date ?? '',
    end: event.end?.dateTime ?? event.end?.date ?? '',
    status: event.status,
    description: event.description,
    location: event.location,
    conference_status: conferenceStatus(event),
    join_url: joinUrl(event),
    meeting_code: event.conferenceData?.conferenceId,
    dial_in: phones.length
      ? phones.map((p) =>
          compact({ number: p.label ?? p.uri.replace(/^tel:/, ''), pin: p.pin, region: p.regionCode }),
        )
      : undefined,
    html_link: event.htmlLink,
    organizer: event.organizer?.email,
    attendees: (event.attendees ?? []).map((a) =>
      compact({ email: a.email, response_status: a.responseStatus }),
    ),
  });
}

/** The event times for a start and an end as callers write them, checked to be in order. */
export function eventTimes(
  given: { start_time?: string | undefined; end_time?: string | undefined },
  timeZone: string | undefined,
): Pick<EventBody, 'start' | 'end'> {
  const zone = checkZone(timeZone ?? DEFAULT_ZONE);
  const start = given.start_time === undefined ? undefined : parseWhen('start_time', given.start_time);
  const end = given.end_time === undefined ? undefined : parseWhen('end_time', given.end_time);
  if (start && end) {
    if ((start.kind === 'date') !== (end.kind === 'date')) {
      throw new ToolError('start_time and end_time must both be dates (all day) or both be times.');
    }
    if (toInstant(end, zone) <= toInstant(start, zone))
      throw new ToolError('end_time must be after start_time.');
  }
  return {
    ...(start ? { start: eventTime(start, zone) } : {}),
    ...(end ? { end: eventTime(end, zone) } : {}),
  };
}

/** The attendee list with `emails` added, keeping who is there and skipping who already is. */
export function withAttendees(
  existing: readonly Attendee[],
  emails: readonly string[],
): { attendees: Attendee[]; added: string[] } {
  const known = new Set(existing.map((a) => a.email.toLowerCase()));
  const added: string[] = [];
  for (const email of emails) {
    if (known.has(email.toLowerCase())) continue;
    known.add(email.toLowerCase());
    added.push(email);
  }
  return { attendees: [...existing, ...added.map((email) => ({ email }))], added };
}

/** How long to wait for Google to create a Meet conference: tries, and the first pause (doubling). */
export const CONFERENCE_WAIT = { attempts: 5, firstDelayMs: 500 };

const pause = (ms: number, signal: AbortSignal, id: string) =>
  new Promise<void>((resolve, reject) => {
    const cancelled = () =>
      new ToolError(`Cancelled while waiting for the Meet link; meeting ${id} was created all the same.`);
    if (signal.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * The event once its conference is no longer pending: Calendar may answer an insert before Meet has
 * made the conference, so the event is read again with doubling pauses, a bounded number of times,
 * reporting progress and stopping when the client cancels. It may still be pending at the end.
 */
export async function awaitConference(ctx: ToolContext, event: CalendarEvent): Promise<CalendarEvent> {
  const { attempts, firstDelayMs } = CONFERENCE_WAIT;
  let current = event;
  for (let attempt = 0; attempt < attempts && conferenceStatus(current) === 'pending'; attempt++) {
    await ctx.progress(attempt, attempts, 'Waiting for Google to create the Meet link');
    await pause(firstDelayMs * 2 ** attempt, ctx.signal, event.id);
    current = await getEvent(ctx, event.id);
  }
  return current;
}

/** What to tell the caller about a conference that is not ready, if anything. */
export function conferenceNote(status: ConferenceStatus, id: string): string | undefined {
  switch (status) {
    case 'pending':
      return (
        `The meeting was created, but Google had not finished creating its Meet link after ${CONFERENCE_WAIT.attempts} ` +
        `checks. Call get_meeting_details with meeting_id ${id} in a moment to get the link.`
      );
    case 'failed':
      return (
        'The meeting was created, but Google could not create a Meet conference for it (Meet may be ' +
        'turned off for this account); it has no join link.'
      );
    case 'none':
      return 'The meeting was created without a Meet conference; it has no join link.';
    default:
      return undefined;
  }
}
