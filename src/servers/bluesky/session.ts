import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { realClock } from '../../util/clock.js';
import { signInError, xrpcError } from './errors.js';
import { type BlueskyTuning, entryway, pdsFromDidDoc, xrpcClient } from './xrpc.js';

/**
 * Sessions with Bluesky. The app password (the `password` credential) is sent only to
 * com.atproto.server.createSession; the short-lived access and refresh tokens it gives are kept in
 * the user's own store for this server, refreshed with com.atproto.server.refreshSession when the
 * access token expires, and a new session is created only when the refresh token is refused.
 */

/** What is kept in the user's store (`ctx.store`): never the password. */
export interface StoredSession {
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
  /** The host of the account's data: its DID document's PDS, or the entryway when it names none usable. */
  pds: string;
  /** The identifier signed in with, so that other stored credentials start another session. */
  identifier?: string;
}

/** The answer of createSession and refreshSession (lexicons com.atproto.server.*Session). */
interface SessionAnswer {
  accessJwt?: unknown;
  refreshJwt?: unknown;
  handle?: unknown;
  did?: unknown;
  didDoc?: unknown;
  active?: unknown;
  status?: unknown;
}

export const SESSION_KEY = 'session';
/** An access token this close to its expiry is refreshed before use rather than refused after. */
const EXPIRY_MARGIN_MS = 60_000;

