import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { HunterApi, type HunterTuning, verifyApiKey } from './api.js';
import { hunterResources } from './resources.js';
import { hunterTools } from './tools/index.js';

/**
 * The Hunter.io server. `tuning` shortens retries and waits; only tests pass it, the registry loads
 * the default export.
 */
export function createHunterServer(tuning: HunterTuning = {}): ServerDefinition {
  const connect = (ctx: ConstructorParameters<typeof HunterApi>[0]) => new HunterApi(ctx, tuning);
  return defineServer({
    id: 'hunter_io',
    name: 'Hunter.io',
    description:
      'Hunter.io: find and verify professional email addresses, enrich people and companies, manage ' +
      'leads and leads lists, and add recipients to and start email campaigns.',
    instructions:
      'domain_search, email_finder, email_verifier, email_enrichment and company_enrichment spend the ' +
      "plan's credits (account_info shows what is left; email_count is free). add_campaign_recipients " +
      'and start_campaign lead Hunter to send real email.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field name, so its users' credential files keep working.
      fields: [{ name: 'api_key', label: 'Hunter API key', secret: true }],
      verify: (values) => verifyApiKey(values, tuning),
    },
    tools: hunterTools(connect),
    resources: hunterResources(connect),
  });
}

export default createHunterServer();
