import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { gumcpCatalog } from '../../testing/catalog.js';
import { CLI } from '../../testing/host-process.js';

/** Servers of this project that guMCP does not have. */
const OWN_SERVERS = new Set(['conformance']);

const gumcp = (...args: string[]) =>
  execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env } });

test('gumcp registry lists every server with exactly the tools guMCP’s catalog gives it', () => {
  const { servers } = JSON.parse(gumcp('registry')) as {
    servers: { id: string; auth: { type: string }; tools: { name: string }[] }[];
  };
  const catalog = gumcpCatalog();
  assert.ok(servers.length >= 8, 'the servers are discovered');
  for (const server of servers) {
    if (OWN_SERVERS.has(server.id)) continue;
    const entry = catalog[server.id] ?? assert.fail(`${server.id} is not a guMCP server`);
    assert.deepEqual(
      server.tools.map((t) => t.name).sort(),
      Object.keys(entry.tools).sort(),
      `${server.id}: tool names`,
    );
  }
});

test('gumcp list shows each server with the catalog’s tool count', () => {
  const catalog = gumcpCatalog();
  const lines = gumcp('list').trim().split('\n');
  assert.ok(lines.length >= 8);
  for (const line of lines) {
    const match = /^(\S+)\s+(\d+) tools/.exec(line) ?? assert.fail(`unexpected line: ${line}`);
    const [, id = '', count] = match;
    if (OWN_SERVERS.has(id)) continue;
    assert.equal(Number(count), Object.keys(catalog[id]?.tools ?? {}).length, id);
  }
});
