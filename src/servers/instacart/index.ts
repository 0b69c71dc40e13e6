import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifyInstacartKey } from './api.js';
import { instacartTools } from './tools.js';

/**
 * The Instacart server. `tuning` shortens the upstream client's timeouts and retry waits; only tests
 * pass it, the registry loads the default export.
 */
export function createInstacartServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'instacart',
    name: 'Instacart',
    description:
      'Instacart Developer Platform: shoppable shopping list and recipe pages, returned as links anyone can ' +
      'open to pick a store, fill a cart and check out.',
    instructions:
      'Each call creates a new page and returns its products_link_url; reuse a link instead of creating the same ' +
      'page again. Give item names only in name (quantities and units in their own fields).',
    auth: {
      kind: 'api_key',
      fields: [
        // guMCP's credential field name, so its users' credential files keep working.
        { name: 'api_key', label: 'Instacart Developer Platform API key', secret: true },
        {
          name: 'environment',
          label: 'Environment: production or development (leave empty to detect it from the key)',
          optional: true,
        },
      ],
      verify: (values) => verifyInstacartKey(values, tuning),
    },
    tools: instacartTools(apiFactory(tuning)),
  });
}

export default createInstacartServer();
