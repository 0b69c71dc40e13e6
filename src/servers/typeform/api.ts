import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { type Query, UpstreamClient, type UpstreamOptions } from '../../upstream/client.js';
import type { Spacer } from '../../upstream/spacer.js';
import { type Clock, realClock } from '../../util/clock.js';
import { type Subject, typeformError } from './errors.js';
import { hostOf, type Region, type RegionHosts, regionOfCredentials, regionOfUrl } from './region.js';

/** Typeform's largest page of forms and workspaces (`page_size`). */
export const LIST_PAGE = 200;
/** Typeform's largest page of responses. */
export const RESPONSES_PAGE = 1000;

/** Timing knobs: retries, the throttle's clock (tests pass a virtual one), the hosts of each region. */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  clock?: Clock;
  hosts?: RegionHosts;
}

// The parts of Typeform's objects this server reads.

export interface TfWorkspace {
  id: string;
  name?: string;
  default?: boolean;
  shared?: boolean;
  account_id?: string;
  /** An object in the API's answers; an array in some of its documentation's examples. */
  forms?: { count?: number; href?: string } | { count?: number; href?: string }[];
  self?: { href?: string } | { href?: string }[];
  [field: string]: unknown;
}

export interface TfFormSummary {
  id: string;
  title?: string;
  created_at?: string;
  last_updated_at?: string;
  type?: string;
  settings?: { is_public?: boolean; [field: string]: unknown };
  self?: { href?: string };
  workspace?: { href?: string };
  _links?: { display?: string; responses?: string };
  [field: string]: unknown;
}

export interface TfField {
  id: string;
  ref?: string;
  title?: string;
  type?: string;
  properties?: { fields?: TfField[]; [field: string]: unknown };
  [field: string]: unknown;
}

export interface TfForm extends TfFormSummary {
  fields?: TfField[];
}

export interface TfAnswer {
  field?: { id?: string; type?: string; ref?: string; title?: string };
  type?: string;
  [value: string]: unknown;
}

export interface TfResponse {
  response_id?: string;
  token?: string;
  landed_at?: string;
  submitted_at?: string;
  hidden?: Record<string, unknown>;
  calculated?: { score?: number };
  answers?: TfAnswer[] | null;
  [field: string]: unknown;
}

/** A page of a list: `total_items`, `page_count` and the `items`. */
export interface TfPage<T> {
  total_items?: number;
  page_count?: number;
  items?: T[] | null;
}

const enc = encodeURIComponent;

/** The stored access token, or a sign-in error. */
function tokenOf(credentials: Credentials): string {
  const token = credentials.access_token;
  if (typeof token !== 'string' || !token) {
    throw new AuthRequiredError('typeform', 'the stored credentials hold no access token');
  }
  return token;
}

/** A client for one region's host, spacing requests with the token's throttle. */
function typeformClient(
  token: string,
  region: Region,
  subject: Subject,
  scope: string,
  throttle: Spacer,
  tuning: ClientTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  const { clock = realClock, hosts, ...rest } = tuning;
  return new UpstreamClient({
    service: 'Typeform',
    serverId: 'typeform',
    baseUrl: hostOf(region, hosts),
    ...(log ? { log } : {}),
    auth: () => ({ authorization: `Bearer ${token}` }),
    beforeAttempt: (_path, signal) => throttle.wait(token, signal),
    mapError: (status, body) => typeformError(status, body, subject, scope),
    // Typeform's limit is per second and its 429 says no more: the next window is a second away.
    retryDelay: (status) => (status === 429 ? 1000 : undefined),
    sleep: (ms, signal) => clock.sleep(ms, signal),
    ...rest,
  });
}

