import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { Spacer } from '../../upstream/spacer.js';
import { type Clock, realClock } from '../../util/clock.js';
import { apiFactory, type ClientTuning } from './api.js';
import { airtableResources } from './resources.js';
import { airtableTools } from './tools.js';

/** Scopes asked for at login (guMCP's list); each tool declares which of them it needs. */
export const AIRTABLE_SCOPES = [
  'data.records:read',
  'data.records:write',
  'schema.bases:read',
  'schema.bases:write',
] as const;

/** Airtable's limit: 5 requests per second per base. */
export const REQUESTS_PER_SECOND = 5;

export interface AirtableTuning extends ClientTuning {
  /** Requests per second per base the throttle allows (default 5). */
  requestsPerSecond?: number;
  clock?: Clock;
}

/**
 * The Airtable server. `tuning` shortens the upstream client's retries and swaps the throttle's rate
 * or clock; only tests pass it, the registry loads the default export.
 */
export function createAirtableServer(tuning: AirtableTuning = {}): ServerDefinition {
  const { requestsPerSecond = REQUESTS_PER_SECOND, clock = realClock, ...client } = tuning;
  // Airtable answers a burst with a 429 that locks the base for 30 s: requests to a base are spaced.
  const connect = apiFactory(Spacer.perSecond(requestsPerSecond, clock), client);
  return defineServer({
    id: 'airtable',
    name: 'Airtable',
    description: 'Records, tables, fields and bases in Airtable.',
    instructions:
      'Bases are named by id (app...), tables by id (tbl...) or name. Writes of more than 10 records go 10 to a ' +
      'request. Resources: airtable://table/{base_id}/{table_id} for each table the token can reach.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'airtable',
        authorizeUrl: 'https://airtable.com/oauth2/v1/authorize',
        tokenUrl: 'https://airtable.com/oauth2/v1/token',
        scopeSeparator: ' ',
        tokenEndpointAuth: 'client_secret_basic',
      },
      scopes: AIRTABLE_SCOPES,
    },
    tools: airtableTools(connect),
    resources: airtableResources(connect),
  });
}

export default createAirtableServer();
