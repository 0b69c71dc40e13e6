import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  parseRetryAfter,
  serviceUrl,
  UpstreamClient,
  UpstreamError,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';

export const SERVER_ID = 'browserbase';

/** Browserbase's API root; GUMCP_BROWSERBASE_API_URL points it elsewhere (tests: a fake on loopback). */
export const BROWSERBASE_API = 'https://api.browserbase.com';

/**
 * How long Browserbase keeps a session that was never released (its `timeout`, 60 s at least): a
 * release that fails still leaves no browser billing for long.
 */
export const SESSION_TIMEOUT_S = 300;

/** Knobs of the upstream client; tests shorten the waits. */
export type BrowserbaseTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

/** A session as `POST /v1/sessions` answers it (the fields used). */
export interface Session {
  id: string;
  status?: string;
  /** The CDP WebSocket address; it carries a signing key, so it is never logged or shown. */
  connectUrl: string;
}

/** The stored key and project, checked before any request. */
export interface BrowserbaseCredentials {
  apiKey: string;
  projectId: string;
}

export function readCredentials(creds: Credentials): BrowserbaseCredentials {
  const apiKey = typeof creds.api_key === 'string' ? creds.api_key.trim() : '';
  const projectId = typeof creds.project_id === 'string' ? creds.project_id.trim() : '';
  if (!apiKey) {
    throw new AuthRequiredError(
      SERVER_ID,
      'the stored credentials hold no Browserbase API key (field api_key)',
    );
  }
  if (!projectId) {
    throw new AuthRequiredError(
      SERVER_ID,
      'the stored credentials hold no Browserbase project id (field project_id)',
    );
  }
  return { apiKey, projectId };
}

/** Browserbase's error body: `{ statusCode, error, message }`. */
function message(body: unknown): string | undefined {
  const m = (body as { message?: unknown } | undefined)?.message;
  return typeof m === 'string' && m.trim() ? m.trim().slice(0, 300) : undefined;
}

/** What a call is about, for messages: "starting a browser session", "project P". */
interface Subject {
  what: string;
  /** Named in a 404: the project id, which is the only id a caller gives. */
  notFound?: string;
  /** A write that may have happened when Browserbase failed (a session may have started). */
  creates?: boolean;
}

function mapError(status: number, body: unknown, headers: Headers, subject: Subject): ToolError | undefined {
  const detail = message(body);
  const because = detail ? `: ${detail}` : '';
  switch (status) {
    case 401:
      return new AuthRequiredError(
        SERVER_ID,
        'Browserbase rejected the stored API key (revoked, or not copied whole)',
      );
    case 403:
      return new UpstreamError(`Browserbase refused ${subject.what}${because}`, 403);
    case 404:
      return new UpstreamError(
        subject.notFound
          ? `Browserbase project not found: ${subject.notFound}`
          : `Not found at Browserbase${because}`,
        404,
      );
    case 429: {
      const wait = parseRetryAfter(headers.get('retry-after'));
      const when = wait !== undefined ? `in ${Math.ceil(wait / 1000)} s` : 'in a minute';
      return new UpstreamError(
        `Browserbase limit reached while ${subject.what} (concurrent browsers or sessions started per minute)${because}; try again ${when}`,
        429,
      );
    }
    default:
      if (status >= 500) {
        const advice = subject.creates
          ? 'try again in a moment (a session it may have started ends on its own within minutes)'
          : 'try again later';
        return new UpstreamError(
          `Browserbase failed (HTTP ${status}) while ${subject.what}; ${advice}`,
          status,
        );
      }
      return new UpstreamError(`Browserbase rejected ${subject.what} (HTTP ${status})${because}`, status);
  }
}

type Ctx = Pick<ToolContext, 'log' | 'signal'>;

/**
 * The Sessions API calls of one tool call. The key goes in the `X-BB-API-Key` header; the upstream
 * client logs method, path and status only.
 */
export class BrowserbaseApi {
  readonly #creds: BrowserbaseCredentials;
  readonly #ctx: Ctx;
  readonly #tuning: BrowserbaseTuning;

  constructor(creds: BrowserbaseCredentials, ctx: Ctx, tuning: BrowserbaseTuning = {}) {
    this.#creds = creds;
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  #request<T>(subject: Subject, path: string, req: UpstreamRequest, signal?: AbortSignal): Promise<T> {
    return new UpstreamClient({
      service: 'Browserbase',
      serverId: SERVER_ID,
      baseUrl: serviceUrl(SERVER_ID, BROWSERBASE_API),
      log: this.#ctx.log,
      auth: () => ({ 'x-bb-api-key': this.#creds.apiKey }),
      mapError: (status, body, headers) => mapError(status, body, headers, subject),
      ...this.#tuning,
    }).request<T>(path, req, signal);
  }

  /**
   * Starts a browser. A POST that is retried only after a 429 (Browserbase started nothing then):
   * after a 5xx or a timeout a session may exist, and a second would be billed too.
   */
  async createSession(): Promise<Session> {
    const { projectId } = this.#creds;
    const session = await this.#request<Partial<Session> | undefined>(
      { what: 'starting a browser session', notFound: projectId, creates: true },
      'v1/sessions',
      { method: 'POST', body: { projectId, timeout: SESSION_TIMEOUT_S } },
      this.#ctx.signal,
    );
    if (!session || typeof session.id !== 'string' || typeof session.connectUrl !== 'string') {
      throw new ToolError('Browserbase answered the new session without its id or connect address');
    }
    return { id: session.id, status: session.status, connectUrl: session.connectUrl };
  }

  /**
   * Ends a session (status REQUEST_RELEASE), so it stops billing before its timeout. Releasing twice
   * changes nothing more, so it is retried; it runs even after the client cancelled the call.
   */
  async releaseSession(id: string): Promise<void> {
    const { projectId } = this.#creds;
    await this.#request({ what: `releasing session ${id}` }, `v1/sessions/${encodeURIComponent(id)}`, {
      method: 'POST',
      body: { status: 'REQUEST_RELEASE', projectId },
      idempotent: true,
    });
  }

  /** The project, to check a key and project id at sign-in. */
  project(): Promise<{ id: string; name?: string }> {
    const { projectId } = this.#creds;
    return this.#request(
      { what: `reading project ${projectId}`, notFound: projectId },
      `v1/projects/${encodeURIComponent(projectId)}`,
      {},
      this.#ctx.signal,
    );
  }
}
