import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.js';
import { type ServerRegistry, UnknownServerError } from '../core/registry.js';
import { createRuntime } from '../runtime.js';
import { runStdio } from '../transports/stdio.js';
import { authLabel, registryEntry, serversTable } from './describe.js';
import { COMMANDS, commandHelp, usage } from './help.js';

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
  // `gumcp`, `gumcp help [command]`, `gumcp --help`, `gumcp -h` and `gumcp <command> --help|-h`.
  const helpFlag = (a: string) => a === '--help' || a === '-h';
  if (!command || command === 'help' || helpFlag(command)) {
    const topic =
      command === 'help' ? (rest.find((a) => !helpFlag(a)) ?? (rest.length ? 'help' : undefined)) : undefined;
    if (topic && !COMMANDS[topic]) fail(`Unknown command "${topic}".\n\n${usage()}`);
    process.stdout.write(topic ? (commandHelp(topic) ?? usage()) : usage());
    return;
  }
  if (rest.some(helpFlag)) {
    const help = commandHelp(command);
    if (!help) fail(`Unknown command "${command}".\n\n${usage()}`);
    process.stdout.write(help);
    return;
  }
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
      markdown: { type: 'boolean' },
    },
    allowPositionals: command === 'auth',
    strict: true,
  });
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
      if (values.markdown) {
        process.stdout.write(`${serversTable(await runtime.registry.loadAll())}\n`);
        return;
      }
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
      fail(`Unknown command "${command}".\n\n${usage()}`);
  }
}
