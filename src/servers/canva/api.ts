import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { type JobState, type PollOptions, pollJob } from '../../upstream/poll.js';
import { canvaToolError, type Subject } from './errors.js';
import type {
  AssetUploadJob,
  DatasetValue,
  Design,
  DesignJob,
  DesignSummary,
  DesignTypeInput,
  ExportJob,
  Folder,
  Reply,
  TeamUserSummary,
  Thread,
} from './types.js';

export const CANVA_API = 'https://api.canva.com/rest/v1';

/** How jobs are waited for: pollJob's delays and deadline (tests make them tiny). */
export type PollTuning = Pick<PollOptions<unknown>, 'initialDelayMs' | 'maxDelayMs' | 'deadlineMs' | 'sleep'>;

/**
 * Knobs of the upstream client and of job polling. Production uses the defaults (a first look after
 * 1 s, growing to 5 s, for up to 5 minutes); tests pass tiny values and a virtual sleep.
 */
export interface CanvaTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  poll?: PollTuning;
}

const DEFAULT_POLL: PollTuning = { initialDelayMs: 1000, maxDelayMs: 5000, deadlineMs: 5 * 60_000 };

/**
 * Canva limits each endpoint per user, some tightly (20 a minute for writes and job creation), and
 * sends no Retry-After it documents. When a 429 has none, the wait is one slot of the endpoint's
 * documented rate (the OpenAPI description's x-rate-limit-per-client-user): 3 s at 20 a minute.
 */
interface Route {
  operation: string;
  perMinute: number;
}

const enc = encodeURIComponent;

function bearer(creds: Credentials): Record<string, string> {
  const token = typeof creds.access_token === 'string' ? creds.access_token.trim() : '';
  if (!token) throw new AuthRequiredError('canva', 'the stored credentials hold no access token');
  return { authorization: `Bearer ${token}` };
}

/** Canva's job states as pollJob's. */
function jobState<T>(
  job: { status: string; error?: { code: string; message: string } },
  value: () => T,
): JobState<T> {
  if (job.status === 'success') return { state: 'done', value: value() };
  if (job.status === 'failed') {
    return {
      state: 'failed',
      reason: job.error ? `${job.error.message} (${job.error.code})` : 'Canva gave no reason',
    };
  }
  return { state: 'running' };
}

type Ctx = Pick<ToolContext, 'credentials' | 'log' | 'signal' | 'progress'>;

/** The Canva Connect calls, one method per endpoint, and the jobs waited for with pollJob. */
export class CanvaApi {
  readonly #ctx: Ctx;
  readonly #scope: string;
  readonly #tuning: CanvaTuning;

  constructor(ctx: Ctx, scope: string, tuning: CanvaTuning) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  #call<T>(route: Route, subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const { poll: _poll, ...client } = this.#tuning;
    return new UpstreamClient({
      service: 'Canva',
      serverId: 'canva',
      baseUrl: serviceUrl('canva', CANVA_API),
      log: this.#ctx.log,
      // Read on every request, so a token refreshed mid-session (Canva rotates refresh tokens) is used.
      auth: async () => bearer(await this.#ctx.credentials()),
      mapError: (status, body, headers) => canvaToolError(status, body, headers, subject, this.#scope, route),
      retryDelay: (status) => (status === 429 ? Math.ceil(60_000 / route.perMinute) : undefined),
      ...client,
    }).request<T>(path, req, this.#ctx.signal);
  }

  /**
   * Waits for a job with the shared poller (progress to the client, cancellation, a deadline). The
   * first look is the answer that created the job; each later look fetches it again.
   */
  async #wait<J extends { status: string; error?: { code: string; message: string } }, T>(
    what: string,
    created: J,
    fetch: () => Promise<J>,
    value: (job: J) => T,
  ): Promise<T> {
    let job = created;
    let first = true;
    return pollJob({
      what,
      check: async (): Promise<JobState<T>> => {
        if (!first) job = await fetch();
        first = false;
        return jobState(job, () => value(job));
      },
      signal: this.#ctx.signal,
      progress: (p, total, message) => this.#ctx.progress(p, total, message),
      later: 'Canva keeps running it; call the tool again later',
      ...DEFAULT_POLL,
      ...this.#tuning.poll,
    });
  }

  // Users

  async profile(): Promise<{ display_name?: string }> {
    const res = await this.#call<{ profile: { display_name?: string } }>(
      { operation: 'the user profile', perMinute: 10 },
      { what: 'User', id: 'me' },
      'users/me/profile',
    );
    return res.profile;
  }

