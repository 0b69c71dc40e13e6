import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { sleep } from '../../util/sleep.js';
import { calError, resetInMs, type Subject } from './errors.js';

export const CAL_API = 'https://api.cal.com/v2';

/**
 * The `cal-api-version` each endpoint family is pinned to. Cal.com versions endpoints separately,
 * and a request without the header (or with another family's date) gets an older version.
 */
export const API_VERSIONS = {
  /** Every /v2/bookings endpoint, as guMCP used: offset paging (`take`/`skip`) and these shapes. */
  bookings: '2024-08-13',
  /** /v2/schedules. */
  schedules: '2024-06-11',
  /** /v2/event-types. */
  eventTypes: '2024-06-14',
} as const;

/** Cal.com's largest page of bookings (`take`). */
export const BOOKINGS_PAGE_SIZE = 250;

export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Cal.com's success envelope. */
export interface Envelope<T> {
  status: 'success' | 'error';
  data: T;
  pagination?: PaginationMeta;
}

export interface PaginationMeta {
  totalItems: number;
  remainingItems: number;
  returnedItems: number;
  itemsPerPage: number;
  currentPage: number;
  totalPages: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface CalMe {
  id: number;
  username: string;
  email: string;
  name: string | null;
  timeZone: string;
  timeFormat: number;
  weekStart: string;
  defaultScheduleId: number | null;
  locale?: string | null;
  organizationId: number | null;
  [field: string]: unknown;
}

export interface CalEventType {
  id: number;
  title: string;
  slug: string;
  lengthInMinutes: number;
  description?: string | null;
  hidden?: boolean;
  bookingUrl?: string;
  ownerId?: number | null;
  price?: number;
  currency?: string;
  [field: string]: unknown;
}

export interface CalPerson {
  name: string;
  email: string;
  timeZone?: string;
  absent?: boolean;
  [field: string]: unknown;
}

export interface CalBooking {
  id: number;
  uid: string;
  title: string;
  description?: string | null;
  status: string;
  start: string;
  end: string;
  duration: number;
  eventTypeId?: number;
  eventType?: { id: number; slug: string };
  location?: string | null;
  meetingUrl?: string | null;
  hosts?: CalPerson[];
  attendees?: CalPerson[];
  guests?: string[];
  cancellationReason?: string;
  reschedulingReason?: string;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  recurringBookingUid?: string;
  createdAt?: string;
  metadata?: Record<string, unknown>;
  bookingFieldsResponses?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface CalSchedule {
  id: number;
  ownerId: number;
  name: string;
  timeZone: string;
  availability: { days: string[]; startTime: string; endTime: string }[];
  isDefault: boolean;
  overrides: { date: string; startTime: string; endTime: string }[];
}

type Version = (typeof API_VERSIONS)[keyof typeof API_VERSIONS];

const enc = encodeURIComponent;
const bookingSubject = (uid: string): Subject => ({ what: 'Booking', id: uid });

function apiKeyOf(creds: Credentials): string {
  const key = creds.api_key;
  if (typeof key !== 'string' || !key.trim()) {
    throw new AuthRequiredError('cal', 'the stored credentials hold no api_key');
  }
  return key.trim();
}

/** One client per request: its error mapping names that request's subject. */
function client(
  auth: () => Promise<Record<string, string>>,
  subject: Subject,
  tuning: ClientTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  const { sleep: wait = sleep, ...rest } = tuning;
  return new UpstreamClient({
    service: 'Cal.com',
    serverId: 'cal',
    baseUrl: serviceUrl('cal', CAL_API),
    ...(log ? { log } : {}),
    auth,
    mapError: (status, body, headers) => calError(status, body, subject, headers),
    // Cal.com's 429 carries the reset of the limit it hit; a minute away at most.
    retryDelay: (status, headers) => (status === 429 ? resetInMs(headers) : undefined),
    sleep: wait,
    ...rest,
  });
}

/** The Cal.com API v2 calls, one method per endpoint, each with its pinned `cal-api-version`. */
export class CalApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, tuning: ClientTuning) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  async #call<T>(
    subject: Subject,
    path: string,
    version: Version | undefined,
    req: UpstreamRequest = {},
  ): Promise<Envelope<T>> {
    // The key is read on every request, so a key replaced mid-session is used from the next call on.
    const auth = async () => ({ authorization: `Bearer ${apiKeyOf(await this.#ctx.credentials())}` });
    const headers = { ...req.headers, ...(version ? { 'cal-api-version': version } : {}) };
    return client(auth, subject, this.#tuning, this.#ctx.log).request<Envelope<T>>(
      path,
      { ...req, headers },
      this.#ctx.signal,
    );
  }

  async me(): Promise<CalMe> {
    return (await this.#call<CalMe>({ what: 'Profile', id: 'of the API key’s user' }, 'me', undefined)).data;
  }

  async eventTypes(filters: Query): Promise<CalEventType[]> {
    const who = typeof filters.username === 'string' ? filters.username : 'the given users';
    const r = await this.#call<CalEventType[] | CalEventType>(
      { what: 'Event types', id: `of ${who}` },
      'event-types',
      API_VERSIONS.eventTypes,
      { query: filters },
    );
    return Array.isArray(r.data) ? r.data : r.data ? [r.data] : [];
  }

  async booking(uid: string): Promise<CalBooking[]> {
    return listOf(
      (
        await this.#call<CalBooking | CalBooking[]>(
          bookingSubject(uid),
          `bookings/${enc(uid)}`,
          API_VERSIONS.bookings,
        )
      ).data,
    );
  }

  bookingsPage(filters: Query, take: number, skip: number): Promise<Envelope<CalBooking[]>> {
    return this.#call({ what: 'Bookings', id: 'matching the filters' }, 'bookings', API_VERSIONS.bookings, {
      query: { ...filters, take, skip },
    });
  }

  /** A new booking: never retried after a timeout or 5xx (it may exist already). */
  async createBooking(body: Record<string, unknown>): Promise<CalBooking[]> {
    const subject = { what: 'Event type', id: describeEventType(body) };
    return listOf(
      (
        await this.#call<CalBooking | CalBooking[]>(subject, 'bookings', API_VERSIONS.bookings, {
          method: 'POST',
          body,
        })
      ).data,
    );
  }

  /** Moves a booking by making a new one: not retried either. */
  async reschedule(uid: string, body: Record<string, unknown>): Promise<CalBooking[]> {
    return listOf(
      (
        await this.#call<CalBooking | CalBooking[]>(
          bookingSubject(uid),
          `bookings/${enc(uid)}/reschedule`,
          API_VERSIONS.bookings,
          { method: 'POST', body },
        )
      ).data,
    );
  }

  /** Sets a state: repeating it changes nothing, so it is retried like a read. */
  async setState(
    uid: string,
    action: 'cancel' | 'confirm' | 'decline',
    body?: Record<string, unknown>,
  ): Promise<CalBooking[]> {
    return listOf(
      (
        await this.#call<CalBooking | CalBooking[]>(
          bookingSubject(uid),
          `bookings/${enc(uid)}/${action}`,
          API_VERSIONS.bookings,
          {
            method: 'POST',
            ...(body ? { body } : {}),
            idempotent: true,
          },
        )
      ).data,
    );
  }

  async schedules(): Promise<CalSchedule[]> {
    return (
      (
        await this.#call<CalSchedule[]>(
          { what: 'Schedules', id: 'of the API key’s user' },
          'schedules',
          API_VERSIONS.schedules,
        )
      ).data ?? []
    );
  }
}

const listOf = <T>(data: T | T[] | undefined | null): T[] =>
  Array.isArray(data) ? data : data ? [data] : [];

function describeEventType(body: Record<string, unknown>): string {
  if (body.eventTypeId !== undefined) return String(body.eventTypeId);
  const owner = body.username ?? body.teamSlug;
  return `${String(body.eventTypeSlug)}${owner ? ` of ${String(owner)}` : ''}`;
}

/**
 * Checks an API key when it is entered (`gumcp auth cal`), with GET /v2/me, so a mistyped key fails
 * at sign-in rather than at the first tool call. Stores nothing besides the key.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<undefined> {
  const key = values.api_key?.trim();
  if (!key) throw new ToolError('api_key: enter the Cal.com API key (Settings > Developer > API keys)');
  const http = client(
    async () => ({ authorization: `Bearer ${key}` }),
    { what: 'Profile', id: 'of the API key’s user' },
    tuning,
  );
  try {
    await http.request('me');
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'Cal.com rejected the API key: check that it was copied whole (it starts with cal_) and has not expired',
      );
    }
    throw error;
  }
  return undefined;
}

export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>) => CalApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx) => new CalApi(ctx, tuning);
}