/** The Typeform calls this server makes (Create API for forms and workspaces, Responses API). */
export class TypeformApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #scope: string;
  readonly #throttle: Spacer;
  readonly #tuning: ClientTuning;

  constructor(
    ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
    scope: string,
    throttle: Spacer,
    tuning: ClientTuning,
  ) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#throttle = throttle;
    this.#tuning = tuning;
  }

  /**
   * A GET on the stored region's host, or on `region` when the caller knows it (a form's responses).
   * The credentials are read per request, so a token refreshed mid-session is used from the next one.
   */
  async get<T>(subject: Subject, path: string, query: Query = {}, region?: Region): Promise<T> {
    const creds = await this.#ctx.credentials();
    const client = typeformClient(
      tokenOf(creds),
      region ?? regionOfCredentials(creds),
      subject,
      this.#scope,
      this.#throttle,
      this.#tuning,
      this.#ctx.log,
    );
    return client.request<T>(path, { query }, this.#ctx.signal);
  }

  workspacesPage(page: number, pageSize = LIST_PAGE): Promise<TfPage<TfWorkspace>> {
    return this.get({ what: 'Workspaces', id: 'of the account' }, 'workspaces', {
      page,
      page_size: pageSize,
    });
  }

  workspace(id: string): Promise<TfWorkspace> {
    return this.get({ what: 'Workspace', id }, `workspaces/${enc(id)}`);
  }

  formsPage(
    filters: { search?: string; workspace_id?: string },
    page: number,
    pageSize = LIST_PAGE,
  ): Promise<TfPage<TfFormSummary>> {
    const subject = filters.workspace_id
      ? { what: 'Workspace', id: filters.workspace_id }
      : { what: 'Forms', id: 'of the account' };
    return this.get(subject, 'forms', { ...filters, page, page_size: pageSize });
  }

  form(id: string): Promise<TfForm> {
    return this.get({ what: 'Form', id }, `forms/${enc(id)}`);
  }

  /**
   * A page of a form's responses, from the host of the form's Responses Data Center: its
   * `_links.responses` names it (Typeform's documented way), else the region stored at sign-in.
   */
  responsesPage(form: TfFormSummary, query: Query): Promise<TfPage<TfResponse>> {
    return this.get(
      { what: 'Form', id: form.id },
      `forms/${enc(form.id)}/responses`,
      query,
      regionOfUrl(form._links?.responses),
    );
  }

  /** Follows `page` numbers of a list (forms, workspaces) until `limit` items or the last page. */
  async pages<T>(
    fetchPage: (page: number, pageSize: number) => Promise<TfPage<T>>,
    limit: number,
  ): Promise<{ items: T[]; total: number | null; more: boolean }> {
    const items: T[] = [];
    let total: number | null = null;
    for (let page = 1; ; page++) {
      const r = await fetchPage(page, LIST_PAGE);
      const got = r.items ?? [];
      items.push(...got);
      total = r.total_items ?? total;
      const last = got.length === 0 || page >= (r.page_count ?? page);
      if (items.length >= limit)
        return { items: items.slice(0, limit), total, more: !last || items.length > limit };
      if (last) return { items, total, more: false };
    }
  }
}

export type ApiFactory = (
  ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
  scope: string,
) => TypeformApi;

export function apiFactory(throttle: Spacer, tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new TypeformApi(ctx, scope, throttle, tuning);
}

/**
 * Learns at sign-in where the account's responses live. Typeform answers `/me` alike on both hosts,
 * so it cannot tell; a form's `_links.responses` names the host (Typeform's documented way), so the
 * first form is asked for. An account without forms stores no region: each form's own link decides
 * later. A refused token fails the sign-in.
 */
export async function discoverRegion(
  credentials: Readonly<Credentials>,
  throttle: Spacer,
  tuning: ClientTuning = {},
): Promise<Credentials> {
  const token = tokenOf(credentials);
  const client = typeformClient(
    token,
    'us',
    { what: 'Forms', id: 'of the account' },
    'forms:read',
    throttle,
    tuning,
  );
  try {
    const page = await client.get<TfPage<TfFormSummary>>('forms', { page_size: 1 });
    const region = regionOfUrl(page.items?.[0]?._links?.responses);
    return region ? { region } : {};
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'Typeform did not accept the new token; sign in again and grant the access asked for',
      );
    }
    // The region is a convenience: each form's link still decides where its responses are read.
    return {};
  }
}
