/** The `gumcp` command's help: one entry per command, printed by `gumcp help [command]` and `--help`. */

interface CommandHelp {
  usage: string;
  /** One line for the overview. */
  brief: string;
  summary: string;
  options?: readonly [string, string][];
  env?: readonly [string, string][];
  example: string;
}

const STORE_ENV: [string, string][] = [
  ['GUMCP_DATA_DIR', 'folder of the embedded SQLite database (default ./data)'],
  [
    'GUMCP_STORE',
    'storage URL: sqlite:<file>, postgres://…, redis://… or memory: (default sqlite:<data dir>/gumcp.db)',
  ],
];
const CREDENTIALS_ENV: [string, string][] = [
  ['ENVIRONMENT', 'where credentials come from: local (default), embedded or gumloop'],
  ['GUMCP_OAUTH_CONFIG_DIR', "OAuth apps' oauth.json files (default local_auth/oauth_configs)"],
  ['GUMCP_CREDENTIALS_DIR', "users' credential files (default local_auth/credentials)"],
  ['GUMCP_ENCRYPTION_KEY', 'with ENVIRONMENT=embedded: 32 bytes, hex or base64'],
  ['GUMCP_CREDENTIALS_BROKER_URL', 'with ENVIRONMENT=gumloop: the broker base URL'],
];
const DATA_DIR: [string, string] = ['--data-dir <dir>', 'the embedded database folder (GUMCP_DATA_DIR)'];

export const COMMANDS: Readonly<Record<string, CommandHelp>> = {
  list: {
    brief: 'list the servers, their tool counts and auth kinds',
    usage: 'gumcp list [--markdown]',
    summary: 'List the servers with their tool counts and auth kinds.',
    options: [['--markdown', "print the README's table of servers instead"]],
    example: 'gumcp list',
  },
  run: {
    brief: 'serve one server over stdio',
    usage: 'gumcp run --server <id> [--user-id local]',
    summary:
      'Serve one server over stdio, as a desktop client (Claude Desktop, Cursor) spawns it: the protocol on stdout, logs on stderr.',
    options: [
      ['--server <id>', 'the server to run (see gumcp list)'],
      ['--user-id <id>', 'whose credentials and data to use (default local)'],
      DATA_DIR,
    ],
    env: [
      ...STORE_ENV,
      ...CREDENTIALS_ENV,
      ['GUMCP_LOG_LEVEL', 'pino level of the stderr log (default info)'],
    ],
    example: 'gumcp run --server slack --user-id alice',
  },
  serve: {
    brief: 'run the HTTP host (Streamable HTTP, SSE, connect pages, metrics)',
    usage: 'gumcp serve [--host 127.0.0.1] [--port 8000] [--metrics-port 9091]',
    summary:
      'Run the HTTP host: every server at /{server}/{user_id} over Streamable HTTP (both eras) and legacy SSE, the connect pages, and Prometheus metrics on their own port.',
    options: [
      ['--host <address>', 'where to listen (GUMCP_HOST; default 127.0.0.1)'],
      ['--port <n>', 'MCP port (GUMCP_PORT; default 8000; 0 picks a free one)'],
      ['--metrics-port <n>', 'metrics port (GUMCP_METRICS_PORT; default 9091)'],
      DATA_DIR,
    ],
    env: [
      ...STORE_ENV,
      ...CREDENTIALS_ENV,
      ['GUMCP_API_KEYS', 'required, off, or auto (default): keys are required once one exists'],
      ['GUMCP_PUBLIC_URL', "the host's external URL, for OAuth redirect URIs"],
      ['GUMCP_ALLOWED_HOSTS, GUMCP_ALLOWED_ORIGINS', 'extra Host and Origin names accepted'],
      ['GUMCP_SESSION_IDLE_SECONDS, GUMCP_MAX_SESSIONS', 'session idle limit and cap'],
      ['GUMCP_MAX_BODY_BYTES', 'largest request body (default 4 MiB)'],
      ['GUMCP_USER_REQUESTS_PER_MINUTE', "one user's requests a minute across hosts (default 0: no limit)"],
      ['GUMCP_CACHE', 'redis://… shared by several hosts: event streams, sign-in states, locks'],
      ['GUMCP_LOG_LEVEL', 'pino level of the JSON log on stderr (default info)'],
    ],
    example: 'GUMCP_API_KEYS=required gumcp serve --host 0.0.0.0 --port 8000',
  },
  dev: {
    brief: 'run the host from the sources, restarting on changes',
    usage: 'gumcp dev [serve options]',
    summary: 'Run the host from the TypeScript sources and restart it on every change (needs a clone).',
    example: 'gumcp dev --port 8001',
  },
  auth: {
    brief: "sign a user in to a server's service",
    usage: 'gumcp auth <server> [--user-id local] [--port 8080] [--tenant <value>] [--api-key]',
    summary:
      "Sign a user in to a server's service and save the credentials: OAuth in a browser, or prompts for an API key's fields (checked with the service where it can).",
    options: [
      ['--user-id <id>', 'whose credentials to save (default local)'],
      ['--port <n>', 'port of the local OAuth callback (default 8080, or the redirect_uri in oauth.json)'],
      [
        '--tenant <value>',
        "the provider's per-tenant part, e.g. a Zendesk subdomain (asked for when absent)",
      ],
      ['--api-key', 'save the static key a service takes instead of OAuth (e.g. a Stripe secret key)'],
      DATA_DIR,
    ],
    env: CREDENTIALS_ENV,
    example: 'gumcp auth github --user-id alice',
  },
  keys: {
    brief: "manage tenants' API keys for the remote host",
    usage: 'gumcp keys create --user <id> | gumcp keys list | gumcp keys revoke <key-id>',
    summary:
      "Manage tenants' API keys for the remote host. A new key is printed once; only its hash is stored.",
    options: [
      ['create --user <id>', 'create a key for a user'],
      ['list', 'list key ids, users and creation times (never the keys)'],
      ['revoke <key-id>', 'revoke a key by its id'],
    ],
    env: STORE_ENV,
    example: 'gumcp keys create --user alice',
  },
  registry: {
    brief: 'write the server list JSON',
    usage: 'gumcp registry [--out servers.json]',
    summary:
      'Write the server list JSON (ids, auth, tools, scopes, resources), generated from the definitions.',
    options: [['--out <file>', 'write to a file instead of stdout']],
    example: 'gumcp registry --out servers.json',
  },
  help: {
    brief: 'print help, or the help of one command',
    usage: 'gumcp help [command]',
    summary: 'Print this help, or the help of one command.',
    example: 'gumcp help auth',
  },
};

/** The overview: every command on one line. */
export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.brief}`);
  return [
    'Usage: gumcp <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `gumcp help <command>` or `gumcp <command> --help` for its options, environment and an example.',
    '',
  ].join('\n');
}

/** One command's help: usage, what it does, options, the environment it reads, and an example. */
export function commandHelp(name: string): string | undefined {
  const c = COMMANDS[name];
  if (!c) return undefined;
  const table = (title: string, rows: readonly [string, string][] | undefined) => {
    if (!rows?.length) return [];
    const width = Math.max(...rows.map(([k]) => k.length));
    return ['', `${title}:`, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)];
  };
  return [
    `Usage: ${c.usage}`,
    '',
    c.summary,
    ...table('Options', c.options),
    ...table('Environment', c.env),
    '',
    'Example:',
    `  ${c.example}`,
    '',
  ].join('\n');
}
