import { extname } from 'node:path';
import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import {
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { type JobState, type PollOptions, pollJob } from '../../upstream/poll.js';
import type { ByteSource } from '../../util/local-files.js';
import { reductoToolError, type Subject } from './errors.js';
import type { JobKind, JobResponse, ParseChunk, UploadResponse } from './types.js';

export const REDUCTO_API = 'https://platform.reducto.ai';

/** Reducto's limit for a file sent to POST /upload itself; larger files go through a presigned URL. */
export const DIRECT_UPLOAD_MAX_BYTES = 100 * 1024 * 1024;
/**
 * The largest file upload_document sends. Reducto takes up to 5 GB through a presigned URL, but the
 * shared upstream client sends a body from memory, so this server stops at 512 MB.
 */
export const UPLOAD_MAX_BYTES = 512 * 1024 * 1024;
/** The largest result JSON read from the URL Reducto gives for results over about 6 MB. */
export const RESULT_URL_MAX_BYTES = 64 * 1024 * 1024;

/** How jobs are waited for: pollJob's delays and deadline (tests make them tiny). */
export type PollTuning = Pick<PollOptions<unknown>, 'initialDelayMs' | 'maxDelayMs' | 'deadlineMs' | 'sleep'>;

/**
 * Knobs of the upstream client, of job polling and of upload sizes. Production uses the defaults;
 * tests pass tiny values and a virtual sleep.
 */
export interface ReductoTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  poll?: PollTuning;
  directUploadMaxBytes?: number;
  uploadMaxBytes?: number;
  resultUrlMaxBytes?: number;
}

/** A first look after a second, growing to 5 s, for up to 10 minutes (then get_job_status takes over). */
const DEFAULT_POLL: PollTuning = { initialDelayMs: 1000, maxDelayMs: 5000, deadlineMs: 10 * 60_000 };
/** A request's time limit; uploads get longer, as 100 MB take a while to send. */
const REQUEST_TIMEOUT_MS = 60_000;
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

const enc = encodeURIComponent;

function apiKey(creds: Credentials): string {
  const key = typeof creds.api_key === 'string' ? creds.api_key.trim() : '';
  if (!key)
    throw new AuthRequiredError('reducto', 'the stored credentials hold no API key (field "api_key")');
  return key;
}

type Ctx = Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'progress'>;

/** Reducto's job states as pollJob's. */
function jobState(kind: JobKind, id: string, job: JobResponse): JobState<JobResponse> {
  switch (job.status) {
    case 'Completed':
      return { state: 'done', value: job };
    case 'Failed':
      return { state: 'failed', reason: job.reason ?? job.error?.message ?? 'Reducto gave no reason' };
    case 'Cancelled':
      return { state: 'failed', reason: 'it was cancelled' };
    default: {
      // Reducto's progress figure has no documented scale, so it goes in the message; the poller's
      // count of looks is the progress value, which always grows as MCP requires.
      const figure = typeof job.progress === 'number' ? `, progress ${job.progress}` : '';
      return { state: 'running', message: `Reducto ${kind} job ${id}: ${job.status}${figure}` };
    }
  }
}

/** Reads a byte source whole (it is bounded by UPLOAD_MAX_BYTES before). */
async function readAll(source: ByteSource): Promise<Uint8Array> {
  const out = new Uint8Array(source.size);
  const step = 8 * 1024 * 1024;
  for (let offset = 0; offset < source.size; offset += step) {
    const part = await source.read(offset, Math.min(step, source.size - offset));
    out.set(part, offset);
    if (part.length === 0) break;
  }
  return out;
}

/** A size as people read it: 512 MB, 2 KB, 300 bytes. */
function size(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  return n >= 1024 ? `${Math.round((n / 1024) * 10) / 10} KB` : `${n} bytes`;
}

/** The upstream client's share of the tuning. */
function clientTuning(
  tuning: ReductoTuning,
): Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  const { poll: _p, directUploadMaxBytes: _d, uploadMaxBytes: _u, resultUrlMaxBytes: _r, ...client } = tuning;
  return client;
}

/** The Reducto calls, one method per endpoint, and the jobs waited for with pollJob. */
export class ReductoApi {
  readonly #ctx: Ctx;
  readonly #tuning: ReductoTuning;

