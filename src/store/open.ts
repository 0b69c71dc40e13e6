import { MemoryStore } from './memory.js';
import type { KeyValueStore } from './types.js';

/**
 * Opens the store a URL names. `memory:` keeps everything in the process.
 * The one place that maps a configuration URL to a store implementation.
 */
export async function openStore(url: string): Promise<KeyValueStore> {
  const scheme = url.split(':', 1)[0];
  switch (scheme) {
    case 'memory':
      return new MemoryStore();
    default:
      throw new Error(`Unknown store URL scheme "${scheme}:" in GUMCP_STORE (expected memory:)`);
  }
}
