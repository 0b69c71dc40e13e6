import { defineServer, type ServerDefinition } from '../../core/definition.js';
import type { Clock } from '../../util/clock.js';
import { AhrefsApi, type AhrefsTuning, minuteWindow, verifyApiKey } from './api.js';
import { ahrefsTools } from './tools/index.js';

export interface AhrefsOptions extends AhrefsTuning {
  /** Requests a minute per key this process allows itself (Ahrefs: 60). */
  requestsPerMinute?: number;
  /** The window's clock; tests pass a virtual one. */
  clock?: Clock;
}

/**
 * The Ahrefs server. `options` shortens retries and waits; only tests pass them, the registry loads
 * the default export. One request window per server definition, shared by its sessions.
 */
export function createAhrefsServer(options: AhrefsOptions = {}): ServerDefinition {
  const { requestsPerMinute, clock, ...tuning } = options;
  const window = minuteWindow(requestsPerMinute, clock);
  return defineServer({
    id: 'ahrefs',
    name: 'Ahrefs',
    description:
      'Ahrefs API v3: Site Explorer (Domain Rating, backlinks, referring domains, anchors, organic ' +
      'keywords and competitors, top and paid pages, outgoing links, and their histories) and Keywords ' +
      'Explorer (keyword metrics, volume history and by country, keyword ideas).',
    instructions:
      'Every report spends API units from the Ahrefs monthly quota (at least 50 a call; each tool says ' +
      'its cost, and each answer reports the units used). Ask for few columns (select) and rows (limit), ' +
      'filter with where and sort with order_by so the rows that matter come first. Ahrefs allows 60 ' +
      'requests a minute per key.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field name, so its users' credential files keep working.
      fields: [{ name: 'api_key', label: 'Ahrefs API v3 key', secret: true }],
      verify: (values) => verifyApiKey(values, tuning, window),
    },
    tools: ahrefsTools((ctx) => new AhrefsApi(ctx, tuning, window)),
  });
}

export default createAhrefsServer();
