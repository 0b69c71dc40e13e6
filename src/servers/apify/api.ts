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
import { type JobState, type PollOptions, pollJob } from '../../upstream/poll.js';
import { apifyError, SERVER_ID, type Subject } from './errors.js';
import type { ApifyList, Build, JobStatus, Run } from './types.js';

/** Apify API v2; GUMCP_APIFY_API_URL points it elsewhere (tests: a fake on loopback). */
export const APIFY_API = 'https://api.apify.com/v2';

/** Apify's largest page of a list. */
export const PAGE_MAX = 1000;

/** How jobs are waited for: pollJob's delays and sleep, and how long one look may wait at Apify. */
export interface JobTuning
  extends Pick<PollOptions<unknown>, 'initialDelayMs' | 'maxDelayMs' | 'sleep' | 'now'> {
  /** `waitForFinish` of each look at a run or build: Apify answers as soon as it ends, or after this (≤ 60 s). */
  waitForFinishSecs?: number;
}

/** Knobs of the upstream client and of job polling; only tests change them. */
export interface ApifyTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  jobs?: JobTuning;
}

/**
 * Each look at a running job asks Apify to hold the answer up to 30 s (its `waitForFinish`), so a run
 * that ends is seen at once, and the client hears progress at least every 30 s; between looks the
 * poller pauses briefly.
 */
const JOB_DEFAULTS: Required<Omit<JobTuning, 'sleep' | 'now'>> = {
  initialDelayMs: 250,
  maxDelayMs: 1000,
  waitForFinishSecs: 30,
};

const TERMINAL = new Set<JobStatus>(['SUCCEEDED', 'FAILED', 'TIMED-OUT', 'ABORTED']);

type Ctx = Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'progress'>;

const enc = encodeURIComponent;

/** A job the tools wait for: an Actor run or an Actor build. */
type JobKind = 'run' | 'build';
const JOB_PATH: Record<JobKind, string> = { run: 'actor-runs', build: 'actor-builds' };

/** A page of a list and where the next one starts. */
export interface Page<T> {
  items: T[];
  total: number | null;
  next: number | null;
}

/** A page of dataset items as Apify's pagination headers describe it. */
export interface ItemsAnswer {
  items: unknown[];
  total: number | null;
  offset: number;
}

/** How a job wait ended: with the job finished, or still running when the caller's wait ran out. */
export interface Waited<J> {
  job: J;
  finished: boolean;
}

function tokenOf(credentials: Record<string, unknown>): string {
  const token = credentials.token;
  if (typeof token !== 'string' || !token.trim()) {
    throw new AuthRequiredError(SERVER_ID, 'the stored credentials hold no Apify API token (field token)');
  }
  return token.trim();
}

function client(token: string, subject: Subject, tuning: ApifyTuning, log?: Ctx['log'], timeoutMs?: number) {
  const { jobs: _jobs, ...timing } = tuning;
  const tuned = Object.fromEntries(Object.entries(timing).filter(([, v]) => v !== undefined));
  return new UpstreamClient({
    // Apify asks clients to back off from 500 ms, doubling, after a 429.
    backoffMs: 500,
    ...tuned,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    service: 'Apify',
    serverId: SERVER_ID,
    baseUrl: serviceUrl(SERVER_ID, APIFY_API),
    ...(log ? { log } : {}),
    auth: () => ({ authorization: `Bearer ${token}` }),
    mapError: (status, body, headers) => apifyError(status, body, headers, subject, token),
  });
}

/** Whole numbers from a header, or null. */
const header = (headers: Headers, name: string): number | null => {
  const value = Number(headers.get(name));
  return headers.has(name) && Number.isFinite(value) ? value : null;
};

/**
 * The Apify API v2 calls of one tool call. The token goes in the Authorization header (never in a URL,
 * though Apify accepts `?token=`), is read on every call, and is cleaned out of any message Apify sends.
 */
export class ApifyApi {
  readonly #ctx: Ctx;
  readonly #tuning: ApifyTuning;

