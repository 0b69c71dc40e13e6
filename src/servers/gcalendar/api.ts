import type { ToolContext } from '../../core/context.js';
import type { Query } from '../../upstream/client.js';
import { collectPages, googleApi, orNotFound, segment } from '../google-api.js';
import type { EventTime } from './times.js';

/** The one scope the server asks for: read and write the user's calendars and events. */
export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar';

/** Shapes of the Calendar API v3 resources this server reads and writes. */
export interface Attendee {
  email: string;
  displayName?: string;
  responseStatus?: 'needsAction' | 'declined' | 'tentative' | 'accepted';
  comment?: string;
  optional?: boolean;
  organizer?: boolean;
  self?: boolean;
}

export interface CalendarEvent {
  id: string;
  status?: string;
  htmlLink?: string;
  summary?: string;
  description?: string;
  location?: string;
  start?: EventTime;
  end?: EventTime;
  attendees?: Attendee[];
  recurrence?: string[];
  reminders?: { useDefault?: boolean; overrides?: { method: string; minutes: number }[] };
  transparency?: string;
  visibility?: string;
  colorId?: string;
}

/** The writable fields of an event, as events.insert and events.patch take them. */
export type EventBody = Partial<Omit<CalendarEvent, 'id' | 'status' | 'htmlLink'>>;

export interface CalendarListEntry {
  id: string;
  summary: string;
  description?: string;
  timeZone?: string;
  primary?: boolean;
  accessRole?: string;
}

export interface Calendar {
  id: string;
  summary: string;
  description?: string;
  timeZone?: string;
}

export interface FreeBusyRequest {
  timeMin: string;
  timeMax: string;
  timeZone?: string;
  groupExpansionMax?: number;
  items: { id: string }[];
}

export interface FreeBusyResponse {
  kind?: string;
  timeMin: string;
  timeMax: string;
  calendars?: Record<
    string,
    { busy?: { start: string; end: string }[]; errors?: { domain?: string; reason?: string }[] }
  >;
  groups?: Record<string, { calendars?: string[]; errors?: { domain?: string; reason?: string }[] }>;
}

/** Who Google e-mails about a change: sendUpdates, and the deprecated sendNotifications it replaced. */
export interface Notify {
  sendUpdates?: 'all' | 'externalOnly' | 'none' | undefined;
  sendNotifications?: boolean | undefined;
}

const client = (ctx: ToolContext) =>
  googleApi(ctx, {
    serverId: 'gcalendar',
    service: 'Google Calendar',
    realBaseUrl: 'https://www.googleapis.com/calendar/v3',
    scope: CALENDAR_SCOPE,
  });

const events = (calendarId: string) => `calendars/${segment(calendarId)}/events`;
const event = (calendarId: string, eventId: string) => `${events(calendarId)}/${segment(eventId)}`;
const eventRef = (calendarId: string, eventId: string) => `${eventId} (calendar ${calendarId})`;
const notifyQuery = (n: Notify): Query => ({
  sendUpdates: n.sendUpdates,
  sendNotifications: n.sendNotifications,
});

/** Calendar's largest page for events.list. */
const MAX_PAGE = 2500;

/** Events of a calendar matching `query` (events.list parameters), up to `limit`, following pages. */
export function listEvents(
  ctx: ToolContext,
  calendarId: string,
  query: Query,
  limit: number,
): Promise<{ items: CalendarEvent[]; more: boolean }> {
  return orNotFound(
    'Calendar',
    calendarId,
    collectPages(limit, MAX_PAGE, async (pageToken, wanted) => {
      const page = await client(ctx).get<{ items?: CalendarEvent[]; nextPageToken?: string }>(
        events(calendarId),
        { ...query, maxResults: wanted, pageToken },
        ctx.signal,
      );
      return { items: page.items ?? [], nextPageToken: page.nextPageToken };
    }),
  );
}

export function getEvent(ctx: ToolContext, calendarId: string, eventId: string): Promise<CalendarEvent> {
  return orNotFound(
    'Event',
    eventRef(calendarId, eventId),
    client(ctx).get<CalendarEvent>(event(calendarId, eventId), undefined, ctx.signal),
  );
}

export function insertEvent(
  ctx: ToolContext,
  calendarId: string,
  body: EventBody,
  notify: Notify,
): Promise<CalendarEvent> {
  return orNotFound(
    'Calendar',
    calendarId,
    client(ctx).request<CalendarEvent>(
      events(calendarId),
      { method: 'POST', query: notifyQuery(notify), body },
      ctx.signal,
    ),
  );
}

/** Changes only the fields in `body` (events.patch); arrays such as attendees are replaced whole. */
export function patchEvent(
  ctx: ToolContext,
  calendarId: string,
  eventId: string,
  body: EventBody,
  notify: Notify,
): Promise<CalendarEvent> {
  return orNotFound(
    'Event',
    eventRef(calendarId, eventId),
    client(ctx).request<CalendarEvent>(
      event(calendarId, eventId),
      { method: 'PATCH', query: notifyQuery(notify), body, idempotent: true },
      ctx.signal,
    ),
  );
}

export async function deleteEvent(
  ctx: ToolContext,
  calendarId: string,
  eventId: string,
  notify: Notify,
): Promise<void> {
  await orNotFound(
    'Event',
    eventRef(calendarId, eventId),
    client(ctx).request(
      event(calendarId, eventId),
      { method: 'DELETE', query: notifyQuery(notify) },
      ctx.signal,
    ),
  );
}

export function freeBusy(ctx: ToolContext, body: FreeBusyRequest): Promise<FreeBusyResponse> {
  // A query sent as POST: repeating it is harmless.
  return client(ctx).request<FreeBusyResponse>(
    'freeBusy',
    { method: 'POST', body, idempotent: true },
    ctx.signal,
  );
}

/** One page of the user's calendar list (calendarList.list). */
export async function listCalendars(
  ctx: ToolContext,
  pageToken: string | undefined,
  pageSize: number,
): Promise<{ items: CalendarListEntry[]; nextPageToken?: string }> {
  const page = await client(ctx).get<{ items?: CalendarListEntry[]; nextPageToken?: string }>(
    'users/me/calendarList',
    { maxResults: pageSize, pageToken },
    ctx.signal,
  );
  return { items: page.items ?? [], ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
}

export function getCalendar(ctx: ToolContext, calendarId: string): Promise<Calendar> {
  return orNotFound(
    'Calendar',
    calendarId,
    client(ctx).get<Calendar>(`calendars/${segment(calendarId)}`, undefined, ctx.signal),
  );
}
