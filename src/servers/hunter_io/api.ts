import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  type UpstreamAnswer,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { pollJob } from '../../upstream/poll.js';
import { sleep as realSleep } from '../../util/sleep.js';
import { HunterQuotaExceeded, hunterError, SERVER_ID, type Subject, throttleKind } from './errors.js';
import type {
  Campaign,
  Envelope,
  Lead,
  LeadsList,
  RawCount,
  RawDomainSearch,
  RawFinder,
  RawVerifier,
  Recipient,
} from './shapes.js';

/** Hunter API v2; GUMCP_HUNTER_IO_API_URL points it elsewhere (tests: a fake on loopback). */
export const HUNTER_API = 'https://api.hunter.io/v2';

/** Hunter's largest page (leads, leads lists, campaigns, recipients, domain search). */
export const PAGE_MAX = 100;

/** Timing knobs: the upstream client's, the wait before retrying a rate limit, the verifier's polling. */
export interface HunterTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  /** Waits between attempts; tests pass one that records the delay and returns at once. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Wait before retrying a rate limit that carries no Retry-After: Hunter's window is a second. */
  rateLimitWaitMs?: number;
  /** First wait before asking again for a verification Hunter is still running (2 s). */
  verifyFirstDelayMs?: number;
  /** How long email_verifier waits for such a verification in all (60 s). */
  verifyDeadlineMs?: number;
}

type Ctx = Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'progress'>;

/** A page of a list and where the next starts (undefined when there is no more). */
export interface Page<T> {
  items: T[];
  total: number | undefined;
  next: number | undefined;
}

/** Lead fields as Hunter takes them in `POST /leads` and `PUT /leads/{id}`. */
export type LeadFields = Record<string, string | number>;

/** What `POST /campaigns/{id}/recipients` answers. */
export interface AddedRecipients {
  recipients_added?: number;
  skipped_recipients?: unknown[];
}

/** What `DELETE /campaigns/{id}/recipients` answers. */
export interface CanceledRecipients {
  recipients_canceled?: string[];
  messages_canceled?: number;
}

/**
 * The Hunter API v2 calls of one tool call. The key goes in the `X-API-KEY` header, which Hunter
 * accepts on every call as well as the `api_key` query parameter: so it is in no URL at all, and the
 * upstream client logs only method, path and status. It is read on every call, so a key replaced
 * mid-session is used from the next call on.
 */