  constructor(ctx: Ctx, tuning: ApifyTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  async exchange<T>(
    subject: Subject,
    path: string,
    req: UpstreamRequest = {},
    options: { signal?: AbortSignal | null; timeoutMs?: number } = {},
  ): Promise<UpstreamAnswer<T>> {
    const token = tokenOf(await this.#ctx.credentials());
    const signal = options.signal === null ? undefined : (options.signal ?? this.#ctx.signal);
    return client(token, subject, this.#tuning, this.#ctx.log, options.timeoutMs).exchange<T>(
      path,
      req,
      signal,
    );
  }

  /** The `data` of an answer (Apify wraps objects in `{ data }`). */
  async data<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const { body } = await this.exchange<{ data?: T } | undefined>(subject, path, req);
    if (!body?.data) throw new ToolError(`Apify answered without the ${subject.what.toLowerCase()}`);
    return body.data;
  }

  /** A request answered with no content (a delete): 204. */
  async send(subject: Subject, path: string, req: UpstreamRequest): Promise<void> {
    await this.exchange(subject, path, req);
  }

  /**
   * A list followed page after page (`offset` and `limit`, at most 1000 a page, Apify's own cap may be
   * lower) until `limit` items are in hand or the list ends.
   */
  async list<T>(subject: Subject, path: string, query: Query, limit: number, offset = 0): Promise<Page<T>> {
    const items: T[] = [];
    let at = offset;
    let total: number | null = null;
    while (items.length < limit) {
      const size = Math.min(PAGE_MAX, limit - items.length);
      const page = await this.data<ApifyList<T>>(subject, path, {
        query: { ...query, offset: at, limit: size },
      });
      const got = page.items ?? [];
      items.push(...got.slice(0, size));
      at += got.length;
      total = typeof page.total === 'number' ? page.total : total;
      if (got.length === 0 || (total !== null && at >= total)) return { items, total, next: null };
    }
    return { items, total, next: total === null || at < total ? at : null };
  }

  /** A page of a dataset's items; Apify answers the array and tells the paging in X-Apify-Pagination-* headers. */
  async items(datasetId: string, offset: number, limit: number, fields?: string[]): Promise<ItemsAnswer> {
    const { body, headers } = await this.exchange<unknown>(
      { what: 'Dataset', id: datasetId, permission: `read dataset ${datasetId}`, arg: 'fields' },
      `datasets/${enc(datasetId)}/items`,
      {
        query: {
          format: 'json',
          offset,
          limit,
          // Fields whose name starts with # are the Actor's own bookkeeping (Apify calls them hidden).
          skipHidden: true,
          ...(fields?.length ? { fields: fields.join(',') } : {}),
        },
      },
    );
    return {
      items: Array.isArray(body) ? body : [],
      total: header(headers, 'x-apify-pagination-total'),
      offset: header(headers, 'x-apify-pagination-offset') ?? offset,
    };
  }

  /**
   * Starts a run of an Actor (`actors`) or a task (`actor-tasks`). It costs money, so it is never sent
   * twice after a timeout or a 5xx: the upstream client repeats a POST only after a 429, which Apify did
   * not act on.
   */
  startRun(
    owner: 'actors' | 'actor-tasks',
    id: string,
    input: Record<string, unknown> | undefined,
    options: Query,
  ): Promise<Run> {
    const what = owner === 'actors' ? 'Actor' : 'Actor task';
    return this.data<Run>(
      { what, id, permission: `run ${what.toLowerCase()} ${id} (the Run permission on it)`, arg: 'body' },
      `${owner}/${enc(id)}/runs`,
      { method: 'POST', query: options, ...(input ? { body: input } : {}) },
    );
  }

  /** Starts a build of a version of an Actor; a build uses compute, so it is not repeated either. */
  startBuild(actorId: string, query: Query): Promise<Build> {
    return this.data<Build>(
      { what: 'Actor', id: actorId, permission: `build Actor ${actorId}`, arg: 'version' },
      `actors/${enc(actorId)}/builds`,
      { method: 'POST', query },
    );
  }

  /**
   * Waits for a run or build with the shared poller: progress to the client at each look (Apify's
   * status message), and on the client's cancellation the job is aborted at Apify. A run that fails,
   * times out or is aborted fails the call with Apify's reason; one still going when `waitMs` runs out
   * is returned as it stands (`finished: false`), since it goes on at Apify.
   */
  async wait<J extends Run | Build>(
    kind: JobKind,
    started: J,
    what: string,
    waitMs: number,
  ): Promise<Waited<J>> {
    if (TERMINAL.has(started.status)) return this.#ended(started, what);
    if (waitMs <= 0) return { job: started, finished: false };
    const { waitForFinishSecs, ...polling } = { ...JOB_DEFAULTS, ...this.#tuning.jobs };
    let job = started;
    let first = true;
    const settled = await pollJob<J>({
      what,
      check: async ({ remainingMs }): Promise<JobState<J>> => {
        // Apify holds each look until the job ends or the time left (at most waitForFinishSecs) is up.
        if (!first)
          job = await this.#look(kind, job.id, Math.min(waitForFinishSecs, Math.ceil(remainingMs / 1000)));
        first = false;
        if (TERMINAL.has(job.status)) return { state: 'done', value: job };
        const said = 'statusMessage' in job && job.statusMessage ? `: ${job.statusMessage}` : '';
        return { state: 'running', message: `${what} is ${job.status}${said}` };
      },
      signal: this.#ctx.signal,
      progress: (p, total, message) => this.#ctx.progress(p, total, message),
      cancel: () => this.#abort(kind, job.id),
      ...polling,
      deadlineMs: waitMs,
      // A job still going when the caller's wait is up is returned as it stands: it goes on at Apify.
      atDeadline: 'return',
    });
    return settled.state === 'done' ? this.#ended(settled.value, what) : { job, finished: false };
  }

  /** A finished job: the value when it succeeded, else Apify's reason as the error. */
  #ended<J extends Run | Build>(job: J, what: string): Waited<J> {
    if (job.status === 'SUCCEEDED') return { job, finished: true };
    const said = 'statusMessage' in job && job.statusMessage ? `: ${job.statusMessage}` : '';
    const exit = 'exitCode' in job && typeof job.exitCode === 'number' ? `, exit code ${job.exitCode}` : '';
    const partial =
      'defaultDatasetId' in job
        ? `. What it stored before that is in dataset ${job.defaultDatasetId} (list_datasets with dataset_id reads it)`
        : '';
    const verb =
      job.status === 'ABORTED' ? 'was aborted' : job.status === 'TIMED-OUT' ? 'timed out' : 'failed';
    throw new ToolError(
      `${what.charAt(0).toUpperCase()}${what.slice(1)} ${verb} (${job.status}${exit})${said}${partial}`,
    );
  }

  /** One look at a job: Apify holds the answer up to `secs` seconds, or answers as soon as it ends. */
  async #look<J>(kind: JobKind, id: string, secs: number): Promise<J> {
    const what = kind === 'run' ? 'Actor run' : 'Actor build';
    const { body } = await this.exchange<{ data?: J }>(
      { what, id, permission: `read ${what.toLowerCase()} ${id}` },
      `${JOB_PATH[kind]}/${enc(id)}`,
      { query: { waitForFinish: secs } },
      // The client must outwait Apify's hold.
      { timeoutMs: Math.max(this.#tuning.timeoutMs ?? 30_000, secs * 1000 + 30_000) },
    );
    if (!body?.data) throw new ToolError(`Apify answered without ${what.toLowerCase()} ${id}`);
    return body.data;
  }

  /**
   * Aborts a job the client gave up on, so it stops costing money. Sent without the call's signal (it
   * is already aborted) and retried after a 5xx: aborting twice is harmless.
   */
  async #abort(kind: JobKind, id: string): Promise<void> {
    const what = kind === 'run' ? 'Actor run' : 'Actor build';
    await this.exchange(
      { what, id, permission: `abort ${what.toLowerCase()} ${id}` },
      `${JOB_PATH[kind]}/${enc(id)}/abort`,
      { method: 'POST', idempotent: true },
      { signal: null, timeoutMs: 15_000 },
    );
  }
}

/**
 * Checks a token when it is entered (`gumcp auth apify`, the connect page) with `GET /users/me`,
 * which costs nothing, so a wrong token fails at sign-in rather than at the first tool call.
 */
export async function verifyToken(
  values: Readonly<Record<string, string>>,
  tuning: ApifyTuning = {},
): Promise<undefined> {
  const token = values.token?.trim();
  if (!token)
    throw new ToolError('token: enter the Apify API token (Apify Console > Settings > API & Integrations)');
  try {
    await client(token, { what: 'Account', id: 'me', permission: 'read the account' }, tuning).request(
      'users/me',
    );
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'Apify rejected the API token: check that it was copied whole (Apify Console > Settings > API & ' +
          'Integrations) and has not expired',
      );
    }
    throw error;
  }
  return undefined;
}

export type ApiFactory = (ctx: Ctx) => ApifyApi;
