import type { ToolContext, UserStore } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { sleep } from '../../util/sleep.js';
import { calendlyError, resetSeconds, type Subject } from './errors.js';

/** Calendly API v2's root. Resource URIs always use it, also when requests go to a fake or a proxy. */
export const CALENDLY_API = 'https://api.calendly.com';

/** Calendly's largest page (`count`). */
export const PAGE_SIZE = 100;

/** Calendly counts requests per minute, so a documented reset is at most a minute away. */
const MAX_RESET_WAIT_MS = 60_000;

/**
 * Timing knobs of the upstream client, and the wait used between attempts (tests pass one that
 * records the wait instead of sleeping).
 */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

// The parts of Calendly's objects this server reads (see the OpenAPI description's schemas).

export interface CalendlyUser {
  uri: string;
  name: string;
  slug?: string;
  email: string;
  scheduling_url: string;
  timezone: string;
  current_organization: string;
}

export interface CalendlyEventType {
  uri: string;
  name: string | null;
  active: boolean;
  slug?: string | null;
  scheduling_url: string;
  /** Minutes. */
  duration: number;
  kind?: string;
  type?: string;
  pooling_type?: string | null;
  secret?: boolean;
  description_plain?: string | null;
  profile?: { type?: string; name?: string; owner?: string } | null;
  [field: string]: unknown;
}

export interface CalendlyLocation {
  type?: string;
  location?: string | null;
  join_url?: string | null;
  [field: string]: unknown;
}

export interface CalendlyEvent {
  uri: string;
  name: string | null;
  status: 'active' | 'canceled';
  start_time: string;
  end_time: string;
  event_type: string;
  location?: CalendlyLocation | null;
  invitees_counter?: { total: number; active: number; limit: number };
  cancellation?: { canceled_by: string; reason: string | null; canceler_type: string };
  created_at?: string;
  [field: string]: unknown;
}

export interface CalendlyInvitee {
  uri: string;
  email: string;
  name: string;
  status: string;
  timezone?: string | null;
  cancel_url?: string;
  reschedule_url?: string;
  [field: string]: unknown;
}

export interface AvailableTime {
  status: string;
  invitees_remaining: number;
  start_time: string;
  scheduling_url: string;
}

export interface Cancellation {
  canceled_by: string;
  reason: string | null;
  canceler_type: string;
}

export interface Pagination {
  count?: number;
  next_page?: string | null;
  next_page_token?: string | null;
}

export interface Page<T> {
  collection: T[];
  pagination?: Pagination;
}

export interface SchedulingLink {
  booking_url: string;
  owner: string;
  owner_type: string;
}

/** The id at the end of a Calendly URI (`https://api.calendly.com/event_types/AAAA` gives `AAAA`). */
export const idOf = (uri: string): string => uri.replace(/\/+$/, '').split('/').pop() ?? uri;

export const eventTypeUri = (id: string): string => `${CALENDLY_API}/event_types/${id}`;

const enc = encodeURIComponent;

/**
 * The signed-in user, fetched once per session (GET /users/me) and kept in a per-session memo keyed
 * by the session's store object: most calls need the user's URI. A failed lookup is not kept, and
 * credentials that name another `owner` (a new sign-in as another user) look the user up again.
 */
const sessionUsers = new WeakMap<UserStore, { user: Promise<CalendlyUser>; owner: string | undefined }>();

/**
 * The Calendly API v2 calls this server makes, one method per endpoint. The OAuth token goes in
 * `Authorization: Bearer`; a 429 waits for X-RateLimit-Reset (Calendly sends no Retry-After).
 */
