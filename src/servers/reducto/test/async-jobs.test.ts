import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOC, FILE_ID, JOB, job, splitResponse } from './fake-reducto.js';
import { assertRequest, data, failure, setup } from './harness.js';

test('parse_document_async starts the job and returns its id at once, with the webhook asked for', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /parse_async', { body: { job_id: JOB } });
  const result = data(
    await call('parse_document_async', {
      document_url: FILE_ID,
      options: { chunking: { chunk_mode: 'variable', chunk_size: 1000 } },
      webhook: { mode: 'direct', url: 'https://hooks.example.com/reducto', metadata: { ticket: 42 } },
    }),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/parse_async',
    body: {
      document_url: FILE_ID,
      options: { chunking: { chunk_mode: 'variable', chunk_size: 1000 } },
      webhook: { mode: 'direct', url: 'https://hooks.example.com/reducto', metadata: { ticket: 42 } },
    },
  });
  assert.equal(fake.requests.length, 1, 'nothing is polled');
  assert.deepEqual(result, {
    job_id: JOB,
    status: 'Pending',
    next:
      `Reducto is running the parse job: call get_job_status with job_id ${JOB} for its status and result ` +
      '(the webhook is notified when it ends); cancel_job stops it.',
  });
});

test('guMCP’s webhook mode "enabled" becomes direct with a url and svix without one', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /extract_async', { body: { job_id: JOB } });
  fake.route('POST /split_async', { body: { job_id: JOB } });
  data(
    await call('extract_data_async', {
      document_url: DOC,
      schema: { type: 'object', properties: { total: { type: 'number' } } },
      webhook: { mode: 'enabled', url: 'https://hooks.example.com/r' },
      priority: true,
    }),
  );
  data(
    await call('split_document_async', {
      document_url: DOC,
      split_description: [{ name: 'Terms', description: 'The terms and conditions' }],
      webhook: { mode: 'enabled', channels: ['finance'] },
    }),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/extract_async',
    body: {
      document_url: DOC,
      schema: { type: 'object', properties: { total: { type: 'number' } } },
      webhook: { mode: 'direct', url: 'https://hooks.example.com/r' },
      priority: true,
    },
  });
  assertRequest(fake.requests[1], {
    method: 'POST',
    path: '/split_async',
    body: {
      document_url: DOC,
      split_description: [{ name: 'Terms', description: 'The terms and conditions' }],
      webhook: { mode: 'svix', channels: ['finance'] },
    },
  });
  assert.match(
    failure(await call('parse_document_async', { document_url: DOC, webhook: { mode: 'direct' } })),
    /webhook\.url: a direct webhook needs a url/,
  );
});

test('get_job_status reports a running job with Reducto’s progress, and a failed one with its reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`GET /job/${JOB}`, { body: job('Pending', { progress: 62.5 }) });
  fake.route(`GET /job/${JOB}`, { body: job('Failed', { reason: 'Document is password protected' }) });
  const running = data(await call('get_job_status', { job_id: JOB }));
  assertRequest(fake.requests[0], { method: 'GET', path: `/job/${JOB}` });
  assert.deepEqual(running, {
    job_id: JOB,
    status: 'Pending',
    progress: 62.5,
    reason: null,
    type: null,
    note: 'Still running: ask again in a few seconds',
  });
  const failed = data(await call('get_job_status', { job_id: JOB }));
  assert.deepEqual(failed, {
    job_id: JOB,
    status: 'Failed',
    progress: null,
    reason: 'Document is password protected',
    type: null,
  });
});

test('get_job_status returns a finished split, recognised by its shape', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /job/${JOB}`, { body: job('Completed', { result: splitResponse() }) });
  const result = data(await call('get_job_status', { job_id: JOB }));
  const split = result.split as { splits: { name: string }[] };
  assert.deepEqual(
    split.splits.map((s) => s.name),
    ['Balance sheet', 'Income statement'],
  );
  assert.equal(result.status, 'Completed');
});

test('get_job_status returns the result of another kind of job whole when it fits, else says where it is', async (t) => {
  const { fake, call } = await setup(t);
  const classified = { job_id: JOB, duration: 1.2, result: { category: 'invoice' } };
  fake.once(`GET /job/${JOB}`, { body: job('Completed', { type: 'Classify', result: classified }) });
  fake.route(`GET /job/${JOB}`, {
    body: job('Completed', {
      type: 'Edit',
      result: { document_url: `https://x.example/${'e'.repeat(2000)}.pdf` },
    }),
  });
  const small = data(await call('get_job_status', { job_id: JOB }));
  assert.deepEqual(small.result, classified);
  assert.equal(small.type, 'Classify');
  const large = data(await call('get_job_status', { job_id: JOB, max_chars: 1000 }));
  assert.equal(large.result, undefined);
  assert.match(
    String(large.note),
    /^The result is \d+ characters, over max_chars; see it in Reducto Studio$/,
  );
});

test('a job id that could step out of its path is refused before Reducto is called', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('get_job_status', { job_id: '../version' })),
    /job_id: must be a Reducto job id/,
  );
  assert.match(failure(await call('cancel_job', { job_id: 'a/b' })), /job_id: must be a Reducto job id/);
  assert.equal(fake.requests.length, 0);
});

test('cancel_job cancels the job at Reducto', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /cancel/${JOB}`, { body: {} });
  const result = data(await call('cancel_job', { job_id: JOB }));
  assertRequest(fake.requests[0], { method: 'POST', path: `/cancel/${JOB}` });
  assert.deepEqual(result, { job_id: JOB, cancelled: true });
});
