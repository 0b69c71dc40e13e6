import { createHash, randomUUID } from 'node:crypto';
import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import {
  apiUrlVariable,
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { type Call, ingestionError, posthogError, throttleWait } from './errors.js';
import { assertPublicHost, ingestionHost, normalizeHost } from './hosts.js';

/**
 * PostHog's REST API is not versioned by header or path; the tools are written against its OpenAPI
 * schema (`/api/schema/`) and ingestion docs as they were at the end of 2025: `/api/projects/{id}/...`
 * for the private API, `/i/v0/e/` for capture and `/flags?v=2` for flag evaluation.
 */
export const API_SNAPSHOT = '2025-12';

/** The most records a list asks PostHog for in one page (its default page size). */
export const PAGE_SIZE = 100;

/** The variable that points the ingestion host elsewhere (a proxy, or a test fake). */
export const INGEST_ID = 'posthog-ingest';

/** Timing knobs of the upstream clients; tests pass tiny values through `createPostHogServer(tuning)`. */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

/** A record as PostHog answers it: its fields vary by kind and are read where they are used. */
export type Rec = Record<string, unknown>;

/** The stored sign-in: the personal API key, the app host, and what sign-in learned about the project. */
export interface Account {
  key: string;
  host: string;
  projectId?: string;
  projectToken?: string;
  organizationId?: string;
}

/** The project PostHog calls the user's current one (`/api/users/@me/`). */
export interface CurrentProject {
  projectId: string;
  name: string | null;
  apiToken: string | null;
  organizationId: string | null;
  organizationName: string | null;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/** The account in stored credentials: guMCP stored `api_key` alone; gumcp adds host and project. */
export function accountOf(creds: Readonly<Credentials>): Account {
  const key = text(creds.api_key);
  if (!key) {
    throw new AuthRequiredError(
      'posthog',
      'the stored credentials hold no personal API key (field "api_key")',
    );
  }
  let host: string;
  try {
    host = normalizeHost(text(creds.host));
  } catch (error) {
    throw new AuthRequiredError('posthog', `the stored host is not usable (${(error as Error).message})`);
  }
  return {
    key,
    host,
    projectId: text(creds.project_id),
    projectToken: text(creds.project_api_token),
    organizationId: text(creds.organization_id),
  };
}

/** Where private API calls go: the operator's override (a proxy, a test fake) or the account's host. */
async function appRoot(account: Account): Promise<string> {
  if (process.env[apiUrlVariable('posthog')]) return serviceUrl('posthog', account.host);
  await assertPublicHost(account.host);
  return account.host;
}

/** Where capture and flag calls go: the operator's override or the region's ingestion host. */
async function ingestRoot(account: Account): Promise<string> {
  if (process.env[apiUrlVariable(INGEST_ID)]) return serviceUrl(INGEST_ID, ingestionHost(account.host));
  await assertPublicHost(account.host);
  return ingestionHost(account.host);
}

export function privateClient(
  account: Account,
  baseUrl: string,
  call: Call,
  tuning: ClientTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  return new UpstreamClient({
    service: 'PostHog',
    serverId: 'posthog',
    baseUrl,
    ...(log ? { log } : {}),
    auth: () => ({ authorization: `Bearer ${account.key}` }),
    mapError: (status, body, headers) => posthogError(status, body, headers, call),
    retryDelay: (_status, _headers, body) => throttleWait(body),
    ...tuning,
  });
}

/** A page of a limit/offset list. */
interface Page {
  count?: number;
  next?: string | null;
  results?: Rec[];
}

export interface ListResult {
  items: Rec[];
  /** Records of the whole list, when PostHog says. */
  count: number | null;
  /** The offset to continue from; null at the end. */
  next_offset: number | null;
}

/** The number behind `offset=` in a `next` URL, for a continuation the caller can make. */
function offsetOf(next: string): number | null {
  try {
    const value = Number(new URL(next).searchParams.get('offset'));
    return Number.isInteger(value) && value >= 0 ? value : null;
  } catch {
    return null;
  }
}

const enc = encodeURIComponent;

/**
 * Project lookups shared by the sessions of one server: the current project of a key, by key and host,
 * kept for an hour (a user may switch projects in PostHog).
 */
type Discovery = Map<string, { at: number; found: Promise<CurrentProject> }>;

const DISCOVERY_TTL_MS = 60 * 60_000;

/** What the API needs of a tool call: its credentials, and optionally its log and cancellation. */
export interface CallContext {
  credentials(): Promise<Credentials>;
  log?: ToolContext['log'];
  signal?: AbortSignal;
}

/**
 * The PostHog calls, by path. Every request reads the stored credentials afresh, so a key replaced
 * mid-session is used from the next call on. Lists follow PostHog's `next` links (on the same host
 * only) up to a limit.
 */
export class PostHogApi {
  readonly #ctx: CallContext;
  readonly #tuning: ClientTuning;
  readonly #discovery: Discovery;

  constructor(ctx: CallContext, tuning: ClientTuning, discovery: Discovery) {
    this.#ctx = ctx;
    this.#tuning = tuning;
    this.#discovery = discovery;
  }

  async account(): Promise<Account> {
    return accountOf(await this.#ctx.credentials());
  }

  /** One request to the private API; `path` is relative to the host (`api/...`) or a same-host URL. */
  async request<T = Rec>(call: Call, path: string, req: UpstreamRequest = {}, account?: Account): Promise<T> {
    const acct = account ?? (await this.account());
    const client = privateClient(acct, await appRoot(acct), call, this.#tuning, this.#ctx.log);
    try {
      return await client.request<T>(path, req, this.#ctx.signal);
    } catch (error) {
      throw uncertainty(error, call);
    }
  }

  /** The user's current project, asked once per key and host (`GET /api/users/@me/`). */
  async current(account?: Account): Promise<CurrentProject> {
    const acct = account ?? (await this.account());
    const id = createHash('sha256').update(`${acct.host}\n${acct.key}`).digest('hex');
    const now = Date.now();
    const known = this.#discovery.get(id);
    if (known && now - known.at < DISCOVERY_TTL_MS) return known.found;
    if (this.#discovery.size > 1000) this.#discovery.clear();
    const found = this.request<Rec>(
      { subject: { what: 'User', id: '@me' }, doing: 'looking up your current PostHog project' },
      'api/users/@me/',
      {},
      acct,
    ).then(currentProject);
    this.#discovery.set(id, { at: now, found });
    found.catch(() => this.#discovery.delete(id));
    return found;
  }

  /** The project a call works in: the tool's project_id, else the one stored at sign-in, else the current one. */
  async project(projectId?: string, account?: Account): Promise<string> {
    if (projectId) return projectId;
    const acct = account ?? (await this.account());
    return acct.projectId ?? (await this.current(acct)).projectId;
  }

  /** A request under `/api/projects/{project}/`. */
  async inProject<T = Rec>(
    call: Call,
    projectId: string | undefined,
    path: string,
    req: UpstreamRequest = {},
  ): Promise<T> {
    const account = await this.account();
    const project = await this.project(projectId, account);
    return this.request<T>(aboutProject(call, project), `api/projects/${enc(project)}/${path}`, req, account);
  }

  /**
   * A limit/offset list under the project, page after page up to `limit` records from `offset`.
   * PostHog's `next` links are followed only when they stay on the host the key is sent to.
   */
  async list(
    call: Call,
    projectId: string | undefined,
    path: string,
    query: Query,
    limit: number,
    offset = 0,
  ): Promise<ListResult> {
    const account = await this.account();
    const project = await this.project(projectId, account);
    const base = new URL(await appRoot(account));
    const items: Rec[] = [];
    let count: number | null = null;
    let next: string | null = null;
    let target = `api/projects/${enc(project)}/${path}`;
    let req: UpstreamRequest = { query: { ...query, limit: Math.min(limit, PAGE_SIZE), offset } };
    for (;;) {
      const page = await this.request<Page>(aboutProject(call, project), target, req, account);
      const got = Array.isArray(page?.results) ? page.results : [];
      items.push(...got);
      count = typeof page?.count === 'number' ? page.count : count;
      next = got.length > 0 && typeof page?.next === 'string' ? page.next : null;
      if (items.length >= limit || !next) break;
      const link = sameHost(next, base);
      if (!link) break;
      target = link;
      req = {};
    }
    if (items.length > limit) return { items: items.slice(0, limit), count, next_offset: offset + limit };
    return { items, count, next_offset: next ? (offsetOf(next) ?? offset + items.length) : null };
  }

  /** A list PostHog pages by `next` links alone (activity logs), followed up to `limit` records. */
  async linked(
    call: Call,
    projectId: string | undefined,
    path: string,
    limit: number,
  ): Promise<{ items: Rec[]; more: boolean }> {
    const account = await this.account();
    const project = await this.project(projectId, account);
    const base = new URL(await appRoot(account));
    const items: Rec[] = [];
    let target: string | null = `api/projects/${enc(project)}/${path}`;
    let more = false;
    while (target) {
      const page: Page = await this.request<Page>(aboutProject(call, project), target, {}, account);
      const got = Array.isArray(page?.results) ? page.results : [];
      items.push(...got);
      const next = got.length > 0 && typeof page?.next === 'string' ? page.next : null;
      more = Boolean(next) || items.length > limit;
      if (items.length >= limit || !next) break;
      target = sameHost(next, base);
    }
    return { items: items.slice(0, limit), more };
  }

  /** The project API key (phc_) of a project, for capture and flags: given, stored, or looked up. */
  async projectToken(projectId?: string, given?: string): Promise<{ project: string | null; token: string }> {
    if (given) return { project: projectId ?? null, token: given };
    const account = await this.account();
    const project = projectId ?? account.projectId;
    if (account.projectToken && (!project || project === account.projectId)) {
      return { project: project ?? null, token: account.projectToken };
    }
    // The current project is asked only when sign-in stored no project or organization (guMCP's credentials).
    const current = project && account.organizationId ? undefined : await this.current(account);
    const wanted = project ?? (current as CurrentProject).projectId;
    if (current && wanted === current.projectId && current.apiToken) {
      return { project: wanted, token: current.apiToken };
    }
    const org = account.organizationId ?? current?.organizationId ?? '@current';
    const found = await this.request<Rec>(
      {
        subject: {
          what: 'Project',
          id: `${wanted} (in organization ${org}; pass project_api_token for another)`,
        },
        doing: `looking up the project API key of project ${wanted}`,
      },
      `api/organizations/${enc(org)}/projects/${enc(wanted)}/`,
      {},
      account,
    );
    const token = text(found.api_token);
    if (!token)
      throw new ToolError(`PostHog gave no project API key for project ${wanted}; pass project_api_token`);
    return { project: wanted, token };
  }

  /** A POST to the ingestion host (capture, flags), authenticated by the project API key in its body. */
  async ingest<T = Rec>(call: Call, path: string, body: Rec, query?: Query): Promise<T> {
    const account = await this.account();
    const client = new UpstreamClient({
      service: 'PostHog',
      serverId: 'posthog',
      baseUrl: await ingestRoot(account),
      ...(this.#ctx.log ? { log: this.#ctx.log } : {}),
      mapError: (status, answer) => ingestionError(status, answer, call),
      ...this.#tuning,
    });
    try {
      // Capture carries the event's own uuid, which PostHog deduplicates on; flags only read: both
      // may be sent again after a timeout or a 5xx.
      return await client.request<T>(
        path,
        { method: 'POST', body, query, idempotent: true },
        this.#ctx.signal,
      );
    } catch (error) {
      throw uncertainty(error, call);
    }
  }
}

/** A call about the project itself names, when PostHog answers 404, the project it resolved to. */
const aboutProject = (call: Call, project: string): Call =>
  call.subject.what === 'Project' ? { ...call, subject: { what: 'Project', id: project } } : call;

/** A write that got no answer names itself and what to check, as a 5xx does. */
function uncertainty(error: unknown, call: Call): unknown {
  if (call.uncertain && error instanceof ToolError && error.message.startsWith('PostHog did not answer')) {
    return new ToolError(`PostHog did not answer while ${call.doing}: ${call.uncertain}`);
  }
  return error;
}

/**
 * A `next` link as a URL to request with the key, when it stays on the host the key belongs to
 * (PostHog behind a proxy may write it with http:, so the base's scheme is kept); null otherwise.
 */
export function sameHost(next: string, base: URL): string | null {
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.host !== base.host || !url.pathname.startsWith(`${base.pathname.replace(/\/$/, '')}/api/`))
    return null;
  return `${base.origin}${url.pathname}${url.search}`;
}

function currentProject(me: Rec): CurrentProject {
  const team = (me.team ?? {}) as Rec;
  const org = (me.organization ?? {}) as Rec;
  const projectId = text(team.project_id) ?? text(team.id);
  if (!projectId) {
    throw new ToolError(
      'PostHog names no current project for this key; give project_id when signing in (gumcp auth posthog)',
    );
  }
  return {
    projectId,
    name: text(team.name) ?? null,
    apiToken: text(team.api_token) ?? null,
    organizationId: text(org.id) ?? null,
    organizationName: text(org.name) ?? null,
  };
}

export type ApiFactory = (ctx: CallContext) => PostHogApi;

/** Makes the API of each tool call; the project lookups are shared by every session of the server. */
export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  const discovery: Discovery = new Map();
  return (ctx) => new PostHogApi(ctx, tuning, discovery);
}

/** A fresh event uuid: PostHog deduplicates events by it, so a resent capture is stored once. */
export const eventId = (): string => randomUUID();

/**
 * Checks the values entered at sign-in (`gumcp auth posthog`): the host is a PostHog address, the
 * personal API key works (`GET /api/users/@me/`), and the project is one the key can use. Returns
 * what the check learned, stored with the key: the project (the user's current one when none was
 * given), its name, its project API key (public; used by capture and flags) and the organization.
 */
export async function verifyPostHogKey(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<Credentials> {
  const key = values.api_key?.trim();
  if (!key) {
    throw new ToolError(
      'api_key: enter a PostHog personal API key (phx_...), created at Settings > Personal API keys',
    );
  }
  if (/^phc_/.test(key)) {
    throw new ToolError(
      'api_key: this is a project API key (phc_...), which only sends events; the tools need a personal API key ' +
        '(phx_...), created at Settings > Personal API keys',
    );
  }
  const host = normalizeHost(values.host);
  const wanted = values.project_id?.trim();
  if (wanted && !/^\d{1,12}$/.test(wanted)) {
    throw new ToolError(
      `project_id: "${wanted.slice(0, 40)}" is not a PostHog project id (a number, e.g. 12345)`,
    );
  }
  const account: Account = { key, host };
  const api = new PostHogApi({ credentials: async () => ({ api_key: key, host }) }, tuning, new Map());
  let current: CurrentProject;
  try {
    current = await api.current(account);
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        `PostHog at ${host} rejected the personal API key: check it was copied whole, has not been rolled or ` +
          'deleted, and belongs to this host (US and EU Cloud keys differ)',
      );
    }
    throw error;
  }
  const learned: Credentials = {
    organization_id: current.organizationId ?? undefined,
  };
  if (!wanted || wanted === current.projectId) {
    return clean({
      ...learned,
      project_id: current.projectId,
      project_name: current.name ?? undefined,
      project_api_token: current.apiToken ?? undefined,
    });
  }
  const org = current.organizationId ?? '@current';
  try {
    const project = await api.request<Rec>(
      { subject: { what: 'Project', id: wanted }, doing: `checking project ${wanted}` },
      `api/organizations/${enc(org)}/projects/${enc(wanted)}/`,
      {},
      account,
    );
    return clean({
      ...learned,
      project_name: text(project.name),
      project_api_token: text(project.api_token),
    });
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new ToolError(
        `project_id: PostHog has no project ${wanted} in your current organization` +
          `${current.organizationName ? ` "${current.organizationName}"` : ''}; your current project is ` +
          `${current.projectId}${current.name ? ` ("${current.name}")` : ''}`,
      );
    }
    throw error;
  }
}

const clean = (creds: Credentials): Credentials =>
  Object.fromEntries(Object.entries(creds).filter(([, v]) => v !== undefined));
