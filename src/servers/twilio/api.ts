import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import {
  MayHaveGoneThroughError,
  type Query,
  serviceUrl,
  UpstreamClient,
  UpstreamError,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { formBody } from '../../upstream/form.js';
import { isAttemptLimit, type Subject, twilioError } from './errors.js';
import type {
  TwilioAccount,
  TwilioCall,
  TwilioConversation,
  TwilioConversationMessage,
  TwilioConversationService,
  TwilioLookup,
  TwilioMessage,
  TwilioParticipant,
  TwilioRoom,
  TwilioVerification,
  TwilioVerificationCheck,
  TwilioVerifyService,
} from './types.js';

/** The Twilio products the tools use, each on a host of its own. */
export type HostId = 'api' | 'verify' | 'lookups' | 'conversations' | 'video';

/**
 * Each host's API root, pinned to the version the tools are written for. Each is overridable on its
 * own by the variable `serviceUrl` derives from its id (GUMCP_TWILIO_API_URL,
 * GUMCP_TWILIO_VERIFY_API_URL, ...): tests point them at fakes, a user may point them at a proxy.
 */
export const HOSTS: Readonly<Record<HostId, { id: string; url: string }>> = {
  api: { id: 'twilio', url: 'https://api.twilio.com/2010-04-01' },
  verify: { id: 'twilio-verify', url: 'https://verify.twilio.com/v2' },
  lookups: { id: 'twilio-lookups', url: 'https://lookups.twilio.com/v2' },
  conversations: { id: 'twilio-conversations', url: 'https://conversations.twilio.com/v1' },
  video: { id: 'twilio-video', url: 'https://video.twilio.com/v1' },
};

export const hostUrl = (host: HostId): string => serviceUrl(HOSTS[host].id, HOSTS[host].url);

/**
 * Timing knobs of the upstream client (timeouts, retries, backoff, the clock of its waits).
 * Production uses the client's defaults; tests pass tiny values through `createTwilioServer(tuning)`.
 */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

export const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
/** An API key SID; the Account SID is taken too, with the Auth Token as the secret (Twilio accepts both). */
export const KEY_SID = /^(SK|AC)[0-9a-fA-F]{32}$/;

/** The stored credentials, under guMCP's names. */
export interface TwilioKey {
  account_sid: string;
  api_key_sid: string;
  api_key_secret: string;
}

const FIELDS = ['account_sid', 'api_key_sid', 'api_key_secret'] as const;

/** The user's Twilio key from the stored credentials; an unusable one asks to sign in again. */
export function twilioKey(creds: Credentials): TwilioKey {
  const value = (name: string) => {
    const v = creds[name];
    return typeof v === 'string' ? v.trim() : '';
  };
  const missing = FIELDS.filter((name) => !value(name));
  if (missing.length > 0) {
    throw new AuthRequiredError('twilio', `the stored credentials lack ${missing.join(', ')}`);
  }
  const account_sid = value('account_sid');
  if (!ACCOUNT_SID.test(account_sid)) {
    throw new AuthRequiredError(
      'twilio',
      'the stored account_sid is not an Account SID (AC + 32 hex digits)',
    );
  }
  return { account_sid, api_key_sid: value('api_key_sid'), api_key_secret: value('api_key_secret') };
}

/** HTTP Basic with the API key SID and secret, as Twilio authenticates every API. */
export function basicAuth(key: TwilioKey): Record<string, string> {
  const pair = Buffer.from(`${key.api_key_sid}:${key.api_key_secret}`).toString('base64');
  return { authorization: `Basic ${pair}` };
}

/** Twilio's bodies are forms: arrays repeat their key, booleans are `true`/`false`, undefined is left out. */
export function form(
  fields: Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>,
): URLSearchParams {
  return formBody(fields);
}

// Paging

/** A page of a list: the 2010 API gives `next_page_uri` (a path), the product APIs `meta.next_page_url`. */
interface PageAnswer {
  next_page_uri?: string | null;
  meta?: { next_page_url?: string | null };
  [key: string]: unknown;
}

export interface ListOptions {
  /** Records asked for per page. */
  pageSize: number;
  /** Most records returned in all; pages are followed until then. */
  maxResults: number;
  /** Where to start: a `next_page_token` of an earlier call, or Twilio's own PageToken. */
  cursor?: string | undefined;
  query?: Query;
}

export interface Listed<T> {
  items: T[];
  /** Continues the list from where it stopped; null at its end. */
  next_page_token: string | null;
}

/**
 * The cursor of the next page (`Page=1&PageToken=PA…`), read from the link Twilio gives. A link to
 * another host is not followed, nor handed on: pages are only ever asked of the host the list came
 * from, so the credentials never go anywhere else.
 */
export function nextCursor(host: HostId, answer: PageAnswer): string | null {
  const link = answer.next_page_uri ?? answer.meta?.next_page_url;
  if (!link) return null;
  const real = new URL(HOSTS[host].url).origin;
  let url: URL;
  try {
    url = new URL(link, real);
  } catch {
    return null;
  }
  if (url.origin !== real && url.origin !== new URL(hostUrl(host)).origin) return null;
  const token = url.searchParams.get('PageToken');
  if (!token) return null;
  const page = url.searchParams.get('Page');
  return new URLSearchParams({ ...(page ? { Page: page } : {}), PageToken: token }).toString();
}

/** A cursor this server returned (`Page=1&PageToken=PA…`), or a bare Twilio PageToken, as query parameters. */
export function cursorQuery(cursor: string): Query {
  if (!cursor.includes('PageToken=')) return { PageToken: cursor };
  const params = new URLSearchParams(cursor);
  return { Page: params.get('Page') ?? undefined, PageToken: params.get('PageToken') ?? undefined };
}

const enc = encodeURIComponent;
/** The 2010 API's resources live under the account; `#call` fills the SID in. */
const ACCOUNT = 'Accounts/{AccountSid}';

type Form = URLSearchParams;

/**
 * The Twilio REST calls, one method per endpoint, on the hosts of `HOSTS`. Every request reads the
 * stored key afresh (a key changed mid-session is used from the next request), and its errors name
 * the subject of the call and the argument Twilio objects to.
 */
export class TwilioApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  async #call<T>(host: HostId, subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const key = twilioKey(await this.#ctx.credentials());
    const client = twilioClient(host, key, subject, this.#tuning, this.#ctx.log);
    try {
      return await client.request<T>(
        path.replace('{AccountSid}', enc(key.account_sid)),
        req,
        this.#ctx.signal,
      );
    } catch (error) {
      // A send that got no answer: say which one, as a 5xx does.
      if (subject.doing && error instanceof MayHaveGoneThroughError && !error.answered) {
        throw new ToolError(`${error.happened} while ${subject.doing}; ${MayHaveGoneThroughError.ADVICE}`);
      }
      throw error;
    }
  }

  /** Pages of a list followed up to `maxResults`; `key` names the array in each page. */
  async #list<T>(host: HostId, subject: Subject, path: string, key: string, opts: ListOptions) {
    const items: T[] = [];
    const seen = new Set<string>();
    let cursor = opts.cursor ?? null;
    // Twilio's PageToken names where a page starts: one seen before would loop.
    const tokenOf = (c: string) => String(cursorQuery(c).PageToken);
    do {
      if (cursor) seen.add(tokenOf(cursor));
      // Twilio's PageToken marks where the next page starts, so a shorter last page loses nothing.
      const size = Math.min(opts.pageSize, opts.maxResults - items.length);
      const page = await this.#call<PageAnswer>(host, subject, path, {
        query: { ...opts.query, PageSize: size, ...(cursor ? cursorQuery(cursor) : {}) },
      });
      const got = Array.isArray(page[key]) ? (page[key] as T[]) : [];
      items.push(...got);
      cursor = got.length === 0 ? null : nextCursor(host, page);
      if (cursor && seen.has(tokenOf(cursor))) cursor = null;
    } while (cursor && items.length < opts.maxResults);
    return { items, next_page_token: cursor } satisfies Listed<T>;
  }

  // Messaging (api.twilio.com/2010-04-01)

  sendMessage(body: Form, subject: Subject): Promise<TwilioMessage> {
    return this.#call('api', subject, `${ACCOUNT}/Messages.json`, { method: 'POST', body });
  }

  listMessages(opts: ListOptions): Promise<Listed<TwilioMessage>> {
    const subject = { what: 'Messages', id: 'of the account' };
    return this.#list('api', subject, `${ACCOUNT}/Messages.json`, 'messages', opts);
  }

  fetchMessage(sid: string): Promise<TwilioMessage> {
    return this.#call('api', { what: 'Message', id: sid }, `${ACCOUNT}/Messages/${enc(sid)}.json`);
  }

  async deleteMessage(sid: string): Promise<void> {
    await this.#call('api', { what: 'Message', id: sid }, `${ACCOUNT}/Messages/${enc(sid)}.json`, {
      method: 'DELETE',
    });
  }

  // Voice (api.twilio.com/2010-04-01)

  createCall(body: Form, subject: Subject): Promise<TwilioCall> {
    return this.#call('api', subject, `${ACCOUNT}/Calls.json`, { method: 'POST', body });
  }

  listCalls(opts: ListOptions): Promise<Listed<TwilioCall>> {
    return this.#list('api', { what: 'Calls', id: 'of the account' }, `${ACCOUNT}/Calls.json`, 'calls', opts);
  }

  fetchCall(sid: string): Promise<TwilioCall> {
    return this.#call('api', { what: 'Call', id: sid }, `${ACCOUNT}/Calls/${enc(sid)}.json`);
  }

  // Verify (verify.twilio.com/v2)

  listVerifyServices(opts: ListOptions): Promise<Listed<TwilioVerifyService>> {
    return this.#list(
      'verify',
      { what: 'Verify services', id: 'of the account' },
      'Services',
      'services',
      opts,
    );
  }

  createVerifyService(body: Form, subject: Subject): Promise<TwilioVerifyService> {
    return this.#call('verify', subject, 'Services', { method: 'POST', body });
  }

  startVerification(service: string, body: Form, subject: Subject): Promise<TwilioVerification> {
    return this.#call('verify', subject, `Services/${enc(service)}/Verifications`, { method: 'POST', body });
  }

  checkVerification(service: string, body: Form, subject: Subject): Promise<TwilioVerificationCheck> {
    return this.#call('verify', subject, `Services/${enc(service)}/VerificationCheck`, {
      method: 'POST',
      body,
    });
  }

  // Lookup (lookups.twilio.com/v2)

  lookup(phoneNumber: string, query: Query, subject: Subject): Promise<TwilioLookup> {
    return this.#call('lookups', subject, `PhoneNumbers/${enc(phoneNumber)}`, { query });
  }

  // Conversations (conversations.twilio.com/v1)

  listConversationServices(opts: ListOptions): Promise<Listed<TwilioConversationService>> {
    const subject = { what: 'Conversation services', id: 'of the account' };
    return this.#list('conversations', subject, 'Services', 'services', opts);
  }

  createConversationService(body: Form, subject: Subject): Promise<TwilioConversationService> {
    return this.#call('conversations', subject, 'Services', { method: 'POST', body });
  }

  listConversations(service: string, opts: ListOptions): Promise<Listed<TwilioConversation>> {
    const subject = { what: 'Conversation service', id: service };
    return this.#list(
      'conversations',
      subject,
      `Services/${enc(service)}/Conversations`,
      'conversations',
      opts,
    );
  }

  createConversation(service: string, body: Form, subject: Subject): Promise<TwilioConversation> {
    return this.#call('conversations', subject, `Services/${enc(service)}/Conversations`, {
      method: 'POST',
      body,
    });
  }

  addParticipant(conversation: ConversationRef, body: Form, subject: Subject): Promise<TwilioParticipant> {
    return this.#call('conversations', subject, `${conversationPath(conversation)}/Participants`, {
      method: 'POST',
      body,
    });
  }

  sendConversationMessage(
    conversation: ConversationRef,
    body: Form,
    subject: Subject,
  ): Promise<TwilioConversationMessage> {
    return this.#call('conversations', subject, `${conversationPath(conversation)}/Messages`, {
      method: 'POST',
      body,
    });
  }

  // Video (video.twilio.com/v1)

  listRooms(opts: ListOptions): Promise<Listed<TwilioRoom>> {
    return this.#list('video', { what: 'Video rooms', id: 'of the account' }, 'Rooms', 'rooms', opts);
  }

  createRoom(body: Form, subject: Subject): Promise<TwilioRoom> {
    return this.#call('video', subject, 'Rooms', { method: 'POST', body });
  }

  fetchRoom(room: string): Promise<TwilioRoom> {
    return this.#call('video', { what: 'Video room', id: room }, `Rooms/${enc(room)}`);
  }

  /** Setting a room's status to completed twice changes nothing more, so it is retried like a read. */
  completeRoom(room: string): Promise<TwilioRoom> {
    return this.#call('video', { what: 'Video room', id: room }, `Rooms/${enc(room)}`, {
      method: 'POST',
      body: form({ Status: 'completed' }),
      idempotent: true,
    });
  }
}

