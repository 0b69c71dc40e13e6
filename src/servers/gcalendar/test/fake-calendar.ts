import type { TestContext } from 'node:test';
import type { FakeReply, FakeService } from '../../../testing/fake-service.js';
import { GOOGLE_ERRORS, startGoogleFake } from '../../gmail/test/google-fake.js';
import type { CalendarEvent, CalendarListEntry } from '../api.js';

/**
 * A fake Google Calendar API v3 answering with the shapes of its reference
 * (developers.google.com/workspace/calendar/api/v3/reference): events list/get/insert/patch/delete,
 * calendars.get, calendarList.list and freeBusy.query. Filters (timeMin, q, ...) are not applied:
 * tests assert what was sent.
 */

export const API = '/calendar/v3';

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
    iCalUID: `${e.id}@google.com`,
    sequence: 0,
    reminders: { useDefault: true },
    eventType: 'default',
    start: { dateTime: '2025-05-15T10:00:00Z', timeZone: 'UTC' },
    end: { dateTime: '2025-05-15T11:00:00Z', timeZone: 'UTC' },
    ...e,
  };
}

export function calendarEntry(
  c: Partial<CalendarListEntry> & { id: string },
): CalendarListEntry & Record<string, unknown> {
  return {
    kind: 'calendar#calendarListEntry',
    etag: '"1715700000000"',
    summary: c.id,
    timeZone: 'Europe/Paris',
    accessRole: 'owner',
    selected: true,
    defaultReminders: [],
    ...c,
  };
}

export interface FakeCalendarOptions {
  /** Events by calendar id. */
  events?: Record<string, CalendarEvent[]>;
  calendars?: CalendarListEntry[];
  /** Largest page events.list and calendarList.list answer, to make tests cross pages. */
  pageSize?: number;
}

const notFound = (): FakeReply => ({ status: 404, body: GOOGLE_ERRORS.notFound });

/** Pages of `items` cut at offsets, with Google's opaque-looking tokens. */
function page<T>(
  items: readonly T[],
  size: number,
  token: string | null,
): { items: T[]; nextPageToken?: string } {
  const start = Number(token?.replace('tok-', '') ?? 0);
  const next = start + size < items.length ? { nextPageToken: `tok-${start + size}` } : {};
  return { items: items.slice(start, start + size), ...next };
}

/** Starts the fake and points the gcalendar server at it for the duration of the test. */
export async function fakeCalendar(t: TestContext, options: FakeCalendarOptions = {}): Promise<FakeService> {
  const fake = await startGoogleFake(t, 'gcalendar', API);
  const events = new Map(Object.entries(options.events ?? {}).map(([cal, list]) => [cal, [...list]]));
  const calendars = options.calendars ?? [];
  const find = (cal: string, id: string) => events.get(cal)?.find((e) => e.id === id);

  /** `calendars/{cal}[/events[/{id}]]` split into its parts (ids arrive decoded). */
  const parts = (path: string) => {
    const [cal = '', sub, id] = path.slice(`${API}/calendars/`.length).split('/');
    return { cal, sub, id };
  };

  fake.route(`GET ${API}/calendars/*`, (req) => {
    const { cal, sub, id } = parts(req.path);
    if (!events.has(cal)) return notFound();
    if (!sub)
      return {
        body: {
          kind: 'calendar#calendar',
          etag: '"x"',
          id: cal,
          summary: `Calendar ${cal}`,
          timeZone: 'UTC',
        },
      };
    if (!id) {
      const size = Math.min(Number(req.query.get('maxResults') ?? 250), options.pageSize ?? 2500);
      const { items, nextPageToken } = page(events.get(cal) ?? [], size, req.query.get('pageToken'));
      return {
        body: {
          kind: 'calendar#events',
          etag: '"p1"',
          summary: `Calendar ${cal}`,
          updated: '2025-05-14T22:21:42.308Z',
          timeZone: 'UTC',
          accessRole: 'owner',
          defaultReminders: [{ method: 'popup', minutes: 10 }],
          ...(nextPageToken ? { nextPageToken } : {}),
          items,
        },
      };
    }
    const found = find(cal, id);
    return found ? { body: found } : notFound();
  });

  fake.route(`POST ${API}/calendars/*`, (req) => {
    const { cal } = parts(req.path);
    if (!events.has(cal)) return notFound();
    const created = calendarEvent({ id: 'evt-new', ...(req.body as Partial<CalendarEvent>) });
    events.get(cal)?.push(created);
    return { body: created };
  });

  fake.route(`PATCH ${API}/calendars/*`, (req) => {
    const { cal, id = '' } = parts(req.path);
    const found = find(cal, id);
    if (!found) return notFound();
    Object.assign(found, req.body as Partial<CalendarEvent>, { sequence: 1 });
    return { body: found };
  });

  fake.route(`DELETE ${API}/calendars/*`, (req) => {
    const { cal, id = '' } = parts(req.path);
    const list = events.get(cal);
    const index = list?.findIndex((e) => e.id === id) ?? -1;
    if (index < 0) return notFound();
    list?.splice(index, 1);
    return { status: 204, body: '' };
  });

  fake.route(`GET ${API}/users/me/calendarList`, (req) => {
    const size = Math.min(Number(req.query.get('maxResults') ?? 100), options.pageSize ?? 250);
    const { items, nextPageToken } = page(calendars, size, req.query.get('pageToken'));
    return {
      body: {
        kind: 'calendar#calendarList',
        etag: '"l1"',
        ...(nextPageToken ? { nextPageToken } : {}),
        items,
      },
    };
  });

  return fake;
}
