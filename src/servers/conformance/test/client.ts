import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { pino } from 'pino';
import { compile } from '../../../core/compile.js';
import { createServerInstance } from '../../../core/instance.js';
import { sessionContext } from '../../../core/session.js';
import { MemoryStore } from '../../../store/memory.js';
import { userStore } from '../../../store/user-store.js';
import conformance from '../index.js';

/**
 * Like testing/mcp.ts connect(), but the client declares sampling and elicitation, which the fixture's
 * tools ask for; connect() builds a client without capabilities.
 */
export async function connectCapableClient(): Promise<Client> {
  const session = sessionContext({
    serverId: conformance.id,
    userId: 'test-user',
    store: userStore(new MemoryStore(), conformance.id, 'test-user'),
    log: pino({ level: 'silent' }),
  });
  const server = createServerInstance(compile(conformance), session);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client(
    { name: 'conformance-fixture-test', version: '1.0.0' },
    { capabilities: { sampling: {}, elicitation: {} } },
  );
  await client.connect(clientSide);
  return client;
}