/** A conversation, in the default Conversation Service or in a named one. */
export interface ConversationRef {
  conversation: string;
  service?: string | undefined;
}

const conversationPath = ({ conversation, service }: ConversationRef) =>
  service
    ? `Services/${enc(service)}/Conversations/${enc(conversation)}`
    : `Conversations/${enc(conversation)}`;

/** An upstream client for one host and one subject: its error mapping names the subject. */
function twilioClient(
  host: HostId,
  key: TwilioKey,
  subject: Subject,
  tuning: ClientTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  return new UpstreamClient({
    service: 'Twilio',
    serverId: 'twilio',
    baseUrl: hostUrl(host),
    ...(log ? { log } : {}),
    auth: () => basicAuth(key),
    mapError: (status, body, headers) => twilioError(status, body, subject, headers),
    // Twilio's 429 (20429) carries no Retry-After, so the client backs off; Verify's attempt limits are
    // 429s too, which no short wait lifts: they are not retried.
    retryable: (status, _headers, body) => (status === 429 && isAttemptLimit(body) ? false : undefined),
    ...tuning,
  });
}

/**
 * Checks a key when it is entered, so a wrong one fails at sign-in rather than at the first tool call.
 * The account is read first; a Standard or Restricted key may not read the Accounts resource, so a
 * refusal there is checked again on the account's messages (one record). Errors never echo the secret.
 */
