import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, discoverDataCentre, verifyApiKey } from './api.js';
import { mailchimpTools } from './tools.js';

/**
 * The Mailchimp server. `tuning` shortens retries, swaps the sleep and the connection limit; only tests
 * pass it, the registry loads the default export.
 */
export function createMailchimpServer(tuning: ClientTuning = {}): ServerDefinition {
  const { connect } = apiFactory(tuning);
  return defineServer({
    id: 'mailchimp',
    name: 'Mailchimp',
    description: 'Mailchimp audiences (lists), campaigns, audience activity, subscribers and tags.',
    instructions:
      'Audiences (lists) and campaigns are named by their Mailchimp ids (get_audience_list and list_all_campaigns ' +
      'give them). add_update_subscriber enrols people in an audience, which may start its welcome automation: ' +
      'it is never repeated on its own, and its result says who was added or updated where.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'mailchimp',
        authorizeUrl: 'https://login.mailchimp.com/oauth2/authorize',
        tokenUrl: 'https://login.mailchimp.com/oauth2/token',
        // Mailchimp takes client_id and client_secret in the token request body, as guMCP sent them.
        tokenEndpointAuth: 'client_secret_post',
        // Mailchimp's tokens carry no scopes and never expire; guMCP's flow sent no PKCE challenge.
        pkce: false,
        // The account's data centre (the API host) is known only from the metadata endpoint.
        discover: (credentials) => discoverDataCentre(credentials, tuning),
      },
      scopes: [],
      // An API key of one's own account (Profile > Extras > API keys): its data centre is its suffix.
      apiKey: {
        fields: [{ name: 'api_key', label: 'Mailchimp API key (ends in -us6 or the like)', secret: true }],
        verify: (values) => verifyApiKey(values, tuning),
      },
    },
    tools: mailchimpTools(connect),
  });
}

export default createMailchimpServer();
