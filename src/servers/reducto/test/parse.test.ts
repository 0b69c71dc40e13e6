import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFake } from '../../../testing/fake-service.js';
import { chunk, DOC, JOB, job, parseResponse, urlParseResponse } from './fake-reducto.js';
import { assertRequest, data, failure, setup } from './harness.js';

test('parse_document starts a parse job, polls it with backoff and progress, and returns the chunks', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route('POST /parse_async', { body: { job_id: JOB } });
  fake.once(`GET /job/${JOB}`, { body: job('Idle') }, { body: job('Pending', { progress: 40 }) });
  fake.route(`GET /job/${JOB}`, {
    body: job('Completed', {
      progress: 100,
      result: parseResponse([
        chunk('# Q3 report\n\nRevenue grew.', [1]),
        chunk('| a | b |\n|---|---|', [2, 3]),
      ]),
    }),
  });
  const progress: { progress: number; message?: string }[] = [];
  const result = data(
    await call(
      'parse_document',
      {
        document_url: DOC,
        options: { ocr_mode: 'standard', chunking: { chunk_mode: 'page' } },
        advanced_options: { table_output_format: 'md', page_range: { start: 1, end: 3 } },
      },
      { onprogress: (p) => progress.push({ progress: p.progress, message: p.message }) },
    ),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/parse_async',
    body: {
      document_url: DOC,
      options: { ocr_mode: 'standard', chunking: { chunk_mode: 'page' } },
      advanced_options: { table_output_format: 'md', page_range: { start: 1, end: 3 } },
      // The synchronous tool keeps /parse's default.
      priority: true,
    },
  });
  for (const req of fake.requests.slice(1)) assertRequest(req, { method: 'GET', path: `/job/${JOB}` });
  assert.equal(fake.requests.length, 4);
  // The poller's waits grow by half; the look count is the progress, Reducto's figure is in the message.
  assert.deepEqual(sleeps, [10, 15]);
  assert.deepEqual(progress, [
    { progress: 1, message: `Reducto parse job ${JOB}: Idle` },
    { progress: 2, message: `Reducto parse job ${JOB}: Pending, progress 40` },
  ]);
  assert.deepEqual(result, {
    job_id: JOB,
    duration_seconds: 3.42,
    num_pages: 3,
    credits: 3,
    studio_link: `https://studio.reducto.ai/job/${JOB}`,
    pdf_url: null,
    result_url: null,
    total_chunks: 2,
    total_chars: 45,
    chunks: [
      { index: 0, content_offset: 0, content: '# Q3 report\n\nRevenue grew.', complete: true, pages: [1] },
      { index: 1, content_offset: 0, content: '| a | b |\n|---|---|', complete: true, pages: [2, 3] },
    ],
    next_chunk_offset: null,
    next_content_offset: null,
    more: null,
  });
});

test('a long parse comes a page at a time: max_chars cuts inside a chunk and get_job_status continues it', async (t) => {
  const { fake, call } = await setup(t);
  const long = 'x'.repeat(1500);
  const chunks = [chunk(long, [1]), chunk('y'.repeat(700), [2]), chunk('z'.repeat(200), [3])];
  fake.route('POST /parse_async', { body: { job_id: JOB } });
  fake.route(`GET /job/${JOB}`, { body: job('Completed', { result: parseResponse(chunks) }) });

  const first = data(await call('parse_document', { document_url: DOC, max_chars: 1000 }));
  assert.deepEqual(first.chunks, [
    { index: 0, content_offset: 0, content: 'x'.repeat(1000), complete: false, pages: [1] },
  ]);
  assert.equal(first.next_chunk_offset, 0);
  assert.equal(first.next_content_offset, 1000);
  assert.equal(
    first.more,
    `Call get_job_status with job_id ${JOB}, chunk_offset 0 and content_offset 1000 for the next page`,
  );

  const second = data(
    await call('get_job_status', { job_id: JOB, chunk_offset: 0, content_offset: 1000, max_chars: 1000 }),
  );
  assert.equal(second.status, 'Completed');
  const page2 = second.parse as Record<string, unknown>;
  assert.deepEqual(page2.chunks, [
    { index: 0, content_offset: 1000, content: 'x'.repeat(500), complete: true, pages: [1] },
    { index: 1, content_offset: 0, content: 'y'.repeat(500), complete: false, pages: [2] },
  ]);
  assert.deepEqual([page2.next_chunk_offset, page2.next_content_offset], [1, 500]);

  const third = data(
    await call('get_job_status', {
      job_id: `jobid://${JOB}`,
      chunk_offset: 1,
      content_offset: 500,
      max_chars: 1000,
    }),
  );
  const page3 = third.parse as Record<string, unknown>;
  assert.deepEqual(page3.chunks, [
    { index: 1, content_offset: 500, content: 'y'.repeat(200), complete: true, pages: [2] },
    { index: 2, content_offset: 0, content: 'z'.repeat(200), complete: true, pages: [3] },
  ]);
  assert.equal(page3.more, null);
  assert.equal(page3.total_chars, 2400);
  // Each page reads the job again: Reducto keeps the result.
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    ['POST /parse_async', `GET /job/${JOB}`, `GET /job/${JOB}`, `GET /job/${JOB}`],
  );

  assert.equal(
    failure(await call('get_job_status', { job_id: JOB, chunk_offset: 7 })),
    `chunk_offset: the result of job ${JOB} has 3 chunks (0 to 2)`,
  );
  assert.equal(
    failure(await call('get_job_status', { job_id: JOB, chunk_offset: 2, content_offset: 200 })),
    `content_offset: chunk 2 of job ${JOB} has 200 characters`,
  );
});