  async me(): Promise<TeamUserSummary> {
    const res = await this.#call<{ team_user: TeamUserSummary }>(
      { operation: 'the user details', perMinute: 10 },
      { what: 'User', id: 'me' },
      'users/me',
    );
    return res.team_user;
  }

  // Comments

  async thread(designId: string, threadId: string): Promise<Thread> {
    const res = await this.#call<{ thread?: Thread }>(
      { operation: 'reading a comment thread', perMinute: 100 },
      thread(designId, threadId),
      `designs/${enc(designId)}/comments/${enc(threadId)}`,
    );
    if (!res.thread)
      throw new ToolError(`Canva answered without comment thread ${threadId} of design ${designId}`);
    return res.thread;
  }

  async createThread(designId: string, message: string, assigneeId?: string): Promise<Thread> {
    const res = await this.#call<{ thread: Thread }>(
      { operation: 'creating comment threads', perMinute: 100 },
      { what: 'Design', id: designId },
      `designs/${enc(designId)}/comments`,
      {
        method: 'POST',
        body: { message_plaintext: message, ...(assigneeId ? { assignee_id: assigneeId } : {}) },
      },
    );
    return res.thread;
  }

  async createReply(designId: string, threadId: string, message: string): Promise<Reply> {
    const res = await this.#call<{ reply: Reply }>(
      { operation: 'creating replies', perMinute: 20 },
      thread(designId, threadId),
      `designs/${enc(designId)}/comments/${enc(threadId)}/replies`,
      { method: 'POST', body: { message_plaintext: message } },
    );
    return res.reply;
  }

  listReplies(
    designId: string,
    threadId: string,
    limit: number,
    continuation?: string,
  ): Promise<{ items: Reply[]; continuation?: string }> {
    return this.#call(
      { operation: 'listing replies', perMinute: 100 },
      thread(designId, threadId),
      `designs/${enc(designId)}/comments/${enc(threadId)}/replies`,
      { query: { limit, continuation } },
    );
  }

  async reply(designId: string, threadId: string, replyId: string): Promise<Reply> {
    const res = await this.#call<{ reply: Reply }>(
      { operation: 'reading replies', perMinute: 100 },
      { what: 'Comment reply', id: `${replyId} (thread ${threadId} of design ${designId})` },
      `designs/${enc(designId)}/comments/${enc(threadId)}/replies/${enc(replyId)}`,
    );
    return res.reply;
  }

  // Designs

  async design(designId: string): Promise<Design> {
    const res = await this.#call<{ design: Design }>(
      { operation: 'reading designs', perMinute: 100 },
      { what: 'Design', id: designId },
      `designs/${enc(designId)}`,
    );
    return res.design;
  }

  listDesigns(query: {
    query?: string;
    continuation?: string;
    ownership?: string;
    sort_by?: string;
    limit?: number;
  }): Promise<{ items: Design[]; continuation?: string }> {
    return this.#call(
      { operation: 'listing designs', perMinute: 100 },
      { what: 'Designs', id: 'of the user' },
      'designs',
      { query },
    );
  }

  async createDesign(body: {
    design_type?: DesignTypeInput;
    asset_id?: string;
    title?: string;
  }): Promise<Design> {
    const res = await this.#call<{ design: Design }>(
      { operation: 'creating designs', perMinute: 20 },
      body.asset_id ? { what: 'Asset', id: body.asset_id } : { what: 'Design', id: body.title ?? '(new)' },
      'designs',
      { method: 'POST', body: { type: 'type_and_asset', ...body } },
    );
    return res.design;
  }

  // Jobs

  /** Exports a design and waits for the download URLs (valid for 24 hours). Repeating an export is harmless. */
  async exportDesign(
    designId: string,
    format: Record<string, unknown>,
  ): Promise<{ job_id: string; urls: string[] }> {
    const subject = { what: 'Design', id: designId };
    const created = await this.#call<{ job: ExportJob }>(
      { operation: 'creating exports', perMinute: 20 },
      subject,
      'exports',
      { method: 'POST', body: { design_id: designId, format }, idempotent: true },
    );
    const id = created.job.id;
    const urls = await this.#wait(
      `the ${String(format.type)} export of design ${designId}`,
      created.job,
      async () =>
        (
          await this.#call<{ job: ExportJob }>(
            { operation: 'reading exports', perMinute: 120 },
            { what: 'Export job', id },
            `exports/${enc(id)}`,
          )
        ).job,
      (job) => job.urls ?? [],
    );
    return { job_id: id, urls };
  }

  /** Uploads an image or video from a public URL into the user's uploads and waits for its asset id. */
  uploadAssetFromUrl(name: string, url: string): Promise<string> {
    return this.#assetJob(
      name,
      this.#call<{ job: AssetUploadJob }>(
        { operation: 'creating URL asset uploads', perMinute: 30 },
        { what: 'Asset upload', id: name },
        'url-asset-uploads',
        { method: 'POST', body: { name, url } },
      ),
      'url-asset-uploads',
    );
  }

  /** Uploads bytes as an asset (its name in Asset-Upload-Metadata, base64 as Canva wants) and waits for its id. */
  uploadAsset(name: string, bytes: Uint8Array): Promise<string> {
    const metadata = JSON.stringify({ name_base64: Buffer.from(name, 'utf8').toString('base64') });
    return this.#assetJob(
      name,
      this.#call<{ job: AssetUploadJob }>(
        { operation: 'creating asset uploads', perMinute: 30 },
        { what: 'Asset upload', id: name },
        'asset-uploads',
        { method: 'POST', body: bytes, headers: { 'asset-upload-metadata': metadata } },
      ),
      'asset-uploads',
    );
  }

  async #assetJob(name: string, creating: Promise<{ job: AssetUploadJob }>, path: string): Promise<string> {
    const created = (await creating).job;
    return this.#wait(
      `the upload of asset ${name}`,
      created,
      async () =>
        (
          await this.#call<{ job: AssetUploadJob }>(
            { operation: 'reading asset uploads', perMinute: 180 },
            { what: 'Asset upload job', id: created.id },
            `${path}/${enc(created.id)}`,
          )
        ).job,
      (job) => job.asset?.id ?? '',
    );
  }

  /** Creates a design from a brand template filled with `data`, and waits for it. */
  autofill(
    brandTemplateId: string,
    data: Record<string, DatasetValue>,
    title?: string,
  ): Promise<DesignSummary> {
    return this.#designJob(
      `the autofill of brand template ${brandTemplateId}`,
      this.#call<{ job: DesignJob }>(
        { operation: 'creating autofills', perMinute: 60 },
        { what: 'Brand template', id: brandTemplateId },
        'autofills',
        {
          method: 'POST',
          body: {
            type: 'create_from_brand_template',
            brand_template_id: brandTemplateId,
            data,
            ...(title ? { title } : {}),
          },
        },
      ),
      'autofills',
      60,
    );
  }

  /** Creates a resized copy of a design, and waits for it. */
  resize(designId: string, designType: DesignTypeInput): Promise<DesignSummary> {
    return this.#designJob(
      `the resize of design ${designId}`,
      this.#call<{ job: DesignJob }>(
        { operation: 'creating resizes', perMinute: 20 },
        { what: 'Design', id: designId },
        'resizes',
        { method: 'POST', body: { design_id: designId, design_type: designType } },
      ),
      'resizes',
      120,
    );
  }

  async #designJob(
    what: string,
    creating: Promise<{ job: DesignJob }>,
    path: string,
    perMinute: number,
  ): Promise<DesignSummary> {
    const created = (await creating).job;
    return this.#wait(
      what,
      created,
      async () =>
        (
          await this.#call<{ job: DesignJob }>(
            { operation: `reading ${path}`, perMinute },
            { what: 'Job', id: created.id },
            `${path}/${enc(created.id)}`,
          )
        ).job,
      (job) => {
        if (!job.result?.design) throw new ToolError(`Canva finished ${what} without a design`);
        return job.result.design;
      },
    );
  }

  // Folders

  async createFolder(name: string, parentId: string): Promise<Folder> {
    const res = await this.#call<{ folder: Folder }>(
      { operation: 'creating folders', perMinute: 20 },
      { what: 'Folder', id: parentId },
      'folders',
      { method: 'POST', body: { name, parent_folder_id: parentId } },
    );
    return res.folder;
  }

  async folder(folderId: string): Promise<Folder> {
    const res = await this.#call<{ folder: Folder }>(
      { operation: 'reading folders', perMinute: 100 },
      { what: 'Folder', id: folderId },
      `folders/${enc(folderId)}`,
    );
    return res.folder;
  }

  /** A rename: repeating it changes nothing more, so it is retried after a 5xx. */
  async updateFolder(folderId: string, name: string): Promise<Folder> {
    const res = await this.#call<{ folder: Folder }>(
      { operation: 'updating folders', perMinute: 20 },
      { what: 'Folder', id: folderId },
      `folders/${enc(folderId)}`,
      { method: 'PATCH', body: { name }, idempotent: true },
    );
    return res.folder;
  }

  /** Not retried after a 5xx: a delete that went through would answer 404 the second time. */
  async deleteFolder(folderId: string): Promise<void> {
    await this.#call(
      { operation: 'deleting folders', perMinute: 20 },
      { what: 'Folder', id: folderId },
      `folders/${enc(folderId)}`,
      { method: 'DELETE', idempotent: false },
    );
  }
}

const thread = (designId: string, threadId: string): Subject => ({
  what: 'Comment thread',
  id: `${threadId} (design ${designId})`,
});

/** Makes the Canva client a tool uses; `scope` is the one named if Canva says a scope is missing. */
export type ApiFactory = (ctx: Ctx, scope: string) => CanvaApi;

export function apiFactory(tuning: CanvaTuning = {}): ApiFactory {
  return (ctx, scope) => new CanvaApi(ctx, scope, tuning);
}
