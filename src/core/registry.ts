import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type CompiledServer, compile } from './compile.js';
import type { ServerDefinition } from './definition.js';

/** The folder holding one sub-folder per integration, next to this module (src/ or dist/). */
export const SERVERS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'servers');

/**
 * The servers found under src/servers/<id>/, discovered by listing folders (no hand-kept list) and
 * loaded on first use, so starting a host imports no integration it is not asked for.
 */
export class ServerRegistry {
  readonly #dir: string;
  readonly #ids: readonly string[];
  readonly #loading = new Map<string, Promise<CompiledServer>>();

  constructor(dir = SERVERS_DIR) {
    this.#dir = dir;
    this.#ids = existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isDirectory() && this.#entry(e.name))
          .map((e) => e.name)
          .sort()
      : [];
  }

  #entry(id: string): string | undefined {
    return ['index.js', 'index.ts'].map((f) => join(this.#dir, id, f)).find((f) => existsSync(f));
  }

  ids(): readonly string[] {
    return this.#ids;
  }

  has(id: string): boolean {
    return this.#ids.includes(id);
  }

  load(id: string): Promise<CompiledServer> {
    let loading = this.#loading.get(id);
    if (!loading) {
      loading = this.#import(id);
      this.#loading.set(id, loading);
      loading.catch(() => this.#loading.delete(id));
    }
    return loading;
  }

  loadAll(): Promise<CompiledServer[]> {
    return Promise.all(this.#ids.map((id) => this.load(id)));
  }

  async #import(id: string): Promise<CompiledServer> {
    const entry = this.has(id) ? this.#entry(id) : undefined;
    if (!entry) throw new UnknownServerError(id, this.#ids);
    const module = (await import(pathToFileURL(entry).href)) as { default?: ServerDefinition };
    const definition = module.default;
    if (!definition || definition.id !== id) {
      throw new Error(`src/servers/${id}/index must export default defineServer({ id: '${id}', ... })`);
    }
    return compile(definition);
  }
}

export class UnknownServerError extends Error {
  constructor(
    readonly id: string,
    readonly available: readonly string[],
  ) {
    super(`Unknown server "${id}". Available servers: ${available.join(', ') || '(none)'}`);
  }
}
