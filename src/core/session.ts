import type { Logger } from 'pino';
import type { Credentials, SessionContext, UserStore } from './context.js';
import { AuthRequiredError } from './errors.js';

/** Where a session's credentials come from; the credential sources implement it. */
export type CredentialsLookup = (serverId: string, userId: string) => Promise<Credentials | undefined>;

export interface SessionParts {
  serverId: string;
  userId: string;
  store: UserStore;
  log: Logger;
  credentials?: CredentialsLookup;
  /** How to sign in again over this transport, when not by `gumcp auth` (see SessionContext). */
  signInAdvice?: () => string;
}

/** Assembles the per-session context a server factory receives. */
export function sessionContext(parts: SessionParts): SessionContext {
  const { serverId, userId, store, log, credentials, signInAdvice } = parts;
  return {
    serverId,
    userId,
    store,
    log,
    ...(signInAdvice ? { signInAdvice } : {}),
    async credentials() {
      const found = await credentials?.(serverId, userId);
      if (!found) throw new AuthRequiredError(serverId);
      return found;
    },
  };
}
