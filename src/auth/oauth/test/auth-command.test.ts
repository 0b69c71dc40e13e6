import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { afterEach, test } from 'node:test';
import { runAuthCommand } from '../../../cli/auth.js';
import { defineServer, type ServerDefinition } from '../../../core/definition.js';
import { ToolError } from '../../../core/errors.js';
import { type FakeProvider, scriptedBrowser, startFakeProvider } from './fake-provider.js';
import { MemorySource } from './memory-source.js';
import { screen } from './screen.js';

let fp: FakeProvider | undefined;
afterEach(async () => {
  await fp?.close();
  fp = undefined;
});

const server = (auth: ServerDefinition['auth']) =>
  defineServer({ id: 'chat', name: 'Chat', description: 'A test server', auth, tools: {} });

test('auth for an OAuth server signs in through the browser and saves under the provider service', async () => {
  fp = await startFakeProvider('client_secret_basic');
  const source = new MemorySource({ fakesvc: fp.client });
  const browser = scriptedBrowser();
  const t = screen();
  await runAuthCommand({
    serverId: 'chat',
    userId: 'alice',
    definition: server({ kind: 'oauth2', provider: fp.provider, scopes: ['read'] }),
    source,
    port: 0,
    timeoutMs: 5000,
    out: t.stream,
    openBrowser: browser.open,
  });
  assert.match((await browser.visit()).text, /Signed in to fakesvc/);
  assert.equal(source.saves.length, 1);
  assert.equal(source.saves[0]?.service, 'fakesvc');
  assert.equal(source.saves[0]?.userId, 'alice');
  assert.equal(source.saves[0]?.credentials.access_token, 'at-1');
  assert.match(
    t.text(),
    /Open this URL in a browser to sign in to fakesvc:\n\n {2}http:\/\/127\.0\.0\.1:\d+\/authorize\?/,
  );
  assert.match(t.text(), /Saved the chat credentials of user alice\.\n$/);
  assert.ok(!t.text().includes('at-1'), 'no token is printed');
});

test('a failed OAuth sign-in saves nothing', async () => {
  fp = await startFakeProvider('client_secret_basic');
  fp.authorize = (query) => ({ error: 'access_denied', state: query.get('state') ?? '' });
  const source = new MemorySource({ fakesvc: fp.client });
  const browser = scriptedBrowser();
  await assert.rejects(
    runAuthCommand({
      serverId: 'chat',
      userId: 'alice',
      definition: server({ kind: 'oauth2', provider: fp.provider, scopes: [] }),
      source,
      port: 0,
      out: screen().stream,
      openBrowser: browser.open,
    }),
    /denied/,
  );
  await browser.visit();
  assert.equal(source.saves.length, 0);
});

test('auth without an oauth.json names the path the source expected, before listening or opening anything', async () => {
  fp = await startFakeProvider('client_secret_basic');
  await assert.rejects(
    runAuthCommand({
      serverId: 'chat',
      userId: 'alice',
      definition: server({ kind: 'oauth2', provider: fp.provider, scopes: [] }),
      source: new MemorySource(),
      out: screen().stream,
      openBrowser: () => assert.fail('no browser should open'),
    }),
    {
      message:
        'No OAuth client is configured for fakesvc: expected its client_id and client_secret in local_auth/oauth_configs/fakesvc/oauth.json',
    },
  );
  assert.equal(fp.fake.requests.length, 0);
});

test('auth for an API-key server prompts for its fields and saves them under the server id', async () => {
  const source = new MemorySource();
  const input = new PassThrough();
  input.end('key-abc\n');
  const t = screen();
  await runAuthCommand({
    serverId: 'chat',
    userId: 'bob',
    definition: server({ kind: 'api_key', fields: [{ name: 'api_key', label: 'API key', secret: true }] }),
    source,
    input,
    out: t.stream,
  });
  assert.deepEqual(source.saves, [{ service: 'chat', userId: 'bob', credentials: { api_key: 'key-abc' } }]);
  assert.equal(
    t.text(),
    'Enter the credentials of Chat for user bob.\nAPI key: \nSaved the chat credentials of user bob.\n',
  );
});

test('auth for a server without authentication says there is nothing to do', async () => {
  const source = new MemorySource();
  await assert.rejects(
    runAuthCommand({
      serverId: 'chat',
      userId: 'u',
      definition: server({ kind: 'none' }),
      source,
      out: screen().stream,
    }),
    { message: 'chat needs no authentication; start it with `gumcp run --server chat`' },
  );
  assert.equal(source.saves.length, 0);
});

