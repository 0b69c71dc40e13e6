import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { type FakeService, startFake } from '../../../testing/fake-service.js';
import { CredentialBroker } from '../broker.js';

const API_KEY = 'gl-api-key-4d9e1c';
const ROUTE = 'GET /api/v1/auth/slack/credentials';

async function fake(t: TestContext): Promise<FakeService> {
  const service = await startFake();
  t.after(() => service.close());
  return service;
}

const brokerAt = (service: FakeService, retries = 0) =>
  new CredentialBroker({ baseUrl: `${service.url}/api/v1`, retries, backoffMs: 1 });

/** Asserts a rejection's message, and that it never carries the API key. */
const rejectsWith = (promise: Promise<unknown>, message: RegExp) =>
  assert.rejects(promise, (error: Error) => {
    assert.match(error.message, message);
    assert.ok(!error.message.includes(API_KEY), `key leaked in: ${error.message}`);
    return true;
  });

test("get asks GET {base}/auth/{service}/credentials?user_id=... with the session's key and returns the body", async (t) => {
  const service = await fake(t);
  const stored = { access_token: 'xoxp-1', token_type: 'bearer', expires_at: 1_900_000_000 };
  service.route(ROUTE, { body: stored });

  const source = brokerAt(service).forApiKey(API_KEY);
  assert.deepEqual(await source.get('slack', 'alice+test@example.com'), stored);

  assert.equal(service.requests.length, 1);
  const [req] = service.requests;
  assert.equal(req?.method, 'GET');
  assert.equal(req?.path, '/api/v1/auth/slack/credentials');
  assert.deepEqual([...(req?.query ?? [])], [['user_id', 'alice+test@example.com']]);
  assert.equal(req?.headers.authorization, `Bearer ${API_KEY}`);
  assert.equal(req?.rawBody, '');
});

test('each session reads with its own key', async (t) => {
  const service = await fake(t);
  service.route(ROUTE, { body: { access_token: 'x' } });
  const broker = brokerAt(service);
  await broker.forApiKey('key-of-alice').get('slack', 'alice');
  await broker.forApiKey('key-of-bob').get('slack', 'bob');
  assert.deepEqual(
    service.requests.map((r) => [r.query.get('user_id'), r.headers.authorization]),
    [
      ['alice', 'Bearer key-of-alice'],
      ['bob', 'Bearer key-of-bob'],
    ],
  );
});

test('401 says the API key was rejected, without the key, even when the broker echoes it', async (t) => {
  const service = await fake(t);
  service.route(ROUTE, { status: 401, body: { detail: `Invalid API key ${API_KEY}` } });
  await rejectsWith(
    brokerAt(service).forApiKey(API_KEY).get('slack', 'alice'),
    /^The credentials broker rejected the API key \(HTTP 401\); check the API key this session uses$/,
  );
});

test('403 and 404 name the service and user, and what to do', async (t) => {
  const service = await fake(t);
  service.once(
    ROUTE,
    { status: 403, body: { detail: 'forbidden' } },
    { status: 404, body: { detail: 'not found' } },
  );
  const source = brokerAt(service).forApiKey(API_KEY);
  await rejectsWith(
    source.get('slack', 'alice'),
    /^The credentials broker refused this API key access to the slack credentials of user "alice" \(HTTP 403\)$/,
  );
  await rejectsWith(
    source.get('slack', 'alice'),
    /^The credentials broker has no slack credentials of user "alice" \(HTTP 404\); connect slack at the broker first$/,
  );
});

test('5xx is retried, then reported as a broker failure', async (t) => {
  const service = await fake(t);
  service.route(ROUTE, { status: 500, body: { error: `boom for ${API_KEY}` } });
  await rejectsWith(
    brokerAt(service, 2).forApiKey(API_KEY).get('slack', 'alice'),
    /^The credentials broker failed \(HTTP 500\); try again later$/,
  );
  assert.equal(service.requests.length, 3);

  service.once(ROUTE, { status: 503 });
  service.route(ROUTE, { body: { access_token: 'after-retry' } });
  assert.deepEqual(await brokerAt(service, 1).forApiKey(API_KEY).get('slack', 'alice'), {
    access_token: 'after-retry',
  });
});

test('an unreachable broker is a clear error without the key', async () => {
  const service = await startFake();
  const broker = brokerAt(service);
  await service.close();
  await rejectsWith(
    broker.forApiKey(API_KEY).get('slack', 'alice'),
    /^Could not reach the credentials broker; check the network and try again$/,
  );
});

test('an answer that is not a credentials object is refused', async (t) => {
  const service = await fake(t);
  service.once(ROUTE, { body: ['not', 'an', 'object'] }, { body: 'plain text' }, { body: null });
  const source = brokerAt(service).forApiKey(API_KEY);
  for (let i = 0; i < 3; i++) {
    await rejectsWith(
      source.get('slack', 'alice'),
      /^The credentials broker answered with something other than a credentials object for slack$/,
    );
  }
});

test('a service name that would change the URL path is refused before any request', async (t) => {
  const service = await fake(t);
  const source = brokerAt(service).forApiKey(API_KEY);
  for (const bad of ['..', '../admin', 'a/b', ''])
    await rejectsWith(source.get(bad, 'alice'), /^Invalid service/);
  assert.equal(service.requests.length, 0);
});

test('the broker is read-only and holds no OAuth client registrations; a session needs a key', async (t) => {
  const service = await fake(t);
  const broker = brokerAt(service);
  const source = broker.forApiKey(API_KEY);
  await rejectsWith(
    source.save('slack', 'alice', { access_token: 'x' }),
    /^slack credentials come from the credentials broker and are read-only here/,
  );
  assert.equal(await source.oauthConfig('slack'), undefined);
  assert.throws(
    () => broker.forApiKey(''),
    /The credentials broker needs your API key: open the session as \/\{server\}\/\{user_id\}:\{api_key\}/,
  );
  assert.throws(
    () => broker.forApiKey('key\r\nX-Injected: 1'),
    /^ToolError: The API key for the credentials broker holds control characters$/,
  );
  assert.equal(service.requests.length, 0);
});

test('fromEnv takes GUMCP_CREDENTIALS_BROKER_URL, and refuses URLs that would expose the key', async (t) => {
  const service = await fake(t);
  service.route('GET /broker/auth/notion/credentials', { body: { access_token: 'n' } });
  const broker = CredentialBroker.fromEnv({
    GUMCP_CREDENTIALS_BROKER_URL: `${service.url}/broker`,
    GUMLOOP_API_BASE_URL: 'https://ignored.example',
  });
  assert.deepEqual(await broker.forApiKey(API_KEY).get('notion', 'u'), { access_token: 'n' });

  assert.throws(
    () => CredentialBroker.fromEnv({ GUMCP_CREDENTIALS_BROKER_URL: 'http://broker.example/api' }),
    /^Error: GUMCP_CREDENTIALS_BROKER_URL must use https:\/\/ \(plain http is allowed only to localhost\)$/,
  );
  assert.throws(
    () => CredentialBroker.fromEnv({ GUMCP_CREDENTIALS_BROKER_URL: 'https://user:pw@broker.example' }),
    /must not hold a user name or password/,
  );
  assert.throws(
    () => CredentialBroker.fromEnv({ GUMCP_CREDENTIALS_BROKER_URL: 'not a url' }),
    /is not a valid URL/,
  );
  assert.doesNotThrow(() => CredentialBroker.fromEnv({}), 'defaults to Gumloop over https');
});
