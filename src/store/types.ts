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
  close(): Promise<void>;
}
