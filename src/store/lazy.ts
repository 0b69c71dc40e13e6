import { localLocks } from './locks.js';
import type { KeyValueStore } from './types.js';

/**
 * A store opened on its first use rather than up front: a stdio server that never touches its
 * store (most sessions only list and call tools that hold no state) does not load the SQLite
 * driver at all, which is a measurable part of a cold start. An open that fails, fails that call.
 */
export function openedOnFirstUse(open: () => Promise<KeyValueStore>): KeyValueStore {
  let opening: Promise<KeyValueStore> | undefined;
  const local = localLocks();
  const store = () => {
    opening ??= open();
    return opening;
  };
  return {
    get: async (namespace, key) => (await store()).get(namespace, key),
    set: async (namespace, key, value, ttlSeconds) => (await store()).set(namespace, key, value, ttlSeconds),
    delete: async (namespace, key) => (await store()).delete(namespace, key),
    keys: async (namespace) => (await store()).keys(namespace),
    // A lazy store is opened by its first lock too: whether the store shares locks is known then.
    withLock: async (name, fn, options) => {
      const opened = await store();
      return opened.withLock ? opened.withLock(name, fn, options) : local(name, fn);
    },
    // Closing a store that was never opened (or failed to open) has nothing to close.
    close: async () => {
      const opened = await opening?.catch(() => undefined);
      await opened?.close();
    },
  };
}
