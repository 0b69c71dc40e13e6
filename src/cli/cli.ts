import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.js';
import { type ServerRegistry, UnknownServerError } from '../core/registry.js';
import { createRuntime } from '../runtime.js';
import { runStdio } from '../transports/stdio.js';
import { authLabel, registryEntry } from './describe.js';

const USAGE = `Usage: gumcp <command> [options]

Commands:
  list                                   List the servers with their tool counts and auth kinds
  run --server <id> [--user-id local]    Serve one server over stdio
  serve [--host H] [--port P] [--metrics-port M]
                                         Run the HTTP host (Streamable HTTP and SSE)
  dev                                    Run the host and restart it when a source file changes
  registry [--out file.json]             Write the server list JSON generated from the definitions
  auth <server> [--user-id local] [--port 8080]
                                         Sign in to a server's service (OAuth in a browser, or API-key prompts)
  keys create --user <id> | keys list | keys revoke <key-id>
                                         Manage tenants' API keys for the remote host

Common options: --data-dir <dir> (GUMCP_DATA_DIR; default ./data) holds the embedded SQLite database.
`;

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

export interface CliOptions {
  /** Where the servers come from; by default they are discovered under servers/ next to core/. */
  registry?: ServerRegistry;
}

/** Runs one `gumcp` command; `argv` is what follows the script name. */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<void> {
  const runtimeOf = (config: Config, lazyStore = false) =>
    createRuntime(config, { registry: options.registry, lazyStore });
  const [command, ...rest] = argv;
  if (command === 'keys') {
    const { runKeysCommand } = await import('./keys.js');
    const runtime = await runtimeOf(loadConfig(process.env));
    try {
      await runKeysCommand(rest, { store: runtime.store, out: process.stdout });
    } finally {
      await runtime.close();
    }
    return;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      server: { type: 'string' },
      'user-id': { type: 'string', default: 'local' },
      host: { type: 'string' },
      port: { type: 'string' },
      'metrics-port': { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
      tenant: { type: 'string' },
      'api-key': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: command === 'auth',
    strict: true,
  });
  if (values.help || !command || command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const num = (flag: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`--${flag} must be a port number, got "${v}"`);
    return n;
  };
  const overrides: Partial<Config> = {
    host: values.host,
    port: num('port', values.port),
    metricsPort: num('metrics-port', values['metrics-port']),
    dataDir: values['data-dir'],
  };
  const config = loadConfig(process.env, overrides);

  switch (command) {
    case 'list': {
      // Listing reads definitions only: no database is opened or created.
      const runtime = await runtimeOf({ ...config, storeUrl: 'memory:' });
      for (const c of await runtime.registry.loadAll()) {
        const def = c.definition;
        process.stdout.write(
          `${def.id.padEnd(24)} ${String(c.tools.size).padStart(3)} tools  ${authLabel(def.auth).padEnd(9)}  ${def.name}\n`,
        );
      }
      return;
    }
    case 'registry': {
      const runtime = await runtimeOf({ ...config, storeUrl: 'memory:' });
      const servers = (await runtime.registry.loadAll()).map(registryEntry);
      const json = `${JSON.stringify({ servers }, null, 2)}\n`;
      if (values.out) writeFileSync(values.out, json);
      else process.stdout.write(json);
      return;
    }
    case 'run': {
      if (!values.server) fail('gumcp run needs --server <id>');
      const runtime = await runtimeOf(config, true);
      if (!runtime.registry.has(values.server)) {
        fail(new UnknownServerError(values.server, runtime.registry.ids()).message);
      }
      await runStdio(runtime, values.server, values['user-id'] ?? 'local');
      await runtime.close();
      return;
    }
    case 'auth': {
      const serverId = positionals[0] ?? values.server;
      if (!serverId) fail('gumcp auth needs a server id: gumcp auth <server> [--user-id local]');
      const runtime = await runtimeOf(config);
      if (!runtime.registry.has(serverId))
        fail(new UnknownServerError(serverId, runtime.registry.ids()).message);
      const { runAuthCommand } = await import('./auth.js');
      try {
        await runAuthCommand({
          serverId,
          userId: values['user-id'] ?? 'local',
          definition: (await runtime.registry.load(serverId)).definition,
          source: runtime.credentials.forSession(process.env.GUMCP_API_KEY),
          ...(values.port ? { port: num('port', values.port) } : {}),
          ...(values.tenant !== undefined ? { tenant: values.tenant } : {}),
          ...(values['api-key'] ? { useApiKey: true } : {}),
        });
        process.stderr.write(`Saved credentials for ${serverId}.\n`);
      } finally {
        await runtime.close();
      }
      return;
    }
    case 'serve': {
      const { startHost } = await import('../transports/http/host.js');
      const runtime = await runtimeOf(config);
      const host = await startHost(runtime);
      const stop = async (signal: string) => {
        runtime.log.info({ signal }, 'draining and shutting down');
        await host.close();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop('SIGTERM'));
      process.once('SIGINT', () => void stop('SIGINT'));
      return;
    }
    case 'dev': {
      // tsx watches the TypeScript sources and restarts the host on every change.
      const child = spawn('npx', ['tsx', 'watch', 'src/cli/main.ts', 'serve', ...rest], { stdio: 'inherit' });
      child.on('exit', (code) => process.exit(code ?? 0));
      return;
    }
    default:
      fail(`Unknown command "${command}".\n\n${USAGE}`);
  }
}
