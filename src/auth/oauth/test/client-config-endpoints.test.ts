import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { OAuthProvider } from '../../../core/definition.js';
import type { OAuthClientConfig } from '../../types.js';
import { signInWithBrowser } from '../authorize.js';
import { refreshingLookup } from '../refresh.js';
import { oauthClient } from '../token.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  type FakeProvider,
  scriptedBrowser,
  startFakeProvider,
} from './fake-provider.js';
import { MemorySource } from './memory-source.js';
import { screen } from './screen.js';

let fp: FakeProvider | undefined;
afterEach(async () => {
  await fp?.close();
  fp = undefined;
});

/** The definition's endpoints point nowhere reachable: only the client config's can make a flow work. */
const unreachable = (p: FakeProvider): OAuthProvider => ({
  ...p.provider,
  authorizeUrl: 'https://authorize.invalid/oauth/authorize',
  tokenUrl: 'https://token.invalid/oauth/token',
});

/** Google's downloaded client file: the registration nested under `installed`, with its endpoints. */
const googleStyle = (p: FakeProvider): OAuthClientConfig => ({
  client_id: '',
  installed: {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    auth_uri: `${p.fake.url}/authorize`,
    token_uri: `${p.fake.url}/token`,
    redirect_uris: ['http://localhost'],
  },
});

test('oauthClient reads auth_uri and token_uri at the top level and inside installed or web', () => {
  const top = oauthClient(
    {
      client_id: 'id',
      auth_uri: 'https://idp.example/authorize',
      token_uri: 'https://idp.example/token',
    },
    'svc',
  );
  assert.equal(top.authorizeUrl, 'https://idp.example/authorize');
  assert.equal(top.tokenUrl, 'https://idp.example/token');
  for (const nest of ['installed', 'web']) {
    const nested = oauthClient(
      { client_id: '', [nest]: { client_id: 'id', token_uri: 'https://oauth2.googleapis.com/token' } },
      'svc',
    );
    assert.equal(nested.tokenUrl, 'https://oauth2.googleapis.com/token', nest);
    assert.equal(nested.authorizeUrl, undefined, nest);
  }
  assert.deepEqual(oauthClient({ client_id: 'id' }, 'svc'), { clientId: 'id' });
});

test('oauthClient refuses endpoints that are not URLs, or plain http away from loopback', () => {
  assert.throws(
    () => oauthClient({ client_id: 'id', token_uri: 'not a url' }, 'svc'),
    /token_uri that is not a URL/,
  );
  assert.throws(
    () => oauthClient({ client_id: 'id', auth_uri: 'http://idp.example/authorize' }, 'svc'),
    /auth_uri that is not https/,
  );
  assert.equal(
    oauthClient({ client_id: 'id', token_uri: 'http://127.0.0.1:9/token' }, 'svc').tokenUrl,
    'http://127.0.0.1:9/token',
  );
});

test('the CLI sign-in goes to the client config auth_uri and token_uri, not the definition URLs', async () => {
  fp = await startFakeProvider('client_secret_post');
  const browser = scriptedBrowser();
  const credentials = await signInWithBrowser({
    provider: unreachable(fp),
    scopes: ['read'],
    client: googleStyle(fp),
    port: 0,
    timeoutMs: 5000,
    out: screen().stream,
    openBrowser: browser.open,
  });
  assert.equal((await browser.visit()).status, 200);
  assert.equal(credentials.access_token, 'at-1');

  const [authorize, token] = fp.fake.requests;
  assert.equal(authorize?.method, 'GET');
  assert.equal(authorize?.path, '/authorize');
  assert.equal(authorize?.query.get('client_id'), CLIENT_ID);
  assert.equal(token?.method, 'POST');
  assert.equal(token?.path, '/token');
  const body = token?.body as Record<string, string>;
  assert.equal(body.grant_type, 'authorization_code');
  assert.equal(body.client_secret, CLIENT_SECRET);
});

test('refresh posts to the client config token_uri', async () => {
  fp = await startFakeProvider('client_secret_post');
  fp.refreshTokens.add('rt-old');
  const source = new MemorySource({ fakesvc: googleStyle(fp) });
  await source.save('fakesvc', 'alice', {
    access_token: 'at-old',
    refresh_token: 'rt-old',
    expires_at: Math.floor(Date.now() / 1000) + 60,
  });
  const provider = unreachable(fp);
  const lookup = refreshingLookup({
    source,
    authSpec: async () => ({ kind: 'oauth2', provider, scopes: ['read'] }),
  });
  const creds = await lookup('chat', 'alice');
  assert.equal(creds?.access_token, 'at-1');
  const [refresh, ...more] = fp.tokenRequests();
  assert.equal(more.length, 0);
  assert.equal(refresh?.method, 'POST');
  assert.deepEqual(refresh?.body, {
    grant_type: 'refresh_token',
    refresh_token: 'rt-old',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
  });
});
