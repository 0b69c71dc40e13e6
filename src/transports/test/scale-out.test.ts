import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { createKey, revokeKey } from '../../auth/keys/tenant-keys.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  type FakeProvider,
  startFakeProvider,
} from '../../auth/oauth/test/fake-provider.js';
import { credentialSourceFromEnv } from '../../auth/sources/from-env.js';
import { LocalCredentialSource } from '../../auth/sources/local.js';
import { ALL_SCOPES, type FakeSlack, startFakeSlack } from '../../servers/slack/test/fake-slack.js';
import { PostgresStore } from '../../store/postgres.js';
import { connectOver, type TransportKind } from '../../testing/clients.js';
import { type HostProcess, metricValue, startHostProcess } from '../../testing/host-process.js';
import { text } from '../../testing/mcp.js';
import { type Nginx, startNginx } from '../../testing/nginx.js';
import { freshPostgresDatabase, REDIS_URL } from '../../testing/services.js';

/**
 * The deployment README's "Running at scale" describes, for real: three hosts on one PostgreSQL and
 * one Redis, behind nginx with the shipped configuration. Clients on every transport write through
 * nginx while one host is killed with SIGKILL; every write a client saw acknowledged is then in
 * PostgreSQL, and the dead host's clients carry on through another host. A token refresh asked for
 * by two hosts at once reaches the provider once, and a revoked key is refused everywhere within seconds.
 */

const required = process.env.GUMCP_REQUIRE_SERVICES === '1';
const SERVER = 'simple-tools-server';
const run = randomBytes(3).toString('hex');

interface Deployment {
  hosts: HostProcess[];
  nginx: Nginx;
  store: PostgresStore;
  database: { drop(): Promise<void> };
  env: Record<string, string>;
  provider: FakeProvider;
  slack: FakeSlack;
}

let deployment: Deployment | undefined;
let skipped: string | undefined;

before(async () => {
  let store: PostgresStore;
  let database: { url: string; drop(): Promise<void> };
  try {
    // A database of its own: the server outlives runs, and this run's encryption key is new.
    database = await freshPostgresDatabase();
    store = await PostgresStore.open(database.url, { timeoutMs: 3_000 });
    const probe = await (await import('../../store/redis.js')).RedisStore.open(REDIS_URL, {
      timeoutMs: 3_000,
    });
    await probe.close();
  } catch (error) {
    skipped = `PostgreSQL or Redis is not reachable (${(error as Error).message})`;
    if (required) throw new Error(`${skipped}; GUMCP_REQUIRE_SERVICES=1 makes it required`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'gumcp-scale-'));
  const provider = await startFakeProvider('client_secret_post');
  provider.tokenDelayMs = 300; // so that refreshes asked for at once overlap
  const slack = await startFakeSlack();
  provider.accessToken = (n) => {
    const token = `scale-${run}-access-${n}`;
    slack.tokens.set(token, new Set(ALL_SCOPES));
    return token;
  };
  const env: Record<string, string> = {
    GUMCP_STORE: database.url,
    GUMCP_CACHE: REDIS_URL,
    ENVIRONMENT: 'embedded',
    GUMCP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    GUMCP_OAUTH_CONFIG_DIR: join(dir, 'oauth_configs'),
    GUMCP_CREDENTIALS_DIR: join(dir, 'credentials'),
    GUMCP_SLACK_API_URL: slack.apiUrl,
    GUMCP_API_KEYS: 'off',
  };
  await LocalCredentialSource.fromEnv(env).saveOAuthConfig('slack', {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    token_uri: `${provider.fake.url}/token`,
  });
  const started = await Promise.allSettled([1, 2, 3].map(() => startHostProcess(env)));
  const hosts = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const cleanUp = async () => {
    await Promise.all(hosts.map((h) => h.stop()));
    await Promise.all([store.close(), provider.close(), slack.close()]);
    await database.drop();
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await cleanUp();
    throw failed.reason;
  }
  let nginx: Nginx;
  try {
    nginx = await startNginx(hosts.map((h) => new URL(h.url).host));
  } catch (error) {
    await cleanUp();
    skipped = (error as Error).message;
    if (required) throw error;
    return;
  }
  deployment = { hosts, nginx, store, database, env, provider, slack };
});

