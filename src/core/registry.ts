import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type CompiledServer, compile } from './compile.js';
import type { ServerDefinition } from './definition.js';

/** A server module's shape: `export default defineServer({...})`. */
export type ServerModule = { default?: ServerDefinition };
/** Loads one server's module; a table of these replaces folder discovery in a prebuilt snapshot. */
export type ServerLoader = () => Promise<ServerModule>;

/** The folder holding one sub-folder per integration, next to this module (src/ or dist/). */
export function serversDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'servers');
}

/** The servers found under one folder, one `<id>/index.{js,ts}` each: no hand-kept list. */
export function discoverServers(dir = serversDir()): Map<string, ServerLoader> {
  const found = new Map<string, ServerLoader>();
  if (!existsSync(dir)) return found;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const entry = ['index.js', 'index.ts'].map((f) => join(dir, e.name, f)).find((f) => existsSync(f));
    if (entry) found.set(e.name, () => import(pathToFileURL(entry).href) as Promise<ServerModule>);
  }
  return found;
}

/**
 * The servers this process can serve, each loaded and compiled on first use, so starting a host
 * imports no integration it is not asked for. By default they are discovered under src/servers/.
 */
export class ServerRegistry {
  readonly #loaders: ReadonlyMap<string, ServerLoader>;
  readonly #ids: readonly string[];
  readonly #loading = new Map<string, Promise<CompiledServer>>();

  constructor(source: string | ReadonlyMap<string, ServerLoader> = serversDir()) {
    this.#loaders = typeof source === 'string' ? discoverServers(source) : source;
    this.#ids = [...this.#loaders.keys()].sort();
  }

  ids(): readonly string[] {
    return this.#ids;
  }

  has(id: string): boolean {
    return this.#loaders.has(id);
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
    const loader = this.#loaders.get(id);
    if (!loader) throw new UnknownServerError(id, this.#ids);
    const definition = (await loader()).default;
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