export class CalendlyApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'store'>;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(
    ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'store'>,
    scope: string,
    tuning: ClientTuning,
  ) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  async #headers(): Promise<Record<string, string>> {
    const token = (await this.#ctx.credentials()).access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError('calendly', 'the stored credentials hold no access token');
    }
    return { authorization: `Bearer ${token}` };
  }

  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const { sleep: wait = sleep, ...client } = this.#tuning;
    const http = new UpstreamClient({
      service: 'Calendly',
      serverId: 'calendly',
      baseUrl: serviceUrl('calendly', CALENDLY_API),
      log: this.#ctx.log,
      // Read on every request, so a token refreshed mid-session is used from the next request on.
      auth: () => this.#headers(),
      mapError: (status, body, headers) => calendlyError(status, body, subject, this.#scope, headers),
      retryDelay: (status, headers) => {
        const reset = resetSeconds(headers);
        return status === 429 && reset !== undefined ? reset * 1000 : undefined;
      },
      maxRetryAfterMs: MAX_RESET_WAIT_MS,
      sleep: wait,
      ...client,
    });
    return http.request<T>(path, req, this.#ctx.signal);
  }

  /** The signed-in user, from the session's memo (see `sessionUsers`). */
  async me(): Promise<CalendlyUser> {
    const creds = await this.#ctx.credentials();
    const owner = typeof creds.owner === 'string' ? creds.owner : undefined;
    const memo = sessionUsers.get(this.#ctx.store);
    if (memo && (owner === undefined || memo.owner === undefined || memo.owner === owner)) return memo.user;
    const user = this.#call<{ resource: CalendlyUser }>(
      { what: 'User', id: 'the signed-in user' },
      'users/me',
    ).then((r) => r.resource);
    const entry = { user, owner };
    sessionUsers.set(this.#ctx.store, entry);
    // A failed lookup is forgotten, so the next call tries again.
    user.catch(() => {
      if (sessionUsers.get(this.#ctx.store) === entry) sessionUsers.delete(this.#ctx.store);
    });
    return user;
  }

  eventTypesPage(
    user: string,
    active: boolean | undefined,
    count: number,
    pageToken?: string,
  ): Promise<Page<CalendlyEventType>> {
    return this.#call({ what: 'Event types', id: 'of the signed-in user' }, 'event_types', {
      query: { user, active, count, page_token: pageToken, sort: 'name:asc' },
    });
  }

  async eventType(id: string): Promise<CalendlyEventType> {
    const r = await this.#call<{ resource: CalendlyEventType }>(
      { what: 'Event type', id },
      `event_types/${enc(id)}`,
    );
    return r.resource;
  }

  async availableTimes(eventTypeId: string, start: string, end: string): Promise<AvailableTime[]> {
    const r = await this.#call<{ collection: AvailableTime[] }>(
      { what: 'Event type', id: eventTypeId },
      'event_type_available_times',
      { query: { event_type: eventTypeUri(eventTypeId), start_time: start, end_time: end } },
    );
    return r.collection ?? [];
  }

  scheduledEventsPage(filters: Query, count: number, pageToken?: string): Promise<Page<CalendlyEvent>> {
    return this.#call({ what: 'Scheduled events', id: 'of the signed-in user' }, 'scheduled_events', {
      query: { ...filters, count, page_token: pageToken },
    });
  }

  async scheduledEvent(id: string): Promise<CalendlyEvent> {
    const r = await this.#call<{ resource: CalendlyEvent }>(
      { what: 'Scheduled event', id },
      `scheduled_events/${enc(id)}`,
    );
    return r.resource;
  }

  invitees(eventId: string, count: number): Promise<Page<CalendlyInvitee>> {
    return this.#call({ what: 'Scheduled event', id: eventId }, `scheduled_events/${enc(eventId)}/invitees`, {
      query: { count },
    });
  }

  /**
   * Cancels an event. Safe to retry: a second cancellation changes nothing (Calendly answers that the
   * event is already canceled).
   */
  async cancel(eventId: string, reason: string | undefined): Promise<Cancellation> {
    const r = await this.#call<{ resource: Cancellation }>(
      { what: 'Scheduled event', id: eventId },
      `scheduled_events/${enc(eventId)}/cancellation`,
      { method: 'POST', body: reason === undefined ? {} : { reason }, idempotent: true },
    );
    return r.resource;
  }

  /** A new single-use link each time: never retried after a timeout or 5xx. */
  async createSchedulingLink(eventTypeId: string): Promise<SchedulingLink> {
    const r = await this.#call<{ resource: SchedulingLink }>(
      { what: 'Event type', id: eventTypeId },
      'scheduling_links',
      {
        method: 'POST',
        body: { max_event_count: 1, owner: eventTypeUri(eventTypeId), owner_type: 'EventType' },
      },
    );
    return r.resource;
  }
}

/**
 * Follows `page_token` from page to page until `limit` items are collected or the list ends. A
 * repeated token ends the walk (it would loop). Returns the items and the token of the next page.
 */
export async function collect<T>(
  limit: number,
  fetchPage: (count: number, token: string | undefined) => Promise<Page<T>>,
  start?: string,
): Promise<{ items: T[]; next: string | null }> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined = start;
  for (;;) {
    if (token) seen.add(token);
    const page = await fetchPage(Math.min(PAGE_SIZE, limit - items.length), token);
    items.push(...(page.collection ?? []));
    const next = page.pagination?.next_page_token ?? null;
    if (!next || seen.has(next) || (page.collection ?? []).length === 0) return { items, next: null };
    if (items.length >= limit) return { items, next };
    token = next;
  }
}

/** A Calendly id from what a caller may paste: the id itself or the resource's URI. */
export function calendlyId(value: string, what: string): string {
  const id = idOf(value.trim());
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new ToolError(`${what}: not a Calendly id or URI: ${value}`);
  return id;
}

export type ApiFactory = (
  ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'store'>,
  scope: string,
) => CalendlyApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new CalendlyApi(ctx, scope, tuning);
}
