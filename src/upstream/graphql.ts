import type { ToolError } from '../core/errors.js';
import { sleep } from '../util/sleep.js';
import { UpstreamClient, UpstreamError, type UpstreamOptions } from './client.js';

/** One entry of a GraphQL answer's `errors` (GraphQL over HTTP): a message, and the service's extensions. */
export interface GraphQLErrorItem {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** A GraphQL answer that carried `errors`, on a 200 or on a 4xx: `data` may hold the part that worked. */
export class GraphQLError extends UpstreamError {
  constructor(
    message: string,
    status: number,
    readonly errors: readonly GraphQLErrorItem[],
    readonly data: unknown,
    readonly headers: Headers = new Headers(),
  ) {
    super(message, status);
  }
}

export interface GraphQLOptions extends UpstreamOptions {
  /** The endpoint, relative to `baseUrl` (default: `baseUrl` itself). */
  path?: string;
  /**
   * How long the service asks to wait when an answer's errors say it was throttled (Linear's
   * `RATELIMITED`, monday's `COMPLEXITY_BUDGET_EXHAUSTED`, Shopify's `THROTTLED`), in ms; undefined
   * when they do not. A throttled request was not run, so it is retried even when it is a mutation.
   */
  throttled?: (
    errors: readonly GraphQLErrorItem[],
    body: GraphQLBody,
    headers: Headers,
  ) => number | undefined;
  /** A provider's errors that mean more than their message (expired token, not found), as a tool error. */
  classify?: (errors: readonly GraphQLErrorItem[], status: number) => ToolError | undefined;
  /** Throttled retries before the call fails (default 3). */
  throttleRetries?: number;
  /** Longest throttle wait accepted; a longer one fails the call at once, saying when to retry (default 60 s). */
  maxThrottleWaitMs?: number;
}

/** The body of a GraphQL answer. */
export interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLErrorItem[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLRequest {
  signal?: AbortSignal;
  /** Mutations are not retried after a timeout or 5xx, where they may have run. */
  mutation?: boolean;
  headers?: Record<string, string>;
}

/** A GraphQL answer: `data`, or `errors` as a list (a string `errors`, as Shopify's HTTP errors give, is not one). */
const isBody = (value: unknown): value is GraphQLBody =>
  typeof value === 'object' &&
  value !== null &&
  ('data' in value || ('errors' in value && Array.isArray((value as { errors: unknown }).errors)));

/**
 * GraphQL over the shared upstream client, for Linear, monday.com and Shopify: one POST of
 * `{query, variables}`, and `errors` treated as failure even on a 200 with partial data (a model
 * must not take half an answer for the whole). Throttling the service reports inside the body is
 * waited out and retried; everything else (timeouts, 429, 5xx, auth) is the upstream client's.
 */
export class GraphQLClient {
  readonly #http: UpstreamClient;
  readonly #o: GraphQLOptions;

  constructor(options: GraphQLOptions) {
    this.#o = options;
    this.#http = new UpstreamClient({
      ...options,
      // Errors in a 4xx body are judged below with those of a 200: throttled, classified, or reported.
      mapError: (status, body, headers) => {
        if (isBody(body) && body.errors?.length) {
          return new GraphQLError('GraphQL errors', status, body.errors, body.data, headers);
        }
        return options.mapError?.(status, body, headers);
      },
    });
  }

  async request<T>(
    query: string,
    variables: Record<string, unknown> = {},
    req: GraphQLRequest = {},
  ): Promise<T> {
    const retries = this.#o.throttleRetries ?? 3;
    const maxWait = this.#o.maxThrottleWaitMs ?? 60_000;
    for (let attempt = 0; ; attempt++) {
      let body: GraphQLBody;
      let status = 200;
      let headers = new Headers();
      try {
        const answer = await this.#http.request<unknown>(
          this.#o.path ?? '',
          {
            method: 'POST',
            body: { query, variables },
            idempotent: !req.mutation,
            ...(req.headers ? { headers: req.headers } : {}),
          },
          req.signal,
        );
        body = isBody(answer) ? answer : { data: answer };
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        body = { data: error.data, errors: [...error.errors] };
        status = error.status;
        headers = error.headers;
      }
      if (!body.errors?.length) return body.data as T;
      const wait = this.#o.throttled?.(body.errors, body, headers);
      if (wait !== undefined) {
        if (attempt < retries && wait <= maxWait) {
          await (this.#o.sleep ?? sleep)(wait, req.signal);
          continue;
        }
        throw new UpstreamError(
          `Rate limited by ${this.#o.service}; try again in ${Math.max(1, Math.ceil(wait / 1000))} s`,
          429,
        );
      }
      throw this.#error(status, body);
    }
  }

  #error(status: number, body: GraphQLBody): GraphQLError | ToolError {
    const errors = body.errors ?? [];
    const classified = this.#o.classify?.(errors, status);
    if (classified) return classified;
    const messages = errors
      .slice(0, 3)
      .map((e) => e.message)
      .join('; ');
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
    return new GraphQLError(
      `${this.#o.service} refused the request: ${messages}${more}`,
      status,
      errors,
      body.data,
    );
  }
}
