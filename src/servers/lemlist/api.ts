import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { Spacer } from '../../upstream/spacer.js';
import { type Clock, realClock } from '../../util/clock.js';
import { LEMLIST_REQUESTS, LEMLIST_WINDOW_MS, lemlistError, resetDelay, type Subject } from './errors.js';

/** lemlist's API root; guMCP stored it as `public_host` beside the key, and it never varies. */
export const LEMLIST_API = 'https://api.lemlist.com/api';

/** lemlist's largest page of campaigns and of unsubscribes. */
export const PAGE_SIZE = 100;

/** The largest CSV export read into a result. */
export const MAX_EXPORT_BYTES = 5 * 1024 * 1024;

/** Timing knobs and the clock of the throttle and of waits between attempts; tests pass a virtual one. */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  clock?: Clock;
}

/** A lemlist object as it answers it; the fields this server reads are named in shapes.ts. */
export type LemlistObject = Record<string, unknown>;

/** What a delete did: `deleted` now, or it was already `gone` (deleted before, maybe by a retried attempt). */
export type Deletion = 'deleted' | 'gone';

const enc = encodeURIComponent;

function keyOf(creds: Credentials): string {
  const key = creds.client_key;
  if (typeof key !== 'string' || !key.trim()) {
    throw new AuthRequiredError('lemlist', 'the stored credentials hold no API key (field "client_key")');
  }
  return key.trim();
}

/** A list answer: lemlist answers some lists bare and, with `version=v2`, some wrapped with `pagination`. */
function listOf(body: unknown, field: string): LemlistObject[] {
  if (Array.isArray(body)) return body as LemlistObject[];
  const wrapped = (body as Record<string, unknown> | undefined)?.[field];
  return Array.isArray(wrapped) ? (wrapped as LemlistObject[]) : [];
}

export interface Page<T> {
  items: T[];
  /** More may follow (a full last page, or lemlist named a next page). */
  more: boolean;
  /** Where the next call starts: an offset, or a page for page-numbered lists. */
  next?: number;
  total?: number;
}

/**
 * The lemlist API calls this server makes. The key goes in HTTP Basic auth with an empty user name
 * (`:key`); requests with one key are kept within lemlist's 20 per 2 seconds on the client; a 429 is
 * retried after lemlist's Retry-After or at its X-RateLimit-Reset date.
 */
export class LemlistApi {
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

  /** Waits between looks at a job, on the tuned clock (a virtual one in tests). */
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    return (this.#tuning.clock ?? realClock).sleep(ms, signal);
  }

  async #call<T>(subjects: readonly Subject[], path: string, req: UpstreamRequest = {}): Promise<T> {
    // Read on every call, so a key replaced mid-session is used from the next call on.
    const key = keyOf(await this.#ctx.credentials());
    return lemlistClient(key, subjects, this.#throttle, this.#tuning, this.#ctx.log).request<T>(
      path,
      req,
      this.#ctx.signal,
    );
  }

