import type { OAuthProvider } from '../../core/definition.js';
import type { OAuthClientConfig, StoredCredentials } from '../types.js';
import { openBrowser as systemBrowser } from './browser.js';
import { startCallbackServer } from './callback-server.js';
import { completeSignIn } from './complete.js';
import { createPkce, randomToken } from './pkce.js';
import { type OAuthClient, oauthClient, providerUrl, requestToken, verifierFor } from './token.js';

export interface BrowserSignInOptions {
  provider: OAuthProvider;
  scopes: readonly string[];
  /** The service's client registration (its oauth.json). */
  client: OAuthClientConfig;
  /** Port of the local callback server when oauth.json names no redirect_uri; guMCP's default is 8080. */
  port?: number;
  /** How long to wait for the browser to come back. */
  timeoutMs?: number;
  /** Where the authorize URL and progress are printed. */
  out?: NodeJS.WritableStream;
  /** Opens the authorize URL; tests replace it with a scripted browser. */
  openBrowser?: (url: string) => void;
  /** The user's value of the provider's tenant field (checked with `checkTenant`), when it has one. */
  tenant?: string;
}

export const DEFAULT_CALLBACK_PORT = 8080;
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/**
 * The provider's authorize URL for one sign-in attempt: the client registration's `auth_uri` when it
 * names one, else the definition's.
 */
export function authorizeUrl(
  provider: OAuthProvider,
  client: OAuthClient,
  params: {
    redirectUri: string;
    scopes: readonly string[];
    state: string;
    challenge: string;
    tenant?: string | undefined;
  },
): string {
  const url = new URL(providerUrl(client.authorizeUrl ?? provider.authorizeUrl, provider, params.tenant));
  const query = url.searchParams;
  query.set('client_id', client.clientId);
  query.set('redirect_uri', params.redirectUri);
  query.set('response_type', 'code');
  // Query strings encode a space as '+', so the '+' separator is a space before encoding.
  const separator = provider.scopeSeparator === '+' ? ' ' : (provider.scopeSeparator ?? ' ');
  if (params.scopes.length) query.set('scope', params.scopes.join(separator));
  query.set('state', params.state);
  if (provider.pkce !== false) {
    query.set('code_challenge', params.challenge);
    query.set('code_challenge_method', 'S256');
  }
  for (const [key, value] of Object.entries(provider.authorizeParams ?? {})) query.set(key, value);
  return url.href;
}

/** Why the browser came back without a code, in words a user can act on. */
function callbackError(params: URLSearchParams, state: string, service: string): Error | undefined {
  const returnedState = params.get('state');
  const error = params.get('error');
  // Providers may leave state out of an error redirect; a state that is present must match.
  if (returnedState !== state && (returnedState !== null || !error)) {
    return new Error(
      `The sign-in callback for ${service} carried a different state than this attempt sent, so it was rejected (it may come from another sign-in or a forged link). Run the command again.`,
    );
  }
  if (error === 'access_denied') {
    return new Error(`Access to ${service} was denied in the browser; nothing was saved.`);
  }
  if (error) {
    const description = params.get('error_description');
    return new Error(
      `${service} did not authorize the sign-in: ${error}${description ? ` (${description.slice(0, 200)})` : ''}`,
    );
  }
  if (!params.get('code'))
    return new Error(`The sign-in callback for ${service} carried no authorization code.`);
  return undefined;
}

/**
 * The OAuth 2.0 authorization-code flow with PKCE (RFC 6749 §4.1, RFC 7636 S256) for a CLI: a
 * callback server on 127.0.0.1, the authorize URL printed (and opened when a browser exists), the
 * callback checked against this attempt's state, and the code exchanged at the token endpoint.
 * Returns the credentials to store; saving them is the caller's job.
 */
export async function signInWithBrowser(options: BrowserSignInOptions): Promise<StoredCredentials> {
  const { provider, scopes } = options;
  const service = provider.service;
  const out = options.out ?? process.stderr;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
  const client = oauthClient(options.client, service);
  const pkce = createPkce();
  // State is random only: the verifier never leaves this process except to the token endpoint.
  const state = randomToken(32);

  const server = await startCallbackServer({
    port: options.port ?? DEFAULT_CALLBACK_PORT,
    ...(client.redirectUri ? { redirectUri: client.redirectUri } : {}),
  });
  try {
    const url = authorizeUrl(provider, client, {
      redirectUri: server.redirectUri,
      scopes,
      state,
      challenge: pkce.challenge,
      tenant: options.tenant,
    });
    const seconds = Math.ceil(timeoutMs / 1000);
    const arrived = server.next(
      timeoutMs,
      () =>
        new Error(
          `No sign-in came back from the browser within ${seconds} s (waiting at ${server.redirectUri}); run the command again to retry.`,
        ),
    );
    out.write(`Open this URL in a browser to sign in to ${service}:\n\n  ${url}\n\n`);
    out.write(`Waiting up to ${seconds} s for the browser to return to ${server.redirectUri} ...\n`);
    try {
      (options.openBrowser ?? systemBrowser)(url);
    } catch {
      // The URL is printed; the user can open it by hand.
    }

    const callback = await arrived;
    const refused = callbackError(callback.params, state, service);
    if (refused) {
      await callback.reply(false, refused.message);
      throw refused;
    }
    try {
      const tokens = await requestToken(
        provider,
        client,
        {
          grant_type: 'authorization_code',
          code: callback.params.get('code') ?? '',
          redirect_uri: server.redirectUri,
          ...verifierFor(provider, pkce.verifier),
        },
        { tenant: options.tenant },
      );
      const credentials = await completeSignIn(provider, tokens, {
        callbackParams: callback.params,
        tenant: options.tenant,
        tokenUrl: client.tokenUrl ?? provider.tokenUrl,
      });
      await callback.reply(true, `Signed in to ${service}.`);
      return credentials;
    } catch (error) {
      await callback.reply(false, `Signing in to ${service} failed: ${(error as Error).message}`);
      throw error;
    }
  } finally {
    await server.close();
  }
}
