import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOC, extractResponse, FILE_ID, JOB, job, splitResponse } from './fake-reducto.js';
import { assertRequest, data, failure, setup } from './harness.js';

const SCHEMA = {
  type: 'object',
  properties: { invoice_number: { type: 'string' }, total: { type: 'number' } },
  required: ['invoice_number'],
};

test('extract_data sends the schema and prompts, waits for the job and returns the data', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /extract_async', { body: { job_id: JOB } });
  fake.route(`GET /job/${JOB}`, {
    body: job('Completed', {
      result: extractResponse(
        [{ invoice_number: 'INV-042', total: 1280.5 }],
        [{ invoice_number: [{ page: 1, bbox: { left: 0.1, top: 0.2, width: 0.2, height: 0.02, page: 1 } }] }],
      ),
    }),
  });
  const result = data(
    await call('extract_data', {
      document_url: `jobid://${JOB}`,
      // A JSON string, as models often send it, is read as the schema.
      schema: JSON.stringify(SCHEMA),
      system_prompt: 'Amounts in euros.',
      generate_citations: true,
      use_chunking: false,
      priority: false,
    }),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/extract_async',
    body: {
      document_url: `jobid://${JOB}`,
      schema: SCHEMA,
      system_prompt: 'Amounts in euros.',
      generate_citations: true,
      use_chunking: false,
      priority: false,
    },
  });
  assertRequest(fake.requests[1], { method: 'GET', path: `/job/${JOB}` });
  assert.deepEqual(result, {
    job_id: JOB,
    num_pages: 2,
    num_fields: 3,
    credits: 4,
    studio_link: `https://studio.reducto.ai/job/${JOB}`,
    total_results: 1,
    result_offset: 0,
    result: [{ invoice_number: 'INV-042', total: 1280.5 }],
    citations: [
      { invoice_number: [{ page: 1, bbox: { left: 0.1, top: 0.2, width: 0.2, height: 0.02, page: 1 } }] },
    ],
    next_result_offset: null,
    more: null,
  });
});

test('results extracted chunk by chunk are paged by chunk_offset within max_chars', async (t) => {
  const { fake, call } = await setup(t);
  const rows = Array.from({ length: 5 }, (_, i) => ({ invoice_number: `INV-${i}`, note: 'n'.repeat(400) }));
  fake.route('POST /extract_async', { body: { job_id: JOB } });
  fake.route(`GET /job/${JOB}`, {
    body: job('Completed', { type: 'Extract', result: extractResponse(rows) }),
  });

  const first = data(
    await call('extract_data', {
      document_url: FILE_ID,
      schema: SCHEMA,
      use_chunking: true,
      max_chars: 1000,
    }),
  );
  assert.deepEqual(first.result, rows.slice(0, 2));
  assert.equal(first.next_result_offset, 2);
  assert.equal(first.more, `Call get_job_status with job_id ${JOB} and chunk_offset 2 for the next results`);

  const second = data(await call('get_job_status', { job_id: JOB, chunk_offset: 2, max_chars: 1000 }));
  const page = second.extract as Record<string, unknown>;
  assert.equal(second.type, 'Extract');
  assert.deepEqual(page.result, rows.slice(2, 4));
  assert.equal(page.result_offset, 2);
  assert.equal(page.next_result_offset, 4);
  const last = data(await call('get_job_status', { job_id: JOB, chunk_offset: 4, max_chars: 1000 }));
  assert.deepEqual((last.extract as Record<string, unknown>).result, rows.slice(4));
  assert.equal((last.extract as Record<string, unknown>).more, null);
});

test('an extraction schema that is not JSON Schema names the argument', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('extract_data', { document_url: DOC, schema: 'total, date' })),
    /^Invalid arguments for tool extract_data: schema: must be a JSON Schema object/,
  );
  assert.equal(fake.requests.length, 0);
});

test('split_document sends the sections, waits for the job and returns the pages of each', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route('POST /split_async', { body: { job_id: JOB } });
  fake.once(`GET /job/${JOB}`, { body: job('Pending') });
  fake.route(`GET /job/${JOB}`, { body: job('Completed', { result: splitResponse() }) });
  const split_description = [
    { name: 'Balance sheet', description: 'Assets and liabilities' },
    { name: 'Income statement', description: 'Revenue and costs', partition_key: 'account number' },
  ];
  const result = data(
    await call('split_document', {
      document_url: DOC,
      split_description,
      split_rules: 'Sections never overlap.',
      advanced_options: { ocr_system: 'highres' },
    }),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/split_async',
    body: {
      document_url: DOC,
      split_description,
      split_rules: 'Sections never overlap.',
      advanced_options: { ocr_system: 'highres' },
      priority: true,
    },
  });
  assert.equal(fake.requests.length, 3);
  assert.deepEqual(sleeps, [10]);
  assert.deepEqual(result, {
    job_id: JOB,
    num_pages: 12,
    credits: 12,
    splits: [
      { name: 'Balance sheet', pages: [3, 4], confidence: 'high', partitions: null },
      {
        name: 'Income statement',
        pages: [5, 6, 7],
        confidence: 'low',
        partitions: [{ name: 'ACC-1', pages: [5, 6], confidence: 'high' }],
      },
    ],
    section_mapping: { 'Balance sheet': [3, 4], 'Income statement': [5, 6, 7] },
  });
});

test('a split without sections is refused before Reducto is called', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('split_document', { document_url: DOC, split_description: [] })),
    /split_description: Too small/,
  );
  assert.equal(fake.requests.length, 0);
});
