import type { OAuthClientConfig, StoredCredentials } from '../../types.js';
import type { LocatingCredentialSource } from '../client-config.js';

/** An in-memory credential source that records every save, for tests. */
export class MemorySource implements LocatingCredentialSource {
  readonly credentials = new Map<string, StoredCredentials>();
  readonly saves: { service: string; userId: string; credentials: StoredCredentials }[] = [];

  constructor(readonly configs: Record<string, OAuthClientConfig> = {}) {}

  async get(service: string, userId: string): Promise<StoredCredentials | undefined> {
    const found = this.credentials.get(`${service}/${userId}`);
    return found && structuredClone(found);
  }

  async save(service: string, userId: string, credentials: StoredCredentials): Promise<void> {
    this.saves.push({ service, userId, credentials: structuredClone(credentials) });
    this.credentials.set(`${service}/${userId}`, structuredClone(credentials));
  }

  async oauthConfig(service: string): Promise<OAuthClientConfig | undefined> {
    return this.configs[service];
  }

  oauthConfigLocation(service: string): string {
    return `local_auth/oauth_configs/${service}/oauth.json`;
  }
}
