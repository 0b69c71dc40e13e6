import type { OAuthProvider } from '../../core/definition.js';
import { type AtlassianProduct, discoverSites } from './sites.js';

export const ATLASSIAN_AUTHORIZE_URL = 'https://auth.atlassian.com/authorize';
export const ATLASSIAN_TOKEN_URL = 'https://auth.atlassian.com/oauth/token';

/**
 * Atlassian's OAuth 2.0 (3LO), shared by the Atlassian servers (Jira now, Confluence next). The
 * authorize request names the API gateway as audience and always shows the consent screen, where the
 * user picks the sites; the token request is JSON with the client secret in the body, as Atlassian
 * documents; there is no PKCE. `offline_access` among the scopes brings a refresh token, which
 * Atlassian rotates on every refresh (the core refresh stores each new one). After sign-in the sites
 * the grant covers are looked up once and stored with the tokens.
 */
export function atlassianOAuth(product: AtlassianProduct): OAuthProvider {
  return {
    service: product.serverId,
    authorizeUrl: ATLASSIAN_AUTHORIZE_URL,
    tokenUrl: ATLASSIAN_TOKEN_URL,
    scopeSeparator: ' ',
    tokenEndpointAuth: 'client_secret_post',
    tokenRequestBody: 'json',
    pkce: false,
    authorizeParams: { audience: 'api.atlassian.com', prompt: 'consent' },
    discover: (credentials) => discoverSites(product, credentials),
  };
}
