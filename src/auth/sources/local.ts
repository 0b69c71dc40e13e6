import { join, relative, resolve, sep } from 'node:path';
import type { CredentialSource, OAuthClientConfig, StoredCredentials } from '../types.js';
import { readJsonObject, writeFileAtomic } from './atomic-file.js';
import { fromGoogleAuthShape } from './google-credentials.js';
import { checkName } from './names.js';

export interface LocalDirs {
  /** Holds `<service>/oauth.json`. */
  oauthConfigDir: string;
  /** Holds `<service>/<user_id>_credentials.json`. */
  credentialsDir: string;
}

/**
 * Credentials in plain JSON files, laid out as guMCP's LocalAuthClient lays them out, so a guMCP
 * user's local_auth/ folder keeps working as it is:
 *   local_auth/oauth_configs/<service>/oauth.json
 *   local_auth/credentials/<service>/<user_id>_credentials.json
 */
export class LocalCredentialSource implements CredentialSource {
  readonly dirs: Readonly<LocalDirs>;

  constructor(dirs: LocalDirs) {
    this.dirs = {
      oauthConfigDir: resolve(dirs.oauthConfigDir),
      credentialsDir: resolve(dirs.credentialsDir),
    };
  }

  /** guMCP's defaults under `cwd`, overridden by GUMCP_OAUTH_CONFIG_DIR and GUMCP_CREDENTIALS_DIR. */
  static fromEnv(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): LocalCredentialSource {
    return new LocalCredentialSource({
      oauthConfigDir: resolve(cwd, env.GUMCP_OAUTH_CONFIG_DIR || join('local_auth', 'oauth_configs')),
      credentialsDir: resolve(cwd, env.GUMCP_CREDENTIALS_DIR || join('local_auth', 'credentials')),
    });
  }

  async get(service: string, userId: string): Promise<StoredCredentials | undefined> {
    const raw = await readJsonObject(this.credentialsFile(service, userId));
    // Files guMCP's Google servers wrote use google-auth's field names.
    return raw && fromGoogleAuthShape(raw);
  }

  async save(service: string, userId: string, credentials: StoredCredentials): Promise<void> {
    await writeFileAtomic(this.credentialsFile(service, userId), toJson(credentials));
  }

  async oauthConfig(service: string): Promise<OAuthClientConfig | undefined> {
    // Not checked for client_id: Google's file nests it under `installed` or `web`.
    return (await readJsonObject(this.oauthConfigLocation(service))) as OAuthClientConfig | undefined;
  }

  /** Writes a service's OAuth client registration where guMCP reads it. */
  async saveOAuthConfig(service: string, config: OAuthClientConfig): Promise<void> {
    await writeFileAtomic(this.oauthConfigLocation(service), toJson(config));
  }

  /** Where a user's credentials for a service live. */
  credentialsFile(service: string, userId: string): string {
    const name = `${checkName('user id', userId)}_credentials.json`;
    return inside(this.dirs.credentialsDir, checkName('service', service), name);
  }

  /** Where a service's OAuth client registration lives (the OAuth flow names it when it is missing). */
  oauthConfigLocation(service: string): string {
    return inside(this.dirs.oauthConfigDir, checkName('service', service), 'oauth.json');
  }
}

/** Joins checked names under a base, and proves the result stayed under it. */
function inside(base: string, ...names: string[]): string {
  const path = join(base, ...names);
  const rel = relative(base, path);
  if (rel.startsWith(`..${sep}`) || rel === '..' || resolve(base, rel) !== path) {
    throw new Error(`Refusing a credentials path outside ${base}`);
  }
  return path;
}

const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
