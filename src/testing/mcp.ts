import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { Client, type ClientCapabilities, InMemoryTransport } from '@modelcontextprotocol/client';
import { pino } from 'pino';
import { compile } from '../core/compile.js';
import type { Credentials } from '../core/context.js';
import type { ServerDefinition } from '../core/definition.js';
import { createServerInstance } from '../core/instance.js';
import { sessionContext } from '../core/session.js';
import { MemoryStore } from '../store/memory.js';
import type { KeyValueStore } from '../store/types.js';
import { userStore } from '../store/user-store.js';

export interface ConnectOptions {
  userId?: string;
  /** The credentials the session's accessor returns; a function is called on every access. */
  credentials?: Credentials | (() => Promise<Credentials | undefined>);
  /** What the client declares it supports, e.g. `{ sampling: {}, elicitation: {} }`. */
  capabilities?: ClientCapabilities;
  /**
   * The store behind the session (a fresh MemoryStore by default). A test that reads what the tools
   * kept passes its own and views it as they do: `userStore(store, definition.id, userId)`.
   */
  store?: KeyValueStore;
}

/**
 * Connects an SDK client to a server definition in this process, through the same instance
 * factory the transports use. For integration tests; transport tests drive real processes.
 */
export async function connect(definition: ServerDefinition, options: ConnectOptions = {}): Promise<Client> {
  const userId = options.userId ?? 'test-user';
  const creds = options.credentials;
  const session = sessionContext({
    serverId: definition.id,
    userId,
    store: userStore(options.store ?? new MemoryStore(), definition.id, userId),
    log: pino({ level: 'silent' }),
    credentials: async () => (typeof creds === 'function' ? await creds() : creds),
  });
  const server = createServerInstance(compile(definition), session);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client(
    { name: 'gumcp-test', version: '1.0.0' },
    options.capabilities ? { capabilities: options.capabilities } : {},
  );
  await client.connect(clientSide);
  return client;
}

/** The text of a tool result's first content block. */
export function text(result: { content?: unknown }): string {
  const block = (result.content as { type: string; text?: string }[] | undefined)?.[0];
  return block?.type === 'text' ? (block.text ?? '') : '';
}

export type CallResult = Awaited<ReturnType<Client['callTool']>>;

/** The structured content of a successful tool result, checked to be what its text says. */
export function data(result: CallResult): Record<string, unknown> {
  assert.equal(result.isError, undefined, `tool failed: ${text(result)}`);
  assert.ok(result.structuredContent, 'no structured content');
  assert.deepEqual(
    JSON.parse(text(result)),
    result.structuredContent,
    'the text mirrors the structured content',
  );
  return result.structuredContent as Record<string, unknown>;
}

/** The message of a failed tool result, checked to carry none of `secrets`. */
export function failure(result: CallResult, secrets: readonly string[] = []): string {
  assert.equal(result.isError, true, `expected an error, got ${text(result)}`);
  const message = text(result);
  for (const secret of secrets)
    assert.ok(!message.includes(secret), `a secret is in the message: ${message}`);
  return message;
}

export type CallOptions = Parameters<Client['callTool']>[1];

export interface ToolClient {
  client: Client;
  /** Calls a tool by name (arguments default to none). */
  call(name: string, args?: Record<string, unknown>, options?: CallOptions): Promise<CallResult>;
}

/** `connect`, closed when the test ends, with a shortcut to call tools. */
export async function toolClient(
  t: TestContext,
  definition: ServerDefinition,
  options: ConnectOptions = {},
): Promise<ToolClient> {
  const client = await connect(definition, options);
  t.after(() => client.close());
  return {
    client,
    call: (name, args = {}, callOptions) => client.callTool({ name, arguments: args }, callOptions),
  };
}
