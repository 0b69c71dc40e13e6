/**
 * Cal.com API v2 answers in the shapes of Cal.com's OpenAPI description (docs/api-reference/v2/
 * openapi.json in calcom/cal.com): GetMeOutput, EventTypeOutput_2024_06_14,
 * BookingOutput_2024_08_13 with PaginationMetaDto, ScheduleOutput_2024_06_11, and the error body its
 * HTTP exception filter writes.
 */

export const me = {
  id: 1234,
  username: 'alice',
  email: 'alice@example.com',
  name: 'Alice Example',
  avatarUrl: null,
  bio: null,
  timeFormat: 24,
  defaultScheduleId: 77,
  weekStart: 'Monday',
  timeZone: 'Europe/Rome',
  locale: 'en',
  organizationId: null,
};

export function eventType(id: number, slug: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    lengthInMinutes: 30,
    title: 'Intro call',
    slug,
    description: 'A first call',
    locations: [{ type: 'link', link: 'https://cal.com/video' }],
    bookingFields: [],
    disableGuests: false,
    recurrence: null,
    metadata: {},
    price: 0,
    currency: 'usd',
    lockTimeZoneToggleOnBookingPage: false,
    forwardParamsSuccessRedirect: null,
    successRedirectUrl: null,
    isInstantEvent: false,
    scheduleId: null,
    hidden: false,
    bookingRequiresAuthentication: false,
    ownerId: 1234,
    users: [],
    bookingUrl: `https://cal.com/alice/${slug}`,
    ...extra,
  };
}

export function booking(uid: string, extra: Record<string, unknown> = {}) {
  return {
    id: 123,
    uid,
    title: 'Intro call between Alice and John',
    description: 'Learn how to integrate scheduling into marketplace.',
    hosts: [
      {
        id: 1,
        name: 'Alice Example',
        email: 'alice@example.com',
        displayEmail: 'alice@example.com',
        username: 'alice',
        timeZone: 'Europe/Rome',
      },
    ],
    status: 'accepted',
    start: '2031-08-13T15:30:00.000Z',
    end: '2031-08-13T16:00:00.000Z',
    duration: 30,
    eventTypeId: 50,
    eventType: { id: 50, slug: 'intro' },
    location: 'https://example.com/meeting',
    absentHost: false,
    createdAt: '2031-08-01T15:30:00.000Z',
    updatedAt: null,
    metadata: {},
    attendees: [
      {
        name: 'John Doe',
        email: 'john@example.com',
        displayEmail: 'john@example.com',
        timeZone: 'America/New_York',
        language: 'en',
        absent: false,
      },
    ],
    guests: [],
    bookingFieldsResponses: { notes: 'hi' },
    ...extra,
  };
}

export function paginationMeta(total: number, skip: number, returned: number, perPage: number) {
  return {
    totalItems: total,
    remainingItems: Math.max(0, total - (skip + returned)),
    returnedItems: returned,
    itemsPerPage: perPage,
    currentPage: Math.floor(skip / perPage) + 1,
    totalPages: Math.ceil(total / perPage),
    hasNextPage: skip + returned < total,
    hasPreviousPage: skip > 0,
  };
}

export const schedule = {
  id: 77,
  ownerId: 1234,
  name: 'Working hours',
  timeZone: 'Europe/Rome',
  availability: [{ days: ['Monday', 'Tuesday'], startTime: '09:00', endTime: '17:00' }],
  isDefault: true,
  overrides: [{ date: '2031-09-01', startTime: '10:00', endTime: '12:00' }],
};

export const ok = <T>(data: T, extra: Record<string, unknown> = {}) => ({
  status: 'success',
  data,
  ...extra,
});

/** Cal.com's error body: `{ status, timestamp, path, error: { code, message } }`. */
export function error(path: string, code: string, message: string) {
  return { status: 'error', timestamp: '2031-08-13T15:30:00.000Z', path, error: { code, message } };
}
