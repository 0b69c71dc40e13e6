/**
 * The one storage interface every part of gumcp uses: users' data, credentials, tenants' keys,
 * pending OAuth states. Keys live in namespaces; values are JSON. Implementations: memory (for
 * what may be lost), SQLite (the embedded default), and server-backed stores for scale.
 */
export interface KeyValueStore {
  get<T = unknown>(namespace: string, key: string): Promise<T | undefined>;
  /** Stores a value; with `ttlSeconds` it disappears after that time. */
  set(namespace: string, key: string, value: unknown, ttlSeconds?: number): Promise<void>;
  delete(namespace: string, key: string): Promise<boolean>;
  /** Keys of a namespace in lexical order. */
  keys(namespace: string): Promise<string[]>;
  /**
   * Adds one to a counter and returns its new value; a new counter starts at 1 and lives `ttlSeconds`
   * (its window). Atomic across every process sharing the store. Stores one process owns may leave it
   * out: an in-process counter then serves.
   */
  increment?(namespace: string, key: string, ttlSeconds: number): Promise<number>;
  /**
   * Runs `fn` while holding the named lock, which every process sharing this store respects (a token
   * refresh runs once across all hosts). Stores one process owns leave it out: an in-process lock
   * then serves. Waits at most `waitMs` for the lock; the lock lapses after `ttlMs` if its holder dies.
   */
  withLock?<T>(name: string, fn: () => Promise<T>, options?: LockOptions): Promise<T>;
  close(): Promise<void>;
}

export interface LockOptions {
  /** Longest wait for the lock before failing (default 10 s). */
  waitMs?: number;
  /** How long the lock outlives a holder that died without releasing it (default 30 s). */
  ttlMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(name: string, waitMs: number) {
    super(`Waited ${waitMs} ms for the lock "${name}" without getting it`);
  }
}
