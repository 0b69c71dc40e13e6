import type { EventStore, JSONRPCMessage } from '@modelcontextprotocol/server';
import type { KeyValueStore } from '../../store/types.js';

/**
 * The events of Streamable HTTP streams, kept so that a client that loses its stream (a network
 * blip, or a server that closes a long call's stream on purpose, SEP-1699) reconnects with
 * `Last-Event-ID` and receives what it missed. Two kinds: in the shared cache (Redis, GUMCP_CACHE)
 * for a deployment of several hosts, and a bounded one in the host's memory otherwise.
 *
 * An event id is `<stream id>@<position>`: the position is the event's key in the stream's namespace,
 * zero-padded milliseconds and a counter, so the store lists a stream's events in order.
 */
export const EVENTS_NAMESPACE = 'mcp-events';
/** How long a stream's events can be replayed. */
export const EVENT_TTL_SECONDS = 10 * 60;

export class StoreEventStore implements EventStore {
  readonly #store: KeyValueStore;
  #counter = 0;

  constructor(store: KeyValueStore) {
    this.#store = store;
  }

  async storeEvent(streamId: string, message: JSONRPCMessage): Promise<string> {
    this.#counter = (this.#counter + 1) % 1_000_000;
    const position = `${String(Date.now()).padStart(15, '0')}-${String(this.#counter).padStart(6, '0')}`;
    await this.#store.set(namespaceOf(streamId), position, message, EVENT_TTL_SECONDS);
    return `${streamId}@${position}`;
  }

  async getStreamIdForEventId(eventId: string): Promise<string | undefined> {
    return parse(eventId)?.streamId;
  }

  async replayEventsAfter(
    lastEventId: string,
    { send }: { send: (eventId: string, message: JSONRPCMessage) => Promise<void> },
  ): Promise<string> {
    const last = parse(lastEventId);
    if (!last) throw new Error(`Unknown event id ${lastEventId.slice(0, 100)}`);
    const namespace = namespaceOf(last.streamId);
    for (const position of await this.#store.keys(namespace)) {
      if (position <= last.position) continue;
      const message = await this.#store.get<JSONRPCMessage>(namespace, position);
      if (message) await send(`${last.streamId}@${position}`, message);
    }
    return last.streamId;
  }
}

const namespaceOf = (streamId: string) => `${EVENTS_NAMESPACE}:${streamId}`;

function parse(eventId: string): { streamId: string; position: string } | undefined {
  const at = eventId.lastIndexOf('@');
  if (at <= 0) return undefined;
  const position = eventId.slice(at + 1);
  return /^\d{15}-\d{6}$/.test(position) ? { streamId: eventId.slice(0, at), position } : undefined;
}

/**
 * The events of the last few minutes in this process, at most `capacity` of them (the oldest go
 * first), so that a busy host's memory stays bounded: replaying is for a stream that broke a moment ago.
 */
export class MemoryEventStore implements EventStore {
  readonly #events = new Map<string, { streamId: string; message: JSONRPCMessage; at: number }>();
  readonly #capacity: number;
  readonly #ttlMs: number;
  #counter = 0;

  constructor(options: { capacity?: number; ttlSeconds?: number } = {}) {
    this.#capacity = options.capacity ?? 10_000;
    this.#ttlMs = (options.ttlSeconds ?? 5 * 60) * 1000;
  }

  async storeEvent(streamId: string, message: JSONRPCMessage): Promise<string> {
    this.#counter = (this.#counter + 1) % 1_000_000;
    const id = `${streamId}@${String(Date.now()).padStart(15, '0')}-${String(this.#counter).padStart(6, '0')}`;
    this.#events.set(id, { streamId, message, at: Date.now() });
    // Maps iterate in insertion order: the first entries are the oldest.
    for (const [oldest, event] of this.#events) {
      if (this.#events.size <= this.#capacity && Date.now() - event.at < this.#ttlMs) break;
      this.#events.delete(oldest);
    }
    return id;
  }

  async getStreamIdForEventId(eventId: string): Promise<string | undefined> {
    return parse(eventId)?.streamId;
  }

  async replayEventsAfter(
    lastEventId: string,
    { send }: { send: (eventId: string, message: JSONRPCMessage) => Promise<void> },
  ): Promise<string> {
    const last = parse(lastEventId);
    if (!last) throw new Error(`Unknown event id ${lastEventId.slice(0, 100)}`);
    for (const [id, event] of [...this.#events]) {
      if (event.streamId === last.streamId && (parse(id)?.position ?? '') > last.position) {
        await send(id, event.message);
      }
    }
    return last.streamId;
  }
}
