import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning } from './api.js';
import { calendlyResources } from './resources.js';
import { calendlyTools, SCOPE } from './tools.js';

/**
 * The Calendly server. `tuning` shortens retries and swaps the wait of the rate-limit retry; only
 * tests pass it, the registry loads the default export.
 */
export function createCalendlyServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'calendly',
    name: 'Calendly',
    description: 'Event types, availability, scheduled events and single-use scheduling links in Calendly.',
    instructions:
      'list_event_types gives event type ids for get_availability and create_scheduling_link; ' +
      'list_scheduled_events gives event ids for cancel_event. Dates are UTC days (YYYY-MM-DD) or ISO ' +
      'date-times. Resources: calendly://event_type/{id}, calendly://event/{id}.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'calendly',
        authorizeUrl: 'https://auth.calendly.com/oauth/authorize',
        tokenUrl: 'https://auth.calendly.com/oauth/token',
        scopeSeparator: ' ',
        // guMCP sends the client id and secret in the form body, which Calendly accepts.
        tokenEndpointAuth: 'client_secret_post',
        // As in guMCP (the catalog says no PKCE); a confidential client with a secret needs none.
        pkce: false,
        // Calendly's token answer names the user and organization it belongs to; guMCP kept `owner`.
        keepTokenFields: ['owner', 'organization'],
      },
      scopes: [SCOPE],
    },
    tools: calendlyTools(connect),
    resources: calendlyResources(connect),
  });
}

export default createCalendlyServer();
