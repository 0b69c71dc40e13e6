import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  type UpstreamAnswer,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
  unanswered,
} from '../../upstream/client.js';
import { type Call, mailerliteError } from './errors.js';

/** The current MailerLite API ("new MailerLite"; the classic one lives at api.mailerlite.com). */
export const MAILERLITE_API = 'https://connect.mailerlite.com/api';

/**
 * MailerLite versions its API by date in the X-Version header and answers with the latest version when
 * none is given; the tools are written against the API as it was on this date.
 */
export const API_VERSION = '2026-11-30';

/** The most records MailerLite returns in one page (its `limit`). */
export const PAGE_SIZE = 100;

/** Timing knobs of the upstream client; tests pass tiny values through `createMailerLiteServer(tuning)`. */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

/** A record as MailerLite answers it: its fields vary by kind and are read where they are used. */
export type Rec = Record<string, unknown> & { id: string };

/** A page of a cursor-paged list (subscribers). */
interface CursorPage {
  data?: Rec[];
  meta?: { next_cursor?: string | null };
}

/** A page of a page-numbered list (groups, fields, campaigns, forms, webhooks). */
interface NumberedPage {
  data?: Rec[];
  meta?: { current_page?: number; last_page?: number; total?: number };
}

export interface CursorList {
  items: Rec[];
  /** Continues the list after the last item returned; null at its end. */
  next_cursor: string | null;
}

export interface NumberedList {
  items: Rec[];
  /** The page to ask for to continue; null at the end of the list. */
  next_page: number | null;
  /** Records of the whole list, when MailerLite says. */
  total: number | null;
}

function keyOf(creds: Credentials): string {
  const key = creds.client_key;
  if (typeof key !== 'string' || !key.trim()) {
    throw new AuthRequiredError('mailerlite', 'the stored credentials hold no API key (field "client_key")');
  }
  return key.trim();
}

export function mailerliteClient(
  key: string,
  call: Call,
  tuning: ClientTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  return new UpstreamClient({
    service: 'MailerLite',
    serverId: 'mailerlite',
    baseUrl: serviceUrl('mailerlite', MAILERLITE_API),
    ...(log ? { log } : {}),
    // MailerLite asks for both JSON headers on every request, reads included.
    auth: () => ({
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      'x-version': API_VERSION,
    }),
    mapError: (status, body, headers) => mailerliteError(status, body, headers, call),
    ...tuning,
  });
}

const enc = encodeURIComponent;

/**
 * The MailerLite calls, by path. Every request reads the stored key afresh, so a key replaced
 * mid-session is used from the next call on. Lists are followed page after page up to a limit.
 */
