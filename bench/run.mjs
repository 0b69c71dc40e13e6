// `npm run bench`: measures the built host (dist/) against two references in one run, prints a
// table and one JSON line, and saves bench/results/latest.json. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coldStart } from './coldstart.mjs';
import { assertLoopback, inParallel, keepAliveAgent, runLoad } from './load.mjs';
import { cpuMs, hasTaskset, pin, rssMiB, startServer } from './proc.mjs';
import { PROTOCOLS } from './protocols.mjs';
import { printReport } from './report.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_DIST points at another build output (e.g. build-bench/) instead of dist/.
const DIST = join(ROOT, process.env.BENCH_DIST ?? 'dist');
const CLI = join(DIST, 'cli', 'main.js');
const BLOB = join(DIST, 'gumcp.blob');
const QUICK = process.env.BENCH_QUICK === '1';
const PROFILE = process.env.BENCH_PROFILE === '1';

// Sized so that the whole run stays under ~5 minutes on 2 cores; BENCH_QUICK=1 for a smoke run.
const PLAN = {
  inFlight: [32, 128],
  throughput: { requests: QUICK ? 2_000 : 50_000, seconds: QUICK ? 1 : 5 },
  warmup: { requests: QUICK ? 500 : 5_000, seconds: QUICK ? 0.5 : 2 },
  soak: { requests: QUICK ? 5_000 : 100_000, seconds: QUICK ? 2 : 20, inFlight: 32 },
  sessions: QUICK ? [100, 1_000] : [1_000, 10_000],
  sessionOpenWidth: 64,
  coldRuns: QUICK ? 3 : 20,
};
const SERVER_CORE = '0';
const SETTLE_MS = 5_000;
const CLIENT_CORE = '1';
const OPEN_FILES_NEEDED = 2 * Math.max(...PLAN.sessions) + 2_000;

/** 10,000 held streams need that many sockets here and in the server: raise the limit first. */
function ensureOpenFiles() {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const soft = Number(/Max open files\s+(\d+|unlimited)/.exec(limits)?.[1] ?? 0);
  if (Number.isNaN(soft) || soft >= OPEN_FILES_NEEDED || process.env.BENCH_ULIMIT_RAISED) return;
  const script = `ulimit -n ${OPEN_FILES_NEEDED * 2} 2>/dev/null || ulimit -n $(ulimit -Hn); exec "$0" "$@"`;
  const result = spawnSync('sh', ['-c', script, process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_ULIMIT_RAISED: '1' },
  });
  process.exit(result.status ?? 1);
}

