import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifyApiKey, whoAmI } from './api.js';
import { pagerDutyTools, READ, WRITE } from './tools.js';

/** guMCP's scopes, in its order: PagerDuty's classic OAuth grants `write` (which includes read) or `read`. */
export const PAGERDUTY_SCOPES = [WRITE, READ] as const;

/**
 * The PagerDuty server. `tuning` shortens retries and swaps the wait of the rate-limit retry; only tests
 * pass it, the registry loads the default export.
 */
export function createPagerDutyServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'pagerduty',
    name: 'PagerDuty',
    description: 'PagerDuty incidents, services, on-call schedules, on-calls, notifications and users.',
    instructions:
      'Most tools take email_from, the email of the PagerDuty user the request is made as ("me" for the ' +
      'signed-in user). Lists follow pages up to limit and give next_offset to go on. Objects are named by ' +
      'PagerDuty ids (e.g. PXPGF42); list_schedules and list_services give them.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'pagerduty',
        authorizeUrl: 'https://app.pagerduty.com/oauth/authorize',
        tokenUrl: 'https://app.pagerduty.com/oauth/token',
        scopeSeparator: ' ',
        // guMCP sends the client id and secret in the form body, with a PKCE challenge, as PagerDuty documents.
        tokenEndpointAuth: 'client_secret_post',
        pkce: true,
        // The token's user, so that email_from "me" costs no request.
        discover: (credentials) => whoAmI(credentials, tuning),
      },
      scopes: PAGERDUTY_SCOPES,
      // A REST API key (Integrations > API Access Keys, or a user's own key) instead of OAuth.
      apiKey: {
        fields: [{ name: 'api_key', label: 'PagerDuty REST API key', secret: true }],
        verify: (values) => verifyApiKey(values, tuning),
      },
    },
    tools: pagerDutyTools(apiFactory(tuning)),
  });
}

export default createPagerDutyServer();
