import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { type FakeProvider, startFakeProvider } from '../../../auth/oauth/test/fake-provider.js';
import { MemorySource } from '../../../auth/oauth/test/memory-source.js';
import { compile } from '../../../core/compile.js';
import { defineServer, type ServerDefinition } from '../../../core/definition.js';
import { ToolError } from '../../../core/errors.js';
import { MemoryStore } from '../../../store/memory.js';
import { connectRoutes, KEY_FORMS_NAMESPACE } from '../connect.js';

/**
 * The connect pages that take input: a provider's tenant (a Zendesk subdomain) before the OAuth
 * redirect, and the key form of API-key services, checked with the service before it is saved.
 */

const KEY = 'tenant-key-of-alice';
const asAlice = { headers: { authorization: `Bearer ${KEY}` } };

let fp: FakeProvider | undefined;
afterEach(async () => {
  await fp?.close();
  fp = undefined;
});

async function setup() {
  fp = await startFakeProvider('client_secret_post');
  const provider = {
    ...fp.provider,
    authorizeUrl: `${fp.fake.url}/authorize?site={subdomain}`,
    tokenUrl: `${fp.fake.url}/token?site={subdomain}`,
    tenant: { name: 'subdomain', label: 'Zendesk subdomain', example: 'acme', pattern: /^[a-z0-9-]+$/ },
  };
  const servers = new Map<string, ServerDefinition>(
    [
      defineServer({
        id: 'helpdesk',
        name: 'Helpdesk',
        description: 'OAuth at a tenant’s own URLs',
        auth: { kind: 'oauth2', provider, scopes: ['read'] },
        tools: {},
      }),
      defineServer({
        id: 'mailer',
        name: 'Mailer',
        description: 'An API-key service',
        auth: {
          kind: 'api_key',
          fields: [
            { name: 'api_key', label: 'API key', secret: true },
            { name: 'site', label: 'Site', optional: true },
          ],
          async verify(values) {
            if (values.api_key !== 'key-us2') throw new ToolError('Mailer refused this API key');
            return { data_center: 'us2' };
          },
        },
        tools: {},
      }),
      defineServer({
        id: 'payments',
        name: 'Payments',
        description: 'OAuth, or a secret key',
        auth: {
          kind: 'oauth2',
          provider: fp.provider,
          scopes: [],
          apiKey: { fields: [{ name: 'api_key', label: 'Secret key', secret: true }] },
        },
        tools: {},
      }),
    ].map((d) => [d.id, d]),
  );
  const store = new MemoryStore();
  const source = new MemorySource({ fakesvc: fp.client });
  const app = connectRoutes({
    registry: {
      has: (id) => servers.has(id),
      load: async (id) => compile(servers.get(id) as ServerDefinition),
    },
    store,
    sources: { environment: 'local', forSession: () => source },
    authenticate: async (request) =>
      request.headers.get('authorization') === `Bearer ${KEY}`
        ? { userId: 'alice' }
        : Response.json({ error: 'invalid API key' }, { status: 401 }),
    publicUrl: 'https://mcp.example.test',
  });
  return { app, fp, store, source };
}

/** The one-use token a form page carries. */
const formToken = (page: string) =>
  /name="form_token" value="([^"]+)"/.exec(page)?.[1] ?? assert.fail('no form token');

const post = (token: string, fields: Record<string, string>) => ({
  method: 'POST',
  headers: { ...asAlice.headers, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ form_token: token, ...fields }).toString(),
});

