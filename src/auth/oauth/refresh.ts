import type { Logger } from 'pino';
import type { AuthSpec, OAuth2Auth } from '../../core/definition.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import type { CredentialsLookup } from '../../core/session.js';
import type { WithLock } from '../../store/locks.js';
import type { CredentialSource, StoredCredentials } from '../types.js';
import { missingClientMessage } from './client-config.js';
import { oauthClient, requestToken, TokenEndpointError, toStoredCredentials } from './token.js';

export interface RefreshingLookupOptions {
  source: CredentialSource;
  /** A server's auth spec, e.g. `async (id) => (await registry.load(id)).definition.auth`. */
  authSpec: (serverId: string) => Promise<AuthSpec>;
  /** Refresh when the access token expires within this many seconds. */
  marginSeconds?: number;
  log?: Logger;
  /**
   * A lock shared by every host (the store's), so that a refresh runs once across all of them:
   * providers that rotate refresh tokens sign the user out when two refreshes race.
   */
  withLock?: WithLock;
}

/** A refresh answer without expires_in still comes from an expiring grant; assume an hour, as guMCP does. */
const ASSUMED_LIFETIME_SECONDS = 3600;

const expiresAt = (creds: StoredCredentials): number | undefined => {
  const value = Number(creds.expires_at);
  return creds.expires_at !== undefined && Number.isFinite(value) ? value : undefined;
};

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The session's credentials accessor: stored credentials as they are for API-key and no-auth
 * servers; for OAuth servers, a token that expires within the margin is first refreshed at the
 * provider and saved. Concurrent lookups for one user and service share a single refresh, so a
 * rotating refresh token is spent once.
 */
export function refreshingLookup(options: RefreshingLookupOptions): CredentialsLookup {
  const { source, log } = options;
  const margin = options.marginSeconds ?? 300;
  const inFlight = new Map<string, Promise<StoredCredentials | undefined>>();
  const stale = (creds: StoredCredentials) => {
    const at = expiresAt(creds);
    return at !== undefined && at - nowSeconds() < margin;
  };

  async function refresh(serverId: string, auth: OAuth2Auth, userId: string) {
    const { provider } = auth;
    // Read again: a refresh that just finished may have saved fresh tokens.
    const current = await source.get(provider.service, userId);
    if (!current || !stale(current)) return current;
    const stillValid = (expiresAt(current) ?? 0) > nowSeconds();
    if (!current.refresh_token) {
      if (stillValid) return current;
      throw new AuthRequiredError(serverId, 'the access token expired and no refresh token is stored');
    }
    const config = await source.oauthConfig(provider.service);
    if (!config) {
      throw new ToolError(
        `Cannot refresh the access token: ${await missingClientMessage(source, provider.service)}`,
      );
    }
    try {
      const tenant = provider.tenant ? current[provider.tenant.name] : undefined;
      const answer = await requestToken(
        provider,
        oauthClient(config, provider.service),
        { grant_type: 'refresh_token', refresh_token: current.refresh_token },
        { tenant: typeof tenant === 'string' ? tenant : undefined },
      );
      const fresh = toStoredCredentials(answer, provider, {
        defaultExpiresIn: provider.assumedLifetimeSeconds ?? ASSUMED_LIFETIME_SECONDS,
      });
      // Fields only the first answer carried (Slack's team, a refresh token not sent again) are kept.
      const saved: StoredCredentials = { ...current, ...fresh };
      await source.save(provider.service, userId, saved);
      log?.info(
        { server: serverId, user: userId, expiresAt: saved.expires_at },
        'refreshed OAuth access token',
      );
      return saved;
    } catch (error) {
      const transient = !(error instanceof TokenEndpointError) || error.transient;
      // An outage at the provider need not fail calls while the old token still works.
      if (transient && stillValid) {
        log?.warn({ server: serverId, user: userId }, 'token refresh failed; using the current token');
        return current;
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuthRequiredError(serverId, `refreshing the access token failed: ${reason}`);
    }
  }

  return async (serverId, userId) => {
    const auth = await options.authSpec(serverId);
    if (auth.kind !== 'oauth2') return source.get(serverId, userId);
    const stored = await source.get(auth.provider.service, userId);
    if (!stored || !stale(stored)) return stored;
    const key = `${auth.provider.service}\u0000${userId}`;
    let flight = inFlight.get(key);
    if (!flight) {
      const once = () => refresh(serverId, auth, userId);
      const lockName = `oauth-refresh:${auth.provider.service}:${userId}`;
      const locked = options.withLock ? options.withLock(lockName, once) : once();
      flight = locked.finally(() => inFlight.delete(key));
      inFlight.set(key, flight);
    }
    return flight;
  };
}
