import { reads } from '../../core/annotations.js';
import { type AnyToolDef, tool } from '../../core/definition.js';
import type { ApiFactory } from './api.js';
import { input } from './params.js';
import { runSearch } from './search.js';
import { searchSchema } from './shapes.js';

export function serpApiTools(connect: ApiFactory): Record<string, AnyToolDef> {
  return {
    serpapi_search: tool({
      description:
        'Search Google through SerpApi: web, images, news, videos, shopping, patents or local results, ' +
        'trimmed to position, title, link and snippet, with the answer box and knowledge graph ' +
        '(full: true adds SerpApi’s whole JSON). Each search uses one of the account’s monthly searches; ' +
        'the same search within an hour is answered free from SerpApi’s cache.',
      input,
      output: searchSchema,
      annotations: reads,
      async handler(args, ctx) {
        // SerpApi's answers do not carry the key (its account endpoint does); this keeps it that way.
        const key = String((await ctx.credentials()).api_key ?? '').trim();
        return runSearch(connect(ctx), args, key);
      },
    }),
  };
}