type SessionContext = Pick<ToolContext, 'credentials' | 'store' | 'log' | 'serverId' | 'userId'> & {
  signal?: AbortSignal;
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const normalIdentifier = (v: unknown): string | undefined => str(v)?.replace(/^@/, '').toLowerCase();

/** The expiry (`exp`, in ms) of a JWT, read without checking it: only to refresh in time. */
export function jwtExpiry(jwt: string): number | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** The refresh token was refused (expired, revoked with its app password): a new session is needed. */
class RefreshRejected extends ToolError {}

/** A session answer as stored; the PDS comes from the DID document in it. */
function toStored(
  answer: SessionAnswer,
  entry: string,
  identifier?: string,
  previous?: StoredSession,
): StoredSession {
  const did = str(answer.did);
  const accessJwt = str(answer.accessJwt);
  const refreshJwt = str(answer.refreshJwt);
  if (!did || !accessJwt || !refreshJwt)
    throw new ToolError('Bluesky answered the sign-in without a session');
  if (previous && previous.did !== did)
    throw new ToolError('Bluesky refreshed the session of another account');
  const pds = pdsFromDidDoc(answer.didDoc, did, entry) ?? previous?.pds ?? entry;
  return {
    did,
    handle: str(answer.handle) ?? previous?.handle ?? did,
    accessJwt,
    refreshJwt,
    pds,
    ...(identifier ? { identifier } : previous?.identifier ? { identifier: previous.identifier } : {}),
  };
}

/** com.atproto.server.createSession at the entryway, with the identifier and app password. */
export async function createSession(
  identifier: string,
  password: string,
  tuning: BlueskyTuning,
  ctx: { log?: ToolContext['log']; signal?: AbortSignal } = {},
): Promise<StoredSession> {
  const entry = entryway();
  const client = xrpcClient(entry, {
    tuning,
    ...(ctx.log ? { log: ctx.log } : {}),
    mapError: (status, body, headers, now) => signInError(status, body, headers, now),
  });
  const answer = await client.request<SessionAnswer>(
    'com.atproto.server.createSession',
    { method: 'POST', body: { identifier, password } },
    ctx.signal,
  );
  const session = toStored(answer, entry, normalIdentifier(identifier));
  if (answer.active === false) {
    throw new ToolError(
      `Bluesky says the account is ${str(answer.status) ?? 'not active'}; reactivate it on bsky.app first`,
    );
  }
  return session;
}

/** com.atproto.server.refreshSession at the entryway, authenticated with the refresh token. */
async function refreshSession(
  session: StoredSession,
  tuning: BlueskyTuning,
  ctx: SessionContext,
): Promise<StoredSession> {
  const entry = entryway();
  const client = xrpcClient(entry, {
    tuning,
    log: ctx.log,
    auth: () => ({ authorization: `Bearer ${session.refreshJwt}` }),
    mapError: (status, body) => {
      const { code } = xrpcError(body);
      // ExpiredToken, InvalidToken (revoked), AuthenticationRequired: the refresh token is spent.
      if (status === 401 || (status === 400 && code)) return new RefreshRejected(code ?? `HTTP ${status}`);
      return undefined;
    },
  });
  // Rotating the refresh token is not repeatable: a second try could spend the new one.
  const answer = await client.request<SessionAnswer>(
    'com.atproto.server.refreshSession',
    { method: 'POST', idempotent: false },
    ctx.signal,
  );
  return toStored(answer, entry, undefined, session);
}

/** Renewals in progress, per user: calls that find the same expired token share one refresh. */
const renewals = new Map<string, Promise<StoredSession>>();

/** The session of one user, from the store, refreshed or created as needed. */
export class Sessions {
  readonly #ctx: SessionContext;
  readonly #tuning: BlueskyTuning;

  constructor(ctx: SessionContext, tuning: BlueskyTuning) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  /** A session to call with: the stored one (refreshed when its access token is about to expire), or a new one. */
  async current(): Promise<StoredSession> {
    const creds = await this.#ctx.credentials();
    const stored = await this.#stored(creds);
    if (!stored) return this.#once(() => this.#start(creds));
    const expiry = jwtExpiry(stored.accessJwt);
    const now = (this.#tuning.clock ?? realClock).now();
    if (expiry !== undefined && expiry - now < EXPIRY_MARGIN_MS) return this.renewAfter(stored);
    return stored;
  }

  /** A session after `rejected`'s access token was refused: refreshed, or created anew if the refresh is refused. */
  renewAfter(rejected: StoredSession): Promise<StoredSession> {
    return this.#once(async () => {
      const creds = await this.#ctx.credentials();
      const stored = await this.#stored(creds);
      // Another call renewed it meanwhile.
      if (stored && stored.accessJwt !== rejected.accessJwt) return stored;
      try {
        return await this.#save(await refreshSession(rejected, this.#tuning, this.#ctx));
      } catch (error) {
        if (!(error instanceof RefreshRejected)) throw error;
        await this.forget();
        if (!str(creds.password)) {
          throw new AuthRequiredError(
            'bluesky',
            'the Bluesky session expired and no app password is stored to start another',
          );
        }
        this.#ctx.log.info(
          { reason: error.message },
          'bluesky refresh token refused; creating a new session',
        );
        return this.#start(creds);
      }
    });
  }

  /** Forgets the stored session (its tokens were refused even after renewal). */
  async forget(): Promise<void> {
    await this.#ctx.store.delete(SESSION_KEY);
  }

  /** The stored session, if it belongs to the stored credentials (a user may sign in as someone else). */
  async #stored(creds: Credentials): Promise<StoredSession | undefined> {
    const stored = await this.#ctx.store.get<StoredSession>(SESSION_KEY);
    if (!stored?.accessJwt || !stored.refreshJwt || !stored.did || !stored.pds) return undefined;
    const identifier = normalIdentifier(creds.identifier);
    if (identifier) return stored.identifier === identifier ? stored : undefined;
    return str(creds.did) === stored.did ? stored : undefined;
  }

  /**
   * A new session from the stored credentials: the identifier and app password, or the tokens of a
   * credential file written by guMCP (which kept the session itself and no password).
   */
  async #start(creds: Credentials): Promise<StoredSession> {
    const identifier = str(creds.identifier);
    const password = str(creds.password);
    if (identifier && password) {
      try {
        return await this.#save(await createSession(identifier, password, this.#tuning, this.#ctx));
      } catch (error) {
        if (error instanceof AuthRequiredError) await this.forget();
        throw error;
      }
    }
    const [accessJwt, refreshJwt, did] = [str(creds.accessJwt), str(creds.refreshJwt), str(creds.did)];
    if (accessJwt && refreshJwt && did) {
      return this.#save({ did, handle: str(creds.handle) ?? did, accessJwt, refreshJwt, pds: entryway() });
    }
    throw new AuthRequiredError('bluesky', 'the stored credentials hold no identifier and app password');
  }

  async #save(session: StoredSession): Promise<StoredSession> {
    await this.#ctx.store.set(SESSION_KEY, session);
    return session;
  }

  #once(renew: () => Promise<StoredSession>): Promise<StoredSession> {
    const key = `${this.#ctx.serverId}\u0000${this.#ctx.userId}`;
    let pending = renewals.get(key);
    if (!pending) {
      pending = renew().finally(() => renewals.delete(key));
      renewals.set(key, pending);
    }
    return pending;
  }
}
