import type { UserStore } from '../core/context.js';
import type { KeyValueStore } from './types.js';

/** One user's private view of a store for one server: they can never reach another's keys. */
export function userStore(store: KeyValueStore, serverId: string, userId: string): UserStore {
  const namespace = `user:${serverId}:${userId}`;
  return {
    get: (key) => store.get(namespace, key),
    set: (key, value) => store.set(namespace, key, value),
    delete: (key) => store.delete(namespace, key),
    keys: () => store.keys(namespace),
  };
}
