import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { SerpApi, type SerpApiTuning, verifyApiKey } from './api.js';
import { serpApiTools } from './tools.js';

/**
 * The SerpApi server. `tuning` shortens retries and async polling; only tests pass it, the registry
 * loads the default export.
 */
export function createSerpApiServer(tuning: SerpApiTuning = {}): ServerDefinition {
  const connect = (ctx: ConstructorParameters<typeof SerpApi>[0]) => new SerpApi(ctx, tuning);
  return defineServer({
    id: 'serpapi',
    name: 'SerpAPI',
    description:
      'Google search results (web, images, news, videos, shopping, patents, local) through SerpApi.',
    instructions:
      'serpapi_search answers trimmed results; full: true adds the whole JSON, and search_id reads an ' +
      'earlier search again from SerpApi’s archive without spending a search.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field name, so its users' credential files keep working.
      fields: [{ name: 'api_key', label: 'SerpApi API key', secret: true }],
      verify: (values) => verifyApiKey(values, tuning),
    },
    tools: serpApiTools(connect),
  });
}

export default createSerpApiServer();
