import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { Spacer } from '../../upstream/spacer.js';
import { type Clock, realClock } from '../../util/clock.js';
import { IdempotencyKeyUsed, LOOPS_RATE_PER_SECOND, loopsError, type Subject } from './errors.js';

export const LOOPS_API = 'https://app.loops.so/api/v1';

/** Loops' largest page of transactional emails (`perPage` is 10 to 50). */
export const TRANSACTIONAL_PAGE_SIZE = 50;

/** Timing knobs and the clock of the throttle and of waits between attempts; tests pass a virtual one. */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  clock?: Clock;
}

/** A contact as Loops answers it, custom properties included. */
export interface LoopsContact {
  id: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  source?: string;
  subscribed?: boolean;
  userGroup?: string;
  userId?: string | null;
  mailingLists?: Record<string, boolean>;
  optInStatus?: string | null;
  [property: string]: unknown;
}

export interface TransactionalEmail {
  id: string;
  name: string;
  lastUpdated: string;
  dataVariables: string[];
}

export interface TransactionalPage {
  pagination?: { nextCursor?: string | null; totalResults?: number };
  data: TransactionalEmail[];
}

/** Who a contact call is about: by email or by the userId given when it was created. */
export type ContactRef = { email: string } | { userId: string };

export const refSubject = (ref: ContactRef): Subject => ({
  what: 'Contact',
  id: 'email' in ref ? ref.email : `with userId ${ref.userId}`,
});

function keyOf(creds: Credentials): string {
  const key = creds.key;
  if (typeof key !== 'string' || !key.trim()) {
    throw new AuthRequiredError('loops', 'the stored credentials hold no API key (field "key")');
  }
  return key.trim();
}

/** What a request is and what a 409 from Loops means for it. */
interface Call {
  subject: Subject;
  conflict?: () => ToolError;
}

/**
 * The Loops API v1 calls this server makes. The key goes in `Authorization: Bearer`; requests with
 * one key are spaced to Loops' 10 a second, and a 429 (which carries no Retry-After) is retried after
 * a second, Loops' window.
 */
export class LoopsApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #throttle: Spacer;
  readonly #tuning: ClientTuning;

  constructor(
    ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
    throttle: Spacer,
    tuning: ClientTuning,
  ) {
    this.#ctx = ctx;
    this.#throttle = throttle;
    this.#tuning = tuning;
  }

  async #call<T>({ subject, conflict }: Call, path: string, req: UpstreamRequest = {}): Promise<T> {
    // Read on every call, so a key replaced mid-session is used from the next call on.
    const key = keyOf(await this.#ctx.credentials());
    return loopsClient(key, subject, this.#throttle, this.#tuning, conflict, this.#ctx.log).request<T>(
      path,
      req,
      this.#ctx.signal,
    );
  }

  /** Creates a contact; Loops answers 409 when one with this email or userId exists. */
  createContact(body: Record<string, unknown>): Promise<{ success: boolean; id: string }> {
    const email = String(body.email);
    const userId = typeof body.userId === 'string' ? body.userId : undefined;
    return this.#call(
      {
        subject: { what: 'Contact', id: email },
        conflict: () =>
          new ToolError(
            `A Loops contact with email ${email}${userId ? ` or userId ${userId}` : ''} already exists; ` +
              'nothing was created. Use update_contact_by_email (or update_contact_by_user_id) to change it.',
          ),
      },
      'contacts/create',
      { method: 'POST', body },
    );
  }

  /** Sets the given properties; Loops creates the contact when none matches. Repeating it changes nothing. */
  updateContact(ref: ContactRef, body: Record<string, unknown>): Promise<{ success: boolean; id: string }> {
    return this.#call({ subject: refSubject(ref) }, 'contacts/update', {
      method: 'PUT',
      body: { ...body, ...ref },
    });
  }

  findContact(ref: ContactRef): Promise<LoopsContact[]> {
    return this.#call({ subject: refSubject(ref) }, 'contacts/find', { query: { ...ref } });
  }

  /** Not retried after a 5xx: a second delete of a contact that is gone would answer 404. */
  deleteContact(ref: ContactRef): Promise<{ success: boolean; message: string }> {
    return this.#call({ subject: refSubject(ref) }, 'contacts/delete', { method: 'POST', body: ref });
  }

  createProperty(name: string, type: string): Promise<{ success: boolean }> {
    return this.#call(
      {
        subject: { what: 'Contact property', id: name },
        conflict: () =>
          new ToolError(`A contact property named ${name} already exists in Loops; nothing was created.`),
      },
      'contacts/properties',
      { method: 'POST', body: { name, type } },
    );
  }

  /**
   * Sends a transactional email. The Idempotency-Key makes a retry after a timeout or 5xx safe: Loops
   * sends at most once per key (within 24 hours) and answers 409 to a repeat.
   */
  sendTransactional(body: Record<string, unknown>, idempotencyKey: string): Promise<{ success: boolean }> {
    return this.#call(
      {
        subject: { what: 'Transactional email', id: String(body.transactionalId) },
        conflict: () => new IdempotencyKeyUsed(idempotencyKey),
      },
      'transactional',
      { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey }, idempotent: true },
    );
  }

  /** Sends an event (which may start loops that email the contact), once per Idempotency-Key. */
  sendEvent(body: Record<string, unknown>, idempotencyKey: string): Promise<{ success: boolean }> {
    const who = typeof body.email === 'string' ? body.email : `with userId ${String(body.userId)}`;
    return this.#call(
      { subject: { what: 'Contact', id: who }, conflict: () => new IdempotencyKeyUsed(idempotencyKey) },
      'events/send',
      { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey }, idempotent: true },
    );
  }

  transactionalPage(cursor?: string): Promise<TransactionalPage> {
    return this.#call({ subject: { what: 'Transactional emails', id: 'of the team' } }, 'transactional', {
      query: { perPage: String(TRANSACTIONAL_PAGE_SIZE), cursor },
    });
  }

  /** The published transactional emails, following `pagination.nextCursor` up to `limit`. */
  async transactionals(limit: number): Promise<{ emails: TransactionalEmail[]; more: boolean }> {
    const emails: TransactionalEmail[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      const page = await this.transactionalPage(cursor);
      emails.push(...(page.data ?? []));
      const next = page.pagination?.nextCursor ?? undefined;
      if (!next || seen.has(next) || (page.data ?? []).length === 0) return { emails, more: false };
      if (emails.length >= limit) return { emails: emails.slice(0, limit), more: true };
      seen.add(next);
      cursor = next;
    }
  }
}

