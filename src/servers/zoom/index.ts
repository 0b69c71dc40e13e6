import { defineServer, type OAuthProvider, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning } from './api.js';
import { zoomTools } from './tools.js';

/**
 * Zoom's OAuth for user-managed apps. The token endpoint takes the client id and secret in Basic auth
 * and a form body. Each refresh answers with a new refresh token and ends the old one: the core refresh
 * stores the new pair, and its single-flight keeps two calls from spending one refresh token twice.
 * guMCP sent no PKCE challenge (Zoom's PKCE flow is for public clients with a public client id).
 */
export const zoomOAuth: OAuthProvider = {
  service: 'zoom',
  authorizeUrl: 'https://zoom.us/oauth/authorize',
  tokenUrl: 'https://zoom.us/oauth/token',
  tokenEndpointAuth: 'client_secret_basic',
  pkce: false,
};

/**
 * The Zoom server. `tuning` shortens the upstream client's timeouts and retry waits; only tests pass
 * it, the registry loads the default export.
 */
export function createZoomServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'zoom',
    name: 'Zoom',
    description:
      'Zoom meetings: schedule, change, list and delete them, invite people, read recordings and attendance.',
    instructions:
      'Meetings are named by meeting_id (digits, or a zoom.us/j/ link). Times are ISO 8601; without an offset ' +
      'they are read in `timezone` or the user’s Zoom time zone. Zoom allows 100 meeting creates and updates ' +
      'per user a day.',
    auth: {
      kind: 'oauth2',
      provider: zoomOAuth,
      // Zoom grants the scopes ticked on the app in the Marketplace; the authorize request names none
      // (guMCP's did not either). The tools list the granular scopes they need.
      scopes: [],
    },
    tools: zoomTools(apiFactory(tuning)),
  });
}

export default createZoomServer();
