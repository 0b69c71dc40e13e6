import { Hono } from 'hono';
import type { Logger } from 'pino';
import { apiKeyCredentials } from '../../auth/keys/prompt.js';
import { authorizeUrl } from '../../auth/oauth/authorize.js';
import { completeSignIn } from '../../auth/oauth/complete.js';
import { createPkce, randomToken } from '../../auth/oauth/pkce.js';
import {
  checkTenant,
  type OAuthClient,
  oauthClient,
  requestToken,
  verifierFor,
} from '../../auth/oauth/token.js';
import type { CredentialSources } from '../../auth/sources/from-env.js';
import type { CredentialSource } from '../../auth/types.js';
import type { CredentialField, OAuth2Auth, ServerDefinition } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ServerRegistry } from '../../core/registry.js';
import type { KeyValueStore } from '../../store/types.js';
import { type Html, html, page, wantsHtml } from './page.js';

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
  /** The provider's tenant value (a Zendesk subdomain) the user named. */
  tenant?: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** A key form shown to a user, keyed by its one-use token: a forged or replayed POST finds nothing. */
interface PendingForm {
  userId: string;
  serverId: string;
}

export const OAUTH_STATES_NAMESPACE = 'oauth-states';
export const KEY_FORMS_NAMESPACE = 'connect-forms';
export const STATE_TTL_SECONDS = 10 * 60;

/** What an operator configures for a service's OAuth client, in words a tenant can pass on. */
export function operatorSetup(service: string): string {
  return `its operator must add the ${service} OAuth app's client_id and client_secret in ${service}/oauth.json under GUMCP_OAUTH_CONFIG_DIR (local_auth/oauth_configs by default)`;
}

/** An answer for a browser (a page) or for a script (JSON), with the same message. */
function failure(request: Request, status: 400 | 404 | 503, title: string, message: string): Response {
  if (wantsHtml(request)) return page(status, title, html`<p>${message}</p>`);
  return Response.json({ error: message }, { status });
}

type Resolved = { definition: ServerDefinition; source: CredentialSource };

/** The server and the credential source a connect request is about, or why it cannot be connected here. */
async function resolve(deps: ConnectDeps, request: Request, serverId: string): Promise<Resolved | Response> {
  if (!deps.registry.has(serverId))
    return Response.json({ error: `Unknown server "${serverId}"` }, { status: 404 });
  const { definition } = await deps.registry.load(serverId);
  if (definition.auth.kind === 'none') {
    return failure(
      request,
      400,
      'Nothing to connect',
      `${definition.name} needs no sign-in, so there is nothing to connect`,
    );
  }
  // The broker runs sign-ins itself and holds no client registration here.
  if (deps.sources.environment === 'gumloop') {
    return failure(
      request,
      400,
      'Connect at the broker',
      `Credentials come from the credentials broker: connect ${definition.name} there`,
    );
  }
  return { definition, source: deps.sources.forSession() };
}

/** The OAuth client of a service, or a 503 saying what the operator must configure (warned once per service). */
async function oauthClientOf(
  deps: ConnectDeps,
  warned: Set<string>,
  request: Request,
  resolved: Resolved,
  auth: OAuth2Auth,
): Promise<OAuthClient | Response> {
  const service = auth.provider.service;
  const config = await resolved.source.oauthConfig(service);
  try {
    if (config) return oauthClient(config, service);
  } catch (error) {
    return failure(
      request,
      503,
      'Not configured',
      `${resolved.definition.name} cannot be connected on this host: ${(error as Error).message}`,
    );
  }
  if (!warned.has(service)) {
    warned.add(service);
    deps.log?.warn({ service }, `connect: no OAuth client for ${service}; ${operatorSetup(service)}`);
  }
  return failure(
    request,
    503,
    'Not configured',
    `${resolved.definition.name} cannot be connected yet: no OAuth client is configured for ${service} on this host; ${operatorSetup(service)}.`,
  );
}

