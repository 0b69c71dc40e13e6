import type { Logger } from 'pino';
import type { KeyValueStore } from '../../store/types.js';
import type { CredentialSource } from '../types.js';
import { CredentialBroker } from './broker.js';
import { EmbeddedCredentialSource } from './embedded.js';
import { parseEncryptionKey } from './encryption.js';
import { LocalCredentialSource } from './local.js';

export const ENVIRONMENTS = ['local', 'embedded', 'gumloop'] as const;
export type CredentialEnvironment = (typeof ENVIRONMENTS)[number];

/** The configured source of credentials, as a host or stdio runner uses it. */
export interface CredentialSources {
  readonly environment: CredentialEnvironment;
  /**
   * The source one session uses. The broker reads with the session's own API key (from the
   * session key `user_id:api_key`) and refuses a session without one; the others ignore it.
   */
  forSession(apiKey?: string): CredentialSource;
  /** Start-up checks that need the store (the embedded source's key); rejects with a clear message. */
  ready?(): Promise<void>;
}

export interface FromEnvOptions {
  /** What relative local_auth/ folders are resolved against. */
  cwd?: string;
  log?: Logger;
}

/**
 * The one place that chooses where credentials come from, by ENVIRONMENT as guMCP does:
 * `local` (the default: guMCP's local_auth/ files), `embedded` (the store, encrypted with
 * GUMCP_ENCRYPTION_KEY) or `gumloop` (the remote broker at GUMCP_CREDENTIALS_BROKER_URL).
 * Configuration mistakes fail here, at start-up, not on a user's first tool call.
 */
export function credentialSourceFromEnv(
  env: NodeJS.ProcessEnv,
  store: KeyValueStore,
  options: FromEnvOptions = {},
): CredentialSources {
  const environment = (env.ENVIRONMENT || 'local').trim().toLowerCase();
  switch (environment) {
    case 'local':
      return shared('local', LocalCredentialSource.fromEnv(env, options.cwd));
    case 'embedded': {
      // Client registrations are the operator's files (local_auth/oauth_configs) unless stored.
      const embedded = new EmbeddedCredentialSource(store, parseEncryptionKey(env.GUMCP_ENCRYPTION_KEY), {
        oauthConfigs: LocalCredentialSource.fromEnv(env, options.cwd),
      });
      return { ...shared('embedded', embedded), ready: () => embedded.checkKey() };
    }
    case 'gumloop': {
      const broker = CredentialBroker.fromEnv(env, options.log);
      return { environment: 'gumloop', forSession: (apiKey) => broker.forApiKey(apiKey ?? '') };
    }
    default:
      throw new Error(`Unknown ENVIRONMENT "${environment}": expected one of ${ENVIRONMENTS.join(', ')}`);
  }
}

/** One source for every session. */
const shared = (environment: CredentialEnvironment, source: CredentialSource): CredentialSources => ({
  environment,
  forSession: () => source,
});
