import pg from 'pg';
import { pollForLock } from './locks.js';
import type { KeyValueStore, LockOptions } from './types.js';

/**
 * The store for a deployment of several hosts: one PostgreSQL database they all share. A write is
 * acknowledged only once PostgreSQL has committed it, so a host that dies loses nothing it said it
 * wrote. Times are the database's own clock, so hosts whose clocks differ agree on what expired.
 */

/** One schema change; released ones are never edited, only followed (as with SQLite's). */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'key-value table',
    // Keys are bytes (UTF-8) so that any string, NUL included, is a key, and keys sort by code point.
    // expires_at is milliseconds since the epoch; NULL never expires.
    sql: `CREATE TABLE gumcp_kv (
            namespace  text   NOT NULL COLLATE "C",
            key        bytea  NOT NULL,
            value      text   NOT NULL,
            expires_at bigint,
            PRIMARY KEY (namespace, key)
          );
          CREATE INDEX gumcp_kv_expires_at ON gumcp_kv (expires_at) WHERE expires_at IS NOT NULL;`,
  },
];

/** Any session's lock key for migrations: two hosts starting together apply each migration once. */
const MIGRATION_LOCK = 7_242_619_001;
const NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

export interface PostgresStoreOptions {
  /** Connections held at most (default 10). */
  maxConnections?: number;
  /** Longest wait for a connection, and longest a statement may run, in ms (default 10 s). */
  timeoutMs?: number;
  /** Shortest time between two purges of every expired row, in ms. */
  purgeIntervalMs?: number;
}

/** `\0` is not allowed in PostgreSQL text: a key travels as its UTF-8 bytes. */
const keyBytes = (key: string) => Buffer.from(key, 'utf8');

export class PostgresStore implements KeyValueStore {
  readonly #pool: pg.Pool;
  readonly #newLockPool: () => pg.Pool;
  #lockPool: pg.Pool | undefined;
  readonly #purgeIntervalMs: number;
  #nextPurge = 0;

  private constructor(pool: pg.Pool, newLockPool: () => pg.Pool, purgeIntervalMs: number) {
    this.#pool = pool;
    this.#newLockPool = newLockPool;
    this.#purgeIntervalMs = purgeIntervalMs;
  }

