import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { type FieldNames, isDailyLimit, type Subject, zoomError } from './errors.js';

export const ZOOM_API = 'https://api.zoom.us/v2';

/** Zoom's largest page for meetings, recordings and participant reports. */
export const PAGE_SIZE = 300;

/**
 * Timing knobs of the upstream client. Production uses the client's defaults; tests pass tiny values
 * (and a sleep that records waits) through `createZoomServer(tuning)`.
 */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

// Shapes of the Zoom API v2 JSON this server reads (Zoom's Meeting API description, as its Rivet SDK
// types give it); only the fields used are typed.

export interface ZoomMeeting {
  id: number;
  uuid?: string;
  host_id?: string;
  host_email?: string;
  topic?: string;
  type?: number;
  status?: string;
  start_time?: string;
  duration?: number;
  timezone?: string;
  agenda?: string;
  created_at?: string;
  join_url?: string;
  password?: string;
  pmi?: string | number;
  occurrences?: { occurrence_id?: string; start_time?: string; duration?: number; status?: string }[];
  settings?: { meeting_invitees?: { email?: string }[]; [key: string]: unknown };
  [key: string]: unknown;
}

/** A page of a list: `next_page_token` is an empty string (or absent) on the last page. */
export interface ZoomPage {
  next_page_token?: string;
  page_size?: number;
  total_records?: number;
}

export interface ZoomRecordingFile {
  id?: string;
  meeting_id?: string;
  recording_start?: string;
  recording_end?: string;
  file_type?: string;
  file_extension?: string;
  file_size?: number;
  play_url?: string;
  download_url?: string;
  status?: string;
  recording_type?: string;
}

export interface ZoomRecordingMeeting {
  uuid?: string;
  id?: number;
  topic?: string;
  start_time?: string;
  duration?: number;
  total_size?: number;
  recording_count?: number;
  share_url?: string;
  password?: string;
  recording_play_passcode?: string;
  download_access_token?: string;
  recording_files?: ZoomRecordingFile[];
}

export interface ZoomParticipant {
  id?: string;
  user_id?: string;
  name?: string;
  user_email?: string;
  join_time?: string;
  leave_time?: string;
  duration?: number;
  status?: string;
  registrant_id?: string;
}

export type MeetingBody = Record<string, unknown>;

const enc = encodeURIComponent;

/**
 * A meeting's id or UUID as a path segment. Zoom asks for a UUID that begins with `/` or contains `//`
 * to be encoded twice.
 */
export function meetingSegment(ref: string): string {
  return ref.startsWith('/') || ref.includes('//') ? enc(enc(ref)) : enc(ref);
}

const meeting = (id: string): Subject => ({ what: 'Meeting', id });

/**
 * The Zoom API v2 calls, one method per endpoint, as the user the token belongs to (`me`). Every
 * request reads the token anew, so a token refreshed mid-session is used from the next request on.
 */
export class ZoomApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, scope: string, tuning: ClientTuning) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  async #headers(): Promise<Record<string, string>> {
    const token = (await this.#ctx.credentials()).access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError('zoom', 'the stored credentials hold no access token');
    }
    return { authorization: `Bearer ${token}` };
  }

  /** One request; the client is per request because its error mapping names this request's subject. */
  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}, fields: FieldNames = {}): Promise<T> {
    const client = new UpstreamClient({
      service: 'Zoom',
      serverId: 'zoom',
      baseUrl: serviceUrl('zoom', ZOOM_API),
      log: this.#ctx.log,
      auth: () => this.#headers(),
      mapError: (status, body, headers) => zoomError(status, body, subject, this.#scope, headers, fields),
      // A daily limit is never waited out (it lifts at midnight UTC), whatever its Retry-After says.
      retryable: (status, headers, body) =>
        status === 429 && isDailyLimit(headers, body) ? false : undefined,
      ...this.#tuning,
    });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  /** POST creates a new meeting each time: never retried after a timeout or 5xx. */
  createMeeting(body: MeetingBody, fields: FieldNames): Promise<ZoomMeeting> {
    const subject = { what: 'New meeting', id: JSON.stringify(String(body.topic ?? '')) };
    return this.#call(subject, 'users/me/meetings', { method: 'POST', body }, fields);
  }

  getMeeting(id: string): Promise<ZoomMeeting> {
    return this.#call(meeting(id), `meetings/${enc(id)}`);
  }

  /** PATCH sets the fields given: sending it twice changes nothing more, so it is retried like a read. */
  async updateMeeting(id: string, body: MeetingBody, fields: FieldNames): Promise<void> {
    await this.#call(meeting(id), `meetings/${enc(id)}`, { method: 'PATCH', body, idempotent: true }, fields);
  }

  async deleteMeeting(id: string): Promise<void> {
    // guMCP's call: no reminder email to the alternative hosts about the deletion.
    await this.#call(meeting(id), `meetings/${enc(id)}`, {
      method: 'DELETE',
      query: { schedule_for_reminder: false },
    });
  }

  listMeetingsPage(query: Query): Promise<ZoomPage & { meetings?: ZoomMeeting[] }> {
    return this.#call({ what: 'User', id: 'me' }, 'users/me/meetings', { query });
  }

  listUpcomingMeetings(): Promise<{ total_records?: number; meetings?: ZoomMeeting[] }> {
    return this.#call({ what: 'User', id: 'me' }, 'users/me/upcoming_meetings');
  }

  listRecordingsPage(query: Query): Promise<ZoomPage & { meetings?: ZoomRecordingMeeting[] }> {
    return this.#call({ what: 'User', id: 'me' }, 'users/me/recordings', { query });
  }

  getMeetingRecordings(ref: string): Promise<ZoomRecordingMeeting> {
    return this.#call(
      { what: 'Recordings of meeting', id: ref },
      `meetings/${meetingSegment(ref)}/recordings`,
    );
  }

  getParticipantReportPage(
    ref: string,
    query: Query,
  ): Promise<ZoomPage & { participants?: ZoomParticipant[] }> {
    return this.#call(
      { what: 'Participant report of meeting', id: ref },
      `report/meetings/${meetingSegment(ref)}/participants`,
      { query },
    );
  }
}

/**
 * Pages of a Zoom list followed from `start` until `max` items are collected (whole pages are kept) or
 * the list ends: Zoom's last page carries an empty `next_page_token`. Returns where to continue.
 */
export async function collectPages<P extends ZoomPage, I>(
  max: number,
  start: string | undefined,
  page: (token: string | undefined) => Promise<P>,
  items: (p: P) => I[] | undefined,
): Promise<{ items: I[]; next: string | null }> {
  const out: I[] = [];
  const seen = new Set<string>();
  let token = start;
  do {
    if (token) seen.add(token);
    const got = await page(token);
    out.push(...(items(got) ?? []));
    token = got.next_page_token || undefined;
    // A token already used would loop: the list ends there.
    if (token && seen.has(token)) token = undefined;
  } while (token && out.length < max);
  return { items: out, next: token ?? null };
}

/** Makes the Zoom client a tool uses; `scope` is named if Zoom says a scope is missing without naming it. */
export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, scope: string) => ZoomApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new ZoomApi(ctx, scope, tuning);
}
