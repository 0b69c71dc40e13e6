/**
 * Calendly API v2 answers in the shapes of Calendly's OpenAPI description (version 2.0.0, as
 * published with Calendly's API reference and mirrored in speakeasy-sdks/calendly-ts at
 * openapi/openapi.yaml), built from its examples.
 */

export const API = 'https://api.calendly.com';
export const USER_ID = 'AAAAAAAAAAAAAAAA';
export const USER_URI = `${API}/users/${USER_ID}`;
export const ORG_URI = `${API}/organizations/AAAAAAAAAAAAAAAA`;

export const user = {
  uri: USER_URI,
  name: 'John Doe',
  slug: 'acmesales',
  email: 'user@example.com',
  scheduling_url: 'https://calendly.com/acmesales',
  timezone: 'America/New York',
  avatar_url: 'https://01234567890.cloudfront.net/uploads/user/avatar/0123456/a1b2c3d4.png',
  created_at: '2019-01-02T03:04:05.678123Z',
  updated_at: '2019-08-07T06:05:04.321123Z',
  current_organization: ORG_URI,
};

export const me = { resource: user };

export function eventType(id: string, name = '15 Minute Meeting', extra: Record<string, unknown> = {}) {
  return {
    uri: `${API}/event_types/${id}`,
    name,
    active: true,
    booking_method: 'instant',
    slug: 'acmesales',
    scheduling_url: 'https://calendly.com/acmesales',
    duration: 30,
    kind: 'solo',
    pooling_type: null,
    type: 'StandardEventType',
    color: '#fff200',
    created_at: '2019-01-02T03:04:05.678123Z',
    updated_at: '2019-08-07T06:05:04.321123Z',
    internal_note: 'Internal note',
    description_plain: name,
    description_html: `<p>${name}</p>`,
    profile: { type: 'User', name: 'Tamara Jones', owner: USER_URI },
    secret: false,
    deleted_at: null,
    admin_managed: false,
    custom_questions: [],
    ...extra,
  };
}

export function scheduledEvent(id: string, start: string, extra: Record<string, unknown> = {}) {
  return {
    uri: `${API}/scheduled_events/${id}`,
    name: '15 Minute Meeting',
    status: 'active',
    start_time: start,
    end_time: start.replace(/T(\d\d)/, (_m, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`),
    event_type: `${API}/event_types/GBGBDCAADAEDCRZ2`,
    location: { type: 'physical', location: 'Calendly Office' },
    invitees_counter: { total: 1, active: 1, limit: 1 },
    created_at: '2019-01-02T03:04:05.092125Z',
    updated_at: '2019-01-02T03:04:05.092125Z',
    event_memberships: [{ user: USER_URI }],
    event_guests: [],
    calendar_event: { kind: 'google', external_id: '8suu9k3hj00mni03ss12ba0ce0' },
    ...extra,
  };
}

export function invitee(eventId: string, id: string) {
  return {
    uri: `${API}/scheduled_events/${eventId}/invitees/${id}`,
    email: 'test@example.com',
    first_name: 'John',
    last_name: 'Doe',
    name: 'John Doe',
    status: 'active',
    questions_and_answers: [],
    timezone: 'America/New_York',
    event: `${API}/scheduled_events/${eventId}`,
    created_at: '2019-08-22T17:01:08.735877Z',
    updated_at: '2019-08-22T17:01:08.735877Z',
    tracking: {},
    text_reminder_number: null,
    rescheduled: false,
    old_invitee: null,
    new_invitee: null,
    cancel_url: `https://calendly.com/cancellations/${id}`,
    reschedule_url: `https://calendly.com/reschedulings/${id}`,
    routing_form_submission: null,
    cancellation: null,
    payment: null,
    no_show: null,
    reconfirmation: null,
  };
}

/** `pagination` as Calendly sends it, with the token of the next page (or none on the last one). */
export function pagination(path: string, count: number, next: string | null) {
  return {
    count,
    next_page: next ? `${API}/${path}?count=${count}&page_token=${next}` : null,
    previous_page: null,
    next_page_token: next,
    previous_page_token: null,
  };
}

export const availableTime = (start: string, remaining = 1) => ({
  status: 'available',
  invitees_remaining: remaining,
  start_time: start,
  scheduling_url: `https://calendly.com/acmesales/discovery-call/${start.replace('.000000', '')}`,
});

// Error bodies: ErrorResponse with the titles and messages of the description's shared responses.
export const unauthenticated = { title: 'Unauthenticated', message: 'The access token is invalid' };
export const permissionDenied = {
  title: 'Permission Denied',
  message: 'You do not have permission to access this resource.',
};
export const notFound = {
  title: 'Resource Not Found',
  message: 'The server could not find the requested resource.',
};
export const invalidArgument = (parameter: string, message: string) => ({
  title: 'Invalid Argument',
  message: 'The supplied parameters are invalid.',
  details: [{ parameter, message }],
});
export const unknown = {
  title: 'Internal Server Error',
  message: 'The server encountered an unexpected condition that prevented it from fulfilling the request.',
};
