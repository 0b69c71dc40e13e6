// Builds dist/gumcp.blob: a V8 startup snapshot of the whole CLI, every integration included, for
// `node --snapshot-blob dist/gumcp.blob run --server <id>` (see README, "Fast stdio start").
//
// Why: most of a cold start is module loading and the SDK building its zod schemas at import
// (about 150 ms on 2 cores). A snapshot holds that heap already built, so a start from it takes
// about half as long. The blob only works with the node binary that built it, so it is built by
// `npm run build`, and a stale one is rebuilt by running the build again.
//
// How: esbuild bundles dist/ (tsc's output) into one CommonJS script, with a table of the servers
// in place of folder discovery (a snapshot cannot import files at run time), and
// `node --build-snapshot` runs it and saves the heap.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const OUT_DIR = join(DIST, 'snapshot');
const SCRIPT = join(OUT_DIR, 'gumcp-snapshot.cjs');
const BLOB = join(DIST, 'gumcp.blob');

const servers = readdirSync(join(DIST, 'servers'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(DIST, 'servers', e.name, 'index.js')))
  .map((e) => e.name)
  .sort();

// The snapshot's entry. At build time: every server imported and compiled, and the SDK's lazily
// built protocol schemas built, so that the heap the snapshot saves holds them ready. At each
// start: the CLI, run with this start's arguments.
const entry = [
  "import { startupSnapshot } from 'node:v8';",
  "import { preloadSchemas } from '@modelcontextprotocol/server';",
  "import { fail, runCli } from './cli/cli.js';",
  "import { ServerRegistry } from './core/registry.js';",
  ...servers.map((id, i) => `import * as server${i} from './servers/${id}/index.js';`),
  'const servers = new Map([',
  ...servers.map((id, i) => `  [${JSON.stringify(id)}, () => Promise.resolve(server${i})],`),
  ']);',
  'const registry = new ServerRegistry(servers);',
  'preloadSchemas();',
  'registry.loadAll().catch((error) => {',
  '  process.exitCode = 1;',
  '  console.error(error);',
  '});',
  'startupSnapshot.setDeserializeMainFunction(() => {',
  '  runCli(process.argv.slice(1), { registry }).catch((error) => {',
  '    fail(error instanceof Error ? error.message : String(error));',
  '  });',
  '});',
].join('\n');

// A snapshot's own `require` loads only node's built-in modules. Two packages are loaded at run
// time instead, from the node_modules of the checkout the blob is in (dist/gumcp.blob), found from
// node's own `--snapshot-blob` argument so that a moved checkout keeps working: the native SQLite
// addon, which a snapshot cannot hold, and iconv-lite, whose encoding tables are a quarter of the
// bundle and serve only the legacy SSE transport's body reader, which the host does not call.
const nativeRequire = `const __gumcpPackageRequire = (id) => {
  const { createRequire } = require('node:module');
  const { resolve } = require('node:path');
  const args = process.execArgv;
  const at = args.findIndex((a) => a === '--snapshot-blob' || a.startsWith('--snapshot-blob='));
  const blob = at === -1 ? undefined : args[at].includes('=') ? args[at].split('=').slice(1).join('=') : args[at + 1];
  const root = blob ? resolve(blob, '..', '..') : ${JSON.stringify(ROOT)};
  return createRequire(resolve(root, 'package.json'))(id);
};`;

rmSync(OUT_DIR, { recursive: true, force: true });
mkdirSync(OUT_DIR, { recursive: true });
await build({
  stdin: { contents: entry, resolveDir: DIST, sourcefile: 'snapshot-entry.js', loader: 'js' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: SCRIPT,
  banner: { js: nativeRequire },
  plugins: [
    {
      name: 'loaded-at-run-time',
      setup(b) {
        b.onResolve({ filter: /^(better-sqlite3|iconv-lite)$/ }, (args) => ({ path: args.path, namespace: 'run-time' }));
        b.onLoad({ filter: /.*/, namespace: 'run-time' }, (args) => ({
          contents: `module.exports = __gumcpPackageRequire(${JSON.stringify(args.path)});`,
          loader: 'js',
        }));
      },
    },
  ],
  minify: true,
  logLevel: 'warning',
  // import.meta only serves folder discovery, which the snapshot replaces with its table.
  logOverride: { 'empty-import-meta': 'silent' },
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
process.stderr.write(`built ${BLOB} (${servers.length} servers)\n`);