function loopsClient(
  key: string,
  subject: Subject,
  throttle: Spacer,
  tuning: ClientTuning,
  conflict?: () => ToolError,
  log?: ToolContext['log'],
): UpstreamClient {
  const { clock = realClock, ...rest } = tuning;
  return new UpstreamClient({
    service: 'Loops',
    serverId: 'loops',
    baseUrl: serviceUrl('loops', LOOPS_API),
    ...(log ? { log } : {}),
    auth: () => ({ authorization: `Bearer ${key}` }),
    beforeAttempt: (_path, signal) => throttle.wait(key, signal),
    mapError: (status, body) => loopsError(status, body, subject, conflict),
    // Loops' limit is per second and its 429 says no more: the next window is a second away.
    retryDelay: (status) => (status === 429 ? 1000 : undefined),
    sleep: clock.sleep,
    ...rest,
  });
}

/**
 * Checks an API key when it is entered (`gumcp auth loops`) with GET /api-key, so a wrong key fails
 * at sign-in rather than at the first tool call. Stores nothing besides the key.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  throttle: Spacer,
  tuning: ClientTuning = {},
): Promise<undefined> {
  const key = values.key?.trim();
  if (!key) throw new ToolError('key: enter the Loops API key (Settings > API in Loops)');
  try {
    await loopsClient(key, { what: 'API key', id: '(the one entered)' }, throttle, tuning).request('api-key');
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'Loops rejected the API key: check that it was copied whole and has not been revoked',
      );
    }
    throw error;
  }
  return undefined;
}

export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>) => LoopsApi;

/**
 * The client of one server instance: one throttle for all its sessions, as they share Loops' limit (a
 * few requests a second per team, a burst drawing 429s). Requests of one key are spaced evenly.
 */
export function apiFactory(tuning: ClientTuning = {}): { connect: ApiFactory; throttle: Spacer } {
  const throttle = Spacer.perSecond(LOOPS_RATE_PER_SECOND, tuning.clock);
  return { connect: (ctx) => new LoopsApi(ctx, throttle, tuning), throttle };
}
