import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { OAuthProvider } from '../../../core/definition.js';
import { ToolError } from '../../../core/errors.js';
import { signInWithBrowser } from '../authorize.js';
import { refreshingLookup } from '../refresh.js';
import { checkTenant } from '../token.js';
import { type FakeProvider, scriptedBrowser, startFakeProvider } from './fake-provider.js';
import { MemorySource } from './memory-source.js';
import { screen } from './screen.js';

/**
 * The provider quirks integrations declare as data: no PKCE, a JSON token request (Notion), a tenant
 * in the provider's URLs (a Zendesk subdomain), and a discovery call after sign-in (Jira's cloud id).
 */

let fp: FakeProvider | undefined;
afterEach(async () => {
  await fp?.close();
  fp = undefined;
});

async function signIn(p: FakeProvider, tenant?: string) {
  const browser = scriptedBrowser();
  const credentials = await signInWithBrowser({
    provider: p.provider,
    scopes: ['read'],
    client: p.client,
    port: 0,
    timeoutMs: 5000,
    out: screen().stream,
    openBrowser: browser.open,
    ...(tenant ? { tenant } : {}),
  });
  await browser.visit();
  return credentials;
}

const authorizeQuery = (p: FakeProvider) =>
  p.fake.requests.find((r) => r.path === '/authorize')?.query ?? assert.fail('no authorize request');

test('a provider without PKCE gets no challenge at authorize and no verifier at the token endpoint', async () => {
  fp = await startFakeProvider('client_secret_post', { pkce: false });
  const credentials = await signIn(fp);

  assert.equal(credentials.access_token, 'at-1');
  assert.equal(authorizeQuery(fp).get('code_challenge'), null);
  assert.equal(authorizeQuery(fp).get('code_challenge_method'), null);
  const body = fp.tokenRequests()[0]?.body as Record<string, string>;
  assert.equal(body.grant_type, 'authorization_code');
  assert.equal('code_verifier' in body, false);
});

test('a JSON token request sends the grant as a JSON object, with Basic client auth', async () => {
  fp = await startFakeProvider('client_secret_basic', { tokenRequestBody: 'json' });
  await signIn(fp);

  const [token] = fp.tokenRequests();
  assert.match(String(token?.headers['content-type']), /^application\/json/);
  assert.match(String(token?.headers.authorization), /^Basic /);
  const body = JSON.parse(token?.rawBody ?? '') as Record<string, string>;
  assert.equal(body.grant_type, 'authorization_code');
  assert.equal(typeof body.code, 'string');
  assert.equal(typeof body.code_verifier, 'string');
});

