import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI, as a user runs it. */
export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'main.js');
/** The CLI's startup snapshot, built by `npm run build` (scripts/build-snapshot.mjs). */
export const SNAPSHOT_BLOB = join(dirname(fileURLToPath(import.meta.url)), '..', 'gumcp.blob');
/** What node is given before a command to run the CLI from its snapshot instead of its modules. */
export const FROM_SNAPSHOT: readonly string[] = ['--snapshot-blob', SNAPSHOT_BLOB];

export interface HostProcess {
  readonly url: string;
  readonly metricsUrl: string;
  readonly child: ChildProcess;
  /** Everything the host logged so far (stderr). */
  logs(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `gumcp serve` on free loopback ports and waits until it listens (at most 15 s). `cli` is
 * what node is given before the command: the CLI's entry, or `--snapshot-blob <blob>`.
 */
export async function startHostProcess(
  env: Record<string, string> = {},
  cli: readonly string[] = [CLI],
): Promise<HostProcess> {
  const child = spawn(process.execPath, [...cli, 'serve', '--port', '0', '--metrics-port', '0'], {
    env: { ...process.env, GUMCP_LOG_LEVEL: 'debug', GUMCP_STORE: 'memory:', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  const listening = new Promise<{ url: string; metrics: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A host that never said it listens is not left running behind the test.
      child.kill('SIGKILL');
      reject(new Error(`host did not start within 15 s:\n${stderr}`));
    }, 15_000);
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      const line = stderr.split('\n').find((l) => l.includes('gumcp host listening'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string; metrics: string });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${stderr}`));
    });
  });
  const { url, metrics } = await listening;
  return {
    url,
    metricsUrl: metrics,
    child,
    logs: () => stderr + stdout,
    async stop() {
      // A host killed by a signal has exited too (exitCode stays null): there is nothing to wait for.
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}

/** Reads one metric sample's value from the Prometheus text format (0 when absent). */
export async function metricValue(metricsUrl: string, name: string, labels: Record<string, string>) {
  const text = await (await fetch(metricsUrl)).text();
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort();
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter(Boolean).sort();
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(match[3]);
  }
  return 0;
}

/** The headers a Streamable HTTP client sends with a POST. */
export const MCP_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};

/** A 2025-11-25 initialize request, as a raw client sends it. */
export const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};

/** POSTs INITIALIZE to an MCP endpoint (`{host}/{server}/{session_key}`), with extra headers if given. */
export function postInitialize(endpoint: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: { ...MCP_HEADERS, ...headers },
    body: JSON.stringify(INITIALIZE),
  });
}
