import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOC, detail, errorBody, JOB, job, jsonString, KEY, validationError } from './fake-reducto.js';
import { data, failure, setup } from './harness.js';

test('a rejected key (401) asks to re-authenticate and never echoes the key', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /parse_async', { status: 401, body: detail('Invalid API key') });
  const message = failure(await call('parse_document', { document_url: DOC }));
  assert.equal(
    message,
    'Not authenticated with reducto: Reducto rejected the stored API key (invalid, expired or revoked). Re-authenticate with `gumcp auth reducto`.',
  );
  assert.equal(message.includes(KEY), false);
  assert.equal(fake.requests.length, 1, 'a 401 is not retried');
});

test('credentials without an API key ask to authenticate before anything is sent', async (t) => {
  const { fake, call } = await setup(t, { token: 'x' });
  assert.equal(
    failure(await call('get_version')),
    'Not authenticated with reducto: the stored credentials hold no API key (field "api_key"). Re-authenticate with `gumcp auth reducto`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('a 403 says Reducto may not read the document, a 404 names the job', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /parse_async', {
    status: 403,
    body: errorBody('Permission error: URL access forbidden', 'permission_error', 403),
  });
  fake.route(`GET /job/${JOB}`, { status: 404, body: detail('Job not found') });
  assert.equal(
    failure(
      await call('parse_document', {
        document_url: `${DOC}?X-Amz-Signature=secret-signature&X-Amz-Expires=60`,
      }),
    ),
    `Reducto was refused access for document ${DOC}?…: Permission error: URL access forbidden`,
  );
  assert.equal(failure(await call('get_job_status', { job_id: JOB })), `Job not found: ${JOB}`);
});

test('a validation error (422) names the argument Reducto objects to, without echoing its input', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /parse_async', {
    status: 422,
    body: validationError(['options', 'ocr_mode'], "Input should be 'standard' or 'agentic'"),
  });
  const message = failure(await call('parse_document', { document_url: DOC, options: { ocr_mode: 'fast' } }));
  assert.equal(
    message,
    "Reducto rejected the arguments: options.ocr_mode: Input should be 'standard' or 'agentic'",
  );
});

test('a documented processing error gives its type and message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /extract_async', {
    status: 400,
    body: errorBody(
      'Failed to download file from url. Please check the document url and try again',
      'file_download_failure',
      400,
    ),
  });
  assert.equal(
    failure(await call('extract_data_async', { document_url: DOC, schema: { type: 'object' } })),
    `Reducto could not process document ${DOC} (HTTP 400, file_download_failure): Failed to download file from url. Please check the document url and try again`,
  );
});

test('a 429 with Retry-After is retried, a POST included (Reducto did nothing), then succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once('POST /parse_async', {
    status: 429,
    headers: { 'retry-after': '0' },
    body: detail('Too Many Requests'),
  });
  fake.route('POST /parse_async', { body: { job_id: JOB } });
  fake.once('GET /version', {
    status: 429,
    headers: { 'retry-after': '1' },
    body: detail('Too Many Requests'),
  });
  fake.route('GET /version', jsonString('v1.12.2-198-g2586471718b0'));
  assert.equal(data(await call('parse_document_async', { document_url: DOC })).job_id, JOB);
  assert.deepEqual(data(await call('get_version')), { version: 'v1.12.2-198-g2586471718b0' });
  assert.deepEqual(sleeps, [0, 1000]);
  assert.equal(fake.requests.length, 4);
});

test('a lasting 429 is retried, then says when to try again; one asking too long a wait fails at once', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route('GET /version', {
    status: 429,
    headers: { 'retry-after': '3' },
    body: detail('Too Many Requests'),
  });
  fake.route('POST /configure_webhook', {
    status: 429,
    headers: { 'retry-after': '30' },
    body: detail('Too Many Requests'),
  });
  assert.match(
    failure(await call('get_version')),
    /^Reducto rate limit reached \(it allows about 500 requests a second per account\); try again in 3 s \(after \d{4}-\d\d-\d\dT[\d:.]+Z\)$/,
  );
  // The first answer and two retries (the test client allows two), each after the asked wait.
  assert.equal(fake.requests.length, 3);
  assert.deepEqual(sleeps, [3000, 3000]);
  assert.match(failure(await call('webhook_portal')), /try again in 30 s/);
  assert.equal(fake.requests.length, 4, 'a wait over the client’s longest is not waited for');
});

test('a 5xx is retried for a read, but not for a job start that may have gone through', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`GET /job/${JOB}`, { status: 503, body: 'upstream connect error' });
  fake.route(`GET /job/${JOB}`, { body: job('Pending') });
  fake.route('POST /split_async', { status: 500, body: detail('Internal Server Error') });
  assert.equal(data(await call('get_job_status', { job_id: JOB })).status, 'Pending');
  assert.equal(
    failure(
      await call('split_document_async', {
        document_url: DOC,
        split_description: [{ name: 'A', description: 'a' }],
      }),
    ),
    'Reducto failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.filter((r) => r.path === '/split_async').length, 1);
});

test('a 5xx while waiting for a job keeps the job id, so the caller can follow it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /parse_async', { body: { job_id: JOB } });
  fake.route(`GET /job/${JOB}`, { status: 502, body: 'Bad Gateway' });
  assert.equal(
    failure(await call('parse_document', { document_url: DOC })),
    `Reducto failed (HTTP 502); try again later (while waiting for parse job ${JOB}, which may still be running: call get_job_status with job_id ${JOB})`,
  );
});
