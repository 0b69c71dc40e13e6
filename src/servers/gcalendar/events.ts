import type { Attendee, CalendarEvent, EventBody } from './api.js';
import { eventTime, parseWhen } from './times.js';

/**
 * Events between tool arguments and Google's Event resource: the fields create_event and
 * update_event write, and the summary every event-returning tool shows.
 */

/** The event fields create_event and update_event accept, named as guMCP names them. */
export interface EventArgs {
  summary?: string | undefined;
  start_datetime?: string | undefined;
  end_datetime?: string | undefined;
  description?: string | undefined;
  location?: string | undefined;
  attendees?: string[] | undefined;
  time_zone?: string | undefined;
  recurrence?: string[] | undefined;
  reminders?:
    | { use_default?: boolean | undefined; overrides?: { method: string; minutes: number }[] }
    | undefined;
  transparency?: string | undefined;
  visibility?: string | undefined;
  color_id?: string | undefined;
}

/** Wall-clock times without a zone are read in UTC, as guMCP does. */
export const DEFAULT_ZONE = 'UTC';

/** The Event fields set by `args`; fields left out stay undefined, so JSON and events.patch skip them. */
export function eventBody(args: EventArgs): EventBody {
  const zone = args.time_zone ?? DEFAULT_ZONE;
  const when = (field: 'start_datetime' | 'end_datetime') => {
    const value = args[field];
    return value === undefined ? undefined : eventTime(parseWhen(field, value), zone);
  };
  const { reminders } = args;
  return {
    summary: args.summary,
    description: args.description,
    location: args.location,
    start: when('start_datetime'),
    end: when('end_datetime'),
    attendees: args.attendees?.map((email) => ({ email })),
    recurrence: args.recurrence,
    // Google rejects overrides unless useDefault is false, so overrides imply it.
    reminders: reminders && {
      useDefault: reminders.use_default ?? (reminders.overrides ? false : undefined),
      overrides: reminders.overrides,
    },
    transparency: args.transparency,
    visibility: args.visibility,
    colorId: args.color_id,
  };
}

/** Whether a body built by `eventBody` changes anything. */
export const changesSomething = (body: EventBody): boolean =>
  Object.values(body).some((v) => v !== undefined);

export interface EventSummary {
  id: string;
  summary: string;
  start: string;
  end: string;
  status?: string | undefined;
  location?: string | undefined;
  description?: string | undefined;
  htmlLink?: string | undefined;
  attendees: Pick<Attendee, 'email' | 'responseStatus' | 'comment'>[];
}

/** `value` without its undefined fields, so answers carry no empty keys whatever the transport. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** An event as tools return it: times as Google gives them (RFC 3339, or a date for all-day events). */
export function summarize(event: CalendarEvent): EventSummary {
  return compact({
    id: event.id,
    summary: event.summary ?? '(no title)',
    start: event.start?.dateTime ?? event.start?.date ?? '',
    end: event.end?.dateTime ?? event.end?.date ?? '',
    status: event.status,
    location: event.location,
    description: event.description,
    htmlLink: event.htmlLink,
    attendees: (event.attendees ?? []).map(({ email, responseStatus, comment }) =>
      compact({ email, responseStatus, comment }),
    ),
  });
}

/** The attendee list with one attendee's answer set, adding the attendee when absent. */
export function withResponse(
  attendees: readonly Attendee[],
  email: string,
  responseStatus: NonNullable<Attendee['responseStatus']>,
  comment: string | undefined,
): Attendee[] {
  const match = (a: Attendee) => a.email.toLowerCase() === email.toLowerCase();
  const answer = { responseStatus, ...(comment !== undefined ? { comment } : {}) };
  return attendees.some(match)
    ? attendees.map((a) => (match(a) ? { ...a, ...answer } : a))
    : [...attendees, { email, ...answer }];
}
