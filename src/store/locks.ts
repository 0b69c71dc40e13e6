import { type KeyValueStore, type LockOptions, LockTimeoutError } from './types.js';

/** Runs `fn` holding a named lock: the store's, shared by every host, or this process's own. */
export type WithLock = <T>(name: string, fn: () => Promise<T>, options?: LockOptions) => Promise<T>;

/** Locks within this process: one holder per name at a time, the others queued in order. */
export function localLocks(): WithLock {
  const tails = new Map<string, Promise<unknown>>();
  return async (name, fn) => {
    const previous = tails.get(name) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    tails.set(name, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (tails.get(name) === tail) tails.delete(name);
    }
  };
}

/** The locks a deployment shares: the first store that offers them (the cache, then the main store), else this process's. */
export function sharedLocks(...stores: (KeyValueStore | undefined)[]): WithLock {
  const withStore = stores.find((s) => s?.withLock);
  if (withStore?.withLock) return withStore.withLock.bind(withStore) as WithLock;
  return localLocks();
}

/**
 * Tries to take a lock until `waitMs` passes, with a short growing pause between tries; `take`
 * returns a release function when it got the lock.
 */
export async function pollForLock(
  name: string,
  waitMs: number,
  take: () => Promise<(() => Promise<void>) | undefined>,
): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    const release = await take();
    if (release) return release;
    if (Date.now() + pause > deadline) throw new LockTimeoutError(name, waitMs);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** Adds one to a counter within its window and returns the new count (see KeyValueStore.increment). */
export type Increment = (namespace: string, key: string, ttlSeconds: number) => Promise<number>;

/** Counters within this process: fixed windows that start at the first count. */
export function localCounters(): Increment {
  const counters = new Map<string, { count: number; until: number }>();
  return async (namespace, key, ttlSeconds) => {
    const now = Date.now();
    const id = `${namespace}\u0000${key}`;
    const current = counters.get(id);
    if (!current || current.until <= now) {
      // Old windows are dropped as new ones start, so the map holds only live counters (bounded).
      if (counters.size >= 100_000) for (const [k, c] of counters) if (c.until <= now) counters.delete(k);
      counters.set(id, { count: 1, until: now + ttlSeconds * 1000 });
      return 1;
    }
    current.count += 1;
    return current.count;
  };
}

/** The counters a deployment shares: the first store that offers them (the cache, then the main store), else this process's. */
export function sharedCounters(...stores: (KeyValueStore | undefined)[]): Increment {
  const withStore = stores.find((s) => s?.increment);
  if (withStore?.increment) return withStore.increment.bind(withStore) as Increment;
  return localCounters();
}
