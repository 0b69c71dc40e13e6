/**
 * A service's OAuth client registration, as in guMCP's local_auth/oauth_configs/<service>/oauth.json.
 * Providers may add fields (e.g. Google's nested `installed`/`web` objects).
 */
export interface OAuthClientConfig {
  client_id: string;
  client_secret?: string;
  redirect_uri?: string;
  [field: string]: unknown;
}

/**
 * A user's stored credentials for a service, as in guMCP's
 * local_auth/credentials/<service>/<user_id>_credentials.json: OAuth tokens, or the fields of an
 * API-key service. `expires_at` is in seconds since the epoch.
 */
export interface StoredCredentials {
  access_token?: string;
  refresh_token?: string;
  expires_at?: number;
  token_type?: string;
  scope?: string;
  [field: string]: unknown;
}

/** Where credentials live: guMCP's local files, the embedded database, or a remote broker. */
export interface CredentialSource {
  /** The user's raw stored credentials for a service, or undefined when none are stored. */
  get(service: string, userId: string): Promise<StoredCredentials | undefined>;
  save(service: string, userId: string, credentials: StoredCredentials): Promise<void>;
  /** The service's OAuth client registration, or undefined when none is configured. */
  oauthConfig(service: string): Promise<OAuthClientConfig | undefined>;
}
