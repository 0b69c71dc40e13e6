// Builds dist/gumcp.blob: a V8 startup snapshot of the CLI, for
// `node --snapshot-blob dist/gumcp.blob run --server <id>` (see README, "Fast stdio start").
//
// Why: most of a cold start is module loading and the SDK building its zod schemas at import
// (about 150 ms on 2 cores). A snapshot holds that heap already built, so a start from it takes
// about half as long. The blob only works with the node binary that built it, so it is built by
// `npm run build`, and a stale one is rebuilt by running the build again.
//
// What is in it: everything but the integrations (the CLI, core, transports, stores, the shared
// provider and upstream pieces, the SDK, zod). A start deserializes the whole heap, so a snapshot
// holding every integration would grow with each one, and a stdio server needs only its own. Each
// integration is bundled on its own into dist/snapshot/servers/<id>.cjs and loaded when first used,
// as the CLI from its modules does; it takes the shared modules from the snapshot's heap, so there is
// one zod and one core in the process.
//
// How: esbuild bundles dist/ (tsc's output) into CommonJS scripts, and `node --build-snapshot` runs
// the main one and saves the heap.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const OUT_DIR = join(DIST, 'snapshot');
const SCRIPT = join(OUT_DIR, 'gumcp-snapshot.cjs');
const SERVERS_OUT = join(OUT_DIR, 'servers');
const BLOB = join(DIST, 'gumcp.blob');
const SERVERS = join(DIST, 'servers');

const servers = readdirSync(SERVERS, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(SERVERS, e.name, 'index.js')))
  .map((e) => e.name)
  .sort();

/** Packages the integrations share with the core: one copy, from the snapshot's heap. */
const SHARED_PACKAGES = ['zod', '@modelcontextprotocol/server', 'pino'];
/**
 * Packages the core loads from the checkout's node_modules at run time: the native SQLite addon (a
 * snapshot cannot hold it), iconv-lite (its tables serve a body reader the host never calls), and the
 * drivers of the server stores, which only deployments that use them need.
 */
const RUN_TIME_PACKAGES = /^(better-sqlite3|iconv-lite|pg|redis)$/;

/** Every module of dist/ that is not one integration's own: the pieces integrations share. */
function sharedModules(dir = DIST) {
  const found = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (['test', 'testing', 'snapshot'].includes(e.name)) continue;
      if (dir === SERVERS) continue; // an integration's own folder
      found.push(...sharedModules(path));
    } else if (e.name.endsWith('.js') && !e.name.endsWith('.test.js') && path !== join(DIST, 'cli', 'main.js')) {
      found.push(relative(DIST, path).split(sep).join('/'));
    }
  }
  return found.sort();
}
const shared = sharedModules();
/** The shared modules the integrations import, found while bundling them. */
const requested = new Set();

// A snapshot's own `require` loads only node's built-in modules. Files and packages are loaded at
// run time from the checkout the blob is in (dist/gumcp.blob), found from node's own
// `--snapshot-blob` argument so that a moved checkout keeps working: the integrations' bundles, the
// native SQLite addon (a snapshot cannot hold it), and packages only some integrations use.
const runTimeRequire = `const __gumcpRequire = (id) => {
  const { createRequire } = require('node:module');
  const { resolve } = require('node:path');
  const args = process.execArgv;
  const at = args.findIndex((a) => a === '--snapshot-blob' || a.startsWith('--snapshot-blob='));
  const blob = at === -1 ? undefined : args[at].includes('=') ? args[at].split('=').slice(1).join('=') : args[at + 1];
  const root = blob ? resolve(blob, '..', '..') : ${JSON.stringify(ROOT)};
  return createRequire(resolve(root, 'package.json'))(id.startsWith('dist/') ? resolve(root, id) : id);
};
const __gumcpServer = (id) => __gumcpRequire('dist/snapshot/servers/' + id + '.cjs');`;

