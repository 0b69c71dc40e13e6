import type { OAuthProvider } from '../../core/definition.js';

/**
 * The Microsoft identity platform (v2.0 endpoints), shared by the Microsoft 365 servers (outlook,
 * teams, sharepoint, excel, word, onedrive); each keeps its own folder under local_auth/, as in guMCP.
 * The authority is `common` (work, school and personal accounts). An organisation that wants only its
 * own tenant sets `auth_uri` and `token_uri` in the server's oauth.json to
 * `https://login.microsoftonline.com/<tenant id>/oauth2/v2.0/authorize` and `.../token`.
 * `offline_access` must be among the scopes for a refresh token; Microsoft replaces the refresh token
 * on every use, and the core refresh stores the new one each time.
 */
export function microsoftOAuth(service: string): OAuthProvider {
  return {
    service,
    authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    scopeSeparator: ' ',
    tokenEndpointAuth: 'client_secret_post',
    authorizeParams: { response_mode: 'query' },
  };
}