test('a result Reducto gives as a URL is read from it without the API key, and paged the same way', async (t) => {
  const { fake, call } = await setup(t);
  const storage = await startFake();
  t.after(() => storage.close());
  const url = `${storage.url}/results/res_8e2f.json?X-Amz-Signature=abc123`;
  storage.route('GET /results/res_8e2f.json', {
    body: { type: 'full', chunks: [chunk('a'.repeat(800), [1]), chunk('b'.repeat(800), [2])] },
  });
  fake.route('POST /parse_async', { body: { job_id: JOB } });
  fake.route(`GET /job/${JOB}`, { body: job('Completed', { result: urlParseResponse(url) }) });

  const result = data(await call('parse_document', { document_url: DOC, max_chars: 1000 }));
  assert.equal(result.result_url, url);
  assert.equal(result.num_pages, 120);
  assert.equal(result.total_chunks, 2);
  assert.deepEqual(
    (result.chunks as { content: string }[]).map((c) => c.content.length),
    [800, 200],
  );
  assert.deepEqual([result.next_chunk_offset, result.next_content_offset], [1, 200]);
  const fetched = storage.requests[0];
  assert.equal(fetched?.query.get('X-Amz-Signature'), 'abc123');
  assert.equal(fetched?.headers.authorization, undefined, 'the API key is not sent to storage');
});

test('a result URL that has expired says so', async (t) => {
  const { fake, call } = await setup(t);
  const storage = await startFake();
  t.after(() => storage.close());
  storage.route('GET /results/old.json', { status: 403, body: '<Error><Code>AccessDenied</Code></Error>' });
  fake.route(`GET /job/${JOB}`, {
    body: job('Completed', { result: urlParseResponse(`${storage.url}/results/old.json`) }),
  });
  assert.equal(
    failure(await call('get_job_status', { job_id: JOB })),
    `Reducto's result URL for job ${JOB} is no longer valid (HTTP 403); run the job again`,
  );
});

test('a failed parse gives Reducto’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /parse_async', { body: { job_id: JOB } });
  fake.route(`GET /job/${JOB}`, {
    body: job('Failed', {
      reason: 'Failed to download file from url. Please check the document url and try again',
    }),
  });
  assert.equal(
    failure(await call('parse_document', { document_url: DOC })),
    `The parse job ${JOB} failed: Failed to download file from url. Please check the document url and try again`,
  );
});

test('a parse still running at the deadline hands back its job id', async (t) => {
  const { fake, call } = await setup(t, undefined, { poll: { deadlineMs: 0 } });
  fake.route('POST /parse_async', { body: { job_id: JOB } });
  fake.route(`GET /job/${JOB}`, { body: job('Pending') });
  assert.equal(
    failure(await call('parse_document', { document_url: DOC })),
    `The parse job ${JOB} is still running after 0 s; Reducto keeps working on it: call get_job_status with job_id ${JOB} (or cancel_job)`,
  );
  assert.equal(
    fake.requests.filter((r) => r.path.startsWith('/cancel')).length,
    0,
    'the deadline cancels nothing',
  );
});

test('a client that cancels while a parse runs stops the polling and cancels the job at Reducto', {
  timeout: 10_000,
}, async (t) => {
  const { fake, client } = await setup(t, undefined, {
    // A real (abortable) wait, long enough that only the cancellation can end it.
    poll: { initialDelayMs: 60_000, sleep: undefined },
  });
  fake.route('POST /parse_async', { body: { job_id: JOB } });
  fake.route(`GET /job/${JOB}`, { body: job('Pending') });
  const cancelled = new Promise((resolve) => {
    fake.route(`POST /cancel/${JOB}`, (req) => {
      resolve(req);
      return { body: {} };
    });
  });
  const controller = new AbortController();
  await assert.rejects(
    client.callTool(
      { name: 'parse_document', arguments: { document_url: DOC } },
      { signal: controller.signal, onprogress: () => controller.abort() },
    ),
  );
  const req = (await cancelled) as { headers: Record<string, string> };
  assert.equal(req.headers.authorization?.startsWith('Bearer '), true);
  assert.equal(fake.requests.filter((r) => r.path === `/job/${JOB}`).length, 1);
});
