import { randomUUID } from 'node:crypto';
import type { ToolContext } from '../../core/context.js';
import { type Query, UpstreamError } from '../../upstream/client.js';
import type { EventTime } from '../gcalendar/times.js';
import { googleApi, orNotFound, segment } from '../google-api.js';

/*
 * Google Meet meetings are Calendar API v3 events on the user's primary calendar that carry a Meet
 * conference (conferenceData). Creating one asks Calendar to create the conference too.
 */

export const CALENDAR = 'https://www.googleapis.com/auth/calendar';
export const EVENTS = 'https://www.googleapis.com/auth/calendar.events';
export const EVENTS_READONLY = 'https://www.googleapis.com/auth/calendar.events.readonly';

/** guMCP's meetings live on the signed-in user's main calendar. */
const CALENDAR_ID = 'primary';

/** A way into a conference: the Meet link (video), dial-in numbers (phone), SIP, or more options. */
export interface EntryPoint {
  entryPointType: 'video' | 'phone' | 'sip' | 'more';
  uri: string;
  label?: string;
  pin?: string;
  accessCode?: string;
  meetingCode?: string;
  passcode?: string;
  password?: string;
  regionCode?: string;
}

export interface ConferenceData {
  createRequest?: {
    requestId?: string;
    conferenceSolutionKey?: { type?: string };
    /** pending: still being created; success: entry points are there; failure: there will be none. */
    status?: { statusCode?: 'pending' | 'success' | 'failure' };
  };
  entryPoints?: EntryPoint[];
  conferenceSolution?: { key?: { type?: string }; name?: string; iconUri?: string };
  /** For Meet, the meeting code, e.g. abc-defg-hij. */
  conferenceId?: string;
  notes?: string;
}

export interface Attendee {
  email: string;
  displayName?: string;
  responseStatus?: string;
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
  organizer?: { email?: string; displayName?: string; self?: boolean };
  attendees?: Attendee[];
  hangoutLink?: string;
  conferenceData?: ConferenceData;
}

/** The writable event fields the tools set. */
export type EventBody = Partial<
  Pick<CalendarEvent, 'summary' | 'description' | 'start' | 'end' | 'attendees'>
>;

export type SendUpdates = 'all' | 'externalOnly' | 'none' | undefined;

/** The client for one call, named after the scope the call needs (quoted if Google says it is missing). */
const calendar = (ctx: ToolContext, scope: string) =>
  googleApi(ctx, {
    serverId: 'gmeet',
    service: 'Google Calendar',
    realBaseUrl: 'https://www.googleapis.com/calendar/v3',
    scope,
  });

const EVENTS_PATH = `calendars/${CALENDAR_ID}/events`;
const eventPath = (id: string) => `${EVENTS_PATH}/${segment(id)}`;

/**
 * An event id of our own choosing (Calendar accepts 5-1024 characters of base32hex, a-v and 0-9): a
 * retried insert then cannot create a second meeting, Calendar answers 409 for an id it already has.
 */
const newEventId = (): string => randomUUID().replace(/-/g, '');

export function getEvent(ctx: ToolContext, id: string): Promise<CalendarEvent> {
  return orNotFound(
    'Meeting',
    id,
    calendar(ctx, EVENTS_READONLY).get<CalendarEvent>(eventPath(id), undefined, ctx.signal),
  );
}

/**
 * events.insert with a new Meet conference (conferenceDataVersion=1 and a createRequest with a fresh
 * requestId). The event id is set here, so the insert is safe to retry: when an earlier attempt went
 * through, Calendar answers 409 and the event it made is read instead.
 */
export async function insertMeeting(
  ctx: ToolContext,
  body: EventBody,
  sendUpdates: SendUpdates,
): Promise<CalendarEvent> {
  const id = newEventId();
  const conferenceData = {
    createRequest: { requestId: randomUUID(), conferenceSolutionKey: { type: 'hangoutsMeet' } },
  };
  try {
    return await calendar(ctx, EVENTS).request<CalendarEvent>(
      EVENTS_PATH,
      {
        method: 'POST',
        query: { conferenceDataVersion: 1, sendUpdates },
        body: { id, ...body, conferenceData },
        idempotent: true,
      },
      ctx.signal,
    );
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 409) return getEvent(ctx, id);
    throw error;
  }
}

/**
 * events.patch: only the fields in `body` change. Without conferenceDataVersion, Calendar leaves the
 * conference as it is. Setting fields to given values is safe to repeat.
 */
export function patchEvent(
  ctx: ToolContext,
  id: string,
  body: EventBody,
  sendUpdates: SendUpdates,
): Promise<CalendarEvent> {
  return orNotFound(
    'Meeting',
    id,
    calendar(ctx, EVENTS).request<CalendarEvent>(
      eventPath(id),
      { method: 'PATCH', query: { sendUpdates }, body, idempotent: true },
      ctx.signal,
    ),
  );
}

/** events.delete. A 404 or 410 here means an earlier attempt already deleted it: done either way. */
export async function deleteEvent(ctx: ToolContext, id: string, sendUpdates: SendUpdates): Promise<void> {
  try {
    await calendar(ctx, EVENTS).request(
      eventPath(id),
      { method: 'DELETE', query: { sendUpdates } },
      ctx.signal,
    );
  } catch (error) {
    if (error instanceof UpstreamError && (error.status === 404 || error.status === 410)) return;
    throw error;
  }
}

/** One page of events.list on the primary calendar; `query` holds its filters. */
export async function listEventsPage(
  ctx: ToolContext,
  query: Query,
  pageToken: string | undefined,
  pageSize: number,
): Promise<{ items: CalendarEvent[]; nextPageToken?: string }> {
  const page = await calendar(ctx, EVENTS_READONLY).get<{ items?: CalendarEvent[]; nextPageToken?: string }>(
    EVENTS_PATH,
    { ...query, maxResults: pageSize, pageToken },
    ctx.signal,
  );
  return { items: page?.items ?? [], ...(page?.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
}
