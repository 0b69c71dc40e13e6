import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, MONDAY_API_VERSION } from './api.js';
import { mondayResources } from './resources.js';
import { mondayTools } from './tools.js';

/** Scopes asked for at login (guMCP's list). */
export const MONDAY_SCOPES = [
  'me:read',
  'boards:read',
  'workspaces:read',
  'boards:write',
  'workspaces:write',
] as const;

/**
 * monday.com's OAuth. Every app created today uses monday.com's OAuth 2.1 flow, which cannot be turned
 * off: PKCE at the same authorize URL guMCP used, and a token endpoint (`/oauth_ms/oauth/token`) that
 * issues expiring access tokens with refresh tokens. An app still on the legacy flow (guMCP's
 * `/oauth2/token`, tokens that never expire) names that endpoint as `token_uri` in its oauth.json.
 */
export const MONDAY_OAUTH = {
  service: 'monday',
  authorizeUrl: 'https://auth.monday.com/oauth2/authorize',
  tokenUrl: 'https://auth.monday.com/oauth_ms/oauth/token',
  scopeSeparator: ' ',
  tokenEndpointAuth: 'client_secret_post',
} as const;

/**
 * The monday.com server. `tuning` shortens the GraphQL client's timeouts, retries and throttle
 * waits; only tests pass it, the registry loads the default export.
 */
export function createMondayServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'monday',
    name: 'monday.com',
    description: 'Workspaces, boards, groups, items, subitems and column values on monday.com.',
    instructions:
      `monday.com GraphQL API, version ${MONDAY_API_VERSION}. Boards, items and workspaces are named by numeric id, ` +
      'groups and columns by their string id (get_board lists them). change_column_value takes a plain string or a JSON object. ' +
      'Resources: monday://workspace/{id}, monday://board/{id}, monday://item/{id}, monday://board/{board_id}/group/{group_id}.',
    auth: { kind: 'oauth2', provider: MONDAY_OAUTH, scopes: MONDAY_SCOPES },
    tools: mondayTools(connect),
    resources: mondayResources(connect),
  });
}

export default createMondayServer();