  #get<T>(subject: Subject, path: string, query?: Query): Promise<T> {
    return this.#call<T>([subject], path, { query });
  }

  // Team

  team(): Promise<LemlistObject> {
    return this.#get({ what: 'Team', id: 'of this API key' }, 'team');
  }

  senders(): Promise<LemlistObject[]> {
    return this.#get({ what: 'Senders', id: 'of the team' }, 'team/senders');
  }

  credits(): Promise<LemlistObject> {
    return this.#get({ what: 'Credits', id: 'of the team' }, 'team/credits');
  }

  user(userId: string): Promise<LemlistObject> {
    return this.#get({ what: 'User', id: userId }, `users/${enc(userId)}`);
  }

  // Campaigns

  /** One page of campaigns, from `offset` (or page `page`), at most 100. */
  async campaignsPage(query: {
    offset?: number;
    limit: number;
    page?: number;
    sortBy?: string;
    sortOrder?: string;
  }): Promise<LemlistObject[]> {
    const body = await this.#get<unknown>({ what: 'Campaigns', id: 'of the team' }, 'campaigns', query);
    return listOf(body, 'campaigns');
  }

  campaign(campaignId: string): Promise<LemlistObject> {
    return this.#get({ what: 'Campaign', id: campaignId }, `campaigns/${enc(campaignId)}`);
  }

  /** Creates a campaign; not retried after a failure, since lemlist has no idempotency key. */
  createCampaign(body: LemlistObject): Promise<LemlistObject> {
    return this.#call([{ what: 'Campaign', id: String(body.name) }], 'campaigns', { method: 'POST', body });
  }

  /** Sets the given settings; repeating it changes nothing more, so it may be retried. */
  updateCampaign(campaignId: string, body: LemlistObject): Promise<LemlistObject> {
    return this.#call([{ what: 'Campaign', id: campaignId }], `campaigns/${enc(campaignId)}`, {
      method: 'PATCH',
      body,
      idempotent: true,
    });
  }

  pauseCampaign(campaignId: string): Promise<LemlistObject> {
    return this.#call([{ what: 'Campaign', id: campaignId }], `campaigns/${enc(campaignId)}/pause`, {
      method: 'POST',
      idempotent: true,
    });
  }

  /** Starts an export job (lemlist starts it with a GET); not repeated after a failure, to start one job. */
  startExport(campaignId: string): Promise<LemlistObject> {
    return this.#call([{ what: 'Campaign', id: campaignId }], `campaigns/${enc(campaignId)}/export/start`, {
      idempotent: false,
    });
  }

  exportStatus(campaignId: string, exportId: string): Promise<{ ok?: boolean; status?: LemlistObject }> {
    return this.#call(
      [
        { what: 'Export', id: `${exportId} of campaign ${campaignId}` },
        { what: 'Campaign', id: campaignId },
      ],
      `campaigns/${enc(campaignId)}/export/${enc(exportId)}/status`,
    );
  }

  /**
   * Sets the address lemlist emails the export's link to (at once when the export is done). Not repeated
   * after a timeout or server error: a second attempt could send that person a second email.
   */
  exportEmail(
    campaignId: string,
    exportId: string,
    email: string,
  ): Promise<{ ok?: boolean; status?: LemlistObject }> {
    return this.#call(
      [
        { what: 'Export', id: `${exportId} of campaign ${campaignId}` },
        { what: 'Campaign', id: campaignId },
      ],
      `campaigns/${enc(campaignId)}/export/${enc(exportId)}/email/${enc(email)}`,
      { method: 'PUT', idempotent: false },
    );
  }

  // Schedules

  schedulesPage(query: {
    page?: number;
    offset?: number;
    limit: number;
    sortBy?: string;
    sortOrder?: string;
  }): Promise<{ schedules?: LemlistObject[]; pagination?: Record<string, number | null | undefined> }> {
    return this.#get({ what: 'Schedules', id: 'of the team' }, 'schedules', query);
  }

  schedule(scheduleId: string): Promise<LemlistObject> {
    return this.#get({ what: 'Schedule', id: scheduleId }, `schedules/${enc(scheduleId)}`);
  }

  async campaignSchedules(campaignId: string): Promise<LemlistObject[]> {
    const body = await this.#get<unknown>(
      { what: 'Campaign', id: campaignId },
      `campaigns/${enc(campaignId)}/schedules/`,
    );
    return listOf(body, 'schedules');
  }

  createSchedule(body: LemlistObject): Promise<LemlistObject> {
    return this.#call([{ what: 'Schedule', id: String(body.name) }], 'schedules', { method: 'POST', body });
  }

  updateSchedule(scheduleId: string, body: LemlistObject): Promise<LemlistObject> {
    return this.#call([{ what: 'Schedule', id: scheduleId }], `schedules/${enc(scheduleId)}`, {
      method: 'PATCH',
      body,
      idempotent: true,
    });
  }

  /** Deletes a schedule; a 404 (maybe answering a retry whose first attempt went through) says `gone`. */
  deleteSchedule(scheduleId: string): Promise<Deletion> {
    return gone(
      this.#call([{ what: 'Schedule', id: scheduleId }], `schedules/${enc(scheduleId)}`, {
        method: 'DELETE',
      }),
    );
  }

  associateSchedule(campaignId: string, scheduleId: string): Promise<LemlistObject> {
    return this.#call(
      [
        { what: 'Campaign', id: campaignId },
        { what: 'Schedule', id: scheduleId },
      ],
      `campaigns/${enc(campaignId)}/schedules/${enc(scheduleId)}`,
      { method: 'POST', idempotent: true },
    );
  }

  // Leads

  /**
   * Adds a lead to a campaign, which may start emailing them. lemlist has no idempotency key, so the
   * request is never repeated after a timeout or server error (only after a 429, which lemlist did
   * not process).
   */
  addLead(campaignId: string, body: LemlistObject, flags: Query): Promise<LemlistObject> {
    return this.#call([{ what: 'Campaign', id: campaignId }], `campaigns/${enc(campaignId)}/leads/`, {
      method: 'POST',
      body,
      query: flags,
    });
  }

  /** Every campaign the email is a lead of ([] when none). */
  async leadsByEmail(email: string): Promise<LemlistObject[]> {
    try {
      return await this.#get({ what: 'Lead', id: email }, `leads/${enc(email)}`, { version: 'v2' });
    } catch (error) {
      if (error instanceof NotFoundError) return [];
      throw error;
    }
  }

  /** Deletes a lead and its statistics from a campaign (`action=remove`); a 404 says `gone`. */
  async deleteLead(campaignId: string, leadIdOrEmail: string): Promise<LemlistObject | 'gone'> {
    try {
      return await this.#call(
        [
          { what: 'Lead', id: `${leadIdOrEmail} in campaign ${campaignId}` },
          { what: 'Campaign', id: campaignId },
        ],
        `campaigns/${enc(campaignId)}/leads/${enc(leadIdOrEmail)}`,
        { method: 'DELETE', query: { action: 'remove' } },
      );
    } catch (error) {
      if (error instanceof NotFoundError && error.message.startsWith('Lead ')) return 'gone';
      throw error;
    }
  }

  /** Marks a lead interested or not in every campaign; marking again changes nothing, so it may be retried. */
  markEverywhere(email: string, interested: boolean): Promise<LemlistObject[]> {
    return this.#call(
      [{ what: 'Lead', id: email }],
      `leads/${interested ? 'interested' : 'notinterested'}/${enc(email)}`,
      { method: 'POST', idempotent: true },
    );
  }

  markInCampaign(campaignId: string, email: string, interested: boolean): Promise<LemlistObject> {
    return this.#call(
      [
        { what: 'Lead', id: `${email} in campaign ${campaignId}` },
        { what: 'Campaign', id: campaignId },
      ],
      `campaigns/${enc(campaignId)}/leads/${enc(email)}/${interested ? 'interested' : 'notinterested'}`,
      { method: 'POST', idempotent: true },
    );
  }

  // Unsubscribes (the v2 routes: the legacy /unsubscribes ones stop working on 2026-11-01)

  unsubscribesPage(offset: number, limit: number): Promise<LemlistObject[]> {
    return this.#get({ what: 'Unsubscribes', id: 'of the team' }, 'v2/unsubscribes/variables', {
      offset,
      limit,
    });
  }

  /** The team's unsubscribed emails, domains, LinkedIn URLs and phone numbers as CSV text. */
  async exportUnsubscribes(): Promise<string> {
    const key = keyOf(await this.#ctx.credentials());
    const bytes = await lemlistClient(
      key,
      [{ what: 'Unsubscribes', id: 'of the team' }],
      this.#throttle,
      this.#tuning,
      this.#ctx.log,
    ).request<Buffer>(
      'v2/unsubscribes/exports/variables',
      { bytes: { maxBytes: MAX_EXPORT_BYTES } },
      this.#ctx.signal,
    );
    return bytes.toString('utf8');
  }

  /** Unsubscribes an email or domain; lemlist documents this as idempotent (it answers the existing record). */
  addUnsubscribe(value: string): Promise<LemlistObject> {
    return this.#call([{ what: 'Unsubscribe', id: value }], `v2/unsubscribes/variables/${enc(value)}`, {
      method: 'POST',
      idempotent: true,
    });
  }

  /** Re-subscribes an email or domain (lemlist refuses with 409 when it unsubscribed itself or reported abuse). */
  deleteUnsubscribe(value: string): Promise<unknown> {
    return this.#call([{ what: 'Unsubscribe', id: value }], `v2/unsubscribes/variables/${enc(value)}`, {
      method: 'DELETE',
    });
  }

  // People database

  databaseFilters(): Promise<LemlistObject[]> {
    return this.#get({ what: 'Database filters', id: 'of lemlist' }, 'database/filters');
  }
}

