import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { type Migration, migrate, STORE_MIGRATIONS } from '../migrations.js';
import { SqliteStore } from '../sqlite.js';
import { rawDb, tempDir } from './helpers.js';

const recorded = (db: ReturnType<typeof rawDb>) =>
  db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();

test('a new store applies every migration once and records each version; reopening applies none', async (t) => {
  const file = join(await tempDir(t), 'gumcp.db');
  for (let i = 0; i < 3; i++) await new SqliteStore(file).close();

  const db = rawDb(t, file);
  assert.deepEqual(
    recorded(db),
    STORE_MIGRATIONS.map(({ version, name }) => ({ version, name })),
  );
  assert.deepEqual(
    db.prepare("SELECT name FROM sqlite_master WHERE name IN ('kv', 'kv_expires_at') ORDER BY name").all(),
    [{ name: 'kv' }, { name: 'kv_expires_at' }],
  );
});

// Each migration logs a row when it runs, so running twice would show.
const createLog: Migration = {
  version: 1,
  name: 'log',
  sql: 'CREATE TABLE log (n INTEGER); INSERT INTO log VALUES (1)',
};
const addTwo: Migration = { version: 2, name: 'two', sql: 'INSERT INTO log VALUES (2)' };

test('migrate applies only the migrations not yet recorded, in order, and says which', async (t) => {
  const db = rawDb(t, join(await tempDir(t), 'm.db'));
  assert.deepEqual(migrate(db, [createLog]), [1]);
  assert.deepEqual(migrate(db, [createLog, addTwo]), [2]);
  assert.deepEqual(migrate(db, [createLog, addTwo]), []);
  assert.deepEqual(db.prepare('SELECT n FROM log ORDER BY rowid').all(), [{ n: 1 }, { n: 2 }]);
  assert.deepEqual(recorded(db), [
    { version: 1, name: 'log' },
    { version: 2, name: 'two' },
  ]);
});

test('a failing migration is rolled back whole and not recorded; fixed, it applies', async (t) => {
  const db = rawDb(t, join(await tempDir(t), 'm.db'));
  const broken: Migration = {
    version: 2,
    name: 'broken',
    sql: 'CREATE TABLE half (x); INSERT INTO nowhere VALUES (1)',
  };
  assert.throws(
    () => migrate(db, [createLog, broken]),
    /Migration 2 \(broken\) failed and was rolled back: no such table: nowhere/,
  );
  assert.deepEqual(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get(), { n: 0 });
  assert.deepEqual(recorded(db), [{ version: 1, name: 'log' }]);

  assert.deepEqual(migrate(db, [createLog, addTwo]), [2]);
});

test('a database migrated by a newer gumcp is refused rather than misread', async (t) => {
  const db = rawDb(t, join(await tempDir(t), 'm.db'));
  migrate(db, [createLog, addTwo]);
  assert.throws(() => migrate(db, [createLog]), /schema is at version 2, newer than this gumcp knows \(1\)/);
});

test('a migration list must count up from 1 without gaps', async (t) => {
  const db = rawDb(t, join(await tempDir(t), 'm.db'));
  assert.throws(() => migrate(db, [addTwo]), /Migration "two" has version 2; expected 1/);
  assert.throws(() => migrate(db, [createLog, { ...addTwo, version: 3 }]), /has version 3; expected 2/);
  // Refused before anything ran.
  assert.deepEqual(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'log'").get(), { n: 0 });
});