const subdomain = {
  name: 'subdomain',
  label: 'Zendesk subdomain',
  example: 'acme (from acme.zendesk.com)',
  pattern: /^[a-z0-9][a-z0-9-]{0,62}$/,
  normalize: (v: string) => v.replace(/^https?:\/\//, '').replace(/\.zendesk\.com\/?$/, ''),
};

function withTenant(p: FakeProvider): OAuthProvider {
  return {
    ...p.provider,
    authorizeUrl: `${p.fake.url}/authorize?site={subdomain}`,
    tokenUrl: `${p.fake.url}/token?site={subdomain}`,
    tenant: subdomain,
  };
}

test('the tenant fills the provider URLs at sign-in and at refresh, and is stored with the tokens', async () => {
  fp = await startFakeProvider('client_secret_post');
  fp.provider = withTenant(fp);
  const credentials = await signIn(fp, 'acme');

  assert.equal(authorizeQuery(fp).get('site'), 'acme');
  assert.equal(fp.tokenRequests()[0]?.query.get('site'), 'acme');
  assert.equal(credentials.subdomain, 'acme');

  const source = new MemorySource({ fakesvc: fp.client });
  await source.save('fakesvc', 'alice', { ...credentials, expires_at: 1 });
  const provider = fp.provider;
  const lookup = refreshingLookup({
    source,
    authSpec: async () => ({ kind: 'oauth2', provider, scopes: [] }),
  });
  const fresh = await lookup('zendesk', 'alice');

  assert.equal(fresh?.access_token, 'at-2');
  assert.equal(fresh?.subdomain, 'acme', 'the tenant survives a refresh');
  const refresh = fp.tokenRequests()[1];
  assert.equal((refresh?.body as Record<string, string>).grant_type, 'refresh_token');
  assert.equal(refresh?.query.get('site'), 'acme');
});

test('a tenant value is normalized and checked, and a value that could change the host is refused', () => {
  const provider = { service: 'zendesk', authorizeUrl: '', tokenUrl: '', tenant: subdomain };
  assert.equal(checkTenant(provider, ' https://acme.zendesk.com/ '), 'acme');
  for (const bad of ['evil.com/x', 'a b', '', 'acme.zendesk.com@evil.com']) {
    assert.throws(
      () => checkTenant(provider, bad),
      (e: Error) => e instanceof ToolError && /Zendesk subdomain/.test(e.message),
    );
  }
});

test('discovery after sign-in stores what it learns beside the tokens, and cannot replace them', async () => {
  fp = await startFakeProvider('client_secret_post');
  const seen: string[] = [];
  fp.provider = {
    ...fp.provider,
    async discover(credentials) {
      seen.push(String(credentials.access_token));
      return { cloud_id: 'cloud-1', access_token: 'not-this' };
    },
  };
  const credentials = await signIn(fp);

  assert.deepEqual(seen, ['at-1']);
  assert.equal(credentials.cloud_id, 'cloud-1');
  assert.equal(credentials.access_token, 'at-1');
});

test('a discovery that refuses the account fails the sign-in with its message', async () => {
  fp = await startFakeProvider('client_secret_post');
  fp.provider = {
    ...fp.provider,
    async discover() {
      throw new ToolError('This account has no Jira site');
    },
  };
  await assert.rejects(signIn(fp), { message: 'This account has no Jira site' });
});

test('a provider with a refresh endpoint of its own gets refresh grants there, not at the token URL', async () => {
  fp = await startFakeProvider('client_secret_post');
  const refreshes: string[] = [];
  fp.fake.route('POST /refresh', (req) => {
    refreshes.push((req.body as Record<string, string>).refresh_token ?? '');
    return { body: { access_token: 'at-refreshed', expires_in: 3600 } };
  });
  const provider = { ...fp.provider, refreshUrl: `${fp.fake.url}/refresh` };
  const source = new MemorySource({ fakesvc: fp.client });
  await source.save('fakesvc', 'alice', { access_token: 'at-old', refresh_token: 'rt-keep', expires_at: 1 });
  const lookup = refreshingLookup({
    source,
    authSpec: async () => ({ kind: 'oauth2', provider, scopes: [] }),
  });

  const fresh = await lookup('figma', 'alice');

  assert.deepEqual(refreshes, ['rt-keep']);
  assert.equal(fp.tokenRequests().length, 0);
  assert.equal(fresh?.access_token, 'at-refreshed');
  assert.equal(fresh?.refresh_token, 'rt-keep', 'the refresh token is kept when none comes back');
});

test('a provider’s own token request headers go with the code exchange and the refresh', async () => {
  fp = await startFakeProvider('client_secret_post');
  fp.provider = {
    ...fp.provider,
    tokenRequestHeaders: () => ({ 'user-agent': 'server:gumcp-test:v1 (by /u/gumcp)' }),
  };
  const credentials = await signIn(fp);
  const source = new MemorySource({ fakesvc: fp.client });
  await source.save('fakesvc', 'alice', { ...credentials, expires_at: 1 });
  const provider = fp.provider;
  await refreshingLookup({ source, authSpec: async () => ({ kind: 'oauth2', provider, scopes: [] }) })(
    'r',
    'alice',
  );

  assert.deepEqual(
    fp.tokenRequests().map((r) => [(r.body as Record<string, string>).grant_type, r.headers['user-agent']]),
    [
      ['authorization_code', 'server:gumcp-test:v1 (by /u/gumcp)'],
      ['refresh_token', 'server:gumcp-test:v1 (by /u/gumcp)'],
    ],
  );
});

test('a provider’s extra code-exchange fields go with the exchange only, and discovery learns the token URL', async () => {
  fp = await startFakeProvider('client_secret_post');
  let told: string | undefined;
  fp.provider = {
    ...fp.provider,
    tokenParams: { expiring: '1' },
    async discover(_credentials, context) {
      told = context?.tokenUrl;
      return {};
    },
  };
  const credentials = await signIn(fp);
  const source = new MemorySource({ fakesvc: fp.client });
  await source.save('fakesvc', 'alice', { ...credentials, expires_at: 1 });
  const provider = fp.provider;
  await refreshingLookup({ source, authSpec: async () => ({ kind: 'oauth2', provider, scopes: [] }) })(
    's',
    'alice',
  );

  const [exchange, refresh] = fp.tokenRequests().map((r) => r.body as Record<string, string>);
  assert.equal(exchange?.expiring, '1');
  assert.equal(refresh?.grant_type, 'refresh_token');
  assert.equal(refresh?.expiring, undefined);
  assert.equal(told, `${fp.fake.url}/token`);
});

test('a token answer without expires_in takes the provider’s assumed lifetime, so it is refreshed in time', async () => {
  fp = await startFakeProvider('client_secret_post');
  fp.expiresIn = 0; // the fake then leaves expires_in out
  fp.provider = { ...fp.provider, assumedLifetimeSeconds: 3600 };
  const before = Math.floor(Date.now() / 1000);
  const credentials = await signIn(fp);
  assert.ok(
    Number(credentials.expires_at) >= before + 3600 && Number(credentials.expires_at) <= before + 3610,
  );
});