  /** Connects, brings the schema up to date, and returns the store. The URL is never logged. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const timeout = options.timeoutMs ?? 10_000;
    const newPool = (max: number) => {
      const pool = new pg.Pool({
        connectionString: url,
        max,
        connectionTimeoutMillis: timeout,
        statement_timeout: timeout,
        idleTimeoutMillis: 30_000,
        application_name: 'gumcp',
      });
      // A connection that breaks while idle (a restarted server) is dropped by the pool and replaced on
      // the next query; without a listener the error would crash the process.
      pool.on('error', () => undefined);
      return pool;
    };
    const pool = newPool(options.maxConnections ?? 10);
    try {
      await migrate(pool, POSTGRES_MIGRATIONS);
    } catch (error) {
      await pool.end();
      throw new Error(`Could not open the PostgreSQL store: ${(error as Error).message}`, { cause: error });
    }
    return new PostgresStore(pool, () => newPool(20), options.purgeIntervalMs ?? 60_000);
  }

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    const { rows } = await this.#pool.query<{ value: string }>(
      `SELECT value FROM gumcp_kv WHERE namespace = $1 AND key = $2
         AND (expires_at IS NULL OR expires_at > ${NOW_MS})`,
      [namespace, keyBytes(key)],
    );
    return rows[0] ? (JSON.parse(rows[0].value) as T) : undefined;
  }

  async set(namespace: string, key: string, value: unknown, ttlSeconds?: number): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined)
      throw new TypeError(`Cannot store ${typeof value} under "${key}": values are JSON`);
    if (ttlSeconds !== undefined && !(Number.isFinite(ttlSeconds) && ttlSeconds >= 0)) {
      throw new RangeError(`ttlSeconds must be a finite number >= 0, got ${ttlSeconds}`);
    }
    const ttlMs = ttlSeconds === undefined ? null : Math.round(ttlSeconds * 1000);
    await this.#pool.query(
      `INSERT INTO gumcp_kv (namespace, key, value, expires_at)
         VALUES ($1, $2, $3, CASE WHEN $4::bigint IS NULL THEN NULL ELSE ${NOW_MS} + $4::bigint END)
       ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
      [namespace, keyBytes(key), json, ttlMs],
    );
    if (Date.now() >= this.#nextPurge) {
      this.#nextPurge = Date.now() + this.#purgeIntervalMs;
      await this.#pool.query(`DELETE FROM gumcp_kv WHERE expires_at <= ${NOW_MS}`);
    }
  }

  async delete(namespace: string, key: string): Promise<boolean> {
    const { rows } = await this.#pool.query<{ live: boolean }>(
      `DELETE FROM gumcp_kv WHERE namespace = $1 AND key = $2
       RETURNING (expires_at IS NULL OR expires_at > ${NOW_MS}) AS live`,
      [namespace, keyBytes(key)],
    );
    return rows[0]?.live === true;
  }

  async keys(namespace: string): Promise<string[]> {
    const { rows } = await this.#pool.query<{ key: Buffer }>(
      `SELECT key FROM gumcp_kv WHERE namespace = $1
         AND (expires_at IS NULL OR expires_at > ${NOW_MS}) ORDER BY key`,
      [namespace],
    );
    return rows.map((r) => r.key.toString('utf8'));
  }

  /** A counter every host sees: one upsert that starts a new window once the old one has expired. */
  async increment(namespace: string, key: string, ttlSeconds: number): Promise<number> {
    const { rows } = await this.#pool.query<{ value: string }>(
      `INSERT INTO gumcp_kv (namespace, key, value, expires_at) VALUES ($1, $2, '1', ${NOW_MS} + $3::bigint)
       ON CONFLICT (namespace, key) DO UPDATE SET
         value = CASE WHEN gumcp_kv.expires_at <= ${NOW_MS} THEN '1' ELSE (gumcp_kv.value::bigint + 1)::text END,
         expires_at = CASE WHEN gumcp_kv.expires_at <= ${NOW_MS} THEN excluded.expires_at ELSE gumcp_kv.expires_at END
       RETURNING value`,
      [namespace, keyBytes(key), Math.round(ttlSeconds * 1000)],
    );
    return Number(rows[0]?.value);
  }

  /**
   * A lock every host on this database respects: a session advisory lock, held on a connection of a
   * pool of its own (so that holders never starve the queries they run of connections). PostgreSQL
   * frees it if that connection dies, so a crashed holder cannot keep it. A waiter holds no connection.
   */
  async withLock<T>(name: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
    const key = `gumcp:${name}`;
    this.#lockPool ??= this.#newLockPool();
    const pool = this.#lockPool;
    const release = await pollForLock(name, options.waitMs ?? 10_000, async () => {
      const client = await pool.connect();
      const { rows } = await client
        .query<{ taken: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS taken', [key])
        .catch((error: Error) => {
          client.release(error);
          throw error;
        });
      if (rows[0]?.taken !== true) {
        client.release();
        return undefined;
      }
      return async () => {
        try {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
          client.release();
        } catch (error) {
          // A connection that cannot unlock is dropped: its lock goes with it.
          client.release(error as Error);
        }
      };
    });
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.#pool.end(), this.#lockPool?.end()]);
  }
}

/**
 * Brings the database up to the last migration. One transaction holding an advisory lock: hosts that
 * start together wait for each other, and a failure leaves nothing half-applied.
 */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<number[]> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration "${m.name}" has version ${m.version}; expected ${i + 1}`);
  });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS gumcp_schema_migrations (
                          version    integer PRIMARY KEY,
                          name       text NOT NULL,
                          applied_at timestamptz NOT NULL DEFAULT now()
                        )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM gumcp_schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > migrations.length) {
      throw new Error(
        `the database schema is at version ${newest}, newer than this gumcp knows (${migrations.length}); upgrade gumcp`,
      );
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO gumcp_schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
