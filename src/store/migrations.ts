import type Database from 'better-sqlite3';

/**
 * One schema change. Versions count up from 1 with no gaps; a released migration is never edited,
 * only followed by a new one, so every database reaches the same schema by the same steps.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The embedded store's schema, in order. */
export const STORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'key-value table',
    // expires_at is milliseconds since the epoch; NULL never expires.
    sql: `CREATE TABLE kv (
            namespace  TEXT NOT NULL,
            key        TEXT NOT NULL,
            value      TEXT NOT NULL,
            expires_at INTEGER,
            PRIMARY KEY (namespace, key)
          ) WITHOUT ROWID`,
  },
  {
    version: 2,
    name: 'expiry index',
    // Lets the periodic purge of expired rows skip the rows that never expire.
    sql: 'CREATE INDEX kv_expires_at ON kv (expires_at) WHERE expires_at IS NOT NULL',
  },
];

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `Migration "${m.name}" has version ${m.version}; expected ${i + 1} (versions count up from 1)`,
      );
    }
  });
}

/**
 * Brings a database up to the last migration and returns the versions applied now. Each migration
 * runs in its own IMMEDIATE transaction together with its schema_migrations record, so a failure
 * leaves nothing half-applied and two processes opening the same file cannot both apply it.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  checkOrder(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
             version    INTEGER PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at TEXT NOT NULL
           )`);
  const latest = db
    .prepare<[], { v: number | null }>('SELECT max(version) AS v FROM schema_migrations')
    .get()?.v;
  if (latest != null && latest > migrations.length) {
    throw new Error(
      `The database schema is at version ${latest}, newer than this gumcp knows (${migrations.length}); ` +
        'upgrade gumcp or use another store file',
    );
  }

  const isApplied = db.prepare<[number], { version: number }>(
    'SELECT version FROM schema_migrations WHERE version = ?',
  );
  const record = db.prepare<[number, string, string]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const apply = db.transaction((m: Migration): boolean => {
    // Checked inside the transaction: another process may have applied it since we looked.
    if (isApplied.get(m.version)) return false;
    db.exec(m.sql);
    record.run(m.version, m.name, new Date().toISOString());
    return true;
  });

  const applied: number[] = [];
  for (const m of migrations) {
    try {
      if (apply.immediate(m)) applied.push(m.version);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Migration ${m.version} (${m.name}) failed and was rolled back: ${reason}`, {
        cause: error,
      });
    }
  }
  return applied;
}
