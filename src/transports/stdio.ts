import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { createServerInstance, type InstanceHooks } from '../core/instance.js';
import type { Runtime } from '../runtime.js';

/**
 * Serves one server to one client over this process's stdin/stdout. Only protocol messages go to
 * stdout; the logger writes to stderr. Resolves when the client closes the connection.
 */
export async function runStdio(runtime: Runtime, serverId: string, userId: string, hooks?: InstanceHooks) {
  const compiled = await runtime.registry.load(serverId);
  const session = runtime.session(serverId, userId);
  const closed = new Promise<void>((resolve) => process.stdin.once('end', resolve));
  const handle = serveStdio(() => createServerInstance(compiled, session, hooks), {
    onerror: (error) => runtime.log.warn({ err: error.message }, 'stdio transport error'),
  });
  runtime.log.info({ server: serverId }, 'serving over stdio');
  await closed;
  await handle.close();
}
