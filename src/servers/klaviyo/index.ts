import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning } from './api.js';
import { klaviyoResources } from './resources.js';
import { klaviyoTools } from './tools/index.js';

/** Scopes asked for at sign-in: guMCP's catalog list. Each tool declares those it needs. */
export const KLAVIYO_SCOPES = [
  'lists:read',
  'lists:write',
  'profiles:write',
  'profiles:read',
  'campaigns:write',
  'campaigns:read',
  'metrics:read',
] as const;

/**
 * The Klaviyo server. `tuning` shortens the upstream client's retries and swaps its sleep; only tests
 * pass it, the registry loads the default export.
 */
export function createKlaviyoServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'klaviyo',
    name: 'Klaviyo',
    description: 'Klaviyo profiles, lists, campaigns and metrics.',
    instructions:
      'Profiles, lists, campaigns and metrics are named by their Klaviyo ids (get_profiles, get_lists, ' +
      'list_campaigns and list_metrics give them). send_campaign emails or texts real people, once: it is never ' +
      'repeated on its own and refuses a campaign that is not a draft. add_profiles_to_list may start the ' +
      "list's flows. Filters use Klaviyo's syntax, e.g. equals(email,'ada@example.com'). " +
      'Resources: klaviyo://campaign/{campaign_id}.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'klaviyo',
        authorizeUrl: 'https://www.klaviyo.com/oauth/authorize',
        // Token traffic goes to a.klaviyo.com: Klaviyo blocks oauth/token on www.klaviyo.com since 2025-03-31.
        tokenUrl: 'https://a.klaviyo.com/oauth/token',
        scopeSeparator: ' ',
        // Klaviyo wants the client id and secret as HTTP Basic credentials, and a PKCE challenge (S256).
        tokenEndpointAuth: 'client_secret_basic',
        pkce: true,
      },
      scopes: KLAVIYO_SCOPES,
    },
    tools: klaviyoTools(connect),
    resources: klaviyoResources(connect),
  });
}

export default createKlaviyoServer();
