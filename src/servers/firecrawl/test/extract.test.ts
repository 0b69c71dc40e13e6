import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXTRACT_ID } from './fake-firecrawl.js';
import { assertRequest, data, failure, setup } from './harness.js';

const PATH = `/v2/extract/${EXTRACT_ID}`;
const SCHEMA = { type: 'object', properties: { mission: { type: 'string' } }, required: ['mission'] };

const status = (state: string, over: Record<string, unknown> = {}) => ({
  body: { success: true, status: state, expiresAt: '2026-08-22T12:00:00.000Z', ...over },
});

test('extract_data starts the extraction, waits for it and returns the data', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route('POST /v2/extract', { body: { success: true, id: EXTRACT_ID, invalidURLs: [] } });
  fake.once(`GET ${PATH}`, status('processing'));
  fake.route(
    `GET ${PATH}`,
    status('completed', {
      data: { mission: 'Make the web AI-ready' },
      tokensUsed: 812,
      sources: { mission: ['https://firecrawl.dev/about'] },
    }),
  );
  const progress: string[] = [];
  const result = data(
    await call(
      'extract_data',
      {
        urls: ['https://firecrawl.dev/*'],
        prompt: 'The company mission',
        schema: SCHEMA,
        enableWebSearch: false,
        ignoreSitemap: true,
        includeSubdomains: false,
        showSources: true,
      },
      { onprogress: (p) => progress.push(String(p.message)) },
    ),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/v2/extract',
    body: {
      urls: ['https://firecrawl.dev/*'],
      prompt: 'The company mission',
      schema: SCHEMA,
      enableWebSearch: false,
      ignoreSitemap: true,
      includeSubdomains: false,
      showSources: true,
    },
  });
  assertRequest(fake.requests[1], { method: 'GET', path: PATH });
  assertRequest(fake.requests[2], { method: 'GET', path: PATH });
  assert.deepEqual(progress, ['Firecrawl is extracting (processing)']);
  assert.deepEqual(sleeps, [1000]);
  assert.deepEqual(result, {
    id: EXTRACT_ID,
    status: 'completed',
    data: { mission: 'Make the web AI-ready' },
    sources: { mission: ['https://firecrawl.dev/about'] },
    tokensUsed: 812,
    expiresAt: '2026-08-22T12:00:00.000Z',
    warning: null,
    note: null,
  });
});

test('waitSeconds 0 answers with the id; get_extract_status reads the job', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/extract', { body: { success: true, id: EXTRACT_ID } });
  fake.route(`GET ${PATH}`, status('processing'));
  const startedNow = data(
    await call('extract_data', { urls: ['https://firecrawl.dev'], prompt: 'x', waitSeconds: 0 }),
  );
  assert.equal(fake.requests.length, 1);
  assert.equal(startedNow.status, 'processing');
  assert.equal(startedNow.note, `Still running: call get_extract_status with id ${EXTRACT_ID} later`);

  const later = data(await call('get_extract_status', { id: EXTRACT_ID }));
  assertRequest(fake.requests[1], { method: 'GET', path: PATH });
  assert.equal(later.status, 'processing');
  assert.equal(later.data, null);
});

test('a failed extraction fails the call with Firecrawl’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/extract', { body: { success: true, id: EXTRACT_ID } });
  fake.route(`GET ${PATH}`, status('failed', { error: 'No valid URLs could be scraped' }));
  assert.equal(
    failure(await call('extract_data', { urls: ['https://firecrawl.dev'], prompt: 'x' })),
    `Extract job ${EXTRACT_ID} failed: No valid URLs could be scraped`,
  );
});

test('extracted data too large for an answer comes as a cut JSON preview', async (t) => {
  const { fake, call } = await setup(t);
  const rows = Array.from({ length: 5000 }, (_, i) => ({
    name: `Product ${i}`,
    description: 'x'.repeat(40),
  }));
  fake.route(`GET ${PATH}`, status('completed', { data: { rows } }));
  const result = data(await call('get_extract_status', { id: EXTRACT_ID }));
  assert.equal(result.data, null);
  assert.equal((result.dataPreview as string).length, 200_000);
  assert.ok((result.dataPreview as string).startsWith('{"rows":[{"name":"Product 0"'));
});
