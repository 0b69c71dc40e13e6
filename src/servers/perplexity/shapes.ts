import { z } from 'zod';
import type { CompletionResponse } from './api.js';

/** Longest snippet of a search result kept; the page itself is at its URL. */
const SNIPPET_MAX = 500;

/** What the search and chat tools return: the answer and what it rests on. */
export const answerSchema = z.object({
  answer: z.string().describe('The answer, in Markdown; [1], [2]… refer to citations by position'),
  model: z.string().describe('The model that answered'),
  citations: z.array(z.string()).describe('URLs of the sources, in the order the answer numbers them'),
  search_results: z
    .array(
      z.object({
        title: z.string().nullable(),
        url: z.string(),
        date: z.string().nullable().describe('Publication date, when known'),
        last_updated: z.string().nullable(),
        snippet: z.string().nullable().describe(`The matching text, cut at ${SNIPPET_MAX} characters`),
      }),
    )
    .describe('The sources Perplexity searched, with titles and dates'),
  related_questions: z.array(z.string()).optional().describe('Follow-up questions, when asked for'),
  finish_reason: z.string().nullable().describe('stop, or length when max_tokens cut the answer short'),
  truncated: z.boolean().describe('True when the answer was cut short by max_tokens'),
  usage: z
    .object({
      prompt_tokens: z.number().nullable(),
      completion_tokens: z.number().nullable(),
      total_tokens: z.number().nullable(),
      cost_usd: z.number().nullable().describe('What the request cost, as Perplexity reports it'),
    })
    .nullable(),
});

export type Answer = z.input<typeof answerSchema>;

/** A message's content as text: a string, or the text parts of a list of content chunks. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) =>
      part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string'
        ? (part as { text: string }).text
        : '',
    )
    .join('');
}

/** The reasoning models open their answer with their chain of thought in `<think>…</think>`: not the answer. */
const THINKING = /^\s*<think>[\s\S]*?<\/think>\s*/;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Perplexity's completion as the tools' answer. */
export function toAnswer(res: CompletionResponse, model: string, relatedAsked: boolean): Answer {
  const choice = res.choices?.[0];
  const answer = textOf(choice?.message?.content).replace(THINKING, '');
  const results = (res.search_results ?? []).filter((r) => r && typeof r.url === 'string');
  const citations = res.citations?.length ? res.citations : results.map((r) => r.url);
  const finish = str(choice?.finish_reason);
  return {
    answer,
    model: res.model ?? model,
    citations,
    search_results: results.map((r) => {
      const snippet = str(r.snippet);
      return {
        title: str(r.title),
        url: r.url,
        date: str(r.date),
        last_updated: str(r.last_updated),
        snippet:
          snippet && snippet.length > SNIPPET_MAX ? `${snippet.slice(0, SNIPPET_MAX)}…` : snippet || null,
      };
    }),
    ...(relatedAsked ? { related_questions: res.related_questions ?? [] } : {}),
    finish_reason: finish,
    truncated: finish === 'length',
    usage: res.usage
      ? {
          prompt_tokens: num(res.usage.prompt_tokens),
          completion_tokens: num(res.usage.completion_tokens),
          total_tokens: num(res.usage.total_tokens),
          cost_usd: num(res.usage.cost?.total_cost),
        }
      : null,
  };
}