after(async () => {
  if (!deployment) return;
  await deployment.nginx.stop();
  await Promise.all(deployment.hosts.map((h) => h.stop()));
  await deployment.store.close();
  await deployment.provider.close();
  await deployment.slack.close();
  await deployment.database.drop();
});

const ready = (t: { skip: (reason: string) => void }) => {
  if (!deployment)
    t.skip(
      `${skipped ?? 'the deployment did not start'}: skipped; set GUMCP_REQUIRE_SERVICES=1 to require it`,
    );
  return deployment;
};

describe('three hosts behind nginx on PostgreSQL and Redis', () => {
  test('writes acknowledged under load survive a host killed with SIGKILL, and its clients carry on', async (t) => {
    const d = ready(t);
    if (!d) return;
    const kinds: TransportKind[] = ['streamable-2025', 'streamable-2026', 'sse'];
    const writers = Array.from({ length: 9 }, (_, i) => ({
      user: `scale-${run}-u${i}`,
      kind: kinds[i % 3] as TransportKind,
      acked: new Map<string, string>(),
      reconnects: 0,
    }));
    const WRITES = 24;
    const connect = (w: (typeof writers)[number]) =>
      connectOver(w.kind, { hostUrl: d.nginx.url, serverId: SERVER, sessionKey: w.user });

    // Every writer holds a session before the kill, so the killed host has clients to lose.
    const clients = new Map<string, Client>();
    for (const w of writers) clients.set(w.user, await connect(w));
    const sessions = await Promise.all(
      d.hosts.map((h) => metricValue(h.metricsUrl, 'gumcp_active_connections', { server: SERVER })),
    );
    const victim = sessions.indexOf(Math.max(...sessions));
    assert.ok((sessions[victim] ?? 0) > 0, 'some sessions are on the host that will die');

    let written = 0;
    const killAt = (writers.length * WRITES) / 3;
    const deadline = Date.now() + 60_000;
    await Promise.all(
      writers.map(async (w) => {
        for (let i = 0; i < WRITES && Date.now() < deadline; ) {
          const key = `k${String(i).padStart(3, '0')}`;
          const value = `${w.user}-${i}`;
          try {
            const client = clients.get(w.user) as Client;
            // As a real client does, a call whose host went silent gives up after a while and is retried.
            const result = await client.callTool(
              { name: 'store-data', arguments: { key, value } },
              { timeout: 5_000 },
            );
            assert.equal(result.isError, undefined, text(result));
            w.acked.set(key, value);
            i++;
            if (++written === Math.floor(killAt)) d.hosts[victim]?.child.kill('SIGKILL');
          } catch {
            // The session's host died: a new session through nginx lands on a live host.
            w.reconnects++;
            assert.ok(w.reconnects <= 20, `${w.user} keeps failing to reconnect`);
            await clients
              .get(w.user)
              ?.close()
              .catch(() => undefined);
            await new Promise((r) => setTimeout(r, 100));
            clients.set(w.user, await connect(w).catch(() => clients.get(w.user) as Client));
          }
        }
      }),
    );
    await Promise.all([...clients.values()].map((c) => c.close().catch(() => undefined)));

    assert.ok(
      writers.some((w) => w.reconnects > 0),
      'the dead host had clients, and they reconnected',
    );
    for (const w of writers) {
      assert.equal(w.acked.size, WRITES, `${w.user} finished its writes through the live hosts`);
      for (const [key, value] of w.acked) {
        assert.equal(await d.store.get(`user:${SERVER}:${w.user}`, key), value, `${w.user}/${key} was kept`);
      }
    }
  });

  test('a token refresh asked for by two hosts at once reaches the provider exactly once', async (t) => {
    const d = ready(t);
    if (!d) return;
    const live = d.hosts.filter((h) => h.child.exitCode === null && h.child.signalCode === null).slice(0, 2);
    assert.equal(live.length, 2);
    const user = `scale-${run}-refresh`;
    const source = credentialSourceFromEnv(d.env, d.store).forSession();
    d.provider.refreshTokens.add(`rt-${run}`);
    await source.save('slack', user, {
      access_token: `scale-${run}-expired`,
      refresh_token: `rt-${run}`,
      expires_at: Math.floor(Date.now() / 1000) + 10, // within the refresh margin
      team: { id: 'T1', name: 'Team' },
    });
    const before = d.provider.tokenRequests().length;

    const calls = live.flatMap((host) =>
      [1, 2, 3].map(async () => {
        const client = await connectOver('streamable-2026', {
          hostUrl: host.url,
          serverId: 'slack',
          sessionKey: user,
        });
        try {
          return await client.callTool({
            name: 'read_messages',
            arguments: { channel: 'C01GENERAL', limit: 1 },
          });
        } finally {
          await client.close();
        }
      }),
    );
    const results = await Promise.all(calls);

    for (const r of results) assert.equal(r.isError, undefined, text(r));
    const refreshes = d.provider.tokenRequests().slice(before);
    assert.equal(refreshes.length, 1, 'one refresh for six calls on two hosts');
    assert.equal((refreshes[0]?.body as Record<string, string>).refresh_token, `rt-${run}`);
    const saved = await source.get('slack', user);
    assert.equal(saved?.access_token, d.provider.issued.at(-1));
  });

  test('a revoked key is refused by every host within a few seconds', async (t) => {
    const d = ready(t);
    if (!d) return;
    // This check needs keys: two hosts that require them, on the same store.
    const keyed = await Promise.all(
      [1, 2].map(() => startHostProcess({ ...d.env, GUMCP_API_KEYS: 'required' })),
    );
    t.after(() => Promise.all(keyed.map((h) => h.stop())));
    const user = `scale-${run}-keyed`;
    const created = await createKey(d.store, user);
    const ping = (host: HostProcess) =>
      fetch(`${host.url}/${SERVER}/${encodeURIComponent(`${user}:${created.key}`)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            protocolVersion: '2025-11-25',
            capabilities: {},
            clientInfo: { name: 'raw', version: '1' },
          },
        }),
      });
    for (const host of keyed) assert.equal((await ping(host)).status, 200);

    await revokeKey(d.store, created.id);
    const revokedAt = Date.now();
    for (const host of keyed) {
      while ((await ping(host)).status !== 401) {
        assert.ok(Date.now() - revokedAt < 8_000, 'refused within 8 s');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    assert.ok(
      Date.now() - revokedAt <= 5_000,
      `every host refused the key within 5 s (keys are trusted for 2 s) (took ${Date.now() - revokedAt} ms)`,
    );
  });
});

test('a user’s request limit holds across hosts, and another user is not held back by it', async (t) => {
  const d = ready(t);
  if (!d) return;
  // The limit counts in windows aligned to the clock's minutes: start well inside one.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
  const limited = await Promise.all(
    [1, 2].map(() => startHostProcess({ ...d.env, GUMCP_USER_REQUESTS_PER_MINUTE: '5' })),
  );
  t.after(() => Promise.all(limited.map((h) => h.stop())));
  const initialize = (host: HostProcess, user: string) =>
    fetch(`${host.url}/${SERVER}/${user}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-11-25',
          capabilities: {},
          clientInfo: { name: 'raw', version: '1' },
        },
      }),
    });
  const flooder = `scale-${run}-flood`;
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++)
    statuses.push((await initialize(limited[i % 2] as HostProcess, flooder)).status);

  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429], 'the sixth request, on either host, is refused');
  const refused = await initialize(limited[0] as HostProcess, flooder);
  assert.equal(refused.status, 429);
  const wait = Number(refused.headers.get('retry-after'));
  assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
  assert.match(await refused.text(), /at most 5 requests a minute for this user/);
  assert.equal((await initialize(limited[1] as HostProcess, `scale-${run}-calm`)).status, 200);
});
