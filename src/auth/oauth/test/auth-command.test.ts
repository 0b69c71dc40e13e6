import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { afterEach, test } from 'node:test';
import { runAuthCommand } from '../../../cli/auth.js';
import { defineServer, type ServerDefinition } from '../../../core/definition.js';
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
