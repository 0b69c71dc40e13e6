import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { fromUri } from '../google-api.js';
import { getCalendar, listCalendars, listEvents } from './api.js';
import { summarize } from './events.js';

/** Calendars per resources/list page, passed to calendarList.list as maxResults. */
export const CALENDAR_PAGE_SIZE = 100;
/** Upcoming events shown when a calendar is read. */
export const UPCOMING_EVENTS = 10;

/** Calendar ids hold `@` (kept, as guMCP's URIs have it) and sometimes `#` or `/` (escaped). */
const calendarUri = (id: string): string =>
  `gcalendar://calendar/${encodeURIComponent(id).replace(/%40/g, '@')}`;

/** gcalendar://calendar/{calendar_id}: each calendar in the user's list; reading one shows what comes next. */
export const calendarResource: ResourceTemplateDef = {
  uriTemplate: 'gcalendar://calendar/{calendar_id}',
  name: 'calendar',
  title: 'Google Calendar',
  description: 'A calendar in the user’s calendar list, with its next events',
  mimeType: JSON_MIME,

  async list(ctx, cursor) {
    const page = await listCalendars(ctx, cursor, CALENDAR_PAGE_SIZE);
    return {
      resources: page.items.map((c) => ({
        uri: calendarUri(c.id),
        name: c.summary,
        ...(c.description ? { description: c.description } : {}),
        mimeType: JSON_MIME,
      })),
      ...(page.nextPageToken ? { nextCursor: page.nextPageToken } : {}),
    };
  },

  async read(uri, vars, ctx) {
    const id = fromUri(vars.calendar_id, 'calendar id');
    const calendar = await getCalendar(ctx, id);
    const upcoming = await listEvents(
      ctx,
      id,
      { timeMin: new Date().toISOString(), singleEvents: true, orderBy: 'startTime' },
      UPCOMING_EVENTS,
    );
    const content = {
      calendar: {
        id: calendar.id,
        summary: calendar.summary,
        description: calendar.description,
        timeZone: calendar.timeZone,
      },
      upcoming: upcoming.items.map(summarize),
    };
    return jsonContents(uri, content);
  },
};