/** esbuild's handling of packages: shared ones from the snapshot, run-time ones from node_modules. */
const packages = (sharedFromSnapshot) => ({
  name: 'packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return { external: true };
      if (sharedFromSnapshot && SHARED_PACKAGES.includes(args.path)) return { path: `package:${args.path}`, namespace: 'snapshot' };
      if (RUN_TIME_PACKAGES.test(args.path) || sharedFromSnapshot) return { path: args.path, namespace: 'run-time' };
      return undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'run-time' }, (args) => ({
      contents: `module.exports = globalThis.__gumcpRequire(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
});

rmSync(OUT_DIR, { recursive: true, force: true });
mkdirSync(SERVERS_OUT, { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  logLevel: 'warning',
  // import.meta only serves folder discovery, which the snapshot replaces with its table.
  logOverride: { 'empty-import-meta': 'silent' },
};

// Each integration alone: its own files bundled, every shared module taken from the snapshot's heap.
await build({
  ...common,
  entryPoints: Object.fromEntries(servers.map((id) => [id, join(SERVERS, id, 'index.js')])),
  outdir: SERVERS_OUT,
  // The package is ESM ("type": "module"): CommonJS files must say so by their extension.
  outExtension: { '.js': '.cjs' },
  plugins: [
    {
      name: 'shared-modules',
      setup(b) {
        b.onResolve({ filter: /^\./ }, (args) => {
          const path = relative(DIST, join(args.resolveDir, args.path)).split(sep).join('/');
          if (!shared.includes(path)) return undefined;
          requested.add(path);
          return { path, namespace: 'snapshot' };
        });
        b.onLoad({ filter: /.*/, namespace: 'snapshot' }, (args) => ({
          contents: `const m = globalThis.__gumcpModules.get(${JSON.stringify(args.path)});
if (!m) throw new Error('the snapshot holds no ${args.path}: rebuild it with npm run build');
module.exports = m;`,
          loader: 'js',
        }));
      },
    },
    packages(true),
  ],
});

// The snapshot's entry. At build time: the shared modules the integrations import, registered by
// path for their bundles, and the SDK's lazily built protocol schemas built, so that the heap the
// snapshot saves holds them ready (the rest of the CLI, such as the HTTP host, is initialized on its
// first use, as before). At each start: the CLI, run with this start's arguments.
const registered = [...requested].sort();
const entry = [
  "import { startupSnapshot } from 'node:v8';",
  "import { preloadSchemas } from '@modelcontextprotocol/server';",
  ...SHARED_PACKAGES.map((p, i) => `import * as pkg${i} from '${p}';`),
  ...registered.map((m, i) => `import * as mod${i} from './${m}';`),
  "import { fail, runCli } from './cli/cli.js';",
  "import { ServerRegistry } from './core/registry.js';",
  'globalThis.__gumcpModules = new Map([',
  ...SHARED_PACKAGES.map((p, i) => `  ['package:${p}', pkg${i}],`),
  ...registered.map((m, i) => `  [${JSON.stringify(m)}, mod${i}],`),
  ']);',
  'const servers = new Map([',
  ...servers.map((id) => `  [${JSON.stringify(id)}, () => Promise.resolve(__gumcpServer(${JSON.stringify(id)}))],`),
  ']);',
  'const registry = new ServerRegistry(servers);',
  'preloadSchemas();',
  'startupSnapshot.setDeserializeMainFunction(() => {',
  '  runCli(process.argv.slice(1), { registry }).catch((error) => {',
  '    fail(error instanceof Error ? error.message : String(error));',
  '  });',
  '});',
].join('\n');

await build({
  ...common,
  stdin: { contents: entry, resolveDir: DIST, sourcefile: 'snapshot-entry.js', loader: 'js' },
  outfile: SCRIPT,
  banner: { js: `${runTimeRequire}\nglobalThis.__gumcpRequire = __gumcpRequire;` },
  plugins: [packages(false)],
});

const built = spawnSync(process.execPath, ['--snapshot-blob', BLOB, '--build-snapshot', SCRIPT], {
  cwd: ROOT,
  encoding: 'utf8',
});
// Node warns that some built-in modules are "not yet fully verified" in snapshots; the tests run
// every transport from the blob, so only a failure is shown.
if (built.status !== 0) {
  process.stderr.write(built.stderr);
  process.exit(built.status ?? 1);
}
process.stderr.write(`built ${BLOB} (the core; ${servers.length} servers beside it in ${relative(ROOT, SERVERS_OUT)})\n`);
