import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type ApiFactory, calendlyId, PAGE_SIZE } from './api.js';
import { toEvent, toEventType, toInvitee } from './shapes.js';
import { SCOPE } from './tools.js';

const DAY_MS = 86_400_000;
/** Scheduled events listed as resources: active ones starting within 30 days either side of now (guMCP's window). */
const RESOURCE_RANGE_DAYS = 30;

const eventTypeUri = (id: string) => `calendly://event_type/${encodeURIComponent(id)}`;
const eventUri = (id: string) => `calendly://event/${encodeURIComponent(id)}`;

function idFrom(value: string | undefined, what: string): string {
  try {
    return calendlyId(decodeURIComponent(value ?? ''), what);
  } catch {
    throw new ToolError(`Invalid ${what} id in the resource URI: ${value}`);
  }
}

/**
 * guMCP's URIs: calendly://event_type/{id} for the user's event types and calendly://event/{id} for
 * the active events of the 30 days either side of now, 100 a page, Calendly's page_token being the
 * cursor. Reading an event type gives it whole; reading an event gives it with its invitees.
 */
export function calendlyResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'calendly://event_type/{event_type_id}',
      name: 'event_types',
      title: 'Calendly event types',
      description: 'A meeting template of the signed-in user',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const api = connect(ctx, SCOPE);
        const user = await api.me();
        const page = await api.eventTypesPage(user.uri, undefined, PAGE_SIZE, cursor);
        const resources = (page.collection ?? []).map((e) => {
          const t = toEventType(e);
          return {
            uri: eventTypeUri(t.id),
            name: `Event type: ${t.name ?? 'Unnamed'} (${t.duration_minutes} min)`,
            ...(t.description ? { description: t.description } : {}),
            mimeType: JSON_MIME,
          };
        });
        const next = page.pagination?.next_page_token;
        return { resources, ...(next && next !== cursor ? { nextCursor: next } : {}) };
      },
      async read(uri, vars, ctx) {
        const id = idFrom(vars.event_type_id, 'event type');
        const eventType = await connect(ctx, SCOPE).eventType(id);
        return jsonContents(uri, { ...toEventType(eventType), resource: eventType });
      },
    },
    {
      uriTemplate: 'calendly://event/{event_id}',
      name: 'scheduled_events',
      title: 'Calendly scheduled events',
      description: `An active meeting of the signed-in user within ${RESOURCE_RANGE_DAYS} days of today`,
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const api = connect(ctx, SCOPE);
        const user = await api.me();
        const now = Date.now();
        const filters = {
          user: user.uri,
          status: 'active',
          min_start_time: new Date(now - RESOURCE_RANGE_DAYS * DAY_MS).toISOString(),
          max_start_time: new Date(now + RESOURCE_RANGE_DAYS * DAY_MS).toISOString(),
          sort: 'start_time:asc',
        };
        const page = await api.scheduledEventsPage(filters, PAGE_SIZE, cursor);
        const resources = (page.collection ?? []).map((e) => {
          const ev = toEvent(e);
          return {
            uri: eventUri(ev.id),
            name: `Meeting: ${ev.name ?? 'Unnamed'} (${ev.start_time.slice(0, 16).replace('T', ' ')} UTC)`,
            mimeType: JSON_MIME,
          };
        });
        const next = page.pagination?.next_page_token;
        return { resources, ...(next && next !== cursor ? { nextCursor: next } : {}) };
      },
      async read(uri, vars, ctx) {
        const id = idFrom(vars.event_id, 'scheduled event');
        const api = connect(ctx, SCOPE);
        const [event, invitees] = await Promise.all([api.scheduledEvent(id), api.invitees(id, PAGE_SIZE)]);
        return jsonContents(uri, {
          ...toEvent(event),
          invitees: (invitees.collection ?? []).map(toInvitee),
          more_invitees: !!invitees.pagination?.next_page_token,
        });
      },
    },
  ];
}
