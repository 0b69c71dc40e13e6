import type { CredentialSource, OAuthClientConfig } from '../types.js';

/**
 * A credential source that can say where a service's client registration is expected (the local
 * source: local_auth/oauth_configs/<service>/oauth.json). Optional, so any source still works.
 */
export interface LocatingCredentialSource extends CredentialSource {
  oauthConfigLocation?(service: string): string | Promise<string>;
}

/** Says that a service has no OAuth client registration, and where the source looked for it. */
export async function missingClientMessage(
  source: LocatingCredentialSource,
  service: string,
): Promise<string> {
  const where = await source.oauthConfigLocation?.(service);
  return where
    ? `No OAuth client is configured for ${service}: expected its client_id and client_secret in ${where}`
    : `No OAuth client is configured for ${service} in the credential source`;
}

/** The service's client registration, or an error saying where it should have been. */
export async function requireOAuthConfig(
  source: LocatingCredentialSource,
  service: string,
): Promise<OAuthClientConfig> {
  const config = await source.oauthConfig(service);
  if (!config) throw new Error(await missingClientMessage(source, service));
  return config;
}
