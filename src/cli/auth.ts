import { signInWithApiKey } from '../auth/keys/prompt.js';
import { signInWithBrowser } from '../auth/oauth/authorize.js';
import { type LocatingCredentialSource, requireOAuthConfig } from '../auth/oauth/client-config.js';
import type { ServerDefinition } from '../core/definition.js';

export interface AuthCommandOptions {
  serverId: string;
  userId: string;
  definition: ServerDefinition;
  /** Where the client registration is read and the credentials are saved. */
  source: LocatingCredentialSource;
  /** Port of the local OAuth callback server (default 8080). */
  port?: number;
  /** How long to wait for the browser (default 5 minutes). */
  timeoutMs?: number;
  /** Where instructions and prompts are written (default stderr). */
  out?: NodeJS.WritableStream;
  /** Where API-key prompts read from (default stdin). */
  input?: NodeJS.ReadableStream;
  /** Opens the authorize URL (default: the system browser, when there is one). */
  openBrowser?: (url: string) => void;
}

/**
 * `gumcp auth <server> [--user-id U] [--port P]`: signs a user in to a server's service and saves
 * the credentials, by the OAuth flow in a browser or by prompting for the API-key fields.
 */
export async function runAuthCommand(options: AuthCommandOptions): Promise<void> {
  const { serverId, userId, definition, source } = options;
  const out = options.out ?? process.stderr;
  const auth = definition.auth;
  switch (auth.kind) {
    case 'none':
      throw new Error(
        `${serverId} needs no authentication; start it with \`gumcp run --server ${serverId}\``,
      );
    case 'oauth2': {
      const { service } = auth.provider;
      const client = await requireOAuthConfig(source, service);
      const credentials = await signInWithBrowser({
        provider: auth.provider,
        scopes: auth.scopes,
        client,
        out,
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
      });
      await source.save(service, userId, credentials);
      break;
    }
    case 'api_key':
      out.write(`Enter the credentials of ${definition.name} for user ${userId}.\n`);
      await signInWithApiKey({
        service: serverId,
        userId,
        auth,
        source,
        output: out,
        ...(options.input ? { input: options.input } : {}),
      });
      break;
  }
  out.write(`Saved the ${serverId} credentials of user ${userId}.\n`);
}
