import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLIENT_ID, CLIENT_SECRET, startFakeProvider } from '../../auth/oauth/test/fake-provider.js';
import { credentialSourceFromEnv } from '../../auth/sources/from-env.js';
import { LocalCredentialSource } from '../../auth/sources/local.js';
import type { StoredCredentials } from '../../auth/types.js';
import { ALL_SCOPES, startFakeSlack } from '../../servers/slack/test/fake-slack.js';
import { openStore } from '../../store/open.js';
import { connectOver } from '../../testing/clients.js';
import { CLI, startHostProcess } from '../../testing/host-process.js';
import { text } from '../../testing/mcp.js';
import { assertNoSecrets, recordResponseBodies } from './secret-scan.js';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Runs the CLI as a user would; its whole output is kept for the secret scan. */
function cli(args: string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  assert.equal(run.status, 0, `gumcp ${args.join(' ')} failed: ${run.stderr}`);
  return run;
}

/**
 * The whole of issue 3 through the real host process, for one credential source: a tenant key from
 * the CLI, the web connect flow against a loopback OAuth provider named by slack's oauth.json
 * (auth_uri/token_uri), a Slack tool call with the stored token, a refresh in the middle of the
 * session, and a scan of everything printed or answered for the secrets involved.
 */
async function connectCallRefresh(environment: 'local' | 'embedded') {
  const dir = await mkdtemp(join(tmpdir(), `gumcp-e2e-${environment}-`));
  const provider = await startFakeProvider('client_secret_post');
  const slack = await startFakeSlack();
  const responses = recordResponseBodies();
  // Tokens unique to this run, so that finding one in the output cannot be a coincidence.
  provider.accessToken = (n) => {
    const token = `fake-access-${n}-${randomBytes(12).toString('hex')}`;
    slack.tokens.set(token, new Set(ALL_SCOPES));
    return token;
  };
  const encryptionKey = randomBytes(32).toString('base64');
  const env: Record<string, string> = {
    ENVIRONMENT: environment,
    ...(environment === 'embedded' ? { GUMCP_ENCRYPTION_KEY: encryptionKey } : {}),
    GUMCP_OAUTH_CONFIG_DIR: join(dir, 'oauth_configs'),
    GUMCP_CREDENTIALS_DIR: join(dir, 'credentials'),
    GUMCP_STORE: `sqlite:${join(dir, 'gumcp.db')}`,
    GUMCP_SLACK_API_URL: slack.apiUrl,
    GUMCP_API_KEYS: 'required',
    GUMCP_LOG_LEVEL: 'debug',
  };
  const files = LocalCredentialSource.fromEnv(env);
  // The definition's URLs are slack.com's; only oauth.json's endpoints can reach the fake.
  await files.saveOAuthConfig('slack', {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    auth_uri: `${provider.fake.url}/authorize`,
    token_uri: `${provider.fake.url}/token`,
  });

  const created = cli(['keys', 'create', '--user', 'alice'], env);
  const apiKey = /gumcp_[0-9a-f]{8}_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0] ?? '';
  assert.ok(apiKey, 'keys create prints the key');
  const listed = cli(['keys', 'list'], env);
  assert.match(listed.stdout, /alice/);

  const host = await startHostProcess(env);
  // The test's own view of the same credential source, to check and to age what the host saved.
  const store = await openStore(env.GUMCP_STORE ?? '');
  const source = credentialSourceFromEnv(env, store).forSession();
  const auth = { authorization: `Bearer ${apiKey}` };
  try {
    // 1. The tenant opens /connect/slack with only its key (the key says who it is) and is sent to
    // the authorize endpoint of oauth.json.
    const start = await fetch(`${host.url}/connect/slack`, {
      headers: auth,
      redirect: 'manual',
    });
    assert.equal(start.status, 302);
    const authorizeUrl = new URL(start.headers.get('location') ?? '');
    assert.equal(`${authorizeUrl.origin}${authorizeUrl.pathname}`, `${provider.fake.url}/authorize`);
    const redirectUri = `${host.url}/connect/slack/callback`;
    assert.equal(authorizeUrl.searchParams.get('redirect_uri'), redirectUri);
    assert.equal(authorizeUrl.searchParams.get('client_id'), CLIENT_ID);
    assert.equal(authorizeUrl.searchParams.get('code_challenge_method'), 'S256');
    assert.match(authorizeUrl.searchParams.get('scope') ?? '', /^channels:history,.*chat:write/);

    // 2. The provider approves and sends the browser back with a code.
    const approved = await fetch(authorizeUrl, { redirect: 'manual' });
    assert.equal(approved.status, 302);
    const callback = new URL(approved.headers.get('location') ?? '');
    assert.equal(`${callback.origin}${callback.pathname}`, redirectUri);
    const code = callback.searchParams.get('code') ?? '';

    // 3. The callback exchanges the code at oauth.json's token_uri and saves alice's credentials.
    const landed = await fetch(callback);
    assert.equal(landed.status, 200, await landed.clone().text());
    assert.match(await landed.text(), /Connected Slack/);
    const [exchange] = provider.tokenRequests();
    const exchangeBody = exchange?.body as Record<string, string>;
    assert.equal(exchange?.method, 'POST');
    assert.equal(exchangeBody.grant_type, 'authorization_code');
    assert.equal(exchangeBody.code, code);
    assert.equal(exchangeBody.redirect_uri, redirectUri);
    assert.equal(exchangeBody.client_secret, CLIENT_SECRET);
    const verifier = exchangeBody.code_verifier ?? '';
    const first = (await source.get('slack', 'alice')) as StoredCredentials;
    const [token1] = provider.issued;
    assert.equal(first.access_token, token1);
    assert.deepEqual(first.team, { id: 'T1', name: 'Team' }, 'Slack fields of the token answer are kept');
    if (environment === 'local') {
      const mode = (await stat(files.credentialsFile('slack', 'alice'))).mode & 0o777;
      assert.equal(mode, 0o600);
    } else {
      await assert.rejects(stat(files.credentialsFile('slack', 'alice')), /ENOENT/);
    }

    // 4. An MCP client with alice's key calls a Slack tool: the fake Slack sees alice's token.
    const client = await connectOver('streamable-2025', {
      hostUrl: host.url,
      serverId: 'slack',
      sessionKey: 'alice',
      headers: auth,
    });
    try {
      const sent = await client.callTool({
        name: 'send_message',
        arguments: { channel: 'C01GENERAL', text: 'hi' },
      });
      assert.equal(sent.isError, undefined, text(sent));
      const post = slack.calls('chat.postMessage').at(-1);
      assert.equal(post?.httpMethod, 'POST');
      assert.equal(post?.params.text, 'hi');
      assert.equal(post?.authorization, `Bearer ${token1}`);

      // 5. The token now expires within the 5-minute margin: the next call refreshes first.
      await source.save('slack', 'alice', { ...first, expires_at: nowSeconds() + 60 });
      const read = await client.callTool({
        name: 'read_messages',
        arguments: { channel: 'C01GENERAL', limit: 2 },
      });
      assert.equal(read.isError, undefined, text(read));
      const refresh = provider.tokenRequests().at(-1);
      assert.equal(provider.tokenRequests().length, 2);
      assert.equal(refresh?.path, '/token');
      assert.deepEqual(refresh?.body, {
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      });
      const token2 = provider.issued[1] ?? '';
      assert.notEqual(token2, token1);
      assert.equal(slack.calls('conversations.history').at(-1)?.authorization, `Bearer ${token2}`);
      const second = (await source.get('slack', 'alice')) as StoredCredentials;
      assert.equal(second.access_token, token2);
      assert.ok(Number(second.expires_at) > nowSeconds() + 3000);
      assert.deepEqual(second.team, first.team, 'fields only the first answer carried are kept');
    } finally {
      await client.close();
    }

    // 6. Nothing printed, answered or exported holds a secret.
    const final = (await source.get('slack', 'alice')) as StoredCredentials;
    const metrics = await (await fetch(host.metricsUrl)).text();
    assert.match(metrics, /gumcp_connection_total\{server="slack"\}/);
    await host.stop();
    const logs = host.logs();
    assert.match(logs, /"level":20/, 'debug logging was on');
    assert.match(logs, /refreshed OAuth access token/, 'the logs cover the refresh');
    assert.match(logs, /connect: credentials saved/, 'the logs cover the connect flow');
    // The scan must see the MCP traffic too, not only the pages fetched by hand.
    const bodies = responses.bodies();
    assert.match(bodies, /Connected Slack/);
    assert.match(bodies, /"jsonrpc":"2\.0"/);
    assert.match(bodies, /has_more/, 'the read_messages answer was recorded');
    const secrets: Record<string, string> = {
      'client secret': CLIENT_SECRET,
      'first access token': token1 ?? '',
      'first refresh token': String(first.refresh_token),
      'refreshed access token': String(final.access_token),
      'refreshed refresh token': String(final.refresh_token),
      'authorization code': code,
      'PKCE verifier': verifier,
      ...(environment === 'embedded' ? { 'encryption key': encryptionKey } : {}),
    };
    const outputs = {
      'the host output': logs,
      'the keys create errors': created.stderr,
      'the keys list output': listed.stdout + listed.stderr,
      'the HTTP responses': bodies,
      'the metrics': metrics,
    };
    // The tenant key is printed once, by `keys create`, and nowhere else.
    assertNoSecrets(outputs, { ...secrets, 'tenant API key': apiKey });
    assertNoSecrets({ 'the keys create output': created.stdout }, secrets);
  } finally {
    responses.restore();
    await host.stop();
    await store.close();
    await provider.close();
    await slack.close();
    await rm(dir, { recursive: true, force: true });
  }
}

test('ENVIRONMENT=local: connect on the web, call Slack, refresh mid-session, no secret in any output', () =>
  connectCallRefresh('local'));

test('ENVIRONMENT=embedded: connect on the web, call Slack, refresh mid-session, no secret in any output', () =>
  connectCallRefresh('embedded'));
