import { promptFields, signInWithApiKey } from '../auth/keys/prompt.js';
import { signInWithBrowser } from '../auth/oauth/authorize.js';
import { type LocatingCredentialSource, requireOAuthConfig } from '../auth/oauth/client-config.js';
import { checkTenant } from '../auth/oauth/token.js';
import type { OAuthProvider, ServerDefinition } from '../core/definition.js';

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
  /** The provider's tenant value (e.g. a Zendesk subdomain); asked for when the provider has one and it is absent. */
  tenant?: string;
  /** Sign in with the static key an OAuth service also accepts (`--api-key`), instead of OAuth. */
  useApiKey?: boolean;
}

/**
 * `gumcp auth <server> [--user-id U] [--port P]`: signs a user in to a server's service and saves
 * the credentials, by the OAuth flow in a browser or by prompting for the API-key fields.
 */
export async function runAuthCommand(options: AuthCommandOptions): Promise<void> {
  const { serverId, userId, definition, source } = options;
  const out = options.out ?? process.stderr;
  const auth = definition.auth;
  const streams = options.input ? { input: options.input } : {};
  switch (auth.kind) {
    case 'none':
      throw new Error(
        `${serverId} needs no authentication; start it with \`gumcp run --server ${serverId}\``,
      );
    case 'oauth2': {
      const { provider } = auth;
      if (options.useApiKey) {
        if (!auth.apiKey)
          throw new Error(`${definition.name} signs in with OAuth only; run \`gumcp auth ${serverId}\``);
        out.write(`Enter the ${definition.name} key for user ${userId}.\n`);
        await signInWithApiKey({
          service: provider.service,
          userId,
          auth: auth.apiKey,
          source,
          output: out,
          ...streams,
        });
        break;
      }
      const client = await requireOAuthConfig(source, provider.service);
      const tenant = provider.tenant
        ? await askTenant(provider, options.tenant, out, options.input)
        : undefined;
      const credentials = await signInWithBrowser({
        provider,
        scopes: auth.scopes,
        client,
        out,
        ...(tenant ? { tenant } : {}),
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
      });
      await source.save(provider.service, userId, credentials);
      break;
    }
    case 'api_key':
      out.write(`Enter the credentials of ${definition.name} for user ${userId}.\n`);
      await signInWithApiKey({ service: serverId, userId, auth, source, output: out, ...streams });
      break;
  }
  out.write(`Saved the ${serverId} credentials of user ${userId}.\n`);
}

/** The provider's tenant value: the one given on the command line, or asked for; checked either way. */
async function askTenant(
  provider: OAuthProvider,
  given: string | undefined,
  output: NodeJS.WritableStream,
  input: NodeJS.ReadableStream | undefined,
): Promise<string> {
  const field = provider.tenant;
  if (!field) throw new Error(`${provider.service} has no tenant field`);
  if (given !== undefined) return checkTenant(provider, given);
  const label = `${field.label} (e.g. ${field.example})`;
  const answer = await promptFields([{ name: field.name, label }], { output, ...(input ? { input } : {}) });
  return checkTenant(provider, answer[field.name] ?? '');
}