const TARGETS = [
  {
    name: 'bare',
    args: (port) => [join(ROOT, 'bench', 'reference-bare.mjs'), String(port)],
    tool: { name: 'store-data', args: (i) => ({ key: `k${i % 100}`, value: 'v' }) },
  },
  {
    name: 'sdk',
    args: (port) => [join(ROOT, 'bench', 'reference-sdk.mjs'), String(port)],
    tool: { name: 'echo', args: () => ({ text: 'v' }) },
  },
  {
    name: 'gumcp',
    args: (port, metricsPort) => [
      CLI,
      'serve',
      '--port',
      String(port),
      '--metrics-port',
      String(metricsPort),
    ],
    env: {
      GUMCP_STORE: 'memory:',
      GUMCP_LOG_LEVEL: 'warn',
      GUMCP_MAX_SESSIONS: String(Math.max(...PLAN.sessions) * 4),
    },
    tool: { name: 'store-data', args: (i) => ({ key: `k${i % 100}`, value: 'v' }) },
    soak: true,
  },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const endpointOf = (server) => `${server.url}/simple-tools-server/bench`;

/** Least-squares slope of y over x. */
function slope(points) {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

/**
 * One bounded load run on one connection/session, with the server's CPU over the run and its RSS
 * sampled every 250 ms: the growth rate is the fitted slope, less noisy than end minus start.
 */
async function measure(server, protocol, tool, inFlight, bounds) {
  const agent = keepAliveAgent(inFlight);
  const client = await protocol.connect(endpointOf(server), tool, agent);
  const cpu0 = cpuMs(server.pid);
  const rss0 = rssMiB(server.pid);
  const t0 = performance.now();
  const samples = [{ x: 0, y: rss0 }];
  const sampler = setInterval(
    () => samples.push({ x: (performance.now() - t0) / 1000, y: rssMiB(server.pid) }),
    250,
  );
  const result = await runLoad({ call: (i) => client.call(i), concurrency: inFlight, ...bounds });
  clearInterval(sampler);
  const cpu = cpuMs(server.pid) - cpu0;
  const rss1 = rssMiB(server.pid);
  samples.push({ x: result.seconds, y: rss1 });
  await client.close();
  agent.destroy();
  return {
    ...result,
    cpuUsPerRequest: (cpu * 1000) / result.requests,
    rssStartMiB: rss0,
    rssEndMiB: rss1,
    rssGrowthMiBPer100k: (slope(samples) * 100_000) / result.rps,
  };
}

/** Sum of the host's live sessions from its metrics, or undefined for a reference. */
async function liveSessions(server) {
  if (!server.metrics) return undefined;
  const text = await (await fetch(`${server.sideUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('gumcp_active_connections{'))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

/** Opens n sessions that each hold their event stream, then closes them; RSS at each step. */
async function sessionsRun(server, protocol, n) {
  const agent = keepAliveAgent(PLAN.sessionOpenWidth);
  const endpoint = endpointOf(server);
  const rssBefore = rssMiB(server.pid);
  const open = new Array(n);
  let failures = 0;
  const openMs = await inParallel(n, PLAN.sessionOpenWidth, async (i) => {
    try {
      open[i] = await protocol.open(endpoint, agent);
    } catch {
      failures++;
    }
  });
  await sleep(500);
  const rssOpen = rssMiB(server.pid);
  const live = await liveSessions(server);
  await inParallel(n, PLAN.sessionOpenWidth, async (i) => {
    await open[i]?.close().catch(() => undefined);
  });
  // Bounded wait for the server to notice every close.
  for (let t = 0; t < 40 && (await liveSessions(server)) > 0; t++) await sleep(250);
  // Then as long again for the server to settle (gumcp returns memory a few seconds after a burst).
  await sleep(SETTLE_MS);
  agent.destroy();
  return {
    protocol: protocol.name,
    sessions: n,
    failures,
    liveWhileOpen: live,
    openMs,
    msPerSession: openMs / n,
    rssBeforeMiB: rssBefore,
    rssOpenMiB: rssOpen,
    kibPerSession: ((rssOpen - rssBefore) * 1024) / n,
    rssAfterCloseMiB: rssMiB(server.pid),
  };
}

/** Starts the target's server on the server core, runs `fn(server)`, and stops it. */
async function withServer(target, fn, { profile = false } = {}) {
  const profileDir = join(ROOT, 'bench', 'results', 'profile');
  const nodeFlags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const server = await startServer({ args: target.args, env: target.env, core: SERVER_CORE, nodeFlags });
  server.metrics = target.name === 'gumcp';
  assertLoopback(server.url);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

async function benchTarget(target) {
  const out = { target: target.name, throughput: [], sessions: [], soak: [] };
  await withServer(
    target,
    async (server) => {
      out.rssIdleMiB = rssMiB(server.pid);
      for (const protocol of PROTOCOLS) {
        await measure(server, protocol, target.tool, 32, PLAN.warmup);
        for (const inFlight of PLAN.inFlight) {
          const r = await measure(server, protocol, target.tool, inFlight, PLAN.throughput);
          out.throughput.push({ protocol: protocol.name, inFlight, ...r });
          log(`${target.name} ${protocol.name} x${inFlight}: ${r.rps.toFixed(0)} req/s, ${r.errors} errors`);
        }
      }
      if (!target.soak) return;
      for (const protocol of PROTOCOLS) {
        const r = await measure(server, protocol, target.tool, PLAN.soak.inFlight, PLAN.soak);
        out.soak.push({ protocol: protocol.name, ...r });
        log(
          `${target.name} soak ${protocol.name}: ${r.requests} requests, ${r.rssGrowthMiBPer100k.toFixed(1)} MiB/100k`,
        );
      }
    },
    { profile: PROFILE && target.name === 'gumcp' },
  );
  // A fresh process for each session run: memory freed by an earlier run stays resident and
  // would hide what the next one costs.
  for (const protocol of PROTOCOLS.filter((p) => p.hasSessions)) {
    for (const n of PLAN.sessions) {
      const r = await withServer(target, (server) => sessionsRun(server, protocol, n));
      out.sessions.push(r);
      log(
        `${target.name} ${protocol.name} ${n} sessions: ${(r.openMs / 1000).toFixed(1)} s, ${r.failures} failed`,
      );
    }
  }
  return out;
}

const log = (line) => process.stderr.write(`[bench] ${line}\n`);

/** bench/floor.mjs in its own process on the server's core: the SDK's cost with no HTTP at all. */
function sdkFloor() {
  const script = [join(ROOT, 'bench', 'floor.mjs'), DIST];
  const command = hasTaskset ? 'taskset' : process.execPath;
  const args = [...(hasTaskset ? ['-c', SERVER_CORE, process.execPath] : []), '--expose-gc', ...script];
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) throw new Error(`bench/floor.mjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

async function main() {
  ensureOpenFiles();
  for (const built of [CLI, BLOB]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run bench\` (it builds first)`);
  }
  const pinned = pin(process.pid, CLIENT_CORE);
  log(
    `taskset: ${hasTaskset ? `server on core ${SERVER_CORE}, load on core ${CLIENT_CORE}` : 'not available'}`,
  );
  const started = Date.now();
  const targets = [];
  for (const target of TARGETS) targets.push(await benchTarget(target));
  log('SDK floor, in process');
  const floor = sdkFloor();
  // Cold start is a desktop client's view: let the spawned processes use every core.
  if (pinned) pin(process.pid, `0-${cpus().length - 1}`);
  log('stdio cold start');
  const cold = await coldStart({
    variants: [
      { name: 'from modules', nodeArgs: [CLI] },
      { name: 'from snapshot', nodeArgs: ['--snapshot-blob', BLOB] },
    ],
    serverId: 'simple-tools-server',
    runs: PLAN.coldRuns,
    env: { GUMCP_STORE: 'memory:', GUMCP_LOG_LEVEL: 'warn' },
  });
  const results = {
    when: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    pinned,
    quick: QUICK,
    plan: PLAN,
    seconds: (Date.now() - started) / 1000,
    targets,
    floor,
    coldStart: cold,
  };
  printReport(results);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
