import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import Database from 'better-sqlite3';

/** A fresh folder under the OS temp dir, removed when the test ends. */
export async function tempDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gumcp-store-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A second, direct connection to a store's file: what is really on disk, closed when the test ends. */
export function rawDb(t: TestContext, file: string): Database.Database {
  const db = new Database(file);
  t.after(() => db.close());
  return db;
}

/** A clock tests move by hand. */
export function manualClock(start = Date.parse('2025-01-01T00:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}
