import type { Credentials } from '../../core/context.js';
import { defineServer, type OAuthProvider, type ServerDefinition } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { apiFactory, type ClientTuning, instanceRoot } from './api.js';
import { salesforceTools } from './tools/index.js';

/** Scopes asked for at sign-in (guMCP's): the REST and SOAP APIs, and a refresh token. */
export const SALESFORCE_SCOPES = ['api', 'refresh_token'] as const;

/**
 * Salesforce's OAuth 2.0 web server flow with PKCE. Production orgs sign in at login.salesforce.com;
 * a sandbox (test.salesforce.com) or an org that requires its My Domain sets `auth_uri`/`token_uri`
 * in oauth.json. The client id and secret go in the form body, as Salesforce documents the token
 * request. The answer has no expires_in (an hour is assumed); it names the org's `instance_url` (the API's host) and the
 * user's identity URL `id`, which are stored; a refresh answer names instance_url again and replaces it.
 */
export const salesforceOAuth: OAuthProvider = {
  service: 'salesforce',
  authorizeUrl: 'https://login.salesforce.com/services/oauth2/authorize',
  tokenUrl: 'https://login.salesforce.com/services/oauth2/token',
  scopeSeparator: ' ',
  tokenEndpointAuth: 'client_secret_post',
  pkce: true,
  keepTokenFields: ['instance_url', 'id', 'issued_at'],
  // Salesforce's answer has no expires_in, while its sessions time out (two hours by default, and as
  // little as 15 minutes in some orgs): the token is taken to live an hour, so it is refreshed before then.
  assumedLifetimeSeconds: 3600,
  // A sign-in whose answer names no usable instance cannot call the API: refuse it now, not at the first tool.
  discover: async (credentials: Readonly<Credentials>): Promise<Credentials> => {
    if (typeof credentials.instance_url !== 'string' || !credentials.instance_url) {
      throw new ToolError('Salesforce answered the sign-in without an instance_url; sign in again');
    }
    instanceRoot(credentials);
    return {};
  },
};

/**
 * The Salesforce server. `tuning` shortens the upstream client's timeouts and retry backoff; only
 * tests pass it, the registry loads the default export.
 */
export function createSalesforceServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'salesforce',
    name: 'Salesforce',
    description: 'SOQL and SOSL, records, campaigns, leads, notes and files in a Salesforce org.',
    instructions:
      'Objects and fields go by API name (Account, Custom__c); records by their 15- or 18-character id. Creates are never ' +
      'retried after a failure (Salesforce has no idempotency key): the error says how to check with soql_query before ' +
      'creating again. describe_object lists the fields an object has.',
    auth: { kind: 'oauth2', provider: salesforceOAuth, scopes: SALESFORCE_SCOPES },
    tools: salesforceTools(apiFactory(tuning)),
  });
}

export default createSalesforceServer();
