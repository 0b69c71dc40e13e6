import type { TestContext } from 'node:test';
import type { FakeReply, FakeService } from '../../../testing/fake-service.js';
import { GOOGLE_ERRORS, googleError, startGoogleFake } from '../../gmail/test/google-fake.js';
import type { CalendarEvent, ConferenceData } from '../api.js';

/**
 * A fake of the Calendar API v3 events of the primary calendar, answering with the shapes of its
 * reference (developers.google.com/workspace/calendar/api/v3/reference/events) and errors guide:
 * insert (with conferenceDataVersion=1 a Meet conference is created, at once or after some reads,
 * or never), get, patch, delete (410 once deleted), list with pages. Filters are not applied: tests
 * assert what was sent.
 */

export const API = '/calendar/v3';
export const EVENTS = `${API}/calendars/primary/events`;

export const MEET_CODE = 'abc-defg-hij';
export const MEET_URL = `https://meet.google.com/${MEET_CODE}`;

/** A Meet conference as Calendar returns it once created. */
export function readyConference(requestId = 'req-1'): ConferenceData {
  return {
    createRequest: {
      requestId,
      conferenceSolutionKey: { type: 'hangoutsMeet' },
      status: { statusCode: 'success' },
    },
    entryPoints: [
      { entryPointType: 'video', uri: MEET_URL, label: `meet.google.com/${MEET_CODE}` },
      { entryPointType: 'more', uri: `https://tel.meet/${MEET_CODE}?pin=1234567890`, pin: '1234567890' },
      {
        entryPointType: 'phone',
        uri: 'tel:+1-650-555-0100',
        label: '+1 650-555-0100',
        pin: '123456789',
        regionCode: 'US',
      },
    ],
    conferenceSolution: {
      key: { type: 'hangoutsMeet' },
      name: 'Google Meet',
      iconUri:
        'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png',
    },
    conferenceId: MEET_CODE,
  };
}

/** An Event resource as Google returns it, with the bookkeeping fields a real answer carries. */
export function calendarEvent(
  e: Partial<CalendarEvent> & { id: string },
): CalendarEvent & Record<string, unknown> {
  return {
    kind: 'calendar#event',
    etag: '"3494522604616062"',
    status: 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=${e.id}`,
    created: '2025-05-14T22:21:21.000Z',
    updated: '2025-05-14T22:21:42.308Z',
    creator: { email: 'me@example.com', self: true },
    organizer: { email: 'me@example.com', self: true },
    start: { dateTime: '2025-05-15T10:00:00Z', timeZone: 'UTC' },
    end: { dateTime: '2025-05-15T11:00:00Z', timeZone: 'UTC' },
    iCalUID: `${e.id}@google.com`,
    sequence: 0,
    reminders: { useDefault: true },
    eventType: 'default',
    ...e,
  };
}

/** A meeting with its Meet conference ready. */
export const meetEvent = (e: Partial<CalendarEvent> & { id: string }) =>
  calendarEvent({ hangoutLink: MEET_URL, conferenceData: readyConference(), ...e });

export interface FakeMeetOptions {
  events?: CalendarEvent[];
  /**
   * How many reads after the insert still see a new meeting's conference pending (0: the insert
   * answers with it ready; Infinity: it never comes), or 'failure' when Meet cannot create it.
   */
  conference?: number | 'failure';
  /** Largest page events.list answers, to make tests cross pages. */
  pageSize?: number;
  /** The first insert creates the event but its answer is lost (503), as when a connection drops. */
  loseFirstInsertAnswer?: boolean;
}

export interface FakeMeet extends FakeService {
  events: Map<string, CalendarEvent>;
}

const notFound = (): FakeReply => ({ status: 404, body: GOOGLE_ERRORS.notFound });
const gone = (): FakeReply => ({
  status: 410,
  body: googleError(410, 'Resource has been deleted', 'deleted'),
});

/** Starts the fake and points the gmeet server at it for the duration of the test. */
export async function fakeMeet(t: TestContext, options: FakeMeetOptions = {}): Promise<FakeMeet> {
  const fake = await startGoogleFake(t, 'gmeet', API);
  const events = new Map((options.events ?? []).map((e) => [e.id, structuredClone(e)]));
  const deleted = new Set<string>();
  /** Reads left before a pending conference becomes ready, by event id. */
  const pendingReads = new Map<string, number>();
  const idOf = (path: string) => path.slice(EVENTS.length + 1);

  const becomeReady = (event: CalendarEvent, requestId?: string) => {
    event.conferenceData = readyConference(requestId ?? event.conferenceData?.createRequest?.requestId);
    event.hangoutLink = MEET_URL;
  };

  fake.route(`POST ${EVENTS}`, (req) => {
    const body = req.body as CalendarEvent & { conferenceData?: ConferenceData };
    const id = body.id ?? 'evt-new';
    if (events.has(id) || deleted.has(id)) {
      return { status: 409, body: googleError(409, 'The requested identifier already exists.', 'duplicate') };
    }
    const { conferenceData, ...fields } = body;
    const event = calendarEvent({ ...fields, id });
    // Calendar ignores conferenceData unless the client says it supports version 1.
    const request =
      req.query.get('conferenceDataVersion') === '1' ? conferenceData?.createRequest : undefined;
    const mode = options.conference ?? 0;
    if (request && mode === 0) becomeReady(event, request.requestId);
    else if (request) {
      const statusCode = mode === 'failure' ? 'failure' : 'pending';
      event.conferenceData = { createRequest: { ...request, status: { statusCode } } };
      if (mode !== 'failure') pendingReads.set(id, mode);
    }
    events.set(id, event);
    if (options.loseFirstInsertAnswer && events.size === 1) {
      return { status: 503, body: GOOGLE_ERRORS.backendError };
    }
    return { body: event };
  });

  fake.route(`GET ${EVENTS}/*`, (req) => {
    const id = idOf(req.path);
    const event = events.get(id);
    if (!event) return deleted.has(id) ? gone() : notFound();
    const left = pendingReads.get(id);
    if (left === 0) {
      pendingReads.delete(id);
      becomeReady(event);
    } else if (left !== undefined) pendingReads.set(id, left - 1);
    return { body: event };
  });

  fake.route(`PATCH ${EVENTS}/*`, (req) => {
    const event = events.get(idOf(req.path));
    if (!event) return notFound();
    Object.assign(event, req.body as Partial<CalendarEvent>, { sequence: 1 });
    return { body: event };
  });

  fake.route(`DELETE ${EVENTS}/*`, (req) => {
    const id = idOf(req.path);
    if (!events.delete(id)) return deleted.has(id) ? gone() : notFound();
    deleted.add(id);
    return { status: 204, body: '' };
  });

  fake.route(`GET ${EVENTS}`, (req) => {
    const all = [...events.values()];
    const size = Math.min(Number(req.query.get('maxResults') ?? 250), options.pageSize ?? 2500);
    const start = Number(req.query.get('pageToken')?.replace('tok-', '') ?? 0);
    const next = start + size < all.length ? { nextPageToken: `tok-${start + size}` } : {};
    return {
      body: {
        kind: 'calendar#events',
        etag: '"p1"',
        summary: 'me@example.com',
        updated: '2025-05-14T22:21:42.308Z',
        timeZone: 'UTC',
        accessRole: 'owner',
        defaultReminders: [{ method: 'popup', minutes: 10 }],
        ...next,
        items: all.slice(start, start + size),
      },
    };
  });

  return Object.assign(fake, { events });
}
