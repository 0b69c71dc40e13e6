import type { OAuthProvider } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { UpstreamClient } from '../../upstream/client.js';
import type { OAuthClientConfig, StoredCredentials } from '../types.js';

/** The parts of a client registration the flow uses. */
export interface OAuthClient {
  clientId: string;
  /** Absent for public clients, which rely on PKCE alone. */
  clientSecret?: string;
  redirectUri?: string;
  /** The registration's own endpoints (oauth.json `auth_uri`/`token_uri`/`refresh_uri`), used over the definition's. */
  authorizeUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
}

/** The verifier to send with the code: none when the authorize request carried no challenge. */
export const verifierFor = (provider: OAuthProvider, verifier: string): { code_verifier?: string } =>
  provider.pkce === false ? {} : { code_verifier: verifier };

export type TokenGrant =
  | { grant_type: 'authorization_code'; code: string; redirect_uri: string; code_verifier?: string }
  | { grant_type: 'refresh_token'; refresh_token: string };

/** A token endpoint refused a grant or could not be reached. The message names no secret. */
export class TokenEndpointError extends ToolError {
  constructor(
    message: string,
    /** True when trying again later may work (network failure, 429, 5xx); false for a refusal. */
    readonly transient: boolean,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** An endpoint named in oauth.json; plain http is accepted on loopback only, since secrets travel to it. */
function endpoint(value: unknown, field: string, service: string): string | undefined {
  const text = nonEmpty(value);
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`The OAuth client configuration of ${service} has a ${field} that is not a URL`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(
      `The OAuth client configuration of ${service} has a ${field} that is not https (plain http is allowed on 127.0.0.1 or localhost only)`,
    );
  }
  return url.href;
}

/**
 * Reads a service's oauth.json. Google's downloaded client files nest the fields under `installed`
 * or `web`; guMCP keeps them as they are, so both shapes are accepted. `auth_uri` and `token_uri`
 * (Google's names) point the flow and refresh at another authorization server.
 */
export function oauthClient(config: OAuthClientConfig, service: string): OAuthClient {
  const fields = [config, config.installed, config.web].find((c) => isObject(c) && nonEmpty(c.client_id)) as
    | Json
    | undefined;
  const clientId = nonEmpty(fields?.client_id);
  if (!fields || !clientId) throw new Error(`The OAuth client configuration of ${service} has no client_id`);
  const clientSecret = nonEmpty(fields.client_secret);
  const redirectUri = nonEmpty(config.redirect_uri);
  const authorizeUrl = endpoint(fields.auth_uri ?? config.auth_uri, 'auth_uri', service);
  const tokenUrl = endpoint(fields.token_uri ?? config.token_uri, 'token_uri', service);
  const refreshUrl = endpoint(fields.refresh_uri ?? config.refresh_uri, 'refresh_uri', service);
  return {
    clientId,
    ...(clientSecret ? { clientSecret } : {}),
    ...(redirectUri ? { redirectUri } : {}),
    ...(authorizeUrl ? { authorizeUrl } : {}),
    ...(tokenUrl ? { tokenUrl } : {}),
    ...(refreshUrl ? { refreshUrl } : {}),
  };
}

/** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded. */
function basicAuthorization(clientId: string, clientSecret: string): string {
  const encode = (s: string) => new URLSearchParams({ s }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

/** A token response as JSON; GitHub answers form-encoded when a client forgets to ask for JSON. */
function parseTokenBody(body: unknown): Json | undefined {
  if (isObject(body)) return body;
  if (typeof body === 'string' && /^[\w.%-]+=/.test(body))
    return Object.fromEntries(new URLSearchParams(body));
  return undefined;
}

/** The OAuth error code and description of an answer, if it is an error (RFC 6749 §5.2, or Slack's ok:false). */
function oauthFailure(body: Json | undefined): string | undefined {
  if (!body) return undefined;
  const code = nonEmpty(body.error);
  if (!code && body.ok !== false) return undefined;
  const description = nonEmpty(body.error_description);
  return `${code ?? 'unknown_error'}${description ? ` (${description.slice(0, 200)})` : ''}`;
}

/** Removes every secret of the request from a message built from the provider's answer. */
function scrub(message: string, secrets: readonly string[]): string {
  return secrets.reduce((m, s) => (s.length >= 4 ? m.split(s).join('[redacted]') : m), message);
}

export interface TokenRequestOptions {
  timeoutMs?: number;
  /** The user's value of the provider's tenant field (e.g. a Zendesk subdomain), for `{name}` in its URLs. */
  tenant?: string | undefined;
}

/**
 * A provider URL with its tenant placeholder (`{subdomain}`) filled in. The value was checked against
 * the field's pattern when it was entered; it is encoded again so that no value can change the host.
 */
export function providerUrl(template: string, provider: OAuthProvider, tenant: string | undefined): string {
  const field = provider.tenant;
  if (!field || !template.includes(`{${field.name}}`)) return template;
  if (!tenant) throw new Error(`Signing in to ${provider.service} needs your ${field.label}`);
  return template.split(`{${field.name}}`).join(encodeURIComponent(tenant));
}

/**
 * Checks a tenant value a user typed (normalized first, e.g. a pasted URL cut down to the subdomain);
 * returns it, or throws an error that says what a valid one looks like.
 */
export function checkTenant(provider: OAuthProvider, raw: string): string {
  const field = provider.tenant;
  if (!field) return raw;
  const value = (field.normalize ? field.normalize(raw.trim()) : raw.trim()).trim();
  if (!field.pattern.test(value)) {
    throw new ToolError(
      `"${raw.slice(0, 100)}" is not a valid ${field.label}; it looks like ${field.example}`,
    );
  }
  return value;
}

/**
 * Posts a grant to the provider's token endpoint and returns the token response, or throws a
 * TokenEndpointError saying what the provider objected to. Token requests are not retried: an
 * authorization code works once, and a rotated refresh token may already be spent.
 */
export async function requestToken(
  provider: OAuthProvider,
  client: OAuthClient,
  grant: TokenGrant,
  options: TokenRequestOptions = {},
): Promise<Json> {
  const extra = grant.grant_type === 'authorization_code' ? provider.tokenParams : undefined;
  const form = new URLSearchParams({ ...extra, ...grant });
  const headers: Record<string, string> = { ...provider.tokenRequestHeaders?.() };
  if (client.clientSecret && provider.tokenEndpointAuth === 'client_secret_basic') {
    headers.authorization = basicAuthorization(client.clientId, client.clientSecret);
  } else {
    form.set('client_id', client.clientId);
    if (client.clientSecret) form.set('client_secret', client.clientSecret);
  }
  const body = provider.tokenRequestBody === 'json' ? Object.fromEntries(form) : form;
  const secrets =
    grant.grant_type === 'authorization_code'
      ? [client.clientSecret ?? '', grant.code, grant.code_verifier ?? '']
      : [client.clientSecret ?? '', grant.refresh_token];
  const what = grant.grant_type === 'authorization_code' ? 'the authorization code' : 'the refresh token';
  const refused = (detail: string, transient: boolean) =>
    new TokenEndpointError(scrub(`${provider.service} refused ${what}: ${detail}`, secrets), transient);

  const endpointUrl =
    grant.grant_type === 'refresh_token'
      ? (client.refreshUrl ?? provider.refreshUrl ?? client.tokenUrl ?? provider.tokenUrl)
      : (client.tokenUrl ?? provider.tokenUrl);
  const url = new URL(providerUrl(endpointUrl, provider, options.tenant));
  const http = new UpstreamClient({
    service: `the ${provider.service} token endpoint`,
    serverId: provider.service,
    baseUrl: url.origin,
    retries: 0,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    mapError: (status, body) =>
      refused(
        oauthFailure(parseTokenBody(body)) ?? `HTTP ${status}`,
        status === 429 || status >= 500 || status === 408,
      ),
  });
  let answer: Json | undefined;
  try {
    answer = parseTokenBody(await http.request(url.pathname + url.search, { method: 'POST', body, headers }));
  } catch (error) {
    if (error instanceof TokenEndpointError) throw error;
    // The upstream client's own messages (timeout, unreachable) hold no secret.
    throw new TokenEndpointError(error instanceof Error ? error.message : String(error), true);
  }
  // Slack and GitHub report some failures with 200 and an error field.
  const failure = oauthFailure(answer);
  if (failure) throw refused(failure, false);
  if (!answer || !nonEmpty(answer.access_token)) throw refused('the answer holds no access_token', false);
  return answer;
}

export interface NormaliseOptions {
  /** Seconds since the epoch. */
  now?: number;
  /** Where `keepTokenFields` absent from the token response are looked for (e.g. QuickBooks' realmId). */
  callbackParams?: URLSearchParams;
  /** Lifetime assumed when the answer gives none; undefined means the token does not expire. */
  defaultExpiresIn?: number;
}

/** The stored shape of a token response: the standard fields, expires_at, and the provider's extra fields. */
export function toStoredCredentials(
  response: Json,
  provider: OAuthProvider,
  options: NormaliseOptions = {},
): StoredCredentials {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const creds: StoredCredentials = { access_token: String(response.access_token) };
  const refresh = nonEmpty(response.refresh_token);
  if (refresh) creds.refresh_token = refresh;
  const tokenType = nonEmpty(response.token_type);
  if (tokenType) creds.token_type = tokenType;
  const scope = Array.isArray(response.scope) ? response.scope.join(' ') : nonEmpty(response.scope);
  if (scope) creds.scope = scope;
  const expiresIn = Number(response.expires_in ?? options.defaultExpiresIn);
  if (Number.isFinite(expiresIn) && expiresIn > 0) creds.expires_at = now + Math.floor(expiresIn);
  for (const field of provider.keepTokenFields ?? []) {
    const value = response[field] ?? options.callbackParams?.get(field) ?? undefined;
    if (value !== undefined && value !== null) creds[field] = value;
  }
  return creds;
}
