import { z } from 'zod';
import { adds } from '../../core/annotations.js';
import { type AnyToolDef, tool } from '../../core/definition.js';
import type { ApiFactory, CompletionRequest } from './api.js';
import { MODELS } from './errors.js';
import { answerSchema, toAnswer } from './shapes.js';

const model = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, 'must be a Perplexity model name such as sonar or sonar-pro')
  .default('sonar')
  .describe(
    `The model (default sonar): ${MODELS.join(', ')}. sonar-pro searches more deeply, the reasoning models ` +
      'think before answering, sonar-deep-research writes a long report (minutes, and more costly).',
  );

const maxTokens = z
  .number()
  .int()
  .min(1)
  .max(128_000)
  .optional()
  .describe(
    'Longest answer in tokens; a longer one is cut short (truncated: true). Default: the model decides',
  );

/** The Perplexity tools, with clients made by `connect` (the seam tests use for fast retries). */
export function perplexityTools(connect: ApiFactory): Record<string, AnyToolDef> {
  return {
    search: tool({
      description:
        'Search the web with Perplexity: an answer written from current web sources, with the citations it ' +
        'numbers ([1], [2]…) and the search results (title, URL, date). Each call is billed by Perplexity.',
      input: z.object({
        query: z.string().trim().min(1).max(16_000).describe('The question or search query'),
        model,
        recency_filter: z
          .enum(['hour', 'day', 'week', 'month', 'year', 'none'])
          .optional()
          .describe('Only sources published within the last hour, day, week, month or year (default none)'),
        return_related: z.boolean().default(false).describe('Also return related follow-up questions'),
        max_tokens: maxTokens,
        search_domain_filter: z
          .array(z.string().trim().min(1).max(253))
          .min(1)
          .max(20)
          .optional()
          .describe('Search only these domains (e.g. ["nature.com"]); a leading - excludes one instead'),
        search_context_size: z
          .enum(['low', 'medium', 'high'])
          .default('high')
          .describe('How much web content the answer draws on (default high; low costs less)'),
      }),
      output: answerSchema,
      // Not read-only: each call is billed, so a client should not repeat it on its own.
      annotations: adds,
      async handler(args, ctx) {
        const body: CompletionRequest = {
          model: args.model,
          messages: [{ role: 'user', content: args.query }],
          return_related_questions: args.return_related,
          web_search_options: { search_context_size: args.search_context_size },
          ...(args.recency_filter && args.recency_filter !== 'none'
            ? { search_recency_filter: args.recency_filter }
            : {}),
          ...(args.search_domain_filter ? { search_domain_filter: args.search_domain_filter } : {}),
          ...(args.max_tokens ? { max_tokens: args.max_tokens } : {}),
        };
        return toAnswer(await connect(ctx).complete(body), args.model, args.return_related);
      },
    }),

    chat: tool({
      description:
        'Send a message to a Perplexity model, with an optional system prompt, without asking for a search-heavy ' +
        'answer (the model may still search; disable_search stops it). Returns the answer and any citations. ' +
        'Each call is billed by Perplexity.',
      input: z.object({
        message: z.string().trim().min(1).max(64_000).describe('The message to send to the model'),
        model,
        system_prompt: z
          .string()
          .max(16_000)
          .optional()
          .describe(
            'Instructions for the model (default "Be helpful, concise, and precise."; "" sends none)',
          ),
        temperature: z
          .number()
          .min(0)
          .max(2)
          .default(0.7)
          .describe('Randomness of the answer, 0-2 (default 0.7)'),
        max_tokens: maxTokens,
        disable_search: z
          .boolean()
          .optional()
          .describe('Answer from the model alone, without searching the web'),
      }),
      output: answerSchema,
      annotations: adds,
      async handler(args, ctx) {
        const system = args.system_prompt ?? 'Be helpful, concise, and precise.';
        const body: CompletionRequest = {
          model: args.model,
          messages: [
            ...(system.trim() ? [{ role: 'system' as const, content: system }] : []),
            { role: 'user', content: args.message },
          ],
          temperature: args.temperature,
          web_search_options: { search_context_size: 'medium' },
          ...(args.max_tokens ? { max_tokens: args.max_tokens } : {}),
          ...(args.disable_search ? { disable_search: true } : {}),
        };
        return toAnswer(await connect(ctx).complete(body), args.model, false);
      },
    }),
  };
}
