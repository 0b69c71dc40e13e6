import type { Logger } from 'pino';
import { ToolError } from '../../core/errors.js';
import { UpstreamClient } from '../../upstream/client.js';
import type { CredentialSource, OAuthClientConfig, StoredCredentials } from '../types.js';
import { checkName } from './names.js';

/** Gumloop's API root, guMCP's default for its GumloopAuthClient. */
export const GUMLOOP_API_URL = 'https://api.gumloop.com/api/v1';

export interface BrokerOptions {
  /** The broker's API root; `/auth/{service}/credentials` is appended. */
  baseUrl: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  log?: Logger;
}

const SERVICE = 'the credentials broker';
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A remote credential broker in the style of guMCP's GumloopAuthClient: the broker holds each
 * user's credentials and hands them out for the user's own API key.
 *
 * The key is not configuration: it belongs to a session (the host reads it from the session URL,
 * `user_id:api_key`). So the broker itself is not a CredentialSource; `forApiKey(key)` binds one
 * key and returns the source that session uses, and no session can read with another's key.
 */
export class CredentialBroker {
  readonly #options: BrokerOptions;

  constructor(options: BrokerOptions) {
    this.#options = {
      baseUrl: checkBaseUrl(options.baseUrl),
      // A session waits on this call before its first tool runs: fail fast rather than hang.
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: options.retries ?? 2,
      backoffMs: options.backoffMs ?? 250,
      ...(options.log ? { log: options.log } : {}),
    };
  }

  /** GUMCP_CREDENTIALS_BROKER_URL, else guMCP's GUMLOOP_API_BASE_URL, else Gumloop's API. */
  static fromEnv(env: NodeJS.ProcessEnv, log?: Logger): CredentialBroker {
    const baseUrl = env.GUMCP_CREDENTIALS_BROKER_URL || env.GUMLOOP_API_BASE_URL || GUMLOOP_API_URL;
    return new CredentialBroker({ baseUrl, ...(log ? { log } : {}) });
  }

  forApiKey(apiKey: string): CredentialSource {
    if (!apiKey.trim()) {
      throw new ToolError(
        'The credentials broker needs your API key: open the session as /{server}/{user_id}:{api_key}',
      );
    }
    // Refused here, not by fetch: a header error could quote the value.
    if (CONTROL.test(apiKey))
      throw new ToolError('The API key for the credentials broker holds control characters');
    const options = this.#options;
    return {
      get: (service, userId) => fetchCredentials(options, apiKey, service, userId),
      save: async (service) => {
        throw new ToolError(
          `${service} credentials come from the credentials broker and are read-only here; reconnect ${service} at the broker`,
        );
      },
      // The broker runs the OAuth flows itself: no client registration is held here.
      oauthConfig: async (): Promise<OAuthClientConfig | undefined> => undefined,
    };
  }
}

async function fetchCredentials(
  options: BrokerOptions,
  apiKey: string,
  service: string,
  userId: string,
): Promise<StoredCredentials> {
  const client = new UpstreamClient({
    ...options,
    service: SERVICE,
    serverId: service,
    auth: () => ({ authorization: `Bearer ${apiKey}` }),
    mapError: (status) => brokerError(status, service, userId),
  });
  const path = `auth/${encodeURIComponent(checkName('service', service))}/credentials`;
  const body = await client.get<unknown>(path, { user_id: userId });
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ToolError(
      `The credentials broker answered with something other than a credentials object for ${service}`,
    );
  }
  return body as StoredCredentials;
}

/**
 * The broker's answers as messages the user can act on. Its error bodies are not quoted: they could
 * echo the request, key included. 429 is left to the upstream client's own message.
 */
function brokerError(status: number, service: string, userId: string): ToolError | undefined {
  const who = `${service} credentials of user "${userId}"`;
  if (status === 401) {
    return new ToolError(
      `The credentials broker rejected the API key (HTTP 401); check the API key this session uses`,
    );
  }
  if (status === 403) {
    return new ToolError(`The credentials broker refused this API key access to the ${who} (HTTP 403)`);
  }
  if (status === 404) {
    return new ToolError(
      `The credentials broker has no ${who} (HTTP 404); connect ${service} at the broker first`,
    );
  }
  if (status >= 500) return new ToolError(`The credentials broker failed (HTTP ${status}); try again later`);
  if (status === 429) return undefined;
  return new ToolError(`The credentials broker rejected the request for the ${who} (HTTP ${status})`);
}

/** The key travels in a header, so it may only go over TLS or to this machine. */
function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('GUMCP_CREDENTIALS_BROKER_URL is not a valid URL');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(
      'GUMCP_CREDENTIALS_BROKER_URL must use https:// (plain http is allowed only to localhost)',
    );
  }
  if (url.username || url.password) {
    throw new Error('GUMCP_CREDENTIALS_BROKER_URL must not hold a user name or password');
  }
  return url.href;
}
