import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { Spacer } from '../../upstream/spacer.js';
import { apiFactory, type ClientTuning, discoverRegion } from './api.js';
import { typeformResources } from './resources.js';
import { SCOPES, typeformTools } from './tools.js';

/** guMCP's scopes, and `offline`, without which Typeform issues no refresh token. */
export const TYPEFORM_SCOPES = [SCOPES.forms, SCOPES.responses, SCOPES.workspaces, 'offline'] as const;

/** Typeform allows 2 requests a second per account. */
export const REQUESTS_PER_SECOND = 2;

export interface TypeformTuning extends ClientTuning {
  /** Requests a second per token the throttle allows (default 2, Typeform's limit). */
  requestsPerSecond?: number;
}

/**
 * The Typeform server. `tuning` shortens retries, swaps the throttle's clock and points the regions
 * at fakes; only tests pass it, the registry loads the default export.
 */
export function createTypeformServer(tuning: TypeformTuning = {}): ServerDefinition {
  const { requestsPerSecond = REQUESTS_PER_SECOND, ...client } = tuning;
  // One throttle per server: sessions of one user (one token) share its two requests a second, spaced
  // evenly so a list followed page by page stays within Typeform's limit instead of meeting 429s.
  const throttle = Spacer.perSecond(requestsPerSecond, client.clock);
  const connect = apiFactory(throttle, client);
  return defineServer({
    id: 'typeform',
    name: 'Typeform',
    description: 'Typeform workspaces, forms and their responses.',
    instructions:
      'list_workspaces gives workspace ids, list_forms_by_workspace and search_forms give form ids for ' +
      'get_form_responses. Resources: typeform://workspace/{id}, typeform://form/{id}.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'typeform',
        authorizeUrl: 'https://admin.typeform.com/oauth/authorize',
        tokenUrl: 'https://api.typeform.com/oauth/token',
        scopeSeparator: ' ',
        // guMCP sends the client id and secret in the form body, and no PKCE challenge.
        tokenEndpointAuth: 'client_secret_post',
        pkce: false,
        // Where the account's responses live (the EU Responses Data Center or not), stored as `region`.
        discover: (credentials) => discoverRegion(credentials, throttle, client),
      },
      scopes: TYPEFORM_SCOPES,
    },
    tools: typeformTools(connect),
    resources: typeformResources(connect),
  });
}

export default createTypeformServer();
