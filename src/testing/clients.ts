import { Client, SSEClientTransport, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { CLI, FROM_SNAPSHOT } from './host-process.js';

/**
 * The ways a real client reaches a gumcp server. `stdio-snapshot` is stdio started from the
 * prebuilt startup snapshot (`node --snapshot-blob dist/gumcp.blob run ...`).
 */
export type TransportKind = 'stdio' | 'stdio-snapshot' | 'streamable-2025' | 'streamable-2026' | 'sse';
export const TRANSPORTS: readonly TransportKind[] = [
  'stdio',
  'stdio-snapshot',
  'streamable-2025',
  'streamable-2026',
  'sse',
];

export interface Target {
  /** Host base URL, for the HTTP transports. */
  hostUrl?: string;
  serverId: string;
  /** The session key of the URL (user_id or user_id:api_key); the user id for stdio. */
  sessionKey: string;
  /** Environment for a spawned stdio server. */
  env?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Connects an SDK client over one transport; the caller closes it. */
export async function connectOver(kind: TransportKind, target: Target): Promise<Client> {
  const url = () => new URL(`${target.hostUrl}/${target.serverId}/${encodeURIComponent(target.sessionKey)}`);
  const requestInit = target.headers ? { headers: target.headers } : undefined;
  const client = new Client(
    { name: 'gumcp-test', version: '1.0.0' },
    kind === 'streamable-2026' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {},
  );
  switch (kind) {
    case 'stdio':
    case 'stdio-snapshot':
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: [
            ...(kind === 'stdio' ? [CLI] : FROM_SNAPSHOT),
            'run',
            '--server',
            target.serverId,
            '--user-id',
            target.sessionKey,
          ],
          env: { ...(process.env as Record<string, string>), GUMCP_STORE: 'memory:', ...target.env },
          stderr: 'ignore',
        }),
      );
      break;
    case 'streamable-2025':
    case 'streamable-2026':
      await client.connect(new StreamableHTTPClientTransport(url(), requestInit ? { requestInit } : {}));
      break;
    case 'sse':
      await client.connect(new SSEClientTransport(url(), requestInit ? { requestInit } : {}));
      break;
  }
  return client;
}
