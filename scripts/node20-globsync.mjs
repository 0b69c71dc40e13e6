// Supplies fs.globSync (Node >= 22) on Node 20 for ES modules that import it by name, such as
// @modelcontextprotocol/conformance 0.1.16. A --require polyfill cannot help: an ESM named import is
// linked against node:fs's export list before any code runs. So a loader hook resolves `fs`/`node:fs`,
// for importers other than this file, to this file, which re-exports node:fs and adds globSync.
//
//   node --import ./scripts/node20-globsync.mjs <entry.mjs>
//
// One file, three roles, told apart by the `role` query of its own URL:
//   (none)  the --import entry: registers the hooks when fs.globSync is missing;
//   hooks   the loader hooks (Node runs them on their own thread);
//   fs      the stand-in for node:fs that importers receive.
// On a Node that has fs.globSync it registers nothing.

import * as fs from 'node:fs';
import { register } from 'node:module';
import { join, relative, sep } from 'node:path';

export * from 'node:fs';
export { default } from 'node:fs';

const self = new URL(import.meta.url);
self.search = '';
const role = new URL(import.meta.url).searchParams.get('role');

if (role === null && typeof fs.globSync !== 'function') {
  register(`${self.href}?role=hooks`);
}

/** Loader hook: `fs` and `node:fs` become this module, except inside this module itself. */
export async function resolve(specifier, context, nextResolve) {
  const fromSelf = context.parentURL?.split('?')[0] === self.href;
  if ((specifier === 'fs' || specifier === 'node:fs') && !fromSelf) {
    return { url: `${self.href}?role=fs`, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

/** A glob as a RegExp over `/`-separated relative paths: `**` spans directories, `*` and `?` do not. */
function globToRegExp(pattern) {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      source += slashAfter ? '(?:[^/]*/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Every entry under `dir`, as paths relative to `root`. Symbolic links are listed, not followed. */
function* walk(root, dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    yield relative(root, full);
    if (entry.isDirectory()) yield* walk(root, full);
  }
}

/**
 * The subset of Node 22's fs.globSync this project's tools use: one pattern or several, `*`, `**` and
 * `?` (no braces or character classes), relative to `options.cwd`, returning relative paths in the
 * platform's separator style, like Node's.
 */
export function globSync(pattern, options = {}) {
  const cwd = options.cwd ? String(options.cwd) : process.cwd();
  const matchers = (Array.isArray(pattern) ? pattern : [pattern]).map(globToRegExp);
  const found = [];
  for (const path of walk(cwd, cwd)) {
    const posix = path.split(sep).join('/');
    if (matchers.some((m) => m.test(posix))) found.push(path);
  }
  return found;
}
