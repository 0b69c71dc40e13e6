import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning } from './api.js';
import { patreonTools } from './tools.js';

/** guMCP's scopes, in its order: Patreon's API v2 scopes, all of them read-only but the webhook one. */
export const PATREON_SCOPES = [
  'identity',
  'identity[email]',
  'identity.memberships',
  'campaigns',
  'w:campaigns.webhook',
  'campaigns.members',
  'campaigns.members[email]',
  'campaigns.members.address',
  'campaigns.posts',
] as const;

/**
 * The Patreon server. `tuning` shortens retries and swaps the wait of the rate-limit retry; only tests
 * pass it, the registry loads the default export.
 */
export function createPatreonServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'patreon',
    name: 'Patreon',
    description: "The signed-in Patreon user, their campaigns, a campaign's members and posts.",
    instructions:
      'get_campaigns gives the campaign id the other tools take. Patreon returns only the attributes asked ' +
      'for: by default every documented one of each resource returned; fields narrows them by type and ' +
      'includes adds related resources (under related).',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'patreon',
        authorizeUrl: 'https://www.patreon.com/oauth2/authorize',
        tokenUrl: 'https://www.patreon.com/api/oauth2/token',
        scopeSeparator: ' ',
        // Patreon takes the client id and secret in the form body, and no PKCE (guMCP sent none).
        tokenEndpointAuth: 'client_secret_post',
        pkce: false,
      },
      scopes: PATREON_SCOPES,
    },
    tools: patreonTools(apiFactory(tuning)),
  });
}

export default createPatreonServer();