  constructor(ctx: Ctx, tuning: ReductoTuning) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  #client(subject: Subject, timeoutMs = REQUEST_TIMEOUT_MS): UpstreamClient {
    return new UpstreamClient({
      service: 'Reducto',
      serverId: 'reducto',
      baseUrl: serviceUrl('reducto', REDUCTO_API),
      log: this.#ctx.log,
      // Read on every request, so a key replaced mid-session is used from the next call on.
      auth: async () => ({ authorization: `Bearer ${apiKey(await this.#ctx.credentials())}` }),
      mapError: (status, body, headers) => reductoToolError(status, body, headers, subject),
      timeoutMs,
      ...clientTuning(this.#tuning),
    });
  }

  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}, signal?: AbortSignal): Promise<T> {
    return this.#client(subject).request<T>(path, req, signal ?? this.#ctx.signal);
  }

  /** Starts a parse, extract or split job (`POST /parse_async` and the like); not retried after a 5xx. */
  async submit(kind: JobKind, body: Record<string, unknown>, subject: Subject): Promise<string> {
    const res = await this.#call<{ job_id?: string }>(subject, `${kind}_async`, { method: 'POST', body });
    if (typeof res?.job_id !== 'string' || !res.job_id) {
      throw new ToolError(`Reducto accepted the ${kind} request without a job id`);
    }
    return res.job_id;
  }

  job(jobId: string, signal?: AbortSignal): Promise<JobResponse> {
    return this.#call<JobResponse>({ what: 'Job', id: jobId }, `job/${enc(jobId)}`, {}, signal);
  }

  /**
   * Cancels a job. `detached`: sent without the call's signal, since it runs when that call was
   * cancelled; cancelling twice is harmless, so it may be retried.
   */
  async cancel(jobId: string, detached = false): Promise<unknown> {
    return this.#client({ what: 'Job', id: jobId }).request(
      `cancel/${enc(jobId)}`,
      { method: 'POST', idempotent: true },
      detached ? undefined : this.#ctx.signal,
    );
  }

  /** `GET /version`: the API version, a JSON string. */
  version(): Promise<unknown> {
    return this.#call({ what: 'Endpoint', id: '/version' }, 'version');
  }

  /** `POST /configure_webhook`: the URL of the webhook (Svix) portal, a JSON string. */
  webhookPortal(): Promise<unknown> {
    return this.#call({ what: 'Endpoint', id: '/configure_webhook' }, 'configure_webhook', {
      method: 'POST',
      idempotent: true,
    });
  }

  /** Starts a job and waits for it. */
  async run(
    kind: JobKind,
    body: Record<string, unknown>,
    subject: Subject,
  ): Promise<{ jobId: string; job: JobResponse }> {
    const jobId = await this.submit(kind, body, subject);
    return { jobId, job: await this.wait(kind, jobId) };
  }

  /**
   * Waits for a job with the shared poller: the look count and Reducto's status as progress, the
   * client's cancellation cancels the job at Reducto, and past the deadline the job id is handed back.
   */
  wait(kind: JobKind, jobId: string): Promise<JobResponse> {
    const { signal } = this.#ctx;
    return pollJob({
      what: `the ${kind} job ${jobId}`,
      check: async () => {
        let job: JobResponse;
        try {
          job = await this.job(jobId);
        } catch (error) {
          // (Cancelled mid-request, the poller cancels the job whatever this throws.)
          if (
            error instanceof ToolError &&
            !(error instanceof AuthRequiredError || error instanceof NotFoundError)
          ) {
            throw new ToolError(
              `${error.message} (while waiting for ${kind} job ${jobId}, which may still be running: call get_job_status with job_id ${jobId})`,
            );
          }
          throw error;
        }
        return jobState(kind, jobId, job);
      },
      signal,
      progress: (progress, total, message) => this.#ctx.progress(progress, total, message),
      cancel: async () => {
        await this.cancel(jobId, true);
      },
      later: `Reducto keeps working on it: call get_job_status with job_id ${jobId} (or cancel_job)`,
      ...DEFAULT_POLL,
      ...this.#tuning.poll,
    });
  }

  /**
   * Uploads a file and returns its `reducto://` id: in one multipart `POST /upload` up to Reducto's
   * 100 MB, larger files through the presigned URL a bare `POST /upload` hands out.
   */
  async upload(
    source: ByteSource,
    name: string,
    extension: string | undefined,
    arg: string,
  ): Promise<{ file_id: string; method: 'multipart' | 'presigned' }> {
    const max = this.#tuning.uploadMaxBytes ?? UPLOAD_MAX_BYTES;
    if (source.size === 0) throw new ToolError(`${arg}: the file is empty`);
    if (source.size > max) {
      throw new ToolError(
        `${arg}: the file is ${size(source.size)}; this server uploads at most ${size(max)} (give Reducto a URL of larger files as document_url instead)`,
      );
    }
    const bytes = await readAll(source);
    const subject = { what: 'File', id: name };
    const client = this.#client(subject, this.#tuning.timeoutMs ?? UPLOAD_TIMEOUT_MS);
    if (bytes.length <= (this.#tuning.directUploadMaxBytes ?? DIRECT_UPLOAD_MAX_BYTES)) {
      const form = new FormData();
      form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
      const res = await client.request<UploadResponse>(
        'upload',
        { method: 'POST', body: form, query: { extension } },
        this.#ctx.signal,
      );
      return { file_id: fileId(res), method: 'multipart' };
    }
    // Without a file, /upload answers a file id and a presigned URL to PUT the bytes to.
    const ext = extension ?? (extname(name).slice(1) || undefined);
    const slot = await client.request<UploadResponse>(
      'upload',
      { method: 'POST', query: { extension: ext } },
      this.#ctx.signal,
    );
    const id = fileId(slot);
    if (!slot.presigned_url) throw new ToolError('Reducto gave no presigned URL for a large upload');
    await this.#storage(slot.presigned_url, 'upload').request(
      slot.presigned_url,
      // The presigned URL is the credential: the API key is not sent to storage.
      { method: 'PUT', body: bytes, anonymous: true, idempotent: true },
      this.#ctx.signal,
    );
    return { file_id: id, method: 'presigned' };
  }

  /**
   * Reads the chunks of a result Reducto returned as a URL (over about 6 MB): a presigned URL of
   * the FullResult JSON, fetched without the API key and bounded in size.
   */
  async resultChunks(url: string, jobId: string): Promise<ParseChunk[]> {
    const { bytes } = await this.#storage(url, 'result', jobId).download(
      url,
      this.#tuning.resultUrlMaxBytes ?? RESULT_URL_MAX_BYTES,
      this.#ctx.signal,
    );
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new ToolError(`Reducto's result URL for job ${jobId} did not hold JSON`);
    }
    // The SDKs read it as a FullResult ({type: "full", chunks}); a guide calls it an array of chunks.
    const chunks = Array.isArray(parsed) ? parsed : (parsed as { chunks?: unknown })?.chunks;
    if (!Array.isArray(chunks)) throw new ToolError(`Reducto's result URL for job ${jobId} held no chunks`);
    return chunks as ParseChunk[];
  }

  /** A client for Reducto's storage (presigned upload and result URLs): no API key, its own errors. */
  #storage(url: string, purpose: 'upload' | 'result', jobId = ''): UpstreamClient {
    const { retries, backoffMs, maxRetryAfterMs, sleep, timeoutMs } = this.#tuning;
    return new UpstreamClient({
      service: 'Reducto storage',
      serverId: 'reducto',
      baseUrl: new URL(url).origin,
      log: this.#ctx.log,
      timeoutMs: timeoutMs ?? (purpose === 'upload' ? UPLOAD_TIMEOUT_MS : REQUEST_TIMEOUT_MS),
      ...(retries === undefined ? {} : { retries }),
      ...(backoffMs === undefined ? {} : { backoffMs }),
      ...(maxRetryAfterMs === undefined ? {} : { maxRetryAfterMs }),
      ...(sleep ? { sleep } : {}),
      mapError: (status) =>
        status >= 400 && status < 500
          ? new ToolError(
              purpose === 'upload'
                ? `Reducto's storage refused the upload (HTTP ${status}); the presigned URL may have expired: upload again`
                : `Reducto's result URL for job ${jobId} is no longer valid (HTTP ${status}); run the job again`,
            )
          : undefined,
    });
  }
}

