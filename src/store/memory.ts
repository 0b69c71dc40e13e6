import type { KeyValueStore } from './types.js';

interface Entry {
  value: unknown;
  expiresAt?: number;
}

/** A store that lives as long as the process: for tests and for what may be lost. */
export class MemoryStore implements KeyValueStore {
  readonly #namespaces = new Map<string, Map<string, Entry>>();

  #live(namespace: string, key: string): Entry | undefined {
    const entry = this.#namespaces.get(namespace)?.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.#namespaces.get(namespace)?.delete(key);
      return undefined;
    }
    return entry;
  }

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    const entry = this.#live(namespace, key);
    // Stored values are copies, as a real database would give.
    return entry ? (structuredClone(entry.value) as T) : undefined;
  }

  async set(namespace: string, key: string, value: unknown, ttlSeconds?: number): Promise<void> {
    let ns = this.#namespaces.get(namespace);
    if (!ns) {
      ns = new Map();
      this.#namespaces.set(namespace, ns);
    }
    ns.set(key, {
      value: structuredClone(value),
      ...(ttlSeconds !== undefined ? { expiresAt: Date.now() + ttlSeconds * 1000 } : {}),
    });
  }

  async delete(namespace: string, key: string): Promise<boolean> {
    const existed = this.#live(namespace, key) !== undefined;
    this.#namespaces.get(namespace)?.delete(key);
    return existed;
  }

  async keys(namespace: string): Promise<string[]> {
    const ns = this.#namespaces.get(namespace);
    if (!ns) return [];
    return [...ns.keys()].filter((key) => this.#live(namespace, key)).sort();
  }

  async close(): Promise<void> {
    this.#namespaces.clear();
  }
}
