// stdio cold start: how long a desktop client waits from spawning `gumcp run` to the answers of
// initialize and tools/list, against `node -e ''` (the cost of starting node at all). Each way of
// starting the CLI (from its modules, from the startup snapshot) is spawned in turn with the
// baseline, so that a slow moment of a shared machine falls on all of them.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { quantile } from './load.mjs';

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 'gumcp-bench', version: '1' },
  },
};
const INITIALIZED = { jsonrpc: '2.0', method: 'notifications/initialized' };
const TOOLS_LIST = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };
const TIMEOUT_MS = 20_000;

/** One spawn: ms to the initialize reply and to the tools/list reply (with its tool count). */
async function once_(nodeArgs, serverId, env) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, 'run', '--server', serverId], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
  const times = {};
  let buffer = '';
  const done = new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl = buffer.indexOf('\n');
      while (nl !== -1) {
        const message = JSON.parse(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        if (message.id === 1) {
          times.initialize = performance.now() - t0;
          child.stdin.write(`${JSON.stringify(INITIALIZED)}\n${JSON.stringify(TOOLS_LIST)}\n`);
        } else if (message.id === 2) {
          times.toolsList = performance.now() - t0;
          times.tools = message.result?.tools?.length ?? 0;
          resolve();
        }
        nl = buffer.indexOf('\n');
      }
    });
    child.once('exit', (code) => reject(new Error(`stdio server exited with ${code} before tools/list`)));
  });
  child.stdin.write(`${JSON.stringify(INITIALIZE)}\n`);
  try {
    await done;
  } finally {
    clearTimeout(timer);
    child.stdin.end();
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
  return times;
}

async function nodeBaseline() {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return performance.now() - t0;
}

const median = (values) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/**
 * Medians over `runs` spawns of each variant ({ name, nodeArgs }: the node arguments before
 * `run --server <id>`) and of the baseline.
 */
export async function coldStart({ variants, serverId, runs, env }) {
  const times = variants.map(() => ({ initialize: [], toolsList: [] }));
  const baseline = [];
  let tools = 0;
  for (let i = 0; i < runs; i++) {
    for (const [k, variant] of variants.entries()) {
      const t = await once_(variant.nodeArgs, serverId, env);
      times[k].initialize.push(t.initialize);
      times[k].toolsList.push(t.toolsList);
      tools = t.tools;
    }
    baseline.push(await nodeBaseline());
  }
  return {
    runs,
    tools,
    nodeBaselineMs: median(baseline),
    variants: variants.map((v, k) => ({
      name: v.name,
      initializeMs: median(times[k].initialize),
      toolsListMs: median(times[k].toolsList),
    })),
  };
}