test('a provider with a tenant asks for it first, keeping the tenant query, then redirects to its URL', async () => {
  const s = await setup();
  const form = await s.app.request('/connect/helpdesk?user_id=alice', asAlice);
  assert.equal(form.status, 200);
  const page = await form.text();
  assert.match(
    page,
    /<label for="tenant">Zendesk subdomain<\/label><input id="tenant" name="subdomain" placeholder="acme" required>/,
  );
  assert.match(
    page,
    /<form method="get" action="\/connect\/helpdesk"><input type="hidden" name="user_id" value="alice">/,
  );
  assert.match(form.headers.get('content-security-policy') ?? '', /default-src 'none'/);

  const wrong = await s.app.request('/connect/helpdesk?subdomain=evil.com%2Fx', asAlice);
  assert.equal(wrong.status, 400);
  assert.match(await wrong.text(), /is not a valid Zendesk subdomain; it looks like acme/);

  const go = await s.app.request('/connect/helpdesk?subdomain=acme', asAlice);
  assert.equal(go.status, 302);
  const authorize = new URL(go.headers.get('location') ?? '');
  assert.equal(authorize.searchParams.get('site'), 'acme');

  const back = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(back.headers.get('location') ?? '');
  const done = await s.app.request(callback.pathname + callback.search);
  assert.equal(done.status, 200, await done.clone().text());
  assert.equal(s.fp.tokenRequests()[0]?.query.get('site'), 'acme');
  assert.equal(s.source.saves[0]?.credentials.subdomain, 'acme');
});

test('an API-key service shows a form; its answer is checked with the service and saved with what it learned', async () => {
  const s = await setup();
  const form = await s.app.request('/connect/mailer', asAlice);
  assert.equal(form.status, 200);
  const page = await form.text();
  assert.match(page, /<input id="f0" name="api_key" type="password" autocomplete="off" required>/);
  assert.match(page, /Site \(optional\)/);

  const saved = await s.app.request(
    '/connect/mailer',
    post(formToken(page), { api_key: 'key-us2', site: '' }),
  );
  assert.equal(saved.status, 200);
  assert.match(await saved.text(), /Connected Mailer/);
  assert.deepEqual(s.source.saves, [
    { service: 'mailer', userId: 'alice', credentials: { api_key: 'key-us2', data_center: 'us2' } },
  ]);
  assert.deepEqual(await s.store.keys(KEY_FORMS_NAMESPACE), [], 'the form token is spent');
});

test('a refused key, an empty field, or a replayed or forged form saves nothing and shows the form again', async () => {
  const s = await setup();
  const token = formToken(await (await s.app.request('/connect/mailer', asAlice)).text());

  const refused = await s.app.request('/connect/mailer', post(token, { api_key: 'wrong-key-123' }));
  assert.equal(refused.status, 400);
  const again = await refused.text();
  assert.match(again, /role="alert">Mailer refused this API key/);
  assert.ok(!again.includes('wrong-key-123'), 'the key is not shown back');

  const replayed = await s.app.request('/connect/mailer', post(token, { api_key: 'key-us2' }));
  assert.equal(replayed.status, 400);
  assert.match(await replayed.text(), /This form expired or was already used/);

  const forged = await s.app.request('/connect/mailer', post('made-up', { api_key: 'key-us2' }));
  assert.equal(forged.status, 400);

  const empty = await s.app.request('/connect/mailer', post(formToken(again), { api_key: '' }));
  assert.equal(empty.status, 400);
  assert.match(await empty.text(), /API key cannot be empty/);

  const stranger = await s.app.request('/connect/mailer', {
    ...post(formToken(again), { api_key: 'key-us2' }),
    headers: {},
  });
  assert.equal(stranger.status, 401);
  assert.equal(s.source.saves.length, 0);
});

test('an OAuth service that also takes a secret key offers its key form with ?with=api_key', async () => {
  const s = await setup();
  const form = await s.app.request('/connect/payments?with=api_key', asAlice);
  const page = await form.text();
  assert.match(page, /Secret key/);

  const saved = await s.app.request('/connect/payments', post(formToken(page), { api_key: 'sk_test_1' }));
  assert.equal(saved.status, 200);
  assert.deepEqual(s.source.saves, [
    { service: 'fakesvc', userId: 'alice', credentials: { api_key: 'sk_test_1' } },
  ]);
  assert.equal(s.fp.fake.requests.length, 0, 'no OAuth round trip');
});
