import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { connectOver } from '../../testing/clients.js';
import { CLI, type HostProcess, postInitialize, startHostProcess } from '../../testing/host-process.js';
import { text } from '../../testing/mcp.js';

const SERVER = 'simple-tools-server';
describe('tenants with API keys, on the embedded SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gumcp-tenants-'));
  const env = { GUMCP_STORE: `sqlite:${join(dir, 'gumcp.db')}`, GUMCP_API_KEYS: 'auto' };
  let host: HostProcess;
  let aliceKey = '';

  before(async () => {
    const created = spawnSync(process.execPath, [CLI, 'keys', 'create', '--user', 'alice'], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    assert.equal(created.status, 0, created.stderr);
    aliceKey = /gumcp_[A-Za-z0-9_-]+/.exec(created.stdout)?.[0] ?? '';
    assert.ok(aliceKey, created.stdout);
    // A second tenant, so that revoking alice's key leaves the host with keys (auto mode stays on).
    spawnSync(process.execPath, [CLI, 'keys', 'create', '--user', 'bob'], {
      env: { ...process.env, ...env },
    });
    host = await startHostProcess(env);
  });
  after(async () => {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('without a key, or with a wrong one, the host answers 401 with a clear message', async () => {
    const none = await postInitialize(`${host.url}/${SERVER}/alice`);
    assert.equal(none.status, 401);
    assert.match(((await none.json()) as { error: { message: string } }).error.message, /API key required/);
    const wrong = await postInitialize(`${host.url}/${SERVER}/alice`, {
      authorization: 'Bearer gumcp_00000000_wrong',
    });
    assert.equal(wrong.status, 401);
    assert.match(
      ((await wrong.json()) as { error: { message: string } }).error.message,
      /Invalid or revoked/,
    );
  });

  test('a key cannot act as another user', async () => {
    const response = await postInitialize(`${host.url}/${SERVER}/bob`, {
      authorization: `Bearer ${aliceKey}`,
    });
    assert.equal(response.status, 403);
  });

  test('a key in the Authorization header or in the URL session key serves its user', async () => {
    const byHeader = await connectOver('streamable-2025', {
      hostUrl: host.url,
      serverId: SERVER,
      sessionKey: 'alice',
      headers: { authorization: `Bearer ${aliceKey}` },
    });
    await byHeader.callTool({ name: 'store-data', arguments: { key: 'k', value: 'from-header' } });
    await byHeader.close();
    const byUrl = await connectOver('sse', {
      hostUrl: host.url,
      serverId: SERVER,
      sessionKey: `alice:${aliceKey}`,
    });
    assert.equal(
      text(await byUrl.callTool({ name: 'retrieve-data', arguments: { key: 'k' } })),
      'from-header',
    );
    await byUrl.close();
    assert.equal(host.logs().includes(aliceKey), false);
  });

  test('data survives a restart of the host', async () => {
    const client = await connectOver('streamable-2026', {
      hostUrl: host.url,
      serverId: SERVER,
      sessionKey: `alice:${aliceKey}`,
    });
    await client.callTool({ name: 'store-data', arguments: { key: 'durable', value: 'yes' } });
    await client.close();
    assert.equal(await host.stop(), 0);
    host = await startHostProcess(env);
    const again = await connectOver('streamable-2025', {
      hostUrl: host.url,
      serverId: SERVER,
      sessionKey: `alice:${aliceKey}`,
    });
    assert.equal(text(await again.callTool({ name: 'retrieve-data', arguments: { key: 'durable' } })), 'yes');
    await again.close();
  });

  test('a revoked key stops working', async () => {
    const id = /gumcp_([0-9a-f]{8})_/.exec(aliceKey)?.[1] ?? '';
    const revoked = spawnSync(process.execPath, [CLI, 'keys', 'revoke', id], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    assert.equal(revoked.status, 0, revoked.stderr);
    await host.stop();
    host = await startHostProcess(env);
    const response = await postInitialize(`${host.url}/${SERVER}/alice`, {
      authorization: `Bearer ${aliceKey}`,
    });
    assert.equal(response.status, 401);
  });
});