export class HunterApi {
  readonly #ctx: Ctx;
  readonly #tuning: HunterTuning;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(ctx: Ctx, tuning: HunterTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
    this.#sleep = tuning.sleep ?? realSleep;
  }

  async #key(): Promise<string> {
    const key = (await this.#ctx.credentials()).api_key;
    if (typeof key !== 'string' || !key.trim()) {
      throw new AuthRequiredError(SERVER_ID, 'the stored credentials hold no Hunter API key (field api_key)');
    }
    return key.trim();
  }

  /**
   * One request, with Hunter's limits handled by the upstream client (see `hunterClient`); a used-up
   * allowance is never retried and its message says when it resets.
   */
  async exchange<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<UpstreamAnswer<T>> {
    const key = await this.#key();
    const client = hunterClient(key, subject, this.#tuning, this.#ctx.log);
    try {
      return await client.exchange<T>(path, req, this.#ctx.signal);
    } catch (error) {
      if (error instanceof HunterQuotaExceeded && path !== 'account') throw await this.#resetDate(error, key);
      throw error;
    }
  }

  /** The `data` of an answer. */
  async data<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T | undefined> {
    return (await this.exchange<Envelope<T> | undefined>(subject, path, req)).body?.data;
  }

  /**
   * A list followed page after page (`limit` and `offset`, at most 100 a page) until `limit` items are
   * in hand or the list ends: a short page, or `meta.total` (`meta.results`) reached.
   */
  async page<T>(
    subject: Subject,
    path: string,
    field: string,
    query: Query,
    limit: number,
    offset = 0,
  ): Promise<Page<T>> {
    const items: T[] = [];
    let at = offset;
    let total: number | undefined;
    for (;;) {
      const size = Math.min(PAGE_MAX, limit - items.length);
      const { body } = await this.exchange<Envelope<Record<string, T[]>> | undefined>(subject, path, {
        query: { ...query, limit: size, offset: at },
      });
      const got = body?.data?.[field] ?? [];
      items.push(...got.slice(0, size));
      at += got.length;
      total = body?.meta?.total ?? body?.meta?.results ?? total;
      if (got.length < size || (total !== undefined && at >= total)) return { items, total, next: undefined };
      if (items.length >= limit) return { items, total, next: at };
    }
  }

  // Discovery and verification

  domainSearch(query: Query, args: Subject['args']): Promise<Envelope<RawDomainSearch> | undefined> {
    const subject = { what: `the domain search of ${query.domain}`, args };
    return this.exchange<Envelope<RawDomainSearch> | undefined>(subject, 'domain-search', { query }).then(
      (a) => a.body,
    );
  }

  /** Hunter answers 404 when it finds no address; that is an answer, not an error. */
  async emailFinder(domain: string, first: string, last: string): Promise<RawFinder | undefined> {
    const subject: Subject = {
      what: `the email finder for ${first} ${last} at ${domain}`,
      args: { domain: 'domain', first_name: 'first_name', last_name: 'last_name' },
      notFound: () => new NothingFound(),
    };
    return this.#orNothing(() =>
      this.data<RawFinder>(subject, 'email-finder', {
        query: { domain, first_name: first, last_name: last },
      }),
    );
  }

  /**
   * Verifies an address. Hunter answers 202 while a slow verification goes on in the background;
   * the tool asks again with growing waits (bounded) until it has the result.
   */
  verifyEmail(email: string): Promise<RawVerifier | undefined> {
    const subject: Subject = { what: `the verification of ${email}`, args: { email: 'email' } };
    return pollJob({
      what: `the verification of ${email}`,
      check: async () => {
        const answer = await this.exchange<Envelope<RawVerifier> | undefined>(subject, 'email-verifier', {
          query: { email },
        });
        return answer.status === 202
          ? { state: 'running' as const, message: `Hunter is still verifying ${email}` }
          : { state: 'done' as const, value: answer.body?.data };
      },
      signal: this.#ctx.signal,
      progress: (p, t, m) => this.#ctx.progress(p, t, m),
      sleep: this.#sleep,
      initialDelayMs: this.#tuning.verifyFirstDelayMs ?? 2000,
      deadlineMs: this.#tuning.verifyDeadlineMs ?? 60_000,
      later: 'Hunter goes on verifying it: call email_verifier again in a minute',
    });
  }

  emailCount(domain: string): Promise<RawCount | undefined> {
    const subject = { what: `the email count of ${domain}`, args: { domain: 'domain' } };
    return this.data<RawCount>(subject, 'email-count', { query: { domain } });
  }

  person(email: string): Promise<Record<string, unknown> | undefined> {
    const subject: Subject = {
      what: `the enrichment of ${email}`,
      args: { email: 'email' },
      notFound: () => new NothingFound(),
    };
    return this.#orNothing(() => this.data(subject, 'people/find', { query: { email } }));
  }

  company(domain: string): Promise<Record<string, unknown> | undefined> {
    const subject: Subject = {
      what: `the enrichment of ${domain}`,
      args: { domain: 'domain' },
      notFound: () => new NothingFound(),
    };
    return this.#orNothing(() => this.data(subject, 'companies/find', { query: { domain } }));
  }

  account(): Promise<Record<string, unknown> | undefined> {
    return this.data({ what: 'the account' }, 'account');
  }

  // Leads

  leads(filters: Query, limit: number, offset: number, args: Subject['args']): Promise<Page<Lead>> {
    return this.page<Lead>({ what: 'leads', args }, 'leads', 'leads', filters, limit, offset);
  }

  lead(id: number): Promise<Lead | undefined> {
    return this.data<Lead>({ what: 'Lead', id: String(id) }, `leads/${id}`);
  }

  /** Creates a lead; not repeated after a timeout or 5xx (it could create two). */
  createLead(fields: LeadFields, args: Subject['args']): Promise<Lead | undefined> {
    const subject = { what: `a lead for ${fields.email}`, args };
    return this.data<Lead>(subject, 'leads', { method: 'POST', body: fields });
  }

  /** Sets the given fields; Hunter answers 204, so the lead is read back. */
  async updateLead(id: number, fields: LeadFields, args: Subject['args']): Promise<Lead | undefined> {
    const subject = { what: 'Lead', id: String(id), args };
    const answer = await this.data<Lead>(subject, `leads/${id}`, { method: 'PUT', body: fields });
    return answer ?? this.lead(id);
  }

  /** Not repeated after a timeout or 5xx: a second delete of a lead that is gone answers 404. */
  async deleteLead(id: number): Promise<void> {
    await this.exchange({ what: 'Lead', id: String(id) }, `leads/${id}`, {
      method: 'DELETE',
      idempotent: false,
    });
  }

  // Leads lists

  leadsLists(limit: number, offset: number): Promise<Page<LeadsList>> {
    return this.page<LeadsList>({ what: 'leads lists' }, 'leads_lists', 'leads_lists', {}, limit, offset);
  }

  leadsList(id: number): Promise<LeadsList | undefined> {
    return this.data<LeadsList>({ what: 'Leads list', id: String(id) }, `leads_lists/${id}`);
  }

  createLeadsList(name: string): Promise<LeadsList | undefined> {
    const subject = { what: `the leads list "${name}"`, args: { name: 'name' } };
    return this.data<LeadsList>(subject, 'leads_lists', { method: 'POST', body: { name } });
  }

  async renameLeadsList(id: number, name: string): Promise<LeadsList | undefined> {
    const subject = { what: 'Leads list', id: String(id), args: { name: 'name' } };
    const answer = await this.data<LeadsList>(subject, `leads_lists/${id}`, {
      method: 'PUT',
      body: { name },
    });
    return answer ?? this.leadsList(id);
  }

  /** 204 when deleted, 202 when Hunter deletes a large list in the background. */
  async deleteLeadsList(id: number): Promise<{ scheduled: boolean }> {
    const subject = { what: 'Leads list', id: String(id) };
    const answer = await this.exchange(subject, `leads_lists/${id}`, { method: 'DELETE', idempotent: false });
    return { scheduled: answer.status === 202 };
  }

  // Campaigns

  campaigns(filters: Query, limit: number, offset: number): Promise<Page<Campaign>> {
    return this.page<Campaign>({ what: 'campaigns' }, 'campaigns', 'campaigns', filters, limit, offset);
  }

  /** Hunter has no `GET /campaigns/{id}`: the campaign is looked for in the list (up to 1000). */
  async campaign(id: number): Promise<Campaign | undefined> {
    for (let offset: number | undefined = 0; offset !== undefined && offset < 1000; ) {
      const page: Page<Campaign> = await this.campaigns({}, PAGE_MAX, offset);
      const found = page.items.find((c) => c.id === id);
      if (found) return found;
      offset = page.next;
    }
    return undefined;
  }

  recipients(id: number, limit: number, offset: number): Promise<Page<Recipient>> {
    const subject = { what: 'Campaign', id: String(id) };
    return this.page<Recipient>(subject, `campaigns/${id}/recipients`, 'recipients', {}, limit, offset);
  }

  /**
   * Adds recipients, whom a running campaign then emails. Not repeated after a timeout or 5xx: a
   * repeat would report as skipped the recipients the first request added.
   */
  addRecipients(id: number, emails: string[], leadIds: number[]): Promise<AddedRecipients | undefined> {
    const subject = { what: 'Campaign', id: String(id), args: { emails: 'emails', lead_ids: 'lead_ids' } };
    const body = { ...(emails.length ? { emails } : {}), ...(leadIds.length ? { lead_ids: leadIds } : {}) };
    return this.data<AddedRecipients>(subject, `campaigns/${id}/recipients`, { method: 'POST', body });
  }

  /** Cancels the emails not sent yet to these recipients; repeating it changes nothing more. */
  cancelRecipients(id: number, emails: string[]): Promise<CanceledRecipients | undefined> {
    const subject = { what: 'Campaign', id: String(id), args: { emails: 'emails' } };
    return this.data<CanceledRecipients>(subject, `campaigns/${id}/recipients`, {
      method: 'DELETE',
      body: { emails },
    });
  }

  startCampaign(id: number): Promise<{ message?: string } | undefined> {
    return this.data({ what: 'Campaign', id: String(id) }, `campaigns/${id}/start`, { method: 'POST' });
  }

  async #orNothing<T>(call: () => Promise<T | undefined>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof NothingFound) return undefined;
      throw error;
    }
  }

  /** The quota error, saying when the allowance resets (GET /account is free); as it is when unknown. */
  async #resetDate(error: HunterQuotaExceeded, key: string): Promise<HunterQuotaExceeded> {
    try {
      const client = hunterClient(
        key,
        { what: 'the account' },
        { ...this.#tuning, retries: 0 },
        this.#ctx.log,
      );
      const account = await client.request<Envelope<{ reset_date?: string }> | undefined>(
        'account',
        {},
        this.#ctx.signal,
      );
      const date = account?.data?.reset_date;
      return typeof date === 'string' && date ? error.resetsOn(date.slice(0, 40)) : error;
    } catch {
      return error;
    }
  }
}

