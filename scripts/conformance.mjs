#!/usr/bin/env node
// Runs the official MCP conformance suite (@modelcontextprotocol/conformance, every server scenario)
// against the `conformance` fixture server, served by the built host over Streamable HTTP.
//
//   npx tsc -p . && node scripts/conformance.mjs      (or: npm run conformance)
//
// Starts `node dist/cli/main.js serve` on free loopback ports, waits for /health_check, runs the suite,
// prints its summary and the failed checks and warnings, stops the host. Exits 1 when any check failed
// or warned (a SHOULD not met), 2 when the run could not happen at all. The host log and the suite's
// per-scenario checks.json files are kept in a temporary folder whose path is printed.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOST_ENTRY = join(ROOT, 'dist', 'cli', 'main.js');
const SUITE_ENTRY = join(ROOT, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
const GLOBSYNC_HOOK = join(ROOT, 'scripts', 'node20-globsync.mjs');
/** The fixture's id, then a user id as the session key: the host's /{server}/{session_key} layout. */
const MCP_PATH = '/conformance/conformance-user';
const READY_TIMEOUT_MS = 30_000;
const SUITE_TIMEOUT_MS = 10 * 60_000;
const STOP_TIMEOUT_MS = 5_000;

class RunError extends Error {}

/** A port nobody listens on right now, chosen by the OS on loopback. */
async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file, lines = 30) {
  if (!fs.existsSync(file)) return '(no log)';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function startHost(port, metricsPort, logFile) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [HOST_ENTRY, 'serve', '--port', String(port), '--metrics-port', String(metricsPort)],
    {
      cwd: ROOT,
      // Loopback only, and nothing written to disk: the run must leave no data behind.
      env: { ...process.env, GUMCP_HOST: '127.0.0.1', GUMCP_STORE: 'memory:' },
      stdio: ['ignore', log, log],
    },
  );
  fs.closeSync(log);
  return child;
}

/** Polls GET /health_check until the host answers and lists the fixture; bounded by READY_TIMEOUT_MS. */
async function waitForHealth(baseUrl, host, logFile) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (host.exitCode !== null || host.signalCode !== null) {
      throw new RunError(
        `the host exited (${host.exitCode ?? host.signalCode}) before it was ready:\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/health_check`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) {
        const body = await response.json();
        if (Array.isArray(body.servers) && !body.servers.includes('conformance')) {
          throw new RunError('the host does not serve "conformance": rebuild dist with `npx tsc -p .`');
        }
        return;
      }
    } catch (error) {
      if (error instanceof RunError) throw error;
      // not listening yet
    }
    await sleep(200);
  }
  throw new RunError(
    `the host did not answer /health_check within ${READY_TIMEOUT_MS / 1000}s:\n${tail(logFile)}`,
  );
}

/** Runs the suite's CLI; its full output goes to `outputLog`, and the summary is printed. */
async function runSuite(url, resultsDir, outputLog) {
  // 0.1.16 imports fs.globSync by name, which Node 20 lacks; the hook supplies it.
  const nodeFlags = typeof fs.globSync === 'function' ? [] : ['--import', pathToFileURL(GLOBSYNC_HOOK).href];
  const child = spawn(
    process.execPath,
    [...nodeFlags, SUITE_ENTRY, 'server', '--url', url, '--suite', 'all', '-o', resultsDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  child.stderr.on('data', (chunk) => chunks.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), SUITE_TIMEOUT_MS);
  const [code, signal] = await once(child, 'close');
  clearTimeout(timer);
  const output = Buffer.concat(chunks).toString();
  fs.writeFileSync(outputLog, output);
  const summary = output.indexOf('=== SUMMARY ===');
  process.stdout.write(summary >= 0 ? `${output.slice(summary).trim()}\n` : output);
  if (signal) throw new RunError(`the suite was killed (${signal}) after ${SUITE_TIMEOUT_MS / 1000}s`);
  return code;
}

/**
 * Each scenario's failed checks, and its warnings (a SHOULD not met), read from the checks.json files
 * the suite saved. A warning fails the run too: the host is held to every SHOULD the suite checks.
 */
function failedChecks(resultsDir) {
  const failures = [];
  for (const dir of fs.readdirSync(resultsDir).sort()) {
    const file = join(resultsDir, dir, 'checks.json');
    if (!fs.existsSync(file)) continue;
    const scenario = dir.replace(/^server-/, '').replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, '');
    for (const check of JSON.parse(fs.readFileSync(file, 'utf8'))) {
      if (check.status === 'FAILURE' || check.status === 'WARNING') failures.push({ scenario, ...check });
    }
  }
  return failures;
}

async function stopHost(host) {
  if (host.exitCode !== null || host.signalCode !== null) return;
  const exited = once(host, 'exit');
  host.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
  if (!stopped) {
    host.kill('SIGKILL');
    await exited;
  }
}

async function main() {
  for (const [file, hint] of [
    [HOST_ENTRY, 'build it with `npx tsc -p .`'],
    [SUITE_ENTRY, 'install dev dependencies with `npm ci`'],
  ]) {
    if (!fs.existsSync(file)) throw new RunError(`${file} is missing: ${hint}`);
  }
  const workDir = fs.mkdtempSync(join(tmpdir(), 'gumcp-conformance-'));
  const resultsDir = join(workDir, 'results');
  const hostLog = join(workDir, 'host.log');
  const port = await freePort();
  let metricsPort = await freePort();
  while (metricsPort === port) metricsPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  console.log(`Host log and results: ${workDir}`);
  const host = startHost(port, metricsPort, hostLog);
  const stopOnSignal = () => void stopHost(host).then(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    await waitForHealth(baseUrl, host, hostLog);
    console.log(`Host ready on ${baseUrl}; running the conformance suite against ${baseUrl}${MCP_PATH}\n`);
    const code = await runSuite(`${baseUrl}${MCP_PATH}`, resultsDir, join(workDir, 'suite.log'));
    const failures = fs.existsSync(resultsDir) ? failedChecks(resultsDir) : [];
    if (failures.length > 0) {
      console.log('\nFailed checks and warnings:');
      for (const f of failures) {
        console.log(`  ${f.status} ${f.scenario} / ${f.id}: ${f.errorMessage ?? f.description}`);
      }
    }
    if (code !== 0 && failures.length === 0) {
      console.log(`\nThe suite exited with code ${code}; see ${join(workDir, 'suite.log')}`);
    }
    return code === 0 && failures.length === 0 ? 0 : 1;
  } finally {
    await stopHost(host);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`conformance: ${error instanceof RunError ? error.message : (error?.stack ?? error)}`);
    process.exit(2);
  },
);
