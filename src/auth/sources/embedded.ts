import type { KeyObject } from 'node:crypto';
import type { KeyValueStore } from '../../store/types.js';
import type { CredentialSource, OAuthClientConfig, StoredCredentials } from '../types.js';
import { Cipher } from './encryption.js';
import { checkName } from './names.js';

const OAUTH_CONFIGS = 'oauth_configs';
const credentialsNamespace = (service: string) => `credentials:${service}`;

/**
 * Credentials and OAuth client registrations in the gumcp store (SQLite by default), encrypted at
 * rest: a copy of the database file alone reveals no token or client secret.
 */
export class EmbeddedCredentialSource implements CredentialSource {
  readonly #store: KeyValueStore;
  readonly #cipher: Cipher;

  constructor(store: KeyValueStore, key: KeyObject) {
    this.#store = store;
    this.#cipher = new Cipher(key);
  }

  async get(service: string, userId: string): Promise<StoredCredentials | undefined> {
    const stored = await this.#store.get(credentialsNamespace(checkName('service', service)), userId);
    if (stored === undefined) return undefined;
    const what = `the stored ${service} credentials of user "${userId}"`;
    return this.#cipher.open(stored, credentialsContext(service, userId), what) as StoredCredentials;
  }

  async save(service: string, userId: string, credentials: StoredCredentials): Promise<void> {
    const sealed = this.#cipher.seal(credentials, credentialsContext(service, userId));
    await this.#store.set(credentialsNamespace(checkName('service', service)), userId, sealed);
  }

  async oauthConfig(service: string): Promise<OAuthClientConfig | undefined> {
    const stored = await this.#store.get(OAUTH_CONFIGS, checkName('service', service));
    if (stored === undefined) return undefined;
    const what = `the stored ${service} OAuth client configuration`;
    return this.#cipher.open(stored, oauthContext(service), what) as OAuthClientConfig;
  }

  /** Where a missing OAuth client registration is expected, for the OAuth flow's message. */
  oauthConfigLocation(service: string): string {
    return `the embedded credential store (${OAUTH_CONFIGS}/${service}, encrypted)`;
  }

  /** Stores a service's OAuth client registration (it holds the client secret, so it is encrypted too). */
  async saveOAuthConfig(service: string, config: OAuthClientConfig): Promise<void> {
    await this.#store.set(
      OAUTH_CONFIGS,
      checkName('service', service),
      this.#cipher.seal(config, oauthContext(service)),
    );
  }
}

// NUL separators: no service name or user id can make two different places share a context.
const credentialsContext = (service: string, userId: string) => `credentials\u0000${service}\u0000${userId}`;
const oauthContext = (service: string) => `oauth_config\u0000${service}`;
