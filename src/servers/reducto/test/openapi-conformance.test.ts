import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { type FakeReply, type RecordedRequest, startFake } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import { createReductoServer } from '../index.js';
import {
  chunk,
  DOC,
  extractResponse,
  FILE_ID,
  job,
  jsonString,
  KEY,
  parseResponse,
  REDUCTO_ROUTES,
  splitResponse,
} from './fake-reducto.js';
import { data, setup, testTuning } from './harness.js';

/**
 * Checks the fake and the client against Reducto's OpenAPI description, so they cannot drift apart
 * together: every request the tools make must be an operation of the description (method, path,
 * query keys, JSON body), and every answer the fake gives must fit that operation's 200 schema.
 *
 * The tools send the legacy configuration guMCP sent (document_url, options, advanced_options,
 * priority, webhook), which Reducto describes in docs.reducto.ai/openapi-legacy.json; the current
 * description (docs.reducto.ai/openapi.json, the one its SDKs are generated from) has the same
 * answers but the newer request bodies. No npm package carries either. REDUCTO_OPENAPI_SPEC names a
 * copy of the legacy description; without it the test is skipped.
 */

const [PARSE, EXTRACT, SPLIT] = [
  '7600c8c5-a52f-49d2-8a7d-d75d1b51e141',
  'a1b2c3d4-0000-4000-8000-000000000002',
  'a1b2c3d4-0000-4000-8000-000000000003',
];

const SCHEMA = { type: 'object', properties: { total: { type: 'number' } } };
const OPTIONS = {
  ocr_mode: 'standard',
  extraction_mode: 'ocr',
  chunking: { chunk_mode: 'variable', chunk_size: 1000 },
  filter_blocks: ['Header', 'Page Number'],
  force_url_result: false,
};
const ADVANCED = {
  ocr_system: 'highres',
  table_output_format: 'md',
  page_range: { start: 1, end: 2 },
  document_password: 'hunter2',
  merge_tables: true,
};

const CALLS: [string, Record<string, unknown>][] = [
  [
    'parse_document',
    {
      document_url: DOC,
      options: OPTIONS,
      advanced_options: ADVANCED,
      experimental_options: { enable_checkboxes: true },
      priority: true,
    },
  ],
  [
    'parse_document_async',
    {
      document_url: FILE_ID,
      options: OPTIONS,
      webhook: { mode: 'direct', url: 'https://hooks.example.com/r', metadata: { ticket: 1 } },
    },
  ],
  [
    'extract_data',
    {
      document_url: `jobid://${PARSE}`,
      schema: SCHEMA,
      system_prompt: 'Be exact.',
      generate_citations: true,
      use_chunking: false,
      options: OPTIONS,
      advanced_options: ADVANCED,
    },
  ],
  ['extract_data_async', { document_url: DOC, schema: SCHEMA, webhook: { mode: 'svix', channels: ['ops'] } }],
  [
    'split_document',
    {
      document_url: DOC,
      split_description: [{ name: 'Statement', description: 'Account statement', partition_key: 'account' }],
      split_rules: 'No overlaps.',
      advanced_options: ADVANCED,
    },
  ],
  [
    'split_document_async',
    {
      document_url: DOC,
      split_description: [{ name: 'Statement', description: 'Account statement' }],
      webhook: { mode: 'enabled' },
      priority: false,
    },
  ],
  ['get_job_status', { job_id: PARSE, chunk_offset: 1, content_offset: 0, max_chars: 1000 }],
  ['cancel_job', { job_id: EXTRACT }],
  [
    'upload_document',
    { file_path: 'a.pdf', extension: 'pdf', content_base64: Buffer.from('%PDF-1.7').toString('base64') },
  ],
  ['upload_document', { file_path: 'big.pdf', content_base64: Buffer.alloc(64, 1).toString('base64') }],
  ['get_version', {}],
  ['webhook_portal', {}],
];

test("every request the tools make, and every answer of the fake, fits Reducto's OpenAPI description", async (t) => {
  const file = process.env.REDUCTO_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('REDUCTO_OPENAPI_SPEC names no copy of the Reducto (legacy) OpenAPI description');
    return;
  }
  const spec = await OpenApiCheck.load(file);
  const { fake, call } = await setup(t, undefined, { directUploadMaxBytes: 32 });
  const storage = await startFake();
  t.after(() => storage.close());
  storage.route('PUT /put/big', { body: '' });

  const answered: { req: RecordedRequest; reply: FakeReply }[] = [];
  const answer = (route: string, reply: FakeReply | ((req: RecordedRequest) => FakeReply)) =>
    fake.route(route, (req) => {
      const given = typeof reply === 'function' ? reply(req) : reply;
      answered.push({ req, reply: given });
      return given;
    });
  answer('POST /parse_async', { body: { job_id: PARSE } });
  answer('POST /extract_async', { body: { job_id: EXTRACT } });
  answer('POST /split_async', { body: { job_id: SPLIT } });
  answer(`GET /job/${PARSE}`, {
    body: job('Completed', {
      progress: 100,
      result: parseResponse([chunk('# A', [1]), chunk('B', [2])], PARSE),
    }),
  });
  answer(`GET /job/${EXTRACT}`, {
    body: job('Completed', { result: extractResponse([{ total: 3 }], null, EXTRACT) }),
  });
  answer(`GET /job/${SPLIT}`, { body: job('Completed', { result: splitResponse() }) });
  answer(`POST /cancel/${EXTRACT}`, { body: {} });
  answer('POST /upload', (req) =>
    req.rawBody
      ? { body: { file_id: FILE_ID, presigned_url: null } }
      : { body: { file_id: FILE_ID, presigned_url: `${storage.url}/put/big?X-Amz-Signature=s` } },
  );
  answer('GET /version', jsonString('v1.12.2-198-g2586471718b0'));
  answer('POST /configure_webhook', jsonString('https://app.svix.com/login#key=abc'));
  answer('GET /jobs', { body: { jobs: [], next_cursor: null } });

  for (const [name, args] of CALLS) data(await call(name, args));
  const server = createReductoServer(testTuning([]));
  if (server.auth.kind === 'api_key') await server.auth.verify?.({ api_key: KEY });

  const used = new Set<string>();
  assert.equal(answered.length, fake.requests.length, 'every request was answered by a route of this test');
  for (const { req, reply } of answered) {
    used.add(spec.assertRequest(req));
    const body = typeof reply.body === 'string' && reply.body ? JSON.parse(reply.body) : reply.body;
    spec.assertAnswer(req.method, req.path, reply.status ?? 200, body);
  }
  assert.deepEqual(
    [...used].sort(),
    [...REDUCTO_ROUTES].sort(),
    'the tools use every route of REDUCTO_ROUTES',
  );
});
