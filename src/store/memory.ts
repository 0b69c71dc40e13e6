import type { KeyValueStore } from './types.js';

interface Entry {
  value: unknown;
  expiresAt?: number;
}

const SWEEP_EVERY = 1000;

/** Code point order, as the other stores sort (JavaScript's default sort is by UTF-16 code unit). */
const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** A store that lives as long as the process: for tests and for what may be lost. */
export class MemoryStore implements KeyValueStore {
  readonly #namespaces = new Map<string, Map<string, Entry>>();
  #writesSinceSweep = 0;

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
    // The same rules as the stores that serialize: values are JSON, TTLs are finite and not negative.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
      throw new TypeError(`Cannot store ${typeof value} under "${key}": values are JSON`);
    }
    if (ttlSeconds !== undefined && !(Number.isFinite(ttlSeconds) && ttlSeconds >= 0)) {
      throw new RangeError(`ttlSeconds must be a finite number >= 0, got ${ttlSeconds}`);
    }
    // Expired entries nobody reads again (an abandoned OAuth state) are dropped now and then.
    if (++this.#writesSinceSweep >= SWEEP_EVERY) this.#sweep();
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
    return [...ns.keys()].filter((key) => this.#live(namespace, key)).sort(byCodePoint);
  }

  /** Entries held, counting expired ones not yet dropped. */
  get size(): number {
    let n = 0;
    for (const ns of this.#namespaces.values()) n += ns.size;
    return n;
  }

  #sweep(): void {
    this.#writesSinceSweep = 0;
    const now = Date.now();
    for (const [name, ns] of this.#namespaces) {
      for (const [key, entry] of ns)
        if (entry.expiresAt !== undefined && entry.expiresAt <= now) ns.delete(key);
      if (ns.size === 0) this.#namespaces.delete(name);
    }
  }

  async close(): Promise<void> {
    this.#namespaces.clear();
  }
}