async function gone(request: Promise<unknown>): Promise<Deletion> {
  try {
    await request;
    return 'deleted';
  } catch (error) {
    if (error instanceof NotFoundError) return 'gone';
    throw error;
  }
}

function lemlistClient(
  key: string,
  subjects: readonly Subject[],
  throttle: Spacer,
  tuning: ClientTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  const { clock = realClock, ...rest } = tuning;
  return new UpstreamClient({
    service: 'lemlist',
    serverId: 'lemlist',
    // guMCP's stored `public_host` is not used: the key is only ever sent to lemlist's own API.
    baseUrl: serviceUrl('lemlist', LEMLIST_API),
    ...(log ? { log } : {}),
    // Basic auth with an empty user name: `:key`, base64-encoded.
    auth: () => ({ authorization: `Basic ${Buffer.from(`:${key}`).toString('base64')}` }),
    beforeAttempt: (_path, signal) => throttle.wait(key, signal),
    mapError: (status, body, headers) => lemlistError(status, body, headers, subjects, key),
    // lemlist sends Retry-After (seconds), which the client reads first; without it, X-RateLimit-Reset.
    retryDelay: (status, headers) => (status === 429 ? resetDelay(headers, clock.now()) : undefined),
    sleep: clock.sleep,
    ...rest,
  });
}

