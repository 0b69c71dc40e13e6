// `npm run bench:scale`: what the deployment of "Running at scale" costs, in one run.
//
//   1. The same tools/call (simple-tools-server's store-data, which writes one value) on each store:
//      memory, SQLite, PostgreSQL, Redis. Host CPU per call, throughput and latency at 32 in flight.
//   2. Throughput through nginx (deploy/nginx/gumcp.conf) with one host, and with three, against
//      one host reached directly.
//
// Needs PostgreSQL and Redis on loopback (as on the project's machines) and nginx. Prints a table and
// one JSON line. The CPU of PostgreSQL, Redis and nginx themselves is not in "host CPU": on two cores
// they compete with the host and the load generator, so the figures compare stores in one run rather
// than promise a throughput (see bench/README.md).
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertLoopback, keepAliveAgent, runLoad } from './load.mjs';
import { cpuMs, pin, startServer } from './proc.mjs';
import { PROTOCOLS } from './protocols.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const CLI = join(DIST, 'cli', 'main.js');
const QUICK = process.env.BENCH_QUICK === '1';
const LOAD = { requests: QUICK ? 2_000 : 20_000, seconds: QUICK ? 2 : 8 };
const WARMUP = { requests: QUICK ? 300 : 2_000, seconds: 1 };
const IN_FLIGHT = 32;
const POSTGRES = process.env.GUMCP_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS = process.env.GUMCP_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const stateless = PROTOCOLS.find((p) => p.name === 'streamable-2026');
const run = randomBytes(3).toString('hex');
const tool = { name: 'store-data', args: (i) => ({ key: `k${i % 100}`, value: `v${i}` }) };
const log = (line) => process.stderr.write(`[bench:scale] ${line}\n`);

const host = (env) => ({
  args: (port, side) => [CLI, 'serve', '--port', String(port), '--metrics-port', String(side)],
  env: { GUMCP_LOG_LEVEL: 'warn', ...env },
});

/** One load run against `url` for user `user`; with `pids`, the CPU those processes spent per call. */
async function load(url, user, pids = []) {
  assertLoopback(url);
  const agent = keepAliveAgent(IN_FLIGHT);
  const client = await stateless.connect(`${url}/simple-tools-server/${user}`, tool, agent);
  await runLoad({ call: (i) => client.call(i), concurrency: IN_FLIGHT, ...WARMUP });
  const cpu0 = pids.map(cpuMs);
  const result = await runLoad({ call: (i) => client.call(i), concurrency: IN_FLIGHT, ...LOAD });
  const cpu = pids.reduce((sum, pid, i) => sum + cpuMs(pid) - (cpu0[i] ?? 0), 0);
  await client.close();
  agent.destroy();
  return { ...result, cpuUsPerCall: pids.length ? (cpu * 1000) / result.requests : undefined };
}

async function stores() {
  const variants = [
    ['memory', { GUMCP_STORE: 'memory:' }],
    ['sqlite', { GUMCP_STORE: `sqlite:${join('/tmp', `gumcp-bench-${run}.db`)}` }],
    ['postgres', { GUMCP_STORE: POSTGRES }],
    ['redis', { GUMCP_STORE: REDIS }],
  ];
  const out = [];
  for (const [store, env] of variants) {
    const server = await startServer({ ...host(env), core: '0' });
    try {
      const r = await load(server.url, `bench-${run}`, [server.pid]);
      out.push({ store, ...r });
      log(
        `${store}: ${r.rps.toFixed(0)} calls/s, p99 ${r.p99.toFixed(1)} ms, ${r.cpuUsPerCall.toFixed(0)} µs host CPU/call`,
      );
    } finally {
      await server.stop();
    }
  }
  return out;
}

async function throughNginx() {
  const { startNginx } = await import(join(DIST, 'testing', 'nginx.js'));
  const env = { GUMCP_STORE: POSTGRES, GUMCP_CACHE: REDIS, GUMCP_MAX_SESSIONS: '100000' };
  const hosts = [];
  const out = [];
  try {
    for (let i = 0; i < 3; i++) hosts.push(await startServer({ ...host(env) }));
    const direct = await load(hosts[0].url, `bench-${run}-direct`, [hosts[0].pid]);
    out.push({ path: 'one host, direct', ...direct });
    for (const count of [1, 3]) {
      const nginx = await startNginx(hosts.slice(0, count).map((h) => new URL(h.url).host));
      try {
        // Several users, so that consistent hashing spreads them over the hosts.
        const users = Array.from({ length: 6 }, (_, u) => `bench-${run}-n${count}-${u}`);
        const results = await Promise.all(users.map((u) => load(nginx.url, u)));
        const requests = results.reduce((s, r) => s + r.requests, 0);
        const seconds = Math.max(...results.map((r) => r.seconds));
        const p99 = Math.max(...results.map((r) => r.p99));
        out.push({
          path: `nginx, ${count} host${count > 1 ? 's' : ''}`,
          requests,
          seconds,
          rps: requests / seconds,
          p99,
        });
        log(
          `nginx with ${count} host(s): ${(requests / seconds).toFixed(0)} calls/s, worst p99 ${p99.toFixed(1)} ms`,
        );
      } finally {
        await nginx.stop();
      }
    }
  } finally {
    await Promise.all(hosts.map((h) => h.stop()));
  }
  return out;
}

async function main() {
  pin(process.pid, '1');
  const results = {
    when: new Date().toISOString(),
    node: process.version,
    quick: QUICK,
    stores: await stores(),
  };
  pin(process.pid, '0-1');
  results.nginx = await throughNginx();
  const row = (cells) => `| ${cells.join(' | ')} |`;
  console.log('\nStores: the same store-data call at 32 in flight (2026 stateless)\n');
  console.log(row(['store', 'calls/s', 'p50 ms', 'p99 ms', 'host CPU µs/call']));
  console.log(row(['---', '---:', '---:', '---:', '---:']));
  for (const s of results.stores) {
    console.log(
      row([s.store, s.rps.toFixed(0), s.p50.toFixed(1), s.p99.toFixed(1), s.cpuUsPerCall.toFixed(0)]),
    );
  }
  console.log('\nThrough nginx (PostgreSQL + Redis behind every host)\n');
  console.log(row(['path', 'calls/s', 'worst p99 ms']));
  console.log(row(['---', '---:', '---:']));
  for (const n of results.nginx) console.log(row([n.path, n.rps.toFixed(0), n.p99.toFixed(1)]));
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench:scale failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
