import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { serviceUrl, UpstreamClient, UpstreamError, type UpstreamOptions } from '../../upstream/client.js';
import { creditsUsedUp, perplexityError, SERVER_ID } from './errors.js';

/** Perplexity's API root; GUMCP_PERPLEXITY_API_URL points it elsewhere (tests: a fake on loopback). */
export const PERPLEXITY_API = 'https://api.perplexity.ai';

/** Timing knobs of the upstream client; only tests change them. */
export type PerplexityTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
> & {
  /** How long sonar-deep-research may take to answer (10 minutes): it researches before it writes. */
  deepResearchTimeoutMs?: number;
};

/** A message of the conversation sent. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The body of `POST /chat/completions`, as far as the tools fill it. */
export interface CompletionRequest {
  model: string;
  messages: ChatMessage[];
  max_tokens?: number;
  temperature?: number;
  search_recency_filter?: 'hour' | 'day' | 'week' | 'month' | 'year';
  search_domain_filter?: string[];
  return_related_questions?: boolean;
  disable_search?: boolean;
  web_search_options?: { search_context_size?: 'low' | 'medium' | 'high' };
}

/** One source Perplexity searched (`search_results`). */
export interface SearchResult {
  title?: string;
  url: string;
  date?: string | null;
  last_updated?: string | null;
  snippet?: string;
}

/** The answer of `POST /chat/completions` (non-streaming), as Perplexity documents it. */
export interface CompletionResponse {
  id?: string;
  model?: string;
  created?: number;
  choices?: {
    index?: number;
    finish_reason?: string | null;
    message?: { role?: string; content?: unknown };
  }[];
  citations?: string[] | null;
  search_results?: SearchResult[] | null;
  related_questions?: string[] | null;
  usage?: {
    prompt_tokens?: number;
    completion_tokens?: number;
    total_tokens?: number;
    cost?: { total_cost?: number } | null;
  } | null;
}

type Ctx = Pick<ToolContext, 'credentials' | 'log' | 'signal'>;

/** Reads the key from the stored credentials (guMCP's field name, `api_key`). */
function keyOf(credentials: Record<string, unknown>): string {
  const key = credentials.api_key;
  if (typeof key !== 'string' || !key.trim()) {
    throw new AuthRequiredError(
      SERVER_ID,
      'the stored credentials hold no Perplexity API key (field api_key)',
    );
  }
  return key.trim();
}

function client(
  key: string,
  model: string,
  tuning: PerplexityTuning,
  ctx?: Pick<Ctx, 'log'>,
): UpstreamClient {
  const { deepResearchTimeoutMs, ...timing } = tuning;
  // A search-grounded answer takes seconds to a minute; a deep research run takes minutes.
  const timeoutMs =
    model === 'sonar-deep-research' ? (deepResearchTimeoutMs ?? 600_000) : (timing.timeoutMs ?? 120_000);
  return new UpstreamClient({
    backoffMs: 1000,
    ...timing,
    timeoutMs,
    service: 'Perplexity',
    serverId: SERVER_ID,
    baseUrl: serviceUrl(SERVER_ID, PERPLEXITY_API),
    ...(ctx?.log ? { log: ctx.log } : {}),
    auth: () => ({ authorization: `Bearer ${key}` }),
    mapError: (status, body, headers) => perplexityError(status, body, headers, key, model),
    // A used-up balance is not retried, whatever Retry-After says: it is reported at once.
    retryable: (status, _headers, body) => (creditsUsedUp(status, body) ? false : undefined),
  });
}

/**
 * The Perplexity calls of one tool call. The key goes in the Authorization header only, is read on
 * every call (a key replaced mid-session is used from the next call on), and never reaches a message.
 */
export class PerplexityApi {
  readonly #ctx: Ctx;
  readonly #tuning: PerplexityTuning;

  constructor(ctx: Ctx, tuning: PerplexityTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  /**
   * One chat completion. It costs money, so it is never sent twice after a timeout or a 5xx (the
   * upstream client repeats a POST only after a 429, which Perplexity did not process).
   */
  async complete(body: CompletionRequest): Promise<CompletionResponse> {
    const key = keyOf(await this.#ctx.credentials());
    const answer = await client(key, body.model, this.#tuning, this.#ctx).request<CompletionResponse>(
      'chat/completions',
      { method: 'POST', body },
      this.#ctx.signal,
    );
    if (!answer || typeof answer !== 'object')
      throw new ToolError('Perplexity answered without a completion');
    return answer;
  }
}

/**
 * Checks a key when it is entered, with `GET /async/chat/completions`: the list of the account's
 * asynchronous requests, which costs nothing (unlike a completion, however small) and needs a valid
 * key. Only a refusal of the key fails sign-in; any other answer (the list moved, Perplexity down)
 * lets the key through, since the first tool call will tell.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  tuning: PerplexityTuning = {},
): Promise<undefined> {
  const key = values.api_key?.trim();
  if (!key)
    throw new ToolError('api_key: enter the Perplexity API key (API settings of your Perplexity account)');
  try {
    await client(key, 'sonar', { retries: 1, ...tuning }).request('async/chat/completions');
  } catch (error) {
    if (error instanceof AuthRequiredError || (error instanceof UpstreamError && error.status === 403)) {
      throw new ToolError(
        'Perplexity rejected the API key: check that it was copied whole (it starts with pplx-) and has not been revoked',
      );
    }
    if (!(error instanceof UpstreamError)) throw error;
  }
  return undefined;
}

export type ApiFactory = (ctx: Ctx) => PerplexityApi;