/**
 * Checks a key when it is entered (`gumcp auth lemlist`) with GET /team, so a wrong key fails at sign-in
 * rather than at the first tool call. `public_host` (guMCP's second field) may be left empty; any other
 * host than lemlist's own is refused, since the key would be sent there.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  throttle: Spacer,
  tuning: ClientTuning = {},
): Promise<undefined> {
  const key = values.client_key?.trim();
  if (!key) throw new ToolError('client_key: enter the lemlist API key (Settings > Integrations in lemlist)');
  const host = values.public_host?.trim().replace(/\/+$/, '');
  if (host && host !== LEMLIST_API) {
    throw new ToolError(
      `public_host: leave it empty (or ${LEMLIST_API}); the key is only sent to lemlist's API`,
    );
  }
  try {
    await lemlistClient(key, [{ what: 'Team', id: 'of this API key' }], throttle, tuning).request('team');
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'lemlist rejected the API key: check that it was copied whole and has not been revoked',
      );
    }
    throw error;
  }
  return undefined;
}

export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>) => LemlistApi;

/**
 * The client of one server instance: one throttle for all its sessions, as they share lemlist's limit.
 * A burst of up to 20 goes at once; the 21st waits for the first to leave the 2-second window.
 */
export function apiFactory(tuning: ClientTuning = {}): { connect: ApiFactory; throttle: Spacer } {
  const throttle = new Spacer({
    requests: LEMLIST_REQUESTS,
    intervalMs: LEMLIST_WINDOW_MS,
    clock: tuning.clock,
  });
  return { connect: (ctx) => new LemlistApi(ctx, throttle, tuning), throttle };
}
