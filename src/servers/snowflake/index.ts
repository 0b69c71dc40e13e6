import { pino } from 'pino';
import type { Credentials } from '../../core/context.js';
import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { checkSignInValues, normalizeAccount } from './credentials.js';
import type { SnowflakeTuning } from './runner.js';
import { runnerFor, snowflakeTools } from './tools.js';

/**
 * Checks the values at sign-in by signing in and running `SELECT CURRENT_USER()` (no warehouse
 * needed), so a wrong password, key or account fails at once; stores the account as Snowflake's host
 * names it (a pasted URL becomes `myorg-myaccount`).
 */
async function verify(
  values: Readonly<Record<string, string>>,
  tuning: SnowflakeTuning,
): Promise<Credentials | undefined> {
  const creds = checkSignInValues(values);
  const ctx = {
    log: pino({ level: 'silent' }),
    signal: AbortSignal.timeout(60_000),
    progress: async () => undefined,
  };
  try {
    await runnerFor(creds, ctx, tuning).run('SELECT CURRENT_USER()', {
      context: { role: creds.defaults.role },
      maxRows: 1,
      timeoutSeconds: 30,
    });
  } catch (error) {
    // At sign-in, "re-authenticate" is no advice: say what Snowflake refused.
    if (error instanceof AuthRequiredError) throw new ToolError(error.detail);
    throw error;
  }
  const account = normalizeAccount(values.account ?? '');
  return account && account !== values.account ? { account } : undefined;
}

/**
 * The Snowflake server. `tuning` shortens retries and waits; only tests pass it, the registry loads
 * the default export.
 */
export function createSnowflakeServer(tuning: SnowflakeTuning = {}): ServerDefinition {
  return defineServer({
    id: 'snowflake',
    name: 'Snowflake',
    description:
      'Snowflake: list and create databases, tables and warehouses, describe tables, and run SQL with ' +
      'typed results.',
    instructions:
      'execute_query runs any one statement with the stored role’s privileges; pass values in bindings. ' +
      'Warehouses consume credits while running.',
    auth: {
      kind: 'api_key',
      // guMCP's three fields first, so its users' credential files keep working; then the other ways in.
      fields: [
        { name: 'username', label: 'User name' },
        {
          name: 'password',
          label: 'Password (leave empty to use a key pair or a PAT)',
          secret: true,
          optional: true,
        },
        { name: 'account', label: 'Account identifier (e.g. myorg-myaccount or xy12345.us-east-1)' },
        {
          name: 'private_key',
          label: 'Key-pair auth: RSA private key, PEM (PKCS#8)',
          secret: true,
          optional: true,
        },
        {
          name: 'private_key_passphrase',
          label: 'Passphrase of an encrypted private key',
          secret: true,
          optional: true,
        },
        {
          name: 'programmatic_access_token',
          label: 'Programmatic access token (PAT)',
          secret: true,
          optional: true,
        },
        { name: 'warehouse', label: 'Default warehouse', optional: true },
        { name: 'database', label: 'Default database', optional: true },
        { name: 'schema', label: 'Default schema', optional: true },
        { name: 'role', label: 'Role', optional: true },
      ],
      verify: (values) => verify(values, tuning),
    },
    tools: snowflakeTools(tuning),
  });
}

export default createSnowflakeServer();