/** Reads and deletes a one-use entry (a sign-in state, a form token): it works once, even when two requests race. */
async function takeOnce<T extends { createdAt?: number }>(
  store: KeyValueStore,
  namespace: string,
  key: string,
): Promise<T | undefined> {
  const entry = await store.get<T>(namespace, key);
  if (!entry || !(await store.delete(namespace, key))) return undefined;
  // Checked here too: not every store expires entries to the second.
  const createdAt = entry.createdAt;
  return createdAt === undefined || Date.now() - createdAt <= STATE_TTL_SECONDS * 1000 ? entry : undefined;
}

/** Why the provider sent the browser back without a code, in words the user can act on. */
function providerRefusal(name: string, error: string, description: string | undefined): string {
  if (error === 'access_denied') return `Access to ${name} was denied at the provider; nothing was saved.`;
  // Provider text is shown escaped and cut short: the query string is anyone's to write.
  const detail = description ? ` (${description.slice(0, 200)})` : '';
  return `${name} did not authorize the connection: ${error.slice(0, 100)}${detail}. Nothing was saved.`;
}

/** The query that names the tenant to a connect URL (`user_id`, `key`), kept in the forms' actions. */
function tenantQuery(request: Request): string {
  const from = new URL(request.url).searchParams;
  const kept = new URLSearchParams();
  for (const name of ['user_id', 'key']) {
    const value = from.get(name);
    if (value !== null) kept.set(name, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}

const fieldInput = (f: CredentialField, id: string) =>
  html`<label for="${id}">${f.label}${f.optional ? ' (optional)' : ''}</label><input id="${id}" name="${f.name}" type="${f.secret ? 'password' : 'text'}" autocomplete="off" ${f.optional ? '' : 'required'}>`;

/**
 * The web connect flow of the remote host, as a sub-app to mount on it:
 *   GET  /connect/{server}           OAuth: an authenticated tenant is sent to the provider (after
 *                                    naming its tenant, e.g. a Zendesk subdomain, where the provider
 *                                    needs one); API-key services: a form for their fields
 *   POST /connect/{server}           the API-key form's answer, checked with the service and saved
 *   GET  /connect/{server}/callback  the provider sends the browser back; the code becomes credentials
 * The callback carries no API key (the provider's redirect cannot): the one-use state, stored with
 * the tenant's user id, is what ties the two requests together. `?with=api_key` asks for the key
 * form of an OAuth service that also takes a static key (Stripe's secret key).
 */
export function connectRoutes(deps: ConnectDeps): Hono {
  const app = new Hono();
  const warned = new Set<string>();
  const configured = deps.publicUrl.replace(/\/+$/, '');
  // Port 0 ("any free port", as tests and `--port 0` bind) is no address a browser can return to:
  // then the origin the tenant reached this host at is used (the host has validated its Host header).
  const base = (request: Request) => (/:0$/.test(configured) ? new URL(request.url).origin : configured);
  const redirectUri = (request: Request, serverId: string) =>
    `${base(request)}/connect/${encodeURIComponent(serverId)}/callback`;

  /** The key form, with a fresh one-use token that binds its answer to this user and server. */
  const keyForm = async (
    request: Request,
    userId: string,
    definition: ServerDefinition,
    fields: readonly CredentialField[],
    problem?: string,
  ) => {
    const token = randomToken(32);
    const pending: PendingForm & { createdAt: number } = {
      userId,
      serverId: definition.id,
      createdAt: Date.now(),
    };
    await deps.store.set(KEY_FORMS_NAMESPACE, token, pending, STATE_TTL_SECONDS);
    const action = `/connect/${encodeURIComponent(definition.id)}${tenantQuery(request)}`;
    const inputs = fields.map((f, i) => fieldInput(f, `f${i}`));
    const error: Html | string = problem ? html`<p class="error" role="alert">${problem}</p>` : '';
    return page(
      problem ? 400 : 200,
      `Connect ${definition.name}`,
      html`${error}<p>Enter the ${definition.name} credentials for user <code>${userId}</code>. They are stored on this host and never shown again.</p><form method="post" action="${action}"><input type="hidden" name="form_token" value="${token}">${inputs}<button type="submit">Connect</button></form>`,
    );
  };

  /** The tenant form (e.g. "Zendesk subdomain"), sent back to this same GET with the value added. */
  const tenantForm = (request: Request, definition: ServerDefinition, auth: OAuth2Auth, problem?: string) => {
    const field = auth.provider.tenant;
    if (!field) throw new Error('no tenant field');
    const query = new URL(request.url).searchParams;
    const hidden = ['user_id', 'key']
      .filter((n) => query.has(n))
      .map((n) => html`<input type="hidden" name="${n}" value="${query.get(n) ?? ''}">`);
    const error: Html | string = problem ? html`<p class="error" role="alert">${problem}</p>` : '';
    return page(
      problem ? 400 : 200,
      `Connect ${definition.name}`,
      html`${error}<form method="get" action="/connect/${definition.id}">${hidden}<label for="tenant">${field.label}</label><input id="tenant" name="${field.name}" placeholder="${field.example}" required><button type="submit">Continue</button></form>`,
    );
  };

  app.get('/connect/:server', async (c) => {
    const request = c.req.raw;
    const who = await deps.authenticate(request);
    if (who instanceof Response) return who;
    const serverId = c.req.param('server');
    const resolved = await resolve(deps, request, serverId);
    if (resolved instanceof Response) return resolved;
    const { definition } = resolved;
    const auth = definition.auth;
    if (auth.kind === 'api_key') return keyForm(request, who.userId, definition, auth.fields);
    if (auth.kind !== 'oauth2')
      return failure(request, 400, 'Nothing to connect', `${definition.name} needs no sign-in`);
    if (c.req.query('with') === 'api_key' && auth.apiKey) {
      return keyForm(request, who.userId, definition, auth.apiKey.fields);
    }

    const client = await oauthClientOf(deps, warned, request, resolved, auth);
    if (client instanceof Response) return client;
    let tenant: string | undefined;
    if (auth.provider.tenant) {
      const given = c.req.query(auth.provider.tenant.name);
      if (!given) return tenantForm(request, definition, auth);
      try {
        tenant = checkTenant(auth.provider, given);
      } catch (error) {
        return tenantForm(request, definition, auth, (error as Error).message);
      }
    }

    const pkce = createPkce();
    const state = randomToken(32);
    const returnTo = redirectUri(request, serverId);
    const pending: PendingConnect = {
      userId: who.userId,
      serverId,
      verifier: pkce.verifier,
      redirectUri: returnTo,
      ...(tenant ? { tenant } : {}),
      createdAt: Date.now(),
    };
    await deps.store.set(OAUTH_STATES_NAMESPACE, state, pending, STATE_TTL_SECONDS);
    const location = authorizeUrl(auth.provider, client, {
      redirectUri: returnTo,
      scopes: auth.scopes,
      state,
      challenge: pkce.challenge,
      tenant,
    });
    return new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } });
  });

  app.post('/connect/:server', async (c) => {
    const request = c.req.raw;
    const who = await deps.authenticate(request);
    if (who instanceof Response) return who;
    const serverId = c.req.param('server');
    const resolved = await resolve(deps, request, serverId);
    if (resolved instanceof Response) return resolved;
    const { definition, source } = resolved;
    const auth = definition.auth;
    const keyAuth = auth.kind === 'api_key' ? auth : auth.kind === 'oauth2' ? auth.apiKey : undefined;
    if (!keyAuth) return failure(request, 400, 'Nothing to connect', `${definition.name} takes no key`);

    const form = await c.req.parseBody();
    const token = typeof form.form_token === 'string' ? form.form_token : '';
    const pending = token
      ? await takeOnce<PendingForm & { createdAt: number }>(deps.store, KEY_FORMS_NAMESPACE, token)
      : undefined;
    if (!pending || pending.userId !== who.userId || pending.serverId !== serverId) {
      return keyForm(
        request,
        who.userId,
        definition,
        keyAuth.fields,
        'This form expired or was already used; enter the credentials again.',
      );
    }
    const values: Record<string, string> = {};
    for (const field of keyAuth.fields) {
      const value = typeof form[field.name] === 'string' ? String(form[field.name]).trim() : '';
      if (value) values[field.name] = value;
      else if (!field.optional)
        return keyForm(request, who.userId, definition, keyAuth.fields, `${field.label} cannot be empty.`);
    }
    // OAuth services keep a static key where their tokens go; API-key services under their own id.
    const service = auth.kind === 'oauth2' ? auth.provider.service : serverId;
    try {
      await source.save(service, who.userId, await apiKeyCredentials(keyAuth, values));
    } catch (error) {
      if (error instanceof ToolError)
        return keyForm(request, who.userId, definition, keyAuth.fields, error.message);
      deps.log?.error(
        { service, userId: who.userId, err: (error as Error).message },
        'connect: saving a key failed',
      );
      return page(
        500,
        'Not saved',
        html`<p>Connecting ${definition.name} failed: the credentials could not be saved.</p>`,
      );
    }
    deps.log?.info({ service, userId: who.userId }, 'connect: credentials saved');
    return page(
      200,
      `Connected ${definition.name}`,
      html`<p>Connected ${definition.name}. You can close this tab.</p>`,
    );
  });

  app.get('/connect/:server/callback', async (c) => {
    const request = c.req.raw;
    const serverId = c.req.param('server');
    const resolved = await resolve(deps, request, serverId);
    if (resolved instanceof Response) return resolved;
    const { definition, source } = resolved;
    const auth = definition.auth;
    if (auth.kind !== 'oauth2')
      return failure(request, 400, 'Nothing to connect', `${definition.name} does not sign in with OAuth`);
    const client = await oauthClientOf(deps, warned, request, resolved, auth);
    if (client instanceof Response) return client;
    const query = new URL(c.req.url).searchParams;
    const state = query.get('state');
    // Consumed even when the provider reports an error: a refused attempt is over.
    const pending = state
      ? await takeOnce<PendingConnect>(deps.store, OAUTH_STATES_NAMESPACE, state)
      : undefined;
    const done = (status: number, message: string) => page(status, definition.name, html`<p>${message}</p>`);

    const error = query.get('error');
    if (error)
      return done(400, providerRefusal(definition.name, error, query.get('error_description') ?? undefined));
    if (!pending || pending.serverId !== serverId) {
      return done(
        400,
        `This connection link is unknown, expired or already used. Start again at /connect/${serverId}.`,
      );
    }
    const code = query.get('code');
    if (!code)
      return done(400, `The provider sent no authorization code for ${definition.name}. Start again.`);

    const { provider } = auth;
    try {
      const tokens = await requestToken(
        provider,
        client,
        {
          grant_type: 'authorization_code',
          code,
          // States stored by an older host carry no redirect URI.
          redirect_uri: pending.redirectUri ?? redirectUri(request, serverId),
          ...verifierFor(provider, pending.verifier),
        },
        { tenant: pending.tenant },
      );
      const credentials = await completeSignIn(provider, tokens, {
        callbackParams: query,
        tenant: pending.tenant,
        tokenUrl: client.tokenUrl ?? provider.tokenUrl,
      });
      await source.save(provider.service, pending.userId, credentials);
    } catch (failed) {
      // Token endpoint and discovery messages are scrubbed of the code, verifier and client secret.
      if (failed instanceof ToolError) {
        deps.log?.warn(
          { service: provider.service, userId: pending.userId, err: failed.message },
          'connect: sign-in failed',
        );
        return done(502, `Connecting ${definition.name} failed: ${failed.message}`);
      }
      deps.log?.error(
        { service: provider.service, userId: pending.userId, err: (failed as Error).message },
        'connect failed',
      );
      return done(500, `Connecting ${definition.name} failed: the credentials could not be saved.`);
    }
    deps.log?.info({ service: provider.service, userId: pending.userId }, 'connect: credentials saved');
    return done(200, `Connected ${definition.name}. You can close this tab.`);
  });

  return app;
}
