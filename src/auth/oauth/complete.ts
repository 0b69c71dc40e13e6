import type { OAuthProvider } from '../../core/definition.js';
import type { StoredCredentials } from '../types.js';
import { providerUrl, toStoredCredentials } from './token.js';

export interface CompletedSignIn {
  /** The token URL the code was exchanged at, for `discover`. */
  tokenUrl?: string;
  /** The redirect's query, where some providers put fields the token response lacks (QuickBooks' realmId). */
  callbackParams?: URLSearchParams;
  /** The tenant value the user named (a Zendesk subdomain), stored under the tenant field's name. */
  tenant?: string | undefined;
}

/**
 * The credentials to store after a code exchange, the same for `gumcp auth` and the host's connect
 * flow: the token response normalized, the user's tenant value, and what the provider's `discover`
 * learns with the new token (a cloud id, a base URI). A failing discovery fails the sign-in: tokens
 * the server could not use are not saved.
 */
export async function completeSignIn(
  provider: OAuthProvider,
  tokenResponse: Record<string, unknown>,
  options: CompletedSignIn = {},
): Promise<StoredCredentials> {
  const credentials = toStoredCredentials(tokenResponse, provider, {
    ...(options.callbackParams ? { callbackParams: options.callbackParams } : {}),
    ...(provider.assumedLifetimeSeconds ? { defaultExpiresIn: provider.assumedLifetimeSeconds } : {}),
  });
  if (provider.tenant && options.tenant) credentials[provider.tenant.name] = options.tenant;
  if (!provider.discover) return credentials;
  const found = await provider.discover(credentials, {
    tokenUrl: providerUrl(options.tokenUrl ?? provider.tokenUrl, provider, options.tenant),
  });
  // Discovery adds facts about the account; it never replaces the tokens themselves.
  const { access_token: _a, refresh_token: _r, expires_at: _e, ...extra } = found;
  return { ...credentials, ...extra };
}
