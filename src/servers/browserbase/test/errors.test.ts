import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { fakeFor } from '../../../testing/fake-service.js';
import { BrowserbaseApi } from '../api.js';
import { cleanPlaywrightMessage } from '../browser.js';
import {
  closedPort,
  created,
  error,
  PROJECT_ID,
  releases,
  routeSessions,
  SESSION_ID,
} from './fake-browserbase.js';
import { failure, KEY, setup } from './harness.js';

const URL = 'https://example.com/';

test('401: the stored key was rejected; re-authenticate, no session to release', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v1/sessions', error(401, 'Unauthorized', 'Invalid API key'));
  assert.equal(
    failure(await call({ url: URL })),
    'Not authenticated with browserbase: Browserbase rejected the stored API key (revoked, or not copied ' +
      'whole). Re-authenticate with `gumcp auth browserbase`.',
  );
  assert.equal(fake.requests.length, 1, 'not retried, and nothing to release');
});

test('credentials without api_key or project_id ask to authenticate before any request', async (t) => {
  const { fake, call } = await setup(t, { api_key: KEY });
  assert.equal(
    failure(await call({ url: URL })),
    'Not authenticated with browserbase: the stored credentials hold no Browserbase project id (field ' +
      'project_id). Re-authenticate with `gumcp auth browserbase`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('403 gives Browserbase’s reason (e.g. a plan limit)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'POST /v1/sessions',
    error(403, 'Forbidden', 'Keep alive sessions are not supported on the FREE plan'),
  );
  assert.equal(
    failure(await call({ url: URL })),
    'Browserbase refused starting a browser session: Keep alive sessions are not supported on the FREE plan',
  );
});

test('404 names the project id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v1/sessions', error(404, 'Not Found', 'Project not found'));
  assert.equal(failure(await call({ url: URL })), `Browserbase project not found: ${PROJECT_ID}`);
});

test('429 (concurrency or session-creation limit) is retried after Retry-After, then succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  const port = await closedPort();
  fake.once(
    'POST /v1/sessions',
    error(429, 'Too Many Requests', 'Too many concurrent sessions', { 'retry-after': '0' }),
  );
  routeSessions(fake, `ws://127.0.0.1:${port}/devtools/browser/x`);
  // The session is created on the second try; the browser is then unreachable, which is fine here.
  failure(await call({ url: URL }));
  assert.equal(fake.requests.filter((r) => r.path === '/v1/sessions').length, 2);
  assert.deepEqual(sleeps, [0]);
  assert.equal(releases(fake).length, 1);
});

test('a 429 that persists says when to try again and what the limit is', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(
    'POST /v1/sessions',
    error(429, 'Too Many Requests', 'Concurrent sessions limit reached', { 'retry-after': '120' }),
  );
  assert.equal(
    failure(await call({ url: URL })),
    'Browserbase limit reached while starting a browser session (concurrent browsers or sessions started per ' +
      'minute): Concurrent sessions limit reached; try again in 120 s',
  );
  assert.equal(fake.requests.length, 1, 'a wait longer than the client allows is not waited out');
  assert.deepEqual(sleeps, []);
});

test('5xx starting a session is not retried (a second session would be billed too)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v1/sessions', { status: 502, body: '<html>Bad gateway</html>' });
  assert.equal(
    failure(await call({ url: URL })),
    'Browserbase failed (HTTP 502) while starting a browser session; try again in a moment (a session it may ' +
      'have started ends on its own within minutes)',
  );
  assert.equal(fake.requests.length, 1);
});

test('a session whose answer lacks its connect address is refused clearly', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v1/sessions', { status: 201, body: { id: SESSION_ID } });
  assert.equal(
    failure(await call({ url: URL })),
    'Browserbase answered the new session without its id or connect address',
  );
});

test('a browser that cannot be reached fails the call without the signing key, and the session is released', async (t) => {
  const { fake, call } = await setup(t);
  const port = await closedPort();
  const signingKey = 'SIGNINGKEY-abcdef0123456789';
  fake.route('POST /v1/sessions', created(`ws://127.0.0.1:${port}/?signingKey=${signingKey}`));
  fake.route(`POST /v1/sessions/${SESSION_ID}`, { body: {} });

  const message = failure(await call({ url: URL }));
  assert.match(message, /^Could not connect to the Browserbase session's browser: /);
  assert.ok(!message.includes(signingKey), message);
  assert.equal(releases(fake).length, 1);
});

test('a failed release does not hide why the page failed', async (t) => {
  const { fake, call } = await setup(t);
  const port = await closedPort();
  fake.route('POST /v1/sessions', created(`ws://127.0.0.1:${port}/devtools/browser/x`));
  fake.route(`POST /v1/sessions/${SESSION_ID}`, error(503, 'Service Unavailable', 'down'));
  assert.match(failure(await call({ url: URL })), /^Could not connect to the Browserbase session's browser/);
  assert.equal(releases(fake).length, 3, 'the release was retried (it is idempotent)');
});

test('a URL that is not http(s) is refused before any session starts', async (t) => {
  const { fake, call } = await setup(t);
  const message = failure(await call({ url: 'file:///etc/passwd' }));
  assert.match(message, /url/);
  assert.match(message, /must be an http:\/\/ or https:\/\/ URL/);
  assert.match(failure(await call({ url: 'not a url' })), /must be an absolute URL/);
  assert.equal(fake.requests.length, 0);
});

test('the key is in no log line; requests are logged by path and status only', async (t) => {
  const fake = await fakeFor(t, 'browserbase');
  fake.route('GET /v1/projects/*', error(401, 'Unauthorized', `bad key ${KEY}`));
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  const api = new BrowserbaseApi(
    { apiKey: KEY, projectId: PROJECT_ID },
    { log, signal: new AbortController().signal },
  );
  await assert.rejects(api.project(), (e: Error) => !e.message.includes(KEY));
  assert.ok(lines.length > 0);
  for (const line of lines) assert.ok(!line.includes(KEY), line);
});

test('Playwright’s messages lose their call log, browser address and signing key', () => {
  const raw =
    'browserType.connectOverCDP: WebSocket error: connect ECONNREFUSED 127.0.0.1:1\nCall log:\n' +
    '\u001b[2m  - <ws connecting> wss://connect.browserbase.com?signingKey=abc123\u001b[22m\n';
  assert.equal(cleanPlaywrightMessage(new Error(raw)), 'WebSocket error: connect ECONNREFUSED 127.0.0.1:1');
  assert.equal(
    cleanPlaywrightMessage(new Error('failed at wss://connect.browserbase.com?signingKey=abc123 now')),
    'failed at <browser address> now',
  );
});
