import type { OAuthProvider } from '../core/definition.js';

/**
 * Google's OAuth 2.0 endpoints, shared by gmail, gsheets, gdrive and gcalendar. Each server keeps
 * its own folder under local_auth/ (guMCP's layout), so `service` is set per server.
 * `access_type=offline` and `prompt=consent` make Google return a refresh token.
 */
export function googleOAuth(service: string): OAuthProvider {
  return {
    service,
    authorizeUrl: 'https://accounts.google.com/o/oauth2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    scopeSeparator: ' ',
    tokenEndpointAuth: 'client_secret_post',
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
  };
}
