import { z } from 'zod';
import type { CalBooking, CalEventType, CalMe, CalPerson, CalSchedule } from './api.js';

/** What the tools return: Cal.com's own field names (as guMCP's parameters use), trimmed. */

const personSchema = z.object({
  name: z.string(),
  email: z.string(),
  timeZone: z.string().nullable(),
  absent: z.boolean().nullable(),
});

const toPerson = (p: CalPerson): z.infer<typeof personSchema> => ({
  name: p.name,
  email: p.email,
  timeZone: p.timeZone ?? null,
  absent: p.absent ?? null,
});

export const bookingSchema = z.object({
  id: z.number(),
  uid: z.string().describe('Booking uid, for the other booking tools'),
  title: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  start: z.string(),
  end: z.string(),
  duration: z.number(),
  eventTypeId: z.number().nullable(),
  eventTypeSlug: z.string().nullable(),
  location: z.string().nullable(),
  hosts: z.array(personSchema),
  attendees: z.array(personSchema),
  guests: z.array(z.string()),
  cancellationReason: z.string().nullable(),
  reschedulingReason: z.string().nullable(),
  rescheduledFromUid: z.string().nullable(),
  rescheduledToUid: z.string().nullable(),
  recurringBookingUid: z.string().nullable(),
  createdAt: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  bookingFieldsResponses: z.record(z.string(), z.unknown()).nullable(),
});

export function toBooking(b: CalBooking): z.infer<typeof bookingSchema> {
  return {
    id: b.id,
    uid: b.uid,
    title: b.title,
    description: b.description ?? null,
    status: b.status,
    start: b.start,
    end: b.end,
    duration: b.duration,
    eventTypeId: b.eventType?.id ?? b.eventTypeId ?? null,
    eventTypeSlug: b.eventType?.slug ?? null,
    location: b.location ?? b.meetingUrl ?? null,
    hosts: (b.hosts ?? []).map(toPerson),
    attendees: (b.attendees ?? []).map(toPerson),
    guests: b.guests ?? [],
    cancellationReason: b.cancellationReason ?? null,
    reschedulingReason: b.reschedulingReason ?? null,
    rescheduledFromUid: b.rescheduledFromUid ?? null,
    rescheduledToUid: b.rescheduledToUid ?? null,
    recurringBookingUid: b.recurringBookingUid ?? null,
    createdAt: b.createdAt ?? null,
    metadata: b.metadata ?? null,
    bookingFieldsResponses: b.bookingFieldsResponses ?? null,
  };
}

/** A booking tool's answer: Cal.com gives one booking, or every occurrence of a recurring one. */
export const bookingsOutput = z.object({ count: z.number().int(), bookings: z.array(bookingSchema) });

export const bookingsResult = (bookings: CalBooking[]): z.infer<typeof bookingsOutput> => ({
  count: bookings.length,
  bookings: bookings.map(toBooking),
});

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  timeZone: z.string(),
  timeFormat: z.number(),
  weekStart: z.string(),
  defaultScheduleId: z.number().nullable(),
  locale: z.string().nullable(),
  organizationId: z.number().nullable(),
});

export const toMe = (m: CalMe): z.infer<typeof meSchema> => ({
  id: m.id,
  username: m.username,
  email: m.email,
  name: m.name ?? null,
  timeZone: m.timeZone,
  timeFormat: m.timeFormat,
  weekStart: m.weekStart,
  defaultScheduleId: m.defaultScheduleId ?? null,
  locale: m.locale ?? null,
  organizationId: m.organizationId ?? null,
});

export const eventTypeSchema = z.object({
  id: z.number().describe('Event type id, for create_booking and get_bookings'),
  title: z.string(),
  slug: z.string(),
  lengthInMinutes: z.number(),
  description: z.string().nullable(),
  hidden: z.boolean().nullable(),
  bookingUrl: z.string().nullable(),
  ownerId: z.number().nullable(),
  price: z.number().nullable(),
  currency: z.string().nullable(),
});

export const toEventType = (e: CalEventType): z.infer<typeof eventTypeSchema> => ({
  id: e.id,
  title: e.title,
  slug: e.slug,
  lengthInMinutes: e.lengthInMinutes,
  description: e.description ?? null,
  hidden: e.hidden ?? null,
  bookingUrl: e.bookingUrl ?? null,
  ownerId: e.ownerId ?? null,
  price: e.price ?? null,
  currency: e.currency ?? null,
});

export const scheduleSchema = z.object({
  id: z.number(),
  name: z.string(),
  timeZone: z.string(),
  isDefault: z.boolean(),
  availability: z.array(z.object({ days: z.array(z.string()), startTime: z.string(), endTime: z.string() })),
  overrides: z.array(z.object({ date: z.string(), startTime: z.string(), endTime: z.string() })),
});

export const toSchedule = (s: CalSchedule): z.infer<typeof scheduleSchema> => ({
  id: s.id,
  name: s.name,
  timeZone: s.timeZone,
  isDefault: s.isDefault,
  availability: s.availability ?? [],
  overrides: s.overrides ?? [],
});