/** A 404 that means "Hunter found nobody", turned into an empty answer by the caller. */
class NothingFound extends ToolError {
  constructor() {
    super('Hunter found nothing');
  }
}

function hunterClient(
  key: string,
  subject: Subject,
  tuning: HunterTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  const { sleep, rateLimitWaitMs, verifyFirstDelayMs, verifyDeadlineMs, ...timing } = tuning;
  // An option given as undefined must not override the client's default.
  const tuned = Object.fromEntries(Object.entries(timing).filter(([, value]) => value !== undefined));
  return new UpstreamClient({
    ...tuned,
    service: 'Hunter',
    serverId: SERVER_ID,
    baseUrl: serviceUrl(SERVER_ID, HUNTER_API),
    ...(log ? { log } : {}),
    ...(sleep ? { sleep } : {}),
    auth: () => ({ 'x-api-key': key }),
    mapError: (status, body, headers) => hunterError(status, body, headers, subject, key),
    // A rate limit (a 429, or the 403 Hunter documents) is retried, after Retry-After or a second; a
    // used-up allowance never is, whatever its Retry-After. Hunter did nothing with either, so writes too.
    retryable: (status, _headers, body) => {
      const kind = throttleKind(status, body);
      return kind === 'rate' ? true : kind === 'quota' ? false : undefined;
    },
    retryDelay: (status, _headers, body) =>
      throttleKind(status, body) === 'rate' ? (rateLimitWaitMs ?? 1000) : undefined,
  });
}

/**
 * Checks a key when it is entered (`gumcp auth hunter_io`, the connect page) with `GET /account`,
 * which is free, so a wrong key fails at sign-in rather than at the first tool call.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  tuning: HunterTuning = {},
): Promise<undefined> {
  const key = values.api_key?.trim();
  if (!key) throw new ToolError('api_key: enter the Hunter API key (Hunter > API in your dashboard)');
  try {
    await hunterClient(key, { what: 'the account' }, tuning).request('account');
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'Hunter rejected the API key: check that it was copied whole and has not been deleted',
      );
    }
    throw error;
  }
  return undefined;
}

export type ApiFactory = (ctx: Ctx) => HunterApi;
