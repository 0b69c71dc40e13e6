import { z } from 'zod';
import { type PromptDef, prompt } from '../../core/definition.js';

const RECENCY = ['hour', 'day', 'week', 'month', 'year', 'none'] as const;

/**
 * guMCP's two prompts. guMCP sent their instructions as a "system" message, which MCP prompts do not
 * have (a prompt message is from the user or the assistant): here they open the user's message.
 */
export const perplexityPrompts: Readonly<Record<string, PromptDef>> = {
  search_with_recency: prompt({
    description: 'Search with Perplexity, keeping to sources from a recent time range',
    args: z.object({
      query: z.string().describe('The search query'),
      recency: z.string().optional().describe('Time filter: hour, day, week, month, year or none'),
    }),
    complete: { recency: (value) => RECENCY.filter((r) => r.startsWith(value)) },
    get: ({ query, recency }) => {
      const range = RECENCY.find((r) => r === recency) ?? 'none';
      const within = range === 'none' ? '' : ` (from the past ${range})`;
      return {
        description: `Search for ${query} with the ${range} recency filter`,
        messages: [
          {
            role: 'user',
            content: {
              type: 'text',
              text:
                "You're a helpful assistant providing accurate information based on web search results. " +
                `Use the search tool${range === 'none' ? '' : ` with recency_filter "${range}"`}.\n\n` +
                `Search for: ${query}${within}`,
            },
          },
        ],
      };
    },
  }),

  code_assistant: prompt({
    description: 'Get coding help from Perplexity',
    args: z.object({
      problem: z.string().describe('The coding problem or question'),
      language: z.string().optional().describe('The programming language'),
    }),
    get: ({ problem, language }) => ({
      description: language ? `Get coding help for ${language}` : 'Get coding help',
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text:
              "You're a skilled programming assistant. Provide clear, efficient, and well-documented code " +
              'examples.\n\n' +
              (language ? `I need help with this ${language} code problem: ${problem}` : problem),
          },
        },
      ],
    }),
  }),
};