export async function verifyTwilioKey(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<undefined> {
  const key = checkedKey(values);
  const subject = { what: 'Account', id: key.account_sid };
  const client = twilioClient('api', key, subject, { retries: 1, ...tuning });
  const sid = enc(key.account_sid);
  try {
    const account = await client.request<TwilioAccount>(`Accounts/${sid}.json`);
    if (account.status && account.status !== 'active') {
      throw new ToolError(`Twilio account ${key.account_sid} is ${account.status}; it cannot be used`);
    }
    return undefined;
  } catch (error) {
    if (!refusedAccountRead(error)) throw signInError(error, key);
  }
  try {
    await client.request(`Accounts/${sid}/Messages.json`, { query: { PageSize: 1 } });
  } catch (error) {
    // A Restricted key without the messaging permission authenticates but is refused: it is valid.
    if (!(error instanceof UpstreamError && error.status === 403)) throw signInError(error, key);
  }
  return undefined;
}

/** The values typed at sign-in, checked for their shapes (no request is made with malformed ones). */
function checkedKey(values: Readonly<Record<string, string>>): TwilioKey {
  const account_sid = values.account_sid?.trim() ?? '';
  const api_key_sid = values.api_key_sid?.trim() ?? '';
  const api_key_secret = values.api_key_secret?.trim() ?? '';
  if (!ACCOUNT_SID.test(account_sid)) {
    throw new ToolError('account_sid: must be an Account SID, AC followed by 32 hexadecimal characters');
  }
  if (!KEY_SID.test(api_key_sid)) {
    throw new ToolError(
      'api_key_sid: must be an API key SID, SK followed by 32 hexadecimal characters (or the Account SID, ' +
        'with the Auth Token as api_key_secret)',
    );
  }
  if (!api_key_secret) throw new ToolError('api_key_secret: required (shown once, when the key is created)');
  return { account_sid, api_key_sid, api_key_secret };
}

const refusedAccountRead = (error: unknown) =>
  error instanceof AuthRequiredError || (error instanceof UpstreamError && error.status === 403);

function signInError(error: unknown, key: TwilioKey): unknown {
  if (error instanceof AuthRequiredError) {
    return new ToolError(
      `Twilio rejected the API key ${key.api_key_sid} for account ${key.account_sid}: check api_key_sid and ` +
        'api_key_secret (the secret is shown once, when the key is created) and that the key belongs to this account',
    );
  }
  if (error instanceof NotFoundError) {
    return new ToolError(`account_sid: Twilio knows no account ${key.account_sid} for this key`);
  }
  return error;
}

/** Makes the Twilio client a tool uses. */
export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>) => TwilioApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx) => new TwilioApi(ctx, tuning);
}
