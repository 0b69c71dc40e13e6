import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, STORE_MIGRATIONS } from './migrations.js';
import type { KeyValueStore } from './types.js';

export interface SqliteStoreOptions {
  /** The clock TTLs are measured against, in milliseconds; tests replace it. */
  now?: () => number;
  /** Shortest time between two purges of every expired row, in milliseconds. */
  purgeIntervalMs?: number;
}

interface Row {
  value: string;
  expiresAt: number | null;
}

const IN_MEMORY = ':memory:';

/**
 * The embedded default store: one SQLite file in WAL mode (readers never wait for the writer).
 * Expired rows are invisible at once and removed lazily: when a read meets one, and by a purge of
 * all of them at most once per interval, on a write.
 */
export class SqliteStore implements KeyValueStore {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #purgeIntervalMs: number;
  #nextPurge = 0;
  readonly #sql: ReturnType<typeof prepare>;

  /** Opens or creates the file at `path` (relative to the working directory), with its folder. */
  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#purgeIntervalMs = options.purgeIntervalMs ?? 60_000;
    const file = path === IN_MEMORY ? path : createOwnerOnly(resolve(path));
    this.#db = new Database(file);
    try {
      this.#db.pragma('journal_mode = WAL');
      // Another process (e.g. `gumcp auth` while the host runs) may hold the write lock briefly.
      this.#db.pragma('busy_timeout = 5000');
      this.#db.pragma('synchronous = NORMAL');
      migrate(this.#db, STORE_MIGRATIONS);
      this.#sql = prepare(this.#db);
    } catch (error) {
      this.#db.close();
      throw error;
    }
  }

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    const row = this.#sql.get.get(namespace, key);
    if (!row) return undefined;
    const now = this.#now();
    if (expired(row, now)) {
      this.#sql.deleteExpired.run(namespace, key, now);
      return undefined;
    }
    return JSON.parse(row.value) as T;
  }

  async set(namespace: string, key: string, value: unknown, ttlSeconds?: number): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined)
      throw new TypeError(`Cannot store ${typeof value} under "${key}": values are JSON`);
    if (ttlSeconds !== undefined && !(Number.isFinite(ttlSeconds) && ttlSeconds >= 0)) {
      throw new RangeError(`ttlSeconds must be a finite number >= 0, got ${ttlSeconds}`);
    }
    const now = this.#now();
    const expiresAt = ttlSeconds === undefined ? null : now + Math.round(ttlSeconds * 1000);
    this.#sql.upsert.run(namespace, key, json, expiresAt);
    if (now >= this.#nextPurge) {
      this.#nextPurge = now + this.#purgeIntervalMs;
      this.#sql.purge.run(now);
    }
  }

  async delete(namespace: string, key: string): Promise<boolean> {
    const row = this.#sql.delete.get(namespace, key);
    return row !== undefined && !expired(row, this.#now());
  }

  async keys(namespace: string): Promise<string[]> {
    return this.#sql.keys.all(namespace, this.#now()).map((r) => r.key);
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

const expired = (row: Pick<Row, 'expiresAt'>, now: number) => row.expiresAt !== null && row.expiresAt <= now;

/**
 * Creates the folder (0700) and file (0600) before SQLite opens it: the store holds users' data and
 * credentials, and SQLite gives its -wal and -shm files the mode of the database file.
 */
function createOwnerOnly(file: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  return file;
}

function prepare(db: Database.Database) {
  return {
    get: db.prepare<[string, string], Row>(
      'SELECT value, expires_at AS expiresAt FROM kv WHERE namespace = ? AND key = ?',
    ),
    upsert: db.prepare<[string, string, string, number | null]>(
      `INSERT INTO kv (namespace, key, value, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
    ),
    // Returns the deleted row so one statement both deletes and tells whether it was still live.
    delete: db.prepare<[string, string], Pick<Row, 'expiresAt'>>(
      'DELETE FROM kv WHERE namespace = ? AND key = ? RETURNING expires_at AS expiresAt',
    ),
    // The expiry condition guards against a fresh value another connection wrote in between.
    deleteExpired: db.prepare<[string, string, number]>(
      'DELETE FROM kv WHERE namespace = ? AND key = ? AND expires_at <= ?',
    ),
    keys: db.prepare<[string, number], { key: string }>(
      'SELECT key FROM kv WHERE namespace = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY key',
    ),
    purge: db.prepare<[number]>('DELETE FROM kv WHERE expires_at <= ?'),
  };
}
