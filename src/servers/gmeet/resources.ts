import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { fromUri } from '../google-api.js';
import { getEvent, listEventsPage } from './api.js';
import { conferenceStatus, meeting } from './meetings.js';

/** Events read per resources/list page; only those with a Meet conference are listed. */
export const EVENT_PAGE_SIZE = 50;

/**
 * A listing cursor: Calendar's page token and the time the listing started from, which must stay the
 * same across pages (a later "now" would be a different query).
 */
interface Cursor {
  from: string;
  token: string;
}

const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(value: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString()) as Partial<Cursor>;
    if (typeof c.from === 'string' && typeof c.token === 'string') return { from: c.from, token: c.token };
  } catch {
    // fall through to the error below
  }
  throw new ToolError('Invalid cursor: pass back the nextCursor of the previous resources/list answer.');
}

const meetingUri = (id: string): string => `gmeet://meeting/${encodeURIComponent(id)}`;

/** gmeet://meeting/{meeting_id}: upcoming meetings with a Meet link; reading one gives its details. */
export const meetings: ResourceTemplateDef = {
  uriTemplate: 'gmeet://meeting/{meeting_id}',
  name: 'meeting',
  title: 'Google Meet meetings',
  description: 'Upcoming meetings of the primary calendar that have a Google Meet conference, soonest first',
  mimeType: JSON_MIME,

  async list(ctx, cursor) {
    const { from, token } = cursor
      ? decodeCursor(cursor)
      : { from: new Date().toISOString(), token: undefined };
    const page = await listEventsPage(
      ctx,
      { timeMin: from, singleEvents: true, orderBy: 'startTime' },
      token,
      EVENT_PAGE_SIZE,
    );
    return {
      resources: page.items
        .filter((e) => conferenceStatus(e) !== 'none')
        .map((e) => ({
          uri: meetingUri(e.id),
          name: e.summary ?? '(no title)',
          description: `${e.start?.dateTime ?? e.start?.date ?? ''} on Google Meet`,
          mimeType: JSON_MIME,
        })),
      ...(page.nextPageToken ? { nextCursor: encodeCursor({ from, token: page.nextPageToken }) } : {}),
    };
  },

  async read(uri, vars, ctx) {
    return jsonContents(uri, meeting(await getEvent(ctx, fromUri(vars.meeting_id, 'meeting id'))));
  },
};
