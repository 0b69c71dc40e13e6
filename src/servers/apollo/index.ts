import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifyApiKey } from './api.js';
import { apolloTools } from './tools/index.js';

/**
 * The Apollo server. `tuning` shortens retries and swaps the clock of waits; only tests pass it, the
 * registry loads the default export.
 */
export function createApolloServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'apollo',
    name: 'Apollo',
    description:
      'Contacts, accounts, deals, tasks and users in Apollo.io, with person and company enrichment.',
    instructions:
      'Records are named by their Apollo id. enrich_person and enrich_organization spend Apollo credits. ' +
      'Creates are never retried after a failure (Apollo has no idempotency key): search before creating again. ' +
      'Deals and tasks need a master API key.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field name, so its users' credential files keep working.
      fields: [{ name: 'api_key', label: 'Apollo API key', secret: true }],
      verify: (values) => verifyApiKey(values, tuning),
    },
    tools: apolloTools(apiFactory(tuning)),
  });
}

export default createApolloServer();
