import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type LinearTuning, SERVER_ID, verifyApiKey } from './api.js';
import { teamResource } from './resources.js';
import { linearTools } from './tools.js';

/** Scopes asked for at login (guMCP's list), joined with commas as Linear's authorize endpoint wants. */
export const LINEAR_SCOPES = ['read', 'write'] as const;

/**
 * The Linear server. `tuning` shortens the GraphQL client's timeouts, retries and throttle waits;
 * only tests pass it, the registry loads the default export.
 */
export function createLinearServer(tuning: LinearTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: SERVER_ID,
    name: 'Linear',
    description: 'Search, create and update Linear issues; teams with their states, labels and members.',
    instructions:
      'Read the resource linear://team/{team_id} for the ids create_issue and update_issue take ' +
      '(team, workflow states, labels, members). Issues can be named by id or identifier (ENG-123).',
    auth: {
      kind: 'oauth2',
      provider: {
        service: SERVER_ID,
        authorizeUrl: 'https://linear.app/oauth/authorize',
        tokenUrl: 'https://api.linear.app/oauth/token',
        scopeSeparator: ',',
        // Linear takes the client id and secret in the form body (guMCP sends them so) and supports PKCE.
        tokenEndpointAuth: 'client_secret_post',
        // guMCP asks for actions to be attributed to the signed-in user, Linear's default actor.
        authorizeParams: { actor: 'user' },
      },
      scopes: LINEAR_SCOPES,
      // A personal API key (Settings > Security & access) instead of OAuth: `gumcp auth linear --api-key`.
      apiKey: {
        fields: [{ name: 'api_key', label: 'Linear personal API key (lin_api_...)', secret: true }],
        verify: (values) => verifyApiKey(values, tuning),
      },
    },
    tools: linearTools(connect),
    resources: [teamResource(connect)],
  });
}

export default createLinearServer();
