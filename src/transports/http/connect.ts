import { Hono } from 'hono';
import type { Logger } from 'pino';
import { authorizeUrl } from '../../auth/oauth/authorize.js';
import { missingClientMessage } from '../../auth/oauth/client-config.js';
import { createPkce, randomToken } from '../../auth/oauth/pkce.js';
import {
  type OAuthClient,
  oauthClient,
  requestToken,
  TokenEndpointError,
  toStoredCredentials,
} from '../../auth/oauth/token.js';
import type { CredentialSources } from '../../auth/sources/from-env.js';
import type { CredentialSource } from '../../auth/types.js';
import type { OAuth2Auth, ServerDefinition } from '../../core/definition.js';
import type { ServerRegistry } from '../../core/registry.js';
import type { KeyValueStore } from '../../store/types.js';

export interface ConnectDeps {
  registry: Pick<ServerRegistry, 'has' | 'load'>;
  store: KeyValueStore;
  sources: CredentialSources;
  /** Verifies the tenant's API key; a Response (e.g. 401) is answered as it is. */
  authenticate: (request: Request) => Promise<{ userId: string } | Response>;
  /** The host's external base URL, e.g. https://mcp.example.com (redirect URIs are built on it). */
  publicUrl: string;
  log?: Logger;
}

/** A sign-in in progress, keyed by its state in the store. */
interface PendingConnect {
  userId: string;
  serverId: string;
  verifier: string;
  /** Sent again with the code: the token endpoint compares it with the authorize request's. */
  redirectUri?: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export const OAUTH_STATES_NAMESPACE = 'oauth-states';
export const STATE_TTL_SECONDS = 10 * 60;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page the browser lands on after the provider; never cached, never leaking the code in a Referer. */
function page(status: 200 | 400 | 500 | 502, message: string): Response {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>gumcp</title></head><body><p>${escapeHtml(message)}</p></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });
}

const jsonError = (status: 400 | 404 | 500, error: string): Response => Response.json({ error }, { status });

type Resolved = {
  definition: ServerDefinition;
  auth: OAuth2Auth;
  source: CredentialSource;
  client: OAuthClient;
};

/**
 * Everything both routes need about a server: its OAuth spec and the service's client registration.
 * A Response says why the server cannot be connected here.
 */
async function resolve(deps: ConnectDeps, serverId: string): Promise<Resolved | Response> {
  if (!deps.registry.has(serverId)) return jsonError(404, `Unknown server "${serverId}"`);
  const { definition } = await deps.registry.load(serverId);
  const auth = definition.auth;
  if (auth.kind !== 'oauth2') {
    return jsonError(400, `${definition.name} does not sign in with OAuth, so there is nothing to connect`);
  }
  const service = auth.provider.service;
  // The broker runs the OAuth flows itself and holds no client registration here.
  if (deps.sources.environment === 'gumloop') {
    return jsonError(400, `Credentials come from the credentials broker: connect ${service} at the broker`);
  }
  const source = deps.sources.forSession();
  const config = await source.oauthConfig(service);
  if (!config) {
    // Where the registration belongs (a path on this machine) is for the operator's log, not the tenant.
    deps.log?.error({ service }, await missingClientMessage(source, service));
    return jsonError(
      500,
      `No OAuth client is configured for ${service} on this host; its operator must add the ${service} client_id and client_secret`,
    );
  }
  try {
    return { definition, auth, source, client: oauthClient(config, service) };
  } catch (error) {
    return jsonError(500, (error as Error).message);
  }
}

/** Reads and deletes a pending sign-in: a state works once, even when two callbacks race. */
async function takeState(store: KeyValueStore, state: string): Promise<PendingConnect | undefined> {
  const pending = await store.get<PendingConnect>(OAUTH_STATES_NAMESPACE, state);
  if (!pending || !(await store.delete(OAUTH_STATES_NAMESPACE, state))) return undefined;
  // Checked here too: not every store expires entries to the second.
  return Date.now() - pending.createdAt <= STATE_TTL_SECONDS * 1000 ? pending : undefined;
}