function fileId(res: UploadResponse | undefined): string {
  if (typeof res?.file_id !== 'string' || !res.file_id)
    throw new ToolError('Reducto answered the upload without a file_id');
  return res.file_id;
}

/**
 * Checks a key at sign-in with `GET /jobs?limit=1`, the check Reducto's docs give (200: the key
 * works; 401: invalid or expired).
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  tuning: ReductoTuning = {},
): Promise<undefined> {
  const key = values.api_key?.trim();
  if (!key) throw new ToolError('api_key: enter the Reducto API key (Reducto Studio > API Keys)');
  try {
    await new UpstreamClient({
      service: 'Reducto',
      serverId: 'reducto',
      baseUrl: serviceUrl('reducto', REDUCTO_API),
      auth: () => ({ authorization: `Bearer ${key}` }),
      mapError: (status, body, headers) =>
        reductoToolError(status, body, headers, { what: 'API key', id: '(the one entered)' }),
      timeoutMs: REQUEST_TIMEOUT_MS,
      ...clientTuning(tuning),
    }).request('jobs', { query: { limit: 1, exclude_configs: true } });
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'Reducto rejected the API key: check that it was copied whole and has not been revoked',
      );
    }
    throw error;
  }
  return undefined;
}

/** Makes the Reducto client a tool uses. */
export type ApiFactory = (ctx: Ctx) => ReductoApi;

export function apiFactory(tuning: ReductoTuning = {}): ApiFactory {
  return (ctx) => new ReductoApi(ctx, tuning);
}
