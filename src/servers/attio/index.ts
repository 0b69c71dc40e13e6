import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning } from './api.js';
import { attioResources } from './resources.js';
import { attioTools } from './tools.js';

/**
 * The Attio server. `tuning` shortens the upstream client's retries; only tests pass it, the
 * registry loads the default export.
 */
export function createAttioServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'attio',
    name: 'Attio',
    description: 'Companies, people and lists in the Attio CRM.',
    instructions:
      'Records are named by id (a UUID); search_companies and search_contacts find them. Attribute values are ' +
      'keyed by attribute slug. Resources: attio://collection/companies, attio://collection/people, attio://list/{id}.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'attio',
        authorizeUrl: 'https://app.attio.com/authorize',
        tokenUrl: 'https://app.attio.com/oauth/token',
        tokenEndpointAuth: 'client_secret_post',
        // guMCP's flow sent no PKCE challenge, and the provider documents none.
        pkce: false,
      },
      // Attio's authorize endpoint takes no scope: the app's Scopes tab decides what a token may do.
      // guMCP's "read"/"write" are not Attio scopes, so none is sent.
      scopes: [],
    },
    tools: attioTools(connect),
    resources: attioResources(connect),
  });
}

export default createAttioServer();