export class MailerLiteApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  /** One request, answered in full (status and headers besides the body). */
  async #exchange<T>(call: Call, path: string, req: UpstreamRequest): Promise<UpstreamAnswer<T>> {
    const key = keyOf(await this.#ctx.credentials());
    const client = mailerliteClient(key, call, this.#tuning, this.#ctx.log);
    try {
      return await client.exchange<T>(path, req, this.#ctx.signal);
    } catch (error) {
      // A write that got no answer: say which, and what to check, as a 5xx does.
      if (call.uncertain && unanswered(error)) {
        throw new ToolError(`MailerLite did not answer while ${call.doing}: ${call.uncertain}`);
      }
      throw error;
    }
  }

  /** One request's answer body. */
  async request<T = unknown>(call: Call, path: string, req: UpstreamRequest = {}): Promise<T> {
    return (await this.#exchange<T>(call, path, req)).body;
  }

  /** A record and the status it came with (201 created, 200 an existing one updated). */
  async exchange(
    call: Call,
    path: string,
    req: UpstreamRequest = {},
  ): Promise<{ status: number; record: Rec }> {
    const answer = await this.#exchange<{ data?: Rec }>(call, path, req);
    const record = answer.body?.data;
    if (!record || typeof record !== 'object') {
      throw new ToolError(`MailerLite answered without the record while ${call.doing}; try again`);
    }
    return { status: answer.status, record };
  }

  /** A record: GET, PUT or POST answering `{data: {...}}`. */
  async record(call: Call, path: string, req: UpstreamRequest = {}): Promise<Rec> {
    return (await this.exchange(call, path, req)).record;
  }

  /** A request answered with 204 and no body (deletes, unassigning). */
  async none(call: Call, path: string, req: UpstreamRequest): Promise<void> {
    await this.request(call, path, req);
  }

  /** A cursor-paged list (`meta.next_cursor`), followed up to `limit` records. */
  async cursorList(
    call: Call,
    path: string,
    query: Query,
    limit: number,
    cursor?: string,
  ): Promise<CursorList> {
    const items: Rec[] = [];
    const seen = new Set<string>();
    let next: string | null = cursor ?? null;
    do {
      if (next) seen.add(next);
      const page = await this.request<CursorPage>(call, path, {
        query: { ...query, limit: Math.min(limit, PAGE_SIZE), ...(next ? { cursor: next } : {}) },
      });
      const got = Array.isArray(page?.data) ? page.data : [];
      items.push(...got);
      next = got.length > 0 ? (page?.meta?.next_cursor ?? null) : null;
      if (next && seen.has(next)) next = null;
    } while (next && items.length < limit);
    return { items, next_cursor: next };
  }

  /** A page-numbered list (`page`, `meta.last_page`), followed from `page` up to `limit` records. */
  async numberedList(
    call: Call,
    path: string,
    query: Query,
    limit: number,
    page = 1,
    sendLimit = true,
  ): Promise<NumberedList> {
    const items: Rec[] = [];
    let total: number | null = null;
    let current = page;
    for (;;) {
      const answer = await this.request<NumberedPage>(call, path, {
        query: { ...query, ...(sendLimit ? { limit: Math.min(limit, PAGE_SIZE) } : {}), page: current },
      });
      const got = Array.isArray(answer?.data) ? answer.data : [];
      items.push(...got);
      total = typeof answer?.meta?.total === 'number' ? answer.meta.total : total;
      const last = answer?.meta?.last_page;
      const more = got.length > 0 && typeof last === 'number' && current < last;
      if (!more) return { items, next_page: null, total };
      current++;
      if (items.length >= limit) return { items, next_page: current, total };
    }
  }
}

export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>) => MailerLiteApi;

export const apiFactory =
  (tuning: ClientTuning = {}): ApiFactory =>
  (ctx) =>
    new MailerLiteApi(ctx, tuning);

export const paths = {
  subscribers: 'subscribers',
  subscriber: (idOrEmail: string) => `subscribers/${enc(idOrEmail)}`,
  groups: 'groups',
  group: (id: string) => `groups/${enc(id)}`,
  groupSubscribers: (id: string) => `groups/${enc(id)}/subscribers`,
  membership: (subscriber: string, group: string) => `subscribers/${enc(subscriber)}/groups/${enc(group)}`,
  fields: 'fields',
  field: (id: string) => `fields/${enc(id)}`,
  campaigns: 'campaigns',
  campaign: (id: string) => `campaigns/${enc(id)}`,
  schedule: (id: string) => `campaigns/${enc(id)}/schedule`,
  cancel: (id: string) => `campaigns/${enc(id)}/cancel`,
  languages: 'campaigns/languages',
  forms: (type: string) => `forms/${enc(type)}`,
  form: (id: string) => `forms/${enc(id)}`,
  webhooks: 'webhooks',
  webhook: (id: string) => `webhooks/${enc(id)}`,
};

/**
 * Checks the key when it is entered (`gumcp auth mailerlite`) with the cheapest read there is, the
 * subscriber count (`GET /subscribers?limit=0`), so a wrong key fails at sign-in and not at the first
 * tool call. Stores nothing else.
 */
export async function verifyMailerLiteKey(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<undefined> {
  const key = values.client_key?.trim();
  if (!key) {
    throw new ToolError(
      'client_key: enter the MailerLite API key (Integrations > MailerLite API in MailerLite)',
    );
  }
  const call: Call = { subject: { what: 'Account', id: 'of the key' }, doing: 'checking the API key' };
  try {
    await mailerliteClient(key, call, tuning).request(paths.subscribers, { query: { limit: 0 } });
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'MailerLite rejected the API key: check that it was copied whole, has not been revoked, and that the ' +
          'user who created it is still on the account',
      );
    }
    throw error;
  }
  return undefined;
}
