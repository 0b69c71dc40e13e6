import { z } from 'zod';
import type {
  AvailableTime,
  CalendlyEvent,
  CalendlyEventType,
  CalendlyInvitee,
  CalendlyLocation,
} from './api.js';
import { idOf } from './api.js';

/** What the tools return, trimmed to what a reader needs; ids are the last part of Calendly's URIs. */

export const eventTypeSchema = z.object({
  id: z.string().describe('Event type id (for get_availability and create_scheduling_link)'),
  uri: z.string(),
  name: z.string().nullable(),
  active: z.boolean(),
  duration_minutes: z.number(),
  scheduling_url: z.string(),
  kind: z.string().nullable(),
  type: z.string().nullable(),
  secret: z.boolean().nullable(),
  description: z.string().nullable(),
});

export function toEventType(e: CalendlyEventType): z.infer<typeof eventTypeSchema> {
  return {
    id: idOf(e.uri),
    uri: e.uri,
    name: e.name ?? null,
    active: e.active,
    duration_minutes: e.duration,
    scheduling_url: e.scheduling_url,
    kind: e.kind ?? null,
    type: e.type ?? null,
    secret: e.secret ?? null,
    description: e.description_plain ?? null,
  };
}

const locationSchema = z
  .object({ type: z.string().nullable(), location: z.string().nullable(), join_url: z.string().nullable() })
  .nullable();

function toLocation(l: CalendlyLocation | null | undefined): z.infer<typeof locationSchema> {
  if (!l) return null;
  return { type: l.type ?? null, location: l.location ?? null, join_url: l.join_url ?? null };
}

export const eventSchema = z.object({
  id: z.string().describe('Scheduled event id (for cancel_event)'),
  uri: z.string(),
  name: z.string().nullable(),
  status: z.string(),
  start_time: z.string(),
  end_time: z.string(),
  event_type_id: z.string(),
  location: locationSchema,
  invitees: z.object({ total: z.number(), active: z.number(), limit: z.number() }).nullable(),
  cancellation: z
    .object({ canceled_by: z.string(), reason: z.string().nullable(), canceler_type: z.string() })
    .nullable(),
});

export function toEvent(e: CalendlyEvent): z.infer<typeof eventSchema> {
  return {
    id: idOf(e.uri),
    uri: e.uri,
    name: e.name ?? null,
    status: e.status,
    start_time: e.start_time,
    end_time: e.end_time,
    event_type_id: idOf(e.event_type),
    location: toLocation(e.location),
    invitees: e.invitees_counter ?? null,
    cancellation: e.cancellation ?? null,
  };
}

export const slotSchema = z.object({
  start_time: z.string(),
  invitees_remaining: z.number(),
  scheduling_url: z.string().describe('Opens the booking page at this time'),
});

export const toSlot = (s: AvailableTime): z.infer<typeof slotSchema> => ({
  start_time: s.start_time,
  invitees_remaining: s.invitees_remaining,
  scheduling_url: s.scheduling_url,
});

export function toInvitee(i: CalendlyInvitee): Record<string, unknown> {
  return {
    id: idOf(i.uri),
    name: i.name,
    email: i.email,
    status: i.status,
    timezone: i.timezone ?? null,
    cancel_url: i.cancel_url ?? null,
    reschedule_url: i.reschedule_url ?? null,
  };
}
