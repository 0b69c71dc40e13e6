import { randomBytes } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import { pollForLock } from './locks.js';
import type { KeyValueStore, LockOptions } from './types.js';

/** Deletes a lock only if it still holds the releasing holder's token (it may have lapsed and moved on). */
const RELEASE =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * A store in Redis, for what several hosts share for a while: OAuth sign-in states, resumable event
 * streams, locks. Each value is one Redis key (so Redis expires it itself); each namespace has a
 * sorted set of its keys, read in byte order (code point order, as the other stores give).
 */

export interface RedisStoreOptions {
  /** Longest a command may wait, connecting included, in ms (default 5 s). */
  timeoutMs?: number;
  /** Prefix of every Redis key, so that one Redis can serve several deployments (default `gumcp`). */
  prefix?: string;
}

type Client = RedisClientType;

export class RedisStore implements KeyValueStore {
  readonly #client: Client;
  readonly #timeoutMs: number;
  readonly #prefix: string;

  private constructor(client: Client, options: RedisStoreOptions) {
    this.#client = client;
    this.#timeoutMs = options.timeoutMs ?? 5_000;
    this.#prefix = options.prefix ?? 'gumcp';
  }

  /** Connects (reconnecting on its own after a drop, with a bounded backoff). The URL is never logged. */
  static async open(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
    const timeout = options.timeoutMs ?? 5_000;
    const client: Client = createClient({
      url,
      socket: { connectTimeout: timeout, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2_000) },
    });
    // Errors of the connection surface as failed commands; an unhandled 'error' event would crash.
    client.on('error', () => undefined);
    try {
      await withTimeout(client.connect(), timeout, 'connecting to Redis');
    } catch (error) {
      client.destroy();
      throw new Error(`Could not open the Redis store: ${(error as Error).message}`, { cause: error });
    }
    return new RedisStore(client, options);
  }

  /** The Redis key of a value: lengths first, so no namespace or key can pass for another. */
  #valueKey(namespace: string, key: string): string {
    return `${this.#prefix}:v:${namespace.length}:${namespace}:${key}`;
  }

  #indexKey(namespace: string): string {
    return `${this.#prefix}:i:${namespace}`;
  }

  #run<T>(command: Promise<T>, what: string): Promise<T> {
    return withTimeout(command, this.#timeoutMs, what);
  }

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    const json = await this.#run(this.#client.get(this.#valueKey(namespace, key)), 'reading from Redis');
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  async set(namespace: string, key: string, value: unknown, ttlSeconds?: number): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined)
      throw new TypeError(`Cannot store ${typeof value} under "${key}": values are JSON`);
    if (ttlSeconds !== undefined && !(Number.isFinite(ttlSeconds) && ttlSeconds >= 0)) {
      throw new RangeError(`ttlSeconds must be a finite number >= 0, got ${ttlSeconds}`);
    }
    const valueKey = this.#valueKey(namespace, key);
    const multi = this.#client.multi();
    if (ttlSeconds === undefined) multi.set(valueKey, json);
    // A TTL of 0 means gone at once; Redis wants at least 1 ms.
    else
      multi.set(valueKey, json, {
        expiration: { type: 'PX', value: Math.max(1, Math.round(ttlSeconds * 1000)) },
      });
    multi.zAdd(this.#indexKey(namespace), { score: 0, value: key });
    await this.#run(multi.exec(), 'writing to Redis');
  }

  async delete(namespace: string, key: string): Promise<boolean> {
    const [deleted] = await this.#run(
      this.#client.multi().del(this.#valueKey(namespace, key)).zRem(this.#indexKey(namespace), key).exec(),
      'deleting from Redis',
    );
    return Number(deleted) > 0;
  }

  async keys(namespace: string): Promise<string[]> {
    const index = this.#indexKey(namespace);
    const members = await this.#run(
      this.#client.zRange(index, '-', '+', { BY: 'LEX' }),
      'listing Redis keys',
    );
    if (members.length === 0) return [];
    // Values expire on their own; their index entries are dropped here when found stale.
    const exists = await this.#run(
      Promise.all(members.map((key) => this.#client.exists(this.#valueKey(namespace, key)))),
      'listing Redis keys',
    );
    const stale = members.filter((_, i) => !exists[i]);
    if (stale.length) await this.#run(this.#client.zRem(index, stale), 'listing Redis keys');
    return members.filter((_, i) => exists[i]);
  }

  /** A counter every host sees: INCR, with the window's expiry set when the counter is new. */
  async increment(namespace: string, key: string, ttlSeconds: number): Promise<number> {
    const counter = `${this.#prefix}:n:${namespace.length}:${namespace}:${key}`;
    const [count] = await this.#run(
      this.#client
        .multi()
        .incr(counter)
        .pExpire(counter, Math.round(ttlSeconds * 1000), 'NX')
        .exec(),
      'counting in Redis',
    );
    return Number(count);
  }

  /**
   * A lock every host sharing this Redis respects: SET NX with a random token and an expiry (a holder
   * that dies cannot keep it), released only by its holder (a compare-and-delete script).
   */
  async withLock<T>(name: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
    const key = `${this.#prefix}:lock:${name}`;
    const token = randomBytes(16).toString('hex');
    const ttl = options.ttlMs ?? 30_000;
    const release = await pollForLock(name, options.waitMs ?? 10_000, async () => {
      const taken = await this.#run(
        this.#client.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: ttl } }),
        'taking a Redis lock',
      );
      if (taken !== 'OK') return undefined;
      return async () => {
        await this.#run(
          this.#client.eval(RELEASE, { keys: [key], arguments: [token] }),
          'releasing a Redis lock',
        );
      };
    });
    try {
      return await fn();
    } finally {
      await release().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.#client.close().catch(() => this.#client.destroy());
  }
}

/** A Redis command that does not answer in time fails with a clear error (the connection may be down). */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
