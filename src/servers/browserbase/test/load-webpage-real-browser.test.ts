import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { SESSION_TIMEOUT_S } from '../api.js';
import { chromiumForFile } from './chromium.js';
import {
  closedPort,
  error,
  PROJECT_ID,
  releaseArrives,
  releases,
  routeSessions,
  SESSION_ID,
  startSite,
} from './fake-browserbase.js';
import { assertAuth, data, failure, setup } from './harness.js';

// One real Chromium for the file; the fake Sessions API hands out its CDP address as connectUrl.
const chromium = chromiumForFile();
before(() => chromium.start());
after(() => chromium.stop());

test('loads the page in the session’s browser: title, visible text, HTML, status; then releases the session', async (t) => {
  const wsUrl = chromium.need(t);
  if (!wsUrl) return;
  const { fake, call } = await setup(t);
  const site = await startSite(t);
  routeSessions(fake, wsUrl);

  const result = data(await call({ url: `${site.url}/pricing` }));

  assert.equal(result.title, 'Acme pricing');
  assert.equal(result.status, 200);
  assert.equal(result.final_url, `${site.url}/pricing`);
  assert.match(result.text as string, /Plans\s+Starter costs 10 € a month\.\s+Rendered by script/);
  assert.doesNotMatch(result.text as string, /secret draft/, 'hidden elements are not text a reader sees');
  assert.match(result.html as string, /<p id="js">Rendered by script<\/p>/, 'the HTML after scripts ran');
  assert.equal(result.text_truncated, false);
  assert.equal(result.screenshot, 'none');
  assert.equal(result.session_id, SESSION_ID);
  assert.equal(result.session_released, true);

  const create = only(fake, 'POST', '/v1/sessions');
  assertAuth(create);
  assert.deepEqual(create.body, { projectId: PROJECT_ID, timeout: SESSION_TIMEOUT_S });
  const [release] = releases(fake);
  assertAuth(release);
  assert.deepEqual(release?.body, { status: 'REQUEST_RELEASE', projectId: PROJECT_ID });
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    ['POST /v1/sessions', `POST /v1/sessions/${SESSION_ID}`],
  );
  assert.deepEqual(
    site.hits.filter((h) => h !== '/favicon.ico'),
    ['/pricing'],
  );
});

test('follows redirects, cuts text and HTML to max_chars, and leaves the HTML out when asked', async (t) => {
  const wsUrl = chromium.need(t);
  if (!wsUrl) return;
  const { fake, call } = await setup(t);
  const site = await startSite(t);
  routeSessions(fake, wsUrl);

  const result = data(await call({ url: `${site.url}/redirect`, include_html: false, max_chars: 1000 }));
  assert.equal(result.final_url, `${site.url}/pricing`);
  assert.equal(result.html, undefined);
  assert.equal(result.html_truncated, undefined);

  const long = data(await call({ url: `${site.url}/pricing`, max_chars: 1000 }));
  assert.equal(long.html_truncated, true, 'the page’s HTML is longer than 1000 characters');
  assert.equal((long.html as string).length, 1000);
  assert.equal(long.text_truncated, false);
});

test('a page that answers 404 is still read, with its status', async (t) => {
  const wsUrl = chromium.need(t);
  if (!wsUrl) return;
  const { fake, call } = await setup(t);
  const site = await startSite(t);
  routeSessions(fake, wsUrl);

  const result = data(await call({ url: `${site.url}/missing` }));
  assert.equal(result.status, 404);
  assert.equal(result.title, 'Not here');
});

test('screenshot attaches a PNG image block beside the data', async (t) => {
  const wsUrl = chromium.need(t);
  if (!wsUrl) return;
  const { fake, call } = await setup(t);
  const site = await startSite(t);
  routeSessions(fake, wsUrl);

  const result = await call({ url: `${site.url}/pricing`, screenshot: 'full_page' });
  assert.equal(data(result).screenshot, 'attached');
  const image = (result.content as { type: string; data?: string; mimeType?: string }[]).find(
    (b) => b.type === 'image',
  );
  assert.equal(image?.mimeType, 'image/png');
  const png = Buffer.from(image?.data ?? '', 'base64');
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'PNG signature');
});

test('progress is reported for each step when the client asks for it', async (t) => {
  const wsUrl = chromium.need(t);
  if (!wsUrl) return;
  const { fake, client } = await setup(t);
  const site = await startSite(t);
  routeSessions(fake, wsUrl);
  const steps: string[] = [];

  await client.callTool(
    { name: 'load_webpage_tool', arguments: { url: `${site.url}/pricing` } },
    { onprogress: (p) => steps.push(`${p.progress}/${p.total} ${p.message}`) },
  );
  assert.deepEqual(steps, [
    '1/4 Browser session started',
    '2/4 Connected to the browser',
    '3/4 Page loaded',
    '4/4 Browser session released',
  ]);
});

test('a page that does not load in time fails the call, and the session is released all the same', async (t) => {
  const wsUrl = chromium.need(t);
  if (!wsUrl) return;
  const { fake, call } = await setup(t);
  const site = await startSite(t);
  routeSessions(fake, wsUrl);

  const message = failure(await call({ url: `${site.url}/slow`, timeout_seconds: 1 }));
  assert.equal(
    message,
    'The page did not finish loading within 1 s (wait_until load); try a longer timeout_seconds or wait_until "domcontentloaded"',
  );
  assert.equal(releases(fake).length, 1, 'released after the failure');
});

test('a page that cannot be reached names the browser’s reason, and the session is released', async (t) => {
  const wsUrl = chromium.need(t);
  if (!wsUrl) return;
  const { fake, call } = await setup(t);
  routeSessions(fake, wsUrl);

  const port = await closedPort();
  const message = failure(await call({ url: `http://127.0.0.1:${port}/` }));
  assert.equal(
    message,
    `Could not load http://127.0.0.1:${port}/: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:${port}/`,
  );
  assert.equal(releases(fake).length, 1);
});

test('a client that cancels while the page loads gets no result, and the session is released', async (t) => {
  const wsUrl = chromium.need(t);
  if (!wsUrl) return;
  const { fake, client } = await setup(t);
  const site = await startSite(t);
  routeSessions(fake, wsUrl);
  const controller = new AbortController();

  await assert.rejects(
    client.callTool(
      { name: 'load_webpage_tool', arguments: { url: `${site.url}/slow`, timeout_seconds: 60 } },
      {
        signal: controller.signal,
        onprogress: (p) => {
          // Once connected, the navigation to /slow hangs: cancel it.
          if (p.progress === 2) controller.abort();
        },
      },
    ),
  );
  await releaseArrives(fake);
  assert.equal(releases(fake).length, 1, 'released after the cancellation');
});

test('when the release fails, the page is still returned and says the session was not released', async (t) => {
  const wsUrl = chromium.need(t);
  if (!wsUrl) return;
  const { fake, call } = await setup(t);
  const site = await startSite(t);
  routeSessions(fake, wsUrl);
  fake.route(`POST /v1/sessions/${SESSION_ID}`, error(500, 'Internal Server Error', 'boom'));

  const result = data(await call({ url: `${site.url}/pricing` }));
  assert.equal(result.title, 'Acme pricing');
  assert.equal(result.session_released, false);
  assert.equal(releases(fake).length, 3, 'a release is idempotent, so it was retried');
});
