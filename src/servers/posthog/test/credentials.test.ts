import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import { apiUrlVariable } from '../../../upstream/client.js';
import { sameHost, verifyPostHogKey } from '../api.js';
import { assertPublicHost, EU_HOST, ingestionHost, normalizeHost, US_HOST } from '../hosts.js';
import { KEY, me, ORG, PROJECT, PROJECT_TOKEN, project, unauthorized } from './fake-posthog.js';
import { assertAuth, data, failure, fast, setup } from './harness.js';

test('sign-in checks the key with GET /api/users/@me/ and stores the current project, its key and organization', async (t) => {
  const fake = await fakeFor(t, 'posthog');
  fake.route('GET /api/users/@me/', { body: me() });
  assert.deepEqual(await verifyPostHogKey({ api_key: KEY }, fast()), {
    organization_id: ORG,
    project_id: PROJECT,
    project_name: 'Default project',
    project_api_token: PROJECT_TOKEN,
  });
  assertAuth(only(fake, 'GET', '/api/users/@me/'));
});

test('sign-in with another project checks it in the organization and stores its name and key', async (t) => {
  const fake = await fakeFor(t, 'posthog');
  fake.route('GET /api/users/@me/', { body: me() });
  fake.route(`GET /api/organizations/${ORG}/projects/99/`, {
    body: project('99', 'Staging', 'phc_staging_token_1'),
  });
  assert.deepEqual(await verifyPostHogKey({ api_key: KEY, project_id: '99', host: 'eu' }, fast()), {
    organization_id: ORG,
    project_name: 'Staging',
    project_api_token: 'phc_staging_token_1',
  });
  assertAuth(only(fake, 'GET', `/api/organizations/${ORG}/projects/99/`));
});

test('sign-in names a project that is not in the organization, and the current one', async (t) => {
  const fake = await fakeFor(t, 'posthog');
  fake.route('GET /api/users/@me/', { body: me() });
  fake.route(`GET /api/organizations/${ORG}/projects/98/`, {
    status: 404,
    body: { type: 'invalid_request', code: 'not_found', detail: 'Not found.', attr: null },
  });
  await assert.rejects(
    verifyPostHogKey({ api_key: KEY, project_id: '98' }, fast()),
    /^ToolError: project_id: PostHog has no project 98 in your current organization "Acme"; your current project is 4242 \("Default project"\)$/,
  );
});

test('sign-in refuses a rejected key, a project API key, an empty key and a bad project id, without echoing the key', async (t) => {
  const fake = await fakeFor(t, 'posthog');
  fake.route('GET /api/users/@me/', unauthorized());
  await assert.rejects(verifyPostHogKey({ api_key: 'phx_wrong_key_123456789' }, fast()), (e: Error) => {
    assert.match(e.message, /^PostHog at https:\/\/us\.posthog\.com rejected the personal API key/);
    assert.ok(!e.message.includes('phx_wrong_key_123456789'));
    return true;
  });
  await assert.rejects(
    verifyPostHogKey({ api_key: 'phc_project_key_123' }, fast()),
    /^ToolError: api_key: this is a project API key/,
  );
  await assert.rejects(
    verifyPostHogKey({ api_key: ' ' }, fast()),
    /^ToolError: api_key: enter a PostHog personal API key/,
  );
  await assert.rejects(
    verifyPostHogKey({ api_key: KEY, project_id: 'abc' }, fast()),
    /^ToolError: project_id: "abc" is not a PostHog project id/,
  );
  assert.equal(fake.requests.length, 1);
});

test('hosts: empty is US Cloud, eu and Cloud names are their region, a self-hosted instance must be https', () => {
  assert.equal(normalizeHost(undefined), US_HOST);
  assert.equal(normalizeHost(' EU '), EU_HOST);
  assert.equal(normalizeHost('https://eu.i.posthog.com/'), EU_HOST);
  assert.equal(normalizeHost('app.posthog.com'), US_HOST);
  assert.equal(normalizeHost('posthog.example.com/'), 'https://posthog.example.com');
  assert.equal(normalizeHost('https://example.com/posthog/'), 'https://example.com/posthog');
  assert.throws(
    () => normalizeHost('http://posthog.example.com'),
    /^ToolError: host: a self-hosted PostHog must be reached over https/,
  );
  assert.throws(
    () => normalizeHost('https://user:pw@posthog.example.com'),
    /^ToolError: host: give the PostHog address only/,
  );
  assert.throws(
    () => normalizeHost('https://posthog.example.com/?a=1'),
    /^ToolError: host: give the PostHog address only/,
  );
  assert.throws(() => normalizeHost('not a host'), /^ToolError: host: "not a host" is not a PostHog address/);
  assert.equal(ingestionHost(US_HOST), 'https://us.i.posthog.com');
  assert.equal(ingestionHost(EU_HOST), 'https://eu.i.posthog.com');
  assert.equal(ingestionHost('https://posthog.example.com'), 'https://posthog.example.com');
});

test('a self-hosted instance on a private or loopback address is refused before the key is sent', async () => {
  await assert.rejects(
    assertPublicHost('https://127.0.0.1'),
    /Refusing to call the PostHog host 127\.0\.0\.1/,
  );
  await assert.rejects(assertPublicHost('https://[::1]'), /private or local network address/);
  await assert.rejects(assertPublicHost('https://10.1.2.3:8443'), /private or local network address/);
  await assert.rejects(assertPublicHost('https://169.254.169.254'), /private or local network address/);
  // An IPv4-mapped address in its hex spelling (how the URL parser writes it) carries the IPv4 one.
  await assert.rejects(assertPublicHost('https://[::ffff:a9fe:a9fe]'), /private or local network address/);
  await assertPublicHost(US_HOST);
});

test('a stored self-hosted host reaches that host, and a stored unusable host asks to sign in again', async (t) => {
  // Without the test override the stored host is where calls go; a loopback one is refused first.
  const { call } = await setup(t, { api_key: KEY, project_id: PROJECT, host: 'https://127.0.0.1:9' });
  const variable = apiUrlVariable('posthog');
  const saved = process.env[variable];
  delete process.env[variable];
  t.after(() => {
    if (saved !== undefined) process.env[variable] = saved;
  });
  assert.match(failure(await call('list_actions')), /^Refusing to call the PostHog host 127\.0\.0\.1:9/);
  const bad = await setup(t, { api_key: KEY, host: 'http://plain.example.com' });
  assert.match(
    failure(await bad.call('list_actions')),
    /^Not authenticated with posthog: the stored host is not usable/,
  );
});

test('next links are followed only on the key’s own host, with its scheme', () => {
  const base = new URL('https://us.posthog.com');
  assert.equal(
    sameHost('http://us.posthog.com/api/projects/1/actions/?limit=100&offset=100', base),
    'https://us.posthog.com/api/projects/1/actions/?limit=100&offset=100',
  );
  assert.equal(sameHost('https://evil.example.com/api/projects/1/actions/?offset=100', base), null);
  assert.equal(sameHost('https://us.posthog.com/other/', base), null);
});

test('with guMCP’s credentials (the key alone) the project is the user’s current one', async (t) => {
  const { fake, call } = await setup(t, { api_key: KEY });
  fake.route('GET /api/users/@me/', { body: me('5150', 'Web') });
  fake.route('GET /api/projects/5150/cohorts/', {
    body: { count: 0, next: null, previous: null, results: [] },
  });
  data(await call('list_cohorts'));
  data(await call('list_cohorts'));
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/api/users/@me/', '/api/projects/5150/cohorts/', '/api/projects/5150/cohorts/'],
  );
});
