import { defineServer, type OAuthProvider, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, SUBDOMAIN } from './api.js';
import { zendeskResources } from './resources.js';
import { zendeskTools } from './tools.js';

/** guMCP's scopes: `read` for GET endpoints, `write` for creating and updating tickets. */
export const ZENDESK_SCOPES = ['read', 'write'] as const;

/**
 * Zendesk's OAuth 2.0 at the account's own address: the user names the subdomain at sign-in (it is
 * stored with the tokens). The token request is JSON with the client id and secret in it, as
 * Zendesk's "Create Token for Grant Type" documents; Zendesk accepts PKCE from confidential clients,
 * so the authorize request carries a challenge. Refresh grants go to the same endpoint.
 */
export const ZENDESK_OAUTH: OAuthProvider = {
  service: 'zendesk',
  authorizeUrl: 'https://{subdomain}.zendesk.com/oauth/authorizations/new',
  tokenUrl: 'https://{subdomain}.zendesk.com/oauth/tokens',
  scopeSeparator: ' ',
  tokenEndpointAuth: 'client_secret_post',
  tokenRequestBody: 'json',
  tenant: SUBDOMAIN,
};

/**
 * The Zendesk server. `tuning` shortens the upstream client's timeouts and retry backoff; only tests
 * pass it, the registry loads the default export.
 */
export function createZendeskServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'zendesk',
    name: 'Zendesk',
    description: 'Search, create and update Zendesk Support tickets and comment on them; ticket views.',
    instructions:
      'Tickets are named by their number (ticket_id). search_tickets takes Zendesk search syntax ' +
      '(status:open, priority:urgent, requester:email, created>2024-01-01). Comments are public replies unless public is false. ' +
      'Resources: zendesk://view/{view_id} for each ticket view.',
    auth: { kind: 'oauth2', provider: ZENDESK_OAUTH, scopes: ZENDESK_SCOPES },
    tools: zendeskTools(connect),
    resources: zendeskResources(connect),
  });
}

export default createZendeskServer();
