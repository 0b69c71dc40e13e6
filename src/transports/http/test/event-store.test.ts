import assert from 'node:assert/strict';
import { describe, type TestContext, test } from 'node:test';
import type { EventStore, JSONRPCMessage } from '@modelcontextprotocol/server';
import { MemoryStore } from '../../../store/memory.js';
import { RedisStore } from '../../../store/redis.js';
import { REDIS_URL, withService } from '../../../testing/services.js';
import { MemoryEventStore, StoreEventStore } from '../event-store.js';

/** What a client that reconnects with Last-Event-ID gets: the events of its stream after that id, in order. */

const STORES: Record<string, (t: TestContext) => Promise<EventStore | undefined>> = {
  memory: async () => new MemoryEventStore(),
  'shared store (memory)': async () => new StoreEventStore(new MemoryStore()),
  'shared store (Redis)': async (t) => {
    const redis = await withService(t, 'Redis', () => RedisStore.open(REDIS_URL, { timeoutMs: 3_000 }));
    if (!redis) return undefined;
    t.after(() => redis.close());
    return new StoreEventStore(redis);
  },
};

const message = (n: number): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/progress',
  params: { progress: n, progressToken: 't' },
});

for (const [kind, open] of Object.entries(STORES)) {
  describe(`${kind} event store`, () => {
    test('replays the events of the same stream after the given one, in order, and no other stream’s', async (t) => {
      const events = await open(t);
      if (!events) return;
      const stream = `s-${Math.random().toString(36).slice(2)}`;
      const ids: string[] = [];
      for (let n = 1; n <= 5; n++) {
        ids.push(await events.storeEvent(stream, message(n)));
        await events.storeEvent(`${stream}-other`, message(100 + n));
      }
      const replayed: [string, JSONRPCMessage][] = [];
      const streamId = await events.replayEventsAfter(ids[1] ?? '', {
        send: async (id, m) => void replayed.push([id, m]),
      });

      assert.equal(streamId, stream);
      assert.deepEqual(replayed, [
        [ids[2], message(3)],
        [ids[3], message(4)],
        [ids[4], message(5)],
      ]);
      assert.equal(await events.getStreamIdForEventId?.(ids[0] ?? ''), stream);
    });

    test('an id it never gave is refused, not answered with someone else’s events', async (t) => {
      const events = await open(t);
      if (!events) return;
      await assert.rejects(events.replayEventsAfter('forged', { send: async () => assert.fail('sent') }));
    });
  });
}

test('the memory event store keeps at most its capacity, dropping the oldest', async () => {
  const events = new MemoryEventStore({ capacity: 3 });
  const ids = [];
  for (let n = 1; n <= 5; n++) ids.push(await events.storeEvent('s', message(n)));
  const replayed: JSONRPCMessage[] = [];
  await events.replayEventsAfter(ids[0] ?? '', { send: async (_id, m) => void replayed.push(m) });
  assert.deepEqual(replayed, [message(3), message(4), message(5)]);
});
