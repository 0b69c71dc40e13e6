import type { FakeReply } from '../../../testing/fake-service.js';

/**
 * Perplexity's answers as its API reference documents them (docs.perplexity.ai, "Chat Completions"
 * and "List Async Chat Completions"), and its error shapes: OpenAI's `{ error: { message, type,
 * code } }`, and the HTML page its gateway sends for a missing or wrong key.
 */

export const KEY = 'pplx-fake-key-for-tests';

export const COMPLETIONS = 'POST /chat/completions';

export interface CompletionOptions {
  model?: string;
  content?: string;
  finish_reason?: 'stop' | 'length';
  citations?: string[] | null;
  search_results?: Record<string, unknown>[];
  related_questions?: string[];
}

export const SOURCES = [
  {
    title: 'Node.js 22 is now available!',
    url: 'https://nodejs.org/en/blog/announcements/v22-release-announce',
    date: '2024-04-24',
    last_updated: '2025-01-10',
    snippet: 'We’re excited to announce the release of Node.js 22!',
    source: 'web',
  },
  {
    title: 'Node.js 22 release notes',
    url: 'https://github.com/nodejs/node/releases/tag/v22.0.0',
    date: null,
    last_updated: null,
    snippet: '',
    source: 'web',
  },
];

/** A chat completion answer. */
export function completion(options: CompletionOptions = {}): Record<string, unknown> {
  const content = options.content ?? 'Node.js 22 adds require(esm) [1] and a stable WebSocket client [2].';
  return {
    id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    model: options.model ?? 'sonar',
    created: 1_724_369_245,
    usage: {
      prompt_tokens: 14,
      completion_tokens: 70,
      total_tokens: 84,
      search_context_size: 'high',
      cost: {
        input_tokens_cost: 0.000014,
        output_tokens_cost: 0.00007,
        request_cost: 0.012,
        total_cost: 0.012084,
      },
    },
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        finish_reason: options.finish_reason ?? 'stop',
        message: { role: 'assistant', content },
        delta: { role: 'assistant', content: '' },
      },
    ],
    ...(options.citations === null ? {} : { citations: options.citations ?? SOURCES.map((s) => s.url) }),
    search_results: options.search_results ?? SOURCES,
    ...(options.related_questions ? { related_questions: options.related_questions } : {}),
  };
}

/** An OpenAI-style error answer. */
export const error = (status: number, type: string, message: string): FakeReply => ({
  status,
  body: { error: { message, type, code: status } },
});

export const invalidKey = error(
  401,
  'invalid_api_key',
  'Invalid API key provided. You can find your API key at https://www.perplexity.ai/settings/api.',
);

/** What the gateway answers to a request without a valid key: an HTML page, not JSON. */
export const unauthorizedHtml: FakeReply = {
  status: 401,
  headers: { 'content-type': 'text/html' },
  body:
    '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 ' +
    'Authorization Required</h1></center>\r\n<hr><center>openresty/1.27.4</center>\r\n</body>\r\n</html>\r\n',
};

export const invalidModel = (model: string) =>
  error(
    400,
    'invalid_model',
    `Invalid model '${model}'. Permitted models can be found in the documentation at https://docs.perplexity.ai/getting-started/models.`,
  );

/** The list of asynchronous requests (`GET /async/chat/completions`), empty. */
export const asyncList = { requests: [], next_token: null };