/** Why the provider sent the browser back without a code, in words the user can act on. */
function providerRefusal(name: string, error: string, description: string | undefined): string {
  if (error === 'access_denied') return `Access to ${name} was denied at the provider; nothing was saved.`;
  // Provider text is shown escaped and cut short: the query string is anyone's to write.
  const detail = description ? ` (${description.slice(0, 200)})` : '';
  return `${name} did not authorize the connection: ${error.slice(0, 100)}${detail}. Nothing was saved.`;
}

/**
 * The web OAuth connect flow of the remote host, as a sub-app to mount on it:
 *   GET /connect/{server}           an authenticated tenant is sent to the provider's authorize URL
 *   GET /connect/{server}/callback  the provider sends the browser back; the code becomes credentials
 * The callback carries no API key (the provider's redirect cannot): the one-use state, stored with
 * the tenant's user id, is what ties the two requests together.
 */
export function connectRoutes(deps: ConnectDeps): Hono {
  const app = new Hono();
  const configured = deps.publicUrl.replace(/\/+$/, '');
  // Port 0 ("any free port", as tests and `--port 0` bind) is no address a browser can return to:
  // then the origin the tenant reached this host at is used (the host has validated its Host header).
  const base = (request: Request) => (/:0$/.test(configured) ? new URL(request.url).origin : configured);
  const redirectUri = (request: Request, serverId: string) =>
    `${base(request)}/connect/${encodeURIComponent(serverId)}/callback`;

  app.get('/connect/:server', async (c) => {
    const who = await deps.authenticate(c.req.raw);
    if (who instanceof Response) return who;
    const serverId = c.req.param('server');
    const resolved = await resolve(deps, serverId);
    if (resolved instanceof Response) return resolved;

    const pkce = createPkce();
    const state = randomToken(32);
    const returnTo = redirectUri(c.req.raw, serverId);
    const pending: PendingConnect = {
      userId: who.userId,
      serverId,
      verifier: pkce.verifier,
      redirectUri: returnTo,
      createdAt: Date.now(),
    };
    await deps.store.set(OAUTH_STATES_NAMESPACE, state, pending, STATE_TTL_SECONDS);
    const location = authorizeUrl(resolved.auth.provider, resolved.client, {
      redirectUri: returnTo,
      scopes: resolved.auth.scopes,
      state,
      challenge: pkce.challenge,
    });
    return new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } });
  });

  app.get('/connect/:server/callback', async (c) => {
    const serverId = c.req.param('server');
    const resolved = await resolve(deps, serverId);
    if (resolved instanceof Response) return resolved;
    const { definition, auth, source, client } = resolved;
    const query = new URL(c.req.url).searchParams;
    const state = query.get('state');
    // Consumed even when the provider reports an error: a refused attempt is over.
    const pending = state ? await takeState(deps.store, state) : undefined;

    const error = query.get('error');
    if (error)
      return page(400, providerRefusal(definition.name, error, query.get('error_description') ?? undefined));
    if (!pending || pending.serverId !== serverId) {
      return page(
        400,
        `This connection link is unknown, expired or already used. Start again at /connect/${serverId}.`,
      );
    }
    const code = query.get('code');
    if (!code)
      return page(400, `The provider sent no authorization code for ${definition.name}. Start again.`);

    const service = auth.provider.service;
    try {
      const tokens = await requestToken(auth.provider, client, {
        grant_type: 'authorization_code',
        code,
        // States stored by an older host carry no redirect URI.
        redirect_uri: pending.redirectUri ?? redirectUri(c.req.raw, serverId),
        code_verifier: pending.verifier,
      });
      const credentials = toStoredCredentials(tokens, auth.provider, { callbackParams: query });
      await source.save(service, pending.userId, credentials);
    } catch (failure) {
      // TokenEndpointError messages are scrubbed of the code, verifier and client secret.
      if (failure instanceof TokenEndpointError) {
        deps.log?.warn(
          { service, userId: pending.userId, err: failure.message },
          'connect: token exchange failed',
        );
        return page(502, `Connecting ${definition.name} failed: ${failure.message}`);
      }
      deps.log?.error({ service, userId: pending.userId, err: (failure as Error).message }, 'connect failed');
      return page(500, `Connecting ${definition.name} failed: the credentials could not be saved.`);
    }
    deps.log?.info({ service, userId: pending.userId }, 'connect: credentials saved');
    return page(200, `Connected ${definition.name}. You can close this tab.`);
  });

  return app;
}
