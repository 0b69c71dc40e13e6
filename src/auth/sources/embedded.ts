import type { KeyObject } from 'node:crypto';
import type { KeyValueStore } from '../../store/types.js';
import type { CredentialSource, OAuthClientConfig, StoredCredentials } from '../types.js';
import { Cipher } from './encryption.js';
import { checkName } from './names.js';

const OAUTH_CONFIGS = 'oauth_configs';
/** A known value sealed with the store's key, so a different key is caught at start-up. */
const KEY_CHECK = { namespace: 'embedded-key-check', key: 'v1', value: 'gumcp' } as const;

/** Where client registrations are read when the store holds none (the operator's oauth.json files). */
export interface OAuthConfigFallback {
  oauthConfig(service: string): Promise<OAuthClientConfig | undefined>;
  oauthConfigLocation(service: string): string;
}
const credentialsNamespace = (service: string) => `credentials:${service}`;

/**
 * Credentials and OAuth client registrations in the gumcp store (SQLite by default), encrypted at
 * rest: a copy of the database file alone reveals no token or client secret.
 */
export class EmbeddedCredentialSource implements CredentialSource {
  readonly #store: KeyValueStore;
  readonly #cipher: Cipher;
  readonly #fallback: OAuthConfigFallback | undefined;

  constructor(store: KeyValueStore, key: KeyObject, options: { oauthConfigs?: OAuthConfigFallback } = {}) {
    this.#store = store;
    this.#cipher = new Cipher(key);
    this.#fallback = options.oauthConfigs;
  }

  /**
   * Proves the key is the one the store was first used with (sealing a marker on first use), so a
   * wrong GUMCP_ENCRYPTION_KEY stops the start instead of failing each user's first tool call.
   */
  async checkKey(): Promise<void> {
    const stored = await this.#store.get(KEY_CHECK.namespace, KEY_CHECK.key);
    if (stored === undefined) {
      await this.#store.set(
        KEY_CHECK.namespace,
        KEY_CHECK.key,
        this.#cipher.seal(KEY_CHECK.value, 'key-check'),
      );
      return;
    }
    let value: unknown;
    try {
      value = this.#cipher.open(stored, 'key-check', 'the key check');
    } catch {
      value = undefined;
    }
    if (value !== KEY_CHECK.value) {
      throw new Error(
        'GUMCP_ENCRYPTION_KEY is not the key this store was encrypted with: start with the original key (a new key cannot read the stored credentials)',
      );
    }
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
    if (stored === undefined) return this.#fallback?.oauthConfig(service);
    const what = `the stored ${service} OAuth client configuration`;
    return this.#cipher.open(stored, oauthContext(service), what) as OAuthClientConfig;
  }

  /** Where a missing OAuth client registration is expected, for the OAuth flow's message. */
  oauthConfigLocation(service: string): string {
    const inStore = `the embedded credential store (${OAUTH_CONFIGS}/${service}, encrypted)`;
    return this.#fallback ? `${this.#fallback.oauthConfigLocation(service)} or ${inStore}` : inStore;
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
