import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { connectOver } from '../../testing/clients.js';
import {
  CLI,
  FROM_SNAPSHOT,
  postInitialize,
  SNAPSHOT_BLOB,
  startHostProcess,
} from '../../testing/host-process.js';
import { text } from '../../testing/mcp.js';

const run = promisify(execFile);

// The startup snapshot is the same CLI, started from a prebuilt heap, with each integration bundled beside it.
describe('the CLI started from its startup snapshot (dist/gumcp.blob)', () => {
  let dataDir: string;
  let env: Record<string, string>;

  before(async () => {
    assert.ok(existsSync(SNAPSHOT_BLOB), `${SNAPSHOT_BLOB} is missing: npm run build makes it`);
    dataDir = await mkdtemp(join(tmpdir(), 'gumcp-snapshot-'));
    env = { ...(process.env as Record<string, string>), GUMCP_DATA_DIR: dataDir, GUMCP_LOG_LEVEL: 'warn' };
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test('lists the same servers and tool counts as the CLI from its modules', async () => {
    const fromModules = await run(process.execPath, [CLI, 'list'], { env });
    const fromSnapshot = await run(process.execPath, [...FROM_SNAPSHOT, 'list'], { env });
    assert.equal(fromSnapshot.stdout, fromModules.stdout);
    assert.match(fromSnapshot.stdout, /^slack\s+18 tools/m);
  });

  test('holds every integration with the same tools, descriptions and schemas as the CLI from its modules', async () => {
    // `gumcp registry` loads every integration's bundle in one process: a bundle that does not load,
    // or that defines anything differently from its modules, shows here.
    const fromModules = await run(process.execPath, [CLI, 'registry'], { env, maxBuffer: 64 << 20 });
    const fromSnapshot = await run(process.execPath, [...FROM_SNAPSHOT, 'registry'], {
      env,
      maxBuffer: 64 << 20,
    });
    assert.equal(fromSnapshot.stdout, fromModules.stdout);
    assert.ok((JSON.parse(fromSnapshot.stdout) as { servers: unknown[] }).servers.length >= 60);
  });

  test('serves integrations over stdio, including those built on shared providers and run-time packages', async () => {
    // One of each kind: a plain one, Google's and Microsoft's and Atlassian's shared pieces, and the
    // packages loaded from node_modules when a tool first needs them (docx and mammoth, playwright-core,
    // snowflake-sdk).
    for (const serverId of ['slack', 'gdrive', 'teams', 'jira', 'word', 'browserbase', 'snowflake']) {
      const tools: string[][] = [];
      for (const kind of ['stdio', 'stdio-snapshot'] as const) {
        const client = await connectOver(kind, {
          serverId,
          sessionKey: 'local',
          env: { GUMCP_DATA_DIR: dataDir },
        });
        tools.push((await client.listTools()).tools.map((t) => t.name).sort());
        await client.close();
      }
      assert.ok(tools[0]?.length, serverId);
      assert.deepEqual(tools[1], tools[0], serverId);
    }
  });

  test("keeps a user's data in the SQLite file across runs: the native driver loads at run time", async () => {
    const sqliteEnv = { GUMCP_DATA_DIR: dataDir, GUMCP_STORE: `sqlite:${join(dataDir, 'snap.db')}` };
    const first = await connectOver('stdio-snapshot', {
      serverId: 'simple-tools-server',
      sessionKey: 'ana',
      env: sqliteEnv,
    });
    await first.callTool({ name: 'store-data', arguments: { key: 'city', value: 'Lisbon' } });
    await first.close();
    const second = await connectOver('stdio-snapshot', {
      serverId: 'simple-tools-server',
      sessionKey: 'ana',
      env: sqliteEnv,
    });
    const read = await second.callTool({ name: 'retrieve-data', arguments: { key: 'city' } });
    await second.close();
    assert.match(text(read), /Lisbon/);
  });

  test('a stdio session that never touches its store creates no database', async () => {
    const file = join(dataDir, 'untouched.db');
    for (const kind of ['stdio', 'stdio-snapshot'] as const) {
      const client = await connectOver(kind, {
        serverId: 'simple-tools-server',
        sessionKey: 'local',
        env: { GUMCP_STORE: `sqlite:${file}` },
      });
      assert.equal((await client.listTools()).tools.length, 3);
      await client.close();
    }
    assert.equal(existsSync(file), false);
  });

  test('hosts started from one snapshot serve HTTP and SSE, each with its own session ids', async () => {
    // State made while the snapshot was built is replayed by every process started from it; node
    // refuses crypto randomness at build time, and this checks that the ids still differ.
    const hosts = await Promise.all([1, 2].map(() => startHostProcess({}, FROM_SNAPSHOT)));
    try {
      const ids = await Promise.all(
        hosts.map(async (host) => {
          const response = await postInitialize(`${host.url}/simple-tools-server/local`);
          await response.body?.cancel();
          return response.headers.get('mcp-session-id');
        }),
      );
      assert.match(ids[0] ?? '', /^[0-9a-f-]{36}$/);
      assert.notEqual(ids[0], ids[1]);
      // Legacy SSE too: its transport's dependencies load from node_modules at run time.
      const sse = await connectOver('sse', {
        hostUrl: hosts[0]?.url,
        serverId: 'simple-tools-server',
        sessionKey: 'local',
      });
      await sse.callTool({ name: 'store-data', arguments: { key: 'k', value: 'over SSE' } });
      assert.match(text(await sse.callTool({ name: 'retrieve-data', arguments: { key: 'k' } })), /over SSE/);
      await sse.close();
    } finally {
      await Promise.all(hosts.map((host) => host.stop()));
    }
  });
});
