import { openedOnFirstUse } from './lazy.js';
import { MemoryStore } from './memory.js';
import type { KeyValueStore } from './types.js';

export interface OpenStoreOptions {
  /** Open the database on first use instead of now; the URL is still checked now. */
  lazy?: boolean;
}

/**
 * Opens the store a URL names. `memory:` keeps everything in the process; `sqlite:<path>` is a
 * SQLite file, relative to the working directory (`sqlite:data/gumcp.db`, `sqlite:///var/lib/gumcp.db`);
 * `postgres://…` is a PostgreSQL database and `redis://…` (or `rediss://`) a Redis server, shared by
 * several hosts. The one place that maps a configuration URL to a store implementation; each driver is
 * imported only when its scheme is used.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<KeyValueStore> {
  const scheme = url.split(':', 1)[0];
  switch (scheme) {
    case 'memory':
      return new MemoryStore();
    case 'sqlite': {
      const path = sqlitePath(url);
      // Imported on demand: the native driver is not loaded by processes that do not use it.
      const open = async () => new (await import('./sqlite.js')).SqliteStore(path);
      return options.lazy ? openedOnFirstUse(open) : open();
    }
    case 'postgres':
    case 'postgresql': {
      const open = async () => (await import('./postgres.js')).PostgresStore.open(url);
      return options.lazy ? openedOnFirstUse(open) : open();
    }
    case 'redis':
    case 'rediss': {
      const open = async () => (await import('./redis.js')).RedisStore.open(url);
      return options.lazy ? openedOnFirstUse(open) : open();
    }
    default:
      throw new Error(
        `Unknown store URL scheme "${scheme}:" (expected memory:, sqlite:<path>, postgres://… or redis://…)`,
      );
  }
}

function sqlitePath(url: string): string {
  // `sqlite://` then a path is accepted too, as URL-minded users write it.
  const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
  if (!path) throw new Error('GUMCP_STORE=sqlite: needs a file path, e.g. sqlite:data/gumcp.db');
  return path;
}
