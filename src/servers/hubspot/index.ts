import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { Spacer } from '../../upstream/spacer.js';
import { type Clock, realClock } from '../../util/clock.js';
import { apiFactory, type ClientTuning } from './api.js';
import { hubspotResources } from './resources.js';
import { hubspotTools } from './tools/index.js';

/** Scopes asked for at sign-in: guMCP's catalog list. Each tool declares those it needs. */
export const HUBSPOT_SCOPES = [
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'tickets',
  'crm.objects.line_items.read',
  'crm.objects.line_items.write',
  'crm.objects.quotes.read',
  'crm.objects.quotes.write',
  'crm.lists.read',
  'e-commerce',
] as const;

/**
 * HubSpot's search endpoints allow about 5 requests a second per account (and answer a burst with a
 * 429 "secondly limit"); 4 leaves room for the account's other apps.
 */
export const SEARCHES_PER_SECOND = 4;

export interface HubSpotTuning extends ClientTuning {
  /** Searches per second per account the throttle allows (default 4). */
  searchesPerSecond?: number;
  clock?: Clock;
}

/**
 * The HubSpot server. `tuning` shortens the upstream client's retries and swaps the search throttle's
 * rate or clock; only tests pass it, the registry loads the default export.
 */
export function createHubSpotServer(tuning: HubSpotTuning = {}): ServerDefinition {
  const { searchesPerSecond = SEARCHES_PER_SECOND, clock = realClock, ...client } = tuning;
  // Searches of one account are spaced evenly, so parallel sessions of it queue instead of bursting.
  const connect = apiFactory(Spacer.perSecond(searchesPerSecond, clock), client);
  return defineServer({
    id: 'hubspot',
    name: 'HubSpot',
    description: 'Contacts, companies, deals, tickets, products and engagements in the HubSpot CRM.',
    instructions:
      'Records are named by their numeric id. Properties go by internal name (e.g. firstname, dealstage) and are ' +
      'read and written as text. Creates are never retried after a failure (HubSpot has no idempotency key): ' +
      'check before creating again. Searches return at most 10,000 results of a query. Resources: ' +
      'hubspot://{type}/{id} for contacts, companies, deals, tickets, products, lists and engagements.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'hubspot',
        authorizeUrl: 'https://app.hubspot.com/oauth/authorize',
        // The date-versioned token endpoint HubSpot moves v1 users to (v1 is deprecated on 2027-02-16).
        tokenUrl: 'https://api.hubapi.com/oauth/2026-03/token',
        scopeSeparator: ' ',
        tokenEndpointAuth: 'client_secret_post',
        pkce: false,
        // The account id keys the search throttle; the granted scopes come as a list, not `scope`.
        keepTokenFields: ['hub_id', 'scopes'],
      },
      scopes: HUBSPOT_SCOPES,
    },
    tools: hubspotTools(connect),
    resources: hubspotResources(connect),
  });
}

export default createHubSpotServer();
