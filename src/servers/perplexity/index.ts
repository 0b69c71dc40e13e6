import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { PerplexityApi, type PerplexityTuning, verifyApiKey } from './api.js';
import { perplexityPrompts } from './prompts.js';
import { perplexityTools } from './tools.js';

/**
 * The Perplexity server. `tuning` shortens retries and timeouts; only tests pass it, the registry
 * loads the default export.
 */
export function createPerplexityServer(tuning: PerplexityTuning = {}): ServerDefinition {
  return defineServer({
    id: 'perplexity',
    name: 'Perplexity',
    description:
      'Perplexity Sonar: answers written from current web search results, with their citations, and chat with ' +
      'Perplexity models.',
    instructions:
      'search answers a question from the web and returns the citations and search results it used; chat sends ' +
      'a message with an optional system prompt. Both are billed per call by Perplexity; max_tokens bounds an answer.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field name, so its users' credential files keep working.
      fields: [{ name: 'api_key', label: 'Perplexity API key', secret: true }],
      verify: (values) => verifyApiKey(values, tuning),
    },
    tools: perplexityTools((ctx) => new PerplexityApi(ctx, tuning)),
    prompts: perplexityPrompts,
  });
}

export default createPerplexityServer();