const SUBDOMAIN = {
  name: 'subdomain',
  label: 'Zendesk subdomain',
  example: 'acme',
  pattern: /^[a-z0-9-]+$/,
  normalize: (v: string) => v.replace(/^https?:\/\//, '').replace(/\.zendesk\.com\/?$/, ''),
};

test('auth for a provider with a tenant asks for it, checks it, and signs in at the tenant’s URLs', async () => {
  fp = await startFakeProvider('client_secret_post');
  const provider = {
    ...fp.provider,
    authorizeUrl: `${fp.fake.url}/authorize?site={subdomain}`,
    tenant: SUBDOMAIN,
  };
  const source = new MemorySource({ fakesvc: fp.client });
  const browser = scriptedBrowser();
  const input = new PassThrough();
  input.end('https://acme.zendesk.com\n');
  const t = screen();
  await runAuthCommand({
    serverId: 'chat',
    userId: 'alice',
    definition: server({ kind: 'oauth2', provider, scopes: ['read'] }),
    source,
    input,
    port: 0,
    timeoutMs: 5000,
    out: t.stream,
    openBrowser: browser.open,
  });
  await browser.visit();
  assert.match(t.text(), /^Zendesk subdomain \(e\.g\. acme\): /);
  assert.equal(fp.fake.requests.find((r) => r.path === '/authorize')?.query.get('site'), 'acme');
  assert.equal(source.saves[0]?.credentials.subdomain, 'acme');
});

test('auth refuses a tenant value that is not one, before any browser opens', async () => {
  fp = await startFakeProvider('client_secret_post');
  const provider = { ...fp.provider, tenant: SUBDOMAIN };
  await assert.rejects(
    runAuthCommand({
      serverId: 'chat',
      userId: 'alice',
      definition: server({ kind: 'oauth2', provider, scopes: [] }),
      source: new MemorySource({ fakesvc: fp.client }),
      tenant: 'evil.com/path',
      out: screen().stream,
      openBrowser: () => assert.fail('no browser should open'),
    }),
    /"evil\.com\/path" is not a valid Zendesk subdomain; it looks like acme/,
  );
  assert.equal(fp.fake.requests.length, 0);
});

test('auth --api-key stores the static key an OAuth service also takes, where its tokens go', async () => {
  fp = await startFakeProvider('client_secret_post');
  const source = new MemorySource();
  const input = new PassThrough();
  input.end('sk_test_123\n');
  await runAuthCommand({
    serverId: 'chat',
    userId: 'alice',
    definition: server({
      kind: 'oauth2',
      provider: fp.provider,
      scopes: [],
      apiKey: { fields: [{ name: 'api_key', label: 'Secret key', secret: true }] },
    }),
    source,
    input,
    useApiKey: true,
    out: screen().stream,
  });
  assert.deepEqual(source.saves, [
    { service: 'fakesvc', userId: 'alice', credentials: { api_key: 'sk_test_123' } },
  ]);
  assert.equal(fp.fake.requests.length, 0);
});

test('auth --api-key for an OAuth-only service says so', async () => {
  fp = await startFakeProvider('client_secret_post');
  await assert.rejects(
    runAuthCommand({
      serverId: 'chat',
      userId: 'alice',
      definition: server({ kind: 'oauth2', provider: fp.provider, scopes: [] }),
      source: new MemorySource(),
      useApiKey: true,
      out: screen().stream,
    }),
    { message: 'Chat signs in with OAuth only; run `gumcp auth chat`' },
  );
});

test('an API key is checked with the service before it is saved; optional fields may stay empty', async () => {
  const checked: Record<string, string>[] = [];
  const definition = server({
    kind: 'api_key',
    fields: [
      { name: 'api_key', label: 'API key', secret: true },
      { name: 'region', label: 'Region', optional: true },
    ],
    async verify(values) {
      checked.push({ ...values });
      if (values.api_key !== 'good-key-us2') throw new ToolError('The service refused this API key');
      return { data_center: 'us2' };
    },
  });
  const run = async (answers: string) => {
    const source = new MemorySource();
    const input = new PassThrough();
    input.end(answers);
    const t = screen();
    const done = runAuthCommand({
      serverId: 'chat',
      userId: 'bob',
      definition,
      source,
      input,
      out: t.stream,
    });
    return { source, done, t };
  };

  const good = await run('good-key-us2\n\n');
  await good.done;
  assert.deepEqual(good.source.saves[0]?.credentials, { api_key: 'good-key-us2', data_center: 'us2' });
  assert.match(good.t.text(), /Region \(optional\): /);

  const bad = await run('wrong-key\neu\n');
  await assert.rejects(bad.done, { message: 'The service refused this API key' });
  assert.equal(bad.source.saves.length, 0);
  assert.deepEqual(checked, [{ api_key: 'good-key-us2' }, { api_key: 'wrong-key', region: 'eu' }]);
});
